"""Sweeps: one question over every combination of an agenda's motions passing or falling.

With k motions there are 2**k combinations: too many to build for a real
agenda of dozens of rule changes. A sweep does not build them. It factors the
motions into blocks of motions that interact (:mod:`rulebook.ask.blocks`),
builds each block's parts on its own, and finds which blocks can change what
the question reads: the *deciding* motions. Only the combinations of the
deciding motions are asked (:mod:`rulebook.ask.batch`, in one process or on
any executor); every other motion cannot change the answer, though some of
its combinations may not apply. The result reports groups of combinations
giving the same result, with exact counts and, given each motion's chance of
passing, exact probabilities; the full table of 2**k combinations is a lazy
view (:mod:`rulebook.ask.table`).

The reads a question makes can depend on what it has read, so the deciding
set is found as a fixed point: after asking the deciding combinations, the
reads they made are tested against the other blocks again.

An answer in a sweep is computed on the version with its deciding motions
only: its ``because`` cites clauses as numbered there. ``reuse=False`` builds
every combination from scratch (at most 16 motions): the reference the
factored sweep is tested against.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.amend.motion import Amendment, Motion
>>> v = loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses:
...   - {id: c, text: "Five members.", provisions: {nec.seats: {members: {seats: 5}}}}
...   - {id: d, text: "Dues."}
... ''')
>>> grow = Motion("grow", [Amendment("set_provision", clause="c", name="nec.seats",
...                                  value={"members": {"seats": 7}})])
>>> dues = Motion("dues", [Amendment("replace_text", clause="d", text="No dues.")])
>>> s = sweep(v, [grow, dues], "nec.composition", {})
>>> [(g.count, g.changes, g.answer.answer["total"]) for g in s.groups]
[(2, False, 5), (2, True, 7)]
>>> s.deciding, s.evaluations
(('grow',), 2)
>>> [(g.answer.answer["total"], p) for g, p in s.probabilities({"grow": 0.25, "dues": 0.5})]
[(5, 0.75), (7, 0.25)]
"""

from __future__ import annotations

import itertools
from collections.abc import Callable, Iterable, Mapping, Sequence
from concurrent.futures import Executor
from typing import Any

import attrs

from rulebook.amend.apply import apply_all
from rulebook.amend.motion import Motion
from rulebook.ask.answer import Answer
from rulebook.ask.batch import ANSWERED, DOES_NOT_APPLY, Batch, BatchResult, Combination, run
from rulebook.ask.blocks import Block, factor
from rulebook.ask.engine import answer_for, evaluate, resolve_question
from rulebook.ask.facts import Fact
from rulebook.ask.registry import Registry
from rulebook.ask.sweep_result import Group, Sweep, groups_of
from rulebook.ask.table import CombinationTable, Table, chance_weight
from rulebook.errors import QuestionError, RulebookError
from rulebook.model import Version

__all__ = ["MAX_DECIDING", "MAX_MOTIONS", "Combination", "Group", "Sweep", "sweep"]

#: Most motions one sweep takes.
MAX_MOTIONS = 64
#: Most deciding motions (their 2**n combinations are asked).
MAX_DECIDING = 20
#: Most motions ``reuse=False`` builds from scratch.
MAX_FROM_SCRATCH = 16


def _check_agenda(motions: Sequence[Motion], most: int) -> None:
    if len(motions) > most:
        raise QuestionError(
            f"a sweep takes at most {most} motions, not {len(motions)}; "
            "composite related motions first, or sweep them in smaller sets"
        )
    ids = [m.id for m in motions]
    if len(set(ids)) != len(ids):
        twice = next(i for i in ids if ids.count(i) > 1)
        raise QuestionError(f"motion {twice!r} is given twice; sweep each motion once")


def sweep(
    version: Version,
    motions: Sequence[Motion],
    question: str,
    facts: Any = None,
    *,
    bases: Mapping[str, Version] | None = None,
    ancestors: Iterable[Version] | Mapping[str, Version] = (),
    progress: Callable[[int], None] | None = None,
    reuse: bool = True,
    registry: Registry | None = None,
    executor: Executor | None = None,
) -> Sweep:
    """Ask ``question`` of every combination of ``motions`` passing or falling.

    Parameters
    ----------
    version, motions, question, facts:
        The version the agenda is put to, the motions in order, the question and its facts.
    bases:
        The version's ancestors by label (for motions drafted against them).
    ancestors:
        Earlier versions, nearest first, for the answers' ``because``.
    progress:
        Called with ``n`` as each ``n`` combinations of deciding motions are answered.
    reuse:
        ``False`` builds each combination from scratch, without factoring (at most 16 motions).
    registry:
        Where to look the question up (default: the built-in registry).
    executor:
        A :class:`concurrent.futures.Executor` to answer the deciding
        combinations in batches (a process pool, or a Dask or Ray cluster's
        executor); the result is the same as without.

    Raises
    ------
    QuestionError
        Too many motions, a motion given twice, more than 20 deciding motions,
        or a question that cannot be asked of ``version`` itself.

    Examples
    --------
    >>> from rulebook.io.rulebook import loads
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> s = sweep(v, [cut], "provision", {"name": "fees.annual"})
    >>> [(g.count, g.changes, g.answer.answer["value"]) for g in s.groups]
    [(1, False, 15), (1, True, 10)]
    """
    motions = list(motions)
    _check_agenda(motions, MAX_MOTIONS if reuse else MAX_FROM_SCRATCH)
    entry = resolve_question(question, registry)
    root = Fact.root(facts)
    entry.check_facts(root)
    older = tuple(ancestors.values()) if isinstance(ancestors, Mapping) else tuple(ancestors)
    first = evaluate(entry, version, root)
    baseline = answer_for(entry.name, version, first.result(), first.reads, older)
    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    job = Batch(version, tuple(motions), (), entry.name, facts, lookup, older, registry)
    if not reuse:
        return _from_scratch(job, baseline, progress)
    return _factored(job, baseline, frozenset(r.key for r in first.reads), progress, executor)


def _from_scratch(job: Batch, baseline: Answer, progress: Callable[[int], None] | None) -> Sweep:
    out: list[Combination] = []
    applications = evaluations = 0
    for choice in itertools.product((False, True), repeat=len(job.motions)):
        chosen = [m for m, c in zip(job.motions, choice, strict=True) if c]
        passed = tuple(m.id for m in chosen)
        if not chosen:
            out.append(Combination(passed, ANSWERED, baseline))
        else:
            try:
                label = "+".join((job.version.label, *passed))
                built = apply_all(job.version, chosen, bases=job.bases, label=label)
                applications += len(chosen)
            except RulebookError as exc:
                out.append(Combination(passed, DOES_NOT_APPLY, problem=str(exc)))
            else:
                single = attrs.evolve(job, version=built, motions=(), combinations=((),))
                done = run(single)
                evaluations += done.evaluations
                out.append(attrs.evolve(done.combinations[0], passed=passed))
        if progress is not None:
            progress(1)
    ids = tuple(m.id for m in job.motions)
    place = {m: i for i, m in enumerate(ids)}
    by_key: dict[tuple[str, ...], list[Combination]] = {}
    for combo in sorted(out, key=lambda c: (len(c.passed), [place[m] for m in c.passed])):
        by_key.setdefault(combo.key(), []).append(combo)
    index = {frozenset(c.passed): c for c in out}

    def weigh(chances: Mapping[str, Any], joint: Mapping[tuple[str, ...], Any]) -> dict[tuple[str, ...], Any]:
        if joint:
            raise QuestionError("joint distributions need the factored sweep (reuse=True)")
        found: dict[tuple[str, ...], Any] = {}
        for combo in out:
            w: Any = 1
            for m in ids:
                w = w * (chances[m] if m in combo.passed else 1 - chances[m])
            found[combo.key()] = found.get(combo.key(), 0) + w
        return found

    groups = groups_of(
        baseline,
        {k: len(v) for k, v in by_key.items()},
        {k: v[0] for k, v in by_key.items()},
        lambda key: lambda: (c.passed for c in by_key[key]),
        lambda key: lambda passed: index[frozenset(passed)].key() == key,
        ids,
    )
    return Sweep(
        job.question, job.version.label, ids, baseline, groups, tuple(out), (ids,) if ids else (), ids,
        evaluations, applications, weigh, lambda passed: index[passed],
    )  # fmt: skip


def _answer_all(
    job: Batch,
    combos: list[tuple[int, ...]],
    executor: Executor | None,
    progress: Callable[[int], None] | None,
) -> list[BatchResult]:
    """Answer ``combos`` (sorted, so neighbours share prefixes) in batches."""
    if not combos:
        return []
    if executor is None:
        chunks = [combos]
    else:
        size = max(1, -(-len(combos) // 32))
        chunks = [combos[i : i + size] for i in range(0, len(combos), size)]
    batches = [attrs.evolve(job, combinations=tuple(chunk)) for chunk in chunks]
    results = list(executor.map(run, batches)) if executor is not None else [run(b) for b in batches]
    if progress is not None:
        for r in results:
            progress(len(r.combinations))
    return results


def _factored(
    job: Batch,
    baseline: Answer,
    reads: frozenset[tuple[str, str]],
    progress: Callable[[int], None] | None,
    executor: Executor | None,
) -> Sweep:
    built = factor(job.version, job.motions, job.bases)
    relevant = [built.changed_reads(i, job.version, reads) for i in range(len(built.blocks))]
    answers: dict[frozenset[int], Combination] = {frozenset(): Combination((), ANSWERED, baseline)}
    evaluations = 1
    applications = sum(len(v) - 1 for v in built.versions)
    if progress is not None:
        progress(1)
    while True:
        chosen = [b for b, r in zip(built.blocks, relevant, strict=True) if r]
        deciding = sum(b.size for b in chosen)
        if deciding > MAX_DECIDING:
            names = ", ".join(m for b in chosen for m in b.motions)
            raise QuestionError(
                f"{deciding} motions can change this answer ({names}); a sweep asks at most "
                f"{MAX_DECIDING} deciding motions in every combination: sweep fewer, or composite some"
            )
        wanted = []
        for parts in itertools.product(*([p for p in b.parts if p.applies] for b in chosen)):
            positions = frozenset(pos for b, p in zip(chosen, parts, strict=True) for pos in _positions(b, p.mask))
            if positions not in answers:
                wanted.append(tuple(sorted(positions)))
        wanted.sort()
        for result in _answer_all(job, wanted, executor, progress):
            evaluations += result.evaluations
            applications += result.applications
            reads = reads | result.reads
            for combo, found in zip(wanted[: len(result.combinations)], result.combinations, strict=True):
                answers[frozenset(combo)] = found
            wanted = wanted[len(result.combinations) :]
        more = [r or built.changed_reads(i, job.version, reads) for i, r in enumerate(relevant)]
        if more == relevant:
            break
        relevant = more
    blocks = tuple(attrs.evolve(b, relevant=r) for b, r in zip(built.blocks, relevant, strict=True))
    ids = tuple(m.id for m in job.motions)
    table = Table(ids, blocks, _keyed(blocks, answers))
    return _sweep_of(job, baseline, table, evaluations, applications)


def _positions(block: Block, mask: int) -> tuple[int, ...]:
    return tuple(pos for i, pos in enumerate(block.positions) if mask >> i & 1)


def _keyed(blocks: tuple[Block, ...], answers: Mapping[frozenset[int], Combination]) -> dict[tuple[int, ...], Any]:
    """The answers keyed by the part mask of each relevant block."""
    chosen = [b for b in blocks if b.relevant]
    out: dict[tuple[int, ...], Any] = {}
    for parts in itertools.product(*([p for p in b.parts if p.applies] for b in chosen)):
        positions = frozenset(pos for b, p in zip(chosen, parts, strict=True) for pos in _positions(b, p.mask))
        out[tuple(p.mask for p in parts)] = answers[positions]
    return out


def _sweep_of(job: Batch, baseline: Answer, table: Table, evaluations: int, applications: int) -> Sweep:
    def find(passed: frozenset[str]) -> Combination:
        found = table.outcome(passed)
        ordered = tuple(m for m in table.motions if m in passed)
        if isinstance(found, Combination):
            return attrs.evolve(found, passed=ordered)
        return Combination(ordered, DOES_NOT_APPLY, problem=found.problem)

    def weigh(chances: Mapping[str, Any], joint: Mapping[tuple[str, ...], Any]) -> dict[tuple[str, ...], Any]:
        units = [table.joint_unit(ms, dist) for ms, dist in joint.items()]
        taken = {id(b) for blocks, _ in units for b in blocks}
        weight = chance_weight(chances)
        units += [table._unit(b, weight) for b in table.blocks if id(b) not in taken]
        return table.distribution_of_units(units)

    counts = table.distribution(lambda motion, passes: 1)
    examples: dict[tuple[str, ...], Combination] = {}
    for key in counts:
        if key[0] == DOES_NOT_APPLY:
            examples[key] = Combination((), DOES_NOT_APPLY, problem=key[1])
        else:
            examples[key] = next(table.answers[m] for m, k in table.keys.items() if k == key)
    groups = groups_of(
        baseline,
        counts,
        examples,
        lambda key: lambda: table.examples(key),
        lambda key: lambda passed: table.outcome(frozenset(passed)).key() == key,
        table.motions,
    )
    everything = CombinationTable(table.motions, lambda passed: find(frozenset(passed)))
    return Sweep(
        job.question, job.version.label, table.motions, baseline, groups, everything,
        tuple(b.motions for b in table.blocks), table.deciding, evaluations, applications, weigh, find,
    )  # fmt: skip
