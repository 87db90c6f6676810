"""Women's minimums read from member sub-clauses (docs/provisions.md)."""

from __future__ import annotations

import pytest

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.ask import ask
from rulebook.io.rulebook import loads
from rulebook.members import read_member

BOOK = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}, {style: lower-alpha}]
clauses:
  - id: nec
    text: "The committee is made up of the members below."
    stated_by:
      nec.seats: {from: sub-clauses}
      nec.women_minimum: {from: sub-clauses, read: women}
    clauses:
      - {id: nec.chair, text: "The chair of the club."}
      - {id: nec.unions, text: "Twelve members elected by the unions, of whom six or more are women."}
"""


@pytest.mark.parametrize(
    ("text", "women"),
    [
        ("Twelve members elected by the unions, at least half of them women.", 6),
        ("Three members elected by CLPs, at least half of them women.", 2),
        ("Twelve members elected by the unions, at least 50 per cent of them women.", 6),
        ("Six members elected by CLPs, at least one-third of whom shall be women.", 2),
        ("Twelve members elected by the unions, at least six of them women.", 6),
    ],
)
def test_a_share_of_the_seats_for_women_is_a_number_of_women(text, women):
    assert read_member(text).women == women


def test_a_womens_minimum_a_motion_makes_unreadable_leaves_the_minimum_undetermined():
    # never read as "no minimum": the words still set one, in words that say no number
    book = loads(BOOK, "club.yaml")
    motion = Motion("m", [Amendment("replace_words", clause="nec.unions", old="six or more", new="a fair number")])
    answer = ask(apply(book, motion), "provision", {"name": "nec.women_minimum"})
    assert answer.status == "undetermined"
    assert any("women" in g.message for g in answer.gaps)


def test_a_womens_minimum_as_a_share_follows_a_motion():
    book = loads(BOOK, "club.yaml")
    motion = Motion(
        "m",
        [
            Amendment(
                "replace_words",
                clause="nec.unions",
                old="of whom six or more are women",
                new="at least half of them women",
            )
        ],
    )
    assert dict(apply(book, motion).provision("nec.women_minimum")) == {"unions": 6}
