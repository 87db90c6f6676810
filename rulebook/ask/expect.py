"""Checking expectations: dotted paths into JSON data, and how values match.

A path is split on dots; where a mapping has a key that itself contains dots
(a provision name such as ``leadership.nominations.challenge``) the longest
key that fits is taken, and a list is indexed by a number (``answer.on_ballot.0``).

Values match as follows: ``true``/``false`` only match booleans; whole
numbers match exactly; other numbers within the tolerance (default 1e-9);
text exactly; a list matches a list of the same length whose items can be
paired off with its own in any order (order is not significant: to check a
position, index it); a mapping matches when each key it gives matches (keys
it leaves out are not checked).

Examples
--------
>>> data = {"status": "determined", "answer": {"on_ballot": ["B", "A"], "for": 0.7600000001,
...         "candidates": {"A": {"met": True}}, "by": {"x.y": 3}}}
>>> lookup(data, "answer.by.x.y"), lookup(data, "answer.on_ballot.1")
(3, 'A')
>>> matches(["A", "B"], lookup(data, "answer.on_ballot")), matches(0.76, lookup(data, "answer.for"))
(True, True)
>>> matches({"met": True}, lookup(data, "answer.candidates.A")), matches(1, True)
(True, False)
>>> lookup(data, "answer.nope")
Traceback (most recent call last):
...
KeyError: "'answer' has no 'nope' (it has: on_ballot, for, candidates, by)"
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Any

from rulebook.model import thaw

__all__ = ["lookup", "matches"]


def lookup(data: Any, path: str) -> Any:
    """The value at a dotted ``path`` in JSON data; KeyError saying what is there otherwise.

    Examples
    --------
    >>> data = {"answer": {"sections": {"CLPs": {"for": 0.7}}, "on_ballot": ["Ann", "Bob"]}}
    >>> lookup(data, "answer.sections.CLPs.for"), lookup(data, "answer.on_ballot.1")
    (0.7, 'Bob')
    >>> lookup({"answer": {"leadership.incumbent_automatic": True}}, "answer.leadership.incumbent_automatic")
    True
    """
    parts = path.split(".")
    node = data
    where = ""
    i = 0
    while i < len(parts):
        if isinstance(node, Mapping):
            for j in range(len(parts), i, -1):
                key = ".".join(parts[i:j])
                if key in node:
                    node = node[key]
                    where = f"{where}.{key}" if where else key
                    i = j
                    break
            else:
                keys = ", ".join(str(k) for k in node) or "nothing"
                raise KeyError(f"{where or 'the answer'!r} has no {parts[i]!r} (it has: {keys})")
        elif isinstance(node, Sequence) and not isinstance(node, str):
            if not parts[i].isdigit() or int(parts[i]) >= len(node):
                raise KeyError(f"{where!r} is a list of {len(node)}; {parts[i]!r} is not an index of it (0-based)")
            node = node[int(parts[i])]
            where = f"{where}.{parts[i]}"
            i += 1
        else:
            raise KeyError(f"{where!r} is {thaw(node)!r}, which has no {parts[i]!r}")
    return node


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)


def matches(expected: Any, actual: Any, tolerance: float = 1e-9) -> bool:
    """Whether ``actual`` matches ``expected`` under the rules above.

    Examples
    --------
    >>> matches(["Ann", "Bob"], ["Bob", "Ann"]), matches(0.55, 0.5500000001)
    (True, True)
    >>> matches({"met": True}, {"met": True, "n": 2})
    True
    >>> matches(1, True), matches(3, 3.5, tolerance=1), matches("Ann", "ann")
    (False, True, False)
    """
    if isinstance(expected, bool) or expected is None:
        return actual is expected or (isinstance(actual, bool) and actual == expected)
    if _is_number(expected):
        if not _is_number(actual):
            return False
        if isinstance(expected, int) and isinstance(actual, int):
            return expected == actual
        return abs(float(expected) - float(actual)) <= tolerance
    if isinstance(expected, str):
        return isinstance(actual, str) and actual == expected
    if isinstance(expected, Mapping):
        return isinstance(actual, Mapping) and all(
            k in actual and matches(v, actual[k], tolerance) for k, v in expected.items()
        )
    if isinstance(expected, Sequence):
        if not isinstance(actual, Sequence) or isinstance(actual, str) or len(actual) != len(expected):
            return False
        return _pair_off(list(expected), list(actual), tolerance)
    return bool(expected == actual)


def _pair_off(expected: list[Any], actual: list[Any], tolerance: float) -> bool:
    """Whether each expected item can be paired with a different actual item (backtracking:
    a partial mapping may match several actual items)."""
    if not expected:
        return True
    first, rest = expected[0], expected[1:]
    return any(
        matches(first, candidate, tolerance) and _pair_off(rest, actual[:k] + actual[k + 1 :], tolerance)
        for k, candidate in enumerate(actual)
    )
