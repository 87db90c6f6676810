"""Properties of the scenario engine: monotone answers, exact arithmetic, and self-comparison."""

from __future__ import annotations

from fractions import Fraction
from typing import Any

import yaml
from hypothesis import assume, given
from hypothesis import strategies as st

from rulebook import strategies as rs
from rulebook.ask.compare import compare
from rulebook.ask.engine import ask
from rulebook.ask.probability import SeatChance, margin_distribution, outcome_probabilities
from rulebook.ask.requirements import bodies_of, describe, parse_requirement
from rulebook.errors import FactsError, QuestionError
from rulebook.history import load_history
from rulebook.io.rulebook import loads
from rulebook.model import Version
from tests.conftest import LABOUR

HISTORY = load_history(LABOUR)
BODIES = ("PLP", "EPLP", "CLPs", "affiliates")


def book(provisions: dict[str, Any]) -> Version:
    return loads(
        yaml.safe_dump(
            {
                "rulebook": "t",
                "version": "1",
                "numbering": [{"style": "arabic"}],
                "clauses": [{"id": "r", "text": "x", "provisions": provisions}],
            }
        )
    )


sections = st.dictionaries(
    st.sampled_from(("leader", "unions", "clps", "youth", "secretary")),
    st.fixed_dictionaries({"seats": st.integers(0, 15), "voting": st.booleans()}),
    min_size=1,
)


@given(sections, st.data())
def test_adding_a_seat_never_lowers_total_voting_or_majority(seats: dict[str, Any], data: st.DataObject) -> None:
    before = ask(book({"nec.seats": seats}), "nec.composition").answer
    name = data.draw(st.sampled_from([*seats, "new"]))
    grown = {k: dict(v) for k, v in seats.items()}
    grown.setdefault(name, {"seats": 0, "voting": data.draw(st.booleans())})
    grown[name]["seats"] += 1
    after = ask(book({"nec.seats": grown}), "nec.composition").answer
    assert after["total"] == before["total"] + 1
    assert after["voting"] >= before["voting"] and after["majority"] >= before["majority"]


def requirements(depth: int = 2) -> st.SearchStrategy[Any]:
    of = st.lists(st.sampled_from(BODIES), min_size=1, max_size=3, unique=True)
    leaf = st.one_of(
        st.fixed_dictionaries({"share": st.sampled_from((0.0, 0.05, 0.1, 0.15, 0.2, 0.5, 1.0)), "of": of}),
        st.fixed_dictionaries({"count": st.integers(0, 40), "of": of}),
    )
    if depth == 0:
        return leaf
    inner = st.lists(requirements(depth - 1), min_size=1, max_size=3)
    return st.one_of(leaf, st.fixed_dictionaries({"all_of": inner}), st.fixed_dictionaries({"any_of": inner}))


@given(requirements(), st.data())
def test_more_nominations_are_never_excluded_where_fewer_are_on_the_ballot(req: Any, data: st.DataObject) -> None:
    sizes = {b: data.draw(st.integers(0, 300), label=b) for b in BODIES}
    fewer = {b: data.draw(st.integers(0, sizes[b]), label=f"fewer {b}") for b in BODIES}
    more = {b: data.draw(st.integers(fewer[b], sizes[b]), label=f"more {b}") for b in BODIES}
    facts = {
        "vacancy": True,
        "bodies": sizes,
        "candidates": [{"name": "Fewer", "nominations": fewer}, {"name": "More", "nominations": more}],
    }
    answer = ask(book({"leadership.nominations.vacancy": req}), "leadership.ballot", facts).answer
    if "Fewer" in answer["on_ballot"]:
        assert "More" in answer["on_ballot"]
    if "More" in answer["excluded"]:
        assert "Fewer" in answer["excluded"]


def _named_bodies(req: Any) -> set[str]:
    if "of" in req:
        return set(req["of"])
    return set().union(*(_named_bodies(part) for part in req.get("all_of", req.get("any_of", []))))


@given(requirements())
def test_requirements_parse_their_own_yaml_form_naming_the_same_bodies(req: Any) -> None:
    parsed = parse_requirement(req)
    assert set(bodies_of(parsed)) == _named_bodies(req)
    shown = describe(parsed)
    assert shown.strip() and "\n" not in shown


@given(st.lists(st.tuples(st.integers(0, 4), st.integers(0, 4)), max_size=8), st.integers(-5, 5))
def test_carried_tied_and_lost_probabilities_are_exact_and_sum_to_one(
    chances: list[tuple[int, int]], base: int
) -> None:
    seats = [SeatChance(Fraction(a, 4), Fraction(min(b, 4 - a), 4)) for a, b in chances]
    odds = outcome_probabilities(margin_distribution(seats), base)
    assert odds.carried + odds.tied + odds.lost == 1
    assert all(0 <= p <= 1 for p in (odds.carried, odds.tied, odds.lost))


@given(st.sampled_from(HISTORY.versions), st.sampled_from(rs.QUESTIONS), st.data())
def test_compare_of_a_version_with_itself_shows_no_difference(
    version: Version, question: str, data: st.DataObject
) -> None:
    facts = data.draw(rs.facts(question, version))
    try:
        comparison = compare(question, facts, version, version)
    except (FactsError, QuestionError):
        assume(False)
        return
    assert comparison.is_same
    assert comparison.differences == () and comparison.because == ()


@given(st.sampled_from(rs.QUESTIONS), st.data())
def test_answers_are_json_ready_and_name_a_clause_for_every_provision_read(question: str, data: st.DataObject) -> None:
    version = HISTORY.latest
    facts = data.draw(rs.facts(question, version))
    try:
        answer = ask(version, question, facts)
    except (FactsError, QuestionError):
        assume(False)
        return
    payload = answer.to_data()
    assert yaml.safe_load(answer.to_json()) == payload
    for because in payload["because"]:
        assert version.provision_clause(because["provision"]) == because["id"]
    assert (payload["status"] == "determined") == (payload["gaps"] == [])
