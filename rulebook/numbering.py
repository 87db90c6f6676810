"""Numbering styles, clause numbers, citations, and resolving citations back to clauses.

A clause's number is its pinned ``number`` or else its position among its
siblings in the level's style, counting only unpinned siblings (so pinning
"2A" between 2 and 3 renumbers nothing). A citation joins labelled levels with
``", "`` and appends unlabelled levels with ``"."``, unless a level says how
(``join``). A name the strict reading cannot place is read again as
organisations write citations (:mod:`rulebook.citing`).

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("b", "1",
...     [Level("arabic", "Chapter {n}"), Level("upper-roman", "Clause {n}"), Level("arabic")],
...     [Clause("c1", children=[Clause("c1.i"), Clause("c1.ii", children=[Clause("x"), Clause("y")])])])
>>> citation(v, "y")
'Chapter 1, Clause II.2'
>>> resolve(v, "chapter 1,  clause II.2").id
'y'
>>> resolve(v, "y").id
'y'
"""

from __future__ import annotations

import difflib
import functools
import re

from rulebook.errors import CitationError
from rulebook.model import Clause, Level, Version, walk

__all__ = ["all_citations", "citation", "format_number", "numbers", "resolve", "resolve_id"]

_ROMAN = (
    (1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"),
    (50, "l"), (40, "xl"), (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"),
)  # fmt: skip


@functools.lru_cache(maxsize=4096)  # every run of siblings numbers 1, 2, 3, ... again
def format_number(n: int, style: str) -> str:
    """The ``n``-th number (1-based) in a numbering style.

    Examples
    --------
    >>> [format_number(4, s) for s in ("arabic", "upper-roman", "lower-roman", "upper-alpha")]
    ['4', 'IV', 'iv', 'D']
    >>> format_number(28, "lower-alpha")
    'ab'
    """
    if n < 1:
        raise ValueError(f"numbers start at 1, not {n}")
    if style == "arabic":
        return str(n)
    if style.endswith("roman"):
        out, rest = [], n
        for value, glyph in _ROMAN:
            while rest >= value:
                out.append(glyph)
                rest -= value
        text = "".join(out)
    elif style.endswith("alpha"):
        letters = []
        rest = n
        while rest:
            rest, r = divmod(rest - 1, 26)
            letters.append(chr(ord("a") + r))
        text = "".join(reversed(letters))
    else:
        raise ValueError(f"unknown numbering style {style!r}")
    return text.upper() if style.startswith("upper") else text


def numbers(siblings: tuple[Clause, ...], level: Level) -> list[str]:
    """The numbers of a run of siblings at one level.

    Examples
    --------
    >>> numbers((Clause("a"), Clause("b", number="1A"), Clause("c")), Level("arabic"))
    ['1', '1A', '2']
    """
    out = []
    counter = 0
    for clause in siblings:
        if clause.number is not None:
            out.append(clause.number)
        else:
            counter += 1
            out.append(format_number(counter, level.style))
    return out


def duplicate_number(siblings: tuple[Clause, ...], level: Level) -> tuple[Clause, Clause, str] | None:
    """Two siblings that would carry the same number (a pinned number equal to
    another, or to a positional one), which would make citations ambiguous.

    Examples
    --------
    >>> duplicate_number((Clause("a"), Clause("b", number="2"), Clause("c")), Level("arabic"))
    (Clause(id='b', ...), Clause(id='c', ...), '2')
    >>> duplicate_number((Clause("a"), Clause("b", number="1A")), Level("arabic")) is None
    True
    """
    if all(clause.number is None for clause in siblings):
        return None  # positions 1, 2, 3, ... never print alike in one style
    seen: dict[str, Clause] = {}
    for clause, number in zip(siblings, numbers(siblings, level), strict=True):
        key = number.strip().casefold()
        if key in seen:
            return seen[key], clause, number
        seen[key] = clause
    return None


def _level(version: Version, depth: int) -> Level:
    if depth >= len(version.numbering):
        raise CitationError(
            f"version {version.label!r} numbers {len(version.numbering)} levels, but a clause sits at depth {depth + 1}"
        )
    return version.numbering[depth]


def _join(parts: list[tuple[Level, str]]) -> str:
    segments: list[str] = []
    for level, number in parts:
        shown = number if level.label is None else level.label.replace("{n}", number)
        if segments and level.join is not None:
            segments[-1] += level.join + shown
        elif level.label is not None or not segments:
            segments.append(shown)
        else:
            segments[-1] += "." + shown
    return ", ".join(segments)


def join_citation(parts: list[tuple[Level, str]]) -> str:
    """The citation written from each level's numbering and the number at that level,
    top down: labelled levels start a segment, unlabelled ones add ``.number``.

    Examples
    --------
    >>> from rulebook.model import Level
    >>> join_citation([(Level("arabic", "Chapter {n}"), "4"), (Level("upper-roman", "Clause {n}"), "II"),
    ...                (Level("arabic"), "2")])
    'Chapter 4, Clause II.2'
    """
    return _join(parts)


def citation(version: Version, clause_id: str) -> str:
    """The citation of a clause in this version, e.g. ``Chapter 4, Clause II.2.B.i``.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha", "({n})")],
    ...             [Clause("fee", children=[Clause("fee.late", text="Late payers pay double.")])])
    >>> citation(v, "fee.late")
    'Rule 1, (a)'
    """
    parts = []
    siblings = version.clauses
    for depth, i in enumerate(version.path(clause_id)):
        level = _level(version, depth)
        parts.append((level, numbers(siblings, level)[i]))
        siblings = siblings[i].children
    return _join(parts)


def all_citations(version: Version) -> dict[str, str]:
    """Citation of every clause, by id, in document order (one pass over the tree).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha", "({n})")],
    ...             [Clause("fee", children=[Clause("fee.late", text="Late payers pay double.")]),
    ...              Clause("vote", text="Members vote.")])
    >>> all_citations(v)
    {'fee': 'Rule 1', 'fee.late': 'Rule 1, (a)', 'vote': 'Rule 2'}
    """
    return dict(version.derived("citations", lambda: _all_citations(version)))


def _all_citations(version: Version) -> dict[str, str]:
    out: dict[str, str] = {}

    def visit(siblings: tuple[Clause, ...], prefix: list[tuple[Level, str]], depth: int) -> None:
        if not siblings:
            return
        level = _level(version, depth)
        for clause, number in zip(siblings, numbers(siblings, level), strict=True):
            parts = prefix + [(level, number)]
            out[clause.id] = _join(parts)
            visit(clause.children, parts, depth + 1)

    visit(version.clauses, [], 0)
    return out


_TOKEN = r"([0-9A-Za-z]+)"


_SEPARATOR = re.compile(r"\s*[,.]?\s*")
_NUMBER = re.compile(_TOKEN)


@functools.lru_cache(maxsize=256)
def _label_pattern(label: str) -> re.Pattern[str]:
    before, _, after = label.partition("{n}")
    esc = [r"\s+".join(re.escape(w) for w in part.split()) for part in (before, after)]
    gap_before = r"\s*" if before and not before.endswith(" ") else ""
    return re.compile(esc[0] + (r"\s*" if before.endswith(" ") else gap_before) + _TOKEN + esc[1], re.IGNORECASE)


#: A run of siblings' numbers: exact number -> clause, lower-cased number -> the one
#: clause numbered so but for case (None when several are), clause id -> position.
_Index = tuple[dict[str, Clause], dict[str, Clause | None], dict[str, int]]


def _number_index(siblings: tuple[Clause, ...], level: Level) -> _Index:
    exact: dict[str, Clause] = {}
    folded: dict[str, Clause | None] = {}
    where: dict[str, int] = {}
    for i, (clause, number) in enumerate(zip(siblings, numbers(siblings, level), strict=True)):
        exact.setdefault(number, clause)
        low = number.lower()
        folded[low] = None if low in folded else clause
        where[clause.id] = i
    return exact, folded, where


#: In a version's map of indexes, a run of siblings none of which pins its number:
#: the n-th is numbered n in the level's style, so a number is read without an index.
_POSITIONAL: _Index = ({}, {}, {})

_STYLES = ("arabic", "upper-roman", "lower-roman", "upper-alpha", "lower-alpha")


def _find(
    by_parent: dict[str, _Index], parent: str, siblings: tuple[Clause, ...], level: Level, token: str
) -> tuple[int, Clause] | None:
    """(position, clause) of the sibling numbered ``token`` (exactly, or but for case
    when only one is), or None.

    Motions resolve many citations in the same base, so what a run of siblings
    needs is kept per version (docs/architecture.md, "Speed"): nothing but a mark
    when no sibling pins its number (the number is read back into a position),
    else an index of its numbers; ``by_parent`` holds the version's, by parent id."""
    index = by_parent.get(parent)
    if index is None:
        index = by_parent[parent] = _POSITIONAL if _unpinned(siblings, level) else _number_index(siblings, level)
    if index is _POSITIONAL:
        n = position_of(token, level.style, len(siblings))
        return None if n is None else (n - 1, siblings[n - 1])
    exact, folded, where = index
    found = exact.get(token) or folded.get(token.lower())
    return None if found is None else (where[found.id], found)


def _indexes(version: Version) -> dict[str, _Index]:
    return version.derived("numbers", dict)


def _unpinned(siblings: tuple[Clause, ...], level: Level) -> bool:
    if level.style not in _STYLES:
        return False  # numbers() says what is wrong
    pins = [clause.number for clause in siblings]
    return pins.count(None) == len(pins)


_ROMAN_DIGITS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
_SHORT_RUN = 64  # most runs of siblings: their numbers, lower-cased, are looked up, not parsed


@functools.lru_cache(maxsize=256)  # one per style and length of run
def _lowered(style: str, count: int) -> dict[str, int]:
    return {format_number(n, style).lower(): n for n in range(1, count + 1)}


def position_of(token: str, style: str, count: int) -> int | None:
    """The n (1 to ``count``) whose number in ``style`` is ``token`` but for case, or None:
    the inverse of :func:`format_number`, for a run of siblings none of which pins its number.

    Examples
    --------
    >>> position_of("IV", "upper-roman", 9), position_of("iv", "upper-roman", 9), position_of("IIII", "upper-roman", 9)
    (4, 4, None)
    >>> position_of("ab", "lower-alpha", 30), position_of("07", "arabic", 30), position_of("31", "arabic", 30)
    (28, None, None)
    """
    low = token.lower()
    n = 0
    if style == "arabic":  # digits as str(n) writes them: no sign, space or leading zero
        if not (low.isascii() and low.isdigit()) or low[0] == "0" or len(low) > 18 or int(low) > count:
            return None
        return int(low)
    if count <= _SHORT_RUN:
        return _lowered(style, count).get(low)
    if style.endswith("roman"):
        last = 0
        for ch in reversed(low):
            value = _ROMAN_DIGITS.get(ch)
            if value is None:
                return None
            n = n - value if value < last else n + value
            last = max(last, value)
    elif style.endswith("alpha"):
        for ch in low:
            if not ("a" <= ch <= "z") or n > count:
                return None
            n = n * 26 + ord(ch) - 96
    else:
        return None
    if not 1 <= n <= count or format_number(n, style).lower() != low:
        return None
    return n


@functools.lru_cache(maxsize=64)
def _own_form(numbering: tuple[Level, ...]) -> re.Pattern[str]:
    """The loop of :func:`resolve` as one pattern: each level's label (or a bare
    number), the levels after the first each after a separator and optional. The
    groups are atomic, as the loop never goes back on what it read, so a citation
    the pattern reads whole gives the loop's numbers."""
    form = ""
    for depth in reversed(range(len(numbering))):
        label = numbering[depth].label
        number = _TOKEN if label is None else f"(?>(?i:{_label_pattern(label).pattern})|{_TOKEN})"
        form = (number if depth == 0 else f"(?>{_SEPARATOR.pattern}){number}") + (f"(?:{form})?" if form else "")
    return re.compile(form)


#: The numbers read so far in a run of siblings: number -> ((position, clause), the same below it).
_Read = dict[str, "tuple[tuple[int, Clause], _Read]"]


def _reader(numbering: tuple[Level, ...]) -> tuple[re.Pattern[str], _Read]:
    """The pattern of the book's own form, and the top level's numbers as read."""
    return _own_form(numbering), {}


def _read_own_form(version: Version, text: str) -> Clause | None:
    """The clause a citation in the book's own form names, read with one match and a
    look-up per level; None when the loop of :func:`resolve` must decide."""
    if not version.numbering:
        return None
    form, node = version.derived("own form", lambda: _reader(version.numbering))
    m = form.fullmatch(text)
    if m is None:
        return None
    lineage: list[tuple[int, Clause]] = []
    for token in filter(None, m.groups()):  # a level's number, read as its label or bare (never empty)
        found = node.get(token)
        if found is None:
            above = lineage[-1][1] if lineage else None
            siblings = version.clauses if above is None else above.children
            if not siblings:
                return None
            parent = "" if above is None else above.id
            step = _find(_indexes(version), parent, siblings, version.numbering[len(lineage)], token)
            if step is None:
                return None
            found = node[token] = (step, {})
        step, node = found
        lineage.append(step)
    if not lineage:
        return None
    clause = lineage[-1][1]
    version.remember_lineage(clause.id, lineage)  # the step looks the clause up next
    return clause


def resolve(version: Version, ref: str) -> Clause:
    """The clause named by a stable id or a citation in this version.

    Spaces and the case of labels are forgiven; a citation that names no
    clause raises :class:`~rulebook.errors.CitationError` listing the nearest ones.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha", "({n})")],
    ...             [Clause("fee", children=[Clause("fee.late", text="Late payers pay double.")]),
    ...              Clause("vote", text="Members vote.")])
    >>> resolve(v, "rule 1 (a)").id
    'fee.late'
    >>> resolve(v, "vote").text
    'Members vote.'
    >>> resolve(v, "Rule 3")
    Traceback (most recent call last):
    ...
    rulebook.errors.CitationError: no clause 'Rule 3' in version '1' of 'club'; nearest: 'Rule 2', ...
    """
    key = ref.strip()
    if key in version:
        return version.clause(key)
    text = " ".join(key.split())
    quick = _read_own_form(version, text)
    if quick is not None:
        return quick
    pos = 0
    siblings = version.clauses
    found: Clause | None = None
    depth = 0
    while pos < len(text):
        if depth >= len(version.numbering) or not siblings:
            found = None
            break
        level = version.numbering[depth]
        if depth:
            sep = _SEPARATOR.match(text, pos)
            if sep:
                pos = sep.end()
        m = None
        if level.label is not None:
            m = _label_pattern(level.label).match(text, pos)
        if m is None:
            m = _NUMBER.match(text, pos)
        if m is None:
            found = None
            break
        step = _find(_indexes(version), found.id if found is not None else "", siblings, level, m.group(1))
        if step is None:
            found = None
            break
        found = step[1]
        pos = m.end()
        siblings = found.children
        depth += 1
    if found is None or pos < len(text):
        return _tolerant(version, ref)
    return found


def _tolerant(version: Version, ref: str) -> Clause:
    """The tolerant reading of rulebook.citing, which the strict reading falls back on."""
    from rulebook.citing import read  # here, not at the top: citing builds on this module

    try:
        return read(version, ref)
    except CitationError as e:
        if "could name several" in str(e):
            raise
        raise CitationError(_not_found(version, ref)) from None


def resolve_id(version: Version, ref: str) -> str:
    """The stable id of the clause named by an id or citation (see :func:`resolve`).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> resolve_id(v, "rule 1"), resolve_id(v, "fee")
    ('fee', 'fee')
    """
    return resolve(version, ref).id


def _not_found(version: Version, ref: str) -> str:
    cites = all_citations(version)
    pool = list(cites.values()) + list(cites)
    near = difflib.get_close_matches(" ".join(ref.split()), pool, n=3, cutoff=0.5)
    hint = f"; nearest: {', '.join(repr(n) for n in near)}" if near else ""
    return (
        f"no clause {ref!r} in version {version.label!r} of {version.rulebook!r}{hint}; "
        "name a clause by its stable id or its citation in this version"
    )


def depth_of(version: Version, clause_id: str) -> int:
    """Depth of a clause, 0 at the top level."""
    return len(version.path(clause_id)) - 1


def max_depth(clauses: tuple[Clause, ...]) -> int:
    """Number of levels a clause tree uses (0 when empty)."""
    return max((d + 1 for d, _ in walk(clauses)), default=0)
