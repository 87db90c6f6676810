"""A cache of built histories, so that the command line answers at once.

Building a history reads every file of the rule book and applies every motion
and ruling; the command line does it on each call, and an editor or a
pre-commit hook calls it on every save. :class:`HistoryCache` keeps each
history it builds in a file of its own, with the exact bytes of every file the
build read and every file it looked for and found missing
(:mod:`rulebook.io.inputs`), and the state of the code that built it. A cached
history is used only when all of them are as they were: every input is read
again and compared byte for byte, so an edit is always seen, whatever the
file's time stamp says (docs/architecture.md, "The history cache").

Nothing else is cached: a build that fails is never stored, so an error is
reported afresh each time, exactly as without the cache. The cache is
best-effort: a cache that cannot be read or written, or a cached file that is
damaged or not the user's own, is passed over and the history built again.

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as tmp:
...     book = Path(tmp, "club.yaml")
...     _ = book.write_text(
...         'rulebook: club\\nversion: "1"\\nnumbering: [{style: arabic}]\\n'
...         'clauses: [{id: fee, text: "The fee is 15 pounds."}]\\n'
...     )
...     cache = HistoryCache(Path(tmp, "cache"))
...     first = cache.load(str(book))
...     again = cache.load(str(book))          # from the cache
...     _ = book.write_text(book.read_text().replace("15", "20"))
...     edited = cache.load(str(book))         # the edit is seen
>>> again == first, edited[-1].clause("fee").text
(True, 'The fee is 20 pounds.')
"""

from __future__ import annotations

import contextlib
import os
import pickle
import stat
import sys
import tempfile
import time
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import attrs

from rulebook.history import History, load_history
from rulebook.io.inputs import Input, recorded

__all__ = ["CACHE_DIR_VARIABLE", "NO_CACHE_VARIABLE", "STALE_AFTER", "HistoryCache", "code_state"]

#: Environment variable naming the cache directory (default
#: ``$XDG_CACHE_HOME/rulebook``, or ``~/.cache/rulebook``).
CACHE_DIR_VARIABLE = "RULEBOOK_CACHE_DIR"
#: Environment variable that turns the cache off when set to anything but ``""`` or ``0``.
NO_CACHE_VARIABLE = "RULEBOOK_NO_CACHE"

#: An entry not written for this long is removed when another is written (a book
#: not built since, or a working directory gone); one still in use is built again.
STALE_AFTER = 30 * 24 * 3600.0
#: A temporary file left this long by a write that was cut off is removed.
_TEMPORARY_STALE_AFTER = 3600.0

#: Bumped whenever what an entry holds changes shape.
_FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent.parent
#: Packages whose code decides what a loaded history is, besides rulebook's own.
_DEPENDENCIES = ("yaml", "attr", "attrs", "pyrsistent", "immutabledict")


def code_state() -> tuple[Any, ...]:
    """What the code that builds a history is: the Python, and the size and
    modification time of every module of rulebook and of the packages it reads
    and builds with. A cached history built by other code is not used.

    Examples
    --------
    >>> code_state() == code_state(), code_state()[0] == sys.version
    (True, True)
    """
    import importlib.util

    files: list[str] = []
    for folder, _, names in os.walk(_PACKAGE):
        files.extend(os.path.join(folder, n) for n in names if n.endswith((".py", ".so", ".pyd")))
    for name in _DEPENDENCIES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            files.append(spec.origin)
    state: list[Any] = [sys.version, sys.executable]
    for name in sorted(files):
        try:
            info = os.stat(name)
        except OSError:
            continue
        state.append((name, info.st_size, info.st_mtime_ns))
    return tuple(state)


def _unchanged(inputs: tuple[Input, ...]) -> bool:
    """Every input reads as it did (the same bytes; still missing if it was)."""
    for item in inputs:
        try:
            with open(item.path, "rb") as handle:
                if not stat.S_ISREG(os.fstat(handle.fileno()).st_mode):
                    return False
                data = handle.read()
        except (FileNotFoundError, NotADirectoryError):
            data = None
        except OSError:
            return False
        if data != item.data:
            return False
    return True


def _own(info: os.stat_result) -> bool:
    """Owned by this user and writable by nobody else: a cached file is unpickled,
    so one that another user could have written is never read."""
    getuid = getattr(os, "getuid", None)
    return getuid is not None and info.st_uid == getuid() and not info.st_mode & (stat.S_IWGRP | stat.S_IWOTH)


@attrs.frozen
class HistoryCache:
    """Histories built by :func:`rulebook.load_history`, kept in ``directory``."""

    directory: Path = attrs.field(converter=Path)

    @classmethod
    def from_environment(cls, environ: Mapping[str, str] | None = None) -> HistoryCache | None:
        """The cache the environment asks for: ``None`` when ``RULEBOOK_NO_CACHE``
        is set; else in ``RULEBOOK_CACHE_DIR``, ``$XDG_CACHE_HOME/rulebook`` or
        ``~/.cache/rulebook``.

        Examples
        --------
        >>> HistoryCache.from_environment({"RULEBOOK_NO_CACHE": "1"}) is None
        True
        >>> HistoryCache.from_environment({"RULEBOOK_CACHE_DIR": "/tmp/rb"}).directory
        PosixPath('/tmp/rb')
        >>> HistoryCache.from_environment({"XDG_CACHE_HOME": "/tmp/xdg"}).directory
        PosixPath('/tmp/xdg/rulebook')
        """
        env = os.environ if environ is None else environ
        if env.get(NO_CACHE_VARIABLE, "") not in ("", "0"):
            return None
        if env.get(CACHE_DIR_VARIABLE):
            return cls(Path(env[CACHE_DIR_VARIABLE]))
        if env.get("XDG_CACHE_HOME"):
            return cls(Path(env["XDG_CACHE_HOME"]) / "rulebook")
        return cls(Path.home() / ".cache" / "rulebook")

    def entry(self, path: str) -> tuple[Path, str]:
        """The file that keeps the history of ``path`` as given from this working
        directory (its messages name files as the path was given, so each spelling
        has its own), and the key it is filed under. The file name is a checksum
        of the key; the key itself is kept in the file and compared, so two keys
        that share a name only ever cost a rebuild."""
        import binascii

        key = f"{os.getcwd()}\0{path}"
        data = key.encode("utf-8", "surrogatepass")
        name = f"{binascii.crc32(data):08x}{binascii.crc32(data[::-1]):08x}"
        return self.directory / f"{name}.pickle", key

    def load(self, path: str) -> History:
        """The history of ``path``: from the cache when every file it was built
        from is unchanged, else built (and kept when it builds).

        Raises whatever :func:`rulebook.load_history` raises: errors are never cached.
        """
        try:
            entry, key = self.entry(path)
        except OSError:  # the working directory is gone
            return load_history(path)
        state = (key, code_state())
        cached = self._read(entry, state)
        if cached is not None:
            return cached
        with recorded() as inputs:
            history = load_history(path)
        if all(item.regular for item in inputs):
            self._write(entry, state, tuple(inputs), history)
        return history

    def _read(self, entry: Path, state: tuple[Any, ...]) -> History | None:
        try:
            fd = os.open(entry, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
        except (OSError, ValueError):
            return None
        try:
            with os.fdopen(fd, "rb") as handle:
                if not _own(os.fstat(handle.fileno())) or not _own(os.stat(self.directory)):
                    return None
                unpickler = pickle.Unpickler(handle)
                header = unpickler.load()
                if header[:2] != (_FORMAT, state) or not _unchanged(header[2]):
                    return None
                history = unpickler.load()
        except Exception:  # a damaged or foreign entry is passed over, whatever it raises
            return None
        return history if isinstance(history, History) else None

    def _write(self, entry: Path, state: tuple[Any, ...], inputs: tuple[Input, ...], history: History) -> None:
        try:
            self.directory.mkdir(mode=0o700, parents=True, exist_ok=True)
            if not _own(os.stat(self.directory)):
                return
            fd, temporary = tempfile.mkstemp(dir=self.directory, prefix=".tmp-", suffix=".pickle")
        except OSError:
            return
        try:
            with os.fdopen(fd, "wb") as handle:
                pickler = pickle.Pickler(handle, protocol=pickle.HIGHEST_PROTOCOL)
                pickler.dump((_FORMAT, state, inputs))
                pickler.dump(history)
            os.replace(temporary, entry)
        except Exception:  # a history that cannot be kept is still the answer
            with contextlib.suppress(OSError):
                os.unlink(temporary)
            return
        self.prune()

    def prune(self, now: float | None = None) -> int:
        """Remove the entries not written for :data:`STALE_AFTER` seconds (and
        temporary files left by writes cut off), so that the cache does not grow
        without end; called after each write. Returns how many files went.

        Examples
        --------
        >>> import tempfile, time
        >>> with tempfile.TemporaryDirectory() as tmp:
        ...     _ = Path(tmp, "0123456789abcdef.pickle").write_bytes(b"")
        ...     cache = HistoryCache(Path(tmp))
        ...     cache.prune(), cache.prune(now=time.time() + STALE_AFTER + 1)
        (0, 1)
        """
        now = time.time() if now is None else now
        removed = 0
        try:
            with os.scandir(self.directory) as entries:
                for item in entries:
                    name = item.name
                    if name.startswith(".tmp-"):
                        limit = _TEMPORARY_STALE_AFTER
                    elif name.endswith(".pickle") and len(name) == 23:
                        limit = STALE_AFTER
                    else:
                        continue  # not ours: left alone
                    with contextlib.suppress(OSError):
                        info = item.stat(follow_symlinks=False)
                        if stat.S_ISREG(info.st_mode) and _own(info) and now - info.st_mtime > limit:
                            os.unlink(item.path)
                            removed += 1
        except OSError:
            pass
        return removed
