"""The built-in questions: a determined, an undetermined and a bad-input case for each."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import pytest

from rulebook.ask.engine import ask
from rulebook.errors import FactsError, QuestionError
from rulebook.io.rulebook import loads
from rulebook.model import Version


def book(provisions: dict[str, Any]) -> Version:
    """A one-clause book carrying ``provisions``."""
    import yaml

    return loads(
        yaml.safe_dump(
            {
                "rulebook": "t",
                "version": "1",
                "numbering": [{"style": "arabic", "label": "Rule {n}"}],
                "clauses": [{"id": "r", "text": "x", "provisions": provisions}],
            }
        )
    )


CHALLENGE = {"leadership.nominations.challenge": {"share": 0.2, "of": ["PLP", "EPLP"]}}
CONTEST = {
    "vacancy": False,
    "bodies": {"PLP": 231, "EPLP": 20},
    "candidates": [
        {"name": "Corbyn", "incumbent": True, "nominations": {"PLP": 40}},
        {"name": "Smith", "nominations": {"PLP": 172}},
        {"name": "Nobody", "nominations": {"PLP": 10}},
    ],
}

# -- leadership.ballot -----------------------------------------------------------


def test_ballot_is_undetermined_for_an_incumbent_short_of_nominations_when_the_rules_are_silent() -> None:
    answer = ask(book(CHALLENGE), "leadership.ballot", CONTEST)
    assert answer.status == "undetermined"
    assert answer.answer["on_ballot"] == ("Smith",)
    assert answer.answer["excluded"] == ("Nobody",)
    assert answer.answer["undetermined"] == ("Corbyn",)
    assert [g.provision for g in answer.gaps] == ["leadership.incumbent_automatic"]


def test_ballot_puts_the_incumbent_on_automatically_when_the_rules_say_so() -> None:
    answer = ask(book({**CHALLENGE, "leadership.incumbent_automatic": True}), "leadership.ballot", CONTEST)
    assert answer.determined
    assert answer.answer["on_ballot"] == ("Corbyn", "Smith")
    assert {b.provision for b in answer.because} == {
        "leadership.incumbent_automatic",
        "leadership.nominations.challenge",
    }


def test_ballot_makes_the_incumbent_meet_the_challenge_threshold_when_not_automatic() -> None:
    answer = ask(book({**CHALLENGE, "leadership.incumbent_automatic": False}), "leadership.ballot", CONTEST)
    assert answer.determined
    assert "Corbyn" in answer.answer["excluded"]


def test_ballot_with_enough_nominations_puts_the_incumbent_on_even_when_the_rules_are_silent() -> None:
    facts = {**CONTEST, "candidates": [{"name": "I", "incumbent": True, "nominations": {"PLP": 60}}]}
    answer = ask(book(CHALLENGE), "leadership.ballot", facts)
    assert answer.determined and answer.answer["on_ballot"] == ("I",)


def test_ballot_uses_the_vacancy_requirement_with_all_of_and_any_of() -> None:
    rules = book(
        {
            "leadership.nominations.vacancy": {
                "all_of": [
                    {"share": 0.1, "of": ["PLP", "EPLP"]},
                    {"any_of": [{"share": 0.05, "of": ["CLPs"]}, {"count": 3, "of": ["affiliates"]}]},
                ]
            }
        }
    )
    facts = {
        "vacancy": True,
        "bodies": {"PLP": 231, "EPLP": 20, "CLPs": 632, "affiliates": 20},
        "candidates": [
            {"name": "A", "nominations": {"PLP": 26, "CLPs": 32}},
            {"name": "B", "nominations": {"PLP": 26, "affiliates": 3}},
            {"name": "C", "nominations": {"PLP": 25, "CLPs": 300}},
            {"name": "D", "nominations": {"PLP": 30, "CLPs": 31, "affiliates": 2}},
        ],
    }
    answer = ask(rules, "leadership.ballot", facts)
    assert answer.answer["on_ballot"] == ("A", "B")
    assert answer.answer["excluded"] == ("C", "D")


def test_ballot_is_undetermined_when_the_rules_set_no_threshold() -> None:
    answer = ask(book({}), "leadership.ballot", CONTEST)
    assert answer.status == "undetermined"
    assert answer.answer["on_ballot"] == ()
    assert "leadership.nominations.challenge" in [g.provision for g in answer.gaps]


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({**CONTEST, "candidates": [{"name": "A", "nominations": {"PLP": 232}}]}, "more than 231"),
        ({**CONTEST, "candidates": [{"name": "A", "nominations": {"NEC": 2}}]}, "not among the bodies"),
        ({**CONTEST, "candidates": [{"name": "A"}, {"name": "A"}]}, "listed twice"),
        ({**CONTEST, "vacancy": True}, "marked incumbent, but the fact vacancy is true"),
        ({**CONTEST, "bodies": {"PLP": -1, "EPLP": 20}}, "from 0"),
        ({"vacancy": False, "bodies": {"PLP": 1}}, "no 'candidates'"),
    ],
)
def test_ballot_refuses_facts_that_contradict_each_other(facts: dict[str, Any], message: str) -> None:
    with pytest.raises(FactsError, match=message):
        ask(book(CHALLENGE), "leadership.ballot", facts)


def test_ballot_refuses_a_body_the_requirement_counts_but_the_facts_do_not_size() -> None:
    facts = {**CONTEST, "bodies": {"PLP": 231}}
    with pytest.raises(FactsError, match="no size for 'EPLP'"):
        ask(book(CHALLENGE), "leadership.ballot", facts)


def test_a_malformed_requirement_names_the_clause() -> None:
    rules = book({"leadership.nominations.challenge": {"share": 20, "of": ["PLP"]}})
    with pytest.raises(QuestionError, match=r"Rule 1 \(id r\).*between 0 and 1"):
        ask(rules, "leadership.ballot", CONTEST)


# -- nec.composition and nec.vote -------------------------------------------------------

SEATS = {"nec.seats": {"unions": {"seats": 12}, "clps": {"seats": 6}, "secretary": {"seats": 1, "voting": False}}}


def test_composition_counts_seats_voting_seats_and_the_majority() -> None:
    answer = ask(book(SEATS), "nec.composition")
    assert (answer.answer["total"], answer.answer["voting"], answer.answer["majority"]) == (19, 18, 10)


def test_composition_reads_another_committee_with_body() -> None:
    answer = ask(
        book({"cac.seats": {"affiliates": {"seats": 5}, "clps": {"seats": 2}}}), "nec.composition", {"body": "cac"}
    )
    assert answer.answer["total"] == 7
    assert answer.because[0].provision == "cac.seats"


def test_composition_is_undetermined_without_seats() -> None:
    answer = ask(book({}), "nec.composition", {"body": "cac"})
    assert answer.status == "undetermined" and answer.gaps[0].provision == "cac.seats"


def test_vote_carries_when_for_exceeds_against() -> None:
    answer = ask(book(SEATS), "nec.vote", {"votes": {"unions": {"for": 9, "against": 3}, "clps": {"against": 5}}})
    assert answer.determined and answer.answer["result"] == "carried"
    assert (answer.answer["for"], answer.answer["against"], answer.answer["absent"]) == (9, 8, 1)


def test_vote_tied_is_undetermined_without_a_tie_rule_and_lost_when_ties_fail() -> None:
    votes = {"votes": {"unions": {"for": 6, "against": 6}}}
    silent = ask(book(SEATS), "nec.vote", votes)
    assert silent.status == "undetermined" and silent.answer["result"] == "tied"
    assert silent.gaps[0].provision == "nec.tie"
    fails = ask(book({**SEATS, "nec.tie": "fails"}), "nec.vote", votes)
    assert fails.determined and fails.answer["result"] == "lost"


def test_vote_with_a_chair_and_a_casting_vote() -> None:
    rules = book({**SEATS, "nec.tie": "chair"})
    answer = ask(rules, "nec.vote", {"votes": {"unions": {"for": 6, "against": 6}}, "casting_vote": "for"})
    assert answer.answer["result"] == "carried"


def test_vote_is_inquorate_below_the_quorum() -> None:
    answer = ask(book({**SEATS, "nec.quorum": 10}), "nec.vote", {"votes": {"unions": {"for": 5, "against": 4}}})
    assert answer.answer["result"] == "inquorate"


def test_vote_gives_the_exact_probability_of_carrying() -> None:
    facts = {"votes": {"unions": {"for": 6, "against": 6}}, "probabilities": {"clps": [0.5, 0.5, 0.5]}}
    answer = ask(book({**SEATS, "nec.tie": "fails"}), "nec.vote", facts)
    # margin of three fair coins: +3 or +1 carries (1/8 + 3/8), -1 or -3 loses
    assert answer.answer["probability_exact"]["carried"] == "1/2"
    assert answer.answer["result"] == "uncertain"


def test_vote_probabilities_with_abstentions_are_exact() -> None:
    facts = {"votes": {"unions": {"for": 1}}, "probabilities": {"clps": [{"for": 0.25, "abstain": 0.5}]}}
    answer = ask(book({**SEATS, "nec.tie": "fails"}), "nec.vote", facts)
    # carried unless the seat votes against (1/4): then 1-1 ties and fails
    assert Fraction(answer.answer["probability_exact"]["carried"]) == Fraction(3, 4)


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"votes": {"clps": {"for": 5, "against": 2}}}, "7 votes.*has 6 seat"),
        ({"votes": {"clp": {"for": 1}}}, "did you mean 'clps'"),
        ({"votes": {"secretary": {"for": 1}}}, "has no vote"),
        ({"votes": {"clps": {"for": -1}}}, "from 0"),
        ({"probabilities": {"clps": [1.5]}}, "between 0 and 1"),
        ({"votes": {"clps": {"for": 6}}, "probabilities": {"clps": [0.5]}}, "has 6 seat"),
        ({}, "give 'votes'"),
    ],
)
def test_vote_refuses_impossible_votes(facts: dict[str, Any], message: str) -> None:
    with pytest.raises(FactsError, match=message):
        ask(book(SEATS), "nec.vote", facts)


# -- conference.vote -----------------------------------------------------------------

WEIGHTS = {"conference.weights": {"affiliates": 0.5, "CLPs": 0.5}}


def test_conference_vote_weights_the_sections() -> None:
    answer = ask(
        book(WEIGHTS), "conference.vote", {"CLPs": {"for": 0.68, "against": 0.32}, "affiliates": {"for": 0.92}}
    )
    assert answer.answer["result"] == "carried"
    assert answer.answer["for"] == pytest.approx(0.80)
    assert answer.answer["swing"]["CLPs"]["to"] == pytest.approx(0.08)
    assert answer.answer["swing"]["CLPs"]["by"] == pytest.approx(0.60)


def test_conference_vote_takes_raw_counts_and_says_how_many_votes_must_switch() -> None:
    facts = {"CLPs": {"for": 600, "against": 400}, "affiliates": {"for": 0.4, "against": 0.6}}
    answer = ask(book(WEIGHTS), "conference.vote", facts)
    # overall exactly 0.5: not more than one half, so lost; one CLP vote switching carries it
    assert answer.answer["result"] == "lost"
    assert answer.answer["swing"]["CLPs"]["votes"] == 1
    assert answer.answer["sections"]["CLPs"]["votes"] == {"for": 600, "against": 400}


def test_conference_vote_uses_the_majority_provision() -> None:
    rules = book({**WEIGHTS, "conference.majority": 0.6667})
    answer = ask(rules, "conference.vote", {"CLPs": {"for": 0.7}, "affiliates": {"for": 0.6}})
    assert answer.answer["result"] == "lost"


def test_conference_vote_is_undetermined_without_weights() -> None:
    answer = ask(book({}), "conference.vote", {"CLPs": {"for": 0.7}})
    assert answer.status == "undetermined" and answer.gaps[0].provision == "conference.weights"


@pytest.mark.parametrize(
    ("facts", "message"),
    [
        ({"CLPs": {"for": 1.2, "against": 0}, "affiliates": {"for": 0.5}}, "1.2, but a share is between 0 and 1"),
        ({"CLPs": {"for": 0.7, "against": 0.6}, "affiliates": {"for": 0.5}}, "more than 1"),
        ({"CLPs": {"for": 0.7}}, "no vote given for section 'affiliates'"),
        ({"CLP": {"for": 0.7}, "affiliates": {"for": 0.5}}, "did you mean 'CLPs'"),
        ({"CLPs": {"for": 0, "against": 0}, "affiliates": {"for": 0.5}}, "no votes cast|both 0"),
    ],
)
def test_conference_vote_refuses_impossible_shares(facts: dict[str, Any], message: str) -> None:
    with pytest.raises(FactsError, match=message):
        ask(book(WEIGHTS), "conference.vote", facts)


# -- shadow_cabinet.composition ---------------------------------------------------------


def test_shadow_cabinet_shares_places_by_largest_remainder() -> None:
    rules = book({"shadow_cabinet.selection": {"plp": 0.5, "leader": 0.3, "members": 0.2}, "shadow_cabinet.size": 11})
    answer = ask(rules, "shadow_cabinet.composition")
    assert dict(answer.answer["seats"]) == {"plp": 6, "leader": 3, "members": 2}
    assert answer.answer["size_from"] == "rules"


def test_shadow_cabinet_is_undetermined_without_a_size_or_on_a_tie() -> None:
    rules = book({"shadow_cabinet.selection": {"plp": 1, "leader": 1, "members": 1}})
    assert ask(rules, "shadow_cabinet.composition").gaps[0].provision == "shadow_cabinet.size"
    tied = ask(rules, "shadow_cabinet.composition", {"size": 28})
    assert tied.status == "undetermined" and tied.answer["undecided"]["seats"] == 1


def test_shadow_cabinet_refuses_a_size_the_rules_contradict() -> None:
    rules = book({"shadow_cabinet.selection": {"plp": 1}, "shadow_cabinet.size": 20})
    with pytest.raises(FactsError, match="fix the size at 20"):
        ask(rules, "shadow_cabinet.composition", {"size": 25})


# -- provision --------------------------------------------------------------------------


def test_provision_gives_value_and_clause_or_a_gap_with_a_suggestion() -> None:
    rules = book({"fees.annual": 15})
    assert ask(rules, "provision", {"name": "fees.annual"}).answer["clause"] == "Rule 1"
    missing = ask(rules, "provision", {"name": "fees.anual"})
    assert missing.status == "undetermined" and "did you mean 'fees.annual'" in missing.gaps[0].message


def test_provision_needs_a_name() -> None:
    with pytest.raises(FactsError, match="no 'name'"):
        ask(book({}), "provision", {})
