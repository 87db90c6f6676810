"""The citation forms a rule book declares (``citations``: "Rule {1}.{2:arabic}.{3}"), checked
as the book is read (docs/numbering.md).

Reading the book needs only this check; the tolerant reading of citations in those forms
(:mod:`rulebook.citing`) is loaded when a citation is read (docs/architecture.md, "Speed").

Examples
--------
>>> [m.groups() for m in place().finditer("Rule {1}.{2:arabic}")]
[('1', None), ('2', 'arabic')]
"""

from __future__ import annotations

import functools
import re

from rulebook.numbering import format_number

__all__ = ["check_form", "place"]


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
@functools.cache
def place() -> re.Pattern[str]:
    """A place for a level's number in a citation form: ``{2}`` or ``{2:arabic}``.

    Examples
    --------
    >>> place().fullmatch("{3:upper-roman}").groups()
    ('3', 'upper-roman')
    """
    return re.compile(r"\{(\d+)(?::([a-z-]+))?\}")


def check_form(form: str, levels: int) -> str | None:
    """Why ``form`` is not a citation form for a book of ``levels`` levels, or None.

    Examples
    --------
    >>> check_form("Rule {1}.{2:arabic}.{3}", 5) is None
    True
    >>> check_form("Rule {2}", 5)
    'its places must be {1}, {2}, ... in order, outermost first, not {2}'
    """
    places = place().findall(form)
    if not places:
        return "it has no place for a number, such as {1}"
    got = [int(n) for n, _ in places]
    if got != list(range(1, len(got) + 1)):
        written = ", ".join(f"{{{n}}}" for n in got)
        return f"its places must be {{1}}, {{2}}, ... in order, outermost first, not {written}"
    if len(got) > levels:
        return f"it cites {len(got)} levels, but the numbering scheme has {levels}"
    for _, style in places:
        if style:
            try:
                format_number(1, style)
            except ValueError:
                return f"unknown numbering style {style!r}"
    return None
