"""Word diffs: texts cut into tokens, compared, and each change attributed to the
step that made it (see :mod:`rulebook.diff`)."""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterable, Sequence
from itertools import pairwise
from typing import Any

import attrs

from rulebook.model import Change

_TOKEN = re.compile(r"\[\[[^\[\]]*\]\]|\w+(?:['’.,:/-]\w+)*|\s+|[^\w\s]")


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
