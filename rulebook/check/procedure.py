"""The book's own procedure for rule changes: the three-year rule.

A book that carries provision ``conference.rule_change_interval`` (in years)
closes each *part* of its rules to new motions for that long after conference
amended it. A part is the enclosing clause at depth 2 (``Chapter 4, Clause
II``) unless provision ``conference.rule_change_part_depth`` says otherwise.
Which parts conference amended is read from the book's history: every version
made by motions (rulings do not count) is compared with its parent, clause by
clause. A motion with ``urgent: true`` (deemed of immediate importance) is
exempt.

Examples
--------
>>> import datetime as dt
>>> from rulebook.model import Change, Clause, Level, Version
>>> levels = [Level("arabic", "Chapter {n}"), Level("upper-roman", "Clause {n}"), Level("arabic")]
>>> old = Version("b", "1", levels, [Clause("ch1", children=[
...     Clause("ch1.a", children=[Clause("x", text="Old.", provisions={"conference.rule_change_interval": 3})]),
...     Clause("ch1.b", text="Other.")])], effective=dt.date(2016, 1, 1))
>>> new = Version("b", "2", levels, [Clause("ch1", children=[
...     Clause("ch1.a", children=[Clause("x", text="New.", provisions={"conference.rule_change_interval": 3})]),
...     Clause("ch1.b", text="Other.")])], effective=dt.date(2017, 9, 27), parent="1",
...     changes=[Change("motion", "m2017")])
>>> rule = three_year_rule(new)
>>> rule.interval, rule.depth
(3, 2)
>>> [(a.part, a.label, a.motions) for a in amended_parts(new, {"1": old, "2": new}, rule)]
[('ch1.a', '2', ('m2017',))]
>>> closed_until(dt.date(2017, 9, 27), 3)
datetime.date(2020, 9, 27)
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Mapping

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.check.delta import Delta, part_of
from rulebook.check.delta import delta as version_delta
from rulebook.errors import RulebookError, SchemaError
from rulebook.model import Version

__all__ = [
    "DEPTH_PROVISION",
    "INTERVAL_PROVISION",
    "Amended",
    "Rule",
    "amended_parts",
    "closed_until",
    "parts",
    "three_year_rule",
]

INTERVAL_PROVISION = "conference.rule_change_interval"
DEPTH_PROVISION = "conference.rule_change_part_depth"


@attrs.frozen
class Rule:
    """A book's rule-change interval (years), part depth and the clause that says so.

    Examples
    --------
    >>> Rule(3, 2, "ch3.rule").interval
    3
    """

    interval: float
    depth: int
    clause: str


@attrs.frozen
class Amended:
    """A part of the rules a version of the history amended by motion.

    Examples
    --------
    >>> Amended("ch4.ii", "2017", None, ("m",)).part
    'ch4.ii'
    """

    part: str
    label: str
    effective: dt.date | None
    motions: tuple[str, ...]


def three_year_rule(version: Version) -> Rule | None:
    """The version's rule-change rule, or None when it declares none.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> three_year_rule(Version("b", "1", [Level("arabic")], [Clause("a")])) is None
    True
    """
    carrier = version.provision_clause(INTERVAL_PROVISION)
    if carrier is None:
        return None
    interval = version.provision(INTERVAL_PROVISION)
    if isinstance(interval, bool) or not isinstance(interval, int | float) or interval <= 0:
        raise SchemaError(
            f"provision {INTERVAL_PROVISION} (clause {carrier}) must be a positive number of years, not {interval!r}"
        )
    depth = version.provision(DEPTH_PROVISION)
    if depth is None:
        depth = 2
    elif isinstance(depth, bool) or not isinstance(depth, int) or depth < 1:
        raise SchemaError(
            f"provision {DEPTH_PROVISION} (clause {version.provision_clause(DEPTH_PROVISION)}) must be a whole "
            f"number of levels from 1, not {depth!r}"
        )
    return Rule(interval, depth, carrier)


def closed_until(effective: dt.date, years: float) -> dt.date:
    """The first day a part amended on ``effective`` may be amended again.

    Examples
    --------
    >>> closed_until(dt.date(2016, 2, 29), 1)
    datetime.date(2017, 2, 28)
    """
    if float(years).is_integer():
        year = effective.year + int(years)
        try:
            return effective.replace(year=year)
        except ValueError:  # 29 February in a year that has none
            return effective.replace(year=year, day=28)
    return effective + dt.timedelta(days=round(365.25 * years))


def parts(old: Version, new: Version, change: Delta, depth: int) -> set[str]:
    """The parts a change from ``old`` to ``new`` amends (ids at ``depth``).

    Removed clauses count in ``old``, added ones in ``new``; a provision
    counts for the clause that carries it.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> a = Version("b", "1", [Level("arabic")] * 2, [Clause("p", children=[Clause("x", text="1")])])
    >>> b = Version("b", "2", [Level("arabic")] * 2, [Clause("p", children=[Clause("x", text="2")])])
    >>> parts(a, b, version_delta(a, b), 1)
    {'p'}
    """
    out: set[str] = set()
    for cid in change.changed | change.moved | change.removed:
        out.add(part_of(old, cid, depth))
    for cid in change.changed | change.moved | change.added:
        out.add(part_of(new, cid, depth))
    for name in change.provisions:
        for v in (old, new):
            carrier = v.provision_clause(name)
            if carrier is not None:
                out.add(part_of(v, carrier, depth))
    return out


def _by_motion(old: Version, new: Version, change: Delta) -> Delta:
    """The change without provisions that rulings set (a ruling is no amendment)."""
    ruled = {n for n in change.provisions if (c := new.provenance.get(n)) is not None and c.kind == "ruling"}
    return attrs.evolve(change, provisions=change.provisions - ruled) if ruled else change


def _per_motion(
    parent: Version, current: Version, motions: Mapping[str, Motion], bases: Mapping[str, Version], depth: int
) -> dict[str, set[str]] | None:
    """The parts each motion of ``current`` amended, replaying them on ``parent``; None if it cannot."""
    out: dict[str, set[str]] = {}
    step = parent
    lookup = dict(bases)
    for change in current.changes:
        if change.kind != "motion":
            continue
        motion = motions.get(change.id)
        if motion is None:
            return None
        try:
            after = apply(step, motion, bases=lookup)
        except RulebookError:
            return None
        out[change.id] = parts(step, after, version_delta(step, after), depth)
        step = after
    return out


def amended_parts(
    version: Version, bases: Mapping[str, Version], rule: Rule, motions: Iterable[Motion] = ()
) -> list[Amended]:
    """Every part that a version made by motions amended, from ``version`` back
    through its ancestors in ``bases`` (label -> version), newest first.

    With the history's ``motions``, each part names only the motions that
    amended it; without, every motion of the version.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("b", "1", [Level("arabic")], [Clause("a")])
    >>> amended_parts(v, {}, Rule(3, 2, "a"))
    []
    """
    known = {m.id: m for m in motions}
    out: list[Amended] = []
    current = version
    seen = {current.label}
    while current.parent is not None and current.parent in bases and current.parent not in seen:
        parent = bases[current.parent]
        carried = tuple(c.id for c in current.changes if c.kind == "motion")
        if carried:
            change = _by_motion(parent, current, version_delta(parent, current))
            each = _per_motion(parent, current, known, bases, rule.depth) if known else None
            for part in sorted(parts(parent, current, change, rule.depth)):
                who = tuple(m for m in carried if each is None or part in each.get(m, set())) or carried
                out.append(Amended(part, current.label, current.effective, who))
        seen.add(parent.label)
        current = parent
    return out
