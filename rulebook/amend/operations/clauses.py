"""The operations on whole clauses: insert, delete and move a clause.

Declared as the word operations are (:mod:`rulebook.amend.operations.words`).

Examples
--------
>>> from rulebook.amend.wording import write_wording
>>> write_wording(Amendment("move_clause", clause="fees", into="finance"))
'move clause fees to the end of finance'
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import attrs

from rulebook.amend.apply import Step, describe
from rulebook.amend.motion import Amendment, Operation
from rulebook.amend.wording.reader import names_number
from rulebook.io.rulebook import clause_data
from rulebook.model import Clause, Version, delete_clause, insert_clause, walk

__all__ = ["BUILTINS"]

Ref = Callable[[str | None], str]


def apply_insert_clause(self: Step, v: Version, a: Amendment) -> Version:
    clause = a.new_clause
    if clause is None or a.anchor is None:
        raise self.fail("insert_clause needs 'clause' and one of 'after', 'before', 'into'")
    parent, index = self.anchor(v, *a.anchor)
    # structured clauses, wordings and strategies all meet here, so ids are
    # checked across the whole resulting version, the new subtree included
    # (a sub-clause repeating its parent's id would make a clause its own ancestor)
    ids: set[str] = set()
    names: set[str] = set()
    for _, node in walk((clause,)):
        if node.id in v:
            raise self.fail(
                f"the new clause's id {node.id!r} is already used by {describe(v, node.id)}; choose another id"
            )
        if node.id in ids:
            raise self.fail(f"the new clause uses the id {node.id!r} twice; give each sub-clause its own id")
        ids.add(node.id)
        for name in node.provisions:
            owner = v.provision_clause(name)
            if owner is not None:
                raise self.fail(f"provision {name!r} of the new clause is already carried by {describe(v, owner)}")
            if name in names:
                raise self.fail(f"the new clause carries provision {name!r} twice; keep one")
            names.add(name)
    self.check_depth(v, parent, clause)
    out = insert_clause(v, parent, index, clause)
    self.check_numbers(out, parent)
    self.check_numbered(out, a, clause.id)
    provenance = out.provenance.evolver()
    for _, node in walk((clause,)):
        for name in node.provisions:
            provenance.set(name, self.motion.change)
    return attrs.evolve(out, provenance=provenance.persistent())


def apply_delete_clause(self: Step, v: Version, a: Amendment) -> Version:
    cid = self.ref(a.clause or "", v)
    out = delete_clause(v, cid)
    self.check_numbers(out, v.parents[cid])
    provenance = out.provenance.evolver()
    for _, node in walk((v.clause(cid),)):
        for name in node.provisions:
            if name in out.provenance:
                provenance.remove(name)
    return attrs.evolve(out, provenance=provenance.persistent())


def apply_move_clause(self: Step, v: Version, a: Amendment) -> Version:
    cid = self.ref(a.clause or "", v)
    if a.anchor is None:
        raise self.fail("move_clause needs one of 'after', 'before', 'into'")
    where, ref = a.anchor
    aid = self.ref(ref, v)
    if aid == cid or cid in (c.id for c in v.lineage(aid)):
        raise self.fail(f"cannot move {describe(v, cid)} {where} itself or one of its own sub-clauses")
    clause = v.clause(cid)
    without = delete_clause(v, cid)
    parent, index = self.anchor(without, where, aid)
    self.check_depth(without, parent, clause)
    out = insert_clause(without, parent, index, clause)
    self.check_numbers(out, v.parents[cid])
    self.check_numbers(out, parent)
    return out


def write_insert_clause(a: Amendment, ref: Ref) -> str:
    # here, not at the top: a build reads motions but writes no wording (docs/architecture.md, "Speed")
    from rulebook.amend.wording.writer import KEYWORDS, flow, quote

    clause = a.new_clause or Clause("")
    where, anchor = a.anchor or ("after", "")
    place = "at the end of" if where == "into" else where
    cid = clause.id
    named = cid.lower() in KEYWORDS or names_number(cid)
    head = f"insert new clause with id {cid}" if named else f"insert new clause {cid}"
    if a.numbered is not None:
        head = "insert new clause"  # named by the citation it will have, never by its id (docs/drafting.md)
    parts = [head]
    if clause.heading is not None:
        parts.append(f"headed {quote(clause.heading)}")
    if clause.number is not None:
        parts.append(f"numbered {quote(clause.number)}")
    parts.append(f"{place} {ref(anchor)}")
    if a.numbered is not None:
        parts.append(f"as {a.numbered}")  # the id stays in the structured fields (docs/drafting.md)
    out = " ".join(parts)
    if clause.text is not None:
        out += f": {quote(clause.text)}"
    if clause.provisions:
        out += f" with provisions {flow(clause.provisions)}"
    if clause.children:
        children = [clause_data(c) for c in clause.children]
        out += f" with sub-clauses {flow(_unnamed(children) if a.numbered is not None else children)}"
    return out


def _unnamed(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sub-clauses as data without their ids, which the reader derives (docs/drafting.md)."""
    return [{k: (_unnamed(v) if k == "clauses" else v) for k, v in item.items() if k != "id"} for item in items]


def write_delete_clause(a: Amendment, ref: Ref) -> str:
    cited = ref(a.clause)
    # "delete clause 17" keeps "clause" as part of the citation (docs/motions.md)
    return f"delete {cited}" if names_number(cited) else f"delete clause {cited}"


def write_move_clause(a: Amendment, ref: Ref) -> str:
    where, anchor = a.anchor or ("after", "")
    place = "to the end of" if where == "into" else where
    return f"move clause {ref(a.clause)} {place} {ref(anchor)}"


_DRAW = "rulebook.strategies.motions:Builder."

#: In the order docs/motions.md lists them.
BUILTINS = (
    Operation(
        "insert_clause",
        ("after", "before", "into", "clause", "numbered"),
        ("clause",),
        ("after", "before", "into"),
        apply=apply_insert_clause,
        wording=write_insert_clause,
        strategy=_DRAW + "insert_clause",
    ),
    Operation(
        "delete_clause",
        ("clause",),
        ("clause",),
        apply=apply_delete_clause,
        wording=write_delete_clause,
        strategy=_DRAW + "delete_clause",
    ),
    Operation(
        "move_clause",
        ("clause", "after", "before", "into"),
        ("clause",),
        ("after", "before", "into"),
        apply=apply_move_clause,
        wording=write_move_clause,
        strategy=_DRAW + "move_clause",
    ),
)
