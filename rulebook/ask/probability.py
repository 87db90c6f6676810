"""Exact vote arithmetic for seats whose votes are uncertain.

Each seat votes for with probability ``p_for``, abstains with ``p_abstain``,
and otherwise votes against. The margin (for minus against) of many such
seats has a Poisson-binomial-like distribution, computed here exactly by
convolution over fractions: no sampling, no rounding.

Examples
--------
>>> dist = margin_distribution([SeatChance(Fraction(1, 2)), SeatChance(Fraction(1, 2))])
>>> dist
{-2: Fraction(1, 4), 0: Fraction(1, 2), 2: Fraction(1, 4)}
>>> outcome_probabilities(dist, base=1)
Outcome(carried=Fraction(3, 4), tied=Fraction(0, 1), lost=Fraction(1, 4))
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from fractions import Fraction

import attrs

__all__ = ["Outcome", "SeatChance", "margin_distribution", "outcome_probabilities"]


@attrs.frozen
class SeatChance:
    """How one present seat may vote: for with ``p_for``, abstain with ``p_abstain``, else against.

    Examples
    --------
    >>> SeatChance(Fraction(1, 2), Fraction(1, 4)).p_against
    Fraction(1, 4)
    """

    p_for: Fraction
    p_abstain: Fraction = Fraction(0)

    @property
    def p_against(self) -> Fraction:
        """The rest of the probability."""
        return 1 - self.p_for - self.p_abstain


def margin_distribution(seats: Iterable[SeatChance]) -> dict[int, Fraction]:
    """Probability of each margin (votes for minus votes against) over ``seats``.

    Examples
    --------
    >>> margin_distribution([])
    {0: Fraction(1, 1)}
    >>> margin_distribution([SeatChance(Fraction(1), Fraction(0))])
    {1: Fraction(1, 1)}
    """
    dist: dict[int, Fraction] = {0: Fraction(1)}
    for seat in seats:
        moves = [(1, seat.p_for), (0, seat.p_abstain), (-1, seat.p_against)]
        nxt: dict[int, Fraction] = {}
        for margin, p in dist.items():
            for step, q in moves:
                if q:
                    nxt[margin + step] = nxt.get(margin + step, Fraction(0)) + p * q
        dist = nxt
    return dict(sorted(dist.items()))


@attrs.frozen
class Outcome:
    """Probabilities that a vote is carried, tied and lost (they sum to 1).

    Examples
    --------
    >>> o = outcome_probabilities(margin_distribution([SeatChance(Fraction(1, 2))]))
    >>> o.carried, o.tied, o.lost, o.carried + o.tied + o.lost
    (Fraction(1, 2), Fraction(0, 1), Fraction(1, 2), Fraction(1, 1))
    """

    carried: Fraction
    tied: Fraction
    lost: Fraction


def outcome_probabilities(dist: Mapping[int, Fraction], base: int = 0) -> Outcome:
    """Carried/tied/lost probabilities when ``base`` (the certain margin) is added to ``dist``.

    Examples
    --------
    >>> dist = margin_distribution([SeatChance(Fraction(1, 2), Fraction(1, 2))])  # for or abstain
    >>> outcome_probabilities(dist)
    Outcome(carried=Fraction(1, 2), tied=Fraction(1, 2), lost=Fraction(0, 1))
    >>> outcome_probabilities(dist, base=-1)  # one certain vote against
    Outcome(carried=Fraction(0, 1), tied=Fraction(1, 2), lost=Fraction(1, 2))
    """
    carried = sum((p for m, p in dist.items() if m + base > 0), Fraction(0))
    tied = sum((p for m, p in dist.items() if m + base == 0), Fraction(0))
    lost = sum((p for m, p in dist.items() if m + base < 0), Fraction(0))
    return Outcome(carried, tied, lost)
