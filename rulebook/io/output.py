"""Writing output files the way careful tools do (docs/limits.md, "Output files").

Every command that writes (``apply -o``, ``draft -o``, ``composite -o``,
``render -o``) goes through :func:`write_text` or :func:`staging_dir`:

- a regular file is replaced atomically: the text goes to a temporary file
  beside it (named ``.NAME.rulebook-tmp-XXXXXXXX`` so a leftover is
  recognisable), is flushed to disk and renamed over the target, which keeps
  its mode (and owner, where permitted); a new file gets the user's umask;
- a symbolic link is followed, and the file it points to is replaced;
- a read-only file is refused unless ``force`` is given;
- anything that is not a regular file (a named pipe, ``/dev/stdout``,
  ``/dev/null``, a terminal) is written straight through, never replaced;
- a file with other hard links is rewritten in place, so that every link
  sees the new text (this one case is not atomic);
- ``-`` is standard output;
- the temporary file is removed on every failure path.

Examples
--------
>>> import tempfile
>>> with tempfile.TemporaryDirectory() as tmp:
...     target = Path(tmp, "out.yaml")
...     write_text(target, "one\\n")
...     target.chmod(0o640)
...     write_text(target, "two\\n")
...     target.read_text(), oct(target.stat().st_mode & 0o777), sorted(p.name for p in Path(tmp).iterdir())
('two\\n', '0o640', ['out.yaml'])
"""

from __future__ import annotations

import contextlib
import os
import stat
import sys
from pathlib import Path

from rulebook.errors import OutputError

__all__ = ["TMP_MARK", "staging_dir", "umask", "write_text"]

#: Part of every temporary file's and directory's name: ``.NAME.rulebook-tmp-XXXXXXXX``.
TMP_MARK = ".rulebook-tmp-"


def umask() -> int:
    """The process's umask (read without changing it where ``/proc`` says it).

    Examples
    --------
    >>> 0 <= umask() <= 0o777
    True
    """
    try:
        with open("/proc/self/status", encoding="ascii") as handle:
            for line in handle:
                if line.startswith("Umask:"):
                    return int(line.split()[1], 8)
    except (OSError, ValueError):
        pass
    mask = os.umask(0o022)  # elsewhere: the classic read-by-setting, restored at once
    os.umask(mask)
    return mask


def _fail(target: Path | str, exc: OSError | str) -> OutputError:
    why = exc if isinstance(exc, str) else (exc.strerror or str(exc))
    return OutputError(f"cannot write here: {why}; choose another path", file=str(target))


def write_text(path: str | Path, text: str, *, force: bool = False) -> None:
    """Write ``text`` (UTF-8) to ``path``; ``"-"`` is standard output.

    Parameters
    ----------
    path:
        The output path, as the user gave it.
    text:
        What to write.
    force:
        Replace a read-only file (the directory must still allow it).

    Raises
    ------
    OutputError
        The path is a directory, a read-only file (without ``force``), or
        cannot be written; nothing is left behind.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     target = Path(tmp, "ro.yaml")
    ...     _ = target.write_text("old\\n")
    ...     target.chmod(0o444)
    ...     try:
    ...         write_text(target, "new\\n")
    ...     except OutputError as exc:
    ...         print(str(exc).split(": ", 1)[1])
    ...     write_text(target, "new\\n", force=True)
    ...     target.read_text(), oct(target.stat().st_mode & 0o777)
    is read-only; pass --force to replace it, or choose another path
    ('new\\n', '0o444')
    """
    if str(path) == "-":
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    try:
        info = os.stat(path)  # following links, /proc's too ("/dev/stdout" names a pipe or a terminal)
    except FileNotFoundError:
        info = None
    except OSError as exc:
        raise _fail(path, exc) from None
    if info is not None and stat.S_ISDIR(info.st_mode):
        raise OutputError("is a directory; give a file path", file=str(path))
    if info is not None and not stat.S_ISREG(info.st_mode):
        _write_through(path, Path(path), text)  # opened by the name given: a pipe's link has no real path
        return
    target = Path(os.path.realpath(path))  # a symlink (or a chain of them): the file it points to
    # no write permission bit counts as read-only even for root, as ``rm`` asks
    read_only = info is not None and (not info.st_mode & 0o222 or not os.access(target, os.W_OK))
    if read_only and not force:
        raise OutputError("is read-only; pass --force to replace it, or choose another path", file=str(path))
    if info is not None and info.st_nlink > 1:
        _write_through(path, target, text, truncate=True)  # every hard link sees the new text
        return
    _replace(path, target, text, info)


def _write_through(shown: str | Path, target: Path, text: str, *, truncate: bool = False) -> None:
    """A pipe, a device, a terminal: written to, never replaced (nor truncated,
    but for a regular file with other hard links)."""
    try:
        fd = os.open(target, os.O_WRONLY | getattr(os, "O_NOCTTY", 0) | (os.O_TRUNC if truncate else 0))
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            handle.write(text)
    except OSError as exc:
        raise _fail(shown, exc) from None


def _replace(shown: str | Path, target: Path, text: str, info: os.stat_result | None) -> None:
    try:
        target.parent.mkdir(parents=True, exist_ok=True)  # with the umask, as mkdir does
        import tempfile  # here, not at the top: read-only commands such as `show` never pay for it

        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}{TMP_MARK}", dir=target.parent)
    except OSError as exc:
        raise _fail(shown, exc) from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as handle:
            if info is None:
                os.fchmod(handle.fileno(), 0o666 & ~umask())
            else:
                os.fchmod(handle.fileno(), stat.S_IMODE(info.st_mode))
                # only root (or the owner, for the group) may; the mode is kept anyway
                with contextlib.suppress(OSError):
                    os.fchown(handle.fileno(), info.st_uid, info.st_gid)
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, target)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise _fail(shown, exc) from None
        raise


def staging_dir(target: Path) -> Path:
    """A new, empty directory beside ``target`` (``.NAME.rulebook-tmp-XXXXXXXX``),
    with the permissions ``mkdir`` would give it under the user's umask, to be
    filled and then renamed into place.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     d = staging_dir(Path(tmp, "site"))
    ...     d.name.startswith(".site.rulebook-tmp-"), oct(d.stat().st_mode & 0o777) == oct(0o777 & ~umask())
    (True, True)
    """
    import tempfile

    path = Path(tempfile.mkdtemp(prefix=f".{target.name}{TMP_MARK}", dir=target.parent))
    path.chmod(0o777 & ~umask())
    return path
