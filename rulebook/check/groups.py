"""Findings about groups of three or more motions: what no single motion or pair of
them shows, judged by the one judgement (:func:`rulebook.check.judge.judge`) and
shrunk to the fewest motions that still cause it (``docs/checking.md``, Groups).

Examples
--------
>>> from rulebook.check.subsets import minimal
>>> minimal([1, 2, 3], lambda s: sum(s) >= 5)
[2, 3]
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from functools import partial

from rulebook.check import subsets
from rulebook.check.context import Applied, Context, Subject
from rulebook.check.delta import delta
from rulebook.check.findings import describe
from rulebook.check.invariants import Violation, evaluate
from rulebook.check.judge import Collision
from rulebook.check.messages import if_pass, invariant_message, keys_clauses, listed, violation_clauses
from rulebook.check.subsets import minimal
from rulebook.model import Version
from rulebook.refs import references

__all__ = ["group"]


def _new(ctx: Context, members: Sequence[Applied]) -> list[Collision]:
    """The collisions of ``members`` together that no pair of them already reported."""
    if len(members) < 2:
        return []
    found = ctx.judge(members).collisions
    return [c for c in found if not any(pair <= frozenset(c.motions) for pair in ctx.settled)]


def _shrink(members: Sequence[Applied], still: Callable[[Sequence[Applied]], bool]) -> list[Applied]:
    if len(members) > subsets.SHRINK_LIMIT:
        return list(members)
    return minimal(members, still)


def group(ctx: Context, members: Sequence[Applied]) -> None:
    """Judge a group whole; report what no single motion or pair of it already reported,
    naming the fewest motions that cause it."""
    ids = frozenset(a.motion.id for a in members)
    found = ctx.judge(members)
    if found.collisions and not any(pair <= ids for pair in ctx.settled) and _new(ctx, members):
        kept = _shrink(members, lambda ms: bool(_new(ctx, ms)))
        first = (_new(ctx, kept) or _new(ctx, members))[0]
        alone = "each apply alone" if len(kept) == 2 else "each apply with any one of the others"
        clauses = (
            list(first.clause_ids)
            or [c for a in kept for c in keys_clauses(a.footprint.writes, ctx.version, a.result)][:3]
        )
        ctx.add(
            "overlap",
            kept,
            clauses,
            f"motions {listed([a.motion.id for a in kept])} {alone}, but not all together: {first.message}; "
            "composite them into one motion",
        )
        return
    ctx.notes.extend(n for n in found.notes if n not in ctx.notes)
    result = ctx.together(members)  # when a pair collides (its finding says why): in agenda order
    if result is not None:
        _combined(ctx, members, result)
    elif not any(pair <= ids for pair in ctx.blocked):
        _stopped(ctx, members)


def _stopped(ctx: Context, members: Sequence[Applied]) -> None:
    """Motions whose pairs collide without stopping each other, that stop each other when all pass."""
    kept = _shrink(members, lambda ms: len(ms) > 1 and isinstance(ctx.run(ms), tuple))
    stopped = ctx.run(kept)
    if not isinstance(stopped, tuple):  # pragma: no cover - shrink keeps only sets that fail
        return
    index, error = stopped
    passed = [a.motion.id for a in kept[:index]]
    clauses = [c for a in kept for c in keys_clauses(a.footprint.writes, ctx.version, a.result)][:3]
    ctx.add(
        "overlap",
        kept,
        clauses,
        f"motions {listed([a.motion.id for a in kept])} each apply with any one of the others, but not all "
        f"together: if {listed(passed)} pass{'es' if index == 1 else ''}, {kept[index].motion.id} no longer "
        f"applies: {error.message}; composite them into one motion",
    )


def _dangles(ctx: Context, source: str, target: str, members: Sequence[Applied]) -> bool:
    result = ctx.together(members)
    if result is None or source not in result or target in result:
        return False
    return target in references(result.clause(source).text)


def _breaking(ctx: Context, name: str, members: Sequence[Applied]) -> Violation | None:
    result = ctx.together(members)
    if result is None:
        return None
    for inv in result.invariants:
        if inv.name == name:
            found = evaluate(result, inv)
            before = ctx.before(name)
            if found is not None and (before is None or before.message != found.message):
                return found
    return None


def _breaks(ctx: Context, name: str, members: Sequence[Applied]) -> bool:
    return _breaking(ctx, name, members) is not None


def _combined(ctx: Context, members: Sequence[Applied], result: Version) -> None:
    change = delta(ctx.version, result)
    for source, target in ctx.dangling(result, change):
        subject: Subject = ("dangling", source, target)
        kept = _shrink(members, partial(_dangles, ctx, source, target))
        if ctx.already(subject, frozenset(a.motion.id for a in kept)):
            continue
        after = ctx.together(kept) or result
        ctx.add(
            "dangling-reference",
            kept,
            [source, target],
            f"{if_pass([a.motion.id for a in kept])}, {describe(source, after, ctx.version)} refers to "
            f"[[{target}]], which no longer exists; one of them must amend that reference",
            subject,
        )
    for violation in ctx.broken(result, change):
        subject = ("invariant", violation.invariant.name)
        kept = _shrink(members, partial(_breaks, ctx, violation.invariant.name))
        if ctx.already(subject, frozenset(a.motion.id for a in kept)):
            continue
        found = _breaking(ctx, violation.invariant.name, kept) or violation
        ctx.add(
            "invariant",
            kept,
            violation_clauses(found),
            invariant_message(f"{if_pass([a.motion.id for a in kept])}, together they", "break", found),
            subject,
        )
