"""Matching clauses by stable id: moves, renumbering and the walk that skips
shared subtrees."""

from __future__ import annotations

import bisect
from collections.abc import Mapping
from typing import Any

import attrs

from rulebook.binding import followed
from rulebook.diff.types import _METADATA, ClauseDiff, ProvisionChange, VersionDiff
from rulebook.diff.words import word_diff
from rulebook.model import Change, Clause, Level, Version
from rulebook.numbering import citation, numbers

_MISSING = object()


# -- matching ----------------------------------------------------------------


def cite_under(prefix: str, level: Level, number: str) -> str:
    """A child's citation from its parent's (see numbering: labelled levels join with ", ")."""
    if level.label is not None:
        part = level.label.replace("{n}", number)
        return f"{prefix}, {part}" if prefix else part
    return f"{prefix}.{number}" if prefix else number


def _stable(order: list[str], old_index: Mapping[str, int]) -> set[str]:
    """The siblings that did not move: a longest run kept in the same relative order."""
    seq = [old_index[i] for i in order]
    tails: list[int] = []  # seq values ending the best run of each length
    ends: list[int] = []  # positions in seq of those values
    back = [-1] * len(seq)
    for k, value in enumerate(seq):
        j = bisect.bisect_left(tails, value)
        back[k] = ends[j - 1] if j else -1
        if j == len(tails):
            tails.append(value)
            ends.append(k)
        else:
            tails[j] = value
            ends[j] = k
    keep: set[str] = set()
    k = ends[-1] if ends else -1
    while k >= 0:
        keep.add(order[k])
        k = back[k]
    return keep


def merge_children(
    old_kids: tuple[Clause, ...], new_kids: tuple[Clause, ...], stay: set[str]
) -> list[tuple[str, Clause]]:
    """New children in order, with each old child that left this list (deleted or
    moved away) placed where it stood: ``("present" | "gone", clause)``."""
    before: dict[str | None, list[Clause]] = {}
    anchor: str | None = None
    for clause in old_kids:
        if clause.id in stay:
            anchor = clause.id
        else:
            before.setdefault(anchor, []).append(clause)
    out: list[tuple[str, Clause]] = [("gone", c) for c in before.get(None, ())]
    for clause in new_kids:
        out.append(("present", clause))
        if clause.id in stay:
            out.extend(("gone", c) for c in before.get(clause.id, ()))
    return out


def survivors(old_kids: tuple[Clause, ...], new_kids: tuple[Clause, ...]) -> tuple[dict[str, int], set[str]]:
    old_index = {c.id: i for i, c in enumerate(old_kids)}
    return old_index, _stable([c.id for c in new_kids if c.id in old_index], old_index)


def sole_change(old: Version, new: Version) -> Change | None:
    """The motion or ruling that made ``new`` from ``old``, when exactly one did."""
    if new.parent is not None and new.parent == old.label and len(new.changes) == 1:
        return new.changes[0]
    return None


def _compare(
    old: Version,
    new: Version,
    old_clause: Clause | None,
    new_clause: Clause | None,
    where: tuple[str | None, str | None, str | None, str | None, bool],
    sole: Change | None,
) -> ClauseDiff | None:
    """The diff of one clause given where it stood: (old citation, new citation,
    old parent, new parent, moved). None when it did not change at all."""
    old_cite, new_cite, old_parent, new_parent, moved = where
    clause = new_clause or old_clause
    assert clause is not None
    status = "added" if old_clause is None else "deleted" if new_clause is None else "kept"
    old_c = old_clause or Clause(clause.id)
    new_c = new_clause or Clause(clause.id)
    heading = word_diff(old_c.heading, new_c.heading, sole) if old_c.heading != new_c.heading else None
    text = word_diff(old_c.text, new_c.text, sole) if old_c.text != new_c.text else None
    provisions = []
    for name in {**old_c.provisions, **new_c.provisions}:
        before = old_c.provisions.get(name, _MISSING)
        after = new_c.provisions.get(name, _MISSING)
        set_by = new.provenance.get(name) if after is not _MISSING else None
        if before is _MISSING:
            kind = "added"
        elif after is _MISSING:
            kind = "removed"
        elif before != after:
            kind = "changed"
        elif set_by is not None and set_by != old.provenance.get(name):
            kind = "affirmed"
        else:
            continue
        by = set_by or sole
        provisions.append(
            ProvisionChange(
                name,
                kind,
                None if before is _MISSING else before,
                None if after is _MISSING else after,
                by,
                clause.id,
                ((kind, by),) if by is not None else (),
                followed(name, old_c, new_c) if kind == "changed" else (),
            )
        )
    result = ClauseDiff(
        clause.id,
        status,
        old_cite,
        new_cite,
        old_parent,
        new_parent,
        moved,
        heading,
        text,
        tuple(provisions),
        (sole,) if sole is not None else (),
    )
    if status == "kept" and not result.changed and not result.renumbered:
        return None
    return result


@attrs.define
class _Differ:
    """Walks both trees at once, sibling list by sibling list, skipping shared subtrees."""

    old: Version
    new: Version
    sole: Change | None
    out: list[ClauseDiff] = attrs.field(factory=list)

    def siblings(
        self,
        parent: str | None,
        old_kids: tuple[Clause, ...],
        new_kids: tuple[Clause, ...],
        old_at: tuple[str, int] | None,
        new_at: tuple[str, int],
    ) -> None:
        """Compare the children of ``parent``; ``*_at`` is (the parent's citation, depth of the children)."""
        if old_kids is new_kids and old_at == new_at:
            return
        new_level = self.new.numbering[new_at[1]] if new_kids else None
        new_nums = numbers(new_kids, new_level) if new_level else []
        new_number = {c.id: n for c, n in zip(new_kids, new_nums, strict=True)}
        old_level = self.old.numbering[old_at[1]] if old_at and old_kids else None
        old_nums = numbers(old_kids, old_level) if old_level else []
        old_number = {c.id: n for c, n in zip(old_kids, old_nums, strict=True)}
        old_index, stay = survivors(old_kids, new_kids)
        for role, clause in merge_children(old_kids, new_kids, stay):
            if role == "gone":
                if clause.id not in self.new:
                    assert old_at is not None and old_level is not None
                    self.deleted(clause, parent, cite_under(old_at[0], old_level, old_number[clause.id]), old_at[1])
                continue
            assert new_level is not None
            new_cite = cite_under(new_at[0], new_level, new_number[clause.id])
            if clause.id in old_index:
                assert old_at is not None and old_level is not None
                old_clause: Clause | None = old_kids[old_index[clause.id]]
                old_cite: str | None = cite_under(old_at[0], old_level, old_number[clause.id])
                old_parent, old_depth, moved = parent, old_at[1], clause.id not in stay
            elif clause.id in self.old:
                old_clause = self.old.clause(clause.id)
                old_cite = citation(self.old, clause.id)
                old_parent, old_depth, moved = self.old.parents[clause.id], len(self.old.path(clause.id)) - 1, True
            else:
                old_clause, old_cite, old_parent, old_depth, moved = None, None, None, 0, False
            if old_clause is clause and old_cite == new_cite and not moved:
                continue  # the same subtree in the same place
            where = (old_cite, new_cite, old_parent, parent, moved)
            found = _compare(self.old, self.new, old_clause, clause, where, self.sole)
            if found is not None:
                self.out.append(found)
            self.siblings(
                clause.id,
                old_clause.children if old_clause is not None else (),
                clause.children,
                (old_cite, old_depth + 1) if old_clause is not None and old_cite is not None else None,
                (new_cite, new_at[1] + 1),
            )

    def deleted(self, clause: Clause, parent: str | None, cite: str, depth: int) -> None:
        """A deleted clause and its deleted descendants (those kept elsewhere were moved)."""
        found = _compare(self.old, self.new, clause, None, (cite, None, parent, None, False), self.sole)
        assert found is not None  # a deleted clause always changed
        self.out.append(found)
        if clause.children:
            level = self.old.numbering[depth + 1]
            for child, number in zip(clause.children, numbers(clause.children, level), strict=True):
                if child.id not in self.new:
                    self.deleted(child, clause.id, cite_under(cite, level, number), depth + 1)


def diff(old: Version, new: Version) -> VersionDiff:
    """Every change from ``old`` to ``new``, clause by clause and word by word.

    Parameters
    ----------
    old, new:
        Two versions of one book; clauses are matched by stable id.

    Returns
    -------
    VersionDiff
        The changed clauses in the new version's order (deleted ones where they
        stood), metadata changes, and each change's motion or ruling where it is
        exact (see :mod:`rulebook.diff`).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> a = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x", text="one"), Clause("y", text="two")])
    >>> b = Version("b", "2", [Level("arabic", "Rule {n}")], [Clause("y", text="two"), Clause("x", text="one")])
    >>> [(c.id, c.events, c.old_citation, c.new_citation) for c in diff(a, b).clauses]
    [('y', ('moved',), 'Rule 2', 'Rule 1'), ('x', ('renumbered',), 'Rule 1', 'Rule 2')]
    """
    sole = sole_change(old, new)
    differ = _Differ(old, new, sole)
    differ.siblings(None, old.clauses, new.clauses, ("", 0), ("", 0))
    changes = (sole,) if sole is not None else ()
    return VersionDiff(old, new, tuple(differ.out), metadata_changes(old, new), changes)


def metadata_changes(old: Version, new: Version) -> tuple[tuple[str, Any, Any], ...]:
    """``(field, old, new)`` for each of title, source, effective date and numbering that differs.

    Examples
    --------
    >>> from rulebook.model import Level, Version
    >>> metadata_changes(Version("b", "1", [Level("arabic")], [], title="A"),
    ...                  Version("b", "2", [Level("arabic")], [], title="B"))
    (('title', 'A', 'B'),)
    """
    return tuple(
        (name, getattr(old, name), getattr(new, name)) for name in _METADATA if getattr(old, name) != getattr(new, name)
    )


def diff_clause(old: Version, new: Version, clause_id: str) -> ClauseDiff | None:
    """The diff of one clause (None when it changed in no way, renumbering included).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> a = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x", text="one")])
    >>> b = Version("b", "2", [Level("arabic", "Rule {n}")], [Clause("x", text="one!")])
    >>> diff_clause(a, b, "x").events
    ('text',)
    """
    in_old, in_new = clause_id in old, clause_id in new
    if not (in_old or in_new):
        return None
    old_clause = old.clause(clause_id) if in_old else None
    new_clause = new.clause(clause_id) if in_new else None
    old_cite = citation(old, clause_id) if in_old else None
    new_cite = citation(new, clause_id) if in_new else None
    old_parent = old.parents[clause_id] if in_old else None
    new_parent = new.parents[clause_id] if in_new else None
    moved = False
    if in_old and in_new:
        if old_parent != new_parent:
            moved = True
        else:
            _, stay = survivors(old.siblings(clause_id), new.siblings(clause_id))
            moved = clause_id not in stay
        if old_clause is new_clause and old_cite == new_cite and not moved:
            return None
    where = (old_cite, new_cite, old_parent, new_parent, moved)
    return _compare(old, new, old_clause, new_clause, where, sole_change(old, new))
