"""Which files a load read: the inputs a cached result must be checked against.

Every file a rule book, history, motion or ruling is read from passes through
:func:`rulebook.io.yamlsrc.read_bounded`, and every look-up of a file that may
be absent (``history.yaml``) through :func:`rulebook.io.files.path_kind`; both
tell :func:`note`. Inside :func:`recorded` those notes are collected, so that
:mod:`rulebook.io.cache` knows exactly what a built history depends on
(docs/architecture.md, "The history cache"). Outside it, :func:`note` does
nothing. The collector is a context variable, so threads and tasks each see
only their own loads.

Examples
--------
>>> with recorded() as inputs:
...     note("rulebook.yaml", b"rulebook: club\\n")
...     note("history.yaml", None)
>>> [(i.path.endswith("rulebook.yaml"), i.data) for i in inputs]
[(True, b'rulebook: club\\n'), (False, None)]
>>> note("elsewhere.yaml", b"")  # nothing is collecting: ignored
"""

from __future__ import annotations

import contextlib
import os
from collections.abc import Iterator
from contextvars import ContextVar

import attrs

__all__ = ["Input", "note", "recorded"]


@attrs.frozen
class Input:
    """One file a load looked at: its absolute path and the bytes read, or
    ``None`` when it was looked up and found missing. The bytes themselves are
    kept, not a digest of them: comparing them again is exact, and as fast."""

    path: str
    data: bytes | None
    #: False when the bytes came from a pipe or a device: reading it again would
    #: not give them back, so nothing built from it is cached.
    regular: bool = True


_COLLECTING: ContextVar[list[Input] | None] = ContextVar("rulebook_inputs", default=None)


def note(path: str | os.PathLike[str], data: bytes | None, regular: bool = True) -> None:
    """Record that ``path`` was read (``data``: its bytes; ``regular``: from a
    regular file) or found missing (``None``)."""
    inputs = _COLLECTING.get()
    if inputs is not None:
        inputs.append(Input(os.path.abspath(path), data, regular))


@contextlib.contextmanager
def recorded() -> Iterator[list[Input]]:
    """Collect what every load inside the block reads (nested blocks collect
    their own reads, and the outer block sees them too)."""
    outer = _COLLECTING.get()
    inputs: list[Input] = []
    token = _COLLECTING.set(inputs)
    try:
        yield inputs
    finally:
        _COLLECTING.reset(token)
        if outer is not None:
            outer.extend(inputs)
