"""docs/whatif-tutorial.md runs: its python cells are doctests, run from the repository root."""

from __future__ import annotations

import doctest
import re

import pytest

from tests.conftest import ROOT

TUTORIAL = ROOT / "docs" / "whatif-tutorial.md"


def test_every_python_cell_of_the_tutorial_is_a_doctest() -> None:
    cells = re.findall(r"```python\n(.*?)```", TUTORIAL.read_text(), flags=re.DOTALL)
    assert cells and all(cell.lstrip().startswith(">>>") for cell in cells)


def test_the_tutorial_runs_and_prints_what_it_says(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(ROOT)
    result = doctest.testfile(
        str(TUTORIAL), module_relative=False, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE, verbose=False
    )
    assert result.attempted > 20 and result.failed == 0
