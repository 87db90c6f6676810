"""Citations as organisations write them: the tolerant reading of a clause name.

:func:`rulebook.numbering.resolve` reads a citation strictly, level by level, in
the book's own form. Motions cite the same clause in many other ways: with or
without labels, with spaces, dots or parentheses between the levels, with the
label abbreviated to its initial, with a leading "In", or in a running number
the printed book declares (``citations`` in the rule book file). This module
reads those, as set out in docs/numbering.md ("Citations as organisations write
them"):

1. the name is cut into **numbers** and **words**: runs of digits and runs of
   letters (so ``2B`` is ``2`` then ``B`` and ``C4`` is ``C`` then ``4``);
   punctuation only separates;
2. a word that is a word of some level's label (``Chapter``, ``Clause``) says
   which level the next number is at; a single letter written hard against the
   number after it (``C4``) is read as that label's initial; any other word
   (``Rule``, ``Section``, ``In``, ``the``) is skipped, except that a word
   starting ``sub`` (``subsection``, ``Sub-clause``) says the number is not at
   the top level;
3. the numbers are matched against the tree from the top (or, after a level
   word or a ``sub`` word, at that depth anywhere), each one a level deeper; a
   pinned number such as ``2A`` may also be matched by two adjacent runs;
4. every clause the whole name can reach is collected: one is the answer, none
   is "no such clause", and several are refused naming each candidate.

This reading is only used when the strict reading fails, so it never changes
what a citation the strict reader accepts means.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("labour", "2016",
...     [Level("arabic", "Chapter {n}"), Level("upper-roman", "Clause {n}"), Level("arabic"),
...      Level("upper-alpha"), Level("lower-roman")],
...     [Clause("c1", children=[Clause("c1.i", children=[Clause("a", children=[
...         Clause("b", children=[Clause("x"), Clause("y")])])])])])
>>> [read(v, s).id for s in ("Chapter 1 Clause I, Section 1A (ii)", "C1.I.1.A.ii", "In 1.I.1.A.i")]
['y', 'y', 'x']
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterator

import attrs

from rulebook.citeforms import place
from rulebook.errors import CitationError
from rulebook.model import Clause, Level, Version
from rulebook.numbering import all_citations, format_number, numbers

__all__ = ["declared", "place_of_new", "read"]


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
@functools.cache
def _run() -> re.Pattern[str]:
    return re.compile(r"\d+|[^\W\d_]+(?:-[^\W\d_]+)*")


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
@functools.cache
def _roman() -> re.Pattern[str]:
    return re.compile(r"(?i)^m*(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")


#: Where a search gives up: a name with this many readings is refused as unclear.
_MAX_READINGS = 50


@attrs.frozen
class _Run:
    text: str
    start: int
    end: int

    @property
    def is_digits(self) -> bool:
        return self.text.isdigit()


def _runs(text: str) -> list[_Run]:
    return [_Run(m.group(), m.start(), m.end()) for m in _run().finditer(text)]


def _label_words(level: Level) -> set[str]:
    if level.label is None:
        return set()
    return {w.casefold() for w in re.findall(r"[^\W\d_]+", level.label.replace("{n}", " "))}


#: Words that join a citation to the sentence around it ("In Article 4.2", "Rule 3 of the rules").
_FILLER = {"in", "of", "the", "and", "at", "to"}


def _may_be_number(word: str) -> bool:
    """A run of letters some style could print as a number: one case, roman or one or two letters."""
    if word.casefold() in _FILLER or not (word.isupper() or word.islower()):
        return False
    return len(word) <= 2 or _roman().match(word) is not None


@attrs.frozen
class _Token:
    """A number to match (``hint``: the depth it must be at, or ``-1`` for "not the top")."""

    text: str
    hint: int | None
    joins_next: bool  # written hard against the next number, so the two may be one pinned number


def _tokens(version: Version, text: str) -> list[_Token]:
    words = [_label_words(level) for level in version.numbering]
    runs = _runs(text)
    tokens: list[_Token] = []
    hint: int | None = None
    for i, run in enumerate(runs):
        word = run.text.casefold()
        nxt = runs[i + 1] if i + 1 < len(runs) else None
        depths = [d for d, ws in enumerate(words) if word in ws]
        if depths and not run.is_digits:
            hint = depths[0]
            continue
        if nxt is not None and nxt.start == run.end and nxt.is_digits and len(word) == 1:
            initials = [d for d, ws in enumerate(words) if any(w.startswith(word) for w in ws)]
            if initials:
                hint = initials[0]
                continue
        if not run.is_digits and not _may_be_number(run.text):
            if word.startswith("sub"):
                hint = -1
            continue
        joins = nxt is not None and nxt.start == run.end
        tokens.append(_Token(run.text, hint, joins))
        hint = None
    return tokens


def _matches(siblings: tuple[Clause, ...], level: Level, token: str) -> list[Clause]:
    nums = numbers(siblings, level)
    exact = [c for c, n in zip(siblings, nums, strict=True) if n == token]
    if exact:
        return exact
    return [c for c, n in zip(siblings, nums, strict=True) if n.casefold() == token.casefold()]


def _at_depth(version: Version, depth: int) -> Iterator[tuple[Clause, int, str]]:
    """Every clause at ``depth`` (or, for ``-1``, below the top), with its depth and number."""

    def walk(siblings: tuple[Clause, ...], d: int) -> Iterator[tuple[Clause, int, str]]:
        if d >= len(version.numbering):
            return
        for clause, number in zip(siblings, numbers(siblings, version.numbering[d]), strict=True):
            if d == depth or (depth == -1 and d > 0):
                yield clause, d, number
            yield from walk(clause.children, d + 1)

    yield from walk(version.clauses, 0)


def _reach(version: Version, tokens: list[_Token]) -> list[Clause]:
    """Every clause the whole token list can name (at most ``_MAX_READINGS``)."""
    found: dict[str, Clause] = {}

    def start(i: int) -> Iterator[tuple[int, str, Clause, int]]:
        token = tokens[i]
        for text, used in _spellings(tokens, i):
            if token.hint is None:
                for clause in _matches(version.clauses, version.numbering[0], text):
                    yield used, text, clause, 0
            else:
                for clause, d, number in _at_depth(version, token.hint):
                    if number.casefold() == text.casefold():
                        yield used, text, clause, d

    def descend(clause: Clause, depth: int, i: int) -> None:
        if len(found) >= _MAX_READINGS:
            return
        if i == len(tokens):
            found.setdefault(clause.id, clause)
            return
        token = tokens[i]
        child_depth = depth + 1
        if child_depth >= len(version.numbering) or token.hint not in (None, -1, child_depth):
            return
        for text, used in _spellings(tokens, i):
            for child in _matches(clause.children, version.numbering[child_depth], text):
                descend(child, child_depth, i + used)

    if tokens:
        for used, _text, clause, depth in start(0):
            descend(clause, depth, used)
    return list(found.values())


def _spellings(tokens: list[_Token], i: int) -> Iterator[tuple[str, int]]:
    """The token alone, and joined with the runs written hard after it (``2`` + ``A`` = ``2A``)."""
    text, used = tokens[i].text, 1
    yield text, used
    while tokens[i + used - 1].joins_next and i + used < len(tokens):
        text += tokens[i + used].text
        used += 1
        yield text, used


def read(version: Version, ref: str) -> Clause:
    """The clause a citation names, read as organisations write citations.

    Parameters
    ----------
    version:
        The version the citation is read in.
    ref:
        The citation, in any of the forms of docs/numbering.md.

    Raises
    ------
    CitationError
        No clause, or more than one, fits; the message names the candidates.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("unison", "1", [Level("upper-alpha", "Rule {n}"), Level("arabic"), Level("arabic")],
    ...             [Clause("a"), Clause("b"), Clause("c", children=[Clause("c1"), Clause("c2"), Clause("c3", children=[
    ...                  Clause("x"), Clause("y"), Clause("z"), Clause("w")])])])
    >>> [read(v, s).id for s in ("Rule C 3.4", "C.3.4", "Rule C.3.4", "In Rule C3.4,")]
    ['w', 'w', 'w', 'w']
    """
    candidates = [*declared(version, ref), *_reach(version, _tokens(version, ref))]
    unique = list({c.id: c for c in candidates}.values())
    if len(unique) == 1:
        return unique[0]
    if not unique:
        raise CitationError(
            f"no clause {ref!r} in version {version.label!r} of {version.rulebook!r}; "
            "name a clause by its stable id or its citation in this version"
        )
    cites = all_citations(version)
    named = ", ".join(repr(cites[c.id]) for c in unique[:6])
    more = f" and {len(unique) - 6} more" if len(unique) > 6 else ""
    raise CitationError(
        f"citation {ref!r} could name several clauses in version {version.label!r} of {version.rulebook!r}: "
        f"{named}{more}; name the one you mean by its stable id or its citation in this version"
    )


def declared(version: Version, ref: str) -> list[Clause]:
    """The clauses ``ref`` names in one of the citation forms the book declares (``citations``).

    A form is text with ``{1}``, ``{2}``, ... where the number of each level goes,
    outermost first; ``{2:arabic}`` writes that level's number in another style
    (the printed Labour book's "Rule 5.4.1" is ``Rule {1}.{2:arabic}.{3}``).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> scheme = [Level("arabic", "Chapter {n}"), Level("upper-roman", "Clause {n}"), Level("arabic")]
    >>> v = Version("labour", "1", scheme,
    ...             [Clause("c1", children=[Clause("i"), Clause("ii", children=[Clause("x")])])],
    ...             citations=("Rule {1}.{2:arabic}.{3}",))
    >>> [c.id for c in declared(v, "Rule 1.2.1")]
    ['x']
    """
    found = []
    text = " ".join(ref.split())
    for form in version.citations:
        pattern, styles = _form_pattern(form)
        m = pattern.fullmatch(text)
        if m is None:
            continue
        siblings, clause = version.clauses, None
        for depth, (token, style) in enumerate(zip(m.groups(), styles, strict=True)):
            level = version.numbering[depth]
            shown = level if style is None else Level(style, level.label)
            hits = [
                c for c, n in zip(siblings, numbers(siblings, shown), strict=True) if n.casefold() == token.casefold()
            ]
            if len(hits) != 1:
                clause = None
                break
            clause = hits[0]
            siblings = clause.children
        if clause is not None:
            found.append(clause)
    return found


def _form_pattern(form: str) -> tuple[re.Pattern[str], list[str | None]]:
    parts, styles, pos = [], [], 0
    for m in place().finditer(form):
        literal = form[pos : m.start()]
        parts.append(r"\s*".join(re.escape(w) for w in literal.split(" ")))
        parts.append(r"\s*([0-9A-Za-z]+)\s*" if literal.endswith(" ") or not literal else r"([0-9A-Za-z]+)")
        styles.append(m.group(2))
        pos = m.end()
    parts.append(re.escape(form[pos:]))
    return re.compile("".join(parts), re.IGNORECASE), styles


def place_of_new(version: Version, ref: str) -> tuple[str, str]:
    """Where a new clause must go to be cited ``ref``: ``(where, id)`` for ``insert_clause``.

    "Add new Rule G 8" names the clause by the number it will have: it goes
    before the clause now numbered G 8, or after the last child of Rule G when
    that is G 7. ``where`` is ``"before"``, ``"after"`` or ``"into"``.

    Raises
    ------
    CitationError
        The parent is not one clause, or the number would leave a gap.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("unison", "1", [Level("upper-alpha", "Rule {n}"), Level("arabic")],
    ...             [Clause("g", children=[Clause(f"g{i}") for i in range(1, 8)])])
    >>> place_of_new(v, "Rule A 8"), place_of_new(v, "Rule A 3"), place_of_new(v, "Rule B")
    (('after', 'g7'), ('before', 'g3'), ('after', 'g'))
    """
    tokens = _tokens(version, ref)
    if not tokens:
        raise CitationError(f"{ref!r} names no number for the new clause; write the citation it will have")
    if len(tokens) == 1:
        parent, siblings, depth = None, version.clauses, 0
    else:
        parents = _reach(version, tokens[:-1])
        if len(parents) != 1:
            return _no_place(version, ref, parents)
        parent = parents[0]
        siblings, depth = parent.children, len(version.path(parent.id))
    if depth >= len(version.numbering):
        raise CitationError(f"{ref!r} is deeper than the numbering scheme of {version.rulebook!r} reaches")
    level = version.numbering[depth]
    nums = numbers(siblings, level)
    wanted = tokens[-1].text
    for clause, number in zip(siblings, nums, strict=True):
        if number.casefold() == wanted.casefold():
            return "before", clause.id
    following = format_number(sum(1 for c in siblings if c.number is None) + 1, level.style)
    if following.casefold() != wanted.casefold():
        raise CitationError(
            f"a new clause {ref!r} would leave a gap: the next number there is {following!r}; "
            "cite the number it will have"
        )
    if siblings:
        return "after", siblings[-1].id
    if parent is None:
        raise CitationError(f"{version.rulebook!r} has no clauses to place {ref!r} beside")
    return "into", parent.id


def _no_place(version: Version, ref: str, parents: list[Clause]) -> tuple[str, str]:
    if not parents:
        raise CitationError(
            f"no clause in version {version.label!r} of {version.rulebook!r} holds {ref!r}; "
            "cite the new clause under an existing one"
        )
    cites = all_citations(version)
    raise CitationError(
        f"{ref!r} could go under several clauses: {', '.join(repr(cites[p.id]) for p in parents[:6])}; "
        "write the full citation"
    )
