"""Checking motions against a version and against each other (CONTRACT section 5).

Each motion is applied to the version alone. Its footprint
(:mod:`rulebook.check.footprint`) says what it reads and writes; only motions
whose footprints overlap are applied together, one after the other in both
orders, so the work grows with the number of overlapping pairs, not with the
square of the number of motions. Motions with disjoint footprints commute and
are never reported.

Pairs are not enough: three motions may each sit well with each other one and
still clash all together. So every *group* of three or more (a connected set
of the overlap relation, joined also by the invariants that read what they
write: :func:`rulebook.check.footprint.groups`) is applied as a whole in
agenda order, and the combined result is checked for dangling references and
broken invariants. Each such finding is shrunk (:func:`minimal`) to the fewest
motions of the group that still cause it, in agenda order, and reported, naming
only them, unless a single motion or pair already reported it. A group of
at most :data:`ORDER_LIMIT` motions is also applied in the other orders of
:func:`orders` (each rotation of the agenda order and its reverse), to catch
an order-dependence that no pair shows (shrunk the same way). A group of more
than :data:`SHRINK_LIMIT` motions is not shrunk: its findings name it whole.

Examples
--------
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
...             [Clause("fee", text="The fee is 15 pounds."), Clause("dues", text="Pay in May.")])
>>> a = Motion("a", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
>>> b = Motion("b", [Amendment("replace_words", clause="Rule 1", old="15", new="12")])
>>> c = Motion("c", [Amendment("replace_words", clause="Rule 2", old="May", new="June")])
>>> report = check(v, [a, b, c])
>>> [(f.kind, f.motions) for f in report.findings]
[('overlap', ('a', 'b'))]
>>> print(report.findings[0].message)
motions a and b both change '15' in Rule 1 (id fee): a to '10', b to '12'; if either passes, the other no longer applies
>>> report.groups
(('a', 'b'),)
>>> orders(3)
[(2, 1, 0), (1, 2, 0), (0, 2, 1), (2, 0, 1), (1, 0, 2)]
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Mapping, Sequence
from functools import partial
from typing import Any

import attrs
import networkx as nx

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.check.delta import Delta, delta
from rulebook.check.findings import ClauseRef, Finding, Location, clause_ref, describe
from rulebook.check.footprint import (
    WORD_OPS,
    Footprint,
    footprint,
    groups,
    invariant_keys,
    key_clause,
    overlap,
    overlapping_pairs,
)
from rulebook.check.graph import composite_groups, conflict_graph
from rulebook.check.invariants import Violation, evaluate
from rulebook.check.procedure import Rule, amended_parts, closed_until, parts, three_year_rule
from rulebook.check.stated import stated_findings
from rulebook.check.words import merge
from rulebook.errors import CitationError, RulebookError, SchemaError
from rulebook.model import Invariant, Version, walk
from rulebook.numbering import resolve_id
from rulebook.refs import references

__all__ = ["ORDER_LIMIT", "SHRINK_LIMIT", "Progress", "Report", "check", "minimal", "orders"]

#: ``progress(stage, done, total)``: called as the check goes (stages ``apply``, ``pairs``, ``groups``).
Progress = Callable[[str, int, int], None]

#: The largest group (in motions) that is also applied in the other :func:`orders`.
ORDER_LIMIT = 5

#: The largest group (in motions) whose findings are shrunk (:func:`minimal`) to the fewest motions
#: that still cause them; a finding of a larger group names the whole group.
SHRINK_LIMIT = 12

#: What a finding is about, to tell whether a smaller set of motions already reported it:
#: ``("dangling", source, target)`` or ``("invariant", name)``.
Subject = tuple[str, ...]


@attrs.frozen
class Report:
    """What :func:`check` found: the findings, in a stable order, and the
    conflict graph (motions as nodes, findings as edges).

    Examples
    --------
    >>> Report("1", (), (), nx.Graph()).clean
    True
    """

    version: str
    motions: tuple[Motion, ...]
    findings: tuple[Finding, ...]
    graph: nx.Graph = attrs.field(eq=False, repr=False)

    @property
    def clean(self) -> bool:
        """True when nothing was found."""
        return not self.findings

    @property
    def groups(self) -> tuple[tuple[str, ...], ...]:
        """The motions that could be composited: connected groups of the graph."""
        return composite_groups(self.graph)

    def about(self, motion_id: str) -> tuple[Finding, ...]:
        """The findings that name a motion."""
        return tuple(f for f in self.findings if motion_id in f.motions)

    def to_data(self) -> dict[str, Any]:
        """The report as JSON data: ``findings`` (CONTRACT section 5) and ``composite`` groups."""
        return {
            "version": self.version,
            "motions": [m.id for m in self.motions],
            "findings": [f.to_data() for f in self.findings],
            "composite": [list(g) for g in self.groups],
        }


@attrs.frozen
class _Applied:
    motion: Motion
    result: Version
    footprint: Footprint
    by_id: Motion  # the motion with its citations resolved to ids, to apply after others quickly


def _by_id(motion: Motion, base: Version) -> Motion:
    """The same motion naming each clause of its base by stable id (ids resolve at once)."""
    out = []
    for a in motion.amendments:
        fields: dict[str, Any] = {}
        for role in ("clause", "after", "before", "into"):
            ref = getattr(a, role)
            if isinstance(ref, str):
                try:
                    fields[role] = resolve_id(base, ref)
                except CitationError:
                    continue
        out.append(attrs.evolve(a, **fields) if fields else a)
    return attrs.evolve(motion, amendments=tuple(out))


def _fails(version: Version, motion: Motion, bases: Mapping[str, Version]) -> RulebookError | None:
    try:
        apply(version, motion, bases=bases)
    except RulebookError as exc:
        return exc
    return None


def _quote(text: str | None, limit: int = 90) -> str:
    text = " ".join((text or "").split())
    return repr(text if len(text) <= limit else text[: limit - 3] + "...")


class _Checker:
    """The state of one check: the version, the bases, what was applied."""

    def __init__(
        self,
        version: Version,
        bases: Mapping[str, Version],
        today: dt.date,
        history: Mapping[str, Version] | None = None,
        record: Sequence[Motion] = (),
    ) -> None:
        self.version = version
        self.bases = bases
        self.today = today
        self.all = history if history is not None else bases
        self.record = {m.id: m for m in record}
        self.findings: list[Finding] = []
        self._referrers: dict[str, list[str]] | None = None
        self._broken = {inv.name: evaluate(version, inv) for inv in version.invariants}
        self._record: dict[str, list[Any]] = {}
        self.reported: dict[Subject, list[frozenset[str]]] = {}
        self.failed: set[frozenset[str]] = set()  # pairs one of whose orders fails
        self.unsettled: set[frozenset[str]] = set()  # pairs that fail or depend on their order
        self.duplicates: set[frozenset[str]] = set()  # pairs that make the same change

    # -- locations -----------------------------------------------------------

    def locate(self, motion: Motion, clause_ids: Iterable[str] = (), fp: Footprint | None = None) -> Location:
        line = motion.line
        if fp is not None:
            name = fp.naming(set(clause_ids))
            if name is not None and motion.amendments[name.amendment].line:
                line = motion.amendments[name.amendment].line
        return Location(motion.id, motion.file, line)

    def add(
        self,
        kind: str,
        applied: Sequence[_Applied],
        clauses: Sequence[str],
        message: str,
        subject: Subject | None = None,
    ) -> None:
        refs = tuple(dict.fromkeys(clause_ref(c, self.version, *(a.result for a in applied)) for c in clauses))
        where = tuple(self.locate(a.motion, clauses, a.footprint) for a in applied)
        ids = tuple(a.motion.id for a in applied)
        self.findings.append(Finding(kind, ids, refs, message, where))
        if subject is not None:
            self.reported.setdefault(subject, []).append(frozenset(ids))

    def already(self, subject: Subject, motions: frozenset[str]) -> bool:
        """True when some of ``motions`` (alone or in a pair) already reported ``subject``."""
        return any(found <= motions for found in self.reported.get(subject, ()))

    # -- one motion alone ----------------------------------------------------

    def does_not_apply(self, motion: Motion, error: RulebookError) -> None:
        """Find the failing amendment (by applying ever longer prefixes) for its clause and line."""
        index = len(motion.amendments) - 1
        for i in range(1, len(motion.amendments)):
            if _fails(self.version, attrs.evolve(motion, amendments=motion.amendments[:i]), self.bases):
                index = i - 1
                break
        amendment = motion.amendments[index] if motion.amendments else None
        clauses: tuple[ClauseRef, ...] = ()
        ref = None if amendment is None else (amendment.clause if amendment.op != "insert_clause" else None)
        ref = ref or (amendment.anchor[1] if amendment is not None and amendment.anchor else None)
        if ref is not None:
            base = self.bases.get(motion.base or "", self.version)
            try:
                clauses = (clause_ref(resolve_id(base, ref), self.version, base),)
            except CitationError:
                clauses = ()
        line = amendment.line if amendment is not None and amendment.line else motion.line
        message = error.message if error.file is None else str(error)
        self.findings.append(
            Finding(
                "does-not-apply",
                (motion.id,),
                clauses,
                f"motion {motion.id} does not apply to version {self.version.label}: {message}",
                (Location(motion.id, motion.file, line),),
            )
        )

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

    def broken(self, result: Version, change: Delta) -> list[Violation]:
        """Invariants the change touches that ``result`` breaks and the version did not (so)."""
        out = []
        for inv in result.invariants:
            if not _touches(inv, change):
                continue
            found = evaluate(result, inv)
            before = self._broken.get(inv.name)
            if found is not None and (before is None or before.message != found.message):
                out.append(found)
        return out

    def alone(self, applied: _Applied) -> None:
        change = applied.footprint.delta
        who = f"motion {applied.motion.id}"
        for source, target in self.dangling(applied.result, change):
            self.add(
                "dangling-reference",
                [applied],
                [source, target],
                f"{who} leaves {describe(source, applied.result, self.version)} referring to [[{target}]], "
                "which no longer exists; amend or delete that reference in the same motion",
                ("dangling", source, target),
            )
        for violation in self.broken(applied.result, change):
            self.add(
                "invariant",
                [applied],
                _violation_clauses(violation),
                _invariant_message(who, "breaks", violation),
                ("invariant", violation.invariant.name),
            )

    def out_of_order(self, applied: _Applied, rule: Rule) -> None:
        motion = applied.motion
        if motion.urgent:
            return
        day = motion.date or self.today
        change = applied.footprint.delta
        mine = parts(self.version, applied.result, change, rule.depth)
        if not mine:
            return
        for amended in self.history(day, rule):
            if amended.part not in mine or amended.effective is None:
                continue
            until = closed_until(amended.effective, rule.interval)
            if until <= day:
                continue
            years = int(rule.interval) if float(rule.interval).is_integer() else rule.interval
            carried = ("motions " if len(amended.motions) > 1 else "motion ") + ", ".join(amended.motions)
            self.add(
                "out-of-order",
                [applied],
                [amended.part],
                f"motion {motion.id} (for {day.isoformat()}) amends "
                f"{describe(amended.part, self.version, applied.result)}, which conference amended in version "
                f"{amended.label} (in force {amended.effective.isoformat()}, by {carried}); under "
                f"{describe(rule.clause, self.version)} that part may not be amended again for {years} years, "
                f"until {until.isoformat()}, unless the motion is of immediate importance (mark it urgent: true)",
            )
            mine.discard(amended.part)

    def history(self, day: dt.date, rule: Rule) -> list[Any]:
        """The parts amended by motions in the versions in force before ``day``."""
        dated = [v for v in self.all.values() if v.effective is not None and v.effective < day]
        if not dated:
            return []
        latest = max(dated, key=lambda v: v.effective or dt.date.min)
        if latest.label not in self._record:
            self._record[latest.label] = list(amended_parts(latest, self.all, rule, self.record.values()))
        return self._record[latest.label]

    # -- two motions together --------------------------------------------------

    def pair(self, a: _Applied, b: _Applied) -> None:
        ab = self.after(a, b)
        ba = self.after(b, a)
        both = frozenset((a.motion.id, b.motion.id))
        if isinstance(ab, RulebookError) or isinstance(ba, RulebookError):
            self.failed.add(both)
            self.unsettled.add(both)
        elif ab.clauses != ba.clauses:
            self.unsettled.add(both)
        shared = _shared_state(a, b)
        if shared:
            self.duplicates.add(both)
            self.duplicate(a, b, shared, ab, ba)
            return
        if self.removed(a, b) or self.removed(b, a):
            return
        if isinstance(ab, RulebookError) or isinstance(ba, RulebookError):
            self.blocked(a, b, ab, ba)
            return
        if ab.clauses != ba.clauses:
            self.order(a, b, ab, ba)
            return
        self.together(a, b, ab)

    def after(self, first: _Applied, second: _Applied) -> Version | RulebookError:
        try:
            return apply(first.result, second.by_id, bases=self.bases)
        except RulebookError as exc:
            return exc

    def removed(self, a: _Applied, b: _Applied) -> bool:
        """``a`` deletes or moves a clause that ``b`` names: target-removed."""
        moved = {
            x.id
            for x in a.footprint.names
            if x.role == "clause" and a.motion.amendments[x.amendment].op == "move_clause"
        }
        gone = a.footprint.delta.removed | (moved & a.footprint.delta.moved)
        name = b.footprint.naming(gone)
        if name is None:
            return False
        deleted = name.id in a.footprint.delta.removed
        amendment = b.motion.amendments[name.amendment]
        role = "amends" if name.role == "clause" else f"places a clause {name.role}"
        what = describe(name.id, self.version)
        if deleted:
            verb = "deletes" if name.id in _deleted_roots(a) else "deletes the clause holding"
            consequence = f"if {a.motion.id} passes, {b.motion.id} no longer applies"
        else:
            verb = "moves"
            consequence = f"if {a.motion.id} passes, {b.motion.id} applies to it at its new place; check it still fits"
        self.add(
            "target-removed",
            [a, b],
            [name.id],
            f"motion {a.motion.id} {verb} {what}, which motion {b.motion.id} {role} "
            f"(amendment {name.amendment + 1}, {amendment.op}); {consequence}",
        )
        return True

    def duplicate(
        self,
        a: _Applied,
        b: _Applied,
        shared: list[str],
        ab: Version | RulebookError,
        ba: Version | RulebookError,
    ) -> None:
        whole = a.result.clauses == b.result.clauses
        what = ", ".join(shared[:3]) + (f" and {len(shared) - 3} more" if len(shared) > 3 else "")
        extent = "the same change" if whole else "the same change to"
        message = f"motions {a.motion.id} and {b.motion.id} make {extent}" + ("" if whole else f" {what}")
        if isinstance(ab, RulebookError):
            message += f"; if {a.motion.id} passes, {b.motion.id} no longer applies"
        message += "; composite them or withdraw one"
        clauses = [k for k in _keys_clauses(a.footprint.writes & b.footprint.writes, self.version, a.result)]
        self.add("duplicate", [a, b], clauses, message)

    def blocked(self, a: _Applied, b: _Applied, ab: Version | RulebookError, ba: Version | RulebookError) -> None:
        clash = self.same_words(a, b)
        if clash is not None:
            cid, words, pa, pb = clash
            both = isinstance(ab, RulebookError) and isinstance(ba, RulebookError)
            tail = (
                "if either passes, the other no longer applies"
                if both
                else (
                    f"if {a.motion.id} passes, {b.motion.id} no longer applies"
                    if isinstance(ab, RulebookError)
                    else f"if {b.motion.id} passes, {a.motion.id} no longer applies"
                )
            )
            self.add(
                "overlap",
                [a, b],
                [cid],
                f"motions {a.motion.id} and {b.motion.id} both change {_quote(words)} in "
                f"{describe(cid, self.version)}: {a.motion.id} to {_quote(pa)}, {b.motion.id} to {_quote(pb)}; {tail}",
            )
            return
        first, second, error = (a, b, ab) if isinstance(ab, RulebookError) else (b, a, ba)
        assert isinstance(error, RulebookError)
        gone = _quoted_gone(self.version, first, second)
        if gone is not None:
            cid, phrase, index = gone
            self.add(
                "overlap",
                [first, second],
                [cid],
                f"motions {first.motion.id} and {second.motion.id} both amend the words of "
                f"{describe(cid, self.version)}; if {first.motion.id} passes, {second.motion.id} no longer applies: "
                f"its amendment {index + 1} quotes {_quote(phrase)}, which {first.motion.id} changes",
            )
            return
        clauses = _keys_clauses(overlap(a.footprint, b.footprint), self.version, a.result, b.result)
        self.add(
            "overlap",
            [first, second],
            clauses,
            f"if motion {first.motion.id} passes, motion {second.motion.id} no longer applies: {error.message}",
        )

    def same_words(self, a: _Applied, b: _Applied) -> tuple[str, str, str, str] | None:
        """The first clause whose same words both motions change: (id, words, a's, b's)."""
        texts = sorted(k[1] for k in a.footprint.writes & b.footprint.writes if k[0] == "text")
        for cid in texts:
            if cid not in a.result or cid not in b.result:
                continue
            old = self.version.clause(cid).text
            merged = merge(old, [(a.motion.id, a.result.clause(cid).text), (b.motion.id, b.result.clause(cid).text)])
            for clash in merged.clashes:
                proposals = dict(clash.proposals)
                return cid, clash.words, proposals.get(a.motion.id, ""), proposals.get(b.motion.id, "")
        return None

    def order(self, a: _Applied, b: _Applied, ab: Version, ba: Version) -> None:
        first, second = f"{a.motion.id} then {b.motion.id}", f"{b.motion.id} then {a.motion.id}"
        detail, clauses = self.difference(ab, ba, first, second)
        self.add(
            "overlap",
            [a, b],
            clauses,
            f"motions {a.motion.id} and {b.motion.id} overlap and the result depends on which passes first: "
            f"{detail}; composite them into one motion",
        )

    def difference(self, ab: Version, ba: Version, first: str, second: str) -> tuple[str, list[str]]:
        """How two results differ, for a drafter (``first``, ``second``: the orders that gave them), and
        the clause concerned."""
        diff = delta(ab, ba)
        clauses: list[str]
        if diff.changed:
            cid = sorted(diff.changed)[0]
            detail = (
                f"{describe(cid, self.version, ab)} reads {_quote(ab.clause(cid).text)} after {first} "
                f"but {_quote(ba.clause(cid).text)} after {second}"
            )
            clauses = [cid]
        elif diff.provisions:
            name = sorted(diff.provisions)[0]
            detail = (
                f"provision {name} is {ab.provision(name)!r} after {first} but {ba.provision(name)!r} after {second}"
            )
            carrier = ab.provision_clause(name) or ba.provision_clause(name)
            clauses = [carrier] if carrier else []
        else:
            parents = sorted({ab.parents.get(c) or "" for c in diff.moved} or {p for p, _ in diff.gaps} or {""})
            parent = parents[0]
            where = f"inside {describe(parent, self.version, ab)}" if parent else "at the top level"
            detail = f"the clauses {where} come in a different order after {first} than after {second}"
            clauses = [parent] if parent else []
        return detail, clauses

    def together(self, a: _Applied, b: _Applied, both: Version) -> None:
        change = delta(self.version, both)
        alone = set(self.dangling(a.result, a.footprint.delta)) | set(self.dangling(b.result, b.footprint.delta))
        who = f"motions {a.motion.id} and {b.motion.id}"
        for source, target in self.dangling(both, change):
            if (source, target) in alone:
                continue
            self.add(
                "dangling-reference",
                [a, b],
                [source, target],
                f"if {who} both pass, {describe(source, both, self.version)} refers to [[{target}]], "
                "which no longer exists; one of them must amend that reference",
                ("dangling", source, target),
            )
        reported = {v.invariant.name for v in self.broken(a.result, a.footprint.delta)}
        reported |= {v.invariant.name for v in self.broken(b.result, b.footprint.delta)}
        for violation in self.broken(both, change):
            if violation.invariant.name in reported:
                continue
            self.add(
                "invariant",
                [a, b],
                _violation_clauses(violation),
                _invariant_message(f"if {who} both pass, together they", "break", violation),
                ("invariant", violation.invariant.name),
            )

    # -- groups of motions -------------------------------------------------------

    def run(self, members: Sequence[_Applied]) -> Version | tuple[int, RulebookError]:
        """The members applied one after the other, or (index of the one that failed, why)."""
        version = members[0].result
        for i, item in enumerate(members[1:], start=1):
            try:
                version = apply(version, item.by_id, bases=self.bases)
            except RulebookError as exc:
                return i, exc
        return version

    def group(self, members: Sequence[_Applied]) -> None:
        """Apply a group whole, in agenda order (and, when small, in other orders); report what
        no single motion or pair of it already reported, naming the fewest motions that cause it."""
        ids = frozenset(a.motion.id for a in members)
        result = self.run(members)
        if isinstance(result, tuple):
            if any(pair <= ids for pair in self.failed | self.duplicates):
                return  # a pair of them already fails, or makes one change twice, and its finding says so
            kept = self.shrink(members, self.stops)
            stopped_run = self.run(kept)
            if not isinstance(stopped_run, tuple):  # pragma: no cover - shrink keeps only failing sets
                return
            index, error = stopped_run
            who = _listed([a.motion.id for a in kept])
            passed = _listed([a.motion.id for a in kept[:index]])
            stopped = kept[index].motion.id
            clauses = [c for a in kept for c in _keys_clauses(a.footprint.writes, self.version, a.result)][:3]
            alone = (
                "each apply alone, but not together"
                if len(kept) == 2
                else "each apply with any one of the others, but not all together"
            )
            self.add(
                "overlap",
                kept,
                clauses,
                f"motions {who} {alone}: "
                f"if {passed} pass{'es' if index == 1 else ''}, {stopped} no longer applies: {error.message}; "
                "composite them into one motion",
            )
            return
        self.combined(members, result)
        if len(members) <= ORDER_LIMIT and not any(pair <= ids for pair in self.unsettled | self.duplicates):
            self.orders(members, result)

    def shrink(self, members: Sequence[_Applied], still: Callable[[Sequence[_Applied]], bool]) -> list[_Applied]:
        """The fewest of ``members`` (in agenda order) for which ``still`` holds, by :func:`minimal`;
        a group of more than :data:`SHRINK_LIMIT` motions is kept whole."""
        if len(members) > SHRINK_LIMIT:
            return list(members)
        return minimal(members, still)

    def stops(self, members: Sequence[_Applied]) -> bool:
        """True when ``members`` fail to apply one after the other in agenda order."""
        return len(members) > 1 and isinstance(self.run(members), tuple)

    def dangles(self, source: str, target: str, members: Sequence[_Applied]) -> bool:
        """True when ``members`` applied in agenda order leave ``source`` referring to the gone ``target``."""
        result = self.run(members)
        if isinstance(result, tuple) or source not in result or target in result:
            return False
        return target in references(result.clause(source).text)

    def breaking(self, name: str, members: Sequence[_Applied]) -> Violation | None:
        """How ``members`` applied in agenda order break invariant ``name`` (when the version kept it, or
        broke it otherwise), or None."""
        result = self.run(members)
        if isinstance(result, tuple):
            return None
        for inv in result.invariants:
            if inv.name == name:
                found = evaluate(result, inv)
                before = self._broken.get(name)
                if found is not None and (before is None or before.message != found.message):
                    return found
        return None

    def breaks(self, name: str, members: Sequence[_Applied]) -> bool:
        """True when ``members`` break invariant ``name`` (:meth:`breaking`)."""
        return self.breaking(name, members) is not None

    def combined(self, members: Sequence[_Applied], result: Version) -> None:
        change = delta(self.version, result)
        for source, target in self.dangling(result, change):
            subject: Subject = ("dangling", source, target)
            kept = self.shrink(members, partial(self.dangles, source, target))
            if self.already(subject, frozenset(a.motion.id for a in kept)):
                continue
            last = self.run(kept)
            after = result if isinstance(last, tuple) else last
            self.add(
                "dangling-reference",
                kept,
                [source, target],
                f"{_if_pass(kept)}, {describe(source, after, self.version)} refers to [[{target}]], "
                "which no longer exists; one of them must amend that reference",
                subject,
            )
        for violation in self.broken(result, change):
            subject = ("invariant", violation.invariant.name)
            kept = self.shrink(members, partial(self.breaks, violation.invariant.name))
            if self.already(subject, frozenset(a.motion.id for a in kept)):
                continue
            found = self.breaking(violation.invariant.name, kept) or violation
            self.add(
                "invariant",
                kept,
                _violation_clauses(found),
                _invariant_message(f"{_if_pass(kept)}, together they", "break", found),
                subject,
            )

    def reordered(self, order: Sequence[_Applied], members: Sequence[_Applied]) -> bool:
        """True when ``members`` apply in agenda order but, in their order within ``order``, fail or give
        another version."""
        if len(members) < 2:
            return False
        first = self.run(members)
        if isinstance(first, tuple):
            return False
        chosen = {a.motion.id for a in members}
        other = self.run([a for a in order if a.motion.id in chosen])
        return isinstance(other, tuple) or other.clauses != first.clauses

    def orders(self, members: Sequence[_Applied], result: Version) -> None:
        for order in orders(len(members)):
            sequence = [members[i] for i in order]
            other = self.run(sequence)
            if not isinstance(other, tuple) and other.clauses == result.clauses:
                continue
            kept = self.shrink(members, partial(self.reordered, sequence))
            chosen = {a.motion.id for a in kept}
            sequence = [a for a in sequence if a.motion.id in chosen]
            first, other = self.run(kept), self.run(sequence)
            if isinstance(first, tuple):  # pragma: no cover - shrink keeps only sets that apply in agenda order
                return
            who = _listed([a.motion.id for a in kept])
            agenda = ", ".join(a.motion.id for a in kept)
            named = ", ".join(a.motion.id for a in sequence)
            if isinstance(other, tuple):
                index, error = other
                self.add(
                    "overlap",
                    kept,
                    _keys_clauses(sequence[index].footprint.reads, self.version, sequence[index].result)[:3],
                    f"motions {who} overlap and the result depends on the order in which they pass: in the "
                    f"order {agenda} they all apply, but in the order {named}, {sequence[index].motion.id} "
                    f"no longer applies: {error.message}; composite them into one motion",
                )
                return
            detail, clauses = self.difference(first, other, agenda, named)
            though = "" if len(kept) == 2 else ", though no two of them do"
            self.add(
                "overlap",
                kept,
                clauses,
                f"motions {who} overlap and the result depends on the order in which they pass{though}: "
                f"{detail}; composite them into one motion",
            )
            return


def minimal(items: Sequence[Any], still: Callable[[Sequence[Any]], bool]) -> list[Any]:
    """The fewest of ``items`` (in their order) for which ``still`` holds, given that it holds for all
    of them: drop one item at a time, keeping the drop whenever ``still`` holds without it, and go
    over them again while that removed something, calling ``still`` at most ``2 * len(items)`` times.
    When the budget lasts (always, when ``still`` only ever becomes false as items are dropped), no
    single item of the result can be dropped.

    Examples
    --------
    >>> minimal(["a", "b", "c", "d"], lambda s: {"a", "c"} <= set(s))
    ['a', 'c']
    >>> minimal([1, 2, 3], lambda s: sum(s) >= 5)
    [2, 3]
    """
    kept = list(items)
    budget = 2 * len(kept)
    dropped = True
    while dropped and budget > 0:
        dropped = False
        i = 0
        while i < len(kept) and len(kept) > 1 and budget > 0:
            trial = kept[:i] + kept[i + 1 :]
            budget -= 1
            if still(trial):
                kept = trial
                dropped = True
            else:
                i += 1
    return kept


def orders(size: int) -> list[tuple[int, ...]]:
    """The orders, other than the agenda order ``0, 1, ..., size - 1``, in
    which a group of ``size`` motions is also applied: every rotation of the
    agenda order and the reverse of each, so that each motion comes first once
    and each two neighbours come in both orders (all six orders of three).

    Examples
    --------
    >>> orders(2)
    [(1, 0)]
    >>> len(orders(4)), len(orders(5))
    (7, 9)
    """
    out: list[tuple[int, ...]] = []
    for start in range(size):
        turned = tuple(range(start, size)) + tuple(range(start))
        for order in (turned, tuple(reversed(turned))):
            if order != tuple(range(size)) and order not in out:
                out.append(order)
    return out


def _if_pass(members: Sequence[_Applied]) -> str:
    """``if motion a passes``, ``if motions a and b both pass``, ``if motions a, b and c all pass``."""
    names = [a.motion.id for a in members]
    if len(names) == 1:
        return f"if motion {names[0]} passes"
    return f"if motions {_listed(names)} {'both' if len(names) == 2 else 'all'} pass"


def _listed(names: Sequence[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + f" and {names[-1]}"


def _quoted_gone(version: Version, first: _Applied, second: _Applied) -> tuple[str, str, int] | None:
    """A word amendment of ``second`` whose quoted words ``first`` changes: (clause id, words, index)."""
    changed = {k[1] for k in first.footprint.writes if k[0] == "text"}
    for name in second.footprint.names:
        amendment = second.motion.amendments[name.amendment]
        if name.role != "clause" or amendment.op not in WORD_OPS or name.id not in changed:
            continue
        if name.id not in first.result:
            continue
        now = first.result.clause(name.id).text or ""
        for phrase in (amendment.old, amendment.words, amendment.after, amendment.before):
            if (
                phrase
                and phrase in (version.clause(name.id).text or "")
                and now.count(phrase) != (version.clause(name.id).text or "").count(phrase)
            ):
                return name.id, phrase, name.amendment
    return None


def _touches(inv: Invariant, change: Delta) -> bool:
    if inv.clause is not None:
        return inv.clause in change.removed
    return inv.provision in change.provisions


def _violation_clauses(violation: Violation) -> list[str]:
    return [violation.clause] if violation.clause else []


def _invariant_message(who: str, verb: str, violation: Violation) -> str:
    inv = violation.invariant
    about = f" ({inv.description.rstrip('.')})" if inv.description else ""
    return f"{who} {verb} invariant {inv.name!r}{about}: {violation.message}"


def _deleted_roots(a: _Applied) -> set[str]:
    return {
        x.id for x in a.footprint.names if a.motion.amendments[x.amendment].op == "delete_clause" and x.role == "clause"
    }


def _shared_state(a: _Applied, b: _Applied) -> list[str]:
    """What both motions change to the same state (described), if anything."""
    out = []
    va, vb = a.result, b.result
    for key in sorted(a.footprint.writes & b.footprint.writes):
        kind = key[0]
        if kind == "text":
            x, y = va.clause(key[1]), vb.clause(key[1])
            same = (x.heading, x.text, x.number) == (y.heading, y.text, y.number)
            if same:
                out.append(describe(key[1], va))
        elif kind == "provision":
            name = key[1]
            same = va.provision_clause(name) == vb.provision_clause(name) and va.provision(name) == vb.provision(name)
            if same:
                out.append(f"provision {name}")
        elif kind == "exists" and key[1] not in va and key[1] not in vb:
            out.append(f"the deletion of clause {key[1]}")
    return out


def _keys_clauses(keys: Iterable[tuple[str, ...]], *versions: Version) -> list[str]:
    out = []
    for key in sorted(keys):
        cid = key_clause(key, *versions)
        if cid is not None and cid not in out:
            out.append(cid)
    return out


def _usable_bases(version: Version, lookup: Mapping[str, Version]) -> dict[str, Version]:
    """``version``, its ancestors, and the versions made from it by rulings alone."""
    out = {version.label: version}
    up = version.parent
    while up is not None and up in lookup and up not in out:
        out[up] = lookup[up]
        up = lookup[up].parent
    for label, v in lookup.items():
        chain = []
        node: Version | None = v
        while node is not None and node.label != version.label:
            chain.append(node)
            node = lookup.get(node.parent) if node.parent is not None else None
        if node is not None and all(c.kind == "ruling" for x in chain for c in x.changes):
            out.setdefault(label, v)
    return out


def _with_base(motions: Sequence[Motion], version: Version) -> list[Motion]:
    seen: dict[str, Motion] = {}
    out = []
    for m in motions:
        if m.id in seen:
            first = seen[m.id]
            raise SchemaError(
                f"motion id {m.id!r} is used twice (also {first.file or 'given'}:{first.line or '?'}); "
                "give each motion its own id",
                file=m.file,
                line=m.line,
            )
        seen[m.id] = m
        out.append(m if m.base is not None else attrs.evolve(m, base=version.label))
    return out


def check(
    version: Version,
    motions: Sequence[Motion],
    *,
    bases: Mapping[str, Version] | None = None,
    today: dt.date | None = None,
    progress: Progress | None = None,
    record: Sequence[Motion] = (),
) -> Report:
    """Check ``motions`` against ``version`` and against each other.

    ``bases`` maps version labels to versions (usually every version of the
    book's history): a motion's citations are read in its ``base``, and the
    three-year rule reads which parts the versions before the motion's date
    amended. A motion without ``base`` is taken as drafted against
    ``version``; one without ``date`` as going to a meeting on ``today``
    (default: the current date). A motion may be drafted against ``version``,
    one of its ancestors, or a later version made from it by rulings alone
    (rulings change no words, so its citations mean the same); against any
    other version it does not apply. ``record``: the motions of the history
    (:attr:`rulebook.history.History.motions`), so that the three-year rule
    names the very motions that amended a part.

    Raises
    ------
    SchemaError
        Two motions share an id, or the book's procedure provisions are malformed.

    Examples
    --------
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="15 pounds.")])
    >>> m = Motion("m", [Amendment("delete_words", clause="Rule 1", words="30")])
    >>> [f.kind for f in check(v, [m]).findings]
    ['does-not-apply']
    """
    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    usable = _usable_bases(version, lookup)
    checker = _Checker(version, usable, today or dt.date.today(), lookup, record)
    prepared = _with_base(motions, version)
    rule = three_year_rule(version)
    applied: list[_Applied] = []
    for i, motion in enumerate(prepared):
        if progress:
            progress("apply", i, len(prepared))
        try:
            result = apply(version, motion, bases=usable)
        except RulebookError as exc:
            checker.does_not_apply(motion, exc)
            continue
        base = usable.get(motion.base or "", version)
        fp = footprint(version, motion, result, base=base)
        item = _Applied(motion, result, fp, _by_id(motion, base))
        applied.append(item)
        checker.alone(item)
        checker.findings.extend(stated_findings(version, motion, result))  # docs/provisions.md
        if rule is not None:
            checker.out_of_order(item, rule)
    if progress:
        progress("apply", len(prepared), len(prepared))
    pairs = overlapping_pairs([a.footprint for a in applied])
    for n, (i, j) in enumerate(pairs):
        if progress and n % 16 == 0:
            progress("pairs", n, len(pairs))
        checker.pair(applied[i], applied[j])
    if progress:
        progress("pairs", len(pairs), len(pairs))
    checked = set(pairs)
    links = [keys for keys in (invariant_keys(inv) for inv in version.invariants) if keys]
    together = [
        g
        for g in groups([a.footprint for a in applied], links)
        if len(g) > 2 or (len(g) == 2 and (g[0], g[1]) not in checked)
    ]
    for n, members in enumerate(together):
        if progress and n % 16 == 0:
            progress("groups", n, len(together))
        checker.group([applied[i] for i in members])
    if progress and together:
        progress("groups", len(together), len(together))
    order = {m.id: i for i, m in enumerate(prepared)}
    findings = sorted(checker.findings, key=lambda f: tuple(order[m] for m in f.motions))
    graph = conflict_graph([m.id for m in prepared], findings)
    return Report(version.label, tuple(motions), tuple(findings), graph)
