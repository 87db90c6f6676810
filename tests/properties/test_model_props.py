"""Algebraic properties of the model, over generated rule books and motions.

save/load round-trips through a file; apply is deterministic and pure; disjoint
motions commute; renumbering never points a reference elsewhere; diff(a, a) is
empty.
"""

from __future__ import annotations

import itertools
import tempfile
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.apply import apply, apply_all
from rulebook.io.rulebook import dumps, load_file, loads, save
from rulebook.model import Version, walk
from rulebook.numbering import all_citations, resolve_id
from rulebook.refs import dangling_references, reference_graph, references, render_refs
from rulebook.strategies import motion_sets, motions, rulebooks

STRUCTURE = ("insert_clause", "delete_clause", "move_clause")


@st.composite
def amended(draw: st.DrawFn, ops: tuple[str, ...] | None = None) -> tuple[Version, Version]:
    version = draw(rulebooks(max_depth=4, max_clauses=16))
    motion = draw(motions(version, ops=ops))
    return version, apply(version, motion)


@given(rulebooks(max_depth=4, max_clauses=16, invariants=True))
def test_a_saved_file_loads_to_an_equal_version(version):
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "book.yaml"
        save(version, path)
        again = load_file(path)
        assert again == version
        assert all_citations(again) == all_citations(version)
        assert [p.name for p in Path(tmp).iterdir()] == ["book.yaml"]


@given(st.data())
def test_apply_is_deterministic_and_never_mutates_its_input(data):
    version = data.draw(rulebooks(max_depth=4, max_clauses=16))
    motion = data.draw(motions(version))
    before = dumps(version)
    results = [apply(version, motion) for _ in range(3)]
    assert dumps(version) == before
    assert all(r == results[0] for r in results)
    assert len({dumps(r) for r in results}) == 1
    copy = loads(before, "copy.yaml")
    assert apply(copy, motion) == results[0]


@given(st.data())
def test_motions_on_disjoint_clauses_commute(data):
    version = data.draw(rulebooks(min_clauses=4, max_clauses=12))
    group = data.draw(motion_sets(version, "disjoint", max_size=3))
    results = {dumps(apply_all(version, order)) for order in itertools.permutations(group)}
    assert len(results) == 1


@given(st.data())
def test_renumbering_never_points_a_reference_elsewhere(data):
    version = data.draw(rulebooks(max_depth=4, max_clauses=16))
    motion = data.draw(motions(version, ops=STRUCTURE))
    after = apply(version, motion)
    assert dangling_references(after) == []
    cites = all_citations(after)
    for _, clause in walk(after.clauses):
        for target in references(clause.text):
            rendered = render_refs(after, f"[[{target}]]")
            assert rendered == cites[target]
            assert resolve_id(after, rendered) == target
    # every reference the motion left alone still targets the same clause
    before_edges = set(reference_graph(version).edges)
    after_edges = set(reference_graph(after).edges)
    untouched = {c.id for _, c in walk(after.clauses) if c.id in version and c.text == version.clause(c.id).text}
    assert {e for e in before_edges if e[0] in untouched} <= after_edges


@given(rulebooks(max_depth=4, max_clauses=16))
def test_citations_are_unique_and_resolve_back(version):
    cites = all_citations(version)
    assert len(set(cites.values())) == len(cites)
    for cid, cite in cites.items():
        assert resolve_id(version, cite) == cid


@given(amended())
def test_diff_of_a_version_with_itself_is_empty(case):
    diff_module = pytest.importorskip("rulebook.diff")
    version, result = case
    assert diff_module.diff(version, version).is_empty
    assert diff_module.diff(result, result).is_empty
    copy = loads(dumps(result), "copy.yaml")
    assert diff_module.diff(result, copy).is_empty
