"""The ``invariants`` section of a rule book file: properties every version must keep.

See docs/file-format.md ("Invariants") for the keys and docs/checking.md for
how ``check`` reports a motion that breaks one.
"""

from __future__ import annotations

from typing import Any

from rulebook.errors import SchemaError
from rulebook.io.yamlsrc import Mapping, Seq
from rulebook.model import Invariant

__all__ = ["invariants_of"]

_INVARIANT_KEYS = ("name", "description", "clause", "provision", "path", "sum", "min", "max", "odd")


def _number(value: Any, entry: Mapping, key: str, name: str) -> float | None:
    if value is None:
        return None
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise entry.error(f"invariant {name!r}: {key!r} must be a number, not {value!r}", key)
    return value


def invariants_of(doc: Mapping) -> tuple[Invariant, ...]:
    """The ``invariants`` section of a rule book file (docs/file-format.md), checked.

    Examples
    --------
    >>> from rulebook.io.yamlsrc import parse
    >>> doc = parse("invariants: [{name: size, provision: nec.seats, path: '*.seats', sum: true, max: 40}]", "b.yaml")
    >>> [(i.name, i.max) for i in invariants_of(doc)]
    [('size', 40)]
    >>> invariants_of(parse("invariants: [{name: x}]", "b.yaml"))
    Traceback (most recent call last):
    ...
    rulebook.errors.SchemaError: b.yaml:1: invariant 'x' needs exactly one of 'clause' or 'provision'
    """
    items = doc.get("invariants")
    if items is None:
        return ()
    if not isinstance(items, Seq):
        raise doc.error("'invariants' must be a list", "invariants")
    out = []
    names: dict[str, int] = {}
    for i, entry in enumerate(items):
        if not isinstance(entry, Mapping):
            raise SchemaError("an invariant is a mapping with a 'name'", file=items.file, line=items.line_of(i))
        entry.check_keys(_INVARIANT_KEYS, ("name",), what="invariant")
        name = entry.get_typed("name", str, "invariant")
        if name in names:
            raise entry.error(f"invariant {name!r} is declared twice (first on line {names[name]})", "name")
        names[name] = entry.line
        clause = entry.get_typed("clause", str, f"invariant {name!r}")
        provision = entry.get_typed("provision", str, f"invariant {name!r}")
        if (clause is None) == (provision is None):
            raise entry.error(f"invariant {name!r} needs exactly one of 'clause' or 'provision'")
        inv = Invariant(
            name=name,
            description=entry.get_typed("description", str, f"invariant {name!r}"),
            clause=clause,
            provision=provision,
            path=entry.get_typed("path", str, f"invariant {name!r}"),
            sum=entry.get_typed("sum", bool, f"invariant {name!r}", default=False),
            min=_number(entry.get("min"), entry, "min", name),
            max=_number(entry.get("max"), entry, "max", name),
            odd=entry.get_typed("odd", bool, f"invariant {name!r}", default=False),
            line=entry.line,
        )
        out.append(inv)
    return tuple(out)
