"""Outsider acceptance: questions and scenario files on an unlabelled, accented rule book.

Fixtures: tests/data/acceptance2/ (written from the documented formats alone; see its README).
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.acceptance._cli import rb

ACC2 = Path(__file__).resolve().parents[1] / "data" / "acceptance2"
ORCHARD = ACC2 / "orchard"
FACTS = ACC2 / "facts"
SCENARIOS = ACC2 / "scenarios"


def ask(book: object, question: str, facts: Path | dict[str, Any], tmp_path: Path | None = None) -> dict[str, Any]:
    if isinstance(facts, dict):
        assert tmp_path is not None
        path = tmp_path / "facts.yaml"
        path.write_text(yaml.safe_dump(facts, allow_unicode=True), encoding="utf-8")
        facts = path
    result = rb("ask", book, question, "--facts", facts, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def test_leadership_ballot_silent_then_ruling(tmp_path: Path) -> None:
    before = ask(f"{ORCHARD}@2020", "leadership.ballot", FACTS / "chair-race.yaml")
    assert before["status"] == "undetermined"
    assert before["answer"]["on_ballot"] == ["Bérénice Roy"]
    assert before["answer"]["excluded"] == ["Chloé Martin"]
    assert before["gaps"]
    after = ask(f"{ORCHARD}@2021", "leadership.ballot", FACTS / "chair-race.yaml")
    assert after["status"] == "determined"
    assert sorted(after["answer"]["on_ballot"]) == ["Amélie Durand", "Bérénice Roy"]
    auto = [b for b in after["because"] if b["provision"] == "leadership.incumbent_automatic"]
    assert auto and auto[0]["clause"] == "3.c" and auto[0]["id"] == "conseil.president"
    assert auto[0]["value"] is True


def test_nec_vote_cac_body_with_probabilities() -> None:
    answer = ask(ORCHARD, "nec.vote", FACTS / "harvest-odds.yaml")
    assert answer["answer"]["result"] == "uncertain"
    assert answer["answer"]["probability_exact"]["carried"] == "3/4"
    assert answer["answer"]["probability_exact"]["lost"] == "1/4"
    assert answer["answer"]["probability"]["carried"] == pytest.approx(0.75)
    read = {b["provision"] for b in answer["because"]}
    assert "cac.seats" in read and not any(p.startswith("nec.") for p in read)


def test_nec_vote_cac_more_votes_than_seats_is_bad_input(tmp_path: Path) -> None:
    facts = tmp_path / "f.yaml"
    facts.write_text("body: cac\nvotes: {members: {for: 3, against: 1, abstain: 0}}\n", encoding="utf-8")
    result = rb("ask", ORCHARD, "nec.vote", "--facts", facts)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1


def test_cac_tie_goes_to_chair_nec_tie_undetermined_before_ruling(tmp_path: Path) -> None:
    cac = ask(
        ORCHARD, "nec.vote", {"body": "cac", "votes": {"members": {"for": 1, "against": 1, "abstain": 1}}}, tmp_path
    )
    assert cac["status"] == "determined"  # cac.tie: chair
    nec = ask(f"{ORCHARD}@2019", "nec.vote", FACTS / "board-tie.yaml")
    assert nec["status"] == "undetermined"
    assert any(g.get("provision") == "nec.tie" for g in nec["gaps"])


def test_conference_vote_raw_counts() -> None:
    answer = ask(ORCHARD, "conference.vote", FACTS / "agm-counts.yaml")
    assert answer["answer"]["result"] == "lost"
    assert answer["answer"]["for"] == pytest.approx(0.6 * 0.6 + 0.4 * 0.2)


def test_nec_composition_counts_non_voting_seats(tmp_path: Path) -> None:
    answer = ask(ORCHARD, "nec.composition", {}, tmp_path)
    assert (answer["answer"]["total"], answer["answer"]["voting"], answer["answer"]["majority"]) == (9, 7, 4)
    old = ask(f"{ORCHARD}@2018", "nec.composition", {}, tmp_path)
    assert (old["answer"]["total"], old["answer"]["voting"], old["answer"]["majority"]) == (7, 5, 3)


def test_provision_question_names_ruling(tmp_path: Path) -> None:
    answer = ask(ORCHARD, "provision", {"name": "nec.tie"}, tmp_path)
    assert answer["answer"]["value"] == "fails"
    assert answer["because"][0]["clause"] == "3.b"
    assert "Conseil, 3 février 2020" in json.dumps(answer, ensure_ascii=False)


def test_shadow_cabinet_even_split_of_odd_size(tmp_path: Path) -> None:
    answer = ask(ORCHARD, "shadow_cabinet.composition", {}, tmp_path)
    seats = answer["answer"]["seats"]
    # 7 places half and half: the largest-remainder method leaves one seat tied
    assert seats["members"] >= 3 and seats["board"] >= 3
    if answer["status"] == "determined":
        assert seats["members"] + seats["board"] == 7


def test_scenarios_all_pass_with_list_paths_and_compare() -> None:
    result = rb("scenario", "run", *sorted(SCENARIOS.glob("*.yaml")), "--format", "json")
    assert result.exit_code == 0, result.stdout
    report = json.loads(result.stdout)
    runs = report["scenarios"]
    assert len(runs) == 7 and all(r["passed"] for r in runs)
    by_name = {r["scenario"]: r for r in runs}
    tie = by_name["board-tie"]["compare"]
    assert tie["left"]["status"] == "undetermined" and tie["right"]["status"] == "determined"
    assert "answer.result" in tie["changed"]
    board = by_name["board-size-after-motion"]["compare"]
    assert board["left"]["answer"]["total"] == 9 and board["right"]["answer"]["total"] == 11


def test_scenario_list_index_expectation_fails_exit_one() -> None:
    result = rb("scenario", "run", ACC2 / "scenarios-fail" / "wrong-first.yaml")
    assert result.exit_code == 1
    assert "FAIL" in result.stdout
    assert "answer.on_ballot.0" in result.output


def test_scenario_compare_expect_and_inline_motions(tmp_path: Path) -> None:
    scenario = tmp_path / "cmp.yaml"
    scenario.write_text(
        yaml.safe_dump(
            {
                "scenario": "élargir le conseil",
                "rulebook": f"{ORCHARD}@2021",
                "question": "nec.composition",
                "facts": {},
                "expect": {"answer.total": 7, "because.0.clause": "3.a"},
                "compare": {
                    "motions": [str(ORCHARD / "motions" / "2022-board.yaml")],
                    "expect": {"right.answer.total": 9, "left.answer.voting": 5, "same": False},
                },
            },
            allow_unicode=True,
        ),
        encoding="utf-8",
    )
    result = rb("scenario", "run", scenario)
    assert result.exit_code == 0, result.output
    assert "PASS" in result.stdout and "élargir le conseil" in result.stdout
