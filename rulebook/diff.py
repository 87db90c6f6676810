"""Clause and word diffs between two versions of a rule book.

Clauses are matched by stable id, never by position, so a clause that moves is
a move (not a deletion and an insertion) and a clause whose citation changes
because a sibling was inserted before it is *renumbered*, with its old and new
citation. Changed headings and texts are diffed word by word: the text is cut
into tokens (words, runs of whitespace, punctuation, ``[[id]]`` references) and
the tokens are compared with :class:`difflib.SequenceMatcher`. Each
:class:`WordOp` keeps the exact strings, so joining the old sides gives back
the old text and joining the new sides the new text.

Changes are *attributed* where that is exact: a provision to the motion or
ruling that last set it (``Version.provenance``); everything else to the
motion when the new version was made from the old one by a single motion or
ruling. :func:`diff_chain` and :func:`diff_motions` attribute every word,
clause and provision across several motions by diffing each step.

Unchanged subtrees are shared between versions, so the diff skips any subtree
whose clause objects are identical and whose citation did not change: a diff
of a large book costs little more than the clauses that changed.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> old = Version("club", "1", [Level("arabic", "Rule {n}")],
...               [Clause("fee", text="The fee is 15 pounds."), Clause("dues", text="Pay in May.")])
>>> new = Version("club", "2", [Level("arabic", "Rule {n}")],
...               [Clause("intro", text="Welcome."), Clause("fee", text="The fee is 10 pounds."),
...                Clause("dues", text="Pay in May.")])
>>> d = diff(old, new)
>>> [(c.id, c.events) for c in d.clauses]
[('intro', ('added',)), ('fee', ('text', 'renumbered')), ('dues', ('renumbered',))]
>>> [(op.op, op.old, op.new) for op in d.clauses[1].text if op.op != "equal"]
[('replace', '15', '10')]
>>> d.clauses[2].old_citation, d.clauses[2].new_citation
('Rule 2', 'Rule 3')
>>> diff(old, old).is_empty
True
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from itertools import pairwise
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.binding import followed
from rulebook.model import Change, Clause, Level, Version, thaw
from rulebook.numbering import citation, numbers

__all__ = [
    "ClauseDiff",
    "ProvisionChange",
    "Row",
    "VersionDiff",
    "WordOp",
    "change_data",
    "diff",
    "diff_chain",
    "diff_clause",
    "diff_motions",
    "layout",
    "metadata_changes",
    "new_text",
    "old_text",
    "replay",
    "tokenize",
    "word_diff",
]

_TOKEN = re.compile(r"\[\[[^\[\]]*\]\]|\w+(?:['’.,:/-]\w+)*|\s+|[^\w\s]")
_MISSING = object()


# -- words -----------------------------------------------------------------


def tokenize(text: str) -> list[str]:
    """Cut a text into words, runs of whitespace, punctuation and ``[[id]]`` references.

    A word keeps inner apostrophes, dots, commas, colons, slashes and hyphens
    (``member's``, ``0.20``, ``1,000``, ``co-operative``); the tokens always join
    back into the text.

    Examples
    --------
    >>> tokenize("The fee (0.20) is set; see [[fees.rate]].")
    ['The', ' ', 'fee', ' ', '(', '0.20', ')', ' ', 'is', ' ', 'set', ';', ' ', 'see', ' ', '[[fees.rate]]', '.']
    """
    return _TOKEN.findall(text)


@attrs.frozen
class WordOp:
    """One step of a word diff: ``op`` is ``equal``, ``delete``, ``insert`` or ``replace``.

    ``old`` and ``new`` are the exact strings on each side (both equal for
    ``equal``; ``new`` empty for ``delete``, ``old`` empty for ``insert``).
    ``by`` is the motion or ruling that made the change, when known.

    Examples
    --------
    >>> WordOp("replace", "15", "10").new
    '10'
    """

    op: str
    old: str
    new: str
    by: Change | None = None

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data (``by`` as the motion's id).

        Examples
        --------
        >>> WordOp("insert", "", "new").to_data()
        {'op': 'insert', 'old': '', 'new': 'new', 'by': None}
        """
        return {"op": self.op, "old": self.old, "new": self.new, "by": self.by.id if self.by else None}


def old_text(ops: Iterable[WordOp]) -> str:
    """The old side of a word diff, joined.

    Examples
    --------
    >>> old_text(word_diff("a b c", "a x c"))
    'a b c'
    """
    return "".join(op.old for op in ops)


def new_text(ops: Iterable[WordOp]) -> str:
    """The new side of a word diff, joined.

    Examples
    --------
    >>> new_text(word_diff("a b c", "a x c"))
    'a x c'
    """
    return "".join(op.new for op in ops)


def word_diff(old: str | None, new: str | None, by: Change | None = None) -> tuple[WordOp, ...]:
    """The word diff of two texts (None counts as empty), every change attributed to ``by``.

    Neighbouring replacements separated only by whitespace are joined into
    one, so "the old cat" -> "a new dog" reads as one replacement.

    Examples
    --------
    >>> [(o.op, o.old, o.new) for o in word_diff("nominated by 15 per cent", "nominated by 10 per cent")]
    [('equal', 'nominated by ', 'nominated by '), ('replace', '15', '10'), ('equal', ' per cent', ' per cent')]
    >>> [(o.op, o.old, o.new) for o in word_diff("the old cat sat", "a new dog sat")]
    [('replace', 'the old cat', 'a new dog'), ('equal', ' sat', ' sat')]
    """
    return _compose([old or "", new or ""], [by])


# A segment of a composed text: ("equal" | "ins" | "del", token, by).
_Segment = tuple[str, str, Change | None]


def _compose(texts: Sequence[str], bys: Sequence[Change | None]) -> tuple[WordOp, ...]:
    """The word diff from ``texts[0]`` to ``texts[-1]``, each token attributed to the step
    (``bys[i]`` made ``texts[i + 1]`` from ``texts[i]``) that inserted or deleted it.

    A word inserted by one step and deleted by a later one nets out and is not shown.
    """
    segments: list[_Segment] = [("equal", token, None) for token in tokenize(texts[0])]
    for (before, after), by in zip(pairwise(texts), bys, strict=True):
        if before == after:
            continue
        segments = _step(segments, tokenize(after), by)
    return _tidy_ops(_to_ops(segments))


def _step(segments: list[_Segment], target: list[str], by: Change | None) -> list[_Segment]:
    """Apply one step's token diff to the visible segments, keeping earlier deletions in place."""
    visible = [i for i, seg in enumerate(segments) if seg[0] != "del"]
    matcher = difflib.SequenceMatcher(None, [segments[i][1] for i in visible], target, autojunk=False)
    out: list[_Segment] = []
    cursor = 0
    for tag, a1, a2, b1, b2 in matcher.get_opcodes():
        start = visible[a1] if a1 < len(visible) else len(segments)
        out.extend(segments[cursor:start])  # earlier deletions just before this run
        cursor = start
        if a2 > a1:
            stop = visible[a2 - 1] + 1
            for seg in segments[start:stop]:
                kind, token, _ = seg
                if kind == "del" or tag == "equal":
                    out.append(seg)
                elif kind == "equal":
                    out.append(("del", token, by))
                # an earlier insertion deleted again nets out: drop it
            cursor = stop
        if tag in ("insert", "replace"):
            out.extend(("ins", token, by) for token in target[b1:b2])
    out.extend(segments[cursor:])
    return out


def _to_ops(segments: list[_Segment]) -> list[WordOp]:
    ops: list[WordOp] = []
    for kind, token, by in segments:
        op = {"equal": "equal", "del": "delete", "ins": "insert"}[kind]
        last = ops[-1] if ops else None
        if last is not None and last.op == op and last.by == by:
            ops[-1] = attrs.evolve(
                last, old=last.old + (token if op != "insert" else ""), new=last.new + (token if op != "delete" else "")
            )
        elif last is not None and last.op == "delete" and op == "insert" and last.by == by:
            ops[-1] = WordOp("replace", last.old, token, by)
        elif last is not None and last.op == "replace" and op == "insert" and last.by == by:
            ops[-1] = attrs.evolve(last, new=last.new + token)
        else:
            ops.append(WordOp(op, token if op != "insert" else "", token if op != "delete" else "", by))
    return ops


def _tidy_ops(ops: list[WordOp]) -> tuple[WordOp, ...]:
    """Join replacement, whitespace, replacement (same author) into one replacement."""
    out: list[WordOp] = []
    for op in ops:
        if (
            op.op == "replace"
            and len(out) >= 2
            and out[-2].op == "replace"
            and out[-2].by == op.by
            and out[-1].op == "equal"
            and out[-1].old.isspace()
        ):
            space = out.pop().old
            first = out.pop()
            op = WordOp("replace", first.old + space + op.old, first.new + space + op.new, op.by)
        out.append(op)
    return tuple(out)


# -- clauses ---------------------------------------------------------------


@attrs.frozen
class ProvisionChange:
    """A provision added, changed, removed, or *affirmed* (set again to the same
    value by another motion or ruling) on clause ``clause``.

    ``by`` is the motion or ruling that set it last (for ``removed``: removed it),
    when known. ``steps`` lists ``(kind, change)`` for every motion or ruling that
    touched it between the two versions, oldest first: a provision set by a
    ruling and affirmed by a later one shows both, each with its authority.

    Examples
    --------
    >>> ProvisionChange("fee", "changed", 5, 6, None, "fees").kind
    'changed'
    """

    name: str
    kind: str
    old: Any
    new: Any
    by: Change | None
    clause: str
    steps: tuple[tuple[str, Change], ...] = ()
    #: Values that followed their words (docs/provisions.md): (dotted value, old, new, words read, or why lost).
    read_from: tuple[tuple[str, Any, Any, str], ...] = ()

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data.

        Examples
        --------
        >>> ProvisionChange("fee", "added", None, 6, None, "fees").to_data()["new"]
        6
        """
        return {
            "name": self.name,
            "kind": self.kind,
            "clause": self.clause,
            "old": thaw(self.old),
            "new": thaw(self.new),
            "by": change_data(self.by),
            "steps": [{"kind": kind, "by": change_data(by)} for kind, by in self.steps],
            "read_from": [{"value": leaf, "old": o, "new": n, "words": w} for leaf, o, n, w in self.read_from],
        }


@attrs.frozen
class ClauseDiff:
    """What happened to one clause: ``status`` is ``added``, ``deleted`` or ``kept``.

    A kept clause may be ``moved`` (another parent, or another place among
    siblings that did not move themselves), ``renumbered`` (its citation changed
    because of other changes), and have word diffs of its ``heading`` and
    ``text`` (None when unchanged) and provision changes. ``by`` lists the
    motions and rulings that changed it, when known.

    Examples
    --------
    >>> c = ClauseDiff("fee", "kept", "Rule 2", "Rule 3")
    >>> c.renumbered, c.changed, c.events
    (True, False, ('renumbered',))
    """

    id: str
    status: str
    old_citation: str | None = None
    new_citation: str | None = None
    old_parent: str | None = None
    new_parent: str | None = None
    moved: bool = False
    heading: tuple[WordOp, ...] | None = None
    text: tuple[WordOp, ...] | None = None
    provisions: tuple[ProvisionChange, ...] = ()
    by: tuple[Change, ...] = ()

    @property
    def renumbered(self) -> bool:
        """Kept in place, but cited differently because of other changes."""
        return self.status == "kept" and not self.moved and self.old_citation != self.new_citation

    @property
    def changed(self) -> bool:
        """Changed itself (anything besides being renumbered)."""
        return (
            self.status != "kept"
            or self.moved
            or self.heading is not None
            or self.text is not None
            or bool(self.provisions)
        )

    @property
    def events(self) -> tuple[str, ...]:
        """What happened, in words: added, deleted, moved, heading, text, provisions, renumbered."""
        if self.status != "kept":
            return (self.status,)
        flags = (
            ("moved", self.moved),
            ("heading", self.heading is not None),
            ("text", self.text is not None),
            ("provisions", bool(self.provisions)),
            ("renumbered", self.renumbered),
        )
        return tuple(name for name, on in flags if on)

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data.

        Examples
        --------
        >>> ClauseDiff("x", "added", None, "Rule 1").to_data()["events"]
        ['added']
        """
        return {
            "id": self.id,
            "status": self.status,
            "events": list(self.events),
            "old_citation": self.old_citation,
            "new_citation": self.new_citation,
            "old_parent": self.old_parent,
            "new_parent": self.new_parent,
            "moved": self.moved,
            "renumbered": self.renumbered,
            "heading": None if self.heading is None else [op.to_data() for op in self.heading],
            "text": None if self.text is None else [op.to_data() for op in self.text],
            "provisions": [p.to_data() for p in self.provisions],
            "by": [change_data(c) for c in self.by],
        }


def change_data(change: Change | None) -> dict[str, Any] | None:
    """A motion or ruling as JSON-ready data.

    Examples
    --------
    >>> change_data(Change("ruling", "r1", authority="NEC, 12 July 2016"))["authority"]
    'NEC, 12 July 2016'
    """
    if change is None:
        return None
    return {
        "kind": change.kind,
        "id": change.id,
        "title": change.title,
        "authority": change.authority,
        "date": change.date.isoformat() if change.date else None,
    }


_METADATA = ("title", "source", "effective", "numbering")


@attrs.frozen
class VersionDiff:
    """Everything that changed from ``old`` to ``new``.

    ``clauses`` lists every clause that changed, in the order of the amended
    book, deleted clauses where they stood. ``metadata`` holds
    ``(field, old, new)`` for the title, source, effective date and numbering.
    ``changes`` are the motions and rulings the changes are attributed to.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> w = Version("club", "2", v.numbering, [Clause("fee", text="The fee is 10."), Clause("vote", text="Vote.")])
    >>> d = diff(v, w)
    >>> d.touched, [c.id for c in d.added], d.clause("fee").events
    (['fee', 'vote'], ['vote'], ('text',))
    """

    old: Version = attrs.field(eq=False, repr=False)
    new: Version = attrs.field(eq=False, repr=False)
    clauses: tuple[ClauseDiff, ...] = ()
    metadata: tuple[tuple[str, Any, Any], ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing changed (labels aside)."""
        return not self.clauses and not self.metadata

    def clause(self, clause_id: str) -> ClauseDiff | None:
        """The diff of one clause, or None when it did not change."""
        return next((c for c in self.clauses if c.id == clause_id), None)

    @property
    def touched(self) -> list[str]:
        """Ids of the clauses that changed themselves (renumbering aside)."""
        return [c.id for c in self.clauses if c.changed]

    @property
    def added(self) -> list[ClauseDiff]:
        """The clauses added."""
        return [c for c in self.clauses if c.status == "added"]

    @property
    def deleted(self) -> list[ClauseDiff]:
        """The clauses deleted."""
        return [c for c in self.clauses if c.status == "deleted"]

    @property
    def moved(self) -> list[ClauseDiff]:
        """The clauses moved."""
        return [c for c in self.clauses if c.moved]

    @property
    def renumbered(self) -> list[ClauseDiff]:
        """The clauses renumbered by other changes."""
        return [c for c in self.clauses if c.renumbered]

    @property
    def provisions(self) -> list[ProvisionChange]:
        """Every provision change, in document order."""
        return [p for c in self.clauses for p in c.provisions]

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data: both versions, the motions, metadata and clause changes."""

        def side(v: Version) -> dict[str, Any]:
            return {
                "rulebook": v.rulebook,
                "version": v.label,
                "effective": v.effective.isoformat() if v.effective else None,
            }

        summary = {
            "added": len(self.added),
            "deleted": len(self.deleted),
            "moved": len(self.moved),
            "renumbered": len(self.renumbered),
            "text": sum(1 for c in self.clauses if c.text is not None and c.status == "kept"),
            "heading": sum(1 for c in self.clauses if c.heading is not None and c.status == "kept"),
            "provisions": len(self.provisions),
        }
        return {
            "old": side(self.old),
            "new": side(self.new),
            "changes": [change_data(c) for c in self.changes],
            "metadata": {name: {"old": _plain(a), "new": _plain(b)} for name, a, b in self.metadata},
            "summary": summary,
            "clauses": [c.to_data() for c in self.clauses],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, tuple) and all(isinstance(v, Level) for v in value):
        return [{"style": lv.style, "label": lv.label} for lv in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return thaw(value)


# -- matching ----------------------------------------------------------------


def _cite(prefix: str, level: Level, number: str) -> str:
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


def _merge(old_kids: tuple[Clause, ...], new_kids: tuple[Clause, ...], stay: set[str]) -> list[tuple[str, Clause]]:
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


def _survivors(old_kids: tuple[Clause, ...], new_kids: tuple[Clause, ...]) -> tuple[dict[str, int], set[str]]:
    old_index = {c.id: i for i, c in enumerate(old_kids)}
    return old_index, _stable([c.id for c in new_kids if c.id in old_index], old_index)


def _sole_change(old: Version, new: Version) -> Change | None:
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
        old_index, stay = _survivors(old_kids, new_kids)
        for role, clause in _merge(old_kids, new_kids, stay):
            if role == "gone":
                if clause.id not in self.new:
                    assert old_at is not None and old_level is not None
                    self.deleted(clause, parent, _cite(old_at[0], old_level, old_number[clause.id]), old_at[1])
                continue
            assert new_level is not None
            new_cite = _cite(new_at[0], new_level, new_number[clause.id])
            if clause.id in old_index:
                assert old_at is not None and old_level is not None
                old_clause: Clause | None = old_kids[old_index[clause.id]]
                old_cite: str | None = _cite(old_at[0], old_level, old_number[clause.id])
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
                    self.deleted(child, clause.id, _cite(cite, level, number), depth + 1)


def diff(old: Version, new: Version) -> VersionDiff:
    """Every change from ``old`` to ``new``, clause by clause and word by word.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> a = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x", text="one"), Clause("y", text="two")])
    >>> b = Version("b", "2", [Level("arabic", "Rule {n}")], [Clause("y", text="two"), Clause("x", text="one")])
    >>> [(c.id, c.events, c.old_citation, c.new_citation) for c in diff(a, b).clauses]
    [('y', ('moved',), 'Rule 2', 'Rule 1'), ('x', ('renumbered',), 'Rule 1', 'Rule 2')]
    """
    sole = _sole_change(old, new)
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
            _, stay = _survivors(old.siblings(clause_id), new.siblings(clause_id))
            moved = clause_id not in stay
        if old_clause is new_clause and old_cite == new_cite and not moved:
            return None
    where = (old_cite, new_cite, old_parent, new_parent, moved)
    return _compare(old, new, old_clause, new_clause, where, _sole_change(old, new))


# -- attribution across steps -----------------------------------------------


def diff_chain(versions: Sequence[Version], changes: Sequence[Change | None] | None = None) -> VersionDiff:
    """The diff from the first version to the last, every change attributed to the
    step that made it: ``changes[i]`` made ``versions[i + 1]`` from ``versions[i]``
    (default: the one motion or ruling each version records, when its parent is
    the version before).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> v = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x", text="a fee of 5 pounds")])
    >>> m1 = Motion("m1", [Amendment("replace_words", clause="x", old="5", new="6")])
    >>> m2 = Motion("m2", [Amendment("replace_words", clause="x", old="fee", new="charge")])
    >>> d = diff_motions(v, [m1, m2])
    >>> [(op.old, op.new, op.by.id) for op in d.clauses[0].text if op.op != "equal"]
    [('fee', 'charge', 'm2'), ('5', '6', 'm1')]
    """
    if not versions:
        raise ValueError("diff_chain needs at least one version")
    first, last = versions[0], versions[-1]
    bys = list(changes) if changes is not None else [_sole_change(a, b) for a, b in pairwise(versions)]
    if len(bys) != len(versions) - 1:
        raise ValueError(f"{len(versions)} versions need {len(versions) - 1} changes, not {len(bys)}")
    if len(versions) <= 2 and changes is None:
        return diff(first, last)
    steps = [diff(a, b) for a, b in pairwise(versions)]
    touched: dict[str, list[tuple[int, ClauseDiff]]] = {}
    for i, step in enumerate(steps):
        for cd in step.clauses:
            touched.setdefault(cd.id, []).append((i, cd))
    overall = diff(first, last)
    clauses = []
    for cd in overall.clauses:
        history = touched.get(cd.id, [])
        own = [(i, s) for i, s in history if s.changed] or history
        heading, text = cd.heading, cd.text
        if heading is not None:
            heading = _compose_field(versions, own, bys, cd.id, "heading")
        if text is not None:
            text = _compose_field(versions, own, bys, cd.id, "text")
        provisions = tuple(
            attrs.evolve(p, by=_provision_by(p, own, bys) or p.by, steps=_provision_steps(p, own, bys))
            for p in cd.provisions
        )
        by = tuple(dict.fromkeys(b for i, _ in own if (b := bys[i]) is not None))
        clauses.append(attrs.evolve(cd, heading=heading, text=text, provisions=provisions, by=by))
    changes = tuple(dict.fromkeys(b for b in bys if b is not None))
    return VersionDiff(first, last, tuple(clauses), overall.metadata, changes)


def _field(version: Version, clause_id: str, name: str) -> str:
    if clause_id not in version:
        return ""
    value: str | None = getattr(version.clause(clause_id), name)
    return value or ""


def _compose_field(
    versions: Sequence[Version],
    own: list[tuple[int, ClauseDiff]],
    bys: list[Change | None],
    clause_id: str,
    name: str,
) -> tuple[WordOp, ...]:
    steps = [i for i, cd in own if getattr(cd, name) is not None]
    texts = [_field(versions[0], clause_id, name)] + [_field(versions[i + 1], clause_id, name) for i in steps]
    return _compose(texts, [bys[i] for i in steps])


def _provision_by(p: ProvisionChange, own: list[tuple[int, ClauseDiff]], bys: list[Change | None]) -> Change | None:
    for i, cd in reversed(own):
        for q in cd.provisions:
            if q.name == p.name:
                return bys[i] or q.by
    return None


def _provision_steps(
    p: ProvisionChange, own: list[tuple[int, ClauseDiff]], bys: list[Change | None]
) -> tuple[tuple[str, Change], ...]:
    steps: list[tuple[str, Change]] = []
    for i, cd in own:
        for q in cd.provisions:
            by = bys[i] or q.by
            if q.name == p.name and by is not None:
                steps.append((q.kind, by))
    return tuple(steps)


def replay(
    version: Version, motions: Iterable[Motion], bases: Mapping[str, Version] | None = None
) -> Iterator[Version]:
    """``version``, then the version after each motion in turn (motions drafted against
    ``version`` or one of the ``bases`` resolve their citations there).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> v = Version("b", "1", [Level("arabic")], [Clause("x", text="a")])
    >>> m = Motion("m", [Amendment("replace_text", clause="x", text="b")], base="1")
    >>> [s.clause("x").text for s in replay(v, [m, attrs.evolve(m, id="n")])]
    ['a', 'b', 'b']
    """
    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    current = version
    yield current
    for motion in motions:
        current = apply(current, motion, bases=lookup)
        yield current


def diff_motions(
    version: Version, motions: Iterable[Motion], bases: Mapping[str, Version] | None = None
) -> VersionDiff:
    """The diff that ``motions``, applied in order, make to ``version``, each change
    attributed to its motion (see :func:`diff_chain`).

    Examples
    --------
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> cut = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
    >>> [(op.old, op.new, op.by.id) for op in diff_motions(v, [cut]).clauses[0].text if op.op != "equal"]
    [('15', '10', 'cut')]
    """
    return diff_chain(list(replay(version, motions, bases)))


# -- the amended book laid out with what left it ------------------------------


@attrs.frozen
class Row:
    """One clause in the layout of a diff.

    ``role``: ``present`` (in the new version), ``deleted``, or ``moved-away``
    (a stub where a moved clause stood). ``clause`` is the new clause, or the old
    one for the other roles; ``citation`` is its new citation, or its old one.

    Examples
    --------
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
    old_index, stay = _survivors(old_kids, new_kids)
    for role, clause in _merge(old_kids, new_kids, stay):
        if role == "gone":
            assert old_at is not None
            cite = _cite(old_at[0], d.old.numbering[old_at[1]], old_number[clause.id])
            if clause.id in d.new:
                yield Row(depth, "moved-away", clause, cite, by_id.get(clause.id))
            else:
                yield from _layout_deleted(d, by_id, clause, cite, old_at[1], depth)
            continue
        cite = _cite(new_at[0], d.new.numbering[new_at[1]], new_number[clause.id])
        cd = by_id.get(clause.id)
        yield Row(depth, "present", clause, cite, cd)
        child_old_at: tuple[str, int] | None = None
        old_children: tuple[Clause, ...] = ()
        if clause.id in old_index and old_at is not None:
            old_children = old_kids[old_index[clause.id]].children
            child_old_at = (_cite(old_at[0], d.old.numbering[old_at[1]], old_number[clause.id]), old_at[1] + 1)
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
            child_cite = _cite(cite, level, number)
            if child.id in d.new:
                yield Row(depth + 1, "moved-away", child, child_cite, by_id.get(child.id))
            else:
                yield from _layout_deleted(d, by_id, child, child_cite, old_depth + 1, depth + 1)
