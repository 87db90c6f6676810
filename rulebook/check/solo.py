"""Findings about one motion alone: it does not apply, it leaves a dangling
reference, it breaks an invariant, it is out of order (``docs/checking.md``).

Each finder takes the check's :class:`~rulebook.check.context.Context` and one
applied motion; :data:`FINDERS` lists those :func:`rulebook.check.check` runs on
every motion that applies, so a new kind of finding about one motion is one
function added there.

Examples
--------
>>> [f.__name__ for f in FINDERS]
['alone', 'stated', 'out_of_order']
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.check.context import Applied, Context
from rulebook.check.findings import ClauseRef, Finding, Location, clause_ref, describe
from rulebook.check.messages import invariant_message, violation_clauses
from rulebook.check.procedure import Rule, amended_parts, closed_until, parts
from rulebook.check.stated import stated_findings
from rulebook.errors import CitationError, RulebookError
from rulebook.numbering import resolve_id

__all__ = ["FINDERS", "Finder", "alone", "does_not_apply", "out_of_order", "stated"]

#: ``finder(context, applied)``: adds the findings about one motion that applies alone.
Finder = Callable[[Context, Applied], None]


def does_not_apply(ctx: Context, motion: Motion, error: RulebookError) -> None:
    """Report a motion that fails alone, at its failing amendment (found by applying ever
    longer prefixes) for its clause and line."""
    index = len(motion.amendments) - 1
    for i in range(1, len(motion.amendments)):
        try:
            apply(ctx.version, attrs.evolve(motion, amendments=motion.amendments[:i]), bases=ctx.bases)
        except RulebookError:
            index = i - 1
            break
    amendment = motion.amendments[index] if motion.amendments else None
    clauses: tuple[ClauseRef, ...] = ()
    ref = None if amendment is None else (amendment.clause if amendment.op != "insert_clause" else None)
    ref = ref or (amendment.anchor[1] if amendment is not None and amendment.anchor else None)
    if ref is not None:
        base = ctx.bases.get(motion.base or "", ctx.version)
        try:
            clauses = (clause_ref(resolve_id(base, ref), ctx.version, base),)
        except CitationError:
            clauses = ()
    line = amendment.line if amendment is not None and amendment.line else motion.line
    message = error.message if error.file is None else str(error)
    ctx.findings.append(
        Finding(
            "does-not-apply",
            (motion.id,),
            clauses,
            f"motion {motion.id} does not apply to version {ctx.version.label}: {message}",
            (Location(motion.id, motion.file, line),),
        )
    )


def alone(ctx: Context, applied: Applied) -> None:
    """Dangling references and broken invariants of the motion's own result."""
    change = applied.footprint.delta
    who = f"motion {applied.motion.id}"
    for source, target in ctx.dangling(applied.result, change):
        ctx.add(
            "dangling-reference",
            [applied],
            [source, target],
            f"{who} leaves {describe(source, applied.result, ctx.version)} referring to [[{target}]], "
            "which no longer exists; amend or delete that reference in the same motion",
            ("dangling", source, target),
        )
    for violation in ctx.broken(applied.result, change):
        ctx.add(
            "invariant",
            [applied],
            violation_clauses(violation),
            invariant_message(who, "breaks", violation),
            ("invariant", violation.invariant.name),
        )


def out_of_order(ctx: Context, applied: Applied) -> None:
    """The book's own procedure rule (three-year rule) rules the motion out."""
    rule = ctx.rule
    motion = applied.motion
    if rule is None or motion.urgent:
        return
    day = motion.date or ctx.today
    mine = parts(ctx.version, applied.result, applied.footprint.delta, rule.depth)
    if not mine:
        return
    for amended in _amended_before(ctx, day, rule):
        if amended.part not in mine or amended.effective is None:
            continue
        until = closed_until(amended.effective, rule.interval)
        if until <= day:
            continue
        years = int(rule.interval) if float(rule.interval).is_integer() else rule.interval
        carried = ("motions " if len(amended.motions) > 1 else "motion ") + ", ".join(amended.motions)
        ctx.add(
            "out-of-order",
            [applied],
            [amended.part],
            f"motion {motion.id} (for {day.isoformat()}) amends "
            f"{describe(amended.part, ctx.version, applied.result)}, which conference amended in version "
            f"{amended.label} (in force {amended.effective.isoformat()}, by {carried}); under "
            f"{describe(rule.clause, ctx.version)} that part may not be amended again for {years} years, "
            f"until {until.isoformat()}, unless the motion is of immediate importance (mark it urgent: true)",
        )
        mine.discard(amended.part)


def _amended_before(ctx: Context, day: dt.date, rule: Rule) -> list[Any]:
    """The parts amended by motions in the versions in force before ``day``."""
    dated = [v for v in ctx.history.values() if v.effective is not None and v.effective < day]
    if not dated:
        return []
    latest = max(dated, key=lambda v: v.effective or dt.date.min)
    if latest.label not in ctx.amended:
        ctx.amended[latest.label] = list(amended_parts(latest, ctx.history, rule, ctx.record.values()))
    return ctx.amended[latest.label]


def stated(ctx: Context, applied: Applied) -> None:
    """Provisions the motion's words state otherwise than its values (docs/provisions.md)."""
    ctx.findings.extend(stated_findings(ctx.version, applied.motion, applied.result, ctx.referrers))


#: The finders run on every motion that applies alone, in this order.
FINDERS: tuple[Finder, ...] = (alone, stated, out_of_order)
