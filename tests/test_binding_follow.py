"""Following bound words through motions that change their unit or their comparison (docs/provisions.md)."""

from __future__ import annotations

from fractions import Fraction

import pytest

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.ask import ask
from rulebook.io.rulebook import loads
from rulebook.quantities import read_quantities

BOOK = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}]
clauses:
  - id: term
    text: "Elected members serve two years."
    provisions: {term_years: 2}
  - id: notice
    text: "Notice of a meeting is given 14 days ahead."
    provisions: {notice_days: 14}
  - id: threshold
    text: "A candidate needs the backing of 20 per cent of the branches."
    provisions: {threshold: {share: 0.2, of: [branches]}}
  - id: count
    text: "Whoever has more than half of the votes wins."
    provisions: {count: {more_than_share: 0.5}}
"""


def amended(old: str, new: str, clause: str):
    book = loads(BOOK, "club.yaml")
    return apply(book, Motion("m", [Amendment("replace_words", clause=clause, old=old, new=new)]))


@pytest.mark.parametrize(
    ("old", "new", "clause", "name", "value"),
    [("two years", "three years", "term", "term_years", 3), ("two years", "one year", "term", "term_years", 1)],
)
def test_a_duration_rewritten_in_the_same_unit_is_read(old, new, clause, name, value):
    assert amended(old, new, clause).provision(name) == value


@pytest.mark.parametrize(
    ("old", "new", "clause", "name"),
    [
        ("two years", "24 months", "term", "term_years"),
        ("14 days", "three weeks", "notice", "notice_days"),
        ("two years", "18 months", "term", "term_years"),
        ("two years", "104 weeks", "term", "term_years"),
        ("14 days", "two months", "notice", "notice_days"),
        ("two years", "two terms", "term", "term_years"),
    ],
)
def test_a_duration_rewritten_in_another_unit_is_no_longer_stated(old, new, clause, name):
    # never a wrong figure: "24 months" is not 24 years; the value is not converted
    # either, since a saved book binds a value to words in its own unit
    answer = ask(amended(old, new, clause), "provision", {"name": name})
    assert answer.status == "undetermined"
    assert any(f"no longer states {name}" in g.message and new in g.message for g in answer.gaps)


def test_a_majority_where_a_share_to_reach_stood_is_no_longer_stated():
    # "a simple majority" is more than half; the threshold is reached at its share
    answer = ask(amended("20 per cent", "a simple majority", "threshold"), "provision", {"name": "threshold"})
    assert answer.status == "undetermined"
    assert any("more than" in g.message for g in answer.gaps)


def test_a_share_to_reach_where_more_than_a_share_stood_is_no_longer_stated():
    answer = ask(amended("more than half", "two-thirds", "count"), "provision", {"name": "count"})
    assert answer.status == "undetermined"


@pytest.mark.parametrize("new", ["a simple majority", "more than two-thirds", "over 60 per cent"])
def test_more_than_a_share_where_more_than_a_share_stood_is_read(new):
    expected = {"a simple majority": 0.5, "more than two-thirds": float(Fraction(2, 3)), "over 60 per cent": 0.6}[new]
    assert amended("more than half", new, "count").provision("count")["more_than_share"] == expected


def test_at_least_a_share_where_a_share_stood_is_read():
    after = amended("20 per cent", "at least one-quarter", "threshold")
    assert after.provision("threshold")["share"] == 0.25


@pytest.mark.parametrize(
    ("text", "value", "bound"),
    [
        ("at least two-thirds of the votes", Fraction(2, 3), "min"),
        ("not less than one-fifth", Fraction(1, 5), "min"),
        ("at most a quarter", Fraction(1, 4), "max"),
    ],
)
def test_a_bounded_fraction_is_a_share_not_a_count(text, value, bound):
    q = read_quantities(text)[0]
    assert (q.kind, q.value, q.bound) == ("share", value, bound)
