"""``rulebook ask``, ``rulebook scenario run`` and ``rulebook sweep`` on the command line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulebook.cli import asking, main
from tests.conftest import LABOUR, ROOT

CONTEST = str(ROOT / "scenarios" / "facts" / "contest-2016.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_ask_prints_an_undetermined_answer_with_its_gap() -> None:
    code, out, _ = run("ask", f"{LABOUR}@2016-07-01", "leadership.ballot", "--facts", CONTEST)
    assert code == 0
    assert "UNDETERMINED" in out and "leadership.incumbent_automatic" in out


def test_ask_prints_plain_ascii_tables_when_piped() -> None:
    code, out, _ = run("ask", f"{LABOUR}@2016-07-01", "leadership.ballot", "--facts", CONTEST)
    assert code == 0 and out.isascii() and "\x1b" not in out
    assert out.splitlines()[1] == "on the ballot: Smith; undetermined: Corbyn"
    assert all(len(line) <= 80 for line in out.splitlines())


def test_ask_draws_tables_on_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(asking, "_terminal", lambda: True)
    code, out, _ = run("ask", str(LABOUR), "nec.composition")
    assert code == 0 and "─" in out and "majority 20" in out


def test_ask_json_follows_the_contract() -> None:
    code, out, _ = run("ask", f"{LABOUR}@2016-07-12", "leadership.ballot", "--facts", CONTEST, "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert set(data) == {"question", "version", "status", "answer", "because", "gaps", "record"}
    assert data["record"] == {"known_until": "2021-09-26", "beyond_record": False}
    assert data["status"] == "determined" and data["answer"]["on_ballot"] == ["Corbyn", "Smith"]
    assert {"clause", "id", "provision", "value"} <= set(data["because"][0])
    assert data["because"][0]["set_by"]["authority"] == "NEC, 12 July 2016"


def test_ask_takes_single_facts_on_the_command_line() -> None:
    code, out, _ = run("ask", str(LABOUR), "nec.composition", "--fact", "body=cac", "--format", "json")
    assert code == 0 and json.loads(out)["answer"]["total"] == 7


def test_bad_facts_exit_2_with_one_line_and_nothing_on_stdout() -> None:
    code, out, err = run("ask", str(LABOUR), "nec.vote", "--fact", "votes={clps: {for: 8, against: 4}}")
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "12 votes" in err and "section 'clps'" in err


def test_an_unknown_question_exits_2() -> None:
    code, _, err = run("ask", str(LABOUR), "nec.vot")
    assert code == 2 and "did you mean 'nec.vote'" in err


def test_scenario_run_passes_the_bundled_scenarios() -> None:
    code, out, _ = run("scenario", "run", str(ROOT / "scenarios"))
    assert code == 0, out
    assert "0 failed" in out


def _scenario(tmp_path: Path, expect: str) -> Path:
    path = tmp_path / "s.yaml"
    path.write_text(
        f"""scenario: s
rulebook: {LABOUR}@2016
question: nec.composition
expect: {expect}
"""
    )
    return path


def test_a_failing_expectation_exits_1_naming_file_line_and_path(tmp_path: Path) -> None:
    code, out, _ = run("scenario", "run", str(_scenario(tmp_path, "{answer.voting: 35}")))
    assert code == 1
    assert "s.yaml:4: scenario s: answer.voting: expected 35, got 33" in out
    assert "     nec: 33 seats, 33 voting, majority 17" in out.splitlines()  # what it got


def test_scenario_run_json(tmp_path: Path) -> None:
    code, out, _ = run("scenario", "run", str(_scenario(tmp_path, "{answer.voting: 33}")), "--format", "json")
    assert code == 0
    data = json.loads(out)
    assert data["passed"] == 1 and data["scenarios"][0]["answer"]["answer"]["voting"] == 33


def test_a_bad_scenario_file_exits_2(tmp_path: Path) -> None:
    path = tmp_path / "bad.yaml"
    path.write_text("scenario: bad\nrulebook: nowhere\nquestion: provision\n")
    code, out, err = run("scenario", "run", str(path))
    assert code == 2 and out == "" and "bad.yaml:2" in err


def test_sweep_command_reports_combinations(tmp_path: Path) -> None:
    motion = tmp_path / "m.yaml"
    motion.write_text(
        """motion: auto
base: "2016"
amendments:
  - {op: set_provision, clause: ch4.leader-election.nominations.challenge,
     name: leadership.incumbent_automatic, value: true}
"""
    )
    code, out, _ = run(
        "sweep", f"{LABOUR}@2016", "leadership.ballot", str(motion), "--facts", CONTEST, "--format", "json"
    )
    assert code == 0
    data = json.loads(out)
    assert data["combinations"] == 2 and any(g["changes"] for g in data["groups"])


def test_sweep_of_a_whole_agenda_names_the_deciding_motions_and_jobs_change_nothing(tmp_path: Path) -> None:
    agenda = tmp_path / "agenda.yaml"
    from rulebook.history import load_history
    from rulebook.model import walk

    book = load_history(LABOUR)["2016"]
    quiet = [c.id for _, c in walk(book.clauses) if c.text and not c.provisions and not c.id.startswith("ch4")][:30]
    lines = ["motions:"]
    for i, cid in enumerate(quiet):
        # thirty motions rewording clauses that carry no provision: none can move the ballot
        lines += [f"  - motion: words-{i}", '    base: "2016"', "    amendments:"]
        lines += [f"      - {{op: replace_text, clause: {cid}, text: 'Reworded {i}.'}}"]
    lines += [
        "  - motion: low",
        '    base: "2016"',
        "    amendments:",
        "      - {op: set_provision, clause: ch4.leader-election.nominations.challenge,",
        "         name: leadership.nominations.challenge, value: {share: 0.1, of: [PLP, EPLP]}}",
        "  - motion: auto",
        '    base: "2016"',
        "    amendments:",
        "      - {op: set_provision, clause: ch4.leader-election.nominations.challenge,",
        "         name: leadership.incumbent_automatic, value: true}",
    ]
    agenda.write_text("\n".join(lines) + "\n")
    args = ("sweep", f"{LABOUR}@2016", "leadership.ballot", str(agenda), "--facts", CONTEST, "--format", "json")
    code, out, err = run(*args)
    assert code == 0, err
    data = json.loads(out)
    assert data["combinations"] == 2**32
    assert data["deciding"] == ["low", "auto"] and len(data["independent"]) == 30
    assert sum(g["count"] for g in data["groups"]) == 2**32
    code, pooled, err = run(*args, "--jobs", "2")
    assert code == 0, err
    assert json.loads(pooled)["groups"] == data["groups"]
    code, text, _ = run("sweep", f"{LABOUR}@2016", "leadership.ballot", str(agenda), "--facts", CONTEST)
    assert "decided by low, auto; the other 30 cannot change it" in text
