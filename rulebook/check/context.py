"""The state of one check: the version, the bases, the findings so far, and what
pairs already reported, so that a group does not report it again (``docs/checking.md``).

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("a", text="See [[b]]."), Clause("b")])
>>> Context(v, {"1": v}).referrers
{'b': ['a']}
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping, Sequence
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.check.delta import Delta
from rulebook.check.findings import Finding, Location, clause_ref
from rulebook.check.footprint import Footprint
from rulebook.check.invariants import Violation, evaluate
from rulebook.check.judge import Cache, Entry, Judgement, judge
from rulebook.check.procedure import Rule
from rulebook.errors import RulebookError
from rulebook.model import Invariant, Version, walk
from rulebook.refs import references

__all__ = ["Applied", "Context", "Subject"]

#: What a finding is about, to tell whether a smaller set of motions already reported it:
#: ``("dangling", source, target)`` or ``("invariant", name)``.
Subject = tuple[str, ...]


#: A motion applied alone to the version checked.
Applied = Entry


@attrs.define
class Context:
    """One check's version, bases and date, and what it found so far."""

    version: Version
    bases: Mapping[str, Version]
    today: dt.date = attrs.field(factory=dt.date.today)
    history: Mapping[str, Version] = attrs.field(factory=dict)
    record: dict[str, Motion] = attrs.field(factory=dict)
    rule: Rule | None = None
    findings: list[Finding] = attrs.field(factory=list)
    notes: list[str] = attrs.field(factory=list)
    reported: dict[Subject, list[frozenset[str]]] = attrs.field(factory=dict)
    settled: set[frozenset[str]] = attrs.field(factory=set)  # pairs that collide
    blocked: set[frozenset[str]] = attrs.field(factory=set)  # pairs (or duplicates) failing one after the other
    cache: Cache = attrs.field(factory=dict)
    judged: dict[tuple[str, ...], Judgement] = attrs.field(factory=dict)
    amended: dict[str, list[Any]] = attrs.field(factory=dict)
    _referrers: dict[str, list[str]] | None = None
    _broken: dict[str, Violation | None] | None = None

    def locate(self, motion: Motion, clause_ids: Iterable[str] = (), fp: Footprint | None = None) -> Location:
        """Where a finding points for ``motion``: the line of its amendment naming one of the clauses."""
        line = motion.line
        if fp is not None:
            name = fp.naming(set(clause_ids))
            if name is not None and motion.amendments[name.amendment].line:
                line = motion.amendments[name.amendment].line
        return Location(motion.id, motion.file, line)

    def add(
        self,
        kind: str,
        applied: Sequence[Applied],
        clauses: Sequence[str],
        message: str,
        subject: Subject | None = None,
    ) -> None:
        """Record a finding about ``applied`` (and, with ``subject``, that they reported it)."""
        refs = tuple(dict.fromkeys(clause_ref(c, self.version, *(a.result for a in applied)) for c in clauses))
        where = tuple(self.locate(a.motion, clauses, a.footprint) for a in applied)
        ids = tuple(a.motion.id for a in applied)
        self.findings.append(Finding(kind, ids, refs, message, where))
        if subject is not None:
            self.reported.setdefault(subject, []).append(frozenset(ids))

    def already(self, subject: Subject, motions: frozenset[str]) -> bool:
        """True when some of ``motions`` (alone or in a pair) already reported ``subject``."""
        return any(found <= motions for found in self.reported.get(subject, ()))

    def judge(self, members: Sequence[Applied]) -> Judgement:
        """The one judgement (:func:`~rulebook.check.judge.judge`) of these motions, kept."""
        key = tuple(a.motion.id for a in members)
        if key not in self.judged:
            self.judged[key] = judge(self.version, members, self.bases, self.cache)
        return self.judged[key]

    def together(self, members: Sequence[Applied]) -> Version | None:
        """The version all ``members`` make together: composited when nothing collides, else
        passed one after the other in agenda order (None when one then no longer applies)."""
        if len(members) == 1:
            return members[0].result
        found = self.judge(members)
        if found.merges:
            return found.version
        passed = self.run(members)
        return None if isinstance(passed, tuple) else passed

    def run(self, members: Sequence[Applied]) -> Version | tuple[int, RulebookError]:
        """The members passed one after the other as worded, or (index of the one that then
        no longer applies, why)."""
        current = members[0].result
        for i, a in enumerate(members[1:], start=1):
            try:
                current = apply(current, a.motion, bases=self.bases)
            except RulebookError as exc:
                return i, exc
        return current

    @property
    def referrers(self) -> dict[str, list[str]]:
        """Target id -> ids of the clauses of the version whose text refers to it."""
        if self._referrers is None:
            index: dict[str, list[str]] = {}
            for _, clause in walk(self.version.clauses):
                for target in references(clause.text):
                    index.setdefault(target, []).append(clause.id)
            self._referrers = index
        return self._referrers

    def dangling(self, result: Version, change: Delta) -> list[tuple[str, str]]:
        """References in ``result`` to clauses that no longer exist, found from the change alone."""
        candidates = set(change.changed | change.added)
        for gone in change.removed:
            candidates.update(self.referrers.get(gone, ()))
        out: set[tuple[str, str]] = set()
        for cid in candidates:
            if cid in result:
                out.update((cid, t) for t in references(result.clause(cid).text) if t not in result)
        return sorted(out)

    def before(self, name: str) -> Violation | None:
        """How the version checked breaks invariant ``name``, if it does."""
        if self._broken is None:
            self._broken = {inv.name: evaluate(self.version, inv) for inv in self.version.invariants}
        return self._broken.get(name)

    def broken(self, result: Version, change: Delta) -> list[Violation]:
        """Invariants the change touches that ``result`` breaks and the version did not (so)."""
        out = []
        for inv in result.invariants:
            if not _touches(inv, change):
                continue
            found = evaluate(result, inv)
            before = self.before(inv.name)
            if found is not None and (before is None or before.message != found.message):
                out.append(found)
        return out


def _touches(inv: Invariant, change: Delta) -> bool:
    if inv.clause is not None:
        return inv.clause in change.removed
    return inv.provision in change.provisions
