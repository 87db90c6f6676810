"""Word edits held back from a version and built into it in one pass.

:func:`rulebook.amend.apply.apply_all` applies the word operations (those declared
``words_only``) without making a version for each edit: the edited clauses are
held here by id, and one version is built when a later motion needs it or the
batch ends (docs/architecture.md, "Speed"). Such an edit keeps the clause's id,
place, children and provision names, so every path and both maps of the
version stay right; the children a held clause carries are ignored when it is
built in.

Examples
--------
>>> from rulebook.model import Clause, Level, Version, evolve_clause
>>> v = Version("club", "1", [Level("arabic"), Level("lower-alpha")],
...             [Clause("a", children=[Clause("a.1", text="One."), Clause("a.2", text="Two.")])])
>>> held = Pending(v)
>>> held.put(evolve_clause(v.clause("a.2"), text="Three."))
>>> held.clause("a.2").text, v.clause("a.2").text
('Three.', 'Two.')
>>> w = held.build()
>>> w.clause("a.2").text, w.clause("a.1") is v.clause("a.1")
('Three.', True)
"""

from __future__ import annotations

from operator import attrgetter
from typing import Any

from rulebook.binding import restated
from rulebook.model import _NO_PROVISIONS, Clause, Version, _with_children, _with_clauses

__all__ = ["Pending", "restate_edits"]

_CHILDREN = attrgetter("children")


class Pending:
    """A built version and, by id, the clauses edited since (their own fields)."""

    __slots__ = ("below", "calm", "clauses", "settled", "version")

    def __init__(self, version: Version) -> None:
        self.version = version
        self.clauses: dict[str, Clause] = {}
        #: Parent id (None for the top level) -> the positions under it of the edited
        #: clauses and the clauses above them, in the order first edited.
        self.below: dict[str | None, dict[int, None]] = {}
        #: Clauses above an edit found to have nothing to restate, by id: restating reads
        #: a clause's own fields (and its sub-clauses' words, for a value counted from them).
        self.settled: dict[str, Clause] = {}
        #: Clauses that, with every clause above them, are quiet or settled.
        self.calm: set[str] = set()

    def clause(self, clause_id: str) -> Clause:
        """The clause as edited (the version's own when no edit is held)."""
        found = self.clauses.get(clause_id)
        return self.version.clause(clause_id) if found is None else found

    def put(self, clause: Clause) -> None:
        """Hold ``clause`` in place of the clause of the same id."""
        if clause.id not in self.clauses:
            below, lineage = self.below, self.version._descend(clause.id)
            for k in range(len(lineage) - 1, -1, -1):  # upwards, to a clause already marked
                parent = lineage[k - 1][1].id if k else None
                marked = below.get(parent)
                if marked is None:
                    marked = below[parent] = {}
                elif lineage[k][0] in marked:
                    break  # and so is every clause above it
                marked[lineage[k][0]] = None
        if clause.children and (clause.stated or clause.provisions):
            self.calm.clear()  # it may be above a clause found calm (a quiet clause stays quiet)
        self.clauses[clause.id] = clause

    def build(self) -> Version:
        """The version with every held edit, re-creating each clause above one once."""
        if not self.clauses:
            return self.version
        provisions = self.version.provision_index.evolver()
        clauses = _rebuilt(self.version.clauses, None, self.below, self.clauses, provisions)
        maps = (self.version.parents, provisions.persistent()) if provisions.is_dirty() else None
        return _with_clauses(self.version, clauses, maps)


def _rebuilt(
    siblings: tuple[Clause, ...],
    parent: str | None,
    below: dict[str | None, dict[int, None]],
    held: dict[str, Clause],
    provisions: Any,
) -> tuple[Clause, ...]:
    # a plain function calling itself, not a closure: no reference cycle per build
    out = list(siblings)
    for i in below[parent]:
        old = siblings[i]
        node = held.get(old.id, old)
        children = _rebuilt(old.children, old.id, below, held, provisions) if old.id in below else old.children
        if (
            node is not old
            and node.provisions is not old.provisions
            and node.provisions.keys() != old.provisions.keys()
        ):
            for name in old.provisions:
                if name in provisions and provisions[name] == old.id:  # evolvers have no .get
                    provisions.remove(name)
            for name in node.provisions:
                provisions.set(name, old.id)
        out[i] = node if node.children is children else _with_children(node, children)
    return tuple(out)


def restate_edits(pending: Pending, edits: dict[str, Clause], since: str | None = None) -> list[str]:
    """Bring up to date, in ``edits``, the bindings of the clauses a motion edited and
    of the clauses above them, as :func:`rulebook.binding.restate` does for the
    version built from them (the clauses above count their sub-clauses' words);
    the names of the provisions whose values moved (``since``: the motion)."""
    moved: list[str] = []
    seen: set[str] = set()
    leaves = not any(map(_CHILDREN, edits.values()))  # the usual motion: no edit above another
    held, known_calm, descend = pending.clauses, pending.calm, pending.version._descend
    for cid in list(edits):
        lineage = descend(cid)
        edited, up = edits[cid], lineage[-1][1]
        if edited.stated or edited.provisions is not _NO_PROVISIONS or up.stated or cid in held:
            _restate(pending, up, edits, seen, moved, since)  # else quiet, as _restate would find it
        k = len(lineage) - 2
        if k < 0 or (leaves and lineage[k][1].id in known_calm):
            continue  # the usual edit: every clause above it known calm
        walked, calm = [], True
        while k >= 0:  # upwards, to the first clause known calm
            up = lineage[k][1]
            uid = up.id
            if leaves and uid in known_calm:
                break
            if up.stated or up.provisions is not _NO_PROVISIONS or uid in edits or uid in held:
                calm = _restate(pending, up, edits, seen, moved, since) and calm
            walked.append(uid)  # else quiet, as _restate would find it
            k -= 1
        if calm and leaves:
            known_calm.update(walked)
    return moved


def _restate(
    pending: Pending, up: Clause, edits: dict[str, Clause], seen: set[str], moved: list[str], since: str | None
) -> bool:
    """Restate one clause (``up`` as the version has it) in ``edits``; True when it had
    nothing to restate and will have nothing while it and its sub-clauses stay as they are."""
    uid = up.id
    if uid in seen:
        return True
    seen.add(uid)
    old = pending.clauses.get(uid, up)
    new = edits.get(uid, old)
    if not new.stated and not old.stated and (new.provisions is _NO_PROVISIONS or not new.provisions):
        return True  # most clauses: nothing bound to follow
    if new is old and pending.settled.get(uid) is old:
        return True
    children = tuple(edits.get(c.id) or pending.clauses.get(c.id, c) for c in up.children)
    found = restated(old, _with_children(new, children), since)
    if found is not None:
        edits[uid], names = found
        moved.extend(names)
        return False
    if new is old and all(s.source != "sub-clauses" for s in old.stated):
        pending.settled[uid] = old
        return True
    return False
