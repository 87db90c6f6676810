"""Algebraic properties of the core: apply, save/load, citations, references."""

from __future__ import annotations

import itertools

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.apply import apply, apply_all
from rulebook.amend.motion import Amendment
from rulebook.errors import AmendmentError
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import dumps, loads
from rulebook.model import walk
from rulebook.numbering import all_citations, citation, resolve
from rulebook.refs import REF, references, render_refs
from rulebook.strategies import LABELS, motion_sets, motions, rulebooks

STRUCTURE = ("insert_clause", "delete_clause", "move_clause")


@st.composite
def book_and_motion(draw: st.DrawFn, ops: tuple[str, ...] | None = None) -> tuple:
    version = draw(rulebooks())
    return version, draw(motions(version, ops=ops))


@given(rulebooks())
def test_saving_and_loading_a_version_gives_an_equal_version(version):
    assert loads(dumps(version), "saved.yaml") == version


@given(rulebooks(invariants=True))
def test_a_loaded_version_saves_to_the_same_bytes(version):
    text = dumps(version)
    assert dumps(loads(text, "saved.yaml")) == text


@given(rulebooks())
def test_every_citation_resolves_to_its_clause(version):
    cites = all_citations(version)
    assert list(cites) == [c.id for _, c in walk(version.clauses)]
    for cid, cite in cites.items():
        assert citation(version, cid) == cite
        assert resolve(version, cite).id == cid
        assert resolve(version, f"  {_loosely(cite)} ").id == cid


def _loosely(cite: str) -> str:
    """The citation as people type it: labels in lower case, more spaces."""
    for label in LABELS:
        prefix = label.split("{n}")[0]
        if prefix.strip():
            cite = cite.replace(prefix, prefix.lower())
    return cite.replace(", ", " ,  ")


@given(book_and_motion())
def test_applying_a_motion_is_deterministic(case):
    version, motion = case
    first, second = apply(version, motion), apply(version, motion)
    assert first == second
    assert dumps(first) == dumps(second)


@given(book_and_motion())
def test_an_amended_version_saves_and_loads_again(case):
    version, motion = case
    amended = apply(version, motion)
    assert loads(dumps(amended), "amended.yaml") == amended


@given(book_and_motion())
def test_a_motion_saves_and_loads_to_an_equal_motion(case):
    _, motion = case
    (again,) = motion_io.loads(motion_io.dumps([motion]), "motion.yaml")
    assert again == motion


@given(book_and_motion(ops=STRUCTURE))
def test_after_renumbering_every_reference_renders_as_a_citation_of_its_target(case):
    version, motion = case
    amended = apply(version, motion)
    for _, clause in walk(amended.clauses):
        for target in references(clause.text):
            cite = render_refs(amended, f"[[{target}]]")
            assert cite == citation(amended, target)
            assert resolve(amended, cite).id == target
        assert not REF.search(render_refs(amended, clause.text or "").replace("[[missing", ""))


@st.composite
def disjoint_case(draw: st.DrawFn) -> tuple:
    version = draw(rulebooks(min_clauses=4, max_clauses=10))
    return version, draw(motion_sets(version, "disjoint"))


@given(disjoint_case())
def test_motions_touching_disjoint_clauses_commute(case):
    version, motions_ = case
    results = [apply_all(version, order) for order in itertools.permutations(motions_)]
    assert all(r == results[0] for r in results[1:])


@st.composite
def shared_case(draw: st.DrawFn) -> tuple:
    version = draw(rulebooks(min_clauses=2))
    return version, draw(motion_sets(version, "shared"))


@given(shared_case())
def test_every_motion_of_a_shared_set_applies_to_the_base_alone(case):
    version, motions_ = case
    saved = dumps(version)
    for motion in motions_:
        amended = apply(version, motion)
        assert amended.label != version.label and amended.rulebook == version.rulebook
    assert dumps(version) == saved  # the base is untouched by every one of them


@given(book_and_motion(), st.sampled_from(("absent", "missing-clause", "dangling-anchor")))
def test_a_failed_motion_leaves_the_version_unchanged(case, how):
    version, motion = case
    saved = dumps(version)
    copy = loads(saved, "copy.yaml")
    some = next(c.id for _, c in walk(version.clauses))
    failing = {
        "absent": Amendment("delete_words", clause=some, words="zz-not-there"),
        "missing-clause": Amendment("replace_text", clause="no-such-clause", text="x"),
        "dangling-anchor": Amendment("move_clause", clause=some, after="Rule 999"),
    }[how]
    broken = attrs.evolve(motion, amendments=(*motion.amendments, failing))
    with pytest.raises(AmendmentError, match=f"amendment {len(broken.amendments)} of motion {motion.id}"):
        apply(version, broken)
    assert version == copy
    assert dumps(version) == saved


@given(book_and_motion())
def test_applying_never_changes_the_input_version(case):
    version, motion = case
    saved = dumps(version)
    apply(version, motion)
    assert dumps(version) == saved


@given(book_and_motion())
def test_written_wording_reads_back_as_the_same_operations(case):
    wording = pytest.importorskip("rulebook.amend.wording")
    _, motion = case
    for amendment in motion.amendments:
        text = wording.write_wording(amendment)
        (parsed,) = wording.parse_wording(text)
        assert attrs.evolve(parsed, wording=None) == attrs.evolve(amendment, wording=None), text
