"""Findings about two motions together, judged by the one judgement that
``composite`` uses (:func:`rulebook.check.judge.judge`, ``docs/checking.md``).

Two motions that make the very same change are a ``duplicate``; two whose
changes collide are an ``overlap`` or ``target-removed``, with the judgement's
message; two that merge are checked together for dangling references and broken
invariants that neither leaves alone.

Examples
--------
>>> from rulebook.amend.apply import apply
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.check.context import Applied, Context
>>> from rulebook.check.footprint import footprint
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="Pay 15 pounds.")])
>>> ms = [Motion(i, [Amendment("replace_words", clause="fee", old="15", new=n)], base="1")
...       for i, n in (("a", "10"), ("b", "12"))]
>>> ctx = Context(v, {"1": v})
>>> pair(ctx, *[Applied(m, apply(v, m), footprint(v, m, apply(v, m))) for m in ms])
>>> print(ctx.findings[0].message)
motions a and b both change '15' in Rule 1 (id fee): a to '10', b to '12'; if either passes, the other no longer applies
"""

from __future__ import annotations

from rulebook.amend.apply import apply
from rulebook.check.context import Applied, Context
from rulebook.check.delta import delta
from rulebook.check.findings import describe
from rulebook.check.messages import invariant_message, keys_clauses, violation_clauses
from rulebook.errors import RulebookError
from rulebook.model import Version

__all__ = ["pair"]


def _after(ctx: Context, first: Applied, second: Applied) -> Version | None:
    try:
        return apply(first.result, second.motion, bases=ctx.bases)
    except RulebookError:
        return None


def _tail(ctx: Context, a: Applied, b: Applied) -> str:
    """What happens when the motions pass one after the other, as they are worded."""
    ab, ba = _after(ctx, a, b), _after(ctx, b, a)
    x, y = a.motion.id, b.motion.id
    if ab is None and ba is None:
        return "if either passes, the other no longer applies"
    if ab is None:
        return f"if {x} passes, {y} no longer applies"
    if ba is None:
        return f"if {y} passes, {x} no longer applies"
    if ab.clauses != ba.clauses:
        return "the result depends on which passes first; composite them into one motion"
    return "composite them into one motion"


def pair(ctx: Context, a: Applied, b: Applied) -> None:
    """Judge two motions whose footprints overlap and report what they do together."""
    both = frozenset((a.motion.id, b.motion.id))
    if a.result.clauses == b.result.clauses:
        ctx.blocked.add(both)
        message = f"motions {a.motion.id} and {b.motion.id} make the same change"
        if _after(ctx, a, b) is None:
            message += f"; if {a.motion.id} passes, {b.motion.id} no longer applies"
        clauses = keys_clauses(a.footprint.writes & b.footprint.writes, ctx.version, a.result)
        ctx.add("duplicate", [a, b], clauses, message + "; composite them or withdraw one")
        return
    found = ctx.judge([a, b])
    if found.collisions:
        ctx.settled.add(both)
        if _after(ctx, a, b) is None or _after(ctx, b, a) is None:
            ctx.blocked.add(both)
        by_id = {a.motion.id: a, b.motion.id: b}
        tail = _tail(ctx, a, b) if any(c.about_words for c in found.collisions) else ""
        for c in found.collisions:
            members = [by_id[m] for m in c.motions if m in by_id] or [a, b]
            message = c.message + (f"; {tail}" if c.about_words else "")
            ctx.add(c.kind, members, list(c.clause_ids), message)
        return
    ctx.notes.extend(n for n in found.notes if n not in ctx.notes)
    if found.version is not None:
        _together(ctx, a, b, found.version)


def _together(ctx: Context, a: Applied, b: Applied, both: Version) -> None:
    change = delta(ctx.version, both)
    alone = set(ctx.dangling(a.result, a.footprint.delta)) | set(ctx.dangling(b.result, b.footprint.delta))
    who = f"motions {a.motion.id} and {b.motion.id}"
    for source, target in ctx.dangling(both, change):
        if (source, target) in alone:
            continue
        ctx.add(
            "dangling-reference",
            [a, b],
            [source, target],
            f"if {who} both pass, {describe(source, both, ctx.version)} refers to [[{target}]], "
            "which no longer exists; one of them must amend that reference",
            ("dangling", source, target),
        )
    reported = {v.invariant.name for v in ctx.broken(a.result, a.footprint.delta)}
    reported |= {v.invariant.name for v in ctx.broken(b.result, b.footprint.delta)}
    for violation in ctx.broken(both, change):
        if violation.invariant.name in reported:
            continue
        ctx.add(
            "invariant",
            [a, b],
            violation_clauses(violation),
            invariant_message(f"if {who} both pass, together they", "break", violation),
            ("invariant", violation.invariant.name),
        )
