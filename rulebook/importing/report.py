"""Doubtful spots of an import: where the importer guessed, and what a person should check.

Examples
--------
>>> d = Doubt("rules.txt", 12, "numbering skips from 3 to 5; kept the printed number 5")
>>> str(d)
'rules.txt:12: numbering skips from 3 to 5; kept the printed number 5'
>>> str(Doubt("rules.pdf", 4, "page header dropped", page=2))
'rules.pdf:page 2, line 4: page header dropped'
"""

from __future__ import annotations

from collections.abc import Iterable

import attrs

__all__ = ["Doubt", "format_report"]


@attrs.frozen
class Doubt:
    """One doubtful spot: where (file, line and, for paged documents, page) and what was guessed."""

    file: str
    line: int | None
    message: str
    page: int | None = None

    def __str__(self) -> str:
        if self.page is not None:
            where = f"{self.file}:page {self.page}" + (f", line {self.line}" if self.line is not None else "")
        else:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
        return f"{where}: {self.message}"


def format_report(doubts: Iterable[Doubt]) -> str:
    """The report printed by ``rulebook import``: one doubt per line, in document order.

    Examples
    --------
    >>> print(format_report([Doubt("a.txt", 9, "second"), Doubt("a.txt", 2, "first")]))
    a.txt:2: first
    a.txt:9: second
    """
    ordered = sorted(doubts, key=lambda d: (d.page or 0, d.line or 0))
    return "\n".join(str(d) for d in ordered)
