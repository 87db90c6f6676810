"""The record of a history: motions that were not carried, where the record ends,
the 2018 affiliate route, the nominations an incumbent would have needed, and card
votes given as floating-point shares (issue 11)."""

from __future__ import annotations

import json
from fractions import Fraction
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulebook.ask import ask
from rulebook.ask.facts import as_fraction
from rulebook.ask.requirements import Count, MissingFacts, Nominator, check, describe, parse_requirement
from rulebook.cli import main
from rulebook.errors import FactsError, SchemaError
from rulebook.history import load_history
from tests.conftest import LABOUR

BOOK = """\
rulebook: club
version: "1"
effective: 2020-01-01
numbering: [{style: arabic, label: "Rule {n}"}]
clauses:
  - {id: fee, text: "The fee is 5 pounds."}
"""
CARRIED = 'motion: raise\nbase: "1"\namendments: [{op: replace_words, clause: fee, old: "5", new: "6"}]\n'
LOST = 'motion: double\nbase: "1"\noutcome: lost\namendments: [{op: replace_words, clause: fee, old: "5", new: "10"}]\n'


def club(tmp_path: Path, history: str) -> Path:
    (tmp_path / "rulebook.yaml").write_text(BOOK)
    (tmp_path / "raise.yaml").write_text(CARRIED)
    (tmp_path / "double.yaml").write_text(LOST)
    (tmp_path / "history.yaml").write_text(history)
    return tmp_path


def test_a_lost_motion_is_in_the_record_but_never_changes_the_book(tmp_path: Path) -> None:
    root = club(
        tmp_path,
        'versions: [{version: "2", effective: 2021-01-01, motions: [raise.yaml], not_carried: [double.yaml]}]\n',
    )
    history = load_history(root)
    assert history["2"].clause("fee").text == "The fee is 6 pounds."
    assert [(m.id, m.outcome) for m in history.not_carried_in("2")] == [("double", "lost")]
    assert [m.id for m in history.motions] == ["raise"]
    out = CliRunner().invoke(main, ["history", str(root)]).output
    assert "lost     double" in out and "record ends: 2021-01-01" in out


def test_a_lost_motion_listed_as_carried_is_refused_naming_the_file(tmp_path: Path) -> None:
    root = club(tmp_path, 'versions: [{version: "2", effective: 2021-01-01, motions: [double.yaml]}]\n')
    with pytest.raises(SchemaError, match=r"outcome 'lost'.*list it under 'not_carried'"):
        load_history(root)


def test_a_carried_motion_listed_as_not_carried_is_refused(tmp_path: Path) -> None:
    root = club(tmp_path, 'versions: [{version: "2", effective: 2021-01-01, not_carried: [raise.yaml]}]\n')
    with pytest.raises(SchemaError, match="no 'outcome'"):
        load_history(root)


def test_apply_refuses_a_motion_that_was_not_carried(tmp_path: Path) -> None:
    root = club(tmp_path, "versions: []\n")
    result = CliRunner().invoke(main, ["apply", str(root), str(root / "double.yaml")])
    assert result.exit_code == 2 and "its outcome is 'lost'" in result.output


def test_a_date_beyond_the_record_warns_and_says_so_in_json(tmp_path: Path) -> None:
    runner = CliRunner()
    result = runner.invoke(main, ["show", f"{LABOUR}@2030-01-01", "--format", "json"])
    assert result.exit_code == 0
    assert "the book on 2030-01-01 is known only up to that date" in result.stderr
    assert json.loads(result.stdout)["record"] == {"known_until": "2021-09-26", "beyond_record": True}
    inside = runner.invoke(main, ["show", f"{LABOUR}@2020-01-01", "--format", "json"])
    assert inside.stderr == "" and json.loads(inside.stdout)["record"]["beyond_record"] is False
    asked = runner.invoke(main, ["ask", f"{LABOUR}@2030-01-01", "provision", "--fact", "name=conference.weights"])
    assert asked.exit_code == 0 and "warning: the record of" in asked.stderr


def test_the_selection_is_a_python_fact_too() -> None:
    history = load_history(LABOUR)
    assert history.choose("2030-01-01").beyond_record
    assert history.choose("2030-01-01").version.label == "2021"
    assert not history.choose("2021").beyond_record and not history.choose(None).beyond_record


def test_the_labour_record_runs_to_2021_with_lost_motions() -> None:
    history = load_history(LABOUR)
    assert history.labels[-2:] == ["2019", "2021"]
    assert [m.id for m in history.not_carried_in("2019")] == ["2019-cornish-labour-party"]
    assert [m.outcome for m in history.not_carried_in("2016-conference")] == ["pending"]
    # the clarification never carried: the ruling, upheld by the court, is what binds
    clause = history["2021"].clause("ch4.leader-election.nominations.challenge")
    assert "automatically" not in (clause.text or "")


AFFILIATES = parse_requirement({"count": 3, "of": ["affiliates"], "including": {"union": 2}, "membership": 0.05})


def test_the_affiliate_route_needs_two_unions_and_five_per_cent_of_the_membership() -> None:
    unions = [Nominator("U1", "union", 60_000), Nominator("U2", "union", 50_000), Nominator("S", "society", 5_000)]
    assert check(AFFILIATES, {}, {}, {"affiliates": unions}, {"affiliates": 2_000_000}).met
    too_small = [Nominator(n.name, n.kind, 1_000) for n in unions]
    assert not check(AFFILIATES, {}, {}, {"affiliates": too_small}, {"affiliates": 2_000_000}).met
    one_union = [unions[0], Nominator("S1", "society", 80_000), Nominator("S2", "society", 80_000)]
    result = check(AFFILIATES, {}, {}, {"affiliates": one_union}, {"affiliates": 2_000_000})
    assert not result.met and "1 union of 2 needed" in result.detail


def test_the_affiliate_route_names_the_facts_it_lacks() -> None:
    with pytest.raises(MissingFacts) as caught:
        check(AFFILIATES, {"affiliates": 3}, {})
    assert caught.value.facts == ("nominators.affiliates", "membership.affiliates")
    # too few affiliates settles it without the facts
    assert not check(AFFILIATES, {"affiliates": 2}, {}).met


def test_the_affiliate_route_reads_and_describes_itself() -> None:
    assert Count(3, ("affiliates",), (("union", 2),), Fraction(1, 20)) == AFFILIATES
    assert describe(AFFILIATES) == "at least 3 from affiliates (at least 2 of them union), with 5% of their membership"
    with pytest.raises(ValueError, match="from 0 to the count 3"):
        parse_requirement({"count": 3, "of": ["affiliates"], "including": {"union": 4}})


def test_nominators_that_disagree_with_the_count_are_bad_input() -> None:
    facts = {
        "vacancy": True,
        "bodies": {"PLP": 231, "EPLP": 20, "CLPs": 632, "affiliates": 20},
        "candidates": [
            {"name": "D", "nominations": {"PLP": 30, "affiliates": 2}, "nominators": {"affiliates": [{"name": "U"}]}}
        ],
    }
    with pytest.raises(FactsError, match="lists 1 nominators"):
        ask(load_history(LABOUR)["2018"], "leadership.ballot", facts)


def test_the_incumbent_would_have_needed_51_and_was_11_short() -> None:
    facts = {
        "vacancy": False,
        "bodies": {"PLP": 231, "EPLP": 20},
        "candidate": {"name": "Corbyn", "incumbent": True, "nominations": {"PLP": 40}},
    }
    answer = ask(load_history(LABOUR)["2016-07-12"], "leadership.nominations_needed", facts)
    assert (answer.answer["needed"], answer.answer["have"], answer.answer["shortfall"]) == (51, 40, 11)
    assert answer.answer["required"] is False and answer.status == "determined"


def test_a_card_vote_accepts_shares_computed_in_floating_point() -> None:
    version = load_history(LABOUR)["2016-conference"]
    facts = {"CLPs": {"for": 0.978, "against": 1 - 0.978}, "affiliates": {"for": 0.5, "against": 0.5}}
    assert as_fraction(0.978) + as_fraction(1 - 0.978) > 1  # read exactly, a hair over 1
    assert ask(version, "conference.vote", facts).answer["result"] == "carried"
    with pytest.raises(FactsError, match="add up to more than 1"):
        ask(version, "conference.vote", {"CLPs": {"for": 0.6, "against": 0.41}, "affiliates": {"for": 0.5}})


def test_history_json_lists_what_was_not_carried_and_where_the_record_ends() -> None:
    data = json.loads(CliRunner().invoke(main, ["history", str(LABOUR), "--format", "json"]).stdout)
    assert data["known_until"] == "2021-09-26"
    (v2019,) = [v for v in data["versions"] if v["version"] == "2019"]
    assert v2019["not_carried"] == [
        {
            "id": "2019-cornish-labour-party",
            "title": "(North Cornwall CLP) A devolved Cornish Labour Party",
            "outcome": "lost",
            "date": "2019-09-25",
        }
    ]
