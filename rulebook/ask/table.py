"""The table of a sweep: every combination of an agenda, kept factored by block.

A sweep over k motions has 2**k combinations, too many to list for a real
agenda. The table keeps what decides each of them: every part of every block
(:mod:`rulebook.ask.blocks`) and the answers of the combinations of the
*relevant* blocks, the ones that can change what the question reads. Any
single combination, the count of combinations giving each result, and the
probability of each result are computed from that without listing the 2**k
combinations; :class:`CombinationTable` lists them lazily on request.

Examples
--------
>>> from rulebook.ask.blocks import Block, Part
>>> a = Block((0,), ("a",), (Part(0, (), None), Part(1, ("a",), None)), relevant=True)
>>> b = Block((1,), ("b",), (Part(0, (), None), Part(1, ("b",), (1, "b fails"))))
>>> answers = {(0,): ("answer", "same"), (1,): ("answer", "new")}
>>> t = Table(("a", "b"), (a, b), {k: _Stub(v) for k, v in answers.items()})
>>> sorted(t.distribution(lambda motion, passes: 1).items())
[(('answer', 'new'), 1), (('answer', 'same'), 1), (('does-not-apply', 'b fails'), 2)]
>>> t.outcome({"a"}).key()
('answer', 'new')
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterator, Mapping, Sequence
from fractions import Fraction
from typing import Any, Protocol, overload

import attrs

from rulebook.ask.blocks import Block, Part
from rulebook.errors import QuestionError

__all__ = ["CombinationTable", "Examples", "Failed", "Outcome", "Table", "Unit", "Weight", "chance_weight"]

#: The weight of one motion passing (``True``) or falling: ``1`` to count
#: combinations, the chance of passing to compute probabilities.
Weight = Callable[[str, bool], Any]

#: Independent blocks weighted together: the blocks, and each choice of one
#: part per block with its weight.
Unit = tuple[tuple[Block, ...], tuple[tuple[tuple[Part, ...], Any], ...]]

DOES_NOT_APPLY = "does-not-apply"


class Outcome(Protocol):
    """What the table stores for a combination of the relevant blocks."""

    def key(self) -> tuple[str, ...]: ...


@attrs.frozen
class _Stub:
    """A stored result for the module's examples."""

    value: tuple[str, ...]

    def key(self) -> tuple[str, ...]:
        return self.value


@attrs.frozen
class Failed:
    """A combination in which some passing motion cannot be applied."""

    position: int
    problem: str

    def key(self) -> tuple[str, ...]:
        return (DOES_NOT_APPLY, self.problem)


def _earliest(failures: Iterator[tuple[int, str] | None]) -> tuple[int, str] | None:
    found = [f for f in failures if f is not None]
    return min(found) if found else None


@attrs.frozen
class Table:
    """Blocks, and the outcome of each applying combination of the relevant ones.

    ``answers`` maps a tuple of part masks, one per relevant block (in block
    order), to the stored outcome of that combination.
    """

    motions: tuple[str, ...]
    blocks: tuple[Block, ...]
    answers: Mapping[tuple[int, ...], Any]
    keys: Mapping[tuple[int, ...], tuple[str, ...]] = attrs.field(eq=False, repr=False)

    @keys.default
    def _keys(self) -> dict[tuple[int, ...], tuple[str, ...]]:
        return {masks: found.key() for masks, found in self.answers.items()}

    @property
    def relevant(self) -> tuple[Block, ...]:
        """The blocks some part of which changes what the question reads."""
        return tuple(b for b in self.blocks if b.relevant)

    @property
    def deciding(self) -> tuple[str, ...]:
        """The motions that can change the answer, in agenda order."""
        positions = sorted(p for b in self.relevant for p in b.positions)
        return tuple(self.motions[p] for p in positions)

    def parts_of(self, passed: set[str]) -> tuple[Part, ...]:
        """The part of each block in the combination where exactly ``passed`` pass."""
        return tuple(b.part(m for m in b.motions if m in passed) for b in self.blocks)

    def outcome(self, passed: set[str] | frozenset[str]) -> Any:
        """The stored outcome (or :class:`Failed`) of one whole combination."""
        parts = self.parts_of(set(passed))
        failure = _earliest(p.failure for p in parts)
        if failure is not None:
            return Failed(*failure)
        key = tuple(part.mask for part, block in zip(parts, self.blocks, strict=True) if block.relevant)
        return self.answers[key]

    def _unit(self, block: Block, weight: Weight) -> Unit:
        choices = []
        for part in block.parts:
            w: Any = 1
            for i, motion in enumerate(block.motions):
                w = w * weight(motion, bool(part.mask >> i & 1))
            choices.append(((part,), w))
        return ((block,), tuple(choices))

    def distribution(self, weight: Weight) -> dict[tuple[str, ...], Any]:
        """The total weight of the combinations giving each result key.

        With ``weight`` 1 for every motion this counts combinations; with the
        chance of each motion passing (or falling) it gives the probability of
        each result, the motions passing independently.
        """
        return self.distribution_of_units([self._unit(b, weight) for b in self.blocks])

    def joint_unit(self, motions: Sequence[str], chances: Mapping[tuple[str, ...], Any]) -> Unit:
        """A unit of whole blocks weighted by a joint distribution over which of ``motions`` pass.

        ``chances`` maps each passing set (motion ids) to its probability;
        sets not given have probability 0.

        Raises
        ------
        QuestionError
            When ``motions`` is not a union of whole blocks, or names a motion
            the sweep does not have.
        """
        wanted = set(motions)
        blocks = tuple(b for b in self.blocks if wanted & set(b.motions))
        covered = {m for b in blocks for m in b.motions}
        if covered != wanted:
            missing = sorted(covered - wanted) or sorted(wanted - covered)
            raise QuestionError(
                f"a joint distribution must cover whole groups of interacting motions; "
                f"{', '.join(sorted(wanted))} leaves out or adds {', '.join(missing)}"
            )
        table = {frozenset(k): v for k, v in chances.items()}
        choices = []
        for combo in itertools.product(*(b.parts for b in blocks)):
            passed = frozenset(m for p in combo for m in p.passed)
            choices.append((tuple(combo), table.get(passed, 0)))
        return (blocks, tuple(choices))

    def distribution_of_units(self, units: Sequence[Unit]) -> dict[tuple[str, ...], Any]:
        """As :meth:`distribution`, for independent units of one or more blocks,
        each with its weighted choices of parts (every block in exactly one unit)."""
        tail: dict[tuple[int, str] | None, Any] = {None: 1}
        relevant: list[Unit] = []
        for unit in units:
            blocks, choices = unit
            if any(b.relevant for b in blocks):
                relevant.append(unit)
                continue
            # Of a unit that cannot change the answer only its first failure matters.
            here: dict[tuple[int, str] | None, Any] = {}
            for parts, weight in choices:
                f = _earliest(p.failure for p in parts)
                here[f] = here.get(f, 0) + weight
            tail = _combine(tail, here)
        position = {id(b): i for i, b in enumerate(b for b in self.blocks if b.relevant)}
        out: dict[tuple[str, ...], Any] = {}
        for picks in itertools.product(*(choices for _, choices in relevant)):
            w: Any = 1
            masks = [0] * len(position)
            failures = []
            for (blocks, _), (parts, x) in zip(relevant, picks, strict=True):
                w = w * x
                for block, part in zip(blocks, parts, strict=True):
                    failures.append(part.failure)
                    if block.relevant:
                        masks[position[id(block)]] = part.mask
            if w == 0:
                continue
            own = _earliest(iter(failures))
            for failure, tw in tail.items():
                first = _earliest(iter((own, failure)))
                key = Failed(*first).key() if first is not None else self.keys[tuple(masks)]
                out[key] = out.get(key, 0) + w * tw
        return out

    def examples(self, key: tuple[str, ...]) -> Iterator[tuple[str, ...]]:
        """The combinations giving result ``key``, built from the parts that give it
        (no other combination is looked at): fewest other motions first."""
        applying = [sorted((p for p in b.parts if p.applies), key=_size) for b in self.blocks]
        if key[0] == DOES_NOT_APPLY:
            for i, block in enumerate(self.blocks):
                for part in sorted(block.parts, key=_size):
                    if part.failure is None or part.failure[1] != key[1]:
                        continue
                    later = [
                        [p for p in sorted(b.parts, key=_size) if p.failure is None or p.failure > part.failure]
                        if j != i
                        else [part]
                        for j, b in enumerate(self.blocks)
                    ]
                    for choice in itertools.product(*later):
                        yield self._ordered(choice)
            return
        relevant = [i for i, b in enumerate(self.blocks) if b.relevant]
        others = [i for i, b in enumerate(self.blocks) if not b.relevant]
        heads = [
            dict(zip(relevant, parts, strict=True))
            for parts in itertools.product(*(applying[i] for i in relevant))
            if self.keys[tuple(p.mask for p in parts)] == key
        ]
        for rest in itertools.product(*(applying[i] for i in others)):
            tail = dict(zip(others, rest, strict=True))
            for head in heads:
                yield self._ordered(tuple((head | tail)[i] for i in range(len(self.blocks))))

    def _ordered(self, parts: Sequence[Part]) -> tuple[str, ...]:
        passed = {m for p in parts for m in p.passed}
        return tuple(m for m in self.motions if m in passed)


def _size(part: Part) -> tuple[int, int]:
    return (len(part.passed), part.mask)


def _combine(
    a: Mapping[tuple[int, str] | None, Any], b: Mapping[tuple[int, str] | None, Any]
) -> dict[tuple[int, str] | None, Any]:
    """The distribution of the earlier of two independent first failures."""
    out: dict[tuple[int, str] | None, Any] = {}
    for fa, wa in a.items():
        for fb, wb in b.items():
            first = _earliest(iter((fa, fb)))
            out[first] = out.get(first, 0) + wa * wb
    return out


def chance_weight(chances: Mapping[str, float | Fraction]) -> Weight:
    """A :data:`Weight` from each motion's chance of passing."""

    def weight(motion: str, passes: bool) -> Any:
        p = chances[motion]
        return p if passes else 1 - p

    return weight


class CombinationTable(Sequence[Any]):
    """All 2**k combinations of a sweep, in ``itertools.product`` order (each
    motion falling before passing, the first motion varying slowest), built
    one at a time on request.

    Examples
    --------
    >>> t = CombinationTable(("a", "b"), lambda passed: passed)
    >>> len(t), t[1], list(t)[3], t[-1]
    (4, ('b',), ('a', 'b'), ('a', 'b'))
    """

    def __init__(self, motions: tuple[str, ...], make: Callable[[tuple[str, ...]], Any]) -> None:
        self._motions = motions
        self._make = make

    def __len__(self) -> int:
        return 1 << len(self._motions)

    @overload
    def __getitem__(self, index: int) -> Any: ...

    @overload
    def __getitem__(self, index: slice) -> list[Any]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            return [self[i] for i in range(*index.indices(len(self)))]
        if index < 0:
            index += len(self)
        if not 0 <= index < len(self):
            raise IndexError(index)
        k = len(self._motions)
        return self._make(tuple(m for j, m in enumerate(self._motions) if index >> (k - 1 - j) & 1))

    def __iter__(self) -> Iterator[Any]:
        return (self[i] for i in range(len(self)))

    def __repr__(self) -> str:
        return f"<{len(self)} combinations of {len(self._motions)} motions>"


class Examples(Sequence[tuple[str, ...]]):
    """The combinations of one result group, listed lazily (fewest passing first).

    ``len`` is the group's count; ``in`` is answered without listing.
    """

    def __init__(self, count: int, listing: Callable[[], Iterator[tuple[str, ...]]], test: Callable[[Any], bool]):
        self._count = count
        self._listing = listing
        self._test = test

    def __len__(self) -> int:
        return self._count

    def __contains__(self, passed: object) -> bool:
        return isinstance(passed, tuple | list | set | frozenset) and self._test(passed)

    @overload
    def __getitem__(self, index: int) -> tuple[str, ...]: ...

    @overload
    def __getitem__(self, index: slice) -> list[tuple[str, ...]]: ...

    def __getitem__(self, index: int | slice) -> Any:
        if isinstance(index, slice):
            start, stop, step = index.indices(self._count)
            return list(itertools.islice(self._listing(), start, stop, step))
        if index < 0:
            index += self._count
        for i, passed in enumerate(self._listing()):
            if i == index:
                return passed
        raise IndexError(index)

    def __iter__(self) -> Iterator[tuple[str, ...]]:
        return self._listing()

    def __eq__(self, other: object) -> bool:
        if isinstance(other, Sequence):
            return len(other) == self._count and list(self) == list(other)
        return NotImplemented

    __hash__ = None  # type: ignore[assignment]

    def __repr__(self) -> str:
        if self._count <= 8:
            return repr(tuple(self))
        return f"<{self._count} combinations, e.g. {self[:3]!r}>"
