"""The amended book laid out with what left it: the rows a Keeling schedule prints."""

from __future__ import annotations

from collections.abc import Iterator

import attrs

from rulebook.diff.match import cite_under, merge_children, survivors
from rulebook.diff.types import ClauseDiff, VersionDiff
from rulebook.model import Clause
from rulebook.numbering import citation, numbers

# -- the amended book laid out with what left it ------------------------------


@attrs.frozen
class Row:
    """One clause in the layout of a diff.

    ``role``: ``present`` (in the new version), ``deleted``, or ``moved-away``
    (a stub where a moved clause stood). ``clause`` is the new clause, or the old
    one for the other roles; ``citation`` is its new citation, or its old one.

    Examples
    --------
    >>> from rulebook.diff import diff
    >>> from rulebook.model import Clause, Level, Version
    >>> a = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x"), Clause("y", text="old")])
    >>> b = Version("b", "2", a.numbering, [Clause("y", text="new")])
    >>> [(r.depth, r.role, r.clause.id, r.citation, r.diff.status) for r in layout(diff(a, b))]
    [(0, 'deleted', 'x', 'Rule 1', 'deleted'), (0, 'present', 'y', 'Rule 1', 'kept')]
    """

    depth: int
    role: str
    clause: Clause
    citation: str
    diff: ClauseDiff | None = None


def layout(d: VersionDiff) -> Iterator[Row]:
    """Every clause of the amended book in order, each deleted clause where it stood
    and a stub where each moved clause stood, with its diff.

    Examples
    --------
    >>> from rulebook.diff import diff
    >>> from rulebook.model import Clause, Level, Version
    >>> a = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x"), Clause("y"), Clause("z")])
    >>> b = Version("b", "2", [Level("arabic", "Rule {n}")], [Clause("z"), Clause("y")])
    >>> [(r.role, r.clause.id, r.citation) for r in layout(diff(a, b))]
    [('deleted', 'x', 'Rule 1'), ('present', 'z', 'Rule 1'), ('present', 'y', 'Rule 2'), ('moved-away', 'z', 'Rule 3')]
    """
    by_id = {c.id: c for c in d.clauses}
    yield from _layout_list(d, by_id, d.old.clauses, d.new.clauses, ("", 0), ("", 0), 0)


def _layout_list(
    d: VersionDiff,
    by_id: dict[str, ClauseDiff],
    old_kids: tuple[Clause, ...],
    new_kids: tuple[Clause, ...],
    old_at: tuple[str, int] | None,
    new_at: tuple[str, int],
    depth: int,
) -> Iterator[Row]:
    old_nums = numbers(old_kids, d.old.numbering[old_at[1]]) if old_kids and old_at else []
    new_nums = numbers(new_kids, d.new.numbering[new_at[1]]) if new_kids else []
    old_number = {c.id: n for c, n in zip(old_kids, old_nums, strict=True)}
    new_number = {c.id: n for c, n in zip(new_kids, new_nums, strict=True)}
    old_index, stay = survivors(old_kids, new_kids)
    for role, clause in merge_children(old_kids, new_kids, stay):
        if role == "gone":
            assert old_at is not None
            cite = cite_under(old_at[0], d.old.numbering[old_at[1]], old_number[clause.id])
            if clause.id in d.new:
                yield Row(depth, "moved-away", clause, cite, by_id.get(clause.id))
            else:
                yield from _layout_deleted(d, by_id, clause, cite, old_at[1], depth)
            continue
        cite = cite_under(new_at[0], d.new.numbering[new_at[1]], new_number[clause.id])
        cd = by_id.get(clause.id)
        yield Row(depth, "present", clause, cite, cd)
        child_old_at: tuple[str, int] | None = None
        old_children: tuple[Clause, ...] = ()
        if clause.id in old_index and old_at is not None:
            old_children = old_kids[old_index[clause.id]].children
            child_old_at = (cite_under(old_at[0], d.old.numbering[old_at[1]], old_number[clause.id]), old_at[1] + 1)
        elif clause.id in d.old:  # moved here from another parent
            old_children = d.old.clause(clause.id).children
            child_old_at = (citation(d.old, clause.id), len(d.old.path(clause.id)))
        yield from _layout_list(d, by_id, old_children, clause.children, child_old_at, (cite, new_at[1] + 1), depth + 1)


def _layout_deleted(
    d: VersionDiff, by_id: dict[str, ClauseDiff], clause: Clause, cite: str, old_depth: int, depth: int
) -> Iterator[Row]:
    yield Row(depth, "deleted", clause, cite, by_id.get(clause.id))
    if clause.children:
        level = d.old.numbering[old_depth + 1]
        for child, number in zip(clause.children, numbers(clause.children, level), strict=True):
            child_cite = cite_under(cite, level, number)
            if child.id in d.new:
                yield Row(depth + 1, "moved-away", child, child_cite, by_id.get(child.id))
            else:
                yield from _layout_deleted(d, by_id, child, child_cite, old_depth + 1, depth + 1)
