"""The one colour policy of the command line: ``rulebook --color auto|always|never``
(default ``auto``: colour, and rich tables with box characters, only when the
output is a terminal and ``NO_COLOR`` is not set; see https://no-color.org)."""

from __future__ import annotations

import os
import sys
from typing import TextIO

import click

__all__ = ["CHOICES", "use_color"]

CHOICES = ("auto", "always", "never")


def use_color(stream: TextIO | None = None) -> bool:
    """Whether to colour what goes to ``stream`` (default standard output), by the
    ``--color`` option of the running command line, then ``NO_COLOR`` and the terminal."""
    ctx = click.get_current_context(silent=True)
    choice = ctx.find_root().params.get("color") if ctx is not None else None
    if choice == "always":
        return True
    if choice == "never":
        return False
    out = stream if stream is not None else sys.stdout
    return out.isatty() and not os.environ.get("NO_COLOR")
