"""Numbering styles, citations (docs/file-format.md) and resolving citations back."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulebook.errors import CitationError
from rulebook.history import load
from rulebook.model import Clause, Level, Version
from rulebook.numbering import all_citations, citation, format_number, numbers, resolve, resolve_id

LABOUR = Path(__file__).resolve().parent.parent / "rules" / "labour"

LABOUR_SCHEME = (
    Level("arabic", "Chapter {n}"),
    Level("upper-roman", "Clause {n}"),
    Level("arabic"),
    Level("upper-alpha"),
    Level("lower-roman"),
)


def _chain(scheme: tuple[Level, ...], widths: tuple[int, ...]) -> Version:
    """A book whose last clause at each depth is the ``widths[d]``-th sibling."""

    def level(depth: int, prefix: str) -> tuple[Clause, ...]:
        if depth == len(widths):
            return ()
        kids = [Clause(f"{prefix}{depth}.{i}") for i in range(widths[depth] - 1)]
        kids.append(Clause(f"{prefix}{depth}.last", children=level(depth + 1, f"{prefix}{depth}.")))
        return tuple(kids)

    return Version("b", "1", scheme, level(0, "x"))


@pytest.mark.parametrize(
    ("n", "style", "expected"),
    [
        (1, "arabic", "1"),
        (12, "arabic", "12"),
        (4, "upper-roman", "IV"),
        (9, "lower-roman", "ix"),
        (14, "lower-roman", "xiv"),
        (1994, "upper-roman", "MCMXCIV"),
        (1, "upper-alpha", "A"),
        (26, "lower-alpha", "z"),
        (27, "lower-alpha", "aa"),
        (28, "upper-alpha", "AB"),
    ],
)
def test_each_style_numbers_as_documents_do(n, style, expected):
    assert format_number(n, style) == expected


def test_numbers_start_at_one_and_styles_are_known():
    with pytest.raises(ValueError):
        format_number(0, "arabic")
    with pytest.raises(ValueError):
        format_number(1, "greek")


def test_the_contract_citation_of_a_five_level_clause():
    book = _chain(LABOUR_SCHEME, (4, 2, 2, 2, 1))
    deepest = list(all_citations(book))[-1]
    assert citation(book, deepest) == "Chapter 4, Clause II.2.B.i"


def test_unlabelled_levels_join_the_last_labelled_one_with_dots():
    book = _chain((Level("arabic", "Rule {n}"), Level("arabic"), Level("lower-alpha")), (3, 2, 1))
    assert list(all_citations(book).values())[-1] == "Rule 3.2.a"


def test_a_book_without_labels_cites_with_dots_only():
    book = _chain((Level("arabic"), Level("lower-roman")), (2, 3))
    assert list(all_citations(book).values())[-1] == "2.iii"


def test_a_pinned_number_takes_no_place_in_the_count():
    siblings = (Clause("a"), Clause("b"), Clause("b2", number="2A"), Clause("c"))
    assert numbers(siblings, Level("arabic")) == ["1", "2", "2A", "3"]
    book = Version("b", "1", [Level("arabic", "Rule {n}")], siblings)
    assert citation(book, "b2") == "Rule 2A"
    assert citation(book, "c") == "Rule 3"
    assert resolve(book, "Rule 2A").id == "b2"
    assert resolve(book, "rule 2a").id == "b2"


def test_resolution_forgives_spaces_and_label_case():
    book = _chain(LABOUR_SCHEME, (4, 2, 2, 2, 1))
    target = list(all_citations(book))[-1]
    for typed in ("Chapter 4, Clause II.2.B.i", "  chapter 4 ,  clause II.2.B.i ", "CHAPTER 4, CLAUSE II.2.B.i"):
        assert resolve_id(book, typed) == target


def test_a_stable_id_resolves_to_itself():
    book = _chain(LABOUR_SCHEME, (2, 1))
    assert resolve_id(book, "x0.last") == "x0.last"
    assert resolve_id(book, "  x0.last ") == "x0.last"


def test_a_citation_of_a_parent_resolves_to_the_parent():
    book = _chain(LABOUR_SCHEME, (4, 2, 2))
    assert resolve_id(book, "Chapter 4") == "x0.last"
    assert resolve_id(book, "Chapter 4, Clause II") == "x0.1.last"


@pytest.mark.parametrize("ref", ["Chapter 9", "Chapter 4, Clause IX", "Chapter 4, Clause II.7", "nonsense", ""])
def test_an_unknown_citation_names_the_nearest_ones_and_what_to_do(ref):
    book = _chain(LABOUR_SCHEME, (4, 2, 2))
    with pytest.raises(CitationError) as info:
        resolve(book, ref)
    message = str(info.value)
    assert f"no clause {ref!r} in version '1'" in message
    assert "stable id or its citation" in message
    if ref.startswith("Chapter 4"):
        assert "nearest: " in message


def test_a_citation_deeper_than_the_book_does_not_resolve():
    book = _chain((Level("arabic", "Rule {n}"), Level("arabic")), (1, 1))
    with pytest.raises(CitationError):
        resolve(book, "Rule 1.1.1")


def test_every_citation_of_the_bundled_book_resolves_to_its_clause():
    version = load(LABOUR)
    cites = all_citations(version)
    assert len(cites) == len(version)
    assert len(set(cites.values())) == len(cites), "two clauses share a citation"
    for cid, cite in cites.items():
        assert resolve_id(version, cite) == cid


def test_the_bundled_book_cites_its_leadership_clauses_by_chapter_and_clause():
    version = load(f"{LABOUR}@2016")
    cites = all_citations(version)
    assert any(c.startswith("Chapter 4, Clause II") for c in cites.values())
