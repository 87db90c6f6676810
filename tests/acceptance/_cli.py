"""What every acceptance test does: run the CLI in-process and read its result."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from click.testing import CliRunner, Result

from rulebook.cli import main

__all__ = ["bad_input", "rb", "walk"]


def rb(*args: object) -> Result:
    """Run ``rulebook ARGS``; never a traceback."""
    result = CliRunner().invoke(main, [str(a) for a in args])
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(result.exception)
    assert "Traceback" not in result.output
    return result


def bad_input(result: Result, file: Path | None = None) -> str:
    """The one stderr line of a bad-input exit (2), naming ``file`` and a line when given."""
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    if file is not None:
        assert re.match(rf"{re.escape(str(file))}:\d+: \S", lines[0]), lines[0]
    return lines[0]


def walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Every clause of a JSON tree, depth first."""
    out = []
    for node in nodes:
        out.append(node)
        out.extend(walk(node.get("clauses", [])))
    return out
