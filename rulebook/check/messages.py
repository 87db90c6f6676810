"""How findings and collisions word what they found (``docs/checking.md``, Findings).

Examples
--------
>>> listed(["a", "b", "c"]), quote("  two   words ")
('a, b and c', "'two words'")
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from typing import Protocol

from rulebook.amend.motion import Motion
from rulebook.check.delta import delta
from rulebook.check.findings import describe
from rulebook.check.footprint import Footprint, key_clause
from rulebook.check.invariants import Violation
from rulebook.model import Version

__all__ = [
    "difference",
    "if_pass",
    "invariant_message",
    "keys_clauses",
    "listed",
    "quote",
    "removed_message",
    "shared_state",
    "violation_clauses",
]


class Applied(Protocol):
    """A motion applied alone: what it is, what it made, what it touched."""

    @property
    def motion(self) -> Motion: ...  # pragma: no cover
    @property
    def result(self) -> Version: ...  # pragma: no cover
    @property
    def footprint(self) -> Footprint: ...  # pragma: no cover


def quote(text: str | None, limit: int = 90) -> str:
    """``text`` with its whitespace made single spaces, quoted, cut to ``limit`` characters."""
    text = " ".join((text or "").split())
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


def listed(names: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"


def if_pass(names: Sequence[str]) -> str:
    """``if motion a passes``, ``if motions a and b both pass``, ``if motions a, b and c all pass``.

    Examples
    --------
    >>> if_pass(["a"]), if_pass(["a", "b"])
    ('if motion a passes', 'if motions a and b both pass')
    """
    if len(names) == 1:
        return f"if motion {names[0]} passes"
    return f"if motions {listed(names)} {'both' if len(names) == 2 else 'all'} pass"


def violation_clauses(violation: Violation) -> list[str]:
    """The clause an invariant's violation is about, if any."""
    return [violation.clause] if violation.clause else []


def invariant_message(who: str, verb: str, violation: Violation) -> str:
    """``{who} {verb} invariant 'name' (description): what is wrong``."""
    inv = violation.invariant
    about = f" ({inv.description.rstrip('.')})" if inv.description else ""
    return f"{who} {verb} invariant {inv.name!r}{about}: {violation.message}"


def keys_clauses(keys: Iterable[tuple[str, ...]], *versions: Version) -> list[str]:
    """The clauses footprint keys are about, once each, in key order."""
    out = []
    for key in sorted(keys):
        cid = key_clause(key, *versions)
        if cid is not None and cid not in out:
            out.append(cid)
    return out


def difference(version: Version, ab: Version, ba: Version, first: str, second: str) -> tuple[str, list[str]]:
    """How two results differ, for a drafter (``first``, ``second``: the orders that gave them),
    and the clause concerned."""
    diff = delta(ab, ba)
    if diff.changed:
        cid = sorted(diff.changed)[0]
        detail = (
            f"{describe(cid, version, ab)} reads {quote(ab.clause(cid).text)} after {first} "
            f"but {quote(ba.clause(cid).text)} after {second}"
        )
        return detail, [cid]
    if diff.provisions:
        name = sorted(diff.provisions)[0]
        detail = f"provision {name} is {ab.provision(name)!r} after {first} but {ba.provision(name)!r} after {second}"
        carrier = ab.provision_clause(name) or ba.provision_clause(name)
        return detail, [carrier] if carrier else []
    parents = sorted({ab.parents.get(c) or "" for c in diff.moved} or {p for p, _ in diff.gaps} or {""})
    parent = parents[0]
    where = f"inside {describe(parent, version, ab)}" if parent else "at the top level"
    detail = f"the clauses {where} come in a different order after {first} than after {second}"
    return detail, [parent] if parent else []


def removed_message(version: Version, a: Applied, b: Applied) -> tuple[str, str] | None:
    """When ``a`` deletes or moves a clause that ``b`` names: that clause and the
    target-removed message."""
    amendments = a.motion.amendments
    moved = {x.id for x in a.footprint.names if x.role == "clause" and amendments[x.amendment].op == "move_clause"}
    gone = a.footprint.delta.removed | (moved & a.footprint.delta.moved)
    name = b.footprint.naming(gone)
    if name is None:
        return None
    amendment = b.motion.amendments[name.amendment]
    role = "amends" if name.role == "clause" else f"places a clause {name.role}"
    what = describe(name.id, version)
    x, y = a.motion.id, b.motion.id
    if name.id in a.footprint.delta.removed:
        roots = {
            n.id for n in a.footprint.names if amendments[n.amendment].op == "delete_clause" and n.role == "clause"
        }
        verb = "deletes" if name.id in roots else "deletes the clause holding"
        consequence = f"if {x} passes, {y} no longer applies"
    else:
        verb = "moves"
        consequence = f"if {x} passes first, {y} applies to it at its new place, and the result depends on the order"
    message = (
        f"motion {x} {verb} {what}, which motion {y} {role} (amendment {name.amendment + 1}, {amendment.op}); "
        f"{consequence}"
    )
    return name.id, message


def shared_state(a: Applied, b: Applied) -> list[str]:
    """What both motions change to the same state (described), if anything."""
    out = []
    va, vb = a.result, b.result
    for key in sorted(a.footprint.writes & b.footprint.writes):
        kind = key[0]
        if kind == "text":
            x, y = va.clause(key[1]), vb.clause(key[1])
            if (x.heading, x.text, x.number) == (y.heading, y.text, y.number):
                out.append(describe(key[1], va))
        elif kind == "provision":
            name = key[1]
            if va.provision_clause(name) == vb.provision_clause(name) and va.provision(name) == vb.provision(name):
                out.append(f"provision {name}")
        elif kind == "exists" and key[1] not in va and key[1] not in vb:
            out.append(f"the deletion of clause {key[1]}")
    return out
