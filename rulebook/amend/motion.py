"""Motions, rulings and their amendments, as immutable data.

Examples
--------
>>> a = Amendment("replace_words", clause="Chapter 4, Clause II.2.B.i", old="15 per cent", new="10 per cent")
>>> m = Motion("2017-threshold", amendments=(a,), base="2016")
>>> m.kind, m.amendments[0].op
('motion', 'replace_words')
"""

from __future__ import annotations

import datetime as dt
from typing import Any

import attrs

from rulebook.model import Change, Clause, as_tuple, freeze

__all__ = ["OPS", "OUTCOMES", "RULING_OPS", "Amendment", "Motion"]

#: Operations and the fields each takes (besides ``op``); see CONTRACT section 2.
OPS: dict[str, tuple[str, ...]] = {
    "replace_words": ("clause", "old", "new", "occurrence"),
    "insert_words": ("clause", "words", "after", "before", "occurrence"),
    "delete_words": ("clause", "words", "occurrence"),
    "replace_text": ("clause", "text", "heading"),
    "insert_clause": ("after", "before", "into", "clause"),
    "delete_clause": ("clause",),
    "move_clause": ("clause", "after", "before", "into"),
    "set_provision": ("clause", "name", "value"),
    "remove_provision": ("clause", "name"),
}
#: The operations a ruling may use: it changes what rules mean, never their words.
RULING_OPS = ("set_provision", "remove_provision")
#: What became of a motion; only a carried one changes the book (docs/file-format.md).
OUTCOMES = ("carried", "lost", "withdrawn", "remitted", "pending")


@attrs.frozen
class Amendment:
    """One operation of a motion.

    ``clause`` names the clause it works on (for ``insert_clause``: the anchor
    is ``after``, ``before`` or ``into`` and the new clause is ``new_clause``).
    ``wording`` keeps the conventional English it was read from, if any.

    Examples
    --------
    >>> a = Amendment("replace_words", clause="Rule 1", old="15 per cent", new="10 per cent")
    >>> a.op, a.clause, a.old, a.new
    ('replace_words', 'Rule 1', '15 per cent', '10 per cent')
    """

    op: str
    clause: str | None = None
    old: str | None = None
    new: str | None = None
    words: str | None = None
    after: str | None = None
    before: str | None = None
    into: str | None = None
    text: str | None = None
    heading: str | None = None
    new_clause: Clause | None = None
    name: str | None = None
    value: Any = attrs.field(default=None, converter=freeze)  # immutable, like provisions in a Clause
    occurrence: int | None = None
    wording: str | None = None
    line: int | None = attrs.field(default=None, eq=False)

    @property
    def anchor(self) -> tuple[str, str] | None:
        """``(where, ref)`` for positional operations: where is after/before/into."""
        for where in ("after", "before", "into"):
            ref = getattr(self, where)
            if ref is not None:
                return where, ref
        return None


@attrs.frozen
class Motion:
    """A motion (or, with ``kind="ruling"``, a binding ruling) and its amendments.

    Examples
    --------
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], base="1")
    >>> m.kind, m.base, len(m.amendments)
    ('motion', '1', 1)
    """

    id: str
    amendments: tuple[Amendment, ...] = attrs.field(converter=as_tuple)
    title: str | None = None
    proposer: str | None = None
    base: str | None = None
    date: dt.date | None = None
    urgent: bool = False
    kind: str = "motion"
    authority: str | None = None
    source: str | None = None
    file: str | None = attrs.field(default=None, eq=False)
    line: int | None = attrs.field(default=None, eq=False)
    outcome: str = "carried"

    @property
    def carried(self) -> bool:
        """Whether the meeting carried it (a lost, withdrawn, remitted or pending motion changes nothing).

        Examples
        --------
        >>> Motion("cut", [], outcome="lost").carried
        False
        """
        return self.outcome == "carried"

    @property
    def change(self) -> Change:
        """The :class:`~rulebook.model.Change` record a version keeps of this motion."""
        return Change(
            kind=self.kind,
            id=self.id,
            title=self.title,
            authority=self.authority,
            source=self.source,
            date=self.date,
            file=self.file,
        )

    def where(self, index: int | None = None) -> str:
        """``file:line: amendment N of motion ID`` prefix for messages (1-based N)."""
        line = self.line
        if index is not None and index < len(self.amendments) and self.amendments[index].line:
            line = self.amendments[index].line
        loc = f"{self.file}:{line}: " if self.file and line else (f"{self.file}: " if self.file else "")
        what = f"{self.kind} {self.id}"
        return f"{loc}amendment {index + 1} of {what}" if index is not None else f"{loc}{what}"
