"""Evaluating the invariants a rule book declares (``invariants:`` in its YAML).

An invariant names a ``clause`` that must exist, or a ``provision`` whose
values must keep within bounds. ``path`` picks values inside the provision:
dotted keys, where ``*`` stands for every value of a mapping (or list), so
``"*.seats"`` on ``{leader: {seats: 1}, clps: {seats: 6}}`` finds ``1`` and
``6``. Without ``sum`` each value found must lie within ``min``/``max`` (and be
odd with ``odd``); with ``sum`` their total must. Nothing the user writes is
ever evaluated as code.

Examples
--------
>>> from rulebook.model import Clause, Invariant, Level, Version
>>> seats = {"chair": {"seats": 1}, "ordinary": {"seats": 5}}
>>> v = Version("club", "1", [Level("arabic")], [Clause("c", provisions={"seats": seats})],
...             invariants=[Invariant("odd", provision="seats", path="*.seats", sum=True, odd=True)])
>>> [x.message for x in violations(v)]
['seats totals 6, which is not odd']
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from typing import Any

import attrs

from rulebook.model import Invariant, Version
from rulebook.model import validate_invariant as validate

__all__ = ["Violation", "evaluate", "validate", "violations"]

_TOLERANCE = 1e-9


@attrs.frozen
class Violation:
    """An invariant a version breaks: the clause concerned (if any) and why.

    Examples
    --------
    >>> Violation(Invariant("x", clause="a"), "a", "clause a no longer exists").clause
    'a'
    """

    invariant: Invariant
    clause: str | None
    message: str


def _num(x: float) -> str:
    return str(int(x)) if float(x).is_integer() else repr(float(x))


class _Missing(Exception):
    def __init__(self, where: str, found: Any) -> None:
        super().__init__(where)
        self.where = where
        self.found = found


def _select(value: Any, segments: list[str], trail: str) -> list[tuple[str, Any]]:
    """``(where, value)`` for every value the path segments reach."""
    if not segments:
        return [(trail, value)]
    head, rest = segments[0], segments[1:]
    if head == "*":
        if isinstance(value, Mapping):
            items = [(str(k), v) for k, v in value.items()]
        elif isinstance(value, list | tuple):
            items = [(str(i), v) for i, v in enumerate(value)]
        else:
            raise _Missing(f"{trail}.*", value)
        return [hit for k, v in items for hit in _select(v, rest, f"{trail}.{k}")]
    if isinstance(value, Mapping) and head in value:
        return _select(value[head], rest, f"{trail}.{head}")
    raise _Missing(f"{trail}.{head}", value)


def _bounds(inv: Invariant, what: str, x: float) -> str | None:
    if inv.min is not None and x < inv.min - _TOLERANCE:
        return f"{what} {_num(x)}, below the minimum {_num(inv.min)}"
    if inv.max is not None and x > inv.max + _TOLERANCE:
        return f"{what} {_num(x)}, above the maximum {_num(inv.max)}"
    if inv.odd and (not float(x).is_integer() or int(x) % 2 == 0):
        return f"{what} {_num(x)}, which is not odd"
    return None


def _is_number(x: Any) -> bool:
    return isinstance(x, int | float) and not isinstance(x, bool) and math.isfinite(x)


def evaluate(version: Version, invariant: Invariant) -> Violation | None:
    """The way ``version`` breaks ``invariant``, or None when it holds.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("b", "1", [Level("arabic")], [Clause("c", provisions={"share": {"share": 1.5}})])
    >>> evaluate(v, Invariant("range", provision="share", path="share", min=0, max=1)).message
    'share share is 1.5, above the maximum 1'
    >>> evaluate(v, Invariant("gone", clause="leader")).message
    'clause leader no longer exists'
    """
    validate(invariant)
    if invariant.clause is not None:
        if invariant.clause in version:
            return None
        return Violation(invariant, invariant.clause, f"clause {invariant.clause} no longer exists")
    name = invariant.provision or ""
    carrier = version.provision_clause(name)
    if carrier is None:
        return Violation(invariant, None, f"no clause carries provision {name!r} any more")
    value = version.provision(name)
    segments = invariant.path.split(".") if invariant.path else []
    try:
        found = _select(value, segments, name)
    except _Missing as missing:
        return Violation(invariant, carrier, f"{name} has no value at {missing.where[len(name) + 1 :]!r}")
    numeric = invariant.sum or invariant.odd or invariant.min is not None or invariant.max is not None
    for where, x in found:
        if not _is_number(x) and numeric:
            shown = where.replace(".", " ", 1) if where != name else name
            return Violation(invariant, carrier, f"{shown} is {x!r}, not a number")
    if invariant.sum:
        problem = _bounds(invariant, f"{name} totals", sum(x for _, x in found))
        if problem:
            return Violation(invariant, carrier, problem)
        return None
    for where, x in found:
        shown = where.replace(".", " ", 1) if where != name else name
        problem = _bounds(invariant, f"{shown} is", x)
        if problem:
            return Violation(invariant, carrier, problem)
    return None


def violations(version: Version) -> tuple[Violation, ...]:
    """Every declared invariant the version breaks, in declaration order.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("b", "1", [Level("arabic")], [Clause("c")], invariants=[Invariant("c", clause="c")])
    >>> violations(v)
    ()
    """
    out = []
    for inv in version.invariants:
        found = evaluate(version, inv)
        if found is not None:
            out.append(found)
    return tuple(out)
