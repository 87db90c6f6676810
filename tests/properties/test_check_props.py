"""Soundness of `check` without brute force: what it leaves unreported commutes,
what it reports as overlap really depends on the order (or blocks), and when it
reports nothing at all, every motion passing leaves a sound book."""

from __future__ import annotations

from collections.abc import Sequence

import attrs
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.check import check, composite
from rulebook.check.engine import ORDER_LIMIT
from rulebook.check.invariants import violations
from rulebook.errors import RulebookError
from rulebook.model import Version
from rulebook.refs import dangling_references
from rulebook.strategies import motion_sets, rulebooks


@st.composite
def book_and_pair(draw: st.DrawFn, overlap: str = "any") -> tuple[Version, tuple[Motion, Motion]]:
    version = draw(rulebooks(min_clauses=2, references=draw(st.booleans())))
    first, second = draw(motion_sets(version, overlap, min_size=2, max_size=2))
    return version, (first, second)


def both_orders(version: Version, a: Motion, b: Motion) -> tuple[Version | None, Version | None]:
    bases = {version.label: version}
    a, b = (attrs.evolve(m, base=version.label) for m in (a, b))

    def run(x: Motion, y: Motion) -> Version | None:
        try:
            return apply(apply(version, x, bases=bases), y, bases=bases)
        except RulebookError:
            return None

    return run(a, b), run(b, a)


def between(report, a: str, b: str):
    return [f for f in report.findings if a in f.motions and b in f.motions]


@given(book_and_pair())
def test_when_check_reports_nothing_between_two_motions_both_orders_give_the_same_version(case):
    version, (a, b) = case
    report = check(version, [a, b])
    if between(report, a.id, b.id):
        return
    ab, ba = both_orders(version, a, b)
    assert ab is not None, "a then b failed, unreported"
    assert ba is not None, "b then a failed, unreported"
    assert ab.clauses == ba.clauses


@given(book_and_pair("shared"))
def test_overlapping_motions_left_unreported_commute(case):
    version, (a, b) = case
    report = check(version, [a, b])
    if between(report, a.id, b.id):
        return
    ab, ba = both_orders(version, a, b)
    assert ab is not None and ba is not None and ab.clauses == ba.clauses


@given(book_and_pair("shared"))
def test_an_overlap_finding_means_one_order_fails_or_the_orders_differ(case):
    version, (a, b) = case
    report = check(version, [a, b])
    for finding in between(report, a.id, b.id):
        if finding.kind != "overlap":
            continue
        ab, ba = both_orders(version, a, b)
        assert ab is None or ba is None or ab.clauses != ba.clauses, finding.message


@given(book_and_pair("disjoint"))
def test_motions_touching_disjoint_clauses_are_never_reported_together(case):
    version, (a, b) = case
    report = check(version, [a, b])
    assert between(report, a.id, b.id) == []
    assert report.groups == ()


@given(book_and_pair("disjoint"))
def test_compositing_disjoint_motions_gives_what_applying_them_gives(case):
    version, (a, b) = case
    ab, _ = both_orders(version, a, b)
    assert ab is not None
    result = composite(version, [a, b])
    assert result.collisions == ()
    if ab.clauses == version.clauses:
        assert result.motion is None
        return
    assert result.version is not None and result.version.clauses == ab.clauses
    assert result.motion is not None
    assert apply(version, result.motion).clauses == ab.clauses


@st.composite
def book_and_motions(draw: st.DrawFn) -> tuple[Version, tuple[Motion, ...]]:
    version = draw(rulebooks(min_clauses=3, references=draw(st.booleans()), invariants=True))
    overlap = draw(st.sampled_from(["any", "shared"]))
    return version, draw(motion_sets(version, overlap, min_size=3, max_size=ORDER_LIMIT))


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
def test_when_check_reports_nothing_all_the_motions_pass_together_in_either_order_soundly(case):
    version, motions = case
    report = check(version, motions)
    if report.findings:
        return
    forward = in_order(version, motions)
    backward = in_order(version, motions[::-1])
    assert forward is not None, "the motions fail in agenda order, unreported"
    assert backward is not None, "the motions fail in reverse order, unreported"
    assert forward.clauses == backward.clauses, "the result depends on the order, unreported"
    assert dangling_references(forward) == dangling_references(version) == []
    kept = {v.invariant.name for v in violations(version)}
    assert [v.message for v in violations(forward) if v.invariant.name not in kept] == []
