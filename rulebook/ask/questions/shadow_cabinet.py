"""``shadow_cabinet.composition``: how many shadow cabinet places each route of selection fills.

``shadow_cabinet.selection`` gives each route's share (``{plp: 1.0}``, or a
third each for ``plp``, ``leader`` and ``members``); the places are shared out
by largest remainder. The size is ``shadow_cabinet.size``, or, where the rules
fix none, the fact ``size``. When remainders tie for the last place(s), the
rules do not say who gets them: the answer says which routes tie, and is
undetermined.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.ask.engine import ask
>>> v = loads('''
... rulebook: party
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses:
...   - {id: sc, text: "A third each.",
...      provisions: {shadow_cabinet.selection: {plp: 0.3333, leader: 0.3333, members: 0.3333}}}
... ''')
>>> ask(v, "shadow_cabinet.composition", {"size": 30}).answer["seats"]
immutabledict({'plp': 10, 'leader': 10, 'members': 10})
>>> a = ask(v, "shadow_cabinet.composition", {"size": 31})
>>> a.status, a.answer["undecided"]
('undetermined', immutabledict({'seats': 1, 'between': ('plp', 'leader', 'members')}))
"""

from __future__ import annotations

import math
from fractions import Fraction
from typing import Any

from rulebook.ask.answer import Gap, Outcome
from rulebook.ask.facts import Fact
from rulebook.ask.registry import question
from rulebook.ask.view import ProvisionView, read_weights

__all__ = ["composition", "largest_remainder"]

SIZE = "shadow_cabinet.size"
SELECTION = "shadow_cabinet.selection"


def largest_remainder(size: int, shares: dict[str, Fraction]) -> tuple[dict[str, int], int, list[str]]:
    """Seats per route by largest remainder: the seats settled, the seats left
    undecided by a tie of remainders, and the routes that tie for them.

    Examples
    --------
    >>> largest_remainder(7, {"a": Fraction(1, 2), "b": Fraction(1, 2)})
    ({'a': 3, 'b': 3}, 1, ['a', 'b'])
    >>> largest_remainder(10, {"a": Fraction(6, 10), "b": Fraction(3, 10), "c": Fraction(1, 10)})
    ({'a': 6, 'b': 3, 'c': 1}, 0, [])
    """
    total = sum(shares.values(), Fraction(0))
    quotas = {r: size * s / total for r, s in shares.items()}
    seats = {r: math.floor(q) for r, q in quotas.items()}
    left = size - sum(seats.values())
    if not left:
        return seats, 0, []
    remainders = sorted({q - seats[r] for r, q in quotas.items()}, reverse=True)
    for remainder in remainders:
        group = [r for r, q in quotas.items() if q - seats[r] == remainder]
        if len(group) <= left:
            for r in group:
                seats[r] += 1
            left -= len(group)
            if not left:
                return seats, 0, []
        else:
            return seats, left, group
    return seats, left, []  # pragma: no cover - remainders always place every seat


@question("shadow_cabinet.composition", facts=("size",))
def composition(view: ProvisionView, facts: Fact) -> Outcome:
    """How many shadow cabinet places each route of selection fills (largest remainder).

    Examples
    --------
    >>> from rulebook import loads
    >>> from rulebook.ask import ask
    >>> v = loads('''
    ... rulebook: party
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: sc, text: "Chosen by the PLP.",
    ...      provisions: {shadow_cabinet.selection: {plp: 1.0}, shadow_cabinet.size: 19}}
    ... ''')
    >>> a = ask(v, "shadow_cabinet.composition")
    >>> a.status, dict(a.answer["seats"]), a.answer["size_from"]
    ('determined', {'plp': 19}, 'rules')
    """
    shares = read_weights(view, SELECTION, each="route of selection", weight="share", example="{leader: 1.0}")
    if shares is None:
        return Outcome({}, [Gap.silent(SELECTION, "how members of the shadow cabinet are chosen")])
    total = sum(shares.values(), Fraction(0))
    answer: dict[str, Any] = {"shares": {r: float(s / total) for r, s in shares.items()}}
    fixed = view.get(SIZE)
    given = facts.get("size")
    if fixed is not None:
        if isinstance(fixed, bool) or not isinstance(fixed, int) or fixed < 0:
            raise view.invalid(SIZE, f"must be a whole number of places, not {fixed!r}")
        if given is not None and given.integer() != fixed:
            where = view.clause_of(SIZE)
            raise given.error(
                f"the rules fix the size at {fixed} ({where.citation if where else SIZE}); "
                "drop the fact size, or amend the rules with a motion"
            )
        size, source = fixed, "rules"
    elif given is not None:
        size, source = given.integer(what=" of places"), "facts"
    else:
        return Outcome(
            answer,
            [Gap.silent(SIZE, "how many members the shadow cabinet has (give the fact size to share places out)")],
        )
    seats, left, tied = largest_remainder(size, shares)
    answer.update(
        size=size, size_from=source, seats=seats, quotas={r: float(size * s / total) for r, s in shares.items()}
    )
    gaps: list[Gap] = []
    if left:
        answer["undecided"] = {"seats": left, "between": tied}
        gaps.append(
            Gap(
                f"{', '.join(tied)} tie for the last {left} place(s) by largest remainder, and the rules do not "
                "say how such a tie is broken"
            )
        )
    return Outcome(answer, gaps)
