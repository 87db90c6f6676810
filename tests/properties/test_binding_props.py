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
from rulebook.binding import _restate_clause, bind, restated
from rulebook.model import Clause, Level, Version, evolve_clause
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


@st.composite
def several(draw: st.DrawFn) -> tuple[Version, list[str]]:
    """One clause stating two or three numbers of one provision, each bound by its own words."""
    count = draw(st.integers(2, 3))
    picks = draw(st.lists(st.integers(1, 99), min_size=count, max_size=count, unique=True))
    phrases = [f"{p} per cent" for p in picks]
    text = "Rule " + " and ".join(f"section {k} holds {phrase}" for k, phrase in enumerate(phrases)) + "."
    value = {f"s{k}": float(Fraction(p, 100)) for k, p in enumerate(picks)}
    return Version(
        "gen", "1", [Level("arabic", "Rule {n}")], [bind(Clause("c", text=text, provisions={"w": value}))]
    ), phrases


@given(several(), st.data())
def test_every_value_of_a_clause_follows_one_edit_that_rewrites_them_all(book, data):
    # a motion that rewrites a whole sentence moves every number in it: each value
    # follows its own words, not only the first one read (docs/provisions.md)
    version, phrases = book
    new = data.draw(st.lists(st.integers(1, 99), min_size=len(phrases), max_size=len(phrases), unique=True))
    text = "Rule " + " and ".join(f"section {k} holds {p}%" for k, p in enumerate(new)) + "."
    after = apply(version, Motion("m", [Amendment("replace_text", clause="c", text=text)]))
    assert dict(after.provision("w")) == {f"s{k}": float(Fraction(p, 100)) for k, p in enumerate(new)}


@given(books(), st.data())
def test_restated_finds_nothing_exactly_when_the_clause_it_would_make_is_the_clause_given(book, data):
    """``restated`` answers None, without making the clause, when every value is the very one
    it was: the same answer as making the clause and comparing it with the one given."""
    version, phrases = book
    i = data.draw(st.integers(0, len(phrases) - 1))
    old = version.clause(f"c{i}")
    text = old.text or ""
    new_phrase, _ = data.draw(stated())
    word = data.draw(st.sampled_from([w for w in FILLER if f" {w} " in f" {text} "] or ["Rule"]))
    new_text = data.draw(st.sampled_from([text.replace(phrases[i], new_phrase), text.replace(word, "council"), text]))
    new = evolve_clause(old, text=new_text)
    if not new.stated:
        return  # nothing bound: restated answers before it restates
    provisions, bindings = _restate_clause(old, new, "m")
    made = evolve_clause(new, provisions=provisions, stated=tuple(bindings))
    found = restated(old, new, "m")
    assert (found is None) == (made == new and made.stated == new.stated)
    if found is not None:
        assert found[0] == made and found[0].stated == made.stated
