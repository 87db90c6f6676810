"""Which sets and orders of a group of motions are tried: the order bound and the
shrinking of a group finding to the fewest motions that still cause it (``docs/checking.md``).

Examples
--------
>>> orders(3)
[(2, 1, 0), (1, 2, 0), (0, 2, 1), (2, 0, 1), (1, 0, 2)]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

__all__ = ["ORDER_LIMIT", "SHRINK_LIMIT", "minimal", "orders"]

#: The largest group (in motions) that is also applied in the other :func:`orders`.
ORDER_LIMIT = 5

#: The largest group (in motions) whose findings are shrunk (:func:`minimal`) to the fewest motions
#: that still cause them; a finding of a larger group names the whole group.
SHRINK_LIMIT = 12


def minimal(items: Sequence[Any], still: Callable[[Sequence[Any]], bool]) -> list[Any]:
    """The fewest of ``items`` (in their order) for which ``still`` holds, given that it holds for all
    of them: drop one item at a time, keeping the drop whenever ``still`` holds without it, and go
    over them again while that removed something, calling ``still`` at most ``2 * len(items)`` times.
    When the budget lasts (always, when ``still`` only ever becomes false as items are dropped), no
    single item of the result can be dropped.

    Examples
    --------
    >>> minimal(["a", "b", "c", "d"], lambda s: {"a", "c"} <= set(s))
    ['a', 'c']
    >>> minimal([1, 2, 3], lambda s: sum(s) >= 5)
    [2, 3]
    """
    kept = list(items)
    budget = 2 * len(kept)
    dropped = True
    while dropped and budget > 0:
        dropped = False
        i = 0
        while i < len(kept) and len(kept) > 1 and budget > 0:
            trial = kept[:i] + kept[i + 1 :]
            budget -= 1
            if still(trial):
                kept = trial
                dropped = True
            else:
                i += 1
    return kept


def orders(size: int) -> list[tuple[int, ...]]:
    """The orders, other than the agenda order ``0, 1, ..., size - 1``, in
    which a group of ``size`` motions is also applied: every rotation of the
    agenda order and the reverse of each, so that each motion comes first once
    and each two neighbours come in both orders (all six orders of three).

    Examples
    --------
    >>> orders(2)
    [(1, 0)]
    >>> len(orders(4)), len(orders(5))
    (7, 9)
    """
    out: list[tuple[int, ...]] = []
    for start in range(size):
        turned = tuple(range(start, size)) + tuple(range(start))
        for order in (turned, tuple(reversed(turned))):
            if order != tuple(range(size)) and order not in out:
                out.append(order)
    return out
