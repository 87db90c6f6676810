"""``rulebook show``, ``history`` and ``apply``: outputs, exit codes, one-line errors."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from rulebook.cli import main
from rulebook.io.rulebook import load_file

ROOT = Path(__file__).resolve().parent.parent
CLUB = ROOT / "tests" / "data" / "club.yaml"
LABOUR = ROOT / "rules" / "labour"


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _bad(*args: str | Path) -> str:
    """Run a command that must fail as bad input: exit 2, one line on stderr, nothing on stdout."""
    result = run(*args)
    assert result.exit_code == 2, result.output
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


# -- show ------------------------------------------------------------------------


def test_show_text_indents_by_depth_with_citations_in_front_and_headings_marked():
    result = run("show", CLUB)
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "Rule 1  NAME"
    assert "  Rule 2.2  The annual fee is 15 pounds, payable in January." in lines
    assert "    Rule 3.2.a  If the chair is absent, the members present elect a chair for the meeting." in lines


def test_show_renders_cross_references_as_citations():
    assert "subject to Rule 2.2." in run("show", CLUB).stdout


def test_show_one_clause_by_citation_or_id_prints_it_and_its_children():
    by_cite = run("show", CLUB, "Rule 3.2")
    by_id = run("show", CLUB, "committee.quorum")
    assert by_cite.exit_code == 0 and by_cite.stdout == by_id.stdout
    assert "Rule 3.2.a" in by_cite.stdout
    assert "Rule 2" not in by_cite.stdout


def test_show_markdown_is_a_document_with_headings():
    out = run("show", CLUB, "--format", "markdown").stdout
    assert out.startswith("# The Model Club Rules, version 1")
    assert "## Rule 1 Name {#name}" in out
    assert "**Rule 2.2** The annual fee is 15 pounds, payable in January." in out


def test_show_json_gives_ids_citations_text_and_provisions():
    data = json.loads(run("show", CLUB, "--format", "json").stdout)
    assert data["rulebook"] == "club" and data["version"] == "1"
    members = data["clauses"][1]
    assert members["id"] == "members" and members["citation"] == "Rule 2"
    fees = members["clauses"][1]
    assert fees["citation"] == "Rule 2.2"
    assert fees["text"].startswith("The annual fee")
    assert fees["provisions"]["fees.annual"]["value"] == 15


def test_show_json_of_the_bundled_chapter_4_has_the_leadership_rules():
    result = run("show", f"{LABOUR}@2016", "Chapter 4", "--format", "json")
    assert result.exit_code == 0
    data = json.loads(result.stdout)

    def walk(clauses):
        for c in clauses:
            yield c
            yield from walk(c["clauses"])

    clauses = list(walk(data["clauses"]))
    assert clauses[0]["citation"] == "Chapter 4"
    assert all(c["citation"].startswith("Chapter 4") for c in clauses)
    names = {name for c in clauses for name in c["provisions"]}
    assert "leadership.nominations.challenge" in names


def test_show_selects_versions_by_label_and_date():
    assert run("show", f"{LABOUR}@2016", "--format", "json").exit_code == 0
    old = json.loads(run("show", f"{LABOUR}@2016-01-01", "--format", "json").stdout)
    assert old["version"] == "2016-practice"  # the base book read with the practice of the time
    assert old["record"] == {"known_until": "2021-09-26", "beyond_record": False}


# -- history ---------------------------------------------------------------------


def test_history_lists_versions_dates_and_changes():
    result = run("history", LABOUR)
    assert result.exit_code == 0
    assert result.stdout.startswith("2016 ")
    assert "in force 2016-07-12 from 2016" in result.stdout
    assert "ruling  2016-07-12-nec-incumbent" in result.stdout


def test_history_json():
    data = json.loads(run("history", LABOUR, "--format", "json").stdout)
    assert data["rulebook"] == "labour"
    assert data["versions"][0]["from"] is None
    assert data["versions"][1]["changes"][0]["kind"] == "ruling"
    single = json.loads(run("history", CLUB, "--format", "json").stdout)
    assert [v["version"] for v in single["versions"]] == ["1"]


# -- errors ----------------------------------------------------------------------


def test_an_unknown_clause_is_one_line_naming_the_book(tmp_path):
    line = _bad("show", CLUB, "Rule 9")
    assert line.startswith(f"{CLUB}: no clause 'Rule 9'")
    assert "nearest:" in line


def test_a_malformed_book_names_file_and_line(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(CLUB.read_text().replace("heading: Name", "heding: Name"))
    line = _bad("show", bad)
    assert line.startswith(f"{bad}:15: unknown key 'heding'")


@pytest.mark.parametrize(
    ("args", "fragment"),
    [
        (("show", "no/such/book"), "no such rule book"),
        (("show", f"{LABOUR}@1999"), "no version '1999'"),
        (("show", f"{LABOUR}@1999-01-01"), "no version was in force on 1999-01-01"),
        (("show", CLUB, "--format", "xml"), "Invalid value for '--format'"),
        (("show",), "Missing argument 'BOOK'"),
        (("history", "no/such/book"), "no such rule book"),
        (("frobnicate",), "No such command 'frobnicate'"),
    ],
)
def test_bad_input_and_usage_exit_2_with_one_line(args, fragment):
    assert fragment in _bad(*args)


# -- apply -----------------------------------------------------------------------


MOTION = 'motion: raise\nbase: "1"\namendments:\n  - {op: replace_words, clause: Rule 2.2, old: "15", new: "20"}\n'


def test_apply_writes_a_book_that_loads_again(tmp_path):
    motion = tmp_path / "m.yaml"
    motion.write_text(MOTION)
    out = tmp_path / "out.yaml"
    result = run("apply", CLUB, motion, "-o", out, "--label", "2")
    assert result.exit_code == 0, result.output
    version = load_file(out)
    assert version.label == "2"
    assert version.clause("members.fees").text == "The annual fee is 20 pounds, payable in January."


def test_apply_to_stdout(tmp_path):
    motion = tmp_path / "m.yaml"
    motion.write_text(MOTION)
    result = run("apply", CLUB, motion)
    assert result.exit_code == 0
    assert "20 pounds" in result.stdout


@pytest.mark.parametrize(
    ("motion", "fragment"),
    [
        (MOTION.replace('old: "15"', 'old: "99"'), ":4: amendment 1 of motion raise: old '99' does not occur"),
        (MOTION.replace("replace_words", "replace_wrds"), ":4: amendment 1 of motion raise: unknown operation"),
        ("motion: x\namendments:\n  - {op: delete_clause, clause: Rule 2.2}\n", "refers to [[members.fees]]"),
        ("motion: [x\n", ":2: invalid YAML"),
    ],
)
def test_a_failing_apply_writes_nothing(tmp_path, motion, fragment):
    path = tmp_path / "m.yaml"
    path.write_text(motion)
    out = tmp_path / "out.yaml"
    line = _bad("apply", CLUB, path, "-o", out)
    assert fragment in line
    assert not out.exists()
    out.write_text("precious")
    _bad("apply", CLUB, path, "-o", out)
    assert out.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml", "out.yaml"]


def test_python_dash_m_runs_the_same_command():
    proc = subprocess.run(
        [sys.executable, "-m", "rulebook", "show", str(CLUB), "Rule 9"], capture_output=True, text=True, check=False
    )
    assert proc.returncode == 2
    assert proc.stdout == ""
    assert proc.stderr.count("\n") == 1 and "no clause 'Rule 9'" in proc.stderr


@pytest.mark.parametrize("columns", [None, "", "0", "-3", "72", " 90 ", "wide", "1"])
@pytest.mark.parametrize("stdout", ["none", "closed", "pipe", "terminal", "terminal of no width"])
def test_show_prints_at_the_width_shutil_would_give(
    monkeypatch: pytest.MonkeyPatch, columns: str | None, stdout: str
) -> None:
    """``show`` no longer imports shutil for the width; it answers as ``shutil.get_terminal_size`` did."""
    import fcntl
    import os
    import shutil
    import struct
    import termios

    from rulebook.cli.book import terminal_columns

    if columns is None:
        monkeypatch.delenv("COLUMNS", raising=False)
    else:
        monkeypatch.setenv("COLUMNS", columns)
    opened: list[Any] = []
    if stdout == "none":
        fake = None
    elif stdout == "pipe":
        read, write = os.pipe()
        os.close(read)
        fake = open(write, "w")  # noqa: SIM115 - closed below
        opened.append(fake)
    elif stdout == "closed":
        fake = open(os.devnull, "w")  # noqa: SIM115 - closed at once
        fake.close()
    else:
        leader, follower = os.openpty()
        opened.append(open(leader, "wb", buffering=0))  # noqa: SIM115 - closed below
        width = 0 if stdout == "terminal of no width" else 132
        fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 40, width, 0, 0))
        fake = open(follower, "w")  # noqa: SIM115 - closed below
        opened.append(fake)
    monkeypatch.setattr(sys, "__stdout__", fake)
    try:
        width = terminal_columns()
        assert width == shutil.get_terminal_size((100, 24)).columns
        if stdout == "terminal" and columns in (None, "", "0", "-3", "wide"):
            assert width == 132  # the terminal's own width was read
    finally:
        for f in opened:
            f.close()
