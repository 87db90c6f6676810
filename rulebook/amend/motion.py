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

from rulebook.errors import AmendmentError
from rulebook.model import Change, Clause, as_tuple, freeze

__all__ = ["OPERATIONS", "OPS", "OUTCOMES", "RULING_OPS", "Amendment", "Motion", "Operation"]


@attrs.frozen
class Operation:
    """One amendment operation as declared once: its fields, which of them a motion
    file must give, which anchor it takes, and whether a ruling may use it.

    Examples
    --------
    >>> OPERATIONS["insert_words"].anchors, OPERATIONS["set_provision"].ruling
    (('after', 'before', 'at'), True)
    """

    name: str
    fields: tuple[str, ...]  # besides ``op``; ``clause`` of insert_clause is the new clause
    required: tuple[str, ...]  # in a motion file (docs/motions.md)
    anchors: tuple[str, ...] = ()  # exactly one of these places it
    ruling: bool = False  # a ruling changes what rules mean, never their words


#: Every operation, in the order docs/motions.md lists them.
OPERATIONS: dict[str, Operation] = {
    o.name: o
    for o in (
        Operation(
            "replace_words", ("clause", "old", "new", "occurrence", "part", "throughout"), ("clause", "old", "new")
        ),
        Operation(
            "insert_words",
            ("clause", "words", "after", "before", "at", "occurrence"),
            ("clause", "words"),
            ("after", "before", "at"),
        ),
        Operation("delete_words", ("clause", "words", "occurrence"), ("clause", "words")),
        Operation("replace_text", ("clause", "text", "heading"), ("clause",)),
        Operation(
            "insert_clause", ("after", "before", "into", "clause", "numbered"), ("clause",), ("after", "before", "into")
        ),
        Operation("delete_clause", ("clause",), ("clause",)),
        Operation("move_clause", ("clause", "after", "before", "into"), ("clause",), ("after", "before", "into")),
        Operation("set_provision", ("clause", "name", "value"), ("clause", "name", "value"), ruling=True),
        Operation("remove_provision", ("clause", "name"), ("clause", "name"), ruling=True),
    )
}
#: Operations and the fields each takes (besides ``op``), from :data:`OPERATIONS`.
OPS: dict[str, tuple[str, ...]] = {name: o.fields for name, o in OPERATIONS.items()}
#: The operations a ruling may use: it changes what rules mean, never their words.
RULING_OPS = tuple(name for name, o in OPERATIONS.items() if o.ruling)
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
    >>> Amendment("replace_wrods", clause="Rule 1")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rulebook.errors.AmendmentError: unknown operation 'replace_wrods'; the operations are replace_words, ...
    """

    op: str = attrs.field()
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
    #: Which occurrence of the phrase (1 for the first); ``"all"`` (``replace_words`` only): every one.
    occurrence: int | str | None = None
    #: For ``insert_clause``: the citation the motion says the new clause will have, checked when applied.
    numbered: str | None = None
    #: For ``insert_words``: ``end`` or ``start`` of the clause's text, instead of a phrase.
    at: str | None = None
    #: For ``replace_words``: ``heading`` when the words are in the clause's heading (``text``, the default).
    part: str | None = None
    #: For ``replace_words``: true when every occurrence in every clause of the book is replaced (no ``clause``).
    throughout: bool | None = None
    wording: str | None = None
    line: int | None = attrs.field(default=None, eq=False)

    @op.validator
    def _known(self, _: Any, op: str) -> None:
        if op not in OPS:  # checked here, so no half-made motion carries a misspelt operation
            raise AmendmentError(f"unknown operation {op!r}; the operations are {', '.join(OPS)} (docs/motions.md)")

    @property
    def nth(self) -> int | None:
        """The occurrence as a number, None for "the only one" (and for ``"all"``, handled by the operation)."""
        return self.occurrence if isinstance(self.occurrence, int) else None

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
