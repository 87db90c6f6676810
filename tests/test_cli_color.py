"""One colour policy for every command: --color auto|always|never, NO_COLOR honoured."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from rulebook.cli import main

LABOUR = str(Path(__file__).resolve().parent.parent / "rules" / "labour")
COMMANDS = [
    ["show", LABOUR, "Chapter 1, Clause I"],
    ["diff", f"{LABOUR}@2016", f"{LABOUR}@2016-conference"],
    ["ask", f"{LABOUR}@2016-07-28", "nec.composition"],
]


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_always_colours_even_when_piped_and_never_does_not(args: list[str]) -> None:
    runner = CliRunner()
    always = runner.invoke(main, ["--color", "always", *args])
    never = runner.invoke(main, ["--color", "never", *args])
    assert always.exit_code == 0 and never.exit_code == 0, (always.output, never.output)
    assert "\x1b[" in always.output
    assert "\x1b[" not in never.output


@pytest.mark.parametrize("args", COMMANDS, ids=lambda a: a[0])
def test_auto_does_not_colour_what_is_piped(args: list[str]) -> None:
    result = CliRunner().invoke(main, args)
    assert result.exit_code == 0 and "\x1b[" not in result.output


def test_no_color_wins_over_a_terminal(monkeypatch: pytest.MonkeyPatch) -> None:
    import io

    from rulebook.cli import color

    class Terminal(io.StringIO):
        def isatty(self) -> bool:
            return True

    assert color.use_color(Terminal())
    monkeypatch.setenv("NO_COLOR", "1")
    assert not color.use_color(Terminal())
