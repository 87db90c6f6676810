"""The atheris harnesses in fuzz/ (run by hand, see docs/testing.md) stay runnable:
each one's input function accepts its seeds and arbitrary bytes without atheris."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest

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


@pytest.mark.parametrize("name", HARNESSES)
def test_a_harness_takes_its_seeds_and_junk(name):
    module = _load(name)
    for seed in module.SEEDS:
        module.one_input(Path(seed).read_bytes())
    for junk in (b"", b"\xff\xfe\x00", b"[[[[", b"a: &a [*a]", b"!!python/object/apply:os.system ['false']"):
        module.one_input(junk)
