"""Loading the rule books a command names: through the history cache
(docs/architecture.md, "The history cache"), unless ``--no-cache`` or
``RULEBOOK_NO_CACHE`` turns it off."""

from __future__ import annotations

from typing import TYPE_CHECKING

import click

if TYPE_CHECKING:
    from rulebook.history import History

__all__ = ["COMMANDS", "load_book"]

#: Helpers for the commands; this module defines no command.
COMMANDS: tuple[click.Command, ...] = ()


def load_book(path: str) -> History:
    """The history of the rule book at ``path`` (a file or a directory), as
    :func:`rulebook.load_history` builds it, kept in the history cache."""
    from rulebook.io.cache import HistoryCache

    ctx = click.get_current_context(silent=True)
    off = ctx is not None and bool(ctx.find_root().params.get("no_cache"))
    cache = None if off else HistoryCache.from_environment()
    if cache is None:
        from rulebook.history import load_history

        return load_history(path)
    return cache.load(path)
