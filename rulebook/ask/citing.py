"""Citations for many versions that share subtrees, as a sweep builds them.

Every combination of a sweep is a new version, and each answer's ``because``
cites its clauses in that version. :func:`rulebook.numbering.citation` numbers
every run of siblings on the way down; a :class:`CitationCache` remembers the
numbers of each run of siblings it has seen (by identity: versions share
unchanged subtrees, so the deep, long runs are met again and again), and
recomputes only the runs a motion rebuilt, usually the short top levels.

Examples
--------
>>> from rulebook.model import Clause, Level, Version, evolve_clause, replace_clause
>>> from rulebook.numbering import citation
>>> v = Version("b", "1", [Level("arabic", "Chapter {n}"), Level("upper-alpha")],
...             [Clause("a"), Clause("b", children=[Clause("b.x"), Clause("b.y", number="A1")])])
>>> cite = CitationCache()
>>> cite(v, "b.y"), citation(v, "b.y")
('Chapter 2.A1', 'Chapter 2.A1')
>>> w = replace_clause(v, evolve_clause(v.clause("a"), text="changed"))
>>> cite(w, "b.x"), cite.hits
('Chapter 2.A', 1)
"""

from __future__ import annotations

from rulebook.errors import CitationError
from rulebook.model import Clause, Level, Version
from rulebook.numbering import join_citation, numbers

__all__ = ["CitationCache"]


class CitationCache:
    """A callable ``(version, clause_id) -> citation`` that reuses the numbers of shared runs of siblings.

    Holds on to the runs it has numbered (so that their identities stay
    unique); use one per sweep, not for the life of a program.
    """

    def __init__(self) -> None:
        self._runs: dict[tuple[int, int], tuple[tuple[Clause, ...], Level, dict[str, tuple[str, Clause]]]] = {}
        self.hits = 0

    def _numbers(self, siblings: tuple[Clause, ...], level: Level) -> dict[str, tuple[str, Clause]]:
        key = (id(siblings), id(level))
        found = self._runs.get(key)
        if found is not None and found[0] is siblings and found[1] is level:
            self.hits += 1
            return found[2]
        by_id = {c.id: (n, c) for c, n in zip(siblings, numbers(siblings, level), strict=True)}
        self._runs[key] = (siblings, level, by_id)
        return by_id

    def __call__(self, version: Version, clause_id: str) -> str:
        chain = version.ancestor_ids(clause_id)
        if len(chain) > len(version.numbering):
            raise CitationError(
                f"version {version.label!r} numbers {len(version.numbering)} levels, "
                f"but clause {clause_id!r} sits at depth {len(chain)}"
            )
        parts: list[tuple[Level, str]] = []
        siblings = version.clauses
        for depth, cid in enumerate(chain):
            level = version.numbering[depth]
            number, clause = self._numbers(siblings, level)[cid]
            parts.append((level, number))
            siblings = clause.children
        return join_citation(parts)
