"""A fast reader for the block YAML that rule books and motions are written in.

:func:`rulebook.io.yamlsrc.parse` tries it first. It reads a strict subset of
YAML line by line, with string methods: block mappings with plain keys, block
sequences (``- `` items, compact ``- key: value`` mappings, a sequence at its
key's indentation), plain scalars over one line or several (folded as YAML
folds them), quoted scalars on one line (no escapes), the block scalars ``|``,
``|-``, ``>`` and ``>-``, flow collections on one line (``[3, 2]``,
``{op: x, clause: "Rule 1"}``), comments and blank lines. It returns exactly
what the full path (libyaml, then :class:`rulebook.io.yamlsrc.Source`) returns,
or ``None`` as soon as the text steps outside the subset or is in any doubt
(tabs, carriage returns, anchors, tags, ``---``, duplicate keys, a value that
is not valid...): the full path then reads it and reports any error
(docs/architecture.md, "Speed").

A plain scalar gets the tag the full path gives it from :mod:`rulebook.io.yamlplain`,
which also builds its common values without PyYAML (numbers, dates, booleans and
nulls the same as the full path's, with the same limits); the rarer forms it
leaves are built by the caller's ``scalar`` (the full path's own constructors).

Examples
--------
>>> from rulebook.io.yamlsrc import Mapping, Seq
>>> def scalar(tag, value, line):
...     raise ParseError(f"{value!r}: left to PyYAML", file="f.yaml", line=line)
>>> limits = {"max_depth": 200, "max_nodes": 1000}
>>> doc = parse("a: 1\\nb:\\n- x\\n- 'y''s'\\n", "f.yaml", Mapping, Seq, scalar, **limits)
>>> doc, doc.line_of("b"), doc["b"].lines
({'a': 1, 'b': ['x', "y's"]}, 2, [3, 4])
>>> parse("a: &x 1\\n", "f.yaml", Mapping, Seq, scalar, **limits) is None  # an anchor: the full path reads it
True
>>> parse("a: 0x1F\\n", "f.yaml", Mapping, Seq, scalar, **limits) is None  # refused by scalar: the same
True
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

from rulebook.errors import ParseError
from rulebook.io.yamlplain import RARE as _RARE
from rulebook.io.yamlplain import RESOLVERS as _RESOLVERS
from rulebook.io.yamlplain import common as _common
from rulebook.io.yamlscalar import Bail as _Bail
from rulebook.io.yamlscalar import block_scalar, end_of_line, quoted, skip

__all__ = ["parse"]

#: Deepest nesting read here (deeper, and the full path reads it, against its own limit).
_DEPTH = 100
#: Longest key read here: libyaml refuses a key over 1024 characters.
_KEY_CHARS = 1000
#: Characters that cannot start a plain scalar (or that start something else).
_INDICATORS = frozenset("-?:,[]{}#&*!|>'\"%@`")
#: A character libyaml refuses, reads as a line break, or that this reader leaves
#: to it: controls but "\n" (tabs, "\r"), NEL, U+2028 to U+202F, surrogates, the
#: BOM, U+FFFE, U+FFFF (named: a class of all that is allowed is slow to compile).
_OUTSIDE = re.compile("[\x00-\x09\x0b-\x1f\x7f-\x9f\u2028-\u202f\ud800-\udfff\ufeff\ufffe\uffff]")
#: "\n" and the printable ASCII characters (a faster check for ASCII text).
_PRINTABLE_ASCII = bytes(range(0x20, 0x7F)) + b"\n"
#: ``key:`` then a space or the end of the line: a plain key with none of ``:#,[]{}``.
_ENTRY = re.compile(r"([^ \-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*)(?<! ):(?: +|$)(.*)")
#: A plain scalar inside a flow collection (trailing spaces are not part of it).
_FLOW_PLAIN = re.compile(r"[^ \-?:,\[\]{}#&*!|>'\"%@`][^:#,\[\]{}]*")
#: First characters that some implicit resolver looks at (a number, a date, true...).
_RESOLVED = frozenset(key for key in _RESOLVERS if key)
#: First characters that only the resolvers of whole words look at (true, No, off, null...).
_WORDS = frozenset(key for key, rs in _RESOLVERS.items() if key and all(t.endswith((":bool", ":null")) for t, _ in rs))


_Scalar = Callable[[str, str, int], Any]


def parse(
    text: str,
    file: str,
    mapping: type[Any],
    seq: type[Any],
    scalar: _Scalar,
    *,
    max_depth: int,
    max_nodes: int,
) -> Any:
    """The located values of ``text`` (its root ``mapping`` or ``seq``), or
    ``None`` when the full path must read it (also when it is empty).

    ``mapping`` and ``seq`` are the located types (``yamlsrc.Mapping`` and ``Seq``,
    given by the caller, which imports this module); ``scalar(tag, text, line)``
    builds a plain scalar that is not text, of a form :func:`rulebook.io.yamlplain.common`
    leaves to PyYAML, as the full path does (a :class:`ParseError` from it, or from
    ``common``, makes this reader give up, for the full path to report). A text
    near the full path's limits ``max_depth`` and ``max_nodes`` (docs/limits.md)
    is left to it.
    """
    # (A line "---" or "..." at column 0, where a document starts or ends, is never
    # an entry of a collection or a line of a value here: the reader stops at it.)
    if text.isascii():
        if text.encode("ascii").translate(None, _PRINTABLE_ASCII):
            return None
    elif _OUTSIDE.search(text):
        return None
    lines = text.split("\n")
    # A blank line at the end, so that every line has a next one; the last line
    # of the text has no line break when the text does not end with one.
    bare = len(lines) - 1 if lines[-1] else -1
    lines.append("")
    reader = _Reader(lines, file, (mapping, seq), scalar)
    reader.depth, reader.bare = min(_DEPTH, max_depth - 2), bare
    try:
        value = reader.document()
    except (_Bail, ParseError, RecursionError):
        return None
    return None if reader.nodes > max_nodes else value


class _Reader:
    """One text's lines, read once from top to bottom."""

    __slots__ = ("bare", "depth", "file", "heads", "item_heads", "keys", "lines", "mapping_type", "nodes", "scalar_of",
                 "seq_type")  # fmt: skip

    def __init__(self, lines: list[str], file: str, types: tuple[type[Any], type[Any]], scalar: _Scalar) -> None:
        self.lines = lines
        self.depth = _DEPTH  # the deepest collection read
        self.bare = -1  # the line that ends the text without a line break (-1: none)
        self.file = file
        self.mapping_type, self.seq_type = types
        self.scalar_of = scalar
        self.keys: dict[str, str] = {}  # a plain key as written -> the key (`yes:` is 'True', as on the full path)
        self.nodes = 1  # the root
        #: By column: the heads of entries met there (see entry), of a block mapping's
        #: entries (spaces, then the key) and of a sequence's "- key:" items
        self.heads: dict[int, dict[str, str]] = {}
        self.item_heads: dict[int, dict[str, str]] = {}

    def document(self) -> Any:
        j, ind = self.next_content(0)
        if j == len(self.lines):
            return None  # empty: the full path says so
        value, j, _ = self.block(j, ind, 0)
        if j != len(self.lines):
            raise _Bail
        return value

    def next_content(self, j: int) -> tuple[int, int]:
        """The first line from ``j`` that is neither blank nor a comment, and its indentation."""
        lines = self.lines
        end = len(lines)
        while j < end:
            line = lines[j]
            content = line.lstrip(" ")
            if content and content[0] != "#":
                return j, len(line) - len(content)
            j += 1
        return end, -1

    # Each reading method returns the value, the next line that is neither blank
    # nor a comment (or the number of lines), and that line's indentation (or -1).

    def block(self, i: int, col: int, depth: int, parent: int = -1) -> tuple[Any, int, int]:
        """The value that starts at column ``col`` of line ``i``, on a line of
        its own under a key or ``-`` indented ``parent`` (-1: the document)."""
        line = self.lines[i]
        if line.startswith("-", col) and (len(line) == col + 1 or line[col + 1] == " "):
            return self.sequence(i, col, depth)
        match = _ENTRY.match(line, col)
        if match is not None:
            heads = self.heads.get(col) or self.heads.setdefault(col, {})
            return self.block_mapping(i, col, depth, *self.entry(match, line, col, i, heads))
        if parent < 0:
            raise _Bail  # a document that is a scalar (or a quoted or complex key...)
        return self.inline(line, col, i, parent, depth)

    def key(self, raw: str, line: int) -> str:
        key = self.keys.get(raw)
        if key is None:
            if len(raw) > _KEY_CHARS:
                raise _Bail
            key = self.keys[raw] = str(self.plain(raw, line)) if raw[0] in _RESOLVED else raw
        return key

    def block_mapping(self, i: int, n: int, depth: int, key: str, text: str) -> tuple[Any, int, int]:
        """The mapping whose first entry, ``key`` and the ``text`` after it, is at column ``n`` of line ``i``."""
        if depth > self.depth:
            raise _Bail
        lines = self.lines
        out = self.mapping_type()
        key_lines: dict[str, int] = {}
        out.file, out.line, out.lines = self.file, i + 1, key_lines
        heads = self.heads.get(n)
        if heads is None:
            heads = self.heads[n] = {}
        indicators, resolved = _INDICATORS, _RESOLVED
        while True:
            if key in out:
                raise _Bail  # the full path names both lines
            if text and text[0] not in indicators and text[-1] not in " :" and ": " not in text and " #" not in text:
                # The common case, taken here without a call: plain text, and
                # the next line the next entry of this mapping, a key met before
                # at this indentation, then ":" and a space or the end.
                head, colon, rest = lines[i + 1].partition(":")
                known = heads.get(head)
                if known is not None and colon and (not rest or rest[0] == " "):
                    i += 1
                    out[key] = self.plain(text, i) if text[0] in resolved else text
                    key_lines[key] = i
                    key, text = known, rest.lstrip(" ")
                    continue
                nxt = lines[i + 1]
                content = nxt.lstrip(" ")
                ind = len(nxt) - len(content)
                if ind < n and content and content[0] != "#":
                    j = i + 1  # the end of this mapping
                elif ind == n and content and content[0] != "#":
                    j, ind = i + 1, n  # the next entry (a key not met before at this indentation)
                else:
                    text, j, ind = self.continued(text, i + 1, n)  # more lines (or blank lines, or a comment)
                out[key] = self.plain(text, i + 1) if text[0] in resolved else text
            elif not text or text[0] == "#":
                j, ind = self.next_content(i + 1)
                if ind > n:
                    out[key], j, ind = self.block(j, ind, depth + 1, n)
                elif ind == n and lines[j].startswith("- ", n):
                    out[key], j, ind = self.sequence(j, n, depth + 1)  # a sequence at its key's indentation
                else:
                    out[key] = None  # `key:` and nothing: null, as the full path reads ''
            else:
                line = lines[i]
                out[key], j, ind = self.inline(line, len(line) - len(text), i, n, depth + 1)
            key_lines[key] = i + 1
            if ind != n:
                if ind > n:
                    raise _Bail
                break
            i = j
            line = lines[i]
            match = _ENTRY.match(line, n)
            if match is None:
                raise _Bail
            key, text = self.entry(match, line, n, i, heads)
        self.nodes += 2 * len(out)
        return out, j, ind

    def entry(self, match: re.Match[str], line: str, col: int, i: int, heads: dict[str, str]) -> tuple[str, str]:
        """The key and the text after it of the entry ``match`` at column ``col`` of line ``i``,
        its head (the line up to the key's end) kept in ``heads``: a line that starts with
        it is an entry with that key wherever this one would be, when ":" is followed by a
        space or ends the line (so :meth:`block_mapping` and :meth:`sequence` know it
        without the regular expression)."""
        raw, text = match.groups()
        key = self.keys.get(raw) or self.key(raw, i + 1)
        heads[line[: match.end(1)]] = key
        return key, text

    def sequence(self, i: int, n: int, depth: int) -> tuple[Any, int, int]:
        if depth > self.depth:
            raise _Bail
        lines = self.lines
        out = self.seq_type()
        item_lines: list[int] = []
        out.file, out.line, out.lines = self.file, i + 1, item_lines
        append, append_line, entry = out.append, item_lines.append, _ENTRY.match
        heads = self.item_heads.get(n)
        if heads is None:
            heads = self.item_heads[n] = {}
        while True:
            line = lines[i]
            head, colon, rest = line.partition(":")
            known = heads.get(head)
            if known is not None and colon and (not rest or rest[0] == " "):  # "- key:" met before (see entry)
                value, j, ind = self.block_mapping(i, n + 2, depth + 1, known, rest.lstrip(" "))
            else:
                col = n + 2
                content = "-"  # (the usual "- " and a value: only col matters)
                if line[col : col + 1] in ("", " ", "#"):
                    content = line[n + 1 :].lstrip(" ")
                    col = len(line) - len(content)
                if not content or content[0] == "#":
                    # Nothing after "-": the value is on the lines below (its line is
                    # the item's line), or there is none (null, on the line of "-").
                    j, ind = self.next_content(i + 1)
                    if ind > n:
                        i = j
                        value, j, ind = self.block(j, ind, depth + 1, n)
                    elif ind == n and not lines[j].startswith("- ", n):
                        raise _Bail  # a key after an empty item: the full path tells whether it may be there
                    else:
                        value = None
                elif (match := entry(line, col)) is not None:
                    key, text = self.entry(match, line, col, i, heads if col == n + 2 else {})
                    value, j, ind = self.block_mapping(i, col, depth + 1, key, text)
                elif line.startswith("-", col) and (len(line) == col + 1 or line[col + 1] == " "):
                    value, j, ind = self.sequence(i, col, depth + 1)
                else:
                    value, j, ind = self.inline(line, col, i, n, depth + 1)
            append(value)
            append_line(i + 1)
            if ind != n or not lines[j].startswith("- ", n):
                if ind > n:
                    raise _Bail
                break
            i = j
        self.nodes += len(out)
        return out, j, ind

    def inline(self, line: str, start: int, i: int, parent: int, depth: int) -> tuple[Any, int, int]:
        """The scalar or flow collection from column ``start`` of line ``i`` (a
        value in a block collection indented ``parent``)."""
        first = line[start]
        if first in _INDICATORS:
            if first == "'" or first == '"':
                value, end = quoted(line, start)
                end_of_line(line, end)
                return (value, *self.next_content(i + 1))
            if first == "[" or first == "{":
                value, end = self.flow(line, start, i + 1, depth)
                end_of_line(line, end)
                return (value, *self.next_content(i + 1))
            if first == "|" or first == ">":
                value, j = block_scalar(self.lines, self.bare, line, start, i, parent)
                return (value, *self.next_content(j))
            if first != "-" or start + 1 == len(line) or line[start + 1] == " ":
                raise _Bail
        text = line[start:]
        cut = text.find(" #")
        if cut >= 0:
            text = text[:cut]
        text = text.rstrip(" ")
        if ": " in text or text[-1] == ":":
            raise _Bail
        if cut >= 0:
            # A comment ends the scalar: a line indented more after it is the full path's to judge.
            j, ind = self.next_content(i + 1)
            if ind > parent:
                raise _Bail
        else:
            text, j, ind = self.continued(text, i + 1, parent)
        return (self.plain(text, i + 1) if text[0] in _RESOLVED else text), j, ind

    def plain(self, text: str, line: int) -> Any:
        """Plain ``text`` resolved as the full path's resolver does (its first character in ``_RESOLVED``)."""
        if len(text) > 6 and text[0] in _WORDS:
            return text  # longer than any of the words (and a line break that "$" lets by)
        for tag, match in _RESOLVERS[text[0]]:
            if match(text):
                value = _common(tag, text, self.file, line)
                return value if value is not _RARE else self.scalar_of(tag, text, line)
        return text

    def continued(self, text: str, j: int, parent: int) -> tuple[str, int, int]:
        """A plain scalar's first line ``text`` and the lines from ``j`` that continue
        it (indented more than ``parent``), folded as YAML folds them: a space
        between lines, a line break for each blank line between them."""
        lines = self.lines
        pad = " " * (parent + 1)
        pieces = [text]  # joined by spaces; a line after blank lines is added to the piece before
        blank = 0
        end = len(lines)
        while j < end:
            line = lines[j]
            if line.startswith(pad):
                content = line.strip(" ")
                if content:
                    if content[0] == "#":
                        break  # a comment ends the scalar
                    if " #" in content or ": " in content or content[-1] == ":":
                        raise _Bail
                    if blank:
                        pieces[-1] += "\n" * blank + content
                        blank = 0
                    else:
                        pieces.append(content)
                    j += 1
                    continue
            else:
                content = line.lstrip(" ")
                if content:
                    if content[0] == "#":
                        break
                    return " ".join(pieces), j, len(line) - len(content)
            blank += 1
            j += 1
        return (" ".join(pieces), *self.next_content(j))

    def flow(self, line: str, start: int, lineno: int, depth: int) -> tuple[Any, int]:
        """The flow collection at ``start`` (all on one line) and the column after it."""
        if depth > self.depth:
            raise _Bail
        p = skip(line, start + 1)
        if line[start] == "[":
            items = self.seq_type()
            items.file, items.line, items.lines = self.file, lineno, []
            if line.startswith("]", p):
                return items, p + 1
            while True:
                value, p = self.flow_value(line, p, lineno, depth)
                items.append(value)
                items.lines.append(lineno)
                p = skip(line, p)
                if line.startswith(",", p):
                    p = skip(line, p + 1)
                elif line.startswith("]", p):
                    self.nodes += len(items)
                    return items, p + 1
                else:
                    raise _Bail  # more lines, or something this reader does not take
        out = self.mapping_type()
        key_lines: dict[str, int] = {}
        out.file, out.line, out.lines = self.file, lineno, key_lines
        if line.startswith("}", p):
            return out, p + 1
        while True:
            match = _FLOW_PLAIN.match(line, p)
            if match is None or not line.startswith(": ", match.end()) or line[match.end() - 1] == " ":
                raise _Bail
            key = self.key(match.group(), lineno)
            if key in out:
                raise _Bail
            value, p = self.flow_value(line, skip(line, match.end() + 2), lineno, depth)
            out[key] = value
            key_lines[key] = lineno
            p = skip(line, p)
            if line.startswith(",", p):
                p = skip(line, p + 1)
            elif line.startswith("}", p):
                self.nodes += 2 * len(out)
                return out, p + 1
            else:
                raise _Bail

    def flow_value(self, line: str, p: int, lineno: int, depth: int) -> tuple[Any, int]:
        first = line[p : p + 1]
        if first == "[" or first == "{":
            return self.flow(line, p, lineno, depth + 1)
        if first == "'" or first == '"':
            return quoted(line, p)
        match = _FLOW_PLAIN.match(line, p)
        if match is None:
            raise _Bail
        text = match.group().rstrip(" ")
        return (self.plain(text, lineno) if text[0] in _RESOLVED else text), match.end()
