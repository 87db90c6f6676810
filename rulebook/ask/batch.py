"""Asking one question of many combinations of motions, in one process or many.

A sweep hands the combinations of its deciding motions to :func:`run` in
batches. Each batch builds its versions along a prefix tree (combinations in
order share the versions of their common first motions) and files answers by
the reads they made (:mod:`rulebook.ask.memo`). Batches are independent, so
they can go to any :class:`concurrent.futures.Executor`: a process pool on one
machine, or a Dask or Ray cluster's executor (docs/questions.md).

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.amend.motion import Amendment, Motion
>>> v = club  # the one-rule club book of the doctests (conftest.py)
>>> cut = Motion("cut", [Amendment("set_provision", clause="fee", name="fees.annual", value=10)])
>>> job = Batch(v, (cut,), ((), (0,)), "provision", {"name": "fees.annual"}, {})
>>> result = run(job)
>>> [(r.passed, r.answer.answer["value"]) for r in result.combinations], result.evaluations
([((), 15), (('cut',), 10)], 2)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.ask.answer import Answer
from rulebook.ask.citing import CitationCache
from rulebook.ask.engine import answer_for, evaluate, resolve_question
from rulebook.ask.facts import Fact
from rulebook.ask.memo import AnswerMemo
from rulebook.ask.registry import Registry
from rulebook.errors import RulebookError
from rulebook.model import Version

__all__ = ["ANSWERED", "ERROR", "Batch", "BatchResult", "Combination", "run"]

ANSWERED = "answer"
DOES_NOT_APPLY = "does-not-apply"
ERROR = "error"


@attrs.frozen
class Combination:
    """One combination: the motions that pass (in order), and its answer or why there is none.

    ``kind`` is ``answer``, ``does-not-apply`` (a passing motion cannot be
    applied in this company; ``problem`` says why) or ``error`` (the question
    cannot be asked of that version, e.g. the facts name a section it deleted).

    Examples
    --------
    >>> Combination(("a",), "does-not-apply", problem="no such clause").key()
    ('does-not-apply', 'no such clause')
    """

    passed: tuple[str, ...]
    kind: str
    answer: Answer | None = None
    problem: str | None = None

    def key(self) -> tuple[str, ...]:
        """What combinations that give the same result share."""
        import json

        if self.answer is None:
            return (self.kind, self.problem or "")
        data = self.answer.to_data()
        return (self.kind, data["status"], json.dumps([data["answer"], data["gaps"]], sort_keys=True))


@attrs.frozen
class Batch:
    """Combinations to evaluate: each a tuple of indices into ``motions`` (ascending).

    ``facts`` are the raw facts (plain data, so that a batch can be sent to
    another process); ``bases`` the version's ancestors by label.
    """

    version: Version
    motions: tuple[Motion, ...]
    combinations: tuple[tuple[int, ...], ...]
    question: str
    facts: Any
    bases: Mapping[str, Version]
    ancestors: tuple[Version, ...] = ()
    registry: Registry | None = None


@attrs.frozen
class BatchResult:
    """The combinations of a batch answered, the reads they made and the work done."""

    combinations: tuple[Combination, ...]
    reads: frozenset[tuple[str, str]]
    evaluations: int
    applications: int


def run(batch: Batch) -> BatchResult:
    """Answer every combination of ``batch`` (a module-level function, so executors can pickle it)."""
    entry = resolve_question(batch.question, batch.registry)
    facts = Fact.root(batch.facts)
    lookup = dict(batch.bases)
    lookup.setdefault(batch.version.label, batch.version)
    memo = AnswerMemo()
    cite = CitationCache()
    ancestors = [batch.version, *(a for a in batch.ancestors if a is not batch.version)]
    # The versions of the current combination's prefix: prefix[i] has its first i motions applied.
    stack: list[tuple[int, Version]] = [(-1, batch.version)]
    out: list[Combination] = []
    reads: set[tuple[str, str]] = set()
    evaluations = applications = 0
    for combo in batch.combinations:
        keep = 0
        while keep < len(combo) and keep + 1 < len(stack) and stack[keep + 1][0] == combo[keep]:
            keep += 1
        del stack[keep + 1 :]
        passed = tuple(batch.motions[i].id for i in combo)
        try:
            for i in combo[keep:]:
                stack.append((i, apply(stack[-1][1], batch.motions[i], bases=lookup)))
                applications += 1
        except RulebookError as exc:
            out.append(Combination(passed, DOES_NOT_APPLY, problem=str(exc)))
            del stack[keep + 1 :]
            continue
        version = stack[-1][1]
        found = memo.lookup(version)
        if found is None:
            found = evaluate(entry, version, facts)
            evaluations += 1
            memo.store(found)
        reads.update(r.key for r in found.reads)
        if found.error is not None:
            out.append(Combination(passed, ERROR, problem=str(found.error)))
            continue
        assert found.outcome is not None
        answer = answer_for(entry.name, version, found.outcome, found.reads, ancestors, cite)
        out.append(Combination(passed, ANSWERED, answer))
    return BatchResult(tuple(out), frozenset(reads), evaluations, applications)
