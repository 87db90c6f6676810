"""Pinning printed numbers that position would not give, for trees read with their numbers.

Examples
--------
>>> from rulebook.model import Clause, Level
>>> [c.number for c in pin_printed((Clause("a"), Clause("b")), (Level("arabic"),), {"a": "1", "b": "3"})]
[None, '3']
"""

from __future__ import annotations

from collections.abc import Mapping

import attrs

from rulebook.model import Clause, Level
from rulebook.numbering import format_number

__all__ = ["pin_printed"]


def pin_printed(
    clauses: tuple[Clause, ...], levels: tuple[Level, ...], printed: Mapping[str, str]
) -> tuple[Clause, ...]:
    """The clauses with ``number`` pinned wherever the printed number differs from the positional one."""

    def run(siblings: tuple[Clause, ...], depth: int) -> tuple[Clause, ...]:
        level = levels[min(depth, len(levels) - 1)]
        counter = 0
        seen: set[str] = set()
        out = []
        for clause in siblings:
            token = printed.get(clause.id)
            expected = format_number(counter + 1, level.style)
            number: str | None = None
            if (token is None or token == expected) and expected.casefold() not in seen:
                counter += 1
                seen.add(expected.casefold())
            else:
                pinned = token or expected
                while pinned.casefold() in seen:
                    pinned += "bis"
                seen.add(pinned.casefold())
                number = pinned
            out.append(attrs.evolve(clause, number=number, children=run(clause.children, depth + 1)))
        return tuple(out)

    return run(clauses, 0)
