"""The ``rulebook`` command line: a thin layer that parses arguments, calls the
Python API and prints. Every :class:`~rulebook.errors.RulebookError` becomes
one line on stderr and exit code 2; nothing is written on error.

Each command lives in a module of this package and is registered below.
"""

from __future__ import annotations

import importlib
import sys
from typing import Any

import click

from rulebook.cli.color import CHOICES
from rulebook.errors import RulebookError, clip, escape_controls

__all__ = ["main"]


class _Group(click.Group):
    """A group that loads each command's module when the command is wanted and turns
    RulebookError into one line and exit 2."""

    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted({*_HOMES, *super().list_commands(ctx)})

    def get_command(self, ctx: click.Context, cmd_name: str) -> click.Command | None:
        if cmd_name not in self.commands and cmd_name in _HOMES:
            module = importlib.import_module(f"rulebook.cli.{_HOMES[cmd_name]}")
            for command in module.COMMANDS:
                self.add_command(command)
        return super().get_command(ctx, cmd_name)

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
        except click.UsageError as exc:  # docs/getting-started.md: one line on stderr, exit 2
            where = exc.ctx.command_path if exc.ctx is not None else ctx.command_path
            click.echo(escape_controls(f"{where}: {exc.format_message()}"), err=True)
            ctx.exit(2)
        except BrokenPipeError:  # e.g. `rulebook show ... | head`
            sys.stderr.close()
            ctx.exit(0)
        except OSError as exc:
            # the last net under the file system: a path too long to look up, a loop
            # of links, a vanished directory are still one line and exit 2 (docs/limits.md)
            name = clip(str(exc.filename)) if exc.filename is not None else "rulebook"
            click.echo(f"{name}: {exc.strerror or exc}; check the path", err=True)
            ctx.exit(2)


@click.group(cls=_Group, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(package_name="rulebook")
@click.option(
    "--color",
    type=click.Choice(CHOICES),
    default="auto",
    show_default=True,
    help="Colour and table borders: auto (on a terminal, unless NO_COLOR is set), always or never.",
)
@click.option(
    "--no-cache",
    is_flag=True,
    help="Build each rule book afresh instead of using the history cache (also RULEBOOK_NO_CACHE=1).",
)
def main(color: str, no_cache: bool) -> None:
    """Version a rule book, preview motions, check them, and ask what-if questions."""


#: Each command and the module of this package that defines it (in its ``COMMANDS``).
#: A module is imported only when one of its commands runs (or ``--help`` lists
#: them all), so ``rulebook show`` does not pay for what checking and asking use.
_HOMES = {
    "show": "book",
    "history": "book",
    "apply": "book",
    "draft": "drafting",
    "explain": "drafting",
    "diff": "diffing",
    "render": "diffing",
    "blame": "diffing",
    "ask": "asking",
    "scenario": "asking",
    "sweep": "asking",
    "check": "checking",
    "composite": "checking",
    "import": "importing",
    "export": "importing",
    "bind": "binding",
    "import-motions": "agenda",
}
