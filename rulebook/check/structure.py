"""The structural changes of motions (clauses inserted, deleted, moved; provisions set),
passed one after another where other motions have already passed (``docs/checking.md``).

A motion's word changes of clauses of its base are judged word by word
(:mod:`rulebook.check.words`); what is left is its *structure*, naming clauses
by id. A place named by a clause that another motion deleted is still one place
when the neighbours that remain stand side by side (:func:`reanchor`).

Examples
--------
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("c", "1", [Level("arabic", "Rule {n}")], [Clause("a", text="Hi."), Clause("b")])
>>> m = Motion("m", [Amendment("replace_text", clause="Rule 1", text="Ho."),
...                  Amendment("delete_clause", clause="Rule 2")])
>>> [a.op for a in structure(m, v).amendments], structure(m, v).amendments[0].clause
(['delete_clause'], 'b')
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.check.footprint import WORD_OPS
from rulebook.errors import CitationError, RulebookError
from rulebook.model import Version
from rulebook.numbering import resolve_id

__all__ = ["base_of", "is_word_change", "reanchor", "resolved", "run", "structure"]


def base_of(motion: Motion, bases: Mapping[str, Version], version: Version) -> Version:
    """The version the motion was drafted against (default: ``version``)."""
    return bases.get(motion.base or "", version)


def resolved(base: Version, ref: str | None) -> str | None:
    """The stable id ``ref`` names in ``base``, or None."""
    if ref is None:
        return None
    try:
        return resolve_id(base, ref)
    except CitationError:
        return None


def is_word_change(amendment: Amendment, base: Version) -> bool:
    """True for a word operation on a clause of the base (the words of a clause the
    motion inserts itself go with the insertion)."""
    return amendment.op in WORD_OPS and resolved(base, amendment.clause) is not None


def structure(motion: Motion, base: Version) -> Motion:
    """The motion without its word changes of clauses of its base, naming clauses by id."""
    kept = []
    for a in motion.amendments:
        if is_word_change(a, base):
            continue
        fields: dict[str, Any] = {}
        for role in ("clause", "after", "before", "into"):
            ref = getattr(a, role)
            cid = resolved(base, ref) if not (role == "clause" and a.op == "insert_clause") else None
            if cid is not None:
                fields[role] = cid
        kept.append(attrs.evolve(a, **fields) if fields else a)
    return attrs.evolve(motion, amendments=tuple(kept))


def reanchor(motion: Motion, base: Version, now: Version) -> Motion | None:
    """The structural motion (naming clauses by id) adjusted to ``now``, where other motions
    have already passed: a deletion of a clause (or removal of a provision) already gone, or an
    insertion of a clause already there, is dropped (the same change, made once); a new or moved clause placed
    after or before a clause that is gone is placed between the neighbours that remain, when
    nothing else was put there. None when a place cannot be recovered.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("c", "1", [Level("arabic", "Rule {n}")], [Clause("a"), Clause("b"), Clause("c")])
    >>> now = Version("c", "2", [Level("arabic", "Rule {n}")], [Clause("a"), Clause("c")])
    >>> m = Motion("m", [Amendment("insert_clause", after="b", new_clause=Clause("n"))])
    >>> reanchor(m, v, now).amendments[0].after
    'a'
    """
    out = []
    for a in motion.amendments:
        if a.op == "delete_clause" and a.clause in base and a.clause not in now:
            continue
        gone = a.op == "remove_provision" and a.name is not None and now.provision_clause(a.name) is None
        if gone and base.provision_clause(a.name or "") is not None:
            continue
        new = a.new_clause.id if a.op == "insert_clause" and a.new_clause is not None else None
        if new is not None and new in now and new not in base:
            continue
        where = a.anchor
        if where is None or where[0] == "into" or where[1] in now or where[1] not in base:
            if where is not None and where[0] == "into" and where[1] in base and where[1] not in now:
                return None
            out.append(a)
            continue
        moved = _between(base, now, where[1])
        if moved is None:
            return None
        place = {"after": None, "before": None, "into": None, moved[0]: moved[1]}
        out.append(attrs.evolve(a, after=place["after"], before=place["before"], into=place["into"]))
    return attrs.evolve(motion, amendments=tuple(out))


def _between(base: Version, now: Version, gone: str) -> tuple[str, str] | None:
    """Where a clause that is gone stood, named by the neighbours that remain and still
    stand side by side in ``now``: ``("after", left)``, ``("before", right)`` or ``("into", parent)``."""
    parent = base.parents[gone]
    if parent and parent not in now:
        return None
    siblings = [c.id for c in base.siblings(gone)]
    i = siblings.index(gone)
    left = next((s for s in reversed(siblings[:i]) if s in now and now.parents.get(s) == parent), None)
    right = next((s for s in siblings[i + 1 :] if s in now and now.parents.get(s) == parent), None)
    current = [c.id for c in (now.clause(parent).children if parent else now.clauses)]
    at = current.index(left) + 1 if left is not None else 0
    if right is not None and (at >= len(current) or current[at] != right):
        return None  # something now stands between them: the place is not one place any more
    if right is None and at != len(current):
        return None
    if left is not None:
        return "after", left
    if right is not None:
        return "before", right
    return ("into", parent) if parent else None


def run(version: Version, steps: Sequence[tuple[Motion, Version]], bases: Mapping[str, Version]) -> Version | str:
    """The structural motions applied one after the other, or why one failed."""
    current = version
    for motion, base in steps:
        moved = reanchor(motion, base, current)
        if moved is None:
            return f"the place motion {motion.id} names for a clause is gone"
        if not moved.amendments:
            continue
        try:
            current = apply(current, moved, bases=bases)
        except RulebookError as exc:
            return exc.message
    return current
