"""Properties of provisions stated by words (docs/provisions.md), on generated books.

Each generated clause states one number of its provision in words or figures
among filler words; motions rewrite the number, the filler, or the number
into words that state none.
"""

from __future__ import annotations

from fractions import Fraction
from typing import Any

from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.ask import ask
from rulebook.binding import bind
from rulebook.model import Clause, Level, Version
from rulebook.quantities import in_words

FILLER = ["members", "of", "the", "branch", "shall", "elect", "by", "ballot", "committee", "meeting"]


@st.composite
def stated(draw: st.DrawFn) -> tuple[str, Any]:
    """A phrase stating a value, and the value: a count or a share."""
    if draw(st.booleans()):
        n = draw(st.integers(0, 300))
        return (str(n) if draw(st.booleans()) else in_words(n)) + " members", n
    p = draw(st.integers(1, 99))
    return f"{p} per cent", float(Fraction(p, 100))


@st.composite
def books(draw: st.DrawFn) -> tuple[Version, list[str]]:
    clauses, phrases = [], []
    for i in range(draw(st.integers(1, 4))):
        phrase, value = draw(stated())
        before = draw(st.lists(st.sampled_from(FILLER), min_size=1, max_size=4))
        after = draw(st.lists(st.sampled_from(FILLER), min_size=1, max_size=4))
        text = " ".join(["Rule", *before, phrase, *after]) + "."
        clauses.append(bind(Clause(f"c{i}", text=text, provisions={f"p{i}": {"value": value}})))
        phrases.append(phrase)
    return Version("gen", "1", [Level("arabic", "Rule {n}")], clauses), phrases


def value(version: Version, i: int) -> Any:
    return version.provision(f"p{i}")["value"]


@given(books(), st.data())
def test_a_word_only_motion_moves_the_value_to_what_the_new_words_state(book, data):
    version, phrases = book
    i = data.draw(st.integers(0, len(phrases) - 1))
    new_phrase, new_value = data.draw(stated())
    kind_before = "per cent" in phrases[i]
    if kind_before != ("per cent" in new_phrase):
        return  # a share rewritten as a count states no share: the next property
    after = apply(version, Motion("m", [Amendment("replace_words", clause=f"c{i}", old=phrases[i], new=new_phrase)]))
    assert value(after, i) == new_value
    for j in range(len(phrases)):
        if j != i:
            assert value(after, j) == value(version, j)


@given(books(), st.data())
def test_a_motion_changing_no_bound_words_changes_no_value(book, data):
    version, phrases = book
    i = data.draw(st.integers(0, len(phrases) - 1))
    text = version.clause(f"c{i}").text or ""
    word = data.draw(st.sampled_from([w for w in FILLER if f" {w} " in f" {text} "] or ["Rule"]))
    occurrence = 1 if text.count(word) > 1 else None
    motion = Motion("m", [Amendment("replace_words", clause=f"c{i}", old=word, new="council", occurrence=occurrence)])
    after = apply(version, motion)
    assert [value(after, j) for j in range(len(phrases))] == [value(version, j) for j in range(len(phrases))]
    assert not after.provenance


@given(books(), st.data())
def test_answers_never_rest_on_a_value_its_words_no_longer_state(book, data):
    version, phrases = book
    i = data.draw(st.integers(0, len(phrases) - 1))
    replacement = data.draw(st.sampled_from(["several members", "a fair share", "enough"]))
    after = apply(version, Motion("m", [Amendment("replace_words", clause=f"c{i}", old=phrases[i], new=replacement)]))
    answer = ask(after, "provision", {"name": f"p{i}"})
    assert answer.status == "undetermined"
    assert all(b.provision != f"p{i}" for b in answer.because)
    assert any(f"no longer states p{i}.value" in g.message for g in answer.gaps)
