"""Finding quoted phrases in a clause's text, as whole words, in linear time.

A motion quotes words of the rule book; :func:`find_phrase` finds them the way
a reader would: whole words only (a phrase that begins or ends with a letter or
digit never matches inside a longer word, so "5 per cent" is not found in "15
per cent" nor "men" in "women"), every occurrence counted the same way,
overlaps included. :func:`edge_reading` settles punctuation at the edge of a
quote (a full stop inside the closing quote that the clause does not have
there) by the reading under which the clause stays a well-formed sentence,
and refuses when both readings are possible. See docs/motions.md, "Finding
phrases".

Examples
--------
>>> find_phrase("The fee is 15 per cent.", "5 per cent", None)
Traceback (most recent call last):
...
ValueError: absent
>>> find_phrase("women and men", "men", None)
(10, [3])
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from typing import Any

import attrs

from rulebook.amend.motion import Amendment
from rulebook.refs import REF

__all__ = [
    "SHOWN_OCCURRENCES",
    "count_phrase",
    "edge_reading",
    "find_phrase",
    "find_printed_phrase",
    "phrase_pattern",
    "phrase_starts",
    "replace_every",
    "tidy",
]

PUNCT_AFTER = tuple(",.;:)]!?'\"")
#: Punctuation a drafter may leave inside the closing quote of a phrase.
_EDGE_MARKS = ".,;:"
_SENTENCE_END = ".!?:"
#: How many occurrences of an ambiguous phrase an error names by word number.
SHOWN_OCCURRENCES = 5
_WORD_START = re.compile(r"(?<!\S)\S")


def phrase_pattern(phrase: str) -> re.Pattern[str]:
    """A regex finding ``phrase`` as whole words: where the phrase begins (or
    ends) with a letter or digit, the text must not have a letter or digit just
    before (or after) it, so '5 per cent' is not found in '15 per cent' nor 'men'
    in 'women' (docs/motions.md, "Finding phrases"). It matches the empty string
    at the start of each occurrence, so overlapping occurrences count too.

    Examples
    --------
    >>> [m.start() for m in phrase_pattern("men").finditer("women and men")]
    [10]
    >>> [m.start() for m in phrase_pattern("a a").finditer("a a a")]
    [0, 2]
    """
    body = re.escape(phrase)
    left = r"(?<![^\W_])" if phrase[:1].isalnum() else ""
    right = r"(?![^\W_])" if phrase[-1:].isalnum() else ""
    return re.compile(f"{left}(?={body}{right})")


def phrase_starts(text: str, phrase: str) -> Iterator[int]:
    """Where ``phrase`` occurs in ``text`` as whole words, overlaps included: the
    starts of :func:`phrase_pattern`'s matches, found with ``str.find`` (an amendment
    looks for a phrase once, so compiling a pattern for it would cost more than the search).

    Examples
    --------
    >>> list(phrase_starts("women and men, men's", "men"))
    [10, 15]
    >>> list(phrase_starts("a a a", "a a"))
    [0, 2]
    """
    if not phrase:
        return
    left, right = phrase[0].isalnum(), phrase[-1].isalnum()
    size, find = len(phrase), text.find
    at = find(phrase)
    while at >= 0:
        end = at + size
        if not (left and at and text[at - 1].isalnum()) and not (right and end < len(text) and text[end].isalnum()):
            yield at
        at = find(phrase, at + 1)


def find_phrase(text: str, phrase: str, occurrence: int | None, *, shown: int | None = None) -> tuple[int, list[int]]:
    """Start of the chosen occurrence of ``phrase`` in ``text`` (as whole words:
    :func:`phrase_pattern`), and the word numbers (1-based) of the occurrences.
    Raises ValueError with the reason ("absent", "ambiguous", "occurrence").

    Linear in the length of ``text``: the word numbers are counted as the
    search goes. With ``shown``, only the first ``shown`` word numbers are
    listed (:func:`count_phrase` counts them all).

    Examples
    --------
    >>> find_phrase("a b a b", "a b", 2)
    (4, [1, 3])
    >>> find_phrase("the 15 per cent rule, 5 per cent", "5 per cent", None)
    (22, [6])
    """
    if not phrase:
        raise ValueError("the phrase is empty")
    starts: list[int] = []
    words: list[int] = []
    word = 1
    prev = 0
    for s in phrase_starts(text, phrase):
        starts.append(s)
        if shown is None or len(words) < shown:
            word += len(_WORD_START.findall(text, prev, s))
            prev = s
            words.append(word)
    if not starts:
        raise ValueError("absent")
    if occurrence is None:
        if len(starts) > 1:
            raise ValueError("ambiguous")
        return starts[0], words
    if not 1 <= occurrence <= len(starts):
        raise ValueError("occurrence")
    return starts[occurrence - 1], words


def count_phrase(text: str, phrase: str) -> int:
    """How many times ``phrase`` occurs in ``text`` as whole words (overlaps included).

    Examples
    --------
    >>> count_phrase("women, men and men", "men")
    2
    """
    return sum(1 for _ in phrase_starts(text, phrase))


def find_printed_phrase(
    text: str, phrase: str, occurrence: int | None, cite: Callable[[str], str | None]
) -> tuple[int, int] | None:
    """Find ``phrase`` as the clause is printed, cross-references shown by ``cite``,
    and return its (start, end) in the source ``text``; None when it does not occur
    or would cut a citation in two; ValueError("ambiguous" or "occurrence") as
    :func:`find_phrase` does.

    Drafters quote the printed rule book, where ``[[id]]`` reads "Rule 5.1".

    Examples
    --------
    >>> find_printed_phrase("as in [[fee]] below", "as in Rule 2", None, {"fee": "Rule 2"}.get)
    (0, 13)
    >>> find_printed_phrase("as in [[fee]] below", "Rule", None, {"fee": "Rule 2"}.get) is None
    True
    """
    printed: list[str] = []
    # (printed start, printed end, source start, source end, is a reference)
    spans: list[tuple[int, int, int, int, bool]] = []
    pos = out = 0
    for m in REF.finditer(text):
        shown = cite(m.group(1))
        if shown is None:
            continue
        literal = text[pos : m.start()]
        spans.append((out, out + len(literal), pos, m.start(), False))
        printed.append(literal)
        out += len(literal)
        spans.append((out, out + len(shown), m.start(), m.end(), True))
        printed.append(shown)
        out += len(shown)
        pos = m.end()
    spans.append((out, out + len(text) - pos, pos, len(text), False))
    printed.append(text[pos:])
    try:
        start, _ = find_phrase("".join(printed), phrase, occurrence)
    except ValueError as exc:
        if str(exc) == "absent":
            return None
        raise
    end = start + len(phrase)

    def to_source(at: int, edge: str) -> int | None:
        for p0, p1, s0, s1, is_ref in spans:
            if is_ref and p0 < at < p1:
                return None  # inside a citation
            if is_ref and at == (p0 if edge == "start" else p1) and p0 < p1:
                return s0 if edge == "start" else s1
            if not is_ref and p0 <= at <= p1 and (p0 < at < p1 or (at == p0) == (edge == "start")):
                return s0 + (at - p0)
        return None

    first, last = to_source(start, "start"), to_source(end, "end")
    if first is None or last is None:
        return None
    return first, last


def tidy(text: str, start: int, end: int) -> str:
    """Remove ``text[start:end]`` and one space beside it, so no double space remains."""
    before, after = text[:start], text[end:]
    if before.endswith(" ") and (not after or after.startswith((" ", *PUNCT_AFTER))):
        before = before[:-1]
    elif after.startswith(" ") and (not before or before.endswith(("(", "["))):
        after = after[1:]
    return before + after


def _located(a: Amendment) -> tuple[str, str | None] | None:
    """(field holding the phrase looked for, field holding the words put in), or None."""
    if a.op == "replace_words":
        return "old", "new"
    if a.op == "delete_words":
        return "words", None
    if a.op == "insert_words":
        return ("after" if a.after is not None else "before"), "words"
    return None


def edge_reading(text: str, a: Amendment) -> tuple[Amendment, tuple[str, ...]]:
    """The amendment as it will be applied to a clause reading ``text``, and
    notes on how punctuation at the edge of its quotes was read.

    * A phrase looked for that ends in ``.``, ``,``, ``;`` or ``:`` which the
      clause does not have there (the phrase is absent, but present without
      the mark and followed by no other mark) is read without it, and so are
      the new words if they end in the same mark.
    * New words ending in a full stop that would land in the middle of a
      sentence (a lower-case word or ``,;:`` follows) lose the full stop.
      Before a capital letter, after words that do not end a sentence, both
      readings are possible: ValueError names both.

    Anything else (the phrase absent either way, ambiguous, ...) is left for
    :func:`find_phrase` to report.

    Examples
    --------
    >>> a = Amendment("replace_words", clause="r", old="vote.", new="speak.")
    >>> b, notes = edge_reading("All members may vote.", a)
    >>> b.old, b.new, notes
    ('vote.', 'speak.', ())
    >>> b, notes = edge_reading("All members may vote.", attrs.evolve(a, old="members.", new="people."))
    >>> b.old, b.new
    ('members', 'people')
    >>> b, notes = edge_reading("women members and gay members", Amendment(
    ...     "insert_words", clause="r", after="women members", words="disabled members."))
    >>> b.words, notes[0].split(";")[0]
    ('disabled members', "the full stop ending the new words 'disabled members.' is left out")
    """
    fields = _located(a)
    if fields is None:
        return a, ()
    looked, put = fields
    phrase = getattr(a, looked) or ""
    notes: list[str] = []
    mark = phrase[-1:]
    if mark and mark in _EDGE_MARKS and count_phrase(text, phrase) == 0:
        bare = phrase[:-1].rstrip()
        if bare and _unpunctuated(text, bare, a.nth):
            changes: dict[str, Any] = {looked: bare}
            new = getattr(a, put) if put else None
            if new and new.endswith(mark) and not bare.endswith(mark):
                changes[put or ""] = new[:-1].rstrip()
            a = attrs.evolve(a, **changes)
            notes.append(
                f"the final {mark!r} of the quoted {phrase!r} is not in the clause there, so it is read "
                f"as {bare!r}" + (f" and the new words as {changes[put or '']!r}" if len(changes) > 1 else "")
            )
    new_words = getattr(a, put) if put else None
    if new_words and new_words.endswith(".") and not new_words.endswith(".."):
        a, note = _full_stop(text, a, looked, put or "")
        if note:
            notes.append(note)
    return a, tuple(notes)


def _unpunctuated(text: str, phrase: str, occurrence: int | None) -> bool:
    """True when ``phrase`` is found and the clause has no punctuation right after it: a
    different mark there means the motion quotes other words, not a stray mark."""
    try:
        start, _ = find_phrase(text, phrase, occurrence)
    except ValueError:
        return False
    return text[start + len(phrase) : start + len(phrase) + 1] not in tuple(".,;:!?")


def _full_stop(text: str, a: Amendment, looked: str, put: str) -> tuple[Amendment, str | None]:
    phrase = getattr(a, looked) or ""
    words = getattr(a, put) or ""
    try:
        start, _ = find_phrase(text, phrase, a.nth)
    except ValueError:
        return a, None
    end = start + len(phrase)
    if a.op == "replace_words":
        if phrase.endswith("."):
            return a, None
        before, after = text[:start], text[end:]
    elif looked == "after":
        before, after = text[:end], text[end:]
    else:
        before, after = text[:start], text[start:]
    nxt = after.lstrip()[:1]
    prev = before.rstrip()[-1:]
    if not nxt or prev in _SENTENCE_END or not prev:
        return a, None
    if nxt.islower() or nxt in ",;:)":
        bare = words[:-1].rstrip()
        note = (
            f"the full stop ending the new words {words!r} is left out; it would end the sentence "
            f"before {after.lstrip()[:20]!r}"
        )
        bare_words: dict[str, Any] = {put: bare}
        return attrs.evolve(a, **bare_words), note
    if nxt.isupper():
        raise ValueError(
            f"the new words {words!r} end in a full stop and go before {after.lstrip()[:20]!r} in the middle of a "
            f"sentence: they may end a sentence there ({words!r}) or run on ({words[:-1].rstrip()!r}); "
            "quote them without the full stop, or say where the new sentence goes"
        )
    return a, None


def replace_every(text: str, old: str, new: str) -> str:
    """``text`` with every whole-word occurrence of ``old`` (:func:`phrase_pattern`) replaced by ``new``.

    Examples
    --------
    >>> replace_every("the Board and the Boards; the Board", "the Board", "the Party")
    'the Party and the Boards; the Party'
    """
    pieces, last = [], 0
    for m in phrase_pattern(old).finditer(text):  # zero-width matches: the phrase starts there
        if m.start() >= last:
            pieces += [text[last : m.start()], new]
            last = m.start() + len(old)
    return "".join([*pieces, text[last:]])


def why_absent(what: str, phrase: str, place: str, text: str) -> str:
    """Why a phrase was not found: absent, or present only inside longer words."""
    shown = text if len(text) <= 160 else text[:157] + "..."
    if phrase in text:
        return (
            f"{what} {phrase!r} occurs in {place} only inside longer words (as in {_inside(text, phrase)!r}); "
            "phrases match whole words: quote the whole words"
        )
    return f"{what} {phrase!r} does not occur in {place}, which reads {shown!r}; quote the words exactly as they stand"


def listed_words(words: list[int], count: int) -> str:
    """The word numbers of the first occurrences, and how many there are in all when not all are named."""
    if count > len(words):
        return "words " + ", ".join(map(str, words)) + f", ... ({count} in all)"
    return "words " + (", ".join(map(str, words[:-1])) + f" and {words[-1]}" if len(words) > 1 else str(words[0]))


def _inside(text: str, phrase: str) -> str:
    i = text.find(phrase)
    s, e = i, i + len(phrase)
    while s > 0 and text[s - 1].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum():
        e += 1
    return text[s:e]
