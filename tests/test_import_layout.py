"""``rulebook import``: layout that real rule books use around their numbers (docs/import.md).

Each case is the shape of something a held-out real book does
(tests/data/real-books/SOURCES.md), written small.
"""

from __future__ import annotations

from pathlib import Path

from rulebook.importing import import_book
from rulebook.importing.readers import read_markdown
from rulebook.numbering import resolve


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_markdown_rules_are_no_words_and_underlined_lines_are_headings(tmp_path):
    text = (
        "Club Rules\n==========\n\nAdopted 2019.\n\n---\n\n## 1 Name\n\n1.1 The Club.\n\n"
        "___________\n\n* * *\n\n2 Officers\n----------\n\n2.1 A chair.\n"
    )
    got = import_book(_write(tmp_path, "club.md", text))
    v = got.version
    assert v.title == "Club Rules"
    assert v.clauses[0].text == "Adopted 2019."  # the preamble, without the rule
    assert resolve(v, "1.1").text == "The Club."
    assert resolve(v, "2").heading == "Officers"
    assert resolve(v, "2.1").text == "A chair."
    assert [x.kind for x in read_markdown("Name\n---\n")] == ["heading"]
    assert [x.kind for x in read_markdown("Name\n\n---\n")] == ["text", "blank", "blank"]


def test_a_dash_between_a_number_and_its_heading_is_not_the_heading(tmp_path):
    text = "## 1. \u2014 THE CLUB\n\nThe club.\n\n## 2. \u2013 OF MEETINGS\n\nMonthly.\n\n## 3. \u2014OF FEES\n\nTen.\n"
    v = import_book(_write(tmp_path, "club.md", text)).version
    assert [c.heading for c in v.clauses] == ["THE CLUB", "OF MEETINGS", "OF FEES"]
    plain = import_book(_write(tmp_path, "club.txt", "Rule 1 - Name\nThe club.\n\nRule 2 - Fees\nTen.\n")).version
    assert [c.heading for c in plain.clauses] == ["Name", "Fees"]


def test_an_unnumbered_heading_over_a_list_stays_before_it(tmp_path):
    text = "# Branch Rules\n\nVersion 5.\n\n## Committee\n\n* Chair: A\n* Treasurer: B\n\n## 1. Name\n\nThe branch.\n"
    got = import_book(_write(tmp_path, "branch.md", text))
    assert got.version.clauses[0].text == "Version 5.\n\nCommittee\n\n- Chair: A\n- Treasurer: B"


def test_dotted_numbers_are_spelled_as_printed_and_a_made_parent_is_reported_once(tmp_path):
    text = (
        "# ARTICLE I. Name\n\nThe local.\n\n# ARTICLE II. Members\n\n## Section 2.1. Who\n\nAnyone.\n\n"
        "## Section 2.2. Dues\n\nNone.\n"
    )
    got = import_book(_write(tmp_path, "bylaws.md", text))
    assert resolve(got.version, "Article II, Section 2.2").heading == "Dues"
    assert [d.message for d in got.doubts] == [
        "number '2' of Section 2.1 has no line of its own; made it a clause without words"
    ]
    got = import_book(_write(tmp_path, "club.txt", "1. Name\n\n1.1 The club.\n\n1.1 The fees.\n"))
    assert [d.message for d in got.doubts] == ["1.1: number repeats the one before; kept both (the second as '1bis')"]


def test_a_list_that_starts_again_after_a_paragraph_is_reported(tmp_path):
    text = (
        "1. Treasurer\n\nThe treasurer shall:\n\n(i) keep accounts.\n(ii) report.\n\n"
        "The treasurer may also:\n\n(i) borrow.\n(ii) lend.\n\n2. Secretary\n\nMinutes.\n"
    )
    got = import_book(_write(tmp_path, "soc.md", text))
    assert [d.message for d in got.doubts] == [
        "(i) starts its list again, not indented under (ii); made it a list under (ii)"
    ]
    assert got.doubts[0].line == 10
    # a list indented under an item is a list under it, as printed: nothing to report
    nested = "1. Treasurer\n\n(i) keep accounts.\n(ii) report:\n    (i) yearly.\n    (ii) monthly.\n"
    assert import_book(_write(tmp_path, "nested.txt", nested)).doubts == ()


def test_a_number_in_another_style_than_its_level_says_so(tmp_path):
    text = (
        "1. Objects\n\n(a) first.\n(b) second.\n\n2. Officers\n\n(i) chair.\n(ii) secretary.\n\n"
        "3. Meetings\n\n(i) monthly.\n(ii) yearly.\n"
    )
    got = import_book(_write(tmp_path, "soc.txt", text))
    assert resolve(got.version, "1.b").text == "second."
    assert got.doubts[0].message == (
        "a is numbered a where i comes next (a lower-alpha number at a lower-roman level); kept the printed number"
    )
