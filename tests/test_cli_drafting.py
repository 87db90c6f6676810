"""``rulebook draft`` and ``rulebook explain`` end to end."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulebook.cli import main
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import load_file
from tests.conftest import DATA, LABOUR

MOTION_2018 = str(LABOUR / "motions" / "2018-conference.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def test_draft_then_apply_gives_the_2017_text(tmp_path: Path) -> None:
    motion_file, book_file = tmp_path / "x.yaml", tmp_path / "book.yaml"
    code, _, err = run("draft", f"{LABOUR}@2016", f"{LABOUR}@2017", "-o", str(motion_file))
    assert (code, err) == (0, f"wrote {motion_file}: motion draft-2016-to-2017, 10 amendments\n")
    (motion,) = motion_io.load_file(motion_file)
    assert motion.base == "2016"
    assert all(a.wording for a in motion.amendments)
    code, _, _ = run("apply", f"{LABOUR}@2016", str(motion_file), "-o", str(book_file))
    assert code == 0
    assert load_file(book_file).clauses == load_history(LABOUR)["2017"].clauses
    assert run("show", str(book_file))[1] == run("show", f"{LABOUR}@2017")[1]


def test_draft_writes_yaml_with_ops_and_wording_to_stdout() -> None:
    code, out, _ = run("draft", f"{LABOUR}@2017", f"{LABOUR}@2018", "--id", "m2018", "--title", "Nominations")
    assert code == 0
    assert out.startswith("# drafted by `rulebook draft")
    (motion,) = motion_io.loads(out, "stdout.yaml")
    assert (motion.id, motion.title, motion.base) == ("m2018", "Nominations", "2017")
    ops = [a.op for a in motion.amendments]
    assert ops.count("insert_words") == 1 and "set_provision" in ops and "insert_clause" in ops


def test_draft_of_identical_versions_is_exit_2_with_one_line(tmp_path: Path) -> None:
    out_file = tmp_path / "x.yaml"
    code, out, err = run("draft", f"{LABOUR}@2016", f"{LABOUR}@2016", "-o", str(out_file))
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "nothing to amend" in err
    assert not out_file.exists()


def test_draft_of_differently_numbered_books_is_exit_2(tmp_path: Path) -> None:
    other = tmp_path / "other.yaml"
    other.write_text((DATA / "club.yaml").read_text().replace("style: arabic, label", "style: upper-roman, label"))
    code, _, err = run("draft", str(DATA / "club.yaml"), str(other))
    assert code == 2 and "number their clauses differently" in err


def test_draft_into_an_unwritable_place_is_exit_2(tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("")
    code, _, err = run("draft", f"{LABOUR}@2016", f"{LABOUR}@2017", "-o", str(blocker / "x.yaml"))
    assert code == 2 and err.count("\n") == 1


def test_explain_prints_each_reading_with_citation_and_id() -> None:
    code, out, _ = run("explain", MOTION_2018, "--book", str(LABOUR))
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == "motion 2018-leadership-nominations (base 2017)"
    assert lines[1].startswith("  1. replace_words: Chapter 4, Clause II.2.B.i: delete \"10 per cent of the PLP's")
    assert lines[2] == (
        "     clause 'ch4.leader-election.nominations.vacancy' -> Chapter 4, Clause II.2.B.i "
        "(id ch4.leader-election.nominations.vacancy)"
    )
    assert lines[3].startswith("  2. set_provision: Chapter 4, Clause II.2.B.i: set provision leadership.nominations")


def test_explain_as_json() -> None:
    code, out, _ = run("explain", MOTION_2018, "--book", f"{LABOUR}@2017", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["ok"] is True
    first = data["motions"][0]["amendments"][0]
    assert first["clauses"][0]["citation"] == "Chapter 4, Clause II.2.B.i"
    assert first["operation"]["op"] == "replace_words"


def test_explain_without_a_book_reads_only() -> None:
    code, out, _ = run("explain", MOTION_2018)
    assert code == 0
    assert "     clause 'ch4.leader-election.nominations.vacancy'" in out.splitlines()


def write_motion(tmp_path: Path, *wordings: str, base: str = "2017") -> str:
    path = tmp_path / "m.yaml"
    body = "".join(f"  - wording: {json.dumps(w)}\n" for w in wordings)
    path.write_text(f"motion: m\nbase: '{base}'\namendments:\n{body}")
    return str(path)


def test_explain_a_bad_wording_is_one_line_and_exit_2(tmp_path: Path) -> None:
    path = write_motion(tmp_path, "Chapter 4, Clause II.2.B.i: delete '10 per cent' snd insert '5 per cent'")
    code, out, err = run("explain", path, "--book", str(LABOUR))
    assert (code, out) == (2, "")
    assert err.startswith(f"{path}:4: amendment 1 of motion m: cannot read the wording")
    assert "at word 9 ('snd', column 50)" in err and err.count("\n") == 1


def test_explain_a_motion_that_would_not_apply_exits_1_with_every_problem(tmp_path: Path) -> None:
    path = write_motion(tmp_path, "Chapter 4, Clause II.2.B.i: delete '99 per cent'", "Chapter 99: delete 'x'")
    code, out, _ = run("explain", path, "--book", str(LABOUR))
    assert code == 1
    problems = [line for line in out.splitlines() if "PROBLEM" in line]
    assert len(problems) == 2
    assert "'99 per cent' does not occur in Chapter 4, Clause II.2.B.i" in problems[0]
    assert "no clause 'Chapter 99'" in problems[1]


@pytest.mark.parametrize("base", ["1999"])
def test_explain_against_a_book_without_the_base_is_exit_2(tmp_path: Path, base: str) -> None:
    path = write_motion(tmp_path, "Chapter 4: delete 'x'", base=base)
    code, _, err = run("explain", path, "--book", f"{LABOUR}@2017")
    assert code == 2 and "drafted against version '1999'" in err


def test_explain_a_missing_file_is_exit_2(tmp_path: Path) -> None:
    code, _, err = run("explain", str(tmp_path / "nope.yaml"))
    assert code == 2 and err.count("\n") == 1
