"""Numbering styles, citations (docs/file-format.md) and resolving citations back."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulebook.errors import CitationError, SchemaError
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


# --- Citations as organisations write them (docs/numbering.md) ---------------------------------------


def _labour_like() -> Version:
    """Chapter 4, Clause II.2.B.ii and Chapter 2, Clause IV.3.B exist, with siblings around them."""

    def kids(prefix: str, n: int, inner: dict[int, tuple[Clause, ...]] | None = None) -> tuple[Clause, ...]:
        return tuple(Clause(f"{prefix}.{i}", children=(inner or {}).get(i, ())) for i in range(1, n + 1))

    ch4 = kids("c4.ii", 2, {2: kids("c4.ii.2", 2, {2: kids("c4.ii.2.b", 2)})})
    ch2 = kids("c2.iv", 3, {3: kids("c2.iv.3", 2)})
    return Version(
        "labour",
        "2016",
        LABOUR_SCHEME,
        [
            Clause("c1"),
            Clause("c2", children=kids("c2", 3) + (Clause("c2.4", children=ch2),)),
            Clause("c3"),
            Clause("c4", children=(Clause("c4.1"), Clause("c4.2", children=ch4))),
        ],
        citations=("Rule {1}.{2:arabic}.{3}",),
    )


@pytest.mark.parametrize(
    "ref",
    [
        "Chapter 4, Clause II.2.B.ii",
        "Chapter 4 Clause II, Section 2B (ii)",
        "Chapter 4, Clause II, Section 2.B.ii",
        "C4.II.2.B.ii",
        "In Chapter 4, Clause II.2.B.ii,",
        "chapter 4 clause ii 2 b ii",
    ],
)
def test_the_forms_organisations_cite_a_labour_clause_in_all_name_it(ref):
    assert resolve(_labour_like(), ref).id == "c4.ii.2.b.2"


@pytest.mark.parametrize("ref", ["Chapter 2, Clause IV, section 3 B", "Chapter 2.IV.3.B", "C2.IV.3.B"])
def test_a_chapter_clause_section_citation_with_spaces_or_dots_names_the_clause(ref):
    assert resolve(_labour_like(), ref).id == "c2.iv.3.2"


def test_a_running_number_the_book_declares_names_the_clause():
    book = _labour_like()
    assert resolve(book, "Rule 4.2.2").id == "c4.ii.2"
    assert resolve(book, "Rule 2.4.3").id == "c2.iv.3"


def test_a_citation_that_fits_several_clauses_is_refused_naming_each():
    with pytest.raises(CitationError) as e:
        resolve(_labour_like(), "Clause II")
    assert str(e.value) == (
        "citation 'Clause II' could name several clauses in version '2016' of 'labour': "
        "'Chapter 2, Clause II', 'Chapter 4, Clause II'; "
        "name the one you mean by its stable id or its citation in this version"
    )
    assert resolve(_labour_like(), "Clause II.2.B").id == "c4.ii.2.2"  # only one Clause II has a 2.B


def _unison_like() -> Version:
    """Rule C.3.4.1.2 exists: a lettered top level, then numbers."""
    deep = (Clause("c.3.4.1", children=(Clause("c.3.4.1.1"), Clause("c.3.4.1.2"))),)
    fourth = tuple(Clause(f"c.3.{i}", children=deep if i == 4 else ()) for i in range(1, 5))
    return Version(
        "unison",
        "1",
        [Level("upper-alpha", "Rule {n}"), Level("arabic"), Level("arabic"), Level("arabic"), Level("arabic")],
        [Clause("a"), Clause("b"), Clause("c", children=(Clause("c.1"), Clause("c.2", children=tuple(
            Clause(f"c.2.{i}") for i in range(1, 7))), Clause("c.3", children=fourth)))],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("ref", "clause_id"),
    [("Rule C 3.4", "c.3.4"), ("C.2.6", "c.2.6"), ("Rule C.3.4.1.2", "c.3.4.1.2"), ("In Rule C.3.4", "c.3.4")],
)
def test_union_style_citations_name_their_clause(ref, clause_id):
    assert resolve(_unison_like(), ref).id == clause_id


def _articles() -> Version:
    """Articles 1 to 12, each with numbered paragraphs and lettered sub-paragraphs printed 12.3(b)."""
    paras = lambda a: tuple(  # noqa: E731
        Clause(f"a{a}.{p}", children=tuple(Clause(f"a{a}.{p}.{x}") for x in "abc")) for p in range(1, 4)
    )
    return Version(
        "constitution",
        "1",
        [Level("arabic", "Article {n}"), Level("arabic"), Level("lower-alpha", "({n})", join="")],
        [Clause(f"a{a}", children=paras(a)) for a in range(1, 13)],
    )


def test_a_level_that_says_how_it_joins_prints_article_12_3_b():
    assert citation(_articles(), "a12.3.b") == "Article 12.3(b)"
    assert citation(_articles(), "a5.1") == "Article 5.1"


@pytest.mark.parametrize(
    ("ref", "clause_id"),
    [
        ("Article 12.3(b)", "a12.3.b"),
        ("Article 5.1(c)", "a5.1.c"),
        ("In Article 5.1, (c)", "a5.1.c"),
        ("12.3 (b)", "a12.3.b"),
    ],
)
def test_article_citations_name_their_clause(ref, clause_id):
    assert resolve(_articles(), ref).id == clause_id


def _numbered_rules() -> Version:
    """Rules 1 to 12 with lettered sub-rules and roman items, cited 9 (c) or 9 (ii.)."""
    return Version(
        "club",
        "1",
        [Level("arabic"), Level("lower-alpha", "({n})"), Level("lower-roman", "({n})")],
        [Clause(f"r{r}", children=tuple(Clause(f"r{r}{x}", children=(Clause(f"r{r}{x}i"), Clause(f"r{r}{x}ii")))
                                         for x in "abc")) for r in range(1, 13)],
    )  # fmt: skip


@pytest.mark.parametrize(
    ("ref", "clause_id"), [("In 9. (c)", "r9c"), ("12 (b)", "r12b"), ("9 (c)(ii.)", "r9cii"), ("Rule 9(c)", "r9c")]
)
def test_numbered_rule_citations_with_parentheses_name_their_clause(ref, clause_id):
    assert resolve(_numbered_rules(), ref).id == clause_id


def test_a_subsection_named_without_its_section_is_found_when_only_one_fits():
    book = Version(
        "act",
        "1",
        [Level("arabic", "section {n}"), Level("arabic", "({n})"), Level("lower-alpha", "({n})")],
        [Clause("s1", children=(Clause("s1.1"),)), Clause("s2", children=tuple(
            Clause(f"s2.{i}", children=(Clause(f"s2.{i}.a"),)) for i in range(1, 5)))],
    )  # fmt: skip
    assert resolve(book, "subsection (4)(a)").id == "s2.4.a"
    with pytest.raises(CitationError, match="could name several"):
        resolve(book, "subsection (1)")


def test_a_book_declares_its_citation_forms_and_a_bad_one_is_refused_at_its_line():
    from rulebook.io.rulebook import loads

    text = (
        'rulebook: x\nversion: "1"\nnumbering: [arabic, upper-roman]\n'
        'citations:\n  - "Rule {1}.{2:arabic}"\n  - "Rule {2}"\nclauses: [{id: a}]\n'
    )
    with pytest.raises(SchemaError, match=r"^x.yaml:6: citation form 'Rule \{2\}': its places must be"):
        loads(text, "x.yaml")
    book = loads(text.replace('  - "Rule {2}"\n', ""), "x.yaml")
    assert book.citations == ("Rule {1}.{2:arabic}",)


def test_a_new_clause_cited_by_the_number_it_will_have_finds_its_place():
    from rulebook.citing import place_of_new

    book = _unison_like()
    assert place_of_new(book, "Rule C.2.7") == ("after", "c.2.6")
    assert place_of_new(book, "Rule C.2.3") == ("before", "c.2.3")
    assert place_of_new(book, "Rule C.3.4.1.3") == ("after", "c.3.4.1.2")
    with pytest.raises(CitationError, match=r"would leave a gap: the next number there is '7'"):
        place_of_new(book, "Rule C.2.9")
    with pytest.raises(CitationError, match=r"no clause in version '1' of 'unison' holds 'Rule Z\.1'"):
        place_of_new(book, "Rule Z.1")
