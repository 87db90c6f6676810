"""Invariants: properties a rule book declares that every version must keep
(docs/file-format.md), and the check that one can be evaluated at all.

Examples
--------
>>> validate_invariant(Invariant("nec-odd", provision="nec.seats", path="*.seats", sum=True, odd=True))
>>> validate_invariant(Invariant("x", clause="a", sum=True))
Traceback (most recent call last):
...
rulebook.errors.InvariantSpecError: invariant 'x': 'path', 'sum', 'min', 'max' and 'odd' test a provision; ...
"""

from __future__ import annotations

import attrs

from rulebook.errors import InvariantSpecError

__all__ = ["Invariant", "validate_invariant"]


@attrs.frozen
class Invariant:
    """A declared property that every version of the book must keep.

    ``clause``: a clause id that must exist. ``provision`` with ``path`` (dotted,
    ``*`` for every value of a mapping): the values found must lie within
    ``min``/``max``; with ``sum`` their total must; ``odd`` asks for an odd total.

    Examples
    --------
    >>> Invariant("nec-odd", provision="nec.seats", path="*.seats", sum=True, odd=True).odd
    True
    """

    name: str
    description: str | None = None
    clause: str | None = None
    provision: str | None = None
    path: str | None = None
    sum: bool = False
    min: float | None = None
    max: float | None = None
    odd: bool = False
    line: int | None = attrs.field(default=None, eq=False)


def validate_invariant(invariant: Invariant) -> None:
    """Refuse an invariant that cannot be evaluated, saying what to change.

    Examples
    --------
    >>> validate_invariant(Invariant("x", provision="p", min=3, max=1))
    Traceback (most recent call last):
    ...
    rulebook.errors.InvariantSpecError: invariant 'x': min 3 is greater than max 1; swap them
    """

    def fail(message: str) -> InvariantSpecError:
        return InvariantSpecError(f"invariant {invariant.name!r}: {message}", line=invariant.line)

    if (invariant.clause is None) == (invariant.provision is None):
        raise fail("give exactly one of 'clause' (must exist) or 'provision' (values to test)")
    if invariant.clause is not None and (
        invariant.path or invariant.sum or invariant.odd or invariant.min is not None or invariant.max is not None
    ):
        raise fail("'path', 'sum', 'min', 'max' and 'odd' test a provision; a 'clause' invariant only needs the id")
    if invariant.path is not None and any(not seg for seg in invariant.path.split(".")):
        raise fail(f"path {invariant.path!r} has an empty segment; write dotted keys such as '*.seats'")
    if invariant.min is not None and invariant.max is not None and invariant.min > invariant.max:
        raise fail(f"min {_plain_number(invariant.min)} is greater than max {_plain_number(invariant.max)}; swap them")


def _plain_number(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))
