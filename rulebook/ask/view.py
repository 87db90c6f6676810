"""What a question sees of a version: provisions only, and every read recorded.

A question never gets the :class:`~rulebook.model.Version` itself. It gets a
:class:`ProvisionView`, which hands out provision values (frozen, so they
cannot be changed) and writes down each read as a :class:`Read`. The reads
become the answer's ``because`` and the key under which sweeps reuse answers:
a question that reads the same values gives the same answer.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
...             [Clause("fees", provisions={"fees.annual": 15})])
>>> view = ProvisionView(v)
>>> view.get("fees.annual"), view.get("fees.joining")
(15, None)
>>> [(r.kind, r.name, r.result) for r in view.reads]
[('value', 'fees.annual', 15), ('value', 'fees.joining', ABSENT)]
"""

from __future__ import annotations

import difflib
from fractions import Fraction
from typing import Any, Final

import attrs

from rulebook.ask.facts import as_fraction
from rulebook.binding import describe_lost, lost_statements
from rulebook.errors import QuestionError
from rulebook.model import Version
from rulebook.numbering import citation

__all__ = ["ABSENT", "ClauseRef", "ProvisionView", "Read", "Unstated", "observe", "read_weights"]


class _Absent:
    """The value recorded for a provision that no clause carries."""

    _instance: _Absent | None = None

    def __new__(cls) -> _Absent:
        if cls._instance is None:
            cls._instance = super().__new__(cls)
        return cls._instance

    def __repr__(self) -> str:
        return "ABSENT"

    def __reduce__(self) -> str:
        return "ABSENT"


#: Recorded for a provision that the version does not carry.
ABSENT: Final = _Absent()


@attrs.frozen
class Unstated:
    """Recorded for a provision whose clause no longer states it (docs/provisions.md):
    the words that stated it were changed into words that cannot be read. A
    question sees it as absent; the answer gets a gap for each ``reason``."""

    name: str
    reasons: tuple[str, ...]


@attrs.frozen
class ClauseRef:
    """Where a provision is carried: the clause's stable id and its citation."""

    id: str
    citation: str


@attrs.frozen
class Read:
    """One observation a question made: ``kind`` is ``value`` (a provision's
    value), ``clause`` (where it is carried) or ``names`` (which provisions
    exist, for suggestions); ``result`` is what it saw (hashable)."""

    kind: str
    name: str
    result: Any

    @property
    def key(self) -> tuple[str, str]:
        """What was asked, without the answer: the step of a memo trie."""
        return self.kind, self.name


def observe(version: Version, kind: str, name: str) -> Any:
    """What a read of ``kind`` and ``name`` sees in ``version`` (see :class:`Read`).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x", provisions={"a.b": 1})])
    >>> observe(v, "clause", "a.b"), observe(v, "names", "")
    (ClauseRef(id='x', citation='Rule 1'), ('a.b',))
    """
    if kind == "value":
        cid = version.provision_clause(name)
        if cid is None:
            return ABSENT
        lost = lost_statements(version, name)
        if lost:
            return Unstated(name, tuple(describe_lost(version, s) for s in lost))
        return version.clause(cid).provisions[name]
    if kind == "clause":
        cid = version.provision_clause(name)
        return None if cid is None else ClauseRef(cid, citation(version, cid))
    if kind == "names":
        return tuple(sorted(version.provision_index))
    raise ValueError(f"unknown kind of read {kind!r}")


class ProvisionView:
    """A version as a question may see it: provision values, each read recorded.

    Values are frozen (``immutabledict`` and tuples): treat them as mappings
    and sequences. ``get`` returns ``default`` for a provision no clause carries;
    ``has`` says whether one does. Both count as reads.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
    ...             [Clause("fees", provisions={"fees.annual": 15, "nec.seats": {"members": 5}})])
    >>> view = ProvisionView(v)
    >>> view.get("nec.seats")["members"], view.has("fees.joining")
    (5, False)
    >>> view.clause_of("fees.annual"), view.nearest("fees.anual")
    (ClauseRef(id='fees', citation='Rule 1'), ['fees.annual'])
    >>> [(r.kind, r.name) for r in view.reads]
    [('value', 'nec.seats'), ('value', 'fees.joining'), ('clause', 'fees.annual'), ('names', '')]
    >>> str(view.invalid("nec.seats", "give each section a number of seats")).split(";")[0]
    "provision 'nec.seats' in Rule 1 (id fees) of version '1': give each section a number of seats"
    """

    __slots__ = ("_reads", "_seen", "_version")

    def __init__(self, version: Version) -> None:
        self._version = version
        self._reads: list[Read] = []
        self._seen: dict[tuple[str, str], Any] = {}

    def _read(self, kind: str, name: str) -> Any:
        key = (kind, name)
        if key not in self._seen:
            result = observe(self._version, kind, name)
            self._seen[key] = result
            self._reads.append(Read(kind, name, result))
        return self._seen[key]

    @property
    def reads(self) -> tuple[Read, ...]:
        """Every distinct read, in the order it was first made."""
        return tuple(self._reads)

    def get(self, name: str, default: Any = None) -> Any:
        """The value of provision ``name`` (``default`` when no clause carries it)."""
        value = self._read("value", name)
        return default if value is ABSENT or isinstance(value, Unstated) else value

    def has(self, name: str) -> bool:
        """Whether some clause carries provision ``name``."""
        value = self._read("value", name)
        return value is not ABSENT and not isinstance(value, Unstated)

    def clause_of(self, name: str) -> ClauseRef | None:
        """The clause carrying provision ``name`` (id and citation), or None."""
        ref: ClauseRef | None = self._read("clause", name)
        return ref

    def nearest(self, name: str, n: int = 3) -> list[str]:
        """Names of provisions the version carries that look like ``name``."""
        names: tuple[str, ...] = self._read("names", "")
        return difflib.get_close_matches(name, names, n=n, cutoff=0.6)

    def invalid(self, name: str, problem: str) -> QuestionError:
        """An error saying provision ``name`` is not of the form the question needs.

        The message names the clause (citation and id) so the drafter can fix it.
        """
        cid = self._version.provision_clause(name)
        where = f" in {citation(self._version, cid)} (id {cid})" if cid is not None else ""
        return QuestionError(
            f"provision {name!r}{where} of version {self._version.label!r}: {problem}; "
            "correct the provision in the rule book (docs/questions.md gives its form)"
        )


def read_weights(view: ProvisionView, name: str, *, each: str, weight: str, example: str) -> dict[str, Fraction] | None:
    """Provision ``name`` read as a weight from 0 for ``each`` of its keys, exactly (None if absent).

    ``weight`` names one value in errors, and ``example`` shows the form; the
    weights must not all be 0.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
    ...             [Clause("vote", provisions={"vote.weights": {"a": 0.5, "b": 1}})])
    >>> read_weights(ProvisionView(v), "vote.weights", each="section", weight="weight", example="{a: 1}")
    {'a': Fraction(1, 2), 'b': Fraction(1, 1)}
    >>> read_weights(ProvisionView(v), "vote.shares", each="route", weight="share", example="{a: 1}") is None
    True
    """
    value = view.get(name)
    if value is None:
        return None
    if not hasattr(value, "items") or not value:
        raise view.invalid(name, f"must map each {each} to its {weight}, e.g. {example}")
    out: dict[str, Fraction] = {}
    for key, number in value.items():
        if isinstance(number, bool) or not isinstance(number, int | float) or number < 0:
            raise view.invalid(name, f"the {weight} of {key!r} must be a number from 0, not {number!r}")
        out[str(key)] = as_fraction(number)
    if not sum(out.values()):
        raise view.invalid(name, f"the {weight}s add up to 0")
    return out
