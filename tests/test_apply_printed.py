"""Drafters quote the printed rule book: a phrase may show a cross-reference as its citation."""

from __future__ import annotations

import pytest

import rulebook
from rulebook import Amendment, Motion

BOOK = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}, {style: arabic}]
clauses:
  - {id: a, text: "Members pay the fee in [[b]] each year; see [[b]]."}
  - {id: b, text: "The fee is two pounds."}
"""


def one(amendment: Amendment) -> str:
    v = rulebook.loads(BOOK)
    return rulebook.apply(v, Motion("m", [amendment])).clause("a").text or ""


def test_a_phrase_quoted_as_printed_replaces_the_reference_itself() -> None:
    text = one(Amendment("replace_words", clause="Rule 1", old="fee in Rule 2 each", new="fee set each"))
    assert text == "Members pay the fee set each year; see [[b]]."


def test_the_source_form_still_wins_when_it_occurs() -> None:
    text = one(Amendment("replace_words", clause="Rule 1", old="see [[b]]", new="see the schedule"))
    assert text == "Members pay the fee in [[b]] each year; see the schedule."


def test_a_printed_phrase_occurring_twice_needs_an_occurrence() -> None:
    with pytest.raises(rulebook.AmendmentError, match=r"more than once .* as printed"):
        one(Amendment("delete_words", clause="Rule 1", words="Rule 2"))
    text = one(Amendment("delete_words", clause="Rule 1", words="; see Rule 2", occurrence=1))
    assert text == "Members pay the fee in [[b]] each year."


def test_a_phrase_that_cuts_a_citation_in_two_does_not_match() -> None:
    with pytest.raises(rulebook.AmendmentError, match="does not occur"):
        one(Amendment("delete_words", clause="Rule 1", words="in Rule", occurrence=1))


@pytest.mark.parametrize(
    ("amendment", "expected"),
    [
        (Amendment("insert_words", clause="Rule 1", words=" or more", after="fee"), "the fee or more in"),
        (Amendment("insert_words", clause="Rule 1", words="annual ", before="fee"), "the annual fee in"),
        (Amendment("insert_words", clause="Rule 1", words="annual", before="fee"), "the annual fee in"),
    ],
)
def test_inserted_words_never_double_a_space(amendment: Amendment, expected: str) -> None:
    assert expected in one(amendment)
