"""Writing output files: atomically, and as one-line errors when that cannot be done."""

from __future__ import annotations

import os
import tempfile
from pathlib import Path

from rulebook.errors import OutputError

__all__ = ["write_atomically"]


def write_atomically(path: str | Path, text: str) -> None:
    """Write ``text`` to ``path`` through a temporary file and a rename, so a
    crash never leaves a half-written file.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     write_atomically(Path(tmp, "note.txt"), "carried\\n")
    ...     Path(tmp, "note.txt").read_text()
    'carried\\n'
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}; choose another path", file=str(target)) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise OutputError(f"cannot write here: {exc.strerror}; choose another path", file=str(target)) from None
        raise
