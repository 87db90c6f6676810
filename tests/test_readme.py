"""The README's Python example runs as written (from the repository root)."""

from __future__ import annotations

import re

import pytest

from tests.conftest import ROOT


def test_the_readme_python_example_runs(monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    blocks = re.findall(r"```python\n(.*?)```", (ROOT / "README.md").read_text(encoding="utf-8"), re.S)
    assert blocks, "the README has no python example"
    monkeypatch.chdir(ROOT)
    for block in blocks:
        exec(compile(block, "README.md", "exec"), {})
    out = capsys.readouterr().out
    assert "Chapter 4, Clause II.2.B.ii" in out
    assert "undetermined" in out and "-> determined" in out
