"""Each benchmark still runs, as ``python benchmarks/NAME.py --quick``, and prints its ratios.

Nothing here asserts a time: the benchmarks measure their own baselines in the
same run. These tests only keep the scripts from rotting as the API moves.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
_RATIO = r"\d+\.\d+x"


def _run_quick(name: str, *options: str) -> str:
    result = subprocess.run(
        [sys.executable, str(ROOT / "benchmarks" / f"{name}.py"), "--quick", *options],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ, "PYTHONHASHSEED": "0"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert not result.stderr, result.stderr
    return result.stdout


def test_the_load_benchmark_prints_its_ratio_to_plain_yaml() -> None:
    out = _run_quick("bench_load")
    assert out.startswith("book: 300 clauses, 6 levels")
    assert "yaml.load (CSafeLoader)" in out or "yaml.load (SafeLoader)" in out
    assert re.search(rf"^as is\s+\d+ ms\s+\d+ ms\s+{_RATIO}$", out, re.MULTILINE)
    assert re.search(rf"^cyclic GC paused\s+\d+ ms\s+\d+ ms\s+{_RATIO}$", out, re.MULTILINE)


def test_the_memory_benchmark_prints_its_ratios_to_one_version_and_to_copies() -> None:
    out = _run_quick("bench_memory")
    assert "history: 10 versions, one motion each" in out
    assert re.search(rf"^kept alive\s+[\d.]+ MiB\s+[\d.]+ MiB\s+{_RATIO}$", out, re.MULTILINE)
    assert re.search(rf"^peak while building\s+[\d.]+ MiB\s+[\d.]+ MiB\s+{_RATIO}$", out, re.MULTILINE)
    assert re.search(rf"^ratio history / 10 independent copies: {_RATIO}$", out, re.MULTILINE)


@pytest.mark.skipif(shutil.which("git") is None, reason="bench_apply compares against git apply")
def test_the_apply_benchmark_agrees_with_git_apply_and_prints_its_ratios() -> None:
    out = _run_quick("bench_apply", "--profile")
    assert "motions: 20," in out
    assert re.search(r"^\s+1\s.*\(apply_all\)$", out, re.MULTILINE), out  # the profile names it
    assert re.search(rf"^ratio apply_all / git apply:\s+{_RATIO}$", out, re.MULTILINE)
    assert re.search(rf"^ratio parse \+ apply_all / git apply:\s+{_RATIO}$", out, re.MULTILINE)


def test_the_command_line_benchmark_prints_its_ratios_to_importing_yaml() -> None:
    out = _run_quick("bench_cli")
    assert out.startswith("baseline: python -c 'import yaml'")
    for command in ("rulebook show", r"rulebook check \(1 motion\)", "rulebook ask"):
        assert re.search(rf"^{command}\s+\d+ ms\s+{_RATIO}$", out, re.MULTILINE), out


def test_the_diff_benchmark_prints_its_ratios_to_tokenizing() -> None:
    out = _run_quick("bench_diff")
    assert out.startswith("clause: 2000 words")
    assert re.search(r"^rewritten\s+\d+ ms\s+\d+ ms\s+\d+\.\dx$", out, re.MULTILINE), out
