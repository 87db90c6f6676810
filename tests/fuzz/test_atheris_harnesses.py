"""The atheris harnesses in fuzz/ (run by hand, see docs/testing.md) stay runnable:
each one's input function accepts its seeds and arbitrary bytes without atheris."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

from rulebook.errors import CitationError, RulebookError

FUZZ = Path(__file__).resolve().parents[2] / "fuzz"
HARNESSES = sorted(p.stem for p in FUZZ.glob("atheris_*.py"))


def _load(name: str):
    sys.path.insert(0, str(FUZZ))
    try:
        spec = importlib.util.spec_from_file_location(name, FUZZ / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(FUZZ))


def test_there_are_harnesses():
    assert {"atheris_rulebook", "atheris_motions", "atheris_wording", "atheris_citation"} <= set(HARNESSES)


JUNK = (b"", b"\xff\xfe\x00", b"[[[[", b"a: &a [*a]", b"!!python/object/apply:os.system ['false']")


@pytest.mark.parametrize("name", HARNESSES)
def test_a_harness_reaches_its_target_with_every_seed(name):
    """Each seed is valid input: the target takes it whole, so fuzzing starts deep inside."""
    module = _load(name)
    assert module.SEEDS
    for seed in module.SEEDS:
        module.one_input.target(Path(seed).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", HARNESSES)
def test_a_harness_target_refuses_junk_with_a_one_line_rulebook_error(name):
    module = _load(name)
    for junk in JUNK:
        with pytest.raises(RulebookError) as caught:
            module.one_input.target(junk.decode("utf-8", "replace"))
        assert "\n" not in str(caught.value) and str(caught.value).strip()
        module.one_input(junk)  # and the harness lets exactly that through


def test_the_harness_lets_only_one_line_rulebook_errors_through():
    _harness = _load("_harness")

    def raises(error):
        def target(text):
            raise error

        return _harness.guarded(target)

    raises(CitationError("no clause 'x'"))(b"x")
    raises(CitationError("two\nlines"))(b"x")  # every error escapes its line breaks (docs/limits.md)
    assert str(CitationError("two\nlines")) == "two\\nlines"
    with pytest.raises(KeyError):
        raises(KeyError("a bug"))(b"x")
