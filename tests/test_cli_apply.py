"""``rulebook apply BOOK MOTION... -o FILE``: the amended version, written atomically."""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from rulebook.cli import main
from rulebook.diff import diff
from rulebook.history import load_history
from rulebook.io.rulebook import load_file
from tests.conftest import LABOUR

BOOK = str(LABOUR)
CONFERENCE_2016 = str(LABOUR / "motions" / "2016-conference.yaml")


def run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    return result.exit_code, result.stdout, result.stderr


def shown(book: str, fmt: str = "text") -> str:
    code, out, err = run("show", book, "--format", fmt)
    assert code == 0, err
    return out


def without_provenance(value):
    """JSON of ``show`` without ``set_by``: which motion set a provision is history, not
    part of a rule book file, so a written version does not carry it."""
    if isinstance(value, dict):
        return {k: without_provenance(v) for k, v in value.items() if k != "set_by"}
    if isinstance(value, list):
        return [without_provenance(v) for v in value]
    return value


def test_apply_writes_a_file_that_loads_and_shows_the_same_as_the_history(tmp_path: Path):
    out = tmp_path / "out.yaml"
    code, stdout, err = run("apply", f"{BOOK}@2016-07-28", CONFERENCE_2016, "-o", str(out))
    assert code == 0 and stdout == ""
    assert f"wrote {out}" in err
    written = load_file(out)
    changes = diff(load_history(LABOUR).select("2016-conference"), written)
    assert changes.clauses == ()
    assert [name for name, _, _ in changes.metadata] == ["effective"]  # the history dates it to conference
    assert shown(str(out)) == shown(f"{BOOK}@2016-conference")
    written_md, history_md = shown(str(out), "markdown"), shown(f"{BOOK}@2016-conference", "markdown")
    assert written_md.split("\n", 3)[3] == history_md.split("\n", 3)[3]  # all but the title and date
    written_json = json.loads(shown(str(out), "json"))
    history_json = json.loads(shown(f"{BOOK}@2016-conference", "json"))
    assert without_provenance(written_json["clauses"]) == without_provenance(history_json["clauses"])
    assert sorted(p.name for p in tmp_path.iterdir()) == ["out.yaml"]  # no temporary file left


def test_apply_without_o_prints_the_same_yaml(tmp_path: Path):
    out = tmp_path / "out.yaml"
    run("apply", f"{BOOK}@2016-07-28", CONFERENCE_2016, "-o", str(out))
    code, stdout, _ = run("apply", f"{BOOK}@2016-07-28", CONFERENCE_2016)
    assert code == 0 and stdout == out.read_text()


def _bad_motion(tmp_path: Path) -> Path:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "motions:\n"
        "  - motion: fine\n    base: '2016-07-28'\n    amendments:\n"
        "      - {op: replace_words, clause: 'Chapter 4, Clause II.2.B.i', old: '15 per cent', new: '12 per cent'}\n"
        "  - motion: broken\n    base: '2016-07-28'\n    amendments:\n"
        "      - {op: delete_words, clause: 'Chapter 4, Clause II.2.B.i', words: 'no such words'}\n"
    )
    return bad


def test_a_failing_motion_leaves_no_file(tmp_path: Path):
    out = tmp_path / "out.yaml"
    code, stdout, err = run("apply", f"{BOOK}@2016-07-28", str(_bad_motion(tmp_path)), "-o", str(out))
    assert code == 2 and stdout == ""
    assert len(err.strip().splitlines()) == 1 and "broken" in err and "no such words" in err
    assert not out.exists()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml"]


def test_a_failing_motion_leaves_an_existing_file_as_it_was(tmp_path: Path):
    out = tmp_path / "out.yaml"
    out.write_text("precious")
    code, _, _ = run("apply", f"{BOOK}@2016-07-28", str(_bad_motion(tmp_path)), "-o", str(out))
    assert code == 2 and out.read_text() == "precious"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.yaml", "out.yaml"]
