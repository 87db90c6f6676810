"""Import round trip: a generated book shown as text or Markdown, or exported
to Word, imports back to the same clauses, numbers, headings and text (docs/import.md)."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import assume, given
from hypothesis import strategies as st

from rulebook.errors import RulebookError
from rulebook.importing import import_book
from rulebook.importing.markers import starts_with_citation
from rulebook.io.rulebook import dumps, loads
from rulebook.model import Clause, Version, walk
from rulebook.numbering import numbers
from rulebook.refs import render_refs
from rulebook.render.book import to_markdown, to_text
from rulebook.render.docx import book_docx
from rulebook.strategies import rulebooks

BOOKS = rulebooks(provisions=False, pinned=False, max_depth=4, max_clauses=14)


def _outline(version: Version, *, fold_headings: bool) -> list[tuple[int, str, str | None, str | None]]:
    out: list[tuple[int, str, str | None, str | None]] = []

    def visit(siblings: tuple[Clause, ...], depth: int) -> None:
        if not siblings:
            return
        for clause, number in zip(siblings, numbers(siblings, version.numbering[depth]), strict=True):
            heading = clause.heading.casefold() if fold_headings and clause.heading else clause.heading
            text = render_refs(version, clause.text) if clause.text else None
            out.append((depth, number, heading, text))
            visit(clause.children, depth + 1)

    visit(version.clauses, 0)
    return out


def _reimport(rendered: str | bytes, suffix: str) -> Version:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, f"book{suffix}")
        if isinstance(rendered, bytes):
            path.write_bytes(rendered)
        else:
            path.write_text(rendered, encoding="utf-8")
        return import_book(path).version


def _plain_text_can_tell(book: Version) -> bool:
    """Plain text shows a heading as words in capitals after the number, so a
    heading needs letters, and a text must not be capitals only nor begin with
    a citation, which reads as a clause's number (docs/import.md)."""
    for _, clause in walk(book.clauses):
        if clause.heading is not None and not any(c.isalpha() for c in clause.heading):
            return False
        shown = render_refs(book, clause.text) if clause.text else ""
        if shown.isupper() or starts_with_citation(shown):
            return False
    return True


@given(BOOKS)
def test_text_shown_imports_to_the_same_clauses(book: Version) -> None:
    assume(_plain_text_can_tell(book))
    again = _reimport(to_text(book), ".txt")
    # show --format text prints headings in capitals, so headings compare without case
    assert _outline(again, fold_headings=True) == _outline(book, fold_headings=True)


@given(BOOKS)
def test_markdown_shown_imports_to_the_same_clauses_and_ids(book: Version) -> None:
    again = _reimport(to_markdown(book), ".md")
    assert _outline(again, fold_headings=False) == _outline(book, fold_headings=False)
    # a headed clause is a heading with its id as an anchor ({#id}), which the import keeps
    headed = [c.id for _, c in walk(book.clauses) if c.heading]
    assert [c.id for _, c in walk(again.clauses) if c.heading] == headed


@given(BOOKS)
def test_word_export_imports_to_the_same_clauses(book: Version) -> None:
    assume(_plain_text_can_tell(book))
    again = _reimport(book_docx(book), ".docx")
    assert _outline(again, fold_headings=False) == _outline(book, fold_headings=False)


_PIECES = st.sampled_from(
    ["1.", "(a)", "(i)", "iv)", "Rule 3", "Chapter II", "2.1", "2.1.1", "A.", "I.", "v.", "7. (d)", "2A.", "0.",
     "Section 3:", "Schedule A", "Contents", "- item", "| a | b |", "[^1]: note", "see Rule 1.a", "THE HEADING",
     "Name", "the members shall", "hyph-", "## 1. Head", "**Rule 1**", "[[x]]", "{#id}", "\f", "  "]
)  # fmt: skip
_DOCUMENTS = st.lists(st.lists(_PIECES, max_size=4).map(" ".join), min_size=1, max_size=30).map("\n".join)


@given(_DOCUMENTS, st.sampled_from([".txt", ".md", ".html"]))
def test_any_text_imports_to_a_book_that_loads_or_is_refused_in_one_line(text: str, suffix: str) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp, f"rules{suffix}")
        path.write_text(text, encoding="utf-8")
        try:
            got = import_book(path)
        except RulebookError as exc:
            assert "\n" not in str(exc)
            return
    assert loads(dumps(got.version), "again.yaml") == got.version
