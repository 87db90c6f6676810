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

from typing import Any

from rulebook.binding import restated
from rulebook.model import _NO_PROVISIONS, Clause, Version, _with_children, _with_clauses

__all__ = ["Pending", "restate_edits"]


class Pending:
    """A built version and, by id, the clauses edited since (their own fields)."""

    __slots__ = ("clauses", "paths", "settled", "version")

    def __init__(self, version: Version) -> None:
        self.version = version
        self.clauses: dict[str, Clause] = {}
        self.paths: dict[str, tuple[int, ...]] = {}
        #: Clauses above an edit found to have nothing to restate, by id: restating reads
        #: a clause's own fields (and its sub-clauses' words, for a value counted from them).
        self.settled: dict[str, Clause] = {}

    def clause(self, clause_id: str) -> Clause:
        """The clause as edited (the version's own when no edit is held)."""
        found = self.clauses.get(clause_id)
        return self.version.clause(clause_id) if found is None else found

    def put(self, clause: Clause) -> None:
        """Hold ``clause`` in place of the clause of the same id."""
        if clause.id not in self.paths:
            self.paths[clause.id] = self.version.path(clause.id)
        self.clauses[clause.id] = clause

    def build(self) -> Version:
        """The version with every held edit, re-creating each clause above one once."""
        if not self.clauses:
            return self.version
        below: dict[int, Any] = {}
        for path in self.paths.values():
            node = below
            for i in path:
                node = node.setdefault(i, {})
        provisions = self.version.provision_index.evolver()
        clauses = _rebuilt(self.version.clauses, below, self.clauses, provisions)
        maps = (self.version.parents, provisions.persistent()) if provisions.is_dirty() else None
        return _with_clauses(self.version, clauses, maps)


def _rebuilt(
    siblings: tuple[Clause, ...], below: dict[int, Any], held: dict[str, Clause], provisions: Any
) -> tuple[Clause, ...]:
    # a plain function calling itself, not a closure: no reference cycle per build
    out = list(siblings)
    for i, further in below.items():
        old = siblings[i]
        node = held.get(old.id, old)
        children = _rebuilt(old.children, further, held, provisions) if further else old.children
        if node is not old and node.provisions.keys() != old.provisions.keys():
            for name in old.provisions:
                if name in provisions and provisions[name] == old.id:  # evolvers have no .get
                    provisions.remove(name)
            for name in node.provisions:
                provisions.set(name, old.id)
        out[i] = node if node.children is children else _with_children(node, children)
    return tuple(out)


def restate_edits(pending: Pending, edits: dict[str, Clause]) -> list[str]:
    """Bring up to date, in ``edits``, the bindings of the clauses a motion edited and
    of the clauses above them, as :func:`rulebook.binding.restate` does for the
    version built from them (the clauses above count their sub-clauses' words);
    the names of the provisions whose values moved."""
    version, held, settled = pending.version, pending.clauses, pending.settled
    moved: list[str] = []
    seen: set[str] = set()
    for cid in list(edits):
        for _, up in version._descend(cid):
            uid = up.id
            if uid in seen:
                continue
            seen.add(uid)
            old = held.get(uid, up)
            new = edits.get(uid, old)
            if not new.stated and not old.stated and (new.provisions is _NO_PROVISIONS or not new.provisions):
                continue  # most clauses: nothing bound to follow
            if new is old and settled.get(uid) is old:
                continue
            children = tuple(edits.get(c.id) or held.get(c.id, c) for c in up.children)
            found = restated(old, _with_children(new, children))
            if found is not None:
                edits[uid], names = found
                moved.extend(names)
            elif new is old and all(s.source != "sub-clauses" for s in old.stated):
                settled[uid] = old
    return moved
