"""Blocks: the independent groups a sweep factors its motions into.

Two motions *interact* when one writes something the other reads or writes
(their footprints overlap, :mod:`rulebook.check.footprint`); a *block* is a
connected set of interacting motions. Motions in different blocks commute and
cannot make each other fail, so every combination of the whole agenda is a
choice of one *part* (the motions of the block that pass) per block, and each
block can be built on its own: with k motions in blocks of sizes s1, s2, ...
that is 2**s1 + 2**s2 + ... applications instead of 2**k (docs/questions.md,
"Sweeping a whole agenda").

For each part this module records whether it applies and, if not, the
position (in agenda order) of the motion that fails first and why: in a whole
combination the first failure is the earliest among its blocks' parts.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.amend.motion import Amendment, Motion
>>> v = loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses:
...   - {id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}
...   - {id: dues, text: "Dues are paid in May."}
... ''')
>>> cut = Motion("cut", [Amendment("set_provision", clause="fee", name="fees.annual", value=10)])
>>> june = Motion("june", [Amendment("replace_words", clause="dues", old="May", new="June")])
>>> drop = Motion("drop", [Amendment("delete_clause", clause="fee")])
>>> built = factor(v, [drop, june, cut])
>>> [b.positions for b in built.blocks]
[(0, 2), (1,)]
>>> [(p.passed, p.applies) for p in built.blocks[0].parts]
[((), True), (('drop',), True), (('cut',), True), (('drop', 'cut'), False)]
>>> built.blocks[0].parts[3].failure[0]
2
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.ask.view import observe
from rulebook.check.footprint import Footprint, Key, footprint, groups
from rulebook.errors import RulebookError
from rulebook.model import Version, typed_key

__all__ = ["Block", "Factored", "Part", "factor"]


@attrs.frozen
class Part:
    """One choice within a block: the motions that pass (agenda order) and
    whether they apply together; ``failure`` is ``(position, problem)`` of the
    first motion that fails, in agenda order, when they do not.

    Examples
    --------
    >>> Part(1, ("a",), None).applies, Part(3, ("a", "b"), (4, "no")).applies
    (True, False)
    """

    mask: int
    passed: tuple[str, ...]
    failure: tuple[int, str] | None

    @property
    def applies(self) -> bool:
        """Whether the passing motions of this part apply together."""
        return self.failure is None


@attrs.frozen
class Block:
    """A connected set of interacting motions and each of its parts.

    ``positions`` are the motions' places in the agenda (ascending); part
    ``mask`` has bit ``i`` set when ``positions[i]`` passes. ``relevant`` is
    set by the sweep once it knows whether some part changes what the
    question reads; ``structural`` when some motion of the block adds,
    removes or moves a clause.

    Examples
    --------
    >>> b = Block((0, 3), ("a", "d"), (Part(0, (), None),), relevant=False)
    >>> b.motions, b.size
    (('a', 'd'), 2)
    """

    positions: tuple[int, ...]
    motions: tuple[str, ...]
    parts: tuple[Part, ...]
    relevant: bool = False
    structural: bool = False

    @property
    def size(self) -> int:
        """How many motions the block holds."""
        return len(self.positions)

    def part(self, passed: Iterable[str]) -> Part:
        """The part in which exactly the motions ``passed`` (of this block) pass."""
        wanted = set(passed)
        mask = sum(1 << i for i, m in enumerate(self.motions) if m in wanted)
        return self.parts[mask]


@attrs.frozen
class Factored:
    """The blocks of an agenda, with the versions their applying parts build
    (kept only while the sweep decides which blocks are relevant)."""

    blocks: tuple[Block, ...]
    versions: tuple[Mapping[int, Version], ...]

    def changed_reads(self, index: int, base: Version, reads: Iterable[tuple[str, str]]) -> bool:
        """Whether some applying part of block ``index`` shows a read differently from ``base``."""
        reads = tuple(reads)
        if self.blocks[index].structural and any(kind == "clause" for kind, _ in reads):
            # A citation depends on the order of clauses, which blocks that add,
            # remove or move clauses change together, not one at a time (a
            # clause moved past one inserted by another motion): such a block
            # can change what a question that cites reads.
            return True
        before = [observe(base, kind, name) for kind, name in reads]
        for mask, built in self.versions[index].items():
            if mask == 0:
                continue
            for (kind, name), seen in zip(reads, before, strict=True):
                if typed_key(observe(built, kind, name)) != typed_key(seen):
                    return True
        return False


def _footprints(version: Version, motions: Sequence[Motion], lookup: Mapping[str, Version]) -> list[Footprint]:
    out = []
    for motion in motions:
        base = lookup.get(motion.base or "", version)
        try:
            result = apply(version, motion, bases=lookup)
        except RulebookError:
            # A motion that fails alone still reads what it names; it may come
            # to apply after a motion that writes one of those keys.
            fp = footprint(version, motion, version, base)
            named: set[Key] = {("exists", n.id) for n in fp.names}
            named |= {("text", n.id) for n in fp.names}
            out.append(attrs.evolve(fp, reads=fp.reads | named))
            continue
        out.append(footprint(version, motion, result, base))
    return out


def _parts(
    version: Version, motions: Sequence[Motion], positions: tuple[int, ...], lookup: Mapping[str, Version]
) -> tuple[tuple[Part, ...], dict[int, Version]]:
    """Every part of one block, built along a prefix tree (one application each)."""
    size = len(positions)
    parts: list[Part | None] = [None] * (1 << size)
    versions: dict[int, Version] = {}
    stack: list[tuple[int, int, Version | None, tuple[int, str] | None]] = [(0, 0, version, None)]
    while stack:
        depth, mask, current, failure = stack.pop()
        if depth == size:
            passed = tuple(motions[positions[i]].id for i in range(size) if mask >> i & 1)
            parts[mask] = Part(mask, passed, failure)
            if current is not None:
                versions[mask] = current
            continue
        motion = motions[positions[depth]]
        with_it: Version | None = None
        why = failure
        if current is not None:
            try:
                with_it = apply(current, motion, bases=lookup)
            except RulebookError as exc:
                why = (positions[depth], str(exc))
        stack.append((depth + 1, mask | 1 << depth, with_it, why))
        stack.append((depth + 1, mask, current, failure))
    return tuple(p for p in parts if p is not None), versions


def factor(
    version: Version,
    motions: Sequence[Motion],
    bases: Mapping[str, Version] | None = None,
    *,
    max_block: int = 16,
    links: Iterable[frozenset[Key]] = (),
) -> Factored:
    """Factor ``motions`` into blocks of interacting motions and build every part of each.

    Parameters
    ----------
    version:
        The version the motions are put to.
    motions:
        The agenda, in the order the motions would be applied.
    bases:
        The version's ancestors by label, for motions drafted against them.
    max_block:
        The most motions one block may hold (it is built in ``2**size`` parts).
    links:
        Sets of keys that tie every motion writing one of them into one block.

    Raises
    ------
    QuestionError
        When a block holds more than ``max_block`` motions.
    """
    from rulebook.errors import QuestionError

    lookup: dict[str, Any] = dict(bases or {})
    lookup.setdefault(version.label, version)
    prints = _footprints(version, motions, lookup)
    blocks: list[Block] = []
    versions: list[Mapping[int, Version]] = []
    for members in groups(prints, links):
        if len(members) > max_block:
            names = ", ".join(motions[i].id for i in members)
            raise QuestionError(
                f"{len(members)} motions all interact ({names}); a sweep builds at most {max_block} "
                "interacting motions together: composite some of them first, or sweep fewer"
            )
        parts, built = _parts(version, motions, members, lookup)
        structural = any(key[0] in ("exists", "gap") for i in members for key in prints[i].writes)
        blocks.append(Block(members, tuple(motions[i].id for i in members), parts, structural=structural))
        versions.append(built)
    return Factored(tuple(blocks), tuple(versions))
