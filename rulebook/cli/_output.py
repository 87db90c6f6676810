"""The options every writing command shares: ``-o -`` and ``--force`` (docs/limits.md)."""

from __future__ import annotations

import click

__all__ = ["force_option", "stdout_if_dash"]

#: ``--force``: replace a read-only output file.
force_option = click.option(
    "--force", is_flag=True, help="Replace the output file even if it is read-only (-o - is standard output)."
)


def stdout_if_dash(output: str | None) -> str | None:
    """None (standard output) for ``-o -``, else the path as given."""
    return None if output == "-" else output
