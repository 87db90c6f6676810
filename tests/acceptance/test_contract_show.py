"""Acceptance: `rulebook show` and `rulebook history` on books written from the documented formats alone.

Fixtures: tests/data/acceptance/ (a trade union rule book with a history and a
ruling, and a club constitution with roman and alphabetic numbering).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance._cli import bad_input, rb, walk

ACC = Path(__file__).resolve().parents[1] / "data" / "acceptance"
UNION = ACC / "union"
CLUB = ACC / "club.yaml"
BAD = ACC / "bad"


def show_json(*args: object) -> dict[str, Any]:
    result = rb("show", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    data: dict[str, Any] = json.loads(result.stdout)
    return data


# --- citations --------------------------------------------------------------------------


def test_labelled_then_unlabelled_citations_in_union_book() -> None:
    nodes = {n["id"]: n for n in walk(show_json(UNION)["clauses"])}
    assert nodes["name"]["citation"] == "Rule 1"
    assert nodes["members.subs"]["citation"] == "Rule 3.2"
    assert nodes["members.subs.rate"]["citation"] == "Rule 3.2.a"
    assert nodes["members.subs.hardship"]["citation"] == "Rule 3.2.b"


def test_pinned_number_does_not_renumber_siblings() -> None:
    nodes = {n["id"]: n for n in walk(show_json(UNION)["clauses"])}
    assert nodes["political-fund"]["citation"] == "Rule 2A"
    assert nodes["members"]["citation"] == "Rule 3"
    assert nodes["council"]["citation"] == "Rule 4"


def test_two_labelled_levels_and_roman_alpha_styles_in_club() -> None:
    nodes = {n["id"]: n for n in walk(show_json(CLUB)["clauses"])}
    assert nodes["membership"]["citation"] == "Article II"
    assert nodes["membership.fees"]["citation"] == "Article II, Section B"
    assert nodes["membership.fees.family"]["citation"] == "Article II, Section B.iii"
    assert nodes["meetings.agm"]["citation"] == "Article IV, Section A"


def test_cross_reference_renders_current_citation() -> None:
    text = rb("show", CLUB, "Article II, Section A").stdout
    assert "Article II, Section B" in text
    assert "[[" not in text
    text = rb("show", UNION, "Rule 4").stdout
    # council.duties refers to conf.rule-changes, Rule 6.3
    assert "subject to Rule 6.3" in text


@pytest.mark.parametrize(
    ("book", "clause", "expect_id"),
    [
        (UNION, "Rule 3.2.a", "members.subs.rate"),
        (UNION, "members.subs.rate", "members.subs.rate"),
        (UNION, "Rule 2A", "political-fund"),
        (UNION, "  Rule   3.2.a ", "members.subs.rate"),
        (CLUB, "Article II, Section B.iii", "membership.fees.family"),
        (CLUB, "Article III", "committee"),
    ],
)
def test_clause_named_by_id_or_citation(book: Path, clause: str, expect_id: str) -> None:
    data = show_json(book, clause)
    assert data["clauses"][0]["id"] == expect_id


def test_show_one_clause_includes_its_children() -> None:
    data = show_json(UNION, "Rule 3.2")
    ids = [n["id"] for n in walk(data["clauses"])]
    assert ids == ["members.subs", "members.subs.rate", "members.subs.hardship"]


# --- formats -----------------------------------------------------------------------------


def test_json_shape_whole_book() -> None:
    data = show_json(UNION)
    assert data["version"] == "2020-08"
    for node in walk(data["clauses"]):
        for key in ("id", "citation", "text", "provisions", "clauses"):
            assert key in node, (key, node["id"])
    nodes = {n["id"]: n for n in walk(data["clauses"])}
    tie = nodes["conf.soc"]["provisions"]["cac.tie"]
    assert tie == {"value": "chair"}  # wrapped, with set_by when a motion or ruling set it


def test_text_format_has_citations_and_text() -> None:
    result = rb("show", UNION, "--format", "text")
    assert result.exit_code == 0
    assert "Rule 3.2.a" in result.stdout
    assert "two pounds" in result.stdout


def test_markdown_format() -> None:
    result = rb("show", CLUB, "--format", "markdown")
    assert result.exit_code == 0
    assert "#" in result.stdout
    assert "Article II" in result.stdout
    assert "fifty pounds" in result.stdout


# --- versions ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("spec", "label"),
    [
        ("", "2020-08"),
        ("@2019", "2019"),
        ("@2020", "2020"),
        ("@2020-08", "2020-08"),
        ("@2020-03-01", "2019"),
        ("@2020-05-01", "2020"),
        ("@2020-08-13", "2020"),
        ("@2021-01-01", "2020-08"),
    ],
)
def test_path_at_label_and_date(spec: str, label: str) -> None:
    assert show_json(f"{UNION}{spec}")["version"] == label


def test_citations_follow_the_version() -> None:
    # the 2020 motion inserted council.women after Rule 4.1, so the quorum moved from 4.2 to 4.3
    assert show_json(f"{UNION}@2019", "Rule 4.2")["clauses"][0]["id"] == "council.quorum"
    assert show_json(f"{UNION}@2020", "Rule 4.3")["clauses"][0]["id"] == "council.quorum"
    assert show_json(f"{UNION}@2020", "Rule 4.2")["clauses"][0]["id"] == "council.women"


def test_single_file_book_at_its_label() -> None:
    assert show_json(f"{CLUB}@1")["version"] == "1"


def test_history_lists_versions_motions_and_ruling_authority() -> None:
    result = rb("history", UNION)
    assert result.exit_code == 0
    out = result.stdout
    for needle in ("2019", "2020", "2020-08", "2020-05-01", "2020-08-14", "2020-hardship", "2020-women"):
        assert needle in out
    assert "2020-08-council-tie" in out
    assert "Executive Council, 14 August 2020" in out


def test_python_dash_m_does_the_same() -> None:
    proc = subprocess.run(
        [sys.executable, "-m", "rulebook", "show", str(CLUB), "Article II, Section B.iii"],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 0, proc.stderr
    assert "fifty pounds" in proc.stdout


# --- bad input ---------------------------------------------------------------------------


def test_unknown_clause_names_nearest() -> None:
    line = bad_input(rb("show", UNION, "Rule 3.9"))
    assert "Rule 3.9" in line
    assert "nearest: 'Rule 3.3', 'Rule 3.2', 'Rule 3.1'" in line


def test_unknown_version_label() -> None:
    line = bad_input(rb("show", f"{UNION}@1999"))
    assert "1999" in line


def test_date_before_first_version() -> None:
    line = bad_input(rb("show", f"{UNION}@2018-01-01"))
    assert "2018-01-01" in line


def test_missing_book() -> None:
    bad_input(rb("show", ACC / "no-such-book"))


@pytest.mark.parametrize(
    ("name", "line", "words"),
    [
        ("book-dup-id.yaml", 7, "'a'"),
        ("book-bad-style.yaml", 5, "upper-roman"),  # "did you mean"
        ("book-dangling.yaml", 8, "[[c]]"),
        ("book-provision-twice.yaml", 10, "nec.quorum"),
        ("book-too-deep.yaml", 7, "a.b"),
    ],
)
def test_malformed_books_name_file_and_line(name: str, line: int, words: str) -> None:
    msg = bad_input(rb("show", BAD / name), BAD / name)
    assert msg.startswith(f"{BAD / name}:{line}:"), msg
    assert words in msg


def test_invalid_yaml_book() -> None:
    bad_input(rb("show", BAD / "book-malformed.yaml"), BAD / "book-malformed.yaml")


def test_unknown_format_is_usage_error() -> None:
    assert rb("show", UNION, "--format", "pdf").exit_code == 2


def test_history_from_unknown_version() -> None:
    path = BAD / "history-bad-from" / "history.yaml"
    line = bad_input(rb("show", BAD / "history-bad-from"), path)
    assert line.startswith(f"{path}:9:")
    assert "7" in line


def test_history_motion_file_missing() -> None:
    path = BAD / "history-missing-motion" / "history.yaml"
    line = bad_input(rb("history", BAD / "history-missing-motion"), path)
    assert "nowhere.yaml" in line


def test_real_process_bad_input_one_line_exit_two(tmp_path: Path) -> None:
    out = tmp_path / "never.yaml"
    motion = ACC / "bad" / "lapse-ambiguous.yaml"
    proc = subprocess.run(
        [sys.executable, "-m", "rulebook", "apply", str(UNION), str(motion), "-o", str(out)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith(f"{motion}:5: ")
    assert not out.exists()
