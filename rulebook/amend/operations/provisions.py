"""The operations on provisions: set and remove a provision, the two a ruling may use.

Declared as the word operations are (:mod:`rulebook.amend.operations.words`).

Examples
--------
>>> from rulebook.amend.wording import write_wording
>>> write_wording(Amendment("remove_provision", clause="fees", name="fee"))
'fees: remove provision fee'
"""

from __future__ import annotations

import attrs

from rulebook.amend.apply import Step, describe
from rulebook.amend.motion import Amendment, Operation
from rulebook.model import Version, evolve_clause, replace_clause

__all__ = ["BUILTINS"]


def not_counted(self: Step, v: Version, cid: str, name: str) -> None:
    """Refuse to set a provision that is counted from sub-clauses (docs/provisions.md)."""
    if any(s.provision == name and s.source == "sub-clauses" for s in v.clause(cid).stated):
        raise self.fail(
            f"provision {name!r} is counted from the sub-clauses of {describe(v, cid)}; "
            "insert, delete or reword those sub-clauses instead"
        )


def apply_set_provision(self: Step, v: Version, a: Amendment) -> Version:
    cid = self.ref(a.clause or "", v)
    name = a.name or ""
    not_counted(self, v, cid, name)
    owner = v.provision_clause(name)
    if owner is not None and owner != cid:
        raise self.fail(
            f"provision {name!r} is carried by {describe(v, owner)}; set it there, or remove it there first"
        )
    clause = v.clause(cid)
    provisions = dict(clause.provisions)
    provisions[name] = a.value
    out = replace_clause(v, evolve_clause(clause, provisions=provisions))
    return attrs.evolve(out, provenance=out.provenance.set(name, self.motion.change))


def apply_remove_provision(self: Step, v: Version, a: Amendment) -> Version:
    cid = self.ref(a.clause or "", v)
    name = a.name or ""
    not_counted(self, v, cid, name)
    clause = v.clause(cid)
    if name not in clause.provisions:
        owner = v.provision_clause(name)
        elsewhere = f"; it is carried by {describe(v, owner)}" if owner else ""
        raise self.fail(f"{describe(v, cid)} carries no provision {name!r}{elsewhere}")
    provisions = {k: val for k, val in clause.provisions.items() if k != name}
    out = replace_clause(v, evolve_clause(clause, provisions=provisions))
    return attrs.evolve(out, provenance=out.provenance.discard(name))


_DRAW = "rulebook.strategies.motions:Builder."

#: In the order docs/motions.md lists them.
BUILTINS = (
    Operation(
        "set_provision",
        ("clause", "name", "value"),
        ("clause", "name", "value"),
        ruling=True,
        footprint="provision",
        apply=apply_set_provision,
        wording="{clause:ref}: set provision {name:name} to {value:flow}",
        strategy=_DRAW + "set_provision",
    ),
    Operation(
        "remove_provision",
        ("clause", "name"),
        ("clause", "name"),
        ruling=True,
        footprint="provision",
        apply=apply_remove_provision,
        wording="{clause:ref}: remove provision {name:name}",
        strategy=_DRAW + "remove_provision",
    ),
)
