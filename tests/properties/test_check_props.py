"""`check` and `composite` give one verdict (docs/checking.md): for any set of motions,
`check` reports no overlap exactly when `composite` merges all of them, and then the
composite gives what passing the motions one after the other gives, in either order
(where they still apply as worded); what `check` leaves unreported leaves a sound book."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from hypothesis import event, given
from hypothesis import strategies as st

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.check import check, composite
from rulebook.check.delta import delta
from rulebook.check.engine import ORDER_LIMIT
from rulebook.check.invariants import violations
from rulebook.errors import CitationError, RulebookError
from rulebook.model import Version
from rulebook.numbering import resolve_id
from rulebook.refs import dangling_references
from rulebook.strategies import motion_sets, rulebooks

#: The kinds of finding that say two motions' changes cannot be put together.
COLLIDING = ("overlap", "target-removed")


@st.composite
def book_and_motions(
    draw: st.DrawFn, overlap: str | None = None, min_size: int = 2
) -> tuple[Version, tuple[Motion, ...]]:
    version = draw(rulebooks(min_clauses=3, references=draw(st.booleans()), invariants=True))
    chosen = overlap or draw(st.sampled_from(["any", "shared"]))
    return version, draw(motion_sets(version, chosen, min_size=min_size, max_size=ORDER_LIMIT))


def worded_otherwise(version: Version, motions: Sequence[Motion]) -> bool:
    """True when, passed one after the other as worded, a motion would mean other words than it
    does against the version (docs/checking.md): its ``replace_text`` of a clause follows another
    motion that changed that clause (it restates the whole text and undoes the other), or it
    counts an ``occurrence`` of a phrase in a clause another motion changed (the count shifts).
    The judgement reads each motion as the word edits it makes to the version's text."""
    changed: set[str] = set()
    for motion in motions:
        named = {a.clause for a in motion.amendments if a.op == "replace_text" or a.occurrence is not None}
        if {_id(version, c) for c in named if c} & changed:
            return True
        alone = apply(version, attrs.evolve(motion, base=version.label), bases={version.label: version})
        changed |= set(delta(version, alone).changed)
    return False


def _id(version: Version, ref: str) -> str:
    try:
        return resolve_id(version, ref)
    except CitationError:
        return ref  # a clause the motion inserts itself


def in_order(version: Version, motions: Sequence[Motion]) -> Version | None:
    bases = {version.label: version}
    result = version
    try:
        for motion in motions:
            result = apply(result, attrs.evolve(motion, base=version.label), bases=bases)
    except RulebookError:
        return None
    return result


@given(book_and_motions())
def test_check_reports_no_overlap_exactly_when_composite_merges_every_motion(case):
    version, motions = case
    report = check(version, motions)
    result = composite(version, motions)
    colliding = [f.message for f in report.findings if f.kind in COLLIDING]
    assert bool(colliding) == bool(result.collisions), (colliding, [c.message for c in result.collisions])
    if colliding:
        event("collide")
        return
    assert set(result.included) <= {m.id for m in motions}
    merged = result.version or version
    if result.motion is not None:
        assert apply(version, result.motion).clauses == merged.clauses
    if result.notes or any(f.kind == "duplicate" for f in report.findings):
        event("the same change made by several motions, made once")
        return  # passed one after the other, the second would make it again (or fail)
    for name, order in (("agenda", motions), ("reverse", motions[::-1])):
        if worded_otherwise(version, order):
            event(f"in {name} order a motion as worded means other words")
            continue
        passed = in_order(version, order)
        event(f"{name} order {'applies' if passed is not None else 'fails as worded'}")
        if passed is not None:
            assert passed.clauses == merged.clauses, f"the composite differs from passing them in {name} order"


@given(book_and_motions(min_size=3))
def test_when_check_reports_nothing_the_composite_leaves_a_sound_book(case):
    version, motions = case
    report = check(version, motions)
    if report.findings:
        return
    merged = composite(version, motions).version or version
    assert dangling_references(merged) == dangling_references(version) == []
    kept = {v.invariant.name for v in violations(version)}
    assert [v.message for v in violations(merged) if v.invariant.name not in kept] == []


@given(book_and_motions("disjoint"))
def test_motions_touching_disjoint_clauses_are_never_reported_together_and_composite_whole(case):
    version, motions = case
    report = check(version, motions)
    assert [f for f in report.findings if len(f.motions) > 1] == []
    assert report.groups == ()
    forward = in_order(version, motions)
    assert forward is not None
    result = composite(version, motions)
    assert result.collisions == ()
    assert (result.version or version).clauses == forward.clauses
