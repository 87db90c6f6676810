"""Reading quantities in the words of a rule: shares, numbers, durations and dates.

A rule states its numbers in words ("20 per cent", "two-thirds", "twelve
members", "three years", "27 September 2018"). :func:`read_quantities` finds
each such phrase in a text, with where it stands and the value it states, so
that a provision can follow the words that state it (docs/provisions.md).

Shares are exact :class:`~fractions.Fraction` values ("15 per cent" is 3/20);
counts and durations are integers; dates are :class:`datetime.date`.

Examples
--------
>>> [(q.text, q.kind, q.value) for q in read_quantities("at least twelve members, 20 per cent, for two years")]
[('at least twelve', 'number', 12), ('20 per cent', 'share', Fraction(1, 5)), ('two years', 'number', 2)]
>>> read_quantities("a two-thirds majority")[0].value
Fraction(2, 3)
"""

from __future__ import annotations

import datetime as dt
import functools
import re
from collections.abc import Iterator
from fractions import Fraction
from typing import Any

import attrs

from rulebook.refs import REF

__all__ = ["Quantity", "as_number", "in_words", "matches", "read_quantities", "why_not_read_as"]

_UNITS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
}  # fmt: skip
_TENS = {"twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90}
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fourth": 4, "fourths": 4,
    "fifth": 5, "fifths": 5, "sixth": 6, "sixths": 6, "seventh": 7, "sevenths": 7, "eighth": 8, "eighths": 8,
    "tenth": 10, "tenths": 10,
}  # fmt: skip
_MONTH_NAMES = (
    "january", "february", "march", "april", "may", "june",
    "july", "august", "september", "october", "november", "december",
)  # fmt: skip
_MONTHS = {m: i + 1 for i, m in enumerate(_MONTH_NAMES)}

_UNIT = "|".join(sorted(_UNITS, key=len, reverse=True))
_TEN = "|".join(_TENS)
# "twenty-one", "one hundred and fifty", "seven"; longest alternatives first.
_TAIL = rf"(?:(?:{_TEN})(?:[-\s](?:one|two|three|four|five|six|seven|eight|nine)\b)?|(?:{_UNIT}))"
_WORDS = rf"(?:(?:{_UNIT}|a)\s+hundred\b(?:(?:\s+and)?\s+{_TAIL}\b)?|{_TAIL})"
_NUMERAL = r"\d+(?:,\d{3})*(?:\.\d+)?"
_NUMBER = rf"(?:{_NUMERAL}|(?:{_WORDS}))"
_DENOM = "|".join(sorted(_DENOMINATORS, key=len, reverse=True))
_BOUND = (
    r"(?:at\s+least|not\s+less\s+than|no\s+fewer\s+than|no\s+less\s+than"
    r"|at\s+most|not\s+more\s+than|no\s+more\s+than|up\s+to)\s+"
)
_DURATION = r"(?P<unit>years?|months?|weeks?|days?)"

_PATTERN = re.compile(
    rf"""
    (?P<date>\b(?P<day>\d{{1,2}})\s+(?P<month>{"|".join(_MONTHS)})\s+(?P<year>\d{{4}})\b
        |\b(?P<iso>\d{{4}}-\d{{2}}-\d{{2}})\b)
    |(?P<times>\bonce\b|\btwice\b)
    |(?P<majority>\ba\s+simple\s+majority\b|\ban\s+absolute\s+majority\b)
    |(?P<half>\b(?:one|a)[-\s]half\b|\bhalf\b)
    |(?P<fraction>(?P<fbound>\b{_BOUND})?(?:\b(?P<fnum>{_WORDS}|a)[-\s](?P<fden>{_DENOM})\b|\b(?P<slash>\d+/\d+)\b))
    |(?P<share>(?P<pbound>\b{_BOUND})?(?P<pnum>(?:\b{_WORDS})|(?:\b{_NUMERAL}))\s*(?:per\s*cent\b|percent\b|%))
    |(?P<count>(?P<cbound>\b{_BOUND})?\b(?P<num>{_NUMBER})\b(?:\s+(?:(?:calendar|full|consecutive)\s+)?{_DURATION}\b)?)
    """,
    re.IGNORECASE | re.VERBOSE,
)


# Where a quantity phrase can begin: a figure, or a word that can open one.
_STARTS = rf"(?<![\w.])\d|\b(?:{_UNIT}|{_TEN}|a|an|half|at|not|no|up|once|twice)\b"
# Text in ASCII is searched lower-cased (as long as before): matching case by case costs
# three times as much at every position.
_STARTS_LOWER = re.compile(_STARTS)


@functools.cache
def _starts_any_case() -> re.Pattern[str]:
    """The search for other text, compiled on first use (docs/architecture.md, "Speed")."""
    return re.compile(_STARTS, re.IGNORECASE)


def _starts(text: str) -> Iterator[re.Match[str]]:
    return _STARTS_LOWER.finditer(text.lower()) if text.isascii() else _starts_any_case().finditer(text)


@attrs.frozen
class Quantity:
    """A phrase stating a quantity: where it stands in the text, and its value.

    ``kind`` is ``share`` (a fraction of a whole: per cent, "two-thirds",
    "a simple majority" = 1/2), ``number`` (a count, or a duration with
    ``unit`` such as ``years``) or ``date``; ``bound`` is ``min`` for "at
    least", ``max`` for "at most", else None.

    Examples
    --------
    >>> q = read_quantities("not more than three years")[0]
    >>> q.kind, q.value, q.unit, q.bound, q.text
    ('number', 3, 'years', 'max', 'not more than three years')
    """

    start: int
    end: int
    text: str
    kind: str
    value: Any
    unit: str | None = None
    bound: str | None = None


def _words_value(words: str) -> int:
    """The value of a number in words: "twenty-one" -> 21, "one hundred and five" -> 105."""
    total = 0
    for token in re.split(r"[-\s]+", words.lower()):
        if token == "a" or token == "and":
            total = total or (1 if token == "a" else total)
            continue
        if token == "hundred":
            total = (total or 1) * 100
        elif token in _TENS:
            total += _TENS[token]
        else:
            total += _UNITS[token]
    return total


def _number(text: str) -> int | Fraction:
    if text[0].isdigit():
        plain = text.replace(",", "")
        value = Fraction(plain)
        return int(value) if value.denominator == 1 else value
    return _words_value(text)


def _bound(text: str | None) -> str | None:
    if text is None:
        return None
    return "max" if re.match(r"at\s+most|not\s+more|no\s+more|up\s+to", text, re.IGNORECASE) else "min"


def _quantity(m: re.Match[str]) -> Quantity | None:
    start, end, text = m.start(), m.end(), m.group(0)
    if m.group("date"):
        try:
            if m.group("iso"):
                day = dt.date.fromisoformat(m.group("iso"))
            else:
                day = dt.date(int(m.group("year")), _MONTHS[m.group("month").lower()], int(m.group("day")))
        except ValueError:
            return None
        return Quantity(start, end, text, "date", day)
    if m.group("times"):
        return Quantity(start, end, text, "number", 1 if text.lower() == "once" else 2, unit="times")
    if m.group("majority"):
        return Quantity(start, end, text, "share", Fraction(1, 2))
    if m.group("half"):
        return Quantity(start, end, text, "share", Fraction(1, 2))
    if m.group("fraction"):
        if m.group("slash"):
            num, den = (int(x) for x in m.group("slash").split("/"))
            if den == 0 or num > den:
                return None
            return Quantity(start, end, text, "share", Fraction(num, den), bound=_bound(m.group("fbound")))
        fnum = m.group("fnum")
        num = 1 if fnum.lower() == "a" else _words_value(fnum)
        den = _DENOMINATORS[m.group("fden").lower()]
        plural = m.group("fden").lower().endswith("s")
        if plural == (num == 1) or num > den:
            return None  # "one thirds", "five thirds": not a share of a whole
        return Quantity(start, end, text, "share", Fraction(num, den), bound=_bound(m.group("fbound")))
    if m.group("share"):
        return Quantity(
            start, end, text, "share", Fraction(_number(m.group("pnum"))) / 100, bound=_bound(m.group("pbound"))
        )
    value = _number(m.group("num"))
    unit = m.group("unit")
    return Quantity(start, end, text, "number", value, unit.lower() if unit else None, _bound(m.group("cbound")))


def read_quantities(text: str | None) -> tuple[Quantity, ...]:
    """Every quantity phrase in ``text``, in order, none overlapping.

    Cross-references (``[[id]]``) are not read.

    Parameters
    ----------
    text:
        A clause's words (None reads as no words).

    Returns
    -------
    tuple of Quantity
        The phrases with their spans and values.

    Examples
    --------
    >>> [q.value for q in read_quantities("Six voting members; 15% of 250; one third; see [[rule.3]]")]
    [6, Fraction(3, 20), 250, Fraction(1, 3)]
    >>> read_quantities("on 27 September 2018")[0].value
    datetime.date(2018, 9, 27)
    """
    if not text:
        return ()
    return _read(text)


# The same words are read again and again (a clause's, in each version it stands in unchanged;
# a member sub-clause's, for its seats and for its women): read them once.
@functools.lru_cache(maxsize=1024)
def _read(text: str) -> tuple[Quantity, ...]:
    refs = [(m.start(), m.end()) for m in REF.finditer(text)]
    out = []
    after = 0
    for start in _starts(text):  # the full pattern is tried only where a quantity can begin
        if start.start() < after:
            continue
        m = _PATTERN.match(text, start.start())
        if m is None or any(a <= m.start() < b for a, b in refs):
            continue
        after = m.end()
        q = _quantity(m)
        if q is not None:
            out.append(q)
    return tuple(out)


def as_number(value: Any) -> Fraction | dt.date | None:
    """A provision leaf as an exact number (a float is read as written: 0.15 is 3/20); None if not a number.

    Examples
    --------
    >>> as_number(0.15), as_number(True), as_number("x")
    (Fraction(3, 20), None, None)
    """
    if isinstance(value, bool):
        return None
    if isinstance(value, int):
        return Fraction(value)
    if isinstance(value, float):
        return Fraction(repr(value))
    if isinstance(value, dt.date):
        return value
    return None


def matches(value: Any, quantity: Quantity) -> bool:
    """Whether a provision leaf states the same value as ``quantity``.

    A share leaf of 0.6667 matches "two-thirds" (values written to four places
    are taken as meant); a count matches only a number phrase.

    Examples
    --------
    >>> q = read_quantities("two-thirds")[0]
    >>> matches(0.6667, q), matches(0.5, q), matches(2, read_quantities("two years")[0])
    (True, False, True)
    """
    number = as_number(value)
    if number is None:
        return False
    if isinstance(number, dt.date) or quantity.kind == "date":
        return bool(number == quantity.value)
    if quantity.kind == "share":
        if isinstance(value, int) and value > 1:
            return False
        return bool(abs(number - quantity.value) < Fraction(1, 20000))
    return bool(number == quantity.value) and not (isinstance(value, float) and 0 < value < 1)


def leaf_value(quantity: Quantity, like: Any) -> Any:
    """The value ``quantity`` states, in the type of the leaf it replaces (int, float or date).

    Examples
    --------
    >>> leaf_value(read_quantities("25 per cent")[0], 0.2), leaf_value(read_quantities("Eight")[0], 6)
    (0.25, 8)
    """
    value = quantity.value
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int):
        return value
    if value.denominator == 1 and isinstance(like, int) and not isinstance(like, bool):
        return int(value)
    return float(value)


# Words just before a share that make it a share to exceed ("more than half"), as a
# majority is; "at least", "not less than" are read as part of the phrase (bound min).
_MORE_THAN = re.compile(r"\b(?:more|greater)\s+than\s+$|\bover\s+$|\bexceed(?:s|ing)?\s+$", re.IGNORECASE)


def _exceeded(text: str, q: Quantity) -> bool:
    """Whether the words say more than the share ``q`` ("a simple majority", "more than half")."""
    return q.kind == "share" and (q.text.lower().endswith("majority") or bool(_MORE_THAN.search(text[: q.start])))


def _unit(q: Quantity) -> str | None:
    return q.unit[:-1] if q.unit and q.unit.endswith("s") else q.unit  # "years" and "year" alike


def why_not_read_as(old_text: str, old: Quantity, new_text: str, new: Quantity) -> str | None:
    """Why ``new`` (in ``new_text``) cannot state the value that ``old`` (in ``old_text``)
    stated, though of the same kind; None when it can (docs/provisions.md).

    A value keeps the unit and the comparison of the words that stated it:
    "24 months" where "two years" stood, or "a simple majority" (more than half)
    where "20 per cent" (a share to reach) stood, states no value of the same
    meaning, and no figure is guessed.

    Examples
    --------
    >>> def why(old, new):
    ...     return why_not_read_as(old, read_quantities(old)[-1], new, read_quantities(new)[-1])
    >>> why("serve two years", "serve 24 months"), why("serve two years", "serve one year")
    ('state months, not years', None)
    >>> why("the backing of 20 per cent", "the backing of a simple majority")
    'state more than a share, where the words stated a share to reach'
    >>> why("more than half of the votes", "a simple majority of the votes")
    """
    if _unit(old) != _unit(new):
        return f"state {new.unit or 'no unit'}, not {old.unit or 'a plain number'}"
    was, now = _exceeded(old_text, old), _exceeded(new_text, new)
    if was == now:
        return None
    if now:
        return "state more than a share, where the words stated a share to reach"
    return "state a share to reach, where the words stated more than a share"


_SMALL = [k for k, _ in sorted(_UNITS.items(), key=lambda kv: kv[1])]


def in_words(n: int) -> str:
    """``n`` (0 to 999) written in words, as a rule book writes it.

    Examples
    --------
    >>> in_words(21), in_words(105), in_words(7)
    ('twenty-one', 'one hundred and five', 'seven')
    """
    if not 0 <= n <= 999:
        raise ValueError(f"{n} is outside 0..999")
    if n >= 100:
        rest = n % 100
        head = f"{_SMALL[n // 100]} hundred"
        return head if rest == 0 else f"{head} and {in_words(rest)}"
    if n < 20:
        return _SMALL[n]
    tens = next(k for k, v in _TENS.items() if v == n - n % 10)
    return tens if n % 10 == 0 else f"{tens}-{_SMALL[n % 10]}"
