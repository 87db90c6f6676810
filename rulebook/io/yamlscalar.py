"""The scalars that :mod:`rulebook.io.yamlblock` reads on their own: quoted scalars
on one line, block scalars (``|``, ``|-``, ``>``, ``>-``), and what may end a line.

Each raises :class:`Bail` when the text is outside what the fast reader takes, or in
doubt: the full path then reads it (docs/architecture.md, "Speed").

Examples
--------
>>> quoted("k: 'it''s' # c", 3), block_scalar(["k: |", "  a", "  b", ""], -1, "k: |", 3, 0, 0)
(("it's", 10), ('a\\nb\\n', 3))
"""

from __future__ import annotations

import re

__all__ = ["Bail", "block_scalar", "end_of_line", "quoted", "skip"]

#: The header of a block scalar this reader takes: no indentation indicator, no ``+``.
_HEADER = re.compile(r"[|>]-?(?: +#.*| *)")


class Bail(Exception):
    """The text is outside the subset, or in doubt: the full path reads it."""


def block_scalar(lines: list[str], bare: int, line: str, start: int, i: int, parent: int) -> tuple[str, int]:
    """The block scalar whose header (``|``, ``>``, then perhaps ``-``) is at ``start`` of line ``i``,
    a value in a block collection indented ``parent``, and the line after its last line
    (``bare``: the line that ends the text without a line break, -1 if none)."""
    header = _HEADER.fullmatch(line, start)
    if header is None:
        raise Bail  # an indentation indicator, "keep" chomping, or something after it
    folded = line[start] == ">"
    strip = line[start + 1 : start + 2] == "-"
    j = i + 1
    leading = 0
    widest = 0
    while j < len(lines) and not lines[j].strip(" "):
        widest = max(widest, len(lines[j]))
        leading += 1
        j += 1
    if j == len(lines):
        raise Bail
    first = lines[j]
    indent = len(first) - len(first.lstrip(" "))
    if indent <= parent or widest > indent:
        raise Bail  # empty, or an indentation libyaml works out otherwise
    pad = " " * indent
    parts: list[str] = []
    blank = 0
    last = j
    while j < len(lines):
        line = lines[j]
        if line.startswith(pad):
            content = line[indent:]
            if not content:
                blank += 1
                j += 1
                continue
            if content[0] == " " and (folded or not content.strip(" ")):
                raise Bail  # a more indented line in a folded scalar, or spaces kept as text
            if parts:
                parts.append("\n" * (blank + 1) if not folded else "\n" * blank if blank else " ")
            parts.append(content)
            blank = 0
            last = j
        elif line.strip(" "):
            break
        else:
            blank += 1
        j += 1
    value = "\n" * leading + "".join(parts)
    if not strip and last != bare:
        value += "\n"  # one line break kept ("clip"), if the last line has one
    return value, last + 1


def skip(line: str, p: int) -> int:
    while line.startswith(" ", p):
        p += 1
    return p


def quoted(line: str, start: int) -> tuple[str, int]:
    """A quoted scalar that ends on its own line, and the column after it."""
    quote = line[start]
    if quote == '"':
        end = line.find('"', start + 1)
        if end < 0 or "\\" in line[start:end]:
            raise Bail  # over several lines, or an escape
        return line[start + 1 : end], end + 1
    end = start + 1
    while True:
        end = line.find("'", end)
        if end < 0:
            raise Bail
        if not line.startswith("''", end):
            return line[start + 1 : end].replace("''", "'"), end + 1
        end += 2


def end_of_line(line: str, end: int) -> None:
    """Only spaces, or spaces and a comment, may follow a value on its line."""
    rest = line[end:]
    if rest and (rest[0] != " " or rest.strip(" ")[:1] not in ("", "#")):
        raise Bail
