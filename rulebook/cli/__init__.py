"""The ``rulebook`` command line: a thin layer that parses arguments, calls the
Python API and prints. Every :class:`~rulebook.errors.RulebookError` becomes
one line on stderr and exit code 2; nothing is written on error.

Each command lives in a module of this package and is registered below.
"""

from __future__ import annotations

import sys
from typing import Any

import click

from rulebook.errors import RulebookError, escape_controls

__all__ = ["main"]


class _Group(click.Group):
    """A group that turns RulebookError into one line and exit 2."""

    def main(self, args: Any = None, *a: Any, **kw: Any) -> Any:
        # Python decodes undecodable bytes in argv to lone surrogates, which
        # fail later when written out: refuse them at once (docs/limits.md)
        argv = sys.argv[1:] if args is None else list(args)
        for i, arg in enumerate(argv, 1):
            try:
                arg.encode("utf-8")
            except UnicodeEncodeError as exc:
                print(
                    f"rulebook: argument {i} is not UTF-8 text ({escape_controls(arg)!s:.60} "
                    f"at character {exc.start + 1}); pass arguments as UTF-8",
                    file=sys.stderr,
                )
                raise SystemExit(2) from None
        return super().main(argv, *a, **kw)

    def invoke(self, ctx: click.Context) -> Any:
        try:
            return super().invoke(ctx)
        except RulebookError as exc:
            click.echo(str(exc), err=True)
            ctx.exit(2)
        except click.UsageError as exc:  # CONTRACT section 3: one line on stderr, exit 2
            where = exc.ctx.command_path if exc.ctx is not None else ctx.command_path
            click.echo(escape_controls(f"{where}: {exc.format_message()}"), err=True)
            ctx.exit(2)
        except BrokenPipeError:  # e.g. `rulebook show ... | head`
            sys.stderr.close()
            ctx.exit(0)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rulebook")
def main() -> None:
    """Version a rule book, preview motions, check them, and ask what-if questions."""


#: Modules of this package that define ``COMMANDS``, in the order ``--help`` lists them.
_MODULES = ("book", "drafting", "diffing", "asking", "checking")


def _register() -> None:
    import importlib

    for name in _MODULES:
        try:
            module = importlib.import_module(f"rulebook.cli.{name}")
        except ModuleNotFoundError as exc:  # a capability not built into this checkout
            if exc.name != f"rulebook.cli.{name}":
                raise
            continue
        for command in module.COMMANDS:
            main.add_command(command)


_register()
