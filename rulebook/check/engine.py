"""Checking motions against a version and against each other (docs/checking.md).

Each motion is applied to the version alone. Its footprint
(:mod:`rulebook.check.footprint`) says what it reads and writes; only motions
whose footprints overlap are applied together, one after the other in both
orders, so the work grows with the number of overlapping pairs, not with the
square of the number of motions. Motions with disjoint footprints commute and
are never reported.

Pairs are not enough: three motions may each sit well with each other one and
still clash all together. So every *group* of three or more (a connected set
of the overlap relation, joined also by the invariants that read what they
write: :func:`rulebook.check.footprint.groups`) is judged as a whole
(:func:`rulebook.check.judge.judge`, the judgement ``composite`` uses), and the
combined result is checked for dangling references and broken invariants.
Each such finding is shrunk (:func:`minimal`) to the fewest motions of the
group that still cause it, in agenda order, and reported, naming only them,
unless a single motion or pair already reported it. A group of at most
:data:`ORDER_LIMIT` motions is also tried in the other orders of :func:`orders`
(each rotation of the agenda order and its reverse), to catch an
order-dependence that no pair shows. A group of more
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
from collections.abc import Callable, Mapping, Sequence
from typing import Any

import attrs
import networkx as nx

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.check.context import Applied, Context
from rulebook.check.findings import Finding
from rulebook.check.footprint import footprint, groups, invariant_keys, overlapping_pairs
from rulebook.check.graph import composite_groups, conflict_graph
from rulebook.check.groups import group
from rulebook.check.pairs import pair
from rulebook.check.procedure import three_year_rule
from rulebook.check.solo import FINDERS, does_not_apply
from rulebook.check.subsets import ORDER_LIMIT, SHRINK_LIMIT, minimal, orders
from rulebook.errors import RulebookError, SchemaError
from rulebook.io.yamlsrc import gc_paused
from rulebook.model import Version

__all__ = ["ORDER_LIMIT", "SHRINK_LIMIT", "Progress", "Report", "check", "minimal", "orders"]

#: ``progress(stage, done, total)``: called as the check goes (stages ``apply``, ``pairs``, ``groups``).
Progress = Callable[[str, int, int], None]


@attrs.frozen
class Report:
    """What :func:`check` found: the findings, in a stable order, the
    conflict graph (motions as nodes, findings as edges), and notes on the
    same change made by several motions (made once when composited).

    Examples
    --------
    >>> Report("1", (), (), nx.Graph()).clean
    True
    """

    version: str
    motions: tuple[Motion, ...]
    findings: tuple[Finding, ...]
    graph: nx.Graph = attrs.field(eq=False, repr=False)
    notes: tuple[str, ...] = ()

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
        """The report as JSON data: ``findings`` (docs/checking.md), ``composite`` groups and ``notes``."""
        return {
            "version": self.version,
            "motions": [m.id for m in self.motions],
            "findings": [f.to_data() for f in self.findings],
            "composite": [list(g) for g in self.groups],
            "notes": list(self.notes),
        }


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
    # Applying and comparing thousands of motions allocates millions of small acyclic objects;
    # the cyclic collector, walking them again and again, took most of the time (docs/checking.md).
    with gc_paused():
        lookup = dict(bases or {})
        lookup.setdefault(version.label, version)
        usable = _usable_bases(version, lookup)
        ctx = Context(
            version,
            usable,
            today or dt.date.today(),
            lookup,
            {m.id: m for m in record},
            three_year_rule(version),
        )
        prepared = _with_base(motions, version)
        applied: list[Applied] = []
        for i, motion in enumerate(prepared):
            if progress:
                progress("apply", i, len(prepared))
            try:
                result = apply(version, motion, bases=usable)
            except RulebookError as exc:
                does_not_apply(ctx, motion, exc)
                continue
            base = usable.get(motion.base or "", version)
            item = Applied(motion, result, footprint(version, motion, result, base=base))
            applied.append(item)
            for finder in FINDERS:
                finder(ctx, item)
        if progress:
            progress("apply", len(prepared), len(prepared))
        pairs = overlapping_pairs([a.footprint for a in applied])
        for n, (i, j) in enumerate(pairs):
            if progress and n % 16 == 0:
                progress("pairs", n, len(pairs))
            pair(ctx, applied[i], applied[j])
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
            group(ctx, [applied[i] for i in members])
        if progress and together:
            progress("groups", len(together), len(together))
        order = {m.id: i for i, m in enumerate(prepared)}
        findings = sorted(ctx.findings, key=lambda f: tuple(order[m] for m in f.motions))
        graph = conflict_graph([m.id for m in prepared], findings)
        return Report(version.label, tuple(motions), tuple(findings), graph, tuple(ctx.notes))
