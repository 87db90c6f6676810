"""Safe YAML that remembers where each value came from.

Files are read line by line (:mod:`rulebook.io.yamlblock`) or else parsed with
PyYAML's C-accelerated composer (falling back to pure Python) into nodes, and
the nodes turned into values (:mod:`rulebook.io.yamlnodes`): :class:`Mapping`
and :class:`Seq` are dicts and lists that also carry the line of each entry, so
every later error can name its line. Only plain YAML is accepted: no tags that build
Python objects, no duplicate keys, and bounded size and depth.

Examples
--------
>>> doc = parse("a: 1\\nb:\\n  - x\\n  - y\\n", "f.yaml")
>>> doc["b"], doc.line_of("b"), doc["b"].line_of(1)
(['x', 'y'], 2, 4)
>>> parse("a: 1\\na: 2\\n", "f.yaml")
Traceback (most recent call last):
...
rulebook.errors.ParseError: f.yaml:2: key 'a' appears twice in this mapping (first on line 1); keep one
"""

from __future__ import annotations

import contextlib
import datetime as dt
import difflib
import gc
import os
import stat
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rulebook.errors import ParseError, SchemaError
from rulebook.io import yamlblock
from rulebook.io.inputs import note
from rulebook.io.yamlplain import MAX_INT_DIGITS, MAX_NUMBER_CHARS  # the limits on numbers, built there too

if TYPE_CHECKING:
    from rulebook.io.yamlnodes import Source

__all__ = [
    "MAX_ALIASED",
    "MAX_BYTES",
    "MAX_DEPTH",
    "MAX_INT_DIGITS",
    "MAX_NODES",
    "MAX_NUMBER_CHARS",
    "Mapping",
    "Seq",
    "gc_paused",
    "parse",
    "parse_block",
    "read",
    "read_bounded",
]

#: Largest file accepted, in bytes (documented in docs/file-format.md).
MAX_BYTES = 64 * 1024 * 1024
#: Deepest nesting of YAML collections accepted.
MAX_DEPTH = 200
#: Most values one file may expand to (aliases count each time they are used).
MAX_NODES = 5_000_000
#: Most values that repeated aliases (``*name``) may add: a few are handy, a
#: "billion laughs" of nested aliases is refused at once.
MAX_ALIASED = 100_000


class Mapping(dict[str, Any]):
    """A dict from a YAML file that knows its own line and each key's line.

    Examples
    --------
    >>> doc = parse("op: set_provision\\nvalue: 15\\n", "m.yaml")
    >>> doc.file, doc.line, doc.line_of("value"), doc.line_of("clause")
    ('m.yaml', 1, 2, 1)
    >>> doc.check_keys(["op", "clause", "value"], required=["clause"], what="amendment")
    Traceback (most recent call last):
    ...
    rulebook.errors.SchemaError: m.yaml:1: amendment has no 'clause'; add it
    >>> doc.get_typed("value", str, "amendment 1")
    Traceback (most recent call last):
    ...
    rulebook.errors.SchemaError: m.yaml:2: amendment 1: 'value' must be a string, not a number (15)
    """

    __slots__ = ("file", "line", "lines")  # no __dict__ per value: a book has tens of thousands

    file: str
    line: int
    lines: dict[str, int]

    def line_of(self, key: str) -> int:
        """Line of ``key`` (the mapping's own line when it is absent)."""
        return self.lines.get(key, self.line)

    def error(self, message: str, key: str | None = None, cls: type[SchemaError] = SchemaError) -> SchemaError:
        """An error located at this mapping, or at one of its keys."""
        return cls(message, file=self.file, line=self.line_of(key) if key else self.line)

    def check_keys(self, allowed: Iterable[str], required: Iterable[str] = (), what: str = "entry") -> None:
        """Refuse unknown keys (suggesting the nearest allowed one) and missing ones."""
        allowed = list(allowed)
        for key in self:
            if key not in allowed:
                near = difflib.get_close_matches(key, allowed, n=1)
                hint = f"; did you mean {near[0]!r}?" if near else f"; allowed keys: {', '.join(allowed)}"
                raise self.error(f"unknown key {key!r} in {what}{hint}", key)
        for key in required:
            if key not in self:
                raise self.error(f"{what} has no {key!r}; add it")

    def get_typed(self, key: str, types: type | tuple[type, ...], what: str, default: Any = None) -> Any:
        """``self[key]`` checked against ``types`` (absent: ``default``)."""
        if key not in self or (self[key] is None and default is not None):
            return default
        value = self[key]
        wanted = types if isinstance(types, tuple) else (types,)
        if dt.date in wanted and str not in wanted and isinstance(value, str):
            value = self._quoted_date(key, value, what)
        if isinstance(value, bool) and bool not in wanted:
            ok = False
        else:
            ok = isinstance(value, types)
        if not ok:
            names = " or ".join(
                _TYPE_NAMES.get(t, t.__name__) for t in (types if isinstance(types, tuple) else (types,))
            )
            raise self.error(f"{what}: {key!r} must be {names}, not {_describe(value)}", key)
        return value

    def _quoted_date(self, key: str, value: str, what: str) -> dt.date:
        """A date written in quotes ("2016-07-12"), read as the date it spells."""
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            raise self.error(f"{what}: {key!r} must be a date (YYYY-MM-DD), not {value!r}", key) from None


class Seq(list[Any]):
    """A list from a YAML file that knows its own line and each item's line.

    Examples
    --------
    >>> seq = parse("- fee\\n- [a, b]\\n", "s.yaml")
    >>> seq, seq.line_of(1), seq[1].line
    (['fee', ['a', 'b']], 2, 2)
    """

    __slots__ = ("file", "line", "lines")

    file: str
    line: int
    lines: list[int]

    def line_of(self, index: int) -> int:
        """Line of item ``index``."""
        return self.lines[index] if 0 <= index < len(self.lines) else self.line


_TYPE_NAMES = {str: "a string", int: "a number", float: "a number", bool: "true or false",
               dict: "a mapping", list: "a list", dt.date: "a date (YYYY-MM-DD)",
               type(None): "empty"}  # fmt: skip


def _describe(value: Any) -> str:
    for t, name in _TYPE_NAMES.items():
        if isinstance(value, t) and not (t is int and isinstance(value, bool)):
            return f"{name} ({value!r})" if not isinstance(value, dict | list) else name
    return repr(value)


def parse(text: str, file: str, *, fast: bool = True) -> Any:
    """Parse YAML text into located values; errors name ``file`` and the line.
    Read by :func:`parse_block` if it can, else (or ``fast=False``) by libyaml,
    to the same values; every error is libyaml's (docs/architecture.md, "Speed").

    Examples
    --------
    >>> parse("when: 2016-07-12\\nseats: [3, 2]\\n", "f.yaml")
    {'when': datetime.date(2016, 7, 12), 'seats': [3, 2]}
    >>> parse("", "f.yaml") is None
    True
    >>> parse("a: [1\\n", "f.yaml")
    Traceback (most recent call last):
    ...
    rulebook.errors.ParseError: f.yaml:2: invalid YAML: did not find expected ',' or ']'; check the indentation...
    >>> parse("a: !!python/object:os.system x\\n", "f.yaml")
    Traceback (most recent call last):
    ...
    rulebook.errors.ParseError: f.yaml:1: YAML tag ... is not allowed; use plain values
    """
    # UTF-8 takes at most 4 bytes a character: only a long text is encoded to be measured.
    if len(text) > MAX_BYTES // 4 and len(text.encode("utf-8", "surrogatepass")) > MAX_BYTES:
        raise ParseError(f"file larger than {MAX_BYTES // (1024 * 1024)} MiB; split it", file=file)
    doc = parse_block(text, file) if fast else None
    return doc if doc is not None else _parse_full(text, file)


def parse_block(text: str, file: str) -> Any:
    """``text`` read by :mod:`rulebook.io.yamlblock`, the fast reader of the YAML
    rule books are written in; ``None`` when it is outside what that reads, empty
    or invalid (then :func:`parse` reads it with libyaml, which reports any error).

    Examples
    --------
    >>> parse_block("a: 1\\nb: [x, 'y']\\n", "f.yaml"), parse_block("a: &anchor 1\\n", "f.yaml")
    ({'a': 1, 'b': ['x', 'y']}, None)
    """
    return yamlblock.parse(text, file, Mapping, Seq, _by_pyyaml(file), max_depth=MAX_DEPTH, max_nodes=MAX_NODES)


def _source(file: str) -> Source:
    """The full path's :class:`~rulebook.io.yamlnodes.Source` for ``file``. PyYAML
    is imported here, on the first file or scalar that needs it: a book in the
    YAML the fast reader reads, with common values, never imports it
    (docs/architecture.md, "Speed")."""
    from rulebook.io.yamlnodes import Source

    return Source(file, Mapping, Seq, max_depth=MAX_DEPTH, max_nodes=MAX_NODES, max_aliased=MAX_ALIASED)


def _by_pyyaml(file: str) -> Callable[[str, str, int], Any]:
    """``Source.plain``, for the rarer plain scalars :mod:`rulebook.io.yamlplain`
    leaves to PyYAML's constructors, the source made on the first of them."""
    sources: list[Source] = []

    def plain(tag: str, text: str, line: int) -> Any:
        if not sources:
            sources.append(_source(file))
        return sources[0].plain(tag, text, line)

    return plain


def _parse_full(text: str, file: str) -> Any:
    """:func:`parse` by libyaml's composer and :class:`~rulebook.io.yamlnodes.Source`: any YAML, and every error."""
    from rulebook.io.yamlcompose import compose  # PyYAML: see _source

    try:
        node = compose(text, file)
    except RecursionError:
        raise ParseError(f"nesting deeper than {MAX_DEPTH} levels; flatten the file", file=file) from None
    return None if node is None else _source(file).value(node)


def read(path: str | Path) -> Any:
    """Read and :func:`parse` a file.

    Examples
    --------
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp, "club.yaml")
    ...     _ = path.write_text("rulebook: club\\nversion: '1'\\n")
    ...     doc = read(path)
    >>> doc["version"], doc.line_of("version"), doc.file.endswith("club.yaml")
    ('1', 2, True)
    >>> read("no-such-file.yaml")
    Traceback (most recent call last):
    ...
    rulebook.errors.SchemaError: no-such-file.yaml: no such file; check the path
    """
    p = Path(path)
    try:
        data = read_bounded(p)
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ParseError(f"not UTF-8 text ({exc.reason} at byte {exc.start})", file=str(p)) from None
    return parse(text, str(p))


def read_bounded(path: str | Path, limit: int | None = None) -> bytes:
    """The bytes of ``path``, at most ``limit`` (default :data:`MAX_BYTES`).

    At most ``limit + 1`` bytes are read, whatever the file is: the size a file
    reports is 0 for a pipe or a device, so it cannot be trusted. A pipe (such
    as ``<(...)``) within the limit is read; a character device that is not a
    terminal is read the same way, so ``/dev/null`` is empty and ``/dev/zero``
    is refused once the limit is passed.

    Examples
    --------
    >>> read_bounded("/dev/zero")
    Traceback (most recent call last):
    ...
    rulebook.errors.ParseError: /dev/zero: is a device that does not end, not a file; give the path of a YAML file
    >>> import tempfile
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     _ = Path(tmp, "big.yaml").write_text("x" * 11)
    ...     read_bounded(Path(tmp, "big.yaml"), limit=10)
    Traceback (most recent call last):
    ...
    rulebook.errors.ParseError: .../big.yaml: file larger than 10 bytes; split it
    """
    limit = MAX_BYTES if limit is None else limit
    name = str(path)
    try:
        with open(path, "rb") as handle:
            kind = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(kind):
                raise SchemaError("is a directory, expected a YAML file", file=name)
            device = stat.S_ISCHR(kind) or stat.S_ISBLK(kind)
            chunks = []
            size = 0
            while size <= limit:
                chunk = handle.read(min(1 << 20, limit + 1 - size))
                if not chunk:
                    break
                chunks.append(chunk)
                size += len(chunk)
    except FileNotFoundError:
        raise SchemaError("no such file; check the path", file=name) from None
    except IsADirectoryError:
        raise SchemaError("is a directory, expected a YAML file", file=name) from None
    except OSError as exc:
        raise SchemaError(f"cannot read: {exc.strerror or exc}", file=name) from None
    if size > limit and device:
        raise ParseError("is a device that does not end, not a file; give the path of a YAML file", file=name)
    if size > limit:
        shown = f"{limit // (1024 * 1024)} MiB" if limit >= 1024 * 1024 else f"{limit} bytes"
        raise ParseError(f"file larger than {shown}; split it", file=name)
    data = b"".join(chunks)
    note(path, data, stat.S_ISREG(kind))  # what a cached history depends on: rulebook.io.inputs
    return data


@contextlib.contextmanager
def gc_paused() -> Iterator[None]:
    """Pause the cyclic garbage collector while a book is built.

    Loading allocates hundreds of thousands of small acyclic objects, which
    trigger needless full collections (a 20,000-clause book loads about twice as
    fast without them). The collector is restored, even on error, to the state it
    was in.

    Examples
    --------
    >>> with gc_paused():
    ...     gc.isenabled()
    False
    >>> gc.isenabled()
    True
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()
