"""Plain scalars without PyYAML: the tag a plain scalar resolves to, and the
common values built here (docs/architecture.md, "Speed").

:data:`RESOLVERS` holds, for each first character a plain scalar may start
with, the implicit types of YAML 1.1 that the full path (PyYAML's safe loader)
tries, in its order: booleans, floats, integers, the merge key ``<<``, nulls,
timestamps, the value key ``=`` (and ``yaml``, which a plain scalar never
reaches). :func:`common` builds the forms rule books write (decimal integers,
decimal fractions, ``YYYY-MM-DD`` dates, the boolean and null words) to the
values PyYAML's constructors give, within the same limits (docs/limits.md) and
with the same errors; every rarer form (hex, octal, binary and base-60 numbers,
underscores, exponents, ``.inf``, timestamps with a time, ``<<``...) is
:data:`RARE`, for the caller to build with PyYAML.

Examples
--------
>>> [resolve(text) for text in ("15", "0.5", "2016-07-12", "Off", "~", "15 per cent")]
['tag:yaml.org,2002:int', 'tag:yaml.org,2002:float', 'tag:yaml.org,2002:timestamp', 'tag:yaml.org,2002:bool', \
'tag:yaml.org,2002:null', None]
>>> common(INT, "-15", "f.yaml", 3), common(TIMESTAMP, "2016-07-12", "f.yaml", 3), common(BOOL, "Off", "f.yaml", 3)
(-15, datetime.date(2016, 7, 12), False)
>>> common(INT, "0x1F", "f.yaml", 3) is RARE
True
>>> common(TIMESTAMP, "2016-02-30", "f.yaml", 3)
Traceback (most recent call last):
...
rulebook.errors.ParseError: f.yaml:3: cannot read value '2016-02-30': day is out of range for month
"""

from __future__ import annotations

import datetime as dt
import math
import re
from collections.abc import Callable
from typing import Any, Final

from rulebook.errors import ParseError

__all__ = [
    "BOOL",
    "FLOAT",
    "INT",
    "MAX_INT_DIGITS",
    "MAX_NUMBER_CHARS",
    "NULL",
    "RARE",
    "RESOLVERS",
    "TIMESTAMP",
    "bounded",
    "clip",
    "common",
    "resolve",
    "too_long",
    "unreadable",
]

#: Longest number literal read (any base; checked before it is converted).
MAX_NUMBER_CHARS = 1000
#: Most decimal digits of an integer value.
MAX_INT_DIGITS = 100
_MAX_INT = 10**MAX_INT_DIGITS

BOOL: Final = "tag:yaml.org,2002:bool"
FLOAT: Final = "tag:yaml.org,2002:float"
INT: Final = "tag:yaml.org,2002:int"
NULL: Final = "tag:yaml.org,2002:null"
TIMESTAMP: Final = "tag:yaml.org,2002:timestamp"


def _words(*words: str) -> str:
    """Each word in lower case, capitalised and in capitals."""
    return "|".join(f"{w}|{w.capitalize()}|{w.upper()}" for w in words)


_SIGN = "[-+]?"
_DIGITS = "[0-9][0-9_]*"  # decimal digits, underscores allowed after the first
_EXPONENT = "(?:[eE][-+][0-9]+)?"  # its sign written out
_SIXTIES = "(?::[0-5]?[0-9])+"  # base 60: ":" then 0 to 59, one digit or two
_TIME = "[0-9][0-9]?:[0-9][0-9]:[0-9][0-9](?:[.][0-9]*)?"
_ZONE = "(?:[ \t]*(?:Z|[-+][0-9][0-9]?(?::[0-9][0-9])?))?"

#: Each implicit type: its tag, what it matches, and the first characters it can start with.
_TYPES: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (BOOL, _words("yes", "no", "true", "false", "on", "off"), tuple("yYnNtTfFoO")),
    (FLOAT,
     rf"{_SIGN}{_DIGITS}[.][0-9_]*{_EXPONENT}|[.][0-9][0-9_]*{_EXPONENT}|{_SIGN}{_DIGITS}{_SIXTIES}[.][0-9_]*"
     rf"|{_SIGN}[.](?:{_words('inf')})|[.](?:nan|NaN|NAN)",
     tuple("-+0123456789.")),
    (INT,
     rf"{_SIGN}(?:0b[01_]+|0[0-7_]+|0|[1-9][0-9_]*|0x[0-9a-fA-F_]+|[1-9][0-9_]*{_SIXTIES})",
     tuple("-+0123456789")),
    ("tag:yaml.org,2002:merge", "<<", ("<",)),
    (NULL, rf"~|{_words('null')}|", ("~", "n", "N", "")),  # "": the empty text
    (TIMESTAMP,
     rf"[0-9]{{4}}-[0-9][0-9]-[0-9][0-9]|[0-9]{{4}}-[0-9][0-9]?-[0-9][0-9]?(?:[Tt]|[ \t]+){_TIME}{_ZONE}",
     tuple("0123456789")),
    ("tag:yaml.org,2002:value", "=", ("=",)),
    ("tag:yaml.org,2002:yaml", "[!&*]", tuple("!&*")),  # never a plain scalar: those characters start something else
)  # fmt: skip


def _table() -> dict[str, tuple[tuple[str, Callable[[str], Any]], ...]]:
    table: dict[str, list[tuple[str, Callable[[str], Any]]]] = {}
    for tag, pattern, firsts in _TYPES:
        # "$": the end of the text, or just before a line break that ends it, as on the full path.
        match = re.compile(f"(?:{pattern})$").match
        for first in firsts:
            table.setdefault(first, []).append((tag, match))
    return {first: tuple(types) for first, types in table.items()}


#: The implicit types a plain scalar may resolve to, by its first character
#: (``""`` for the empty text), each a tag and the ``match`` of its pattern,
#: tried in order: the first that matches gives the tag; none, and it is text.
RESOLVERS: Final = _table()


def resolve(text: str) -> str | None:
    """The tag plain ``text`` resolves to, ``None`` for text.

    Examples
    --------
    >>> resolve("1_000"), resolve("Rule 2"), resolve("")
    ('tag:yaml.org,2002:int', None, 'tag:yaml.org,2002:null')
    """
    for tag, match in RESOLVERS.get(text[:1], ()):
        if match(text):
            return tag
    return None


class _Rare:
    def __repr__(self) -> str:
        return "RARE"


#: What :func:`common` returns for a form it leaves to PyYAML's constructors.
RARE: Final[Any] = _Rare()

_BOOLS = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}
_DECIMAL = re.compile("[-+]?(?:0|[1-9][0-9]*)").fullmatch
_FRACTION = re.compile("[-+]?[0-9]+[.][0-9]*").fullmatch
_DATE = re.compile("([0-9]{4})-([0-9]{2})-([0-9]{2})").fullmatch


def common(tag: str, text: str, file: str, line: int) -> Any:
    """The value of plain ``text`` that resolves to ``tag`` (not text), as the
    full path builds it, or :data:`RARE` for a form left to PyYAML; a value
    outside the limits is a :class:`ParseError` naming ``file`` and ``line``.

    Examples
    --------
    >>> common(FLOAT, "0.05", "f.yaml", 1), common(NULL, "Null", "f.yaml", 1), common(FLOAT, "1e3", "f.yaml", 1)
    (0.05, None, RARE)
    >>> common(INT, "1" * 101, "f.yaml", 2)
    Traceback (most recent call last):
    ...
    rulebook.errors.ParseError: f.yaml:2: number '1111111111111111111111111111111111111111'... (101 characters) \
has more than 100 digits; write a smaller number
    """
    if tag == INT:
        if _DECIMAL(text) is None:
            return RARE
        too_long(text, file, line)
        return bounded(int(text), text, file, line)
    if tag == FLOAT:
        if _FRACTION(text) is None:
            return RARE
        too_long(text, file, line)
        return bounded(float(text), text, file, line)
    if tag == TIMESTAMP:
        date = _DATE(text)
        if date is None:
            return RARE
        try:
            return dt.date(int(date[1]), int(date[2]), int(date[3]))
        except ValueError as exc:
            raise unreadable(text, str(exc), file, line) from None
    if tag == BOOL:
        return _BOOLS.get(text.lower(), RARE)  # (a word then a line break, which "$" lets by: RARE)
    if tag == NULL:
        return None
    return RARE


def too_long(text: str, file: str, line: int) -> None:
    """Refuse a number literal longer than :data:`MAX_NUMBER_CHARS` (before it is converted).

    Examples
    --------
    >>> too_long("0x" + "f" * 999, "f.yaml", 1)
    Traceback (most recent call last):
    ...
    rulebook.errors.ParseError: f.yaml:1: number '0xffffffffffffffffffffffffffffffffffffff'... (1001 characters) \
is longer than 1000 characters; write a smaller number
    """
    if len(text) > MAX_NUMBER_CHARS:
        raise ParseError(
            f"number {clip(text)} is longer than {MAX_NUMBER_CHARS} characters; write a smaller number",
            file=file,
            line=line,
        )


def bounded(value: Any, text: str, file: str, line: int) -> Any:
    """``value``, read from ``text``, unless it is an integer of more than
    :data:`MAX_INT_DIGITS` digits or a float that is not finite.

    Examples
    --------
    >>> bounded(15, "15", "f.yaml", 1), bounded(True, "yes", "f.yaml", 1)
    (15, True)
    >>> bounded(float("inf"), ".inf", "f.yaml", 1)
    Traceback (most recent call last):
    ...
    rulebook.errors.ParseError: f.yaml:1: number '.inf' is not finite; a rule book counts with finite numbers, write one
    """
    if isinstance(value, int) and not isinstance(value, bool) and abs(value) >= _MAX_INT:
        raise ParseError(
            f"number {clip(text)} has more than {MAX_INT_DIGITS} digits; write a smaller number", file=file, line=line
        )
    if isinstance(value, float) and not math.isfinite(value):
        raise ParseError(
            f"number {clip(text)} is not finite; a rule book counts with finite numbers, write one",
            file=file,
            line=line,
        )
    return value


def unreadable(text: str, why: str, file: str, line: int) -> ParseError:
    """The error for ``text`` that cannot be built, and ``why``.

    Examples
    --------
    >>> print(unreadable("abc", "not true or false", "f.yaml", 4))
    f.yaml:4: cannot read value 'abc': not true or false
    """
    return ParseError(f"cannot read value {clip(text)}: {why}", file=file, line=line)


def clip(text: str, width: int = 40) -> str:
    """``repr`` of a value, cut short: an error line never echoes a huge scalar.

    Examples
    --------
    >>> clip("x" * 50, 4)
    "'xxxx'... (50 characters)"
    """
    return repr(text) if len(text) <= width else repr(text[:width]) + f"... ({len(text)} characters)"
