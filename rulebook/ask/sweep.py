"""Sweeps: one question over every combination of motions passing or falling.

With k motions there are 2**k combinations; each applies the motions that
pass, in the order given, to the version, and asks the question. The sweep
reports which combinations change the answer from the status quo (no motion
passing), grouped by the answer they give, and which do not apply (a motion
that fails in that company, e.g. because another deleted its clause).

Work is shared two ways. Versions are built along a prefix tree: the
combinations that agree on the first i motions share the version built for
them, so each combination costs one application, not up to k. And answers
are memoised by the provision values the question actually read
(:mod:`rulebook.ask.memo`): a motion that does not touch those provisions
costs no evaluation at all.

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
>>> s.evaluations
2
"""

from __future__ import annotations

import itertools
import json
from collections.abc import Callable, Iterable, Mapping, Sequence
from typing import Any

import attrs

from rulebook.amend.apply import apply, apply_all
from rulebook.amend.motion import Motion
from rulebook.ask.answer import Answer
from rulebook.ask.citing import CitationCache
from rulebook.ask.compare import answer_differences
from rulebook.ask.engine import Evaluation, answer_for, evaluate, resolve_question
from rulebook.ask.facts import Fact
from rulebook.ask.memo import AnswerMemo
from rulebook.ask.registry import Registry
from rulebook.display import Displayable
from rulebook.errors import QuestionError, RulebookError
from rulebook.model import Version
from rulebook.numbering import citation

__all__ = ["MAX_MOTIONS", "Combination", "Group", "Sweep", "sweep"]

#: Most motions one sweep takes (2**16 = 65536 combinations).
MAX_MOTIONS = 16

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
    >>> from rulebook.io.rulebook import loads
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> drop = Motion("drop", [Amendment("delete_clause", clause="fee")])
    >>> cut = Motion("cut", [Amendment("set_provision", clause="fee", name="fees.annual", value=10)])
    >>> s = sweep(v, [drop, cut], "provision", {"name": "fees.annual"})
    >>> both = s.combination(["drop", "cut"])
    >>> both.kind, both.answer, both.problem.split(":")[0]
    ('does-not-apply', None, 'amendment 1 of motion cut')
    >>> s.combination(["cut"]).key()
    ('answer', 'determined', '[{"clause": "Rule 1", "id": "fee", "name": "fees.annual", "value": 10}, []]')
    """

    passed: tuple[str, ...]
    kind: str
    answer: Answer | None = None
    problem: str | None = None

    def key(self) -> tuple[str, ...]:
        """What combinations that give the same result share."""
        if self.answer is None:
            return (self.kind, self.problem or "")
        data = self.answer.to_data()
        return (self.kind, data["status"], json.dumps([data["answer"], data["gaps"]], sort_keys=True))


@attrs.frozen
class Group:
    """Combinations that give the same answer (or fail the same way).

    Examples
    --------
    >>> from rulebook.io.rulebook import loads
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> drop = Motion("drop", [Amendment("delete_clause", clause="fee")])
    >>> cut = Motion("cut", [Amendment("set_provision", clause="fee", name="fees.annual", value=10)])
    >>> s = sweep(v, [drop, cut], "provision", {"name": "fees.annual"})
    >>> [(g.kind, g.combinations, g.changes) for g in s.groups]
    [('answer', ((),), False), ('answer', (('cut',),), True), ('answer', (('drop',),), True),
     ('does-not-apply', (('drop', 'cut'),), True)]
    >>> g = s.groups[1]
    >>> g.count, g.changed, g.to_data()["answer"]["value"]
    (1, ('answer.value',), 10)
    """

    kind: str
    combinations: tuple[tuple[str, ...], ...]
    answer: Answer | None
    problem: str | None
    changed: tuple[str, ...]

    @property
    def count(self) -> int:
        """How many combinations are in the group."""
        return len(self.combinations)

    @property
    def changes(self) -> bool:
        """Whether these combinations change the answer from the status quo."""
        return self.kind != ANSWERED or bool(self.changed)

    def to_data(self) -> dict[str, Any]:
        """The group as JSON-ready data."""
        out: dict[str, Any] = {"kind": self.kind, "changes": self.changes, "count": self.count}
        if self.answer is not None:
            data = self.answer.to_data()
            out.update(status=data["status"], answer=data["answer"], gaps=data["gaps"], changed=list(self.changed))
        else:
            out["problem"] = self.problem
        out["combinations"] = [list(c) for c in self.combinations]
        return out


@attrs.frozen
class Sweep(Displayable):
    """The results of a sweep: every combination, and counts of the work done.

    Examples
    --------
    >>> from rulebook.io.rulebook import loads
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> drop = Motion("drop", [Amendment("delete_clause", clause="fee")])
    >>> cut = Motion("cut", [Amendment("set_provision", clause="fee", name="fees.annual", value=10)])
    >>> s = sweep(v, [drop, cut], "provision", {"name": "fees.annual"})
    >>> len(s.combinations), s.evaluations, s.applications
    (4, 3, 2)
    >>> s.baseline.answer["value"], s.combination(["cut"]).answer.answer["value"]
    (15, 10)
    >>> [g.count for g in s.changing], s.to_data()["motions"]
    ([1, 1, 1], ['drop', 'cut'])
    """

    question: str
    version: str
    motions: tuple[str, ...]
    baseline: Answer
    combinations: tuple[Combination, ...]
    evaluations: int
    applications: int

    PRESENTER = "rulebook.ask.display:sweep"

    def combination(self, passed: Iterable[str]) -> Combination:
        """The combination in which exactly the motions ``passed`` pass."""
        wanted = set(passed)
        for combo in self.combinations:
            if set(combo.passed) == wanted:
                return combo
        raise QuestionError(f"no combination of {', '.join(sorted(wanted))}: not motions of this sweep")

    @property
    def groups(self) -> tuple[Group, ...]:
        """Combinations grouped by result: the status quo's group first, then by size."""
        buckets: dict[tuple[str, ...], list[Combination]] = {}
        for combo in self.combinations:
            buckets.setdefault(combo.key(), []).append(combo)
        groups = []
        for members in buckets.values():
            first = members[0]
            changed = tuple(d.path for d in answer_differences(self.baseline, first.answer)) if first.answer else ()
            groups.append(Group(first.kind, tuple(c.passed for c in members), first.answer, first.problem, changed))
        return tuple(sorted(groups, key=lambda g: (g.changes, g.kind != ANSWERED, -g.count)))

    @property
    def changing(self) -> tuple[Group, ...]:
        """The groups that change the answer (or do not apply)."""
        return tuple(g for g in self.groups if g.changes)

    def to_data(self) -> dict[str, Any]:
        """The sweep as JSON-ready data."""
        return {
            "question": self.question,
            "version": self.version,
            "motions": list(self.motions),
            "combinations": len(self.combinations),
            "baseline": self.baseline.to_data(),
            "groups": [g.to_data() for g in self.groups],
            "evaluations": self.evaluations,
            "applications": self.applications,
        }


class _Asker:
    """Answers the question on versions, through the memo when ``reuse``."""

    def __init__(self, entry: Any, facts: Fact, ancestors: list[Version], reuse: bool) -> None:
        self.entry = entry
        self.facts = facts
        self.ancestors = ancestors
        self.memo = AnswerMemo() if reuse else None
        self.cite = CitationCache() if reuse else citation
        self.evaluations = 0

    def evaluation(self, version: Version) -> Evaluation:
        found = self.memo.lookup(version) if self.memo is not None else None
        if found is None:
            found = evaluate(self.entry, version, self.facts)
            self.evaluations += 1
            if self.memo is not None:
                self.memo.store(found)
        return found

    def combination(self, passed: tuple[str, ...], version: Version) -> Combination:
        found = self.evaluation(version)
        if found.error is not None:
            return Combination(passed, ERROR, problem=str(found.error))
        assert found.outcome is not None
        return Combination(
            passed,
            ANSWERED,
            answer_for(self.entry.name, version, found.outcome, found.reads, self.ancestors, self.cite),
        )


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
) -> Sweep:
    """Ask ``question`` of every combination of ``motions`` passing or falling.

    ``bases`` are the version's ancestors by label (for motions drafted
    against them); ``progress(n)`` is called as each ``n`` combinations are
    done. ``reuse=False`` builds each combination from scratch and asks
    without the memo: the reference the fast path is tested against.

    Examples
    --------
    >>> from rulebook.io.rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> s = sweep(v, [cut], "provision", {"name": "fees.annual"})
    >>> [(g.count, g.changes, g.answer.answer["value"]) for g in s.groups]
    [(1, False, 15), (1, True, 10)]
    """
    motions = list(motions)
    if len(motions) > MAX_MOTIONS:
        raise QuestionError(
            f"a sweep takes at most {MAX_MOTIONS} motions ({2**MAX_MOTIONS} combinations), not {len(motions)}; "
            "composite related motions first, or sweep them in smaller sets"
        )
    ids = [m.id for m in motions]
    if len(set(ids)) != len(ids):
        twice = next(i for i in ids if ids.count(i) > 1)
        raise QuestionError(f"motion {twice!r} is given twice; sweep each motion once")
    entry = resolve_question(question, registry)
    root = Fact.root(facts)
    entry.check_facts(root)
    older = list(ancestors.values()) if isinstance(ancestors, Mapping) else list(ancestors)
    asker = _Asker(entry, root, [version, *(a for a in older if a is not version)], reuse)
    base_eval = asker.evaluation(version)
    baseline = answer_for(entry.name, version, base_eval.result(), base_eval.reads, older)
    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    out: list[Combination] = []
    applications = 0

    def done(combo: Combination) -> None:
        out.append(combo)
        if progress is not None:
            progress(1)

    if reuse:
        # Depth-first over the prefix tree: fall first, then pass, so the
        # combinations come out in the same order as itertools.product.
        stack: list[tuple[int, tuple[str, ...], Version | None, str | None]] = [(0, (), version, None)]
        while stack:
            depth, passed, current, problem = stack.pop()
            if depth == len(motions):
                if current is None:
                    done(Combination(passed, DOES_NOT_APPLY, problem=problem))
                elif not passed:
                    done(Combination(passed, ANSWERED, baseline))
                else:
                    done(asker.combination(passed, current))
                continue
            motion = motions[depth]
            with_it: Version | None = None
            why = problem
            if current is not None:
                try:
                    with_it = apply(current, motion, bases=lookup)
                    applications += 1
                except RulebookError as exc:
                    why = str(exc)
            stack.append((depth + 1, (*passed, motion.id), with_it, why))
            stack.append((depth + 1, passed, current, problem))
    else:
        for choice in itertools.product((False, True), repeat=len(motions)):
            chosen = [m for m, c in zip(motions, choice, strict=True) if c]
            passed = tuple(m.id for m in chosen)
            try:
                label = "+".join((version.label, *passed))
                built = apply_all(version, chosen, bases=lookup, label=label) if chosen else version
                applications += len(chosen)
            except RulebookError as exc:
                done(Combination(passed, DOES_NOT_APPLY, problem=str(exc)))
                continue
            done(asker.combination(passed, built) if chosen else Combination(passed, ANSWERED, baseline))
    return Sweep(entry.name, version.label, tuple(ids), baseline, tuple(out), asker.evaluations, applications)
