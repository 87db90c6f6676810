"""Word-level edits of one clause text, and the one rule for when two motions' edits collide.

A text is words (``\\w`` runs, punctuation marks and ``[[id]]`` references) with
the whitespace between them. A *place* is a word boundary: place ``k`` lies
between word ``k - 1`` and word ``k``, whatever whitespace is there, so two
insertions between the same two words are at one place however the spaces
around them fall. An :class:`Edit` changes the words ``[lo, hi)`` of the base
(an insertion when ``lo == hi``, at place ``lo``) and records the characters of
the base it rewrites, so that edits which do not collide can all be made.

Two motions' edits *collide* (:func:`collide`, ``docs/checking.md``) when they
touch the same words; when they insert at the same place; when one inserts next
to words the other deletes (the sentence would be left broken); and when one
changes or splits words the other quotes (its *reads*: the words an amendment
quotes to find its place). The same edit made by several motions is made once.

Examples
--------
>>> base = "The fee is 15 pounds, payable in January."
>>> m = merge(base, [("a", edits(base, "The fee is 10 pounds, payable in January.")),
...                  ("b", edits(base, "The fee is 15 pounds, payable in March."))])
>>> m.text
'The fee is 10 pounds, payable in March.'
>>> m = merge(base, [("a", edits(base, "The fee is 10 pounds, payable in January.")),
...                  ("b", edits(base, "The fee is 12 pounds, payable in January."))])
>>> m.text, [(c.owners, c.words, c.proposals) for c in m.clashes]
('The fee is 15 pounds, payable in January.', [(('a', 'b'), '15', (('a', '10'), ('b', '12')))])
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence

import attrs

__all__ = ["Clash", "Edit", "Merge", "collide", "edits", "merge", "render", "span_words", "tokens"]

_TOKEN = re.compile(r"\[\[[^\[\]]*\]\]|\w+(?:['’.,/-]\w+)*|\s+|[^\w\s]")


def tokens(text: str | None) -> list[str]:
    """The tokens of a text: words, runs of whitespace, punctuation, references.

    Examples
    --------
    >>> tokens("Pay 0.20; see [[fees]].")
    ['Pay', ' ', '0.20', ';', ' ', 'see', ' ', '[[fees]]', '.']
    """
    return _TOKEN.findall(text or "")


@attrs.frozen
class _Split:
    """Words, the whitespace before each word (and after the last), and where each starts."""

    words: list[str]
    seps: list[str]
    word_at: list[int]
    sep_at: list[int]


def _split(text: str | None) -> _Split:
    words: list[str] = []
    seps: list[str] = []
    word_at: list[int] = []
    sep_at: list[int] = []
    pos, sep, sep_start = 0, "", 0
    for tok in tokens(text):
        if tok.isspace():
            sep += tok
        else:
            seps.append(sep)
            sep_at.append(sep_start)
            words.append(tok)
            word_at.append(pos)
            sep, sep_start = "", pos + len(tok)
        pos += len(tok)
    seps.append(sep)
    sep_at.append(sep_start)
    return _Split(words, seps, word_at, sep_at)


@attrs.frozen
class Edit:
    """Base words ``[lo, hi)`` changed (an insertion at place ``lo`` when ``lo == hi``): the base
    characters ``[start, end)`` are rewritten as ``new``.

    Examples
    --------
    >>> Edit(3, 4, 1, 1, " x ").is_insertion, Edit(1, 3, 1, 2, "").deletes
    (True, True)
    """

    start: int
    end: int
    lo: int
    hi: int
    new: str

    @property
    def is_insertion(self) -> bool:
        """True when the edit removes no base word."""
        return self.lo == self.hi

    @property
    def deletes(self) -> bool:
        """True when the edit removes base words and puts none in their place."""
        return self.lo < self.hi and not self.new.strip()


def edits(old: str | None, new: str | None, around: tuple[int, int] | None = None) -> tuple[Edit, ...]:
    """The edits that turn ``old`` into ``new``, word by word, in base order.

    An unchanged separator next to changed words is left out of the edit, so an
    insertion beside them stays a separate place; a deletion takes one separator
    with it. ``around``: the base words ``[lo, hi)`` an amendment quoted, when the
    change lies there and the words before and after it stay (so that deleting the
    first of two equal words is not read as deleting the second).

    Examples
    --------
    >>> edits("a b c", "a x c")
    (Edit(start=2, end=3, lo=1, hi=2, new='x'),)
    >>> edits("a b c", "a c"), edits("a b", "a x b")
    ((Edit(start=1, end=3, lo=1, hi=2, new=''),), (Edit(start=1, end=2, lo=1, hi=1, new=' x '),))
    >>> render("a b c", edits("a b c", "x a, c!")) == "x a, c!"
    True
    >>> edits("the the", "the", around=(0, 1))[0].lo
    0
    """
    b, n = _split(old), _split(new)
    out: list[Edit] = []

    def sep_span(i: int) -> tuple[int, int]:
        return b.sep_at[i], b.sep_at[i] + len(b.seps[i])

    for tag, i1, i2, j1, j2 in _opcodes(b.words, n.words, around):
        if tag == "equal":
            inner = list(range(i1 + 1, i2))
            if i1 == 0 and j1 == 0:
                inner.insert(0, 0)
            if i2 == len(b.words) and j2 == len(n.words):
                inner.append(i2)
            for k in inner:
                if b.seps[k] != n.seps[k - i1 + j1]:
                    out.append(Edit(*sep_span(k), k, k, n.seps[k - i1 + j1]))
            continue
        start, end = b.sep_at[i1], sep_span(i2)[1]
        text = n.seps[j1] + "".join(n.words[j] + n.seps[j + 1] for j in range(j1, j2))
        if i1 < i2 and j1 < j2:
            if b.seps[i1] == n.seps[j1]:
                start, text = b.word_at[i1], text[len(n.seps[j1]) :]
            if b.seps[i2] == n.seps[j2]:
                end, text = b.sep_at[i2], text[: len(text) - len(n.seps[j2])]
        elif i1 < i2:
            if text == b.seps[i2]:
                end, text = b.sep_at[i2], ""
            elif text == b.seps[i1]:
                start, text = b.word_at[i1], ""
        out.append(Edit(start, end, i1, i2, text))
    if not b.words and (old or "") != (new or ""):
        return (Edit(0, len(old or ""), 0, 0, new or ""),)
    return tuple(sorted(out, key=lambda e: (e.start, e.end)))


def _opcodes(old: list[str], new: list[str], around: tuple[int, int] | None) -> list[tuple[str, int, int, int, int]]:
    """Word opcodes, kept to the quoted words ``around`` when the words before and after them stay."""
    if around is not None:
        lo, hi = around
        tail = len(old) - hi
        if (
            lo <= hi <= len(old)
            and lo + tail <= len(new)
            and old[:lo] == new[:lo]
            and old[hi:] == new[len(new) - tail :]
        ):
            inner = difflib.SequenceMatcher(None, old[lo:hi], new[lo : len(new) - tail], autojunk=False)
            out = [("equal", 0, lo, 0, lo)] if lo else []
            out += [(t, i1 + lo, i2 + lo, j1 + lo, j2 + lo) for t, i1, i2, j1, j2 in inner.get_opcodes()]
            if tail:
                out.append(("equal", hi, len(old), len(new) - tail, len(new)))
            return _joined(out)
    return [
        (t, i1, i2, j1, j2)
        for t, i1, i2, j1, j2 in difflib.SequenceMatcher(None, old, new, autojunk=False).get_opcodes()
    ]


def _joined(ops: list[tuple[str, int, int, int, int]]) -> list[tuple[str, int, int, int, int]]:
    """Neighbouring opcodes of one kind (equal, or not) made one, as difflib gives them."""
    out: list[tuple[str, int, int, int, int]] = []
    for op in ops:
        if op[1] == op[2] and op[3] == op[4]:
            continue
        if out and (out[-1][0] == "equal") == (op[0] == "equal"):
            tag = "equal" if op[0] == "equal" else "replace"
            out[-1] = (tag, out[-1][1], op[2], out[-1][3], op[4])
        else:
            out.append(op)
    return out


def render(base: str | None, chosen: Sequence[Edit]) -> str:
    """``base`` with the (disjoint) edits made.

    Examples
    --------
    >>> render("a b c", [Edit(2, 3, 1, 2, "B"), Edit(4, 5, 2, 3, "C")])
    'a B C'
    """
    text = base or ""
    out: list[str] = []
    pos = 0
    for e in sorted(chosen, key=lambda e: (e.start, e.end)):
        out.append(text[pos : e.start])
        out.append(e.new)
        pos = max(pos, e.end)
    out.append(text[pos:])
    return "".join(out)


def span_words(base: str | None, start: int, end: int) -> tuple[int, int]:
    """The words ``[lo, hi)`` of ``base`` that the characters ``[start, end)`` touch (whole words).

    Examples
    --------
    >>> span_words("The fee is 150 pounds", 11, 13)
    (3, 4)
    """
    b = _split(base)
    lo = next((i for i, at in enumerate(b.word_at) if at + len(b.words[i]) > start), len(b.words))
    hi = next((i for i, at in enumerate(b.word_at) if at >= end), len(b.words))
    return lo, max(lo, hi)


def _regions_overlap(a: Edit, b: Edit) -> bool:
    if a.start < b.end and b.start < a.end:
        return True
    if a.start == a.end and b.start < a.start < b.end:
        return True
    if b.start == b.end and a.start < b.start < a.end:
        return True
    return a.start == a.end == b.start == b.end


def collide(a: Edit, b: Edit) -> bool:
    """True when two motions' edits cannot both be made without choosing between them:
    they touch the same words, insert at the same place, or one inserts next to words
    the other deletes.

    Examples
    --------
    >>> collide(Edit(4, 5, 2, 3, "x"), Edit(4, 9, 2, 5, "y"))
    True
    >>> collide(Edit(4, 5, 2, 3, "x"), Edit(8, 9, 4, 5, "y"))
    False
    >>> collide(Edit(3, 4, 2, 2, " x "), Edit(3, 4, 2, 2, " y "))
    True
    >>> collide(Edit(3, 4, 2, 2, " x "), Edit(4, 5, 2, 3, "z"))
    False
    >>> collide(Edit(3, 4, 2, 2, " x "), Edit(1, 3, 1, 2, ""))
    True
    """
    if _regions_overlap(a, b):
        return True
    if a.is_insertion and b.is_insertion:
        return a.lo == b.lo
    if a.is_insertion or b.is_insertion:
        ins, other = (a, b) if a.is_insertion else (b, a)
        if other.lo < ins.lo < other.hi:
            return True
        return other.deletes and ins.lo in (other.lo, other.hi)
    return a.lo < b.hi and b.lo < a.hi


def _splits(edit: Edit, lo: int, hi: int) -> bool:
    """True when ``edit`` changes words ``[lo, hi)`` or inserts between two of them."""
    if edit.is_insertion:
        return lo < edit.lo < hi
    return edit.lo < hi and lo < edit.hi


@attrs.frozen
class Clash:
    """Edits of several owners that collide: the base ``words`` they contest (empty when
    they insert at one place, then ``place`` names it) and what each proposes there."""

    owners: tuple[str, ...]
    start: int
    end: int
    words: str
    proposals: tuple[tuple[str, str], ...]
    place: str = ""


@attrs.frozen
class Merge:
    """The merged text, the edits kept (with their owners), the clashes left out, and the
    edits several owners made alike (kept once)."""

    text: str
    kept: tuple[tuple[tuple[str, ...], Edit], ...]
    clashes: tuple[Clash, ...]
    shared: tuple[tuple[tuple[str, ...], Edit], ...] = ()


def _place(base: str, lo: int) -> str:
    words = _split(base).words
    before = words[lo - 1] if lo > 0 else None
    after = words[lo] if lo < len(words) else None
    if before and after:
        return f"between {before!r} and {after!r}"
    if before:
        return f"after {before!r}"
    return f"before {after!r}" if after else "in the empty text"


def merge(
    base: str | None,
    variants: Sequence[tuple[str, Sequence[Edit]]],
    reads: Sequence[tuple[str, int, int]] = (),
) -> Merge:
    """Merge several owners' edits of one text.

    Edits that collide with no other owner's edit (:func:`collide`) or quoted words
    (``reads``: ``(owner, lo, hi)``, words an owner's amendments quote) are made; the
    same edit from several owners is made once; the rest are left out (base words
    kept) and reported as a :class:`Clash`, quoting exactly the words contested.

    Examples
    --------
    >>> merge("one two three", [("a", edits("one two three", "one 2 three")),
    ...                         ("b", edits("one two three", "one 2 three"))]).text
    'one 2 three'
    >>> m = merge("one two", [("a", edits("one two", "one x two")), ("b", edits("one two", "one y two"))])
    >>> m.text, m.clashes[0].place, m.clashes[0].proposals
    ('one two', "between 'one' and 'two'", (('a', 'x'), ('b', 'y')))
    """
    text = base or ""
    owners_of: dict[Edit, list[str]] = {}
    for owner, found in variants:
        for e in found:
            owners_of.setdefault(e, [])
            if owner not in owners_of[e]:
                owners_of[e].append(owner)
    items = sorted(owners_of, key=lambda e: (e.start, e.end, e.lo, e.hi, e.new))
    owners = [frozenset(owners_of[e]) for e in items]
    root = list(range(len(items) + len(reads)))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    def join(i: int, j: int) -> None:
        root[find(j)] = find(i)

    linked: set[int] = set()
    for i, a in enumerate(items):
        for j in range(i + 1, len(items)):
            if owners[i] <= owners[j] or owners[j] <= owners[i]:
                continue
            if collide(a, items[j]):
                join(i, j)
                linked.update((i, j))
        for r, (reader, lo, hi) in enumerate(reads):
            if reader not in owners[i] and _splits(a, lo, hi):
                join(i, len(items) + r)
                linked.update((i, len(items) + r))
    clusters: dict[int, list[int]] = {}
    for i in sorted(linked):
        clusters.setdefault(find(i), []).append(i)
    order = {owner: n for n, (owner, _) in enumerate(variants)}
    left_out: set[int] = set()
    clashes = []
    for members in clusters.values():
        edits_in = [i for i in members if i < len(items)]
        left_out.update(edits_in)
        spans = [(items[i].start, items[i].end) for i in edits_in]
        split = _split(text)
        for i in members:
            if i >= len(items):
                _, lo, hi = reads[i - len(items)]
                if lo < hi:
                    spans.append((split.word_at[lo], split.word_at[hi - 1] + len(split.words[hi - 1])))
        start, end = min(s for s, _ in spans), max(e for _, e in spans)
        who = {o for i in edits_in for o in owners[i]} | {reads[i - len(items)][0] for i in members if i >= len(items)}
        named = tuple(sorted(who, key=lambda o: order.get(o, len(order))))
        proposals = tuple(
            (o, render(text[start:end], [_shift(e, start) for e in _within(items, owners, o, start, end)]).strip())
            for o in named
        )
        words = text[start:end].strip()
        place = "" if words else _place(text, min(items[i].lo for i in edits_in))
        clashes.append(Clash(named, start, end, words, proposals, place))
    kept = [(tuple(owners_of[e]), e) for i, e in enumerate(items) if i not in left_out]
    shared = tuple((who, e) for who, e in kept if len(who) > 1)
    clashes.sort(key=lambda c: c.start)
    return Merge(render(text, [e for _, e in kept]), tuple(kept), tuple(clashes), shared)


def _within(items: list[Edit], owners: list[frozenset[str]], owner: str, start: int, end: int) -> list[Edit]:
    """The owner's edits within the characters ``[start, end]`` (an insertion at either end counts)."""
    return [e for e, who in zip(items, owners, strict=True) if owner in who and start <= e.start and e.end <= end]


def _shift(e: Edit, by: int) -> Edit:
    return attrs.evolve(e, start=e.start - by, end=e.end - by)
