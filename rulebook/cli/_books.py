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
    from rulebook.history import load_history

    ctx = click.get_current_context(silent=True)
    if ctx is not None and ctx.find_root().params.get("no_cache"):
        return load_history(path)  # the cache (and pickle, which it needs) is not even imported
    from rulebook.io.cache import HistoryCache

    cache = HistoryCache.from_environment()
    if cache is None:
        return load_history(path)
    return cache.load(path)
