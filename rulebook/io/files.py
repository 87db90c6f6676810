"""Looking paths up and writing output files: atomically, and as one-line errors
when that cannot be done."""

from __future__ import annotations

import stat
from pathlib import Path
from typing import Literal

from rulebook.errors import SchemaError, clip
from rulebook.io.inputs import note
from rulebook.io.output import write_text

__all__ = ["path_kind", "write_atomically"]


def path_kind(path: str | Path) -> Literal["file", "dir", "other", "missing"]:
    """What is at ``path``: a regular ``file``, a ``dir``, ``other`` (a pipe, a
    device) or nothing (``missing``), following links.

    Unlike :meth:`pathlib.Path.is_file`, a path that cannot be looked up at all
    (a name too long, no permission on a directory above it) is a one-line
    error naming the path, cut short, never an ``OSError`` (docs/limits.md).

    Examples
    --------
    >>> path_kind("/dev/null"), path_kind("/"), path_kind("/no/such/file")
    ('other', 'dir', 'missing')
    >>> path_kind("x" * 300)  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rulebook.errors.SchemaError: xxx... (300 characters): cannot look the path up (File name too long); check the path
    """
    try:
        mode = Path(path).stat().st_mode
    except (FileNotFoundError, NotADirectoryError):
        note(path, None)  # a cached history is stale once it appears: rulebook.io.inputs
        return "missing"
    except OSError as exc:
        message = f"cannot look the path up ({exc.strerror or exc}); check the path"
        raise SchemaError(message, file=clip(str(path))) from None
    except ValueError:  # a NUL character in the name
        raise SchemaError("a path cannot contain a NUL character; check the path", file=clip(str(path))) from None
    if stat.S_ISREG(mode):
        return "file"
    return "dir" if stat.S_ISDIR(mode) else "other"


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
