"""Figures a motion changed that no value follows: the values they may state are no longer stated.

A value of a provision that is bound to no phrase (its figure is written more
than once in the clause, and no ``stated_by`` says which occurrence states it)
cannot follow its words. When a motion changes one of the phrases that say the
value's figure, the value it leaves may be the old figure or not: it is marked
no longer stated, so that no answer rests on it unseen (docs/provisions.md,
"Figures no value follows"). :mod:`rulebook.binding` calls :func:`unfollowed`
when it restates a clause whose words a motion changed.

Examples
--------
>>> old = "5 per cent of the branches or 5 per cent of the sections."
>>> new = "10 per cent of the branches or 5 per cent of the sections."
>>> [(s.leaf, s.lost[:69]) for s in unfollowed(old, new, [("n", ("a",), 0.05)], [], "m")]
[('n.a', "motion m changed '5 per cent' to '10 per cent', one of 2 phrases that")]
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from rulebook.quantities import Quantity, matches, read_quantities
from rulebook.statement import Stated
from rulebook.tracking import track

__all__ = ["unfollowed"]


def _now(old: str, new: str, q: Quantity) -> tuple[str, Quantity | None]:
    """The words that stand where ``q`` stood, and the one quantity of the same kind there (or None)."""
    start, end = track(old, new, q.start, q.end)
    near = [n for n in read_quantities(new) if n.start < end and start < n.end and n.kind == q.kind]
    return new[start:end], near[0] if len(near) == 1 else None


def _said(q: Quantity) -> str:
    return f"{float(q.value) * 100:g}%" if q.kind == "share" else str(q.value)


def unfollowed(
    old: str,
    new: str,
    unbound: Sequence[tuple[str, tuple[str | int, ...], Any]],
    bound: Sequence[tuple[int, int]],
    since: str | None = None,
) -> list[Stated]:
    """The values of ``unbound`` (``(provision, path, value)``, bound to no phrase)
    that the change of the words from ``old`` to ``new`` leaves no longer stated:
    those whose figure a changed phrase said. Phrases in ``bound`` (spans of
    ``old`` bound to other values) are not theirs. ``since`` names the motion.

    Examples
    --------
    >>> unfollowed("Six and 5 per cent.", "Eight and 5 per cent.", [("n", (), 0.05)], [])
    []
    """
    if not unbound or old == new:
        return []
    phrases = [q for q in read_quantities(old) if not any(b < q.end and q.start < e for b, e in bound)]
    out: list[Stated] = []
    changes: dict[Quantity, str | None] = {}
    for name, path, value in unbound:
        said = [q for q in phrases if matches(value, q)]
        for q in said:
            if q not in changes:
                words, now = _now(old, new, q)
                same = now is not None and now.value == q.value and now.kind == q.kind
                changes[q] = None if same else repr(now.text if now is not None else words) if words else "nothing"
            if changes[q] is not None:
                who = f"motion {since}" if since else "a motion"
                which = f"one of {len(said)} phrases" if said[1:] else "a phrase"
                lost = (
                    f"{who} changed {q.text!r} to {changes[q]}, {which} that said {_said(q)}, "
                    "and no binding says which of them states this value"
                )
                out.append(Stated(name, path, lost=lost))
                break
    return out
