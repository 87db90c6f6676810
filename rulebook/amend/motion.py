"""Motions, rulings and their amendments, as immutable data.

Examples
--------
>>> a = Amendment("replace_words", clause="Chapter 4, Clause II.2.B.i", old="15 per cent", new="10 per cent")
>>> m = Motion("2017-threshold", amendments=(a,), base="2016")
>>> m.kind, m.amendments[0].op
('motion', 'replace_words')
"""

from __future__ import annotations

import contextlib
import datetime as dt
import importlib
from collections.abc import Callable, Iterator, Mapping, Sequence
from typing import Any, overload

import attrs

from rulebook.errors import AmendmentError
from rulebook.model import Change, Clause, Version, as_tuple, freeze

__all__ = [
    "FOOTPRINTS",
    "OPERATIONS",
    "OPS",
    "OUTCOMES",
    "RULING_OPS",
    "Amendment",
    "Applier",
    "Motion",
    "Operation",
    "OperationNames",
    "Operations",
    "Writer",
]


#: What an operation reads of the clause it names, besides the clause being there
#: (``rulebook.check.footprint``): its words, a provision (``name``), or neither.
FOOTPRINTS = ("words", "provision", "structure")

#: Applies one amendment: ``(step, version, amendment) -> version``; ``step`` is the
#: :class:`rulebook.amend.apply.Step` of the motion (references, phrases, errors).
Applier = Callable[[Any, Version, "Amendment"], Version]
#: Writes one amendment's wording: ``(amendment, ref) -> str``, ``ref`` writing a clause reference.
Writer = Callable[["Amendment", Callable[[str | None], str]], str]


@attrs.frozen
class Operation:
    """One amendment operation, declared once: its fields, which of them a motion file
    must give, which anchor it takes, whether a ruling may use it, and its behaviour:
    how it applies, what it reads (its footprint), its wording and how generated
    motions draw it (docs/architecture.md, "Adding to it").

    ``wording`` is a template (``"{clause:ref}: delete {words:quote}"``, see
    :func:`rulebook.amend.wording.write_wording`) or a :data:`Writer`; ``strategy``
    a function of :class:`rulebook.strategies.motions.Builder` returning the amendment
    and the ids and names it touches (or None), or its ``"module:name"``, imported
    when a motion is first drawn, since strategies sit above this layer.

    Examples
    --------
    >>> OPERATIONS["insert_words"].anchors, OPERATIONS["set_provision"].ruling
    (('after', 'before', 'at'), True)
    >>> OPERATIONS["delete_words"].footprint, OPERATIONS["delete_words"].wording
    ('words', '{clause:ref}: delete {words:quote}{occurrence:occurrence}')
    """

    name: str
    fields: tuple[str, ...]  # besides ``op``; ``clause`` of insert_clause is the new clause
    required: tuple[str, ...]  # in a motion file (docs/motions.md)
    anchors: tuple[str, ...] = ()  # exactly one of these places it
    ruling: bool = False  # a ruling changes what rules mean, never their words
    footprint: str = attrs.field(default="structure", validator=attrs.validators.in_(FOOTPRINTS))
    apply: Applier | None = attrs.field(default=None, eq=False, repr=False)
    wording: str | Writer | None = attrs.field(default=None, eq=False, repr=False)
    strategy: str | Callable[[Any], Any] | None = attrs.field(default=None, eq=False, repr=False)
    #: ``apply`` reads and rewrites one clause's words through ``Step.clause`` and
    #: ``Step.put`` alone, so ``apply_all`` may hold its edits back and build one
    #: version for many (docs/architecture.md, "Speed").
    words_only: bool = attrs.field(default=False, eq=False, repr=False)


class Operations(Mapping[str, Operation]):
    """The operation registry: operations by name, in the order docs/motions.md lists them.

    The built-in operations (:mod:`rulebook.amend.operations`) are loaded on first
    use, by name, because their behaviour sits above this module. Like the question
    registry, this is module-level state on purpose: an amendment names its operation
    by a string that every layer must be able to look up. :meth:`registered` adds
    operations for the length of a ``with`` block only.

    Examples
    --------
    >>> "replace_words" in OPERATIONS, "upper_words" in OPERATIONS
    (True, False)
    >>> with OPERATIONS.registered(Operation("upper_words", ("clause", "words"), ("clause", "words"))):
    ...     Amendment("upper_words", clause="Rule 1", words="fee").op
    'upper_words'
    >>> "upper_words" in OPERATIONS
    False
    """

    def __init__(self, builtins: str | None = None) -> None:
        self._operations: dict[str, Operation] = {}
        self._builtins = builtins

    def _loaded(self) -> dict[str, Operation]:
        if self._builtins is not None:
            module, self._builtins = self._builtins, None  # cleared first: loading makes amendments too
            for operation in importlib.import_module(module).BUILTINS:
                self._operations.setdefault(operation.name, operation)
        return self._operations

    def __getitem__(self, name: str) -> Operation:
        return self._loaded()[name]

    def __iter__(self) -> Iterator[str]:
        return iter(self._loaded())

    def __len__(self) -> int:
        return len(self._loaded())

    def __contains__(self, name: object) -> bool:
        return name in self._loaded()

    def register(self, operation: Operation) -> Operation:
        """Add an operation; a name already taken is an error (operations are never redefined)."""
        if operation.name in self._loaded():
            raise AmendmentError(f"operation {operation.name!r} is already registered; choose another name")
        self._operations[operation.name] = operation
        return operation

    def unregister(self, name: str) -> None:
        """Remove an operation (no error if it is not there)."""
        self._loaded().pop(name, None)

    @contextlib.contextmanager
    def registered(self, *operations: Operation) -> Iterator[tuple[Operation, ...]]:
        """Register ``operations`` for the length of a ``with`` block, then remove them."""
        added: list[str] = []
        try:
            for operation in operations:
                added.append(self.register(operation).name)
            yield operations
        finally:
            for name in added:
                self.unregister(name)


class OperationNames(Sequence[str]):
    """The names of the registered operations that ``test`` accepts, read when used (so
    that an operation registered later is among them); compares equal to a tuple.

    Examples
    --------
    >>> RULING_OPS
    ('set_provision', 'remove_provision')
    >>> RULING_OPS == ("set_provision", "remove_provision"), "set_provision" in RULING_OPS
    (True, True)
    """

    def __init__(self, test: Callable[[Operation], bool], registry: Operations | None = None) -> None:
        self._test = test
        self._registry = registry

    def _names(self) -> tuple[str, ...]:
        registry = OPERATIONS if self._registry is None else self._registry
        return tuple(name for name, operation in registry.items() if self._test(operation))

    @overload
    def __getitem__(self, index: int) -> str: ...
    @overload
    def __getitem__(self, index: slice) -> tuple[str, ...]: ...
    def __getitem__(self, index: int | slice) -> str | tuple[str, ...]:
        return self._names()[index]

    def __len__(self) -> int:
        return len(self._names())

    def __contains__(self, name: object) -> bool:
        return name in self._names()

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Sequence) and tuple(other) == self._names()

    def __hash__(self) -> int:
        return hash(self._names())

    def __repr__(self) -> str:
        return repr(self._names())


class _Fields(Mapping[str, tuple[str, ...]]):
    """Each registered operation's fields, read when used."""

    def __getitem__(self, name: str) -> tuple[str, ...]:
        return OPERATIONS[name].fields

    def __iter__(self) -> Iterator[str]:
        return iter(OPERATIONS)

    def __len__(self) -> int:
        return len(OPERATIONS)

    def __repr__(self) -> str:
        return repr(dict(self))


#: Every operation, in the order docs/motions.md lists them (the registry).
OPERATIONS = Operations("rulebook.amend.operations")
#: Operations and the fields each takes (besides ``op``), from :data:`OPERATIONS`.
OPS: Mapping[str, tuple[str, ...]] = _Fields()
#: The operations a ruling may use: it changes what rules mean, never their words.
RULING_OPS = OperationNames(lambda operation: operation.ruling)
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
        if op not in OPERATIONS:  # checked here, so no half-made motion carries a misspelt operation
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
