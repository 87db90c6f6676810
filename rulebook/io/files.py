"""Writing output files: atomically, and as one-line errors when that cannot be done."""

from __future__ import annotations

from pathlib import Path

from rulebook.io.output import write_text

__all__ = ["write_atomically"]


def write_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a
    crash never leaves a half-written file (:func:`rulebook.io.output.write_text`).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_atomically(Path(tmp, "note.txt"), "carried\\n")
    ...     Path(tmp, "note.txt").read_text()
    'carried\\n'
    """
    write_text(path, text)
