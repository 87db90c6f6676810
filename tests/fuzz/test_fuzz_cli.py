"""Fuzzing the command line with broken books, motions, facts and arguments.

Whatever the input, a command exits 0 (or 1 for findings), or exits 2 with
one line on stderr and no traceback; and ``apply -o``/``draft -o`` either
write a file that loads or leave nothing behind.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from click.testing import CliRunner
from hypothesis import given, settings
from hypothesis import strategies as st
from mutations import BOOKS, CLUB, MOTIONS, VALUES, inputs

from rulebook.cli import main
from rulebook.io.rulebook import load_file

ARGS = st.sampled_from(("Rule 2.2", "Rule 9", "members.fees", "", "--format", "json", "xml", "-o", "@", "@1", "--x"))
FACTS = st.builds(lambda v: __import__("yaml").safe_dump(v), VALUES) | st.sampled_from(("name: fees.annual\n", "[\n"))


def _run(*args: str) -> tuple[int, str, str]:
    result = CliRunner().invoke(main, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception  # a crash: let hypothesis show it with its traceback
    return result.exit_code, result.stdout, result.stderr


def _assert_clean(code: int, stderr: str, allowed: tuple[int, ...] = (0,)) -> None:
    assert code in (*allowed, 2), (code, stderr)
    assert "Traceback" not in stderr
    if code == 2:
        lines = stderr.splitlines()
        assert len(lines) == 1 and lines[0].strip(), stderr


@settings(max_examples=max(10, settings.default.max_examples // 2))
@given(inputs(BOOKS), st.lists(ARGS, max_size=3))
def test_show_and_history_of_a_broken_book(text, args):
    with tempfile.TemporaryDirectory() as tmp:
        book = Path(tmp) / "book.yaml"
        book.write_text(text, encoding="utf-8")
        for command in (["show", str(book), *args], ["history", str(book)], ["show", f"{book}@1", "--format", "json"]):
            code, _, stderr = _run(*command)
            _assert_clean(code, stderr)


@settings(max_examples=max(10, settings.default.max_examples // 2))
@given(inputs(MOTIONS))
def test_apply_writes_a_loadable_book_or_nothing(text):
    with tempfile.TemporaryDirectory() as tmp:
        motion = Path(tmp) / "m.yaml"
        motion.write_text(text, encoding="utf-8")
        out = Path(tmp) / "out" / "amended.yaml"
        code, _, stderr = _run("apply", str(CLUB), str(motion), "-o", str(out))
        _assert_clean(code, stderr)
        if code == 0:
            load_file(out)
        else:
            assert not out.exists()
            assert sorted(p.name for p in Path(tmp).iterdir()) in (["m.yaml"], ["m.yaml", "out"])
            if (Path(tmp) / "out").exists():
                assert list((Path(tmp) / "out").iterdir()) == []


@settings(max_examples=max(10, settings.default.max_examples // 2))
@given(inputs(MOTIONS))
def test_check_and_explain_of_a_broken_motion(text):
    with tempfile.TemporaryDirectory() as tmp:
        motion = Path(tmp) / "m.yaml"
        motion.write_text(text, encoding="utf-8")
        for command in (["check", str(CLUB), str(motion), "-q"], ["explain", str(motion), "--book", str(CLUB)]):
            code, _, stderr = _run(*command)
            _assert_clean(code, stderr, allowed=(0, 1))


@settings(max_examples=max(10, settings.default.max_examples // 2))
@given(FACTS, st.sampled_from(("provision", "nec.vote", "leadership.ballot", "nec.composition", "no.such")))
def test_ask_with_broken_facts(facts, question):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "facts.yaml"
        path.write_text(facts, encoding="utf-8")
        code, _, stderr = _run("ask", str(CLUB), question, "--facts", str(path))
        _assert_clean(code, stderr, allowed=(0, 1))
        if question == "no.such":
            assert code == 2  # an unknown question, or facts that are not YAML: bad input either way


def test_an_output_path_that_cannot_be_written_is_bad_input(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    motion = tmp_path / "m.yaml"
    motion.write_text('motion: m\namendments:\n  - {op: replace_words, clause: Rule 2.2, old: "15", new: "20"}\n')
    code, _, stderr = _run("apply", str(CLUB), str(motion), "-o", str(blocker / "out.yaml"))
    _assert_clean(code, stderr)
    assert code == 2
    assert blocker.read_text() == "x"
