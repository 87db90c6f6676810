"""``rulebook diff``, ``rulebook render`` and ``rulebook blame`` from the command line."""

from __future__ import annotations

import json
import os
import pty
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulebook.cli import main
from tests.conftest import LABOUR, ROOT

BOOK = str(LABOUR)
MOTIONS_2018 = str(LABOUR / "motions" / "2018-conference.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


# -- diff ----------------------------------------------------------------------------


def test_diff_text_off_a_terminal_uses_plain_markers():
    code, out, err = run("diff", f"{BOOK}@2016", f"{BOOK}@2018")
    assert code == 0 and err == ""
    assert "backing of [-15-]{+10+} per cent" in out
    assert "{+Chapter 1, Clause VIII.2.M+}" in out and "(inserted)" in out
    assert "\x1b[" not in out


def test_diff_text_on_a_terminal_is_coloured():
    primary, secondary = pty.openpty()
    env = {**os.environ, "COLUMNS": "200"}
    env.pop("NO_COLOR", None)
    process = subprocess.run(
        [sys.executable, "-m", "rulebook", "diff", f"{BOOK}@2016", f"{BOOK}@2017"],
        stdout=secondary,
        stderr=subprocess.PIPE,
        cwd=ROOT,
        env=env,
        timeout=60,
        check=False,
    )
    os.close(secondary)
    chunks = []
    while True:
        try:
            chunk = os.read(primary, 65536)
        except OSError:  # the other side is closed
            break
        if not chunk:
            break
        chunks.append(chunk)
    os.close(primary)
    out = b"".join(chunks).decode()
    assert process.returncode == 0, process.stderr
    assert "\x1b[9m" in out and "\x1b[4m" in out  # struck through, underlined
    assert "[-15-]" not in out


def test_diff_markdown_strikes_and_marks():
    code, out, _ = run("diff", f"{BOOK}@2016", f"{BOOK}@2018", "--format", "markdown")
    assert code == 0
    assert "backing of ~~15~~<ins>10</ins> per cent" in out
    assert out.startswith("# Keeling schedule: The Labour Party Rule Book, version 2016 -> 2018")


def test_diff_html_is_one_page_with_del_and_ins():
    code, out, _ = run("diff", f"{BOOK}@2016", f"{BOOK}@2018", "--format", "html")
    assert code == 0 and out.startswith("<!DOCTYPE html>")
    assert 'data-by="2017-vacancy-threshold" data-by-kind="motion">15</del>' in out
    assert 'data-by="2017-vacancy-threshold" data-by-kind="motion">10</ins>' in out


def test_diff_json_shows_moves_renumbering_and_words():
    code, out, _ = run("diff", f"{BOOK}@2016", f"{BOOK}@2018", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["old"]["version"] == "2016" and data["new"]["version"] == "2018"
    by_id = {c["id"]: c for c in data["clauses"]}
    vacancy = by_id["ch4.leader-election.nominations.vacancy"]
    assert {"op": "replace", "old": "15", "new": "10", "by": "2017-vacancy-threshold"} in vacancy["text"]
    assert by_id["ch1.nec.composition.scotland"]["status"] == "added"
    assert data["summary"]["added"] >= 3
    kinds = {c["kind"] for c in data["changes"]}
    assert kinds == {"motion", "ruling"}


def test_diff_of_rulings_shows_them_as_rulings_not_text():
    code, out, _ = run("diff", f"{BOOK}@2016-07-01", f"{BOOK}@2016-07-28")
    assert code == 0
    assert "Rulings (binding interpretations; no words changed):" in out
    assert "High Court (Foster v McNicol [2016] EWHC 1966 (QB)), 28 July 2016" in out
    assert "{+" not in out.split("provision leadership.incumbent_automatic")[0]
    code, out, _ = run("diff", f"{BOOK}@2016-07-01", f"{BOOK}@2016-07-28", "--format", "json")
    data = json.loads(out)
    assert all(c["text"] is None for c in data["clauses"])
    assert [c["kind"] for c in data["changes"]] == ["ruling", "ruling", "ruling"]  # two of the NEC, one of the court


def test_diff_shows_moves_as_moves(tmp_path):
    book = tmp_path / "rulebook.yaml"
    book.write_text(
        'rulebook: club\nversion: "1"\nnumbering: [{style: arabic, label: "Rule {n}"}]\n'
        "clauses: [{id: a, text: First.}, {id: b, text: Second.}, {id: c, text: Third.}]\n"
    )
    moved = tmp_path / "moved.yaml"
    moved.write_text(
        'rulebook: club\nversion: "2"\nnumbering: [{style: arabic, label: "Rule {n}"}]\n'
        "clauses: [{id: c, text: Third.}, {id: a, text: First.}, {id: b, text: Second.}]\n"
    )
    code, out, _ = run("diff", str(book), str(moved))
    assert code == 0
    assert "Rule 1  Third.  (moved from Rule 3)" in out
    assert "Rule 2  First.  (formerly Rule 1)" in out
    assert "[-Rule 3-]  (moved to Rule 1)" in out


def test_diff_of_a_version_that_does_not_exist_is_one_line_and_exit_2():
    code, out, err = run("diff", f"{BOOK}@2016", f"{BOOK}@1999")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


# -- render --------------------------------------------------------------------------


def test_render_with_motions_writes_a_site_and_prints_its_path(tmp_path):
    out_dir = tmp_path / "site"
    code, out, err = run("render", f"{BOOK}@2017", "--motions", MOTIONS_2018, "-o", str(out_dir))
    assert code == 0, err
    assert out.strip() == str(out_dir / "index.html")
    page = (out_dir / "index.html").read_text()
    assert 'data-by="2018-leadership-nominations"' in page and '<nav class="kd-toc"' in page
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_render_without_motions_shows_the_version(tmp_path):
    code, _, err = run("render", BOOK, "-o", str(tmp_path / "site"))
    assert code == 0, err
    page = (tmp_path / "site" / "index.html").read_text()
    assert "Version 2021" in page and 'id="clause-ch4.leader-election.nominations.vacancy"' in page


def test_render_a_motion_the_version_already_carried_is_refused(tmp_path):
    code, out, err = run("render", BOOK, "--motions", MOTIONS_2018, "-o", str(tmp_path / "site"))
    assert code == 2 and out == ""
    assert "already carried into version '2018'" in err and "BOOK@2017" in err
    assert list(tmp_path.iterdir()) == []


def test_render_with_a_failing_motion_leaves_nothing(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "motion: bad\nbase: '2017'\namendments:\n"
        "  - {op: replace_words, clause: 'Chapter 4, Clause II.2.B.i', old: 'no such words', new: x}\n"
    )
    code, _, err = run("render", f"{BOOK}@2017", "--motions", str(bad), "-o", str(tmp_path / "site"))
    assert code == 2 and "no such words" in err and "bad" in err
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


# -- blame ---------------------------------------------------------------------------


def test_blame_text_lists_each_change_with_its_motion_date_and_words():
    code, out, _ = run("blame", BOOK, "Chapter 4, Clause II.2.B.i")
    assert code == 0
    assert out.startswith("Blame: Chapter 4, Clause II.2.B.i (id ch4.leader-election.nominations.vacancy)")
    assert "2017  in force 2017-09-27  motion 2017-vacancy-threshold" in out
    assert "2018  in force 2018-09-27  motion 2018-leadership-nominations" in out
    assert "[-15-]{+10+}" in out


def test_blame_json_lists_versions_changes_and_words():
    code, out, _ = run("blame", BOOK, "Chapter 4, Clause II.2.B.ii", "--format", "json")
    data = json.loads(out)
    assert code == 0 and data["citation"] == "Chapter 4, Clause II.2.B.ii"
    rows = [(e["version"], e["change"] and e["change"]["kind"]) for e in data["entries"]]
    assert rows[:3] == [("2016", None), ("2016-07-12", "ruling"), ("2016-07-28", "ruling")]
    assert data["entries"][1]["change"]["authority"] == "NEC, 12 July 2016"
    assert data["entries"][1]["words"] == []
    # the NEC's clarification is recorded as pending, so it never changed the words
    assert not [e for e in data["entries"] if e["change"] and e["change"]["id"] == "2016-incumbent-on-ballot"]


def test_blame_of_an_unknown_clause_is_one_line_and_exit_2():
    code, out, err = run("blame", BOOK, "Chapter 99")
    assert code == 2 and out == "" and len(err.strip().splitlines()) == 1


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_every_diff_format_runs_on_the_2016_schedule(fmt):
    code, out, _ = run("diff", f"{BOOK}@2016-07-01", f"{BOOK}@2016-12-31", "--format", fmt)
    assert code == 0 and "2016-nec-scotland-wales" in out and "2016-07-12-nec-incumbent" in out


def test_the_site_written_by_render_is_in_the_path_given(tmp_path: Path):
    nested = tmp_path / "a" / "b"
    code, _, _ = run("render", f"{BOOK}@2017", "-o", str(nested))
    assert code == 0 and (nested / "index.html").is_file()
