"""Real published constitutions import with every numbered provision found (tests/data/real-books/SOURCES.md).

Each book's expected figures are counted from its text independently of the
importer: the lines that start with a number the book itself prints.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulebook.cli import main
from rulebook.history import load_history
from rulebook.importing import import_book
from rulebook.model import walk
from rulebook.numbering import all_citations, resolve

BOOKS = Path(__file__).resolve().parent / "data" / "real-books"


def _printed(path: Path, pattern: str, skip: str | None = None) -> int:
    lines = path.read_text(encoding="utf-8").splitlines()
    return sum(1 for x in lines if re.match(pattern, x) and not (skip and re.search(skip, x)))


@pytest.mark.parametrize(
    ("name", "pattern", "skip", "extra"),
    [
        ("awu-articles.md", r"^\s*(# Article|## Section|\([a-z0-9]+\) )", None, 0),
        ("hacksoc-constitution.md", r"^\s*(\d+\. |## \d+\. )", r"\]\(#", 1),  # not the contents list; a preamble
        ("agv-constitution-parts-1-2.md", r"^\s*(\d+\. |\([a-z0-9]+\)\s)", None, 0),
        # the held-out set, measured before the importer was changed for it
        ("ppuk-constitution.md", r"^### \(\d+\) ", None, 0),
        # and a wordless "Section 3" for each Article whose Sections print its number ("Section 3.1")
        ("houston-dsa-bylaws.md", r"^#+ (ARTICLE [IVX]+\.|Section \d+\.\d+\.) ", None, 4),
        ("uqcs-constitution-1-9.md", r"^(## \d+ |\d+\.\d+ )", None, 1),
        ("wigan-camra-constitution.md", r"^#+ \d+\. ", None, 1),
        ("cuca-constitution-parts-1-3.md", r"^(#+ \d+(\.\d+)*\.? |\([a-z]+\) )", None, 0),
    ],
)
def test_every_numbered_provision_is_a_clause(name, pattern, skip, extra):
    path = BOOKS / name
    got = import_book(path)
    expected = _printed(path, pattern, skip)
    assert len(got.version) == expected + extra


def test_union_articles_keep_their_labels_and_cite_as_printed():
    v = import_book(BOOKS / "awu-articles.md").version
    assert [(lv.style, lv.label) for lv in v.numbering][:2] == [("arabic", "Article {n}"), ("arabic", "Section {n}")]
    assert resolve(v, "Article 8, Section 3.c.2").text.startswith("the total number of delegates does not exceed")
    assert resolve(v, "Article 7, Section 1").heading == "Eligibility."
    assert resolve(v, "Article 1").heading == "NAME."


def test_society_lists_nested_four_deep_cite_as_printed():
    got = import_book(BOOKS / "hacksoc-constitution.md")
    v = got.version
    assert len(v.numbering) == 5
    assert resolve(v, "7.1.2.6.2").text == 'Bulk or multiple emailing must only be done as "bcc".'
    assert resolve(v, "6.5.3").text == "Treasurer"
    # "section 4.1" in the text is a reference to 4.1, its words kept
    target = resolve(v, "4.1").id
    assert f"in addition to section [[{target}]]" in resolve(v, "4.2").text
    assert [d.message for d in got.doubts] == [
        "unnumbered text before the first numbered clause kept as clause 'preamble' numbered '0'; move or delete it",
        "dropped a contents list (18 lines)",
    ]


def test_party_clauses_numbered_across_parts_and_flagged_where_a_level_changes_style():
    got = import_book(BOOKS / "agv-constitution-parts-1-2.md")
    v = got.version
    assert [c.heading for c in v.clauses][6:8] == ["Constitution", "Branch membership"]
    assert resolve(v, "7.4.b").text == "not overlap with another branch area; and"
    # clause 1 lists (a)-(g) straight under it, where the other clauses have (1): kept and reported
    assert [c.number for c in v.clauses[0].children] == list("abcdefg")
    assert len(got.doubts) == 7 and all(d.line in range(9, 16) for d in got.doubts)


def test_party_constitution_in_bracketed_headings_imports_clean():
    got = import_book(BOOKS / "ppuk-constitution.md")
    assert got.doubts == ()
    assert resolve(got.version, "10").heading == "ARBITRATION AND DISCIPLINE"
    assert resolve(got.version, "8").text.startswith("Structure\n\nThe Board of Governors shall consist of up to 9")


def test_bylaws_sections_that_print_their_article_number_cite_as_printed():
    got = import_book(BOOKS / "houston-dsa-bylaws.md")
    v = got.version
    assert resolve(v, "Article V, Section 5.8").heading == "Recall Elections"
    assert resolve(v, "Article XI").heading == "Jurisdiction"
    assert (got.doubts[0].line, got.doubts[0].message) == (
        23,
        "number '3' of Section 3.1 has no line of its own; made it a clause without words",
    )
    assert len(got.doubts) == 4  # one for each Article with Sections, none again for its number


def test_society_sections_over_plain_dotted_paragraphs_lose_their_rules():
    v = import_book(BOOKS / "uqcs-constitution-1-9.md").version
    assert (v.clauses[0].heading, v.clauses[0].text) == (
        "University of Queensland Computing Society",
        "8th of October 2019",
    )
    assert resolve(v, "9.7").text.startswith("There is no right of appeal")
    assert all("---" not in (c.text or "") for _, c in walk(v.clauses))


def test_branch_constitution_keeps_its_front_matter_in_order():
    v = import_book(BOOKS / "wigan-camra-constitution.md").version
    assert v.clauses[0].text.startswith("Document Version: 5.3.0")
    assert "\n\nBranch Comittee\n\n- Chairperson: " in v.clauses[0].text
    assert resolve(v, "13").heading == "Byelaws"


def test_association_headings_lose_the_dash_and_a_restarted_list_is_reported():
    got = import_book(BOOKS / "cuca-constitution-parts-1-3.md")
    v = got.version
    assert [c.heading for c in v.clauses] == ["THE ASSOCIATION", "MEMBERSHIP OF THE ASSOCIATION", "OF THE COMMITTEE"]
    assert all("___" not in (c.text or "") for _, c in walk(v.clauses))
    assert resolve(v, "3.5bis").heading == "The Powers and Duties of the Chairman"
    assert resolve(v, "3.7.1").heading == "Responsibility for Expenditure, Deficits and Savings"
    assert [(d.line, d.message) for d in got.doubts if "again" in d.message] == [
        (158, "(i) starts its list again, not indented under (ii); made it a list under (ii)")
    ]
    assert len(got.doubts) == 5


@pytest.mark.parametrize("name", sorted(p.name for p in BOOKS.glob("*.md") if p.name != "SOURCES.md"))
def test_imported_book_loads_shows_and_every_citation_resolves(tmp_path, name):
    result = CliRunner().invoke(main, ["import", str(BOOKS / name), "-o", str(tmp_path / "book")])
    assert result.exit_code in (0, 1), result.output
    v = load_history(tmp_path / "book").latest
    for cid, cite in all_citations(v).items():
        assert resolve(v, cite).id == cid
    shown = CliRunner().invoke(main, ["show", str(tmp_path / "book")])
    assert shown.exit_code == 0
    assert len([c for _, c in walk(v.clauses)]) == len(v)
