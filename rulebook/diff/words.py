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
    one, so "the old cat" -> "a new dog" reads as one replacement. Long
    rewrites are compared sentence by sentence first (see
    :data:`WORD_PAIRS_LIMIT`), so the time stays close to linear.

    Parameters
    ----------
    old, new:
        The two texts; None counts as empty.
    by:
        The motion or ruling every change is attributed to, if known.

    Returns
    -------
    tuple[WordOp, ...]
        Whose old sides join into ``old`` and new sides into ``new``.

    Examples
    --------
    >>> [(o.op, o.old, o.new) for o in word_diff("nominated by 15 per cent", "nominated by 10 per cent")]
    [('equal', 'nominated by ', 'nominated by '), ('replace', '15', '10'), ('equal', ' per cent', ' per cent')]
    >>> [(o.op, o.old, o.new) for o in word_diff("the old cat sat", "a new dog sat")]
    [('replace', 'the old cat', 'a new dog'), ('equal', ' sat', ' sat')]
    """
    return _compose([old or "", new or ""], [by])


#: Above this many token pairs (old tokens times new tokens, after the common
#: beginning and end are taken off) a changed stretch is first compared sentence
#: by sentence, then each changed sentence (or run of sentences within this
#: bound) word by word; anything larger is shown as one replacement. difflib's matcher is quadratic in the
#: worst case, so this keeps a rewritten 20,000-word clause to about a second
#: (benchmarks/bench_diff.py) at the price of coarser marks in long rewrites.
WORD_PAIRS_LIMIT = 250_000
#: The same bound for the sentence-by-sentence comparison (sentences compare as
#: whole strings, so each pair costs about as little as a pair of words).
SENTENCE_PAIRS_LIMIT = 2_000_000
_SENTENCE_END = frozenset({".", ";", ":", "!", "?", "\n"})

Opcode = tuple[str, int, int, int, int]


def token_opcodes(old: Sequence[str], new: Sequence[str]) -> list[Opcode]:
    """difflib-style opcodes turning the tokens ``old`` into ``new``, in time close
    to linear in their length: a common beginning and end are matched directly,
    long changed stretches sentence by sentence (see :data:`WORD_PAIRS_LIMIT`).

    Examples
    --------
    >>> token_opcodes(["a", " ", "b"], ["a", " ", "c"])
    [('equal', 0, 2, 0, 2), ('replace', 2, 3, 2, 3)]
    """
    n, m = len(old), len(new)
    head = 0
    while head < n and head < m and old[head] == new[head]:
        head += 1
    tail = 0
    while tail < n - head and tail < m - head and old[n - 1 - tail] == new[m - 1 - tail]:
        tail += 1
    ops: list[Opcode] = [("equal", 0, head, 0, head)] if head else []
    ops += _middle(old, new, head, n - tail, head, m - tail, by_sentence=True)
    if tail:
        ops.append(("equal", n - tail, n, m - tail, m))
    merged: list[Opcode] = []
    for op in ops:
        if merged and merged[-1][0] == op[0] and op[0] != "replace":
            tag, a1, _, b1, _ = merged[-1]
            merged[-1] = (tag, a1, op[2], b1, op[4])
        else:
            merged.append(op)
    return merged


def _middle(
    old: Sequence[str], new: Sequence[str], a1: int, a2: int, b1: int, b2: int, by_sentence: bool
) -> list[Opcode]:
    if a1 == a2 and b1 == b2:
        return []
    if a1 == a2:
        return [("insert", a1, a2, b1, b2)]
    if b1 == b2:
        return [("delete", a1, a2, b1, b2)]
    if (a2 - a1) * (b2 - b1) <= WORD_PAIRS_LIMIT:
        matcher = difflib.SequenceMatcher(None, old[a1:a2], new[b1:b2], autojunk=False)
        return [(tag, a1 + i1, a1 + i2, b1 + j1, b1 + j2) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]
    if not by_sentence:
        return [("replace", a1, a2, b1, b2)]
    old_cuts, new_cuts = _sentences(old, a1, a2), _sentences(new, b1, b2)
    if (len(old_cuts) - 1) * (len(new_cuts) - 1) > SENTENCE_PAIRS_LIMIT:
        return [("replace", a1, a2, b1, b2)]
    old_units = ["".join(old[i:j]) for i, j in pairwise(old_cuts)]
    new_units = ["".join(new[i:j]) for i, j in pairwise(new_cuts)]
    out: list[Opcode] = []
    matcher = difflib.SequenceMatcher(None, old_units, new_units, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
        x1, x2, y1, y2 = old_cuts[i1], old_cuts[i2], new_cuts[j1], new_cuts[j2]
        if tag == "equal":
            out.append(("equal", x1, x2, y1, y2))
        elif tag == "replace" and i2 - i1 == j2 - j1:  # as many sentences: each rewritten in place
            for i, j in zip(range(i1, i2), range(j1, j2), strict=True):
                out += _middle(old, new, old_cuts[i], old_cuts[i + 1], new_cuts[j], new_cuts[j + 1], by_sentence=False)
        else:
            out += _middle(old, new, x1, x2, y1, y2, by_sentence=False)
    return out


def _sentences(tokens: Sequence[str], start: int, stop: int) -> list[int]:
    """Where the sentences of ``tokens[start:stop]`` begin, and ``stop``."""
    cuts = [start]
    for i in range(start, stop - 1):
        if tokens[i] in _SENTENCE_END or "\n" in tokens[i]:
            cuts.append(i + 1)
    cuts.append(stop)
    return cuts


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
    out: list[_Segment] = []
    cursor = 0
    for tag, a1, a2, b1, b2 in token_opcodes([segments[i][1] for i in visible], target):
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
    """Runs of segments of one kind and author as ops; a deletion followed by an
    insertion of the same author is a replacement. Linear: each run's strings are
    joined once."""
    runs: list[tuple[str, list[str], list[str], Change | None]] = []  # op, old tokens, new tokens, by
    for kind, token, by in segments:
        op = {"equal": "equal", "del": "delete", "ins": "insert"}[kind]
        last = runs[-1] if runs else None
        if (
            last is not None
            and last[3] == by
            and (last[0] == op or (op == "insert" and last[0] in ("delete", "replace")))
        ):
            if last[0] != op:
                runs[-1] = last = ("replace", last[1], last[2], by)
            if op != "insert":
                last[1].append(token)
            if op != "delete":
                last[2].append(token)
        else:
            runs.append((op, [token] if op != "insert" else [], [token] if op != "delete" else [], by))
    return [WordOp(op, "".join(old), "".join(new), by) for op, old, new, by in runs]


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
