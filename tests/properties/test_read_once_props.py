"""What is read once and kept gives what reading afresh gives (docs/architecture.md, "Speed").

The wording lexer keeps the token it read at each position, :func:`track` the
comparison of two texts, and the quantity and member readers what they read
of each text. These check each against the reading it replaces: the tokens of
a fresh lexer, the tracking as it was before (kept here as the oracle), and
the readers' own uncached functions, in any order of calls and repeated; and
each regular expression now compiled on first use against the one compiled at
import before.
"""

from __future__ import annotations

import difflib
import importlib
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.wording.tokens import Lexer
from rulebook.errors import WordingError
from rulebook.members import _read_member, read_member
from rulebook.quantities import _read, read_quantities
from rulebook.tracking import starts_of, track

# Words, figures, quantity phrases, quote marks, dashes and punctuation of amendment wordings.
_PIECES = st.sampled_from(
    ["delete", "insert", "the", "words", "after", "Rule", "2.1", "(b)", "20", "per", "cent", "two-thirds", "at",
     "least", "three", "members", "women", "of", "them", "‘", "’", "'", '"', "“", "”", "``", "''", "`", "—", "–",
     "-", ":", ";", ",", ".", "(", ")", "a", "x", "[[fee]]", "7 May 2016"]
)  # fmt: skip
_SEPARATORS = st.sampled_from([" ", " ", " ", "", "\n", "  "])


@st.composite
def _texts(draw: st.DrawFn, max_size: int = 16) -> str:
    pieces = draw(st.lists(st.tuples(_PIECES, _SEPARATORS), max_size=max_size))
    return "".join(p + s for p, s in pieces)


def _fresh_token(source: str, pos: int) -> object:
    try:
        return Lexer(source).token(pos)
    except WordingError as exc:
        return ("error", str(exc))


@given(_texts(), st.randoms(use_true_random=False))
def test_a_lexer_reads_at_each_position_what_a_fresh_one_reads(source, random):
    positions = list(range(len(source) + 2)) * 2
    random.shuffle(positions)
    lex = Lexer(source)
    for pos in positions:
        try:
            got: object = lex.token(pos)
        except WordingError as exc:
            got = ("error", str(exc))
        assert got == _fresh_token(source, pos)


_TOKEN = re.compile(r"\w+|[^\w\s]|\s+")


def _tokens(text: str) -> tuple[list[str], list[int]]:
    words, starts = [], []
    for m in _TOKEN.finditer(text):
        words.append(m.group(0))
        starts.append(m.start())
    starts.append(len(text))
    return words, starts


def _track_before(old: str, new: str, start: int, end: int) -> tuple[int, int]:
    """rulebook.tracking.track as it was before it kept its comparisons: the oracle."""
    a, a_at = _tokens(old)
    b, b_at = _tokens(new)
    first = next(i for i in range(len(a) + 1) if a_at[i] + (len(a[i]) if i < len(a) else 0) > start or i == len(a))
    last = next(i for i in range(len(a), -1, -1) if i == 0 or a_at[i - 1] < end)
    lo: int | None = None
    hi: int | None = None
    matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes():
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


def _edited(draw: st.DrawFn, old: str) -> str:
    """``old`` with a few of its characters replaced, deleted or inserted."""
    new = old
    for _ in range(draw(st.integers(0, 3))):
        at = draw(st.integers(0, len(new)))
        cut = draw(st.integers(0, 6))
        new = new[:at] + draw(_texts(max_size=3)) + new[at + cut :]
    return new


@given(st.lists(_texts(), min_size=1, max_size=3), st.data())
def test_a_phrase_is_tracked_as_before_however_often_the_same_edit_is_followed(olds, data):
    calls = []
    for old in olds:
        for new in {_edited(data.draw, old) for _ in range(3)}:  # each text edited in up to three ways
            for _ in range(3):
                start = data.draw(st.integers(0, len(old)))
                calls.append((old, new, start, data.draw(st.integers(min(start + 1, len(old)), len(old)))))
    calls = data.draw(st.permutations(calls)) * 2  # in any order, and all of them again
    for old, new, start, end in calls:
        assert track(old, new, start, end) == _track_before(old, new, start, end)


@given(st.text("ab", max_size=12), st.text("ab", max_size=3))
def test_the_starts_of_a_phrase_are_those_every_index_was_tried_for(text, words):
    """binding found where a phrase starts by trying every index (the oracle)."""
    assert starts_of(text, words) == [i for i in range(len(text)) if text.startswith(words, i)]


@given(st.lists(_texts(), min_size=1, max_size=5), st.data())
def test_quantities_and_members_read_again_are_what_a_first_reading_gives(texts, data):
    again = texts + data.draw(st.permutations(texts))
    for text in again:
        assert read_quantities(text) == (_read.__wrapped__(text) if text else ())
        assert read_member(text) == _read_member.__wrapped__(text.strip())


# The patterns compiled on first use (docs/architecture.md, "Speed"). When they were made lazy,
# each was checked equal to the pattern compiled at import before (source and flags).
_LAZY = [
    ("rulebook.amend.wording.edits", "_names_clause"),
    ("rulebook.amend.wording.edits", "_own_label"),
    ("rulebook.citing", "_run"),
    ("rulebook.citing", "_roman"),
    ("rulebook.citeforms", "place"),
    ("rulebook.amend.wording.reader", "labelled_line"),
    ("rulebook.amend.wording.reader", "_number"),
    ("rulebook.amend.wording.clauses", "_plain_scalar"),
    ("rulebook.amend.wording.labels", "_range_of_clauses"),
    ("rulebook.amend.wording.words", "_own_number"),
]


@pytest.mark.parametrize(("module", "getter"), _LAZY)
def test_a_pattern_compiled_on_first_use_is_compiled_once(module, getter):
    pattern = getattr(importlib.import_module(module), getter)()
    assert isinstance(pattern, re.Pattern)
    assert getattr(importlib.import_module(module), getter)() is pattern  # compiled once
