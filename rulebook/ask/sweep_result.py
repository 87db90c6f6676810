"""The result of a sweep: groups of combinations giving one result, and the sweep as a whole.

See :mod:`rulebook.ask.sweep` for how a sweep is computed.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.ask.sweep import sweep
>>> v = club  # the one-rule club book of the doctests (conftest.py)
>>> cut = Motion("cut", [Amendment("set_provision", clause="fee", name="fees.annual", value=10)])
>>> s = sweep(v, [cut], "provision", {"name": "fees.annual"})
>>> [g.count for g in s.groups], s.independent
([1, 1], ())
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

import attrs

from rulebook.ask.answer import Answer
from rulebook.ask.batch import ANSWERED, Combination
from rulebook.ask.compare import answer_differences
from rulebook.ask.table import Examples
from rulebook.display import Displayable
from rulebook.errors import QuestionError

__all__ = ["Group", "Sweep", "groups_of"]


@attrs.frozen
class Group:
    """Combinations that give the same answer (or fail the same way).

    ``combinations`` lists them lazily, fewest passing motions first; ``in``
    tests one without listing.

    Examples
    --------
    >>> from rulebook.io.rulebook import loads
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask.sweep import sweep
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> drop = Motion("drop", [Amendment("delete_clause", clause="fee")])
    >>> cut = Motion("cut", [Amendment("set_provision", clause="fee", name="fees.annual", value=10)])
    >>> s = sweep(v, [drop, cut], "provision", {"name": "fees.annual"})
    >>> [(g.kind, tuple(g.combinations), g.changes) for g in s.groups]
    [('answer', ((),), False), ('answer', (('drop',),), True), ('answer', (('cut',),), True),
     ('does-not-apply', (('drop', 'cut'),), True)]
    >>> g = s.groups[2]
    >>> g.count, g.changed, g.to_data()["answer"]["value"], ("cut",) in g.combinations
    (1, ('answer.value',), 10, True)
    """

    kind: str
    count: int
    answer: Answer | None
    problem: str | None
    changed: tuple[str, ...]
    combinations: Sequence[tuple[str, ...]] = attrs.field(eq=False, repr=False)

    @property
    def changes(self) -> bool:
        """Whether these combinations change the answer from the status quo."""
        return self.kind != ANSWERED or bool(self.changed)

    def to_data(self, listed: int = 256) -> dict[str, Any]:
        """The group as JSON-ready data, with up to ``listed`` of its combinations."""
        out: dict[str, Any] = {"kind": self.kind, "changes": self.changes, "count": self.count}
        if self.answer is not None:
            data = self.answer.to_data()
            out.update(status=data["status"], answer=data["answer"], gaps=data["gaps"], changed=list(self.changed))
        else:
            out["problem"] = self.problem
        out["combinations"] = [list(c) for c in self.combinations[:listed]]
        return out


@attrs.frozen
class Sweep(Displayable):
    """The results of a sweep: groups of combinations, the deciding motions, the work done.

    ``combinations`` is every combination (2**k, built one at a time on
    request); ``blocks`` the motions that interact, block by block;
    ``deciding`` the motions that can change the answer.

    Examples
    --------
    >>> from rulebook.io.rulebook import loads
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask.sweep import sweep
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> drop = Motion("drop", [Amendment("delete_clause", clause="fee")])
    >>> cut = Motion("cut", [Amendment("set_provision", clause="fee", name="fees.annual", value=10)])
    >>> s = sweep(v, [drop, cut], "provision", {"name": "fees.annual"})
    >>> len(s.combinations), s.evaluations, s.blocks
    (4, 3, (('drop', 'cut'),))
    >>> s.baseline.answer["value"], s.combination(["cut"]).answer.answer["value"]
    (15, 10)
    >>> [g.count for g in s.changing], s.to_data()["motions"]
    ([1, 1, 1], ['drop', 'cut'])
    """

    question: str
    version: str
    motions: tuple[str, ...]
    baseline: Answer
    groups: tuple[Group, ...]
    combinations: Sequence[Combination] = attrs.field(eq=False, repr=False)
    blocks: tuple[tuple[str, ...], ...]
    deciding: tuple[str, ...]
    evaluations: int
    applications: int
    _weigh: Callable[..., dict[tuple[str, ...], Any]] = attrs.field(eq=False, repr=False)
    _find: Callable[[frozenset[str]], Combination] = attrs.field(eq=False, repr=False)

    PRESENTER = "rulebook.ask.display:sweep"

    def combination(self, passed: Iterable[str]) -> Combination:
        """The combination in which exactly the motions ``passed`` pass."""
        wanted = frozenset(passed)
        unknown = wanted - set(self.motions)
        if unknown:
            raise QuestionError(f"no combination of {', '.join(sorted(unknown))}: not motions of this sweep")
        return self._find(wanted)

    @property
    def changing(self) -> tuple[Group, ...]:
        """The groups that change the answer (or do not apply)."""
        return tuple(g for g in self.groups if g.changes)

    @property
    def independent(self) -> tuple[str, ...]:
        """The motions that cannot change the answer, whichever others pass."""
        return tuple(m for m in self.motions if m not in self.deciding)

    def probabilities(
        self, chances: Mapping[str, Any], joint: Mapping[tuple[str, ...], Mapping[tuple[str, ...], Any]] | None = None
    ) -> tuple[tuple[Group, Any], ...]:
        """The probability of each group, given each motion's chance of passing.

        Motions pass independently, except those in ``joint``: it maps a set of
        motions (whole blocks, see :attr:`blocks`) to a distribution over
        which of them pass (passing sets to probabilities; sets not given have
        probability 0). Give chances as ``Fraction`` for exact results.

        Raises
        ------
        QuestionError
            When a motion has no chance, a chance is not between 0 and 1, or a
            joint distribution does not cover whole blocks or sum to 1.
        """
        jointly = {m for ms in (joint or {}) for m in ms}
        for m in self.motions:
            if m in jointly:
                continue
            if m not in chances:
                raise QuestionError(f"no chance given for motion {m!r}; give each motion's chance of passing")
            if not 0 <= chances[m] <= 1:
                raise QuestionError(f"the chance of motion {m!r} is {chances[m]!r}; give a number from 0 to 1")
        for ms, dist in (joint or {}).items():
            total = sum(dist.values())
            if abs(total - 1) > 1e-9:
                raise QuestionError(f"the joint distribution of {', '.join(ms)} sums to {total}, not 1")
        found = self._weigh(chances, joint or {})
        return tuple((g, found.get(_group_key(g), 0)) for g in self.groups)

    def to_data(self) -> dict[str, Any]:
        """The sweep as JSON-ready data."""
        return {
            "question": self.question,
            "version": self.version,
            "motions": list(self.motions),
            "combinations": len(self.combinations),
            "deciding": list(self.deciding),
            "independent": list(self.independent),
            "blocks": [list(b) for b in self.blocks],
            "baseline": self.baseline.to_data(),
            "groups": [g.to_data() for g in self.groups],
            "evaluations": self.evaluations,
            "applications": self.applications,
        }


def _group_key(group: Group) -> tuple[str, ...]:
    if group.answer is None:
        return (group.kind, group.problem or "")
    return Combination((), group.kind, group.answer).key()


def groups_of(
    baseline: Answer,
    counts: Mapping[tuple[str, ...], int],
    examples: Mapping[tuple[str, ...], Combination],
    listing: Callable[[tuple[str, ...]], Callable[[], Iterable[tuple[str, ...]]]],
    test: Callable[[tuple[str, ...]], Callable[[Any], bool]],
    motions: tuple[str, ...],
) -> tuple[Group, ...]:
    positions = {m: i for i, m in enumerate(motions)}
    out = []
    for key, count in counts.items():
        if not count:
            continue
        first = examples[key]
        changed = tuple(d.path for d in answer_differences(baseline, first.answer)) if first.answer else ()
        seq = Examples(count, _lister(listing, key), test(key))
        out.append(Group(first.kind, count, first.answer, first.problem, changed, seq))

    def order(g: Group) -> tuple[Any, ...]:
        first = g.combinations[0]
        return (g.changes, g.kind != ANSWERED, -g.count, len(first), [positions[m] for m in first])

    return tuple(sorted(out, key=order))


def _lister(
    listing: Callable[[tuple[str, ...]], Callable[[], Iterable[tuple[str, ...]]]], key: tuple[str, ...]
) -> Callable[[], Iterator[tuple[str, ...]]]:
    return lambda: iter(listing(key)())
