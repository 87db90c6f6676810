"""The synthetic rule books and motions of ``benchmarks/generate.py`` (imported by the benchmarks)."""

from __future__ import annotations

import doctest
import importlib.util
from collections import Counter
from pathlib import Path
from types import ModuleType

import pytest

from rulebook.amend.apply import apply, apply_all, count_phrase
from rulebook.io.rulebook import loads
from rulebook.model import Version, walk
from rulebook.numbering import resolve_id
from rulebook.refs import dangling_references, references

ROOT = Path(__file__).resolve().parent.parent


def _load_generate() -> ModuleType:
    spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


generate = _load_generate()


@pytest.fixture(scope="module")
def book() -> Version:
    return loads(generate.generate(clauses=1500, depth=5, seed=7), "synthetic.yaml")


def test_the_module_examples_run() -> None:
    failures, tried = doctest.testmod(generate, optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    assert tried > 0 and failures == 0


def test_a_generated_book_has_exactly_the_clauses_and_levels_asked_for(book: Version) -> None:
    assert len(book) == 1500
    assert [level.label for level in book.numbering] == ["Chapter {n}", "Clause {n}", None, None, None]
    assert {depth for depth, _ in walk(book.clauses)} == set(range(5))


def test_a_generated_book_has_references_and_provisions_in_realistic_proportions(book: Version) -> None:
    clauses = [c for _, c in walk(book.clauses)]
    referring = sum(bool(references(c.text)) for c in clauses)
    assert 0.04 * len(clauses) < referring < 0.16 * len(clauses)
    assert 0.02 * len(clauses) < len(book.provision_index) < 0.09 * len(clauses)
    assert not dangling_references(book)


def test_the_same_seed_gives_the_same_book_and_another_seed_another() -> None:
    assert generate.generate(200, 4, seed=1) == generate.generate(200, 4, seed=1)
    assert generate.generate(200, 4, seed=1) != generate.generate(200, 4, seed=2)


def test_a_one_level_book_is_a_flat_list_of_chapters() -> None:
    flat = loads(generate.generate(clauses=12, depth=1))
    assert len(flat.clauses) == 12 and all(not c.children for c in flat.clauses)


def test_disjoint_generated_motions_apply_together_in_any_order(book: Version) -> None:
    motions = generate.generate_motions(book, 60, seed=4)
    assert len(motions) == 60
    assert {a.op for m in motions for a in m.amendments} == set(generate.MOTION_OPS)
    forward = apply_all(book, motions)
    assert apply_all(book, list(reversed(motions))) == forward
    assert not dangling_references(forward)


def test_motions_name_clauses_by_their_citations_in_the_base(book: Version) -> None:
    motions = generate.generate_motions(book, 20, seed=5, ops=("replace_words",))
    for motion in motions:
        for amendment in motion.amendments:
            cid = resolve_id(book, amendment.clause)
            assert amendment.clause != cid
            assert count_phrase(book.clause(cid).text, amendment.old) == 1


def test_overlapping_motions_each_apply_alone_but_share_clauses(book: Version) -> None:
    motions = generate.generate_motions(book, 80, seed=6, overlap=0.5, ops=("replace_words",))
    for motion in motions:
        apply(book, motion)
    touched = Counter(resolve_id(book, a.clause) for m in motions for a in m.amendments)
    assert max(touched.values()) > 1


def test_word_only_motions_have_as_many_amendments_as_asked(book: Version) -> None:
    motions = generate.generate_motions(book, 30, seed=8, ops=("replace_words",), amendments=(2, 2))
    assert {len(m.amendments) for m in motions} == {2}


def test_asking_for_an_unknown_operation_or_overlap_is_refused(book: Version) -> None:
    with pytest.raises(ValueError, match="cannot draft"):
        generate.generate_motions(book, 1, ops=("move_clause",))
    with pytest.raises(ValueError, match="overlap"):
        generate.generate_motions(book, 1, overlap=2.0)


def test_the_command_line_writes_a_book_that_loads(tmp_path: Path) -> None:
    out = tmp_path / "book.yaml"
    assert generate.main(["--clauses", "50", "--depth", "3", "-o", str(out)]) == 0
    assert len(loads(out.read_text(), str(out))) == 50
