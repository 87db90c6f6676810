"""Provision values: frozen for the model, thawed for files and JSON, and
compared so that ``true`` is not ``1`` (YAML tells them apart; Python's ``==``
does not). :mod:`rulebook.model` re-exports these names.

Examples
--------
>>> thaw(freeze({"of": ["PLP"], "seats": 1})), same_value(1, True)
({'of': ['PLP'], 'seats': 1}, False)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from immutabledict import immutabledict

__all__ = ["freeze", "same_value", "thaw", "typed_key"]


def freeze(value: Any) -> Any:
    """Turn a YAML value into an immutable one: mappings and lists become
    ``immutabledict`` and tuples, recursively.

    Examples
    --------
    >>> freeze({"of": ["PLP", "EPLP"], "share": 0.2})
    immutabledict({'of': ('PLP', 'EPLP'), 'share': 0.2})
    """
    if isinstance(value, Mapping):
        return immutabledict((str(k), freeze(v)) for k, v in value.items())
    if isinstance(value, list | tuple):
        return tuple(freeze(v) for v in value)
    return value


def same_value(a: Any, b: Any) -> bool:
    """Equality of provision values that tells ``true`` from ``1`` and ``false``
    from ``0`` (Python's ``==`` does not), recursively. Whole and decimal numbers
    of equal value are the same (``1`` and ``1.0``).

    Examples
    --------
    >>> same_value({"seats": 1}, {"seats": 1.0}), same_value({"seats": 1}, {"seats": True})
    (True, False)
    >>> same_value(("a", 0), ("a", False))
    False
    """
    if isinstance(a, bool) or isinstance(b, bool):
        return isinstance(a, bool) and isinstance(b, bool) and a is b
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        return a.keys() == b.keys() and all(same_value(a[k], b[k]) for k in a)
    if isinstance(a, tuple | list) and isinstance(b, tuple | list):
        return len(a) == len(b) and all(same_value(x, y) for x, y in zip(a, b, strict=True))
    if isinstance(a, Mapping | tuple | list) or isinstance(b, Mapping | tuple | list):
        return False
    return bool(a == b)


def typed_key(value: Any) -> Any:
    """A hashable form of a provision value in which ``true`` differs from ``1``
    and ``false`` from ``0``: what clauses compare and hash their provisions by,
    so that :func:`same_value` and ``==`` agree.

    Examples
    --------
    >>> typed_key({"seats": 1}) == typed_key({"seats": 1.0}), typed_key(True) == typed_key(1)
    (True, False)
    """
    if isinstance(value, bool):
        return ("bool", value)
    if isinstance(value, int | float):
        return ("number", value)
    if isinstance(value, Mapping):
        return ("mapping", frozenset((k, typed_key(v)) for k, v in value.items()))
    if isinstance(value, tuple | list):
        return ("list", tuple(typed_key(v) for v in value))
    return (type(value).__name__, value)


def thaw(value: Any) -> Any:
    """The inverse of :func:`freeze`: plain dicts and lists, for JSON and YAML.

    Examples
    --------
    >>> thaw(freeze({"of": ["PLP"]}))
    {'of': ['PLP']}
    """
    if isinstance(value, Mapping):
        return {k: thaw(v) for k, v in value.items()}
    if isinstance(value, tuple | list):
        return [thaw(v) for v in value]
    return value
