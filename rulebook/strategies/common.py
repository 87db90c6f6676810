"""What the strategies share: the vocabulary, provision names and small drawing helpers."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Sequence
from typing import Any, TypeVar

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

#: The vocabulary of generated clause text: short, readable, and with words
#: that occur inside one another ("member" in "members"), to exercise phrase search.
WORDS = ("the", "members", "member", "fee", "shall", "pay", "vote", "committee", "chair", "may",
         "not", "elect", "annual", "meeting", "notice", "days", "10", "15", "per", "cent")  # fmt: skip
#: Labels generated numbering levels may carry.
LABELS = ("Rule {n}", "Chapter {n}", "Clause {n}", "Part {n}", "Section {n}", "({n})")
#: Provision names generated books and motions draw from (each book uses each at most once).
PROVISION_NAMES = ("fee", "quorum", "term.years", "seats", "tie", "notice.days", "majority",
                   "interval", "leadership.share", "nec.size", "cac.size", "deposit")  # fmt: skip
#: The built-in questions :func:`facts` can generate facts for (docs/questions.md).
QUESTIONS = ("leadership.ballot", "nec.composition", "nec.vote", "conference.vote",
             "shadow_cabinet.composition", "provision")  # fmt: skip
_BODIES = ("PLP", "EPLP", "CLPs", "affiliates")
_SECTIONS = ("leader", "treasurer", "clps", "unions", "members", "youth")
_PINNED_LETTERS = "ABCDEFGH"
_T = TypeVar("_T")

# Strategies are built once and drawn from many times: building one inside a
# draw costs hypothesis a validation each time, which made generation ~10x slower.
_BOOLS = st.booleans()
_NAME_ORDERS = st.permutations(PROVISION_NAMES)
_EFFECTIVE = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))
_TITLES = st.none() | st.just("The Rules")
_PROPOSERS = st.none() | st.sampled_from(("NEC", "a member"))
_MOTION_DATES = st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))


@functools.cache
def _ints(lo: int, hi: int) -> st.SearchStrategy[int]:
    return st.integers(lo, hi)


@functools.cache
def _word_lists(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=max_size)


def _at(where: str, ref: str) -> dict[str, Any]:
    """``{"after": ref}`` and the like, as keyword arguments of an amendment."""
    return {where: ref}


def _int(draw: st.DrawFn, lo: int, hi: int) -> int:
    return draw(_ints(lo, hi))


def _pick(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    """One of ``items`` (shrinking towards the first), like ``sampled_from``."""
    if not items:
        raise InvalidArgument("nothing to choose from")
    return items[_int(draw, 0, len(items) - 1)]


def _flip(draw: st.DrawFn) -> bool:
    return draw(_BOOLS)
