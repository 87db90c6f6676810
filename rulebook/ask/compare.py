"""Comparing the answer to one question on two versions, side by side.

The comparison says which parts of the answer changed (as dotted paths into
its JSON: ``status``, ``answer.on_ballot``, ...) and which provisions behind
it were added, removed or changed.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.amend.motion import Amendment, Motion
>>> v = loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses: [{id: c, text: "Five members.", provisions: {nec.seats: {members: {seats: 5}}}}]
... ''')
>>> grow = Motion("grow", [Amendment("set_provision", clause="c", name="nec.seats",
...                                  value={"members": {"seats": 7}})])
>>> c = compare("nec.composition", {}, v, [grow])
>>> c.is_same, c.changed
(False, ('answer.majority', 'answer.sections.members.seats', 'answer.total', 'answer.voting'))
>>> compare("nec.composition", {}, v, v).is_same
True
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from rulebook.amend.apply import apply_all
from rulebook.amend.motion import Motion
from rulebook.ask.answer import Answer, Because
from rulebook.ask.engine import ask
from rulebook.ask.registry import Question, Registry
from rulebook.display import Displayable
from rulebook.model import Version, as_tuple, freeze, thaw

__all__ = ["BecauseChange", "Comparison", "Difference", "answer_differences", "compare", "compare_answers", "flatten"]


def flatten(data: Any, prefix: str = "") -> dict[str, Any]:
    """Leaves of JSON data by dotted path (lists are leaves).

    Examples
    --------
    >>> flatten({"a": {"b": 1, "c": [1, 2]}, "d": {}})
    {'a.b': 1, 'a.c': [1, 2], 'd': {}}
    """
    if isinstance(data, Mapping) and data:
        out: dict[str, Any] = {}
        for key, value in data.items():
            out.update(flatten(value, f"{prefix}.{key}" if prefix else str(key)))
        return out
    return {prefix: data}


@attrs.frozen
class Difference:
    """One part of the answer that differs: its dotted path and both values (None: absent).

    Examples
    --------
    >>> Difference("answer.fee", 15, 10).to_data()
    {'path': 'answer.fee', 'left': 15, 'right': 10}
    """

    path: str
    left: Any = attrs.field(converter=freeze)
    right: Any = attrs.field(converter=freeze)

    def to_data(self) -> dict[str, Any]:
        """``{"path", "left", "right"}``."""
        return {"path": self.path, "left": thaw(self.left), "right": thaw(self.right)}


@attrs.frozen
class BecauseChange:
    """A provision behind the answer that one side has and the other lacks, or that differs."""

    provision: str
    left: Because | None
    right: Because | None

    @property
    def kind(self) -> str:
        """``added``, ``removed`` or ``changed``."""
        if self.left is None:
            return "added"
        return "removed" if self.right is None else "changed"

    def to_data(self) -> dict[str, Any]:
        """``{"provision", "kind", "left", "right"}``."""
        return {
            "provision": self.provision,
            "kind": self.kind,
            "left": self.left.to_data() if self.left else None,
            "right": self.right.to_data() if self.right else None,
        }


def _canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, default=str)


def answer_differences(left: Answer, right: Answer) -> tuple[Difference, ...]:
    """The paths (``status``, ``answer.…``, ``gaps``) whose values differ between two answers.

    Examples
    --------
    >>> a = Answer("fees", "1", "determined", {"fee": 15})
    >>> [d.path for d in answer_differences(a, Answer("fees", "2", "determined", {"fee": 10}))]
    ['answer.fee']
    >>> [d.path for d in answer_differences(a, Answer("fees", "2", "undetermined", {}))]
    ['answer', 'answer.fee', 'status']
    >>> answer_differences(a, a)
    ()
    """
    a = flatten({"status": left.status, "answer": thaw(left.answer), "gaps": [g.to_data() for g in left.gaps]})
    b = flatten({"status": right.status, "answer": thaw(right.answer), "gaps": [g.to_data() for g in right.gaps]})
    return tuple(
        Difference(path, a.get(path), b.get(path))
        for path in sorted(set(a) | set(b))
        if path not in a or path not in b or _canonical(a[path]) != _canonical(b[path])
    )


def _because_changes(left: Answer, right: Answer) -> tuple[BecauseChange, ...]:
    a = {b.provision: b for b in left.because}
    b = {b.provision: b for b in right.because}
    out = []
    for name in list(a) + [n for n in b if n not in a]:
        x, y = a.get(name), b.get(name)
        if x is None or y is None or _canonical(x.to_data()) != _canonical(y.to_data()):
            out.append(BecauseChange(name, x, y))
    return tuple(out)


@attrs.frozen
class Comparison(Displayable):
    """One question answered on two versions, and what differs.

    Examples
    --------
    >>> c = compare_answers(Answer("fees", "1", "determined", {"fee": 15}),
    ...                     Answer("fees", "2", "determined", {"fee": 10}))
    >>> c.is_same, c.changed, c.to_data()["differences"]
    (False, ('answer.fee',), [{'path': 'answer.fee', 'left': 15, 'right': 10}])
    >>> print(c.to_text())
    fees: 1 -> 2: determined -> determined
      changed  1   2
      -------- --- --
      fee      15  10
    """

    question: str
    left: Answer
    right: Answer
    differences: tuple[Difference, ...] = attrs.field(converter=as_tuple)
    because: tuple[BecauseChange, ...] = attrs.field(converter=as_tuple)

    PRESENTER = "rulebook.ask.display:comparison"

    @property
    def is_same(self) -> bool:
        """No difference in the answer, its status, its gaps, or the provisions behind it."""
        return not self.differences and not self.because

    @property
    def changed(self) -> tuple[str, ...]:
        """Dotted paths of the parts of the answer that differ."""
        return tuple(d.path for d in self.differences)

    def to_data(self) -> dict[str, Any]:
        """``{"question", "left", "right", "same", "changed", "differences", "because"}``."""
        return {
            "question": self.question,
            "left": self.left.to_data(),
            "right": self.right.to_data(),
            "same": self.is_same,
            "changed": list(self.changed),
            "differences": [d.to_data() for d in self.differences],
            "because": {
                kind: [c.to_data() for c in self.because if c.kind == kind] for kind in ("added", "removed", "changed")
            },
        }


def compare(
    question: str | Question,
    facts: Any,
    left: Version,
    right: Version | Sequence[Motion],
    *,
    bases: Mapping[str, Version] | None = None,
    ancestors: Iterable[Version] | Mapping[str, Version] = (),
    right_ancestors: Iterable[Version] | Mapping[str, Version] | None = None,
    registry: Registry | None = None,
) -> Comparison:
    """Ask ``question`` on ``left`` and on ``right`` (a version, or motions applied to ``left``) and compare.

    ``bases`` are the ancestors of ``left`` by label, for motions drafted
    against them; ``ancestors``/``right_ancestors`` let ``because`` name
    earlier rulings (for motions, ``right`` descends from ``left``).

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> c = compare("provision", {"name": "fees.annual"}, v, [cut])
    >>> c.is_same, c.changed
    (False, ('answer.value',))
    """
    older = list(ancestors.values()) if isinstance(ancestors, Mapping) else list(ancestors)
    if isinstance(right, Version):
        other = right
        if right_ancestors is None:
            right_ancestors = ()
    else:
        other = apply_all(left, list(right), bases=bases)
        if right_ancestors is None:
            right_ancestors = [left, *older]
    a = ask(left, question, facts, ancestors=older, registry=registry)
    b = ask(other, question, facts, ancestors=right_ancestors, registry=registry)
    return compare_answers(a, b)


def compare_answers(left: Answer, right: Answer) -> Comparison:
    """The comparison of two answers to the same question.

    Examples
    --------
    >>> a = Answer("q", "1", "determined", {"x": 1})
    >>> compare_answers(a, Answer("q", "2", "determined", {"x": 2})).changed
    ('answer.x',)
    """
    return Comparison(left.question, left, right, answer_differences(left, right), _because_changes(left, right))
