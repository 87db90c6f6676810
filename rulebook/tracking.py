"""Following a phrase through an edit of the words around it.

When a motion changes a clause's words, :func:`track` says where a phrase
of the old words stands in the new ones: moved unchanged, rewritten in part
(the region that replaced it), or deleted. It compares the two texts word by
word, so it serves every kind of amendment (replace words, replace the whole
text, a wording form) without knowing which was used.

Examples
--------
>>> old = "must have the support of 20 per cent of the PLP"
>>> new = "must have the support of 25 per cent of the PLP"
>>> start, end = track(old, new, old.index("20"), old.index("20") + len("20 per cent"))
>>> new[start:end]
'25 per cent'
>>> track("of 20 per cent of the PLP", "of the PLP", 3, 14)  # deleted: nothing left of it
(0, 0)
"""

from __future__ import annotations

import difflib
import functools
import re

__all__ = ["starts_of", "track"]

_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def _tokens(text: str) -> tuple[list[str], list[int]]:
    words, starts = [], []
    for m in _TOKEN.finditer(text):
        words.append(m.group(0))
        starts.append(m.start())
    starts.append(len(text))
    return words, starts


_Opcode = tuple[str, int, int, int, int]


@functools.lru_cache(maxsize=64)
def _compared(old: str, new: str) -> tuple[tuple[str, ...], tuple[int, ...], tuple[int, ...], tuple[_Opcode, ...]]:
    """The tokens of ``old``, where they and those of ``new`` start, and the edit from one to the other.

    Kept for the next call: each bound value of a clause is followed through the same edit."""
    a, a_at = _tokens(old)
    b, b_at = _tokens(new)
    opcodes = difflib.SequenceMatcher(None, a, b, autojunk=False).get_opcodes()
    return tuple(a), tuple(a_at), tuple(b_at), tuple(opcodes)


def track(old: str, new: str, start: int, end: int) -> tuple[int, int]:
    """Where ``old[start:end]`` stands in ``new``: the span that carries it on.

    An unchanged phrase maps to its new place; a phrase edited in part or
    whole maps to the stretch of ``new`` made from it (with any unchanged
    parts); a deleted one to an empty span where it stood.

    Examples
    --------
    >>> track("a 20 b", "x a 20 b", 2, 4)
    (4, 6)
    """
    a, a_at, b_at, opcodes = _compared(old, new)
    first = next(i for i in range(len(a) + 1) if a_at[i] + (len(a[i]) if i < len(a) else 0) > start or i == len(a))
    last = next(i for i in range(len(a), -1, -1) if i == 0 or a_at[i - 1] < end)
    lo: int | None = None
    hi: int | None = None
    for tag, i1, i2, j1, j2 in opcodes:
        if i2 <= first and not (tag == "insert" and i1 == first and first < last):
            continue
        if i1 >= last and not (i1 == i2 == first == last):
            continue
        if tag == "equal":
            s = j1 + max(first - i1, 0)
            e = j1 + min(last, i2) - i1
        else:
            s, e = j1, j2
        lo = s if lo is None else min(lo, s)
        hi = e if hi is None else max(hi, e)
    if lo is None or hi is None:
        return (0, 0)
    return b_at[lo], b_at[hi] if hi > lo else b_at[lo]


def starts_of(text: str, words: str) -> list[int]:
    """Every index of ``text`` at which ``words`` starts, overlapping ones included
    (each index below ``len(text)`` for empty ``words``).

    Examples
    --------
    >>> starts_of("50 per cent and 50 per cent", "50 per cent"), starts_of("aaa", "aa"), starts_of("ab", "")
    ([0, 16], [0, 1], [0, 1])
    """
    starts, i = [], text.find(words)
    while 0 <= i < len(text):
        starts.append(i)
        i = text.find(words, i + 1)
    return starts
