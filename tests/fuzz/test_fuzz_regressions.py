"""Every crash the fuzzers found, kept as an example (see docs/testing.md)."""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from rulebook.cli import main
from rulebook.errors import ParseError, RulebookError, SchemaError
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import loads

BOOK = (
    'rulebook: a\nversion: "1"\nnumbering: [arabic]\nclauses: [{id: a, provisions: {d: 2000-01-01, l: [2001-02-03]}}]\n'
)


@pytest.mark.parametrize(
    ("loader", "text", "error", "fragment"),
    [
        (loads, "rulebook: \ud800\n", ParseError, "f.yaml:1: invalid text"),
        (loads, "rulebook: x\nversion: \x00\n", ParseError, "f.yaml:2: invalid YAML: character #x0000"),
        (motion_io.loads, "motion: x\namendments:\n  - {op: [a]}\n", SchemaError, "f.yaml:3: amendment 1 of motion x"),
        (motion_io.loads, "motions: []\n", SchemaError, "f.yaml:1: 'motions' must be a non-empty list"),
        # found by the thorough profile: an infinite provision value reached the
        # exact arithmetic of the invariants and the reader of quantities
        (
            loads,
            'rulebook: a\nversion: "1"\nnumbering: [arabic]\nclauses: [{id: a, provisions: {s: .inf}}]\n',
            ParseError,
            "f.yaml:4: number '.inf' is not finite",
        ),
        (
            loads,
            'rulebook: a\nversion: "1"\nnumbering: [arabic]\nclauses: [{id: a, provisions: {s: .nan}}]\n',
            ParseError,
            "f.yaml:4: number '.nan' is not finite",
        ),
        (
            motion_io.loads,
            "ruling: r\nauthority: null\namendments: [{op: remove_provision, clause: a, name: b}]\n",
            SchemaError,
            "f.yaml:1: ruling r needs 'authority'",
        ),
    ],
)
def test_a_crashing_input_is_now_a_located_error(loader, text, error, fragment):
    with pytest.raises(error) as info:
        loader(text, "f.yaml")
    assert isinstance(info.value, RulebookError)
    assert str(info.value).startswith(fragment)
    assert "\n" not in str(info.value)


def test_show_json_writes_dates_in_provisions_as_iso_text(tmp_path):
    path = tmp_path / "book.yaml"
    path.write_text(BOOK)
    result = CliRunner().invoke(main, ["show", str(path), "--format", "json"])
    assert result.exit_code == 0, result.output
    provisions = json.loads(result.stdout)["clauses"][0]["provisions"]
    assert provisions["d"]["value"] == "2000-01-01"
    assert provisions["l"]["value"] == ["2001-02-03"]


@pytest.mark.parametrize("key", ["clause", "old", "new"])
def test_a_required_field_left_empty_is_refused_where_it_stands(key):
    fields = {"clause": "Rule 1", "old": "a", "new": "b", key: None}
    text = "motion: m\namendments:\n  - op: replace_words\n" + "".join(
        f"    {k}: {'null' if v is None else v}\n" for k, v in fields.items()
    )
    with pytest.raises(
        SchemaError, match=rf"^f\.yaml:\d+: amendment 1 of motion m \(replace_words\): '{key}' is empty"
    ):
        motion_io.loads(text, "f.yaml")


def test_a_history_file_name_too_long_to_look_up_is_a_located_error(tmp_path):
    # found by the thorough profile: the file system refused the name (ENAMETOOLONG)
    (tmp_path / "rulebook.yaml").write_text('rulebook: a\nversion: "1"\nnumbering: [arabic]\nclauses: [{id: a}]\n')
    (tmp_path / "history.yaml").write_text(
        'versions:\n  - {version: "2", effective: 2021-01-01, from: "1", motions: [' + "x" * 5000 + ".yaml]}\n"
    )
    result = CliRunner().invoke(main, ["history", str(tmp_path)])
    assert result.exit_code == 2
    assert "history.yaml:2: motion file 'xxxx" in result.output and "cannot be looked up" in result.output
    assert len(result.output) < 400


def test_a_path_too_long_to_look_up_is_an_error_naming_it_short(tmp_path):
    # found by the thorough profile: a scenario comparing with a 1,000-character
    # rule book name reached os.stat, which raised OSError (name too long)
    from rulebook.history import load_history
    from rulebook.io import scenarios

    long = "b" * 1000
    with pytest.raises(RulebookError, match=r"\.\.\. \(\d+ characters\): cannot look the path up") as caught:
        load_history(tmp_path / long)
    assert len(str(caught.value)) < 300
    scenario = tmp_path / "s.yaml"
    scenario.write_text(
        f"scenario: s\nrulebook: {long}\nquestion: provision\nfacts: {{name: a}}\nexpect: {{status: determined}}\n"
    )
    with pytest.raises(SchemaError, match=r"s.yaml:2: rulebook 'b+\.\.\. \(1000 characters\)'"):
        scenarios.load_file(scenario)
    result = CliRunner().invoke(main, ["show", str(tmp_path / long)])
    assert result.exit_code == 2 and "cannot look the path up" in result.output


@pytest.mark.parametrize(
    "args", [["import", "{long}", "-o", "{tmp}/out"], ["render", "rules/labour", "-o", "{long}/x"]]
)
def test_a_path_too_long_is_one_line_and_exit_2_on_the_command_line(tmp_path, args, monkeypatch):
    # found by hand after the soak's find: Path.exists() raises on a name too long
    from pathlib import Path

    monkeypatch.chdir(Path(__file__).resolve().parents[2])
    long = str(tmp_path / ("d" * 300))
    result = CliRunner().invoke(main, [a.format(long=long, tmp=tmp_path) for a in args])
    assert result.exit_code == 2, result.output
    assert "(" in result.output and "characters)" in result.output and "Traceback" not in result.output
    assert len(result.output.strip().splitlines()) == 1


def test_a_scenario_naming_a_motion_file_too_long_to_look_up(tmp_path):
    # found by the thorough profile (second soak): Path.is_file() raises on a name too long
    from rulebook.io import scenarios

    (tmp_path / "club.yaml").write_text(BOOK)
    scenario = tmp_path / "s.yaml"
    scenario.write_text(f"scenario: s\nrulebook: club.yaml\nmotions: [{'m' * 1000}.yaml]\nquestion: provision\n")
    with pytest.raises(SchemaError, match=r"cannot look the path up \(File name too long\)"):
        scenarios.load_file(scenario)


def test_a_null_anchor_is_refused_not_loaded_as_no_place():
    # found by the thorough profile (third soak): 'after: null' counted as the one
    # anchor, so the motion loaded, but was saved without one and did not load again
    text = "motion: m\namendments:\n  - op: insert_words\n    clause: a\n    after: null\n    words: x\n"
    with pytest.raises(SchemaError, match=r"f.yaml:5: amendment 1 of motion m \(insert_words\): 'after' is empty"):
        motion_io.loads(text, "f.yaml")


def test_a_nul_character_in_a_path_is_an_error_naming_it(tmp_path):
    # found by the thorough profile (final soak): a scenario's rulebook: "\0" reached
    # Path.resolve(), which raised ValueError (embedded null byte); a history's motion
    # file could do the same
    from rulebook.history import load_history
    from rulebook.io import scenarios

    (tmp_path / "club.yaml").write_text(BOOK)
    scenario = tmp_path / "s.yaml"
    scenario.write_text('scenario: s\nrulebook: "\\0"\nquestion: provision\n')
    with pytest.raises(SchemaError, match=r"s.yaml:2: rulebook '\\\\x00'.*no such rule book"):
        scenarios.load_file(scenario)
    book = tmp_path / "book"
    book.mkdir()
    (book / "rulebook.yaml").write_text(BOOK)
    (book / "history.yaml").write_text('versions: [{version: "2", from: "1", motions: ["m\\0.yaml"]}]\n')
    with pytest.raises(SchemaError, match=r"history.yaml:1: motion file 'm\\x00.yaml' cannot be looked up \(a NUL"):
        load_history(book)
