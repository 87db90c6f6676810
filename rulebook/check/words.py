"""Word-level edits of one clause text, and the three-way merge that composites them.

A text is cut into tokens (words, runs of whitespace, punctuation, ``[[id]]``
references); the tokens always join back into the text. An :class:`Edit`
replaces the base tokens ``[start, end)`` by new tokens (``start == end`` is an
insertion). Two motions' edits *collide* when they change the same words, or
insert at the same place; an insertion just before or after words another
motion changes does not collide.

Examples
--------
>>> base = "The fee is 15 pounds, payable in January."
>>> m = merge(base, [("a", "The fee is 10 pounds, payable in January."),
...                  ("b", "The fee is 15 pounds, payable in March.")])
>>> m.text
'The fee is 10 pounds, payable in March.'
>>> m = merge(base, [("a", "The fee is 10 pounds, payable in January."),
...                  ("b", "The fee is 12 pounds, payable in January.")])
>>> m.text, [(c.owners, c.words) for c in m.clashes]
('The fee is 15 pounds, payable in January.', [(('a', 'b'), '15')])
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping, Sequence

import attrs

from rulebook.model import as_tuple

__all__ = ["Clash", "Edit", "Merge", "collide", "edits", "merge", "tokens", "widen"]

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
class Edit:
    """Base tokens ``[start, end)`` replaced by ``new`` (an insertion when empty).

    Examples
    --------
    >>> Edit(2, 2, ("new", " ")).is_insertion
    True
    """

    start: int
    end: int
    new: tuple[str, ...] = attrs.field(converter=as_tuple)

    @property
    def is_insertion(self) -> bool:
        """True when the edit removes no base token."""
        return self.start == self.end


def edits(old: str | None, new: str | None) -> tuple[Edit, ...]:
    """The edits that turn ``old`` into ``new``, in base order.

    Examples
    --------
    >>> edits("a b c", "a x c")
    (Edit(start=2, end=3, new=('x',)),)
    """
    base, target = tokens(old), tokens(new)
    matcher = difflib.SequenceMatcher(None, base, target, autojunk=False)
    return tuple(Edit(i1, i2, target[j1:j2]) for tag, i1, i2, j1, j2 in matcher.get_opcodes() if tag != "equal")


def collide(a: Edit, b: Edit) -> bool:
    """True when two edits cannot both be made without choosing between them.

    Examples
    --------
    >>> collide(Edit(2, 3, ("x",)), Edit(2, 5, ("y",)))
    True
    >>> collide(Edit(2, 3, ("x",)), Edit(4, 5, ("y",)))
    False
    >>> collide(Edit(3, 3, ("x",)), Edit(3, 3, ("y",))), collide(Edit(3, 3, ("x",)), Edit(3, 4, ("y",)))
    (True, False)
    """
    if a.is_insertion and b.is_insertion:
        return a.start == b.start
    if a.is_insertion:
        return b.start < a.start < b.end
    if b.is_insertion:
        return a.start < b.start < a.end
    return a.start < b.end and b.start < a.end


@attrs.frozen
class Clash:
    """Edits of several owners that collide: base ``words`` and what each proposes."""

    owners: tuple[str, ...]
    start: int
    end: int
    words: str
    proposals: tuple[tuple[str, str], ...]


@attrs.frozen
class Merge:
    """The merged text, the edits kept (with their owner) and the clashes left out."""

    text: str
    kept: tuple[tuple[str, Edit], ...]
    clashes: tuple[Clash, ...]


def _clusters(items: list[tuple[str, Edit]]) -> list[list[int]]:
    """Groups of edits linked by collisions between different owners (union-find)."""
    parent = list(range(len(items)))

    def root(i: int) -> int:
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i, (owner_i, a) in enumerate(items):
        for j in range(i + 1, len(items)):
            owner_j, b = items[j]
            if b.start > a.end:
                break
            if owner_i != owner_j and collide(a, b):
                parent[root(j)] = root(i)
    groups: dict[int, list[int]] = {}
    for i in range(len(items)):
        groups.setdefault(root(i), []).append(i)
    return list(groups.values())


def _render(base: list[str], start: int, end: int, chosen: Sequence[Edit]) -> str:
    out: list[str] = []
    pos = start
    for e in sorted(chosen, key=lambda e: (e.start, e.end)):
        out.extend(base[pos : e.start])
        out.extend(e.new)
        pos = max(pos, e.end)
    out.extend(base[pos:end])
    return "".join(out)


def widen(base: str | None, found: Sequence[Edit], spans: Sequence[tuple[int, int]]) -> tuple[Edit, ...]:
    """The edits with those that fall in or touch a claimed character span of
    ``base`` made into one edit of the whole span (the words an amendment quotes).

    Examples
    --------
    >>> text = "The rate is two pounds a week."
    >>> widen(text, edits(text, "The rate is two pounds fifty a week."), [(12, 22)])
    (Edit(start=6, end=10, new=('two', ' ', 'pounds', ' ', 'fifty', ' ')),)
    """
    words = tokens(base)
    starts = [0]
    for w in words:
        starts.append(starts[-1] + len(w))
    ranges = []
    for lo, hi in spans:
        first = next((i for i in range(len(words)) if starts[i + 1] > lo), len(words))
        last = next((i for i in range(len(words)) if starts[i] >= hi), len(words))
        ranges.append((first, max(first, last)))
    # what touches the quoted words counts too, across the spaces around them
    reach: list[tuple[int, int, int, int]] = []
    for lo, hi in sorted(ranges):
        reach_lo = lo - 1 if lo > 0 and words[lo - 1].isspace() else lo
        reach_hi = hi + 1 if hi < len(words) and words[hi].isspace() else hi
        if reach and reach_lo <= reach[-1][3]:  # overlapping claims make one
            lo0, hi0, rlo0, rhi0 = reach[-1]
            reach[-1] = (lo0, max(hi0, hi), rlo0, max(rhi0, reach_hi))
        else:
            reach.append((lo, hi, reach_lo, reach_hi))
    out = list(found)
    for lo, hi, reach_lo, reach_hi in reach:
        inside = [e for e in out if reach_lo <= e.start and e.end <= reach_hi]
        if not inside:
            continue
        start, end = min(lo, *(e.start for e in inside)), max(hi, *(e.end for e in inside))
        merged = Edit(start, end, tuple(tokens(_render(words, start, end, inside))))
        out = [e for e in out if e not in inside] + [merged]
    return tuple(sorted(out, key=lambda e: (e.start, e.end)))


def merge(
    base: str | None,
    variants: Sequence[tuple[str, str | None]],
    claims: Mapping[str, Sequence[tuple[int, int]]] | None = None,
) -> Merge:
    """Merge several owners' versions of one text word by word against ``base``.

    Edits that collide with no other owner's are kept; where several owners
    make exactly the same edits they are kept once; other colliding edits are
    left out (the base words stay) and reported as a :class:`Clash`.
    ``claims`` gives, by owner, character spans of ``base`` its amendments
    quote: an owner's edits inside a span count as one edit of the whole span
    (so replacing 'two pounds' by 'three pounds' collides with replacing it by
    'two pounds fifty').

    Examples
    --------
    >>> merge("one two three", [("a", "one 2 three"), ("b", "one 2 three")]).text
    'one 2 three'
    """
    words = tokens(base)
    items = sorted(
        (
            (owner, e)
            for owner, text in variants
            for e in (
                widen(base, edits(base, text), (claims or {}).get(owner, ()))
                if len(variants) > 1
                else edits(base, text)
            )
        ),
        key=lambda x: (x[1].start, x[1].end),
    )
    kept: list[tuple[str, Edit]] = []
    clashes: list[Clash] = []
    for cluster in _clusters(items):
        members = [items[i] for i in cluster]
        owners = tuple(dict.fromkeys(owner for owner, _ in members))
        if len(owners) == 1:
            kept.extend(members)
            continue
        by_owner = {o: tuple(e for owner, e in members if owner == o) for o in owners}
        if len(set(by_owner.values())) == 1:
            kept.extend((owners[0], e) for e in by_owner[owners[0]])
            continue
        start = min(e.start for _, e in members)
        end = max(e.end for _, e in members)
        proposals = tuple((o, _render(words, start, end, by_owner[o]).strip()) for o in owners)
        shown = "".join(words[start:end]).strip()
        clashes.append(Clash(owners, start, end, shown, proposals))
    kept.sort(key=lambda x: (x[1].start, x[1].end))
    text = _render(words, 0, len(words), [e for _, e in kept])
    return Merge(text, tuple(kept), tuple(clashes))
