"""Acceptance: `rulebook ask` and `rulebook scenario run` (docs/questions.md and docs/questions.md) on
a fresh union rule book whose provisions cover every built-in question."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance._cli import bad_input, rb

ACC = Path(__file__).resolve().parents[1] / "data" / "acceptance"
UNION = ACC / "union"
CLUB = ACC / "club.yaml"
FACTS = ACC / "facts"
BAD = ACC / "bad"
SCEN = ACC / "scenarios"
AUTHORITY = "Executive Council, 14 August 2020"


def ask(book: object, question: str, facts: str | None = None, *extra: str) -> dict[str, Any]:
    args: list[object] = ["ask", book, question, "--format", "json", *extra]
    if facts:
        args += ["--facts", FACTS / facts]
    result = rb(*args)
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    assert set(data) >= {"question", "version", "status", "answer", "because", "gaps"}
    assert data["question"] == question
    assert data["status"] in ("determined", "undetermined")
    for b in data["because"]:
        assert set(b) >= {"clause", "id", "provision", "value"}
    return data


def because(data: dict[str, Any], provision: str) -> dict[str, Any]:
    (b,) = [b for b in data["because"] if b["provision"] == provision]
    return b


# --- leadership.ballot -------------------------------------------------------------------


def test_ballot_in_a_vacancy() -> None:
    data = ask(f"{UNION}@2019", "leadership.ballot", "vacancy.yaml")
    assert data["version"] == "2019"
    assert data["status"] == "determined"
    assert data["answer"]["on_ballot"] == ["Asha"]
    assert data["answer"]["excluded"] == ["Bram"]
    b = because(data, "leadership.nominations.vacancy")
    assert b["clause"] == "Rule 5.1" and b["id"] == "gensec.vacancy"
    assert b["value"] == {"share": 0.1, "of": ["branches"]}
    assert data["gaps"] == []


def test_ballot_challenge_any_of_and_silent_incumbent() -> None:
    data = ask(UNION, "leadership.ballot", "challenge.yaml")
    assert data["status"] == "undetermined"
    assert data["answer"]["on_ballot"] == ["Cato"]  # count: 3 of regions met
    assert data["answer"]["excluded"] == ["Dina"]  # 15% of branches, 2 regions
    assert "Ines" not in data["answer"]["on_ballot"] + data["answer"]["excluded"]
    assert data["gaps"]
    assert "leadership.incumbent_automatic" in json.dumps(data["gaps"])


def test_ballot_incumbent_must_be_nominated_after_motion(tmp_path: Path) -> None:
    out = tmp_path / "book.yaml"
    assert rb("apply", UNION, ACC / "motions" / "provisions.yaml", "-o", out).exit_code == 0
    data = ask(out, "leadership.ballot", "challenge.yaml")
    assert data["status"] == "determined"
    assert sorted(data["answer"]["excluded"]) == ["Dina", "Ines"]


# --- nec.* and a committee ----------------------------------------------------------------


def test_nec_composition() -> None:
    data = ask(UNION, "nec.composition")
    a = data["answer"]
    assert (a["total"], a["voting"], a["majority"]) == (21, 20, 11)
    assert a["sections"]["general_secretary"]["voting"] is False
    assert because(data, "nec.seats")["clause"] == "Rule 4.1"


def test_nec_composition_of_club_committee() -> None:
    data = ask(CLUB, "nec.composition")
    a = data["answer"]
    assert (a["total"], a["voting"], a["majority"]) == (7, 7, 4)
    assert a["sections"]["ordinary"]["seats"] == 4
    assert because(data, "nec.seats")["clause"] == "Article III, Section A"


def test_club_tie_fails() -> None:
    votes = "votes: {officers: {for: 2, against: 1, abstain: 0}, ordinary: {for: 1, against: 2, abstain: 0}}"
    result = rb("ask", CLUB, "nec.vote", "--format", "json", "--fact", votes.replace(": ", "=", 1))
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["answer"]["result"] == "lost"
    assert because(data, "nec.tie")["clause"] == "Article III, Section B"


def test_nec_vote_tie_undetermined_before_ruling() -> None:
    data = ask(f"{UNION}@2020-06-01", "nec.vote", "council-tie.yaml")
    assert data["status"] == "undetermined"
    assert data["answer"]["for"] == 6 and data["answer"]["against"] == 6
    assert data["answer"]["abstain"] == 1
    assert "nec.tie" in json.dumps(data["gaps"])


def test_nec_vote_tie_fails_after_ruling_cited_with_authority() -> None:
    data = ask(UNION, "nec.vote", "council-tie.yaml")
    assert data["status"] == "determined"
    assert data["answer"]["result"] == "lost"
    b = because(data, "nec.tie")
    assert b["clause"] == "Rule 4.3" and b["value"] == "fails"
    assert AUTHORITY in json.dumps(b)
    assert "absent" in data["answer"]


def test_nec_vote_inquorate() -> None:
    data = ask(UNION, "nec.vote", "council-inquorate.yaml")
    assert data["answer"]["result"] == "inquorate"


def test_nec_vote_more_votes_than_seats_is_bad_input() -> None:
    bad_input(rb("ask", UNION, "nec.vote", "--facts", FACTS / "council-too-many.yaml"), FACTS / "council-too-many.yaml")


def test_cac_body_reads_cac_provisions() -> None:
    data = ask(UNION, "nec.vote", "soc-vote.yaml")
    assert data["answer"]["result"] == "carried"
    provisions = {b["provision"] for b in data["because"]}
    assert "cac.seats" in provisions and "nec.seats" not in provisions
    assert because(data, "cac.seats")["clause"] == "Rule 6.4"


def test_cac_composition_with_fact_on_command_line() -> None:
    a = ask(UNION, "nec.composition", None, "--fact", "body=cac")["answer"]
    assert (a["total"], a["majority"]) == (5, 3)


# --- conference, shadow cabinet, provision -------------------------------------------------


def test_conference_vote_weighted_lost_and_carried() -> None:
    lost = ask(UNION, "conference.vote", "conference-lost.yaml")
    assert lost["answer"]["result"] == "lost"
    assert lost["answer"]["for"] == pytest.approx(0.64)
    carried = ask(UNION, "conference.vote", "conference-carried.yaml")
    assert carried["answer"]["result"] == "carried"
    assert carried["answer"]["for"] == pytest.approx(0.71)
    assert {b["provision"] for b in carried["because"]} >= {"conference.weights", "conference.majority"}


def test_shadow_cabinet_largest_remainder() -> None:
    data = ask(UNION, "shadow_cabinet.composition")
    blob = data["answer"]
    seats = blob.get("seats", blob)
    assert seats == {"members": 4, "council": 3, "conference": 3}


def test_provision_question() -> None:
    data = ask(UNION, "provision", "provision-majority.yaml")
    assert data["answer"]["value"] == 0.6667
    assert data["answer"]["clause"] == "Rule 6.2"


def test_ask_text_format() -> None:
    result = rb("ask", UNION, "nec.composition")
    assert result.exit_code == 0
    assert "Rule 4.1" in result.stdout and "21" in result.stdout


def test_ask_unknown_question_suggests() -> None:
    line = bad_input(rb("ask", UNION, "leadership.balot"))
    assert "leadership.ballot" in line


def test_ask_malformed_facts() -> None:
    bad_input(rb("ask", UNION, "nec.vote", "--facts", BAD / "facts-malformed.yaml"), BAD / "facts-malformed.yaml")


# --- scenarios ---------------------------------------------------------------------------


def test_scenario_directory_passes() -> None:
    result = rb("scenario", "run", SCEN)
    assert result.exit_code == 0, result.output
    assert result.stdout.count("PASS ") == 7
    assert result.stdout.rstrip().splitlines()[-1] == "7 passed, 0 failed"


def test_scenario_json_and_compare() -> None:
    result = rb("scenario", "run", SCEN / "council-tie.yaml", "--format", "json")
    assert result.exit_code == 0, result.output
    blob = json.loads(result.stdout)
    text = json.dumps(blob)
    # both sides of the comparison are there: undetermined on 2020, lost on 2020-08
    assert '"2020"' in text and '"2020-08"' in text
    assert "undetermined" in text and '"lost"' in text


def test_scenario_compare_with_motions() -> None:
    result = rb("scenario", "run", SCEN / "challenge.yaml", "--format", "json")
    assert result.exit_code == 0
    assert "2024-provisions" in result.stdout


def test_scenario_failed_expectation_exits_one() -> None:
    path = ACC / "scenarios-fail" / "failing.yaml"
    result = rb("scenario", "run", path)
    assert result.exit_code == 1
    assert "answer.total" in result.output and "99" in result.output and "21" in result.output


def test_scenario_failed_and_passed_together_exits_one() -> None:
    assert rb("scenario", "run", SCEN / "vacancy.yaml", ACC / "scenarios-fail" / "failing.yaml").exit_code == 1


def test_scenario_unknown_question_names_file_and_line() -> None:
    path = ACC / "scenarios-bad" / "unknown-question.yaml"
    line = bad_input(rb("scenario", "run", path), path)
    assert "leadership.ballot" in line


def test_scenario_missing_rulebook_names_file_and_line() -> None:
    path = ACC / "scenarios-bad" / "missing-book.yaml"
    bad_input(rb("scenario", "run", path), path)


@pytest.mark.parametrize(
    ("question", "name", "line", "words"),
    [
        ("leadership.ballot", "facts-body-not-number.yaml", 2, "bodies.branches"),
        ("leadership.ballot", "facts-unknown-body.yaml", 4, "branchs"),
        ("leadership.ballot", "facts-too-many-nominations.yaml", 4, "300"),
        ("nec.vote", "facts-unknown-section.yaml", 2, "regional"),
        ("conference.vote", "facts-shares-over-one.yaml", 1, "branches"),
    ],
)
def test_bad_facts_name_file_and_line(question: str, name: str, line: int, words: str) -> None:
    msg = bad_input(rb("ask", UNION, question, "--facts", BAD / name), BAD / name)
    assert msg.startswith(f"{BAD / name}:{line}:"), msg
    assert words in msg


def test_missing_facts_is_bad_input() -> None:
    line = bad_input(rb("ask", UNION, "leadership.ballot"))
    assert line == "the facts have no 'vacancy'; add it"


def test_user_question_without_touching_the_package() -> None:
    from rulebook.ask import Gap, Outcome, Registry, ask, question
    from rulebook.history import load

    registry = Registry()

    @question("union.subs_frozen_until", registry=registry)
    def frozen(view: Any, facts: Any) -> Any:
        interval = view.get("conference.rule_change_interval")
        if interval is None:
            return Outcome({}, [Gap.silent("conference.rule_change_interval", "how long a rule stays closed")])
        return {"years": interval}

    answer = ask(load(f"{UNION}@2019"), "union.subs_frozen_until", {}, registry=registry)
    data = answer.to_data()
    assert data["status"] == "determined"
    assert data["answer"] == {"years": 3}
    assert data["because"][0]["clause"] == "Rule 6.3"
    silent = ask(load(str(ACC / "club.yaml")), "union.subs_frozen_until", {}, registry=registry).to_data()
    assert silent["status"] == "undetermined" and silent["gaps"]
