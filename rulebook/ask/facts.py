"""Reading the facts a question is given, with errors that name the fact.

Facts come from a scenario file (located YAML, so errors carry its file and
line), from ``--facts``/``--fact`` on the command line, or from Python as a
plain dict. A :class:`Fact` wraps one value with its dotted path, and its
accessors check the type and range, raising :class:`~rulebook.errors.FactsError`
that says which fact is wrong and how.

Examples
--------
>>> facts = Fact.root({"votes": {"clps": {"for": 4, "against": -1}}})
>>> facts.require("votes").require("clps").require("for").integer()
4
>>> facts.require("votes").require("clps").require("against").integer()
Traceback (most recent call last):
...
rulebook.errors.FactsError: fact 'votes.clps.against': must be a whole number from 0, not -1
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from rulebook.errors import FactsError
from rulebook.model import thaw

__all__ = ["Fact", "as_fraction"]


def as_fraction(value: int | float | Fraction) -> Fraction:
    """An exact fraction for a number as written: ``0.15`` is 3/20, not the binary float.

    Examples
    --------
    >>> as_fraction(0.15), as_fraction(2)
    (Fraction(3, 20), Fraction(2, 1))
    """
    if isinstance(value, float):
        return Fraction(repr(value))
    return Fraction(value)


def _describe(value: Any) -> str:
    if isinstance(value, bool):
        return f"true/false ({str(value).lower()})"
    if isinstance(value, Mapping):
        return "a mapping"
    if isinstance(value, list | tuple):
        return "a list"
    if value is None:
        return "empty"
    return repr(value)


@attrs.frozen
class Fact:
    """One fact (or the whole set of facts): its value, dotted path, and where it was written.

    ``path`` is ``""`` for the root; children are ``votes.clps`` for mapping keys
    and ``candidates[2]`` for list items.

    Examples
    --------
    >>> facts = Fact.root({"votes": {"clps": {"for": 3}}, "candidates": [{"name": "Ann"}]})
    >>> f = facts.require("votes").require("clps").require("for")
    >>> f.path, f.integer()
    ('votes.clps.for', 3)
    >>> [(c.path, c.require("name").text()) for c in facts.require("candidates").seq()]
    [('candidates[0]', 'Ann')]
    >>> str(f.error("must be true or false, not 3"))
    "fact 'votes.clps.for': must be true or false, not 3"
    """

    value: Any
    path: str = ""
    file: str | None = None
    line: int | None = None

    @classmethod
    def root(cls, facts: Any) -> Fact:
        """The root of a set of facts (``None`` is no facts at all).

        Examples
        --------
        >>> Fact.root(None).keys()
        []
        """
        if facts is None:
            facts = {}
        if isinstance(facts, Fact):
            return facts
        if not isinstance(facts, Mapping):
            raise FactsError(f"facts must be a mapping of names to values, not {_describe(facts)}")
        return cls(facts, "", getattr(facts, "file", None), getattr(facts, "line", None))

    # -- where --------------------------------------------------------------
    def error(self, message: str) -> FactsError:
        """A :class:`~rulebook.errors.FactsError` naming this fact (and its file and line)."""
        what = f"fact {self.path!r}: " if self.path else "facts: "
        return FactsError(what + message, file=self.file, line=self.line)

    def _child(self, key: str | int, value: Any) -> Fact:
        if isinstance(key, int):
            path = f"{self.path}[{key}]"
            line = self.value.line_of(key) if hasattr(self.value, "line_of") else self.line
        else:
            path = f"{self.path}.{key}" if self.path else key
            line = self.value.line_of(key) if hasattr(self.value, "line_of") else self.line
        return Fact(value, path, getattr(self.value, "file", None) or self.file, line)

    # -- mappings -------------------------------------------------------------
    def _mapping(self) -> Mapping[Any, Any]:
        if not isinstance(self.value, Mapping):
            raise self.error(f"must be a mapping, not {_describe(self.value)}")
        return self.value

    def keys(self) -> list[str]:
        """The keys of a mapping fact, in order."""
        return [str(k) for k in self._mapping()]

    def __contains__(self, key: object) -> bool:
        return isinstance(self.value, Mapping) and key in self.value

    def get(self, key: str) -> Fact | None:
        """The fact under ``key``, or None when it is absent (or written empty)."""
        mapping = self._mapping()
        if key not in mapping or mapping[key] is None:
            return None
        return self._child(key, mapping[key])

    def require(self, key: str, hint: str = "") -> Fact:
        """The fact under ``key``; a FactsError saying to add it when it is absent."""
        found = self.get(key)
        if found is None:
            where = f"fact {self.path!r} has" if self.path else "the facts have"
            raise FactsError(f"{where} no {key!r}; add it{': ' + hint if hint else ''}", file=self.file, line=self.line)
        return found

    def items(self) -> list[tuple[str, Fact]]:
        """``(key, fact)`` for each entry of a mapping fact."""
        return [(str(k), self._child(str(k), v)) for k, v in self._mapping().items()]

    def check_keys(self, allowed: Iterable[str], what: str | None = None) -> None:
        """Refuse keys outside ``allowed``, suggesting the nearest one."""
        allowed = list(allowed)
        for key in self.keys():
            if key not in allowed:
                near = difflib.get_close_matches(key, allowed, n=1)
                hint = f"did you mean {near[0]!r}?" if near else f"allowed: {', '.join(allowed) or 'none'}"
                child = self._child(key, None)
                label = what or (f"fact {self.path!r}" if self.path else "these facts")
                raise FactsError(f"unknown fact {child.path!r} for {label}; {hint}", file=child.file, line=child.line)

    # -- lists -----------------------------------------------------------------
    def seq(self) -> list[Fact]:
        """The items of a list fact."""
        if not isinstance(self.value, Sequence) or isinstance(self.value, str):
            raise self.error(f"must be a list, not {_describe(self.value)}")
        return [self._child(i, v) for i, v in enumerate(self.value)]

    # -- scalars -----------------------------------------------------------------
    def boolean(self) -> bool:
        """The fact as true or false."""
        if not isinstance(self.value, bool):
            raise self.error(f"must be true or false, not {_describe(self.value)}")
        return self.value

    def text(self) -> str:
        """The fact as text (numbers are accepted and written as text)."""
        if isinstance(self.value, bool) or not isinstance(self.value, str | int | float):
            raise self.error(f"must be text, not {_describe(self.value)}")
        return str(self.value)

    def integer(self, minimum: int = 0, maximum: int | None = None, what: str = "") -> int:
        """The fact as a whole number within ``[minimum, maximum]``."""
        value = self.value
        if isinstance(value, float) and value.is_integer():
            value = int(value)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(f"must be a whole number{what}, not {_describe(self.value)}")
        if value < minimum:
            raise self.error(f"must be a whole number from {minimum}{what}, not {value}")
        if maximum is not None and value > maximum:
            raise self.error(f"is {value}, more than {maximum}{what}")
        return value

    def number(self, low: Fraction | int | None = None, high: Fraction | int | None = None) -> Fraction:
        """The fact as an exact number (``0.1`` is exactly 1/10) within ``[low, high]``."""
        if isinstance(self.value, bool) or not isinstance(self.value, int | float):
            raise self.error(f"must be a number, not {_describe(self.value)}")
        if self.value != self.value or self.value in (float("inf"), float("-inf")):
            raise self.error(f"must be a finite number, not {self.value!r}")
        value = as_fraction(self.value)
        if low is not None and value < low:
            raise self.error(f"is {self.value!r}, below {_show(low)}")
        if high is not None and value > high:
            raise self.error(f"is {self.value!r}, above {_show(high)}")
        return value

    def share(self) -> Fraction:
        """The fact as a share between 0 and 1 (0.68 for 68 per cent)."""
        value = self.number()
        if not 0 <= value <= 1:
            raise self.error(f"is {self.value!r}, but a share is between 0 and 1 (0.68 for 68 per cent)")
        return value

    def plain(self) -> Any:
        """The value as plain dicts and lists (for questions that want raw data)."""
        return thaw(self.value)


def _show(value: Fraction | int) -> str:
    number = Fraction(value)
    return str(number.numerator) if number.denominator == 1 else f"{float(number):g}"
