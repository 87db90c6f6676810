"""The options every writing command shares: ``-o -`` and ``--force`` (docs/limits.md)."""

from __future__ import annotations

import click

__all__ = ["COMMANDS", "check_id", "check_label", "force_option", "stdout_if_dash"]

#: Options shared by the writing commands; this module defines no command.
COMMANDS: tuple[click.Command, ...] = ()

#: ``--force``: replace a read-only output file.
force_option = click.option(
    "--force", is_flag=True, help="Replace the output file even if it is read-only (-o - is standard output)."
)


def stdout_if_dash(output: str | None) -> str | None:
    """None (standard output) for ``-o -``, else the path as given."""
    return None if output == "-" else output


def check_label(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse a ``--label`` that ``PATH@LABEL`` could never select, naming the option."""
    from rulebook.io.rulebook import label_problem

    problem = label_problem(value) if value else None
    if problem:
        raise click.BadParameter(f"version label {value!r} {problem}")
    return value


def check_id(ctx: click.Context, param: click.Parameter, value: str | None) -> str | None:
    """Refuse an empty or blank ``--id``, naming the option."""
    if value is not None and not value.strip():
        raise click.BadParameter("the motion id is empty; give one")
    return value
