"""What changed between two versions of one book, matched by clause identity.

This is the small, fast diff that checking needs: which clauses changed their
words, which were added, removed or moved, which provisions changed, and which
*gaps* between siblings received or lost clauses. Unchanged subtrees are shared
between versions made by :func:`~rulebook.amend.apply.apply`, so the walk skips
every pair of identical (``is``) objects and costs little more than what
changed. (The full Keeling-schedule diff, with words and citations, is
:mod:`rulebook.diff`.)

A gap is named by its parent (``""`` at the top level) and the sibling to its
left in the *old* version (``""`` before the first child): inserting after
``b`` or before ``c`` in ``[a, b, c]`` both fill the gap ``(parent, "b")``.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> old = Version("club", "1", [Level("arabic", "Rule {n}")],
...               [Clause("a", text="One."), Clause("b", text="Two."), Clause("c", text="Three.")])
>>> new = Version("club", "2", [Level("arabic", "Rule {n}")],
...               [Clause("a", text="One!"), Clause("c", text="Three."), Clause("n", text="New.")])
>>> d = delta(old, new)
>>> sorted(d.changed), sorted(d.removed), sorted(d.added)
(['a'], ['b'], ['n'])
>>> sorted(d.gaps)
[('', 'a'), ('', 'b'), ('', 'c')]
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable

import attrs

from rulebook.model import Clause, Version, same_value, walk

__all__ = ["Delta", "delta", "lineage_ids", "part_of", "subtree_ids"]

Gap = tuple[str, str]


@attrs.frozen
class Delta:
    """The clauses, provisions and gaps that differ between two versions.

    ``changed``: ids in both whose heading, text or pinned number differ;
    ``added``/``removed``: every id of an added/removed subtree; ``moved``: ids
    in both whose parent or order among their siblings changed;
    ``provisions``: names whose value or carrier changed; ``gaps``: gaps of the
    old version whose contents changed.

    Examples
    --------
    >>> Delta().is_empty
    True
    """

    changed: frozenset[str] = frozenset()
    added: frozenset[str] = frozenset()
    removed: frozenset[str] = frozenset()
    moved: frozenset[str] = frozenset()
    provisions: frozenset[str] = frozenset()
    gaps: frozenset[Gap] = frozenset()

    @property
    def is_empty(self) -> bool:
        """True when nothing differs."""
        return not (self.changed or self.added or self.removed or self.moved or self.provisions or self.gaps)

    @property
    def touched(self) -> frozenset[str]:
        """Every clause id changed, added, removed or moved."""
        return self.changed | self.added | self.removed | self.moved


class _Walk:
    """Collects the differences while walking pairs of sibling lists."""

    def __init__(self, old: Version, new: Version) -> None:
        self.old = old
        self.new = new
        self.changed: set[str] = set()
        self.added: set[str] = set()
        self.removed: set[str] = set()
        self.moved: set[str] = set()
        self.provisions: set[str] = set()
        self.gaps: set[Gap] = set()
        self.stack: list[tuple[str | None, tuple[Clause, ...], tuple[Clause, ...]]] = []

    def run(self) -> Delta:
        self.stack.append((None, self.old.clauses, self.new.clauses))
        while self.stack:
            self.siblings(*self.stack.pop())
        return Delta(
            frozenset(self.changed), frozenset(self.added), frozenset(self.removed),
            frozenset(self.moved), frozenset(self.provisions), frozenset(self.gaps),
        )  # fmt: skip

    def siblings(self, parent: str | None, before: tuple[Clause, ...], after: tuple[Clause, ...]) -> None:
        if before is after:
            return
        old_ids = [c.id for c in before]
        new_ids = [c.id for c in after]
        shuffled: set[str] = set()
        if old_ids != new_ids:
            key = parent or ""
            matcher = difflib.SequenceMatcher(None, old_ids, new_ids, autojunk=False)
            for tag, i1, i2, j1, j2 in matcher.get_opcodes():
                if tag == "equal":
                    continue
                self.gaps.add((key, old_ids[i1 - 1] if i1 else ""))
                self.gaps.update((key, cid) for cid in old_ids[i1:i2])
                shuffled.update(old_ids[i1:i2])
                shuffled.update(new_ids[j1:j2])
        twins = {c.id: c for c in after}
        for clause in before:
            twin = twins.get(clause.id)
            if twin is None:
                self.gone(clause)
                continue
            if clause.id in shuffled:
                self.moved.add(clause.id)
            self.compare(clause, twin)
        for clause in after:
            if clause.id not in self.old:
                self.arrived(clause)

    def compare(self, a: Clause, b: Clause) -> None:
        if a is b:
            return
        if (a.heading, a.text, a.number) != (b.heading, b.text, b.number):
            self.changed.add(a.id)
        if not same_value(a.provisions, b.provisions):
            names = set(a.provisions) | set(b.provisions)
            self.provisions.update(
                n
                for n in names
                if n not in a.provisions or n not in b.provisions or not same_value(a.provisions[n], b.provisions[n])
            )
        self.stack.append((a.id, a.children, b.children))

    def gone(self, clause: Clause) -> None:
        """A clause no longer among these siblings: removed, or moved elsewhere."""
        pending = [clause]
        while pending:
            node = pending.pop()
            if node.id in self.new:
                self.moved.add(node.id)
                self.compare(node, self.new.clause(node.id))
                continue
            self.removed.add(node.id)
            self.provisions.update(node.provisions)
            pending.extend(node.children)

    def arrived(self, clause: Clause) -> None:
        """A clause new among these siblings whose id the old version lacks."""
        pending = [clause]
        while pending:
            node = pending.pop()
            if node.id in self.old:  # moved here from a deleted subtree: compared from the old side
                continue
            self.added.add(node.id)
            self.provisions.update(node.provisions)
            pending.extend(node.children)


def delta(old: Version, new: Version) -> Delta:
    """The differences between ``old`` and ``new``, matched by stable id.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("b", "1", [Level("arabic"), Level("arabic")],
    ...             [Clause("p", children=[Clause("x", provisions={"fee": 5})]), Clause("q")])
    >>> moved = Version("b", "2", [Level("arabic"), Level("arabic")],
    ...                 [Clause("p"), Clause("q", children=[Clause("x", provisions={"fee": 6})])])
    >>> d = delta(v, moved)
    >>> sorted(d.moved), sorted(d.provisions), sorted(d.gaps)
    (['x'], ['fee'], [('p', ''), ('p', 'x'), ('q', '')])
    >>> delta(v, v).is_empty
    True
    """
    return _Walk(old, new).run()


def lineage_ids(version: Version, clause_id: str) -> list[str]:
    """Ids from the top level down to ``clause_id`` (inclusive), by the parent map.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("b", "1", [Level("arabic"), Level("arabic")], [Clause("p", children=[Clause("x")])])
    >>> lineage_ids(v, "x")
    ['p', 'x']
    """
    return list(version.ancestor_ids(clause_id))


def part_of(version: Version, clause_id: str, depth: int) -> str:
    """The id of the *part* holding a clause: its ancestor at ``depth`` (1 = top
    level), or the clause itself when it sits higher up.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("b", "1", [Level("arabic")] * 3, [Clause("c", children=[Clause("c.i", children=[Clause("x")])])])
    >>> part_of(v, "x", 2), part_of(v, "c", 2)
    ('c.i', 'c')
    """
    chain = lineage_ids(version, clause_id)
    return chain[min(depth, len(chain)) - 1]


def subtree_ids(clauses: Iterable[Clause]) -> list[str]:
    """Every id of these clauses and their descendants, in document order.

    Examples
    --------
    >>> subtree_ids([Clause("a", children=[Clause("b")])])
    ['a', 'b']
    """
    return [c.id for _, c in walk(tuple(clauses))]
