"""What ``check`` reports: findings, the clauses they concern and where the motions are.

Examples
--------
>>> f = Finding("overlap", ("a", "b"), (ClauseRef("fee", "Rule 1"),), "motions a and b both change 'the fee'")
>>> f.to_data()["clauses"]
[{'clause': 'Rule 1', 'id': 'fee'}]
"""

from __future__ import annotations

from typing import Any

import attrs

from rulebook.errors import CitationError
from rulebook.model import Version, as_tuple
from rulebook.numbering import citation

__all__ = ["KINDS", "ClauseRef", "Finding", "Location", "clause_ref", "describe"]

#: The finding kinds of docs/checking.md, in the order reports list them.
KINDS = (
    "does-not-apply",
    "out-of-order",
    "target-removed",
    "overlap",
    "duplicate",
    "dangling-reference",
    "invariant",
    "unstated-provision",
    "provision-drift",
)


@attrs.frozen
class ClauseRef:
    """A clause a finding concerns: its stable id and its citation (None when
    no version holds it any more).

    Examples
    --------
    >>> str(ClauseRef("fee", "Rule 1")), str(ClauseRef("gone", None))
    ('Rule 1 (id fee)', 'clause gone')
    """

    id: str
    citation: str | None = None

    def __str__(self) -> str:
        return f"{self.citation} (id {self.id})" if self.citation else f"clause {self.id}"


@attrs.frozen
class Location:
    """Where a motion of a finding is written: file and line (of the amendment
    concerned when known).

    Examples
    --------
    >>> Location("m", "motions/m.yaml", 4).line
    4
    """

    motion: str
    file: str | None = None
    line: int | None = None


@attrs.frozen
class Finding:
    """One problem ``check`` found: its kind, the motions and clauses it
    concerns, and a message a drafter understands.

    ``locations`` say where each motion concerned is written (for CI
    annotations); they do not take part in equality.

    Examples
    --------
    >>> Finding("duplicate", ("a", "b"), (), "same").kind
    'duplicate'
    >>> Finding("clash", (), (), "x")
    Traceback (most recent call last):
    ...
    ValueError: ("'kind' must be in ...
    """

    kind: str = attrs.field(validator=attrs.validators.in_(KINDS))
    motions: tuple[str, ...] = attrs.field(converter=as_tuple)
    clauses: tuple[ClauseRef, ...] = attrs.field(converter=as_tuple)
    message: str
    locations: tuple[Location, ...] = attrs.field(default=(), converter=as_tuple, eq=False)

    def to_data(self) -> dict[str, Any]:
        """The finding as JSON data (docs/checking.md)."""
        return {
            "kind": self.kind,
            "motions": list(self.motions),
            "clauses": [{"clause": c.citation, "id": c.id} for c in self.clauses],
            "message": self.message,
        }


def clause_ref(clause_id: str, *versions: Version) -> ClauseRef:
    """The clause with its citation in the first of ``versions`` that holds it.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> v = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("a"), Clause("b")])
    >>> clause_ref("b", v), clause_ref("z", v)
    (ClauseRef(id='b', citation='Rule 2'), ClauseRef(id='z', citation=None))
    """
    for version in versions:
        if clause_id in version:
            try:
                return ClauseRef(clause_id, citation(version, clause_id))
            except CitationError:  # pragma: no cover - ids in a version always have a citation
                continue
    return ClauseRef(clause_id, None)


def describe(clause_id: str, *versions: Version) -> str:
    """``Rule 2 (id b)``: how a message names a clause.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> describe("a", Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("a")]))
    'Rule 1 (id a)'
    """
    return str(clause_ref(clause_id, *versions))
