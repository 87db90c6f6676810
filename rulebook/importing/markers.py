"""Clause markers at the start of a line: ``Chapter 4``, ``Clause II.``, ``3.2.1``, ``(b)``, ``iv)``.

A marker is read into :class:`Part` objects, one per numbering level it names
(``Chapter 4, Clause II.2`` has three), each with its label, its token and how
it is wrapped; the tree builder decides which level each part belongs to
(``docs/import.md``, "How numbers are recognised").

Examples
--------
>>> m = read_marker("Chapter 4, Clause II.2 Procedural rules")
>>> [(p.label, p.token) for p in m.parts], m.rest
([('Chapter', '4'), ('Clause', 'II'), (None, '2')], 'Procedural rules')
>>> [p.token for p in read_marker("7. (d) the chair").parts]
['7', 'd']
>>> read_marker("(iv) members may vote").parts[0].wrap
'paren'
>>> read_marker("Rule 3 of these rules applies.") is None
True
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import attrs

from rulebook.numbering import format_number

__all__ = ["LABEL_WORDS", "Marker", "Part", "read_marker", "starts_with_citation", "style_candidates", "value_of"]

#: Words that label a numbering level when they stand before a number at the start of a line.
LABEL_WORDS = (
    "Chapter", "Clause", "Article", "Rule", "Section", "Schedule", "Part", "Appendix", "Annex",
    "Paragraph", "Regulation", "Standing Order", "Bye-law", "Byelaw", "By-law", "Bylaw", "Title", "Division",
)  # fmt: skip

_TOKEN = r"(?:\d{1,4}[A-Za-z]?|[IVXLCDM]{1,7}|[ivxlcdm]{1,7}|[A-Za-z]{1,2})"
#: What may stand between a number and its words: a stop and a dash together (``1. \u2014 Name``),
#: one of them, a wide space, or nothing (the end of the line).
_GAP_AFTER = re.compile(r"^(?:\s*[.:)]?\s*(?:[\u2013\u2014]|(?<=\s)-|^-)\s*|\s*[.:)]\s*|\s{2,}|\t+|\s*$)")


@attrs.frozen
class Part:
    """One level named by a marker: ``label`` (``"Chapter"`` or None), ``token``
    (``"4"``, ``"II"``, ``"b"``), ``wrap`` (``label``, ``paren`` for ``(b)``,
    ``close`` for ``b)``, ``plain`` for ``b.`` or ``3.2``)."""

    label: str | None
    token: str
    wrap: str


@attrs.frozen
class Marker:
    """The parts a line starts with, and the rest of the line after them."""

    parts: tuple[Part, ...]
    rest: str


def _label_alternation(words: Iterable[str]) -> str:
    ordered = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(piece) for piece in w.split()) for w in ordered)


def _patterns(labels: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    alternation = _label_alternation(labels)
    labelled = re.compile(rf"(?P<label>{alternation})(?:\s+|(?=\d))(?P<token>{_TOKEN})\b", re.IGNORECASE)
    plain = re.compile(rf"\((?P<ptoken>{_TOKEN})\)|(?P<token>{_TOKEN})(?P<close>\))?")
    return labelled, plain


_CACHE: dict[tuple[str, ...], tuple[re.Pattern[str], re.Pattern[str]]] = {}


def _compiled(labels: tuple[str, ...]) -> tuple[re.Pattern[str], re.Pattern[str]]:
    if labels not in _CACHE:  # a handful of label sets per run: a bounded cache
        _CACHE[labels] = _patterns(labels)
    return _CACHE[labels]


def _one_part(text: str, pos: int, labels: tuple[str, ...], first: bool) -> tuple[Part, int] | None:
    labelled, plain = _compiled(labels)
    m = labelled.match(text, pos)
    if m:
        word = " ".join(m.group("label").split())
        canon = next((w for w in labels if w.lower() == word.lower()), word)
        if word.isupper() or word == canon or word.istitle():
            return Part(canon, m.group("token"), "label"), m.end()
    m = plain.match(text, pos)
    if not m:
        return None
    if m.group("ptoken"):
        return Part(None, m.group("ptoken"), "paren"), m.end()
    token = m.group("token")
    if not first and not token:
        return None
    end = m.end()
    if end < len(text) and (text[end].isalnum()):
        return None
    return Part(None, token, "close" if m.group("close") else "plain"), end


def _read_parts(text: str, labels: tuple[str, ...]) -> tuple[list[Part], int] | None:
    got = _one_part(text, 0, labels, True)
    if got is None:
        return None
    parts = [got[0]]
    pos = got[1]
    while pos < len(text):
        if parts[-1].wrap == "close":
            break
        m = re.compile(r"\.(?=[0-9A-Za-z(])|\s*,\s*(?=[A-Za-z(])|(?<=\))(?=\()").match(text, pos)
        if not m:
            break
        nxt = _one_part(text, m.end(), labels, False)
        if nxt is None or (m.group().strip() == "," and nxt[0].wrap == "plain"):
            break
        parts.append(nxt[0])
        pos = nxt[1]
    return parts, pos


def read_marker(text: str, labels: tuple[str, ...] = LABEL_WORDS) -> Marker | None:
    """The marker a line starts with, or None when it starts with running text.

    A labelled marker (``Rule 3``) must be followed by punctuation, two spaces,
    the end of the line, or a capital (so ``Rule 3 of these rules`` is prose);
    a bare one (``3``, ``b``) by ``.``, ``)``, two spaces or the end of the line,
    unless it has several parts (``3.2.1``). A second marker straight after
    the first (``7. (d)``) becomes more parts of the same marker.

    Examples
    --------
    >>> read_marker("A. Membership").parts
    (Part(label=None, token='A', wrap='plain'),)
    >>> read_marker("3.2.1 The chair may vote.").rest
    'The chair may vote.'
    >>> read_marker("CLAUSE IV. AIMS AND VALUES").parts[0].label
    'Clause'
    >>> read_marker("I think so") is None, read_marker("2016 was a year") is None
    (True, True)
    """
    stripped = text.strip()
    got = _read_parts(stripped, labels)
    if got is None:
        return None
    parts, pos = got
    after = stripped[pos:]
    gap = _GAP_AFTER.match(after)
    if parts[0].wrap == "label":
        if not gap and not re.match(r"\s+[A-Z0-9\"'\u2018\u201c(\[]", after):
            return None
    elif (len(parts) == 1 and parts[0].wrap == "plain" and not gap) or (not gap and not after.startswith(" ")):
        return None
    rest = after
    if gap:
        rest = after[gap.end() :]
    rest = rest.strip()
    # A second marker straight after the first: "7. (d) text", "Chapter 4. Clause II"
    if rest and parts[-1].wrap != "close" and not re.match(r"\s*[.:]?(?:\s{2,}|\t)", after):
        again = _read_parts(rest, labels)
        if again is not None and (again[0][0].wrap in ("paren", "label")):
            follow = read_marker(rest, labels)
            if follow is not None:
                return Marker(tuple(parts) + follow.parts, follow.rest)
    if parts[0].wrap == "plain" and len(parts) == 1 and not style_candidates(parts[0].token):
        return None
    return Marker(tuple(parts), rest)


def starts_with_citation(text: str, labels: tuple[str, ...] = LABEL_WORDS) -> bool:
    """Whether a text begins with a label and a number (``Rule 3 of ...``), as a sentence about a clause does.

    Examples
    --------
    >>> starts_with_citation("Rule 3 applies"), starts_with_citation("Rules of debate")
    (True, False)
    """
    return read_marker(text, labels) is not None or _compiled(labels)[0].match(text.strip()) is not None


_ROMAN_OK = re.compile(r"^[ivxlcdm]+$")


def value_of(token: str, style: str) -> int | None:
    """The position a token stands for in a style, or None when it is not of that style.

    Examples
    --------
    >>> value_of("iv", "lower-roman"), value_of("D", "upper-alpha"), value_of("12A", "arabic")
    (4, 4, 12)
    >>> value_of("iv", "upper-roman") is None
    True
    """
    if style == "arabic":
        m = re.match(r"^(\d+)[A-Za-z]?$", token)
        return int(m.group(1)) if m and int(m.group(1)) > 0 else None
    upper = style.startswith("upper")
    if token != (token.upper() if upper else token.lower()) or not token.isalpha():
        return None
    low = token.lower()
    if style.endswith("roman"):
        if not _ROMAN_OK.match(low):
            return None
        for n in range(1, 400):
            if format_number(n, "lower-roman") == low:
                return n
        return None
    n = 0
    for ch in low:
        n = n * 26 + (ord(ch) - ord("a") + 1)
    return n


def style_candidates(token: str) -> tuple[str, ...]:
    """The numbering styles a token may belong to, the likelier first.

    Examples
    --------
    >>> style_candidates("i"), style_candidates("ii"), style_candidates("C"), style_candidates("7")
    (('lower-roman', 'lower-alpha'), ('lower-roman',), ('upper-alpha',), ('arabic',))
    """
    if re.match(r"^\d+[A-Za-z]?$", token):
        return ("arabic",)
    if not token.isalpha():
        return ()
    case = "upper" if token.isupper() else "lower" if token.islower() else None
    if case is None:
        return ()
    out = []
    roman = value_of(token, f"{case}-roman")
    if roman is not None and (len(token) > 1 or token.lower() in "ivx"):
        out.append(f"{case}-roman")
    if len(token) == 1 or (len(token) == 2 and roman is None):
        out.append(f"{case}-alpha")
    return tuple(out)
