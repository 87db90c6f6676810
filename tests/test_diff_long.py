"""Word diffs of long rewrites stay near-linear: the quadratic matcher only ever
sees stretches within the documented bounds (docs/architecture.md), and the
diff still joins back into both texts. No timing here: benchmarks/bench_diff.py."""

from __future__ import annotations

import difflib
import random
from typing import Any

import pytest

from rulebook.diff import new_text, old_text, word_diff
from rulebook.diff import words as words_module

_WORDS = [
    "member",
    "party",
    "rule",
    "conference",
    "clause",
    "shall",
    "may",
    "elected",
    "committee",
    "national",
    "executive",
    "vote",
]


def _text(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) + ("." if i % 17 == 16 else "") for i in range(n))


@pytest.fixture
def matched(monkeypatch: pytest.MonkeyPatch) -> list[tuple[int, int]]:
    sizes: list[tuple[int, int]] = []

    class Recording(difflib.SequenceMatcher):  # type: ignore[type-arg]
        def __init__(self, isjunk: Any, a: Any, b: Any, autojunk: bool = True) -> None:
            sizes.append((len(a), len(b)))
            super().__init__(isjunk, a, b, autojunk)

    monkeypatch.setattr(words_module.difflib, "SequenceMatcher", Recording)
    return sizes


def test_a_rewritten_long_clause_is_compared_in_bounded_pieces_and_joins_back(matched: list[tuple[int, int]]) -> None:
    old, new = _text(6000, 1), _text(6000, 2)
    ops = word_diff(old, new)
    assert old_text(ops) == old and new_text(ops) == new
    assert matched, "the matcher was used"
    assert max(a * b for a, b in matched) <= words_module.SENTENCE_PAIRS_LIMIT
    assert all(a * b <= words_module.WORD_PAIRS_LIMIT for a, b in matched[1:])  # after the sentence pass


def test_a_word_changed_throughout_a_long_clause_is_still_marked_word_by_word(matched: list[tuple[int, int]]) -> None:
    old = _text(6000, 3)
    new = old.replace("member", "person")
    ops = word_diff(old, new)
    assert old_text(ops) == old and new_text(ops) == new
    changed = [op for op in ops if op.op != "equal"]
    assert changed and all(set(op.old.split()) == {"member"} for op in changed)  # neighbours are joined
    assert all(op.new == op.old.replace("member", "person") for op in changed)
    assert sum(op.old.count("member") for op in changed) == old.count("member")


def test_a_short_text_is_diffed_exactly_as_before() -> None:
    ops = word_diff("nominated by 15 per cent of the PLP", "nominated by 10 per cent of the PLP and EPLP")
    changed = [(o.op, o.old, o.new) for o in ops if o.op != "equal"]
    assert changed == [("replace", "15", "10"), ("insert", "", " and EPLP")]
