"""The factored sweep agrees with building every combination from scratch."""

from __future__ import annotations

from concurrent.futures import ThreadPoolExecutor
from fractions import Fraction

from hypothesis import assume, given
from hypothesis import strategies as st

from rulebook import strategies as rs
from rulebook.ask.batch import ANSWERED, Combination
from rulebook.ask.sweep import Sweep, sweep


def _outcome(c: Combination) -> tuple[str, ...]:
    # A failure's message cites clauses as numbered in the version it was
    # built on, which differs between the two ways of building it; the
    # amendment and motion that failed do not.
    if c.kind == ANSWERED:
        return c.key()
    return (c.kind, (c.problem or "").split(":")[0] if c.kind == "does-not-apply" else "")


def _outcomes(result: Sweep) -> list[tuple[tuple[str, ...], tuple[str, ...]]]:
    return [(c.passed, _outcome(c)) for c in result.combinations]


@given(st.data())
def test_a_factored_sweep_gives_every_combination_the_answer_built_from_scratch(data: st.DataObject) -> None:
    version = data.draw(rs.rulebooks(min_clauses=3, max_clauses=10))
    names = sorted(version.provision_index)
    assume(names)
    name = data.draw(st.sampled_from(names))
    agenda = data.draw(rs.motion_sets(version, data.draw(st.sampled_from(["any", "shared"])), min_size=2, max_size=6))
    fast = sweep(version, agenda, "provision", {"name": name})
    slow = sweep(version, agenda, "provision", {"name": name}, reuse=False)
    assert _outcomes(fast) == _outcomes(slow)
    answered = [(g.count, sorted(g.combinations)) for g in fast.groups if g.kind == ANSWERED]
    assert sorted(answered) == sorted((g.count, sorted(g.combinations)) for g in slow.groups if g.kind == ANSWERED)
    # a motion outside the deciding set never changes a combination's result
    for motion in fast.independent:
        for combo in fast.combinations:
            if motion in combo.passed and combo.kind == ANSWERED:
                without = fast.combination(m for m in combo.passed if m != motion)
                if without.kind == ANSWERED:
                    assert without.key() == combo.key()
    chances = {m.id: Fraction(1, i + 2) for i, m in enumerate(agenda)}
    exact = {g.combinations[0]: p for g, p in fast.probabilities(chances) if g.kind == ANSWERED}
    brute = {g.combinations[0]: p for g, p in slow.probabilities(chances) if g.kind == ANSWERED}
    assert sum(p for _, p in fast.probabilities(chances)) == 1
    assert sorted(exact.values()) == sorted(brute.values())


@given(st.data())
def test_an_executor_gives_the_same_sweep(data: st.DataObject) -> None:
    version = data.draw(rs.rulebooks(min_clauses=3, max_clauses=8))
    names = sorted(version.provision_index)
    assume(names)
    agenda = data.draw(rs.motion_sets(version, "shared", min_size=2, max_size=4))
    facts = {"name": names[0]}
    alone = sweep(version, agenda, "provision", facts)
    with ThreadPoolExecutor(max_workers=2) as pool:
        pooled = sweep(version, agenda, "provision", facts, executor=pool)
    assert _outcomes(alone) == _outcomes(pooled)
