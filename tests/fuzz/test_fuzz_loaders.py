"""Fuzzing the YAML loaders: books, motions, histories, scenarios (issue 6, point 4).

Every input, generated or mutated from a real file, either loads or raises a
:class:`~rulebook.errors.RulebookError` whose one-line message starts with the
file's name. Nothing else may escape, and YAML tags never build Python objects.
"""

from __future__ import annotations

import shutil
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mutations import BOOKS, CLUB, HISTORIES, MOTIONS, assert_located, inputs

from rulebook.errors import ParseError, RulebookError
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import dumps, loads
from rulebook.io.yamlsrc import MAX_ALIASED, MAX_DEPTH, parse

SCENARIO = """\
scenario: fuzzed
rulebook: club.yaml@2020-06-01
motions: [m.yaml]
question: provision
facts: {name: fees.annual}
expect: {status: determined, answer.value: 20}
compare: {rulebook: club.yaml, expect: {changed: [answer.value]}}
"""
MOTION = 'motion: m\nbase: "1"\namendments:\n  - {op: replace_words, clause: Rule 2.2, old: "15", new: "20"}\n'


@given(inputs(BOOKS))
def test_a_rule_book_loads_or_fails_naming_file_and_line(text):
    try:
        version = loads(text, "fuzzed.yaml")
    except RulebookError as exc:
        assert_located(exc, "fuzzed.yaml")
        return
    saved = dumps(version)
    assert dumps(loads(saved, "saved.yaml")) == saved  # whatever loads, saves and loads again


@given(inputs(MOTIONS))
def test_a_motion_file_loads_or_fails_naming_file_and_line(text):
    try:
        loaded = motion_io.loads(text, "fuzzed.yaml")
    except RulebookError as exc:
        assert_located(exc, "fuzzed.yaml")
        return
    assert loaded
    again = motion_io.loads(motion_io.dumps(loaded), "saved.yaml")
    assert [m.id for m in again] == [m.id for m in loaded]


@given(inputs(HISTORIES), inputs(MOTIONS))
def test_a_history_loads_or_fails_naming_a_file(history, motion):
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(CLUB, root / "rulebook.yaml")
        (root / "history.yaml").write_text(history, encoding="utf-8")
        (root / "m.yaml").write_text(motion, encoding="utf-8")
        try:
            load_history(root)
        except RulebookError as exc:
            message = str(exc)
            assert message.startswith(tmp), message
            assert "\n" not in message


@given(inputs((SCENARIO,)))
def test_a_scenario_loads_or_fails_naming_a_file(text):
    scenarios = pytest.importorskip("rulebook.io.scenarios")
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        shutil.copy(CLUB, root / "club.yaml")
        (root / "m.yaml").write_text(MOTION, encoding="utf-8")
        path = root / "scenario.yaml"
        path.write_text(text, encoding="utf-8")
        try:
            scenarios.load_file(path)
        except RulebookError as exc:
            message = str(exc)
            assert message.startswith(tmp), message
            assert "\n" not in message


@given(st.sampled_from(("!!python/object/apply:", "!!python/object/new:", "!!python/object:", "!!python/name:")))
def test_python_tags_never_build_objects(tag):
    with tempfile.TemporaryDirectory() as tmp:
        marker = Path(tmp) / "built"
        payload = f"{tag}pathlib.Path.touch [{str(marker)!r}]"
        for text in (
            f"rulebook: {payload}\n",
            f"motion: x\namendments:\n  - {{op: set_provision, value: {payload}}}\n",
        ):
            for loader in (loads, motion_io.loads):
                with pytest.raises(RulebookError):
                    loader(text, "evil.yaml")
        assert not marker.exists()


@pytest.mark.parametrize(
    ("text", "fragment"),
    [
        ("x: " + "[" * 100_000 + "]" * 100_000, "nesting"),
        ("".join("  " * i + f"k{i}:\n" for i in range(3000)), "nesting"),
        ("x: " + "[" * (MAX_DEPTH + 2) + "]" * (MAX_DEPTH + 2), f"deeper than {MAX_DEPTH}"),
        (
            "a: &a [x, x, x, x, x, x, x, x, x, x]\n"
            + "".join(f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join([f'*{chr(97 + i)}'] * 10)}]\n" for i in range(8)),
            f"more than {MAX_ALIASED} values",
        ),
        ("x: \x00", "character #x0000 is not allowed"),
        ("x: \ud800", "surrogates"),
    ],
    ids=["deep-flow", "deep-block", "depth-limit", "billion-laughs", "nul", "surrogate"],
)
def test_huge_and_deep_inputs_fail_cleanly(text, fragment):
    with pytest.raises(ParseError) as info:
        parse(text, "big.yaml")
    assert fragment in str(info.value)
    assert str(info.value).startswith("big.yaml")
    assert "\n" not in str(info.value)
