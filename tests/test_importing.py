"""``rulebook import``: numbering detected from the text, each format read, doubts reported."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from rulebook.cli import main
from rulebook.history import load_history
from rulebook.importing import import_book
from rulebook.model import walk
from rulebook.numbering import all_citations, resolve
from tests.documents import pdf_document, word_document

PARTY = """THE PARTY RULE BOOK

Contents
Chapter 1 Constitutional rules ........ 3
Chapter 2 Membership ........ 7

Chapter 1
Constitutional rules

Clause I. Name and objects
1. This organisation shall be known as the Party.
2. Its purpose is to organise and maintain in Parliament and in the
country a political party.

Clause II. Structure
1. The Party shall consist of:
A. affiliated organisations;
B. members, organised as set out in Chapter 2, Clause I.1.
i. trade unions
ii. socialist societies
iii. co-operative societies
iv. other bodies
v. sections
vi. branches
vii. forums
viii. networks
ix. youth groups

Chapter 2
Membership

Clause I. Conditions
1. Members must be 14 or over; see Chapter 1, Clause II.1.
2. Members pay a subscription.
"""


def run(*args: str | Path) -> Result:
    return CliRunner().invoke(main, [str(a) for a in args], catch_exceptions=False)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_labelled_levels_and_bare_markers_become_the_numbering_scheme(tmp_path):
    got = import_book(_write(tmp_path, "party.txt", PARTY))
    levels = [(lv.style, lv.label) for lv in got.version.numbering]
    assert levels == [
        ("arabic", "Chapter {n}"),
        ("upper-roman", "Clause {n}"),
        ("arabic", None),
        ("upper-alpha", None),
        ("lower-roman", None),
    ]
    v = got.version
    assert resolve(v, "Chapter 1, Clause II.1.B.ix").text == "youth groups"
    assert resolve(v, "Chapter 1").heading == "Constitutional rules"
    assert resolve(v, "Chapter 1, Clause I").heading == "Name and objects"
    # a sentence running over a line break is one text
    assert resolve(v, "Chapter 1, Clause I.2").text.endswith("in the country a political party.")


def test_every_clause_cites_as_printed_and_the_contents_list_is_dropped(tmp_path):
    got = import_book(_write(tmp_path, "party.txt", PARTY))
    cites = set(all_citations(got.version).values())
    assert {"Chapter 2, Clause I.2", "Chapter 1, Clause II.1.A", "Chapter 1, Clause II.1.B.iv"} <= cites
    assert len(got.version) == 21
    assert [d.message for d in got.doubts] == ["dropped a contents list (4 lines)"]


def test_full_textual_citations_become_references(tmp_path):
    v = import_book(_write(tmp_path, "party.txt", PARTY)).version
    text = resolve(v, "Chapter 2, Clause I.1").text
    target = resolve(v, "Chapter 1, Clause II.1").id
    assert text == f"Members must be 14 or over; see [[{target}]]."


def test_roman_i_after_h_is_a_letter_and_under_a_new_clause_is_roman(tmp_path):
    text = (
        "1. Officers\n" + "".join(f"({c}) officer {c}\n" for c in "abcdefghij") + "2. Votes\n(i) first\n(ii) second\n"
    )
    got = import_book(_write(tmp_path, "club.txt", text))
    v = got.version
    assert [c.id for c in v.clauses[0].children][-3:] == ["1.h", "1.i", "1.j"]
    assert [c.number for c in v.clauses[0].children] == [None] * 10
    # one style per depth: the roman ones keep their printed numbers, and the report says so
    assert [(c.number, c.text) for c in v.clauses[1].children] == [("i", "first"), ("ii", "second")]
    assert resolve(v, "2.ii").text == "second"
    assert [d.line for d in got.doubts] == [13, 14]


def test_skipped_and_repeated_numbers_keep_their_printed_numbers_and_are_reported(tmp_path):
    text = "Rule 1 Name\nThe club.\n\nRule 2 Fees\nTen pounds.\n\nRule 2 Fees again\nFive pounds.\n\nRule 4 End\nBye.\n"
    got = import_book(_write(tmp_path, "club.txt", text))
    assert [(c.number, c.heading) for c in got.version.clauses] == [
        (None, "Name"),
        (None, "Fees"),
        ("2bis", "Fees again"),
        ("4", "End"),
    ]
    assert resolve(got.version, "Rule 4").heading == "End"
    messages = [str(d) for d in got.doubts]
    assert any(
        m.endswith("club.txt:7: Rule 2: number repeats the one before; kept both (the second as '2bis')")
        for m in messages
    )
    assert any(":10: Rule 4 is numbered 4 where 3 comes next" in m for m in messages)


def test_a_labelled_word_inside_a_sentence_is_not_a_clause(tmp_path):
    text = (
        "Rule 1 Fees\nMembers pay the fee set in accordance with\nRule 3 of the standing orders.\n\n"
        "Rule 2 Votes\nOne each.\n"
    )
    v = import_book(_write(tmp_path, "club.txt", text)).version
    assert [c.heading for c in v.clauses] == ["Fees", "Votes"]
    assert v.clauses[0].text.endswith("with Rule 3 of the standing orders.")


def test_introductory_text_is_kept_as_a_preamble_and_reported(tmp_path):
    text = (
        "Rules of the Society\n\nThese rules were adopted in 1990.\n\n1. Name\nThe Society.\n\n2. Objects\nHistory.\n"
    )
    got = import_book(_write(tmp_path, "soc.txt", text))
    assert got.version.clauses[0].id == "preamble"
    assert got.version.clauses[0].text == "These rules were adopted in 1990."
    assert "kept as clause 'preamble'" in got.doubts[0].message


def test_stated_numbering_reads_labels_the_detector_does_not_know(tmp_path):
    text = "Canon 1 Name\nThe guild.\n\nCanon 2 Officers\n(a) a master\n(b) a warden\n"
    got = import_book(_write(tmp_path, "guild.txt", text), numbering="Canon {n} arabic, lower-alpha")
    assert resolve(got.version, "Canon 2.b").text == "a warden"
    assert got.doubts == ()


def test_markdown_headings_bullets_tables_and_footnotes(tmp_path):
    text = """# Allotment Society Constitution

## 1. Name

The society is called the Allotment Society.[^1]

## 2. Committee

2.1 The committee has:

- a chair
- a treasurer

| office | term |
| --- | --- |
| chair | 2 years |

2.2 The committee meets monthly.

[^1]: Registered in 1952.
"""
    got = import_book(_write(tmp_path, "allot.md", text))
    v = got.version
    assert v.title == "Allotment Society Constitution"
    assert resolve(v, "1").text == "The society is called the Allotment Society. (note 1: Registered in 1952.)"
    assert resolve(v, "2.1").text == "The committee has:\n\n- a chair\n- a treasurer\n\noffice | term\nchair | 2 years"
    assert resolve(v, "2.2").text == "The committee meets monthly."


def test_html_ordered_lists_are_numbered_as_a_browser_shows_them(tmp_path):
    text = """<html><head><title>x</title><style>p {}</style></head><body>
<nav>Home | About</nav><h1>Tenants' Association Rules</h1>
<h2>Article 1 &ndash; Name</h2><p>The association.</p>
<h2>Article 2 &ndash; Members</h2>
<ol type="a"><li>Tenants of the estate.</li><li>Their partners.</li></ol>
</body></html>"""
    v = import_book(_write(tmp_path, "tenants.html", text)).version
    assert v.title == "Tenants' Association Rules"
    assert [lv.label for lv in v.numbering] == ["Article {n}", None]
    assert resolve(v, "Article 2.b").text == "Their partners."
    assert resolve(v, "Article 1").heading == "Name"


def test_word_list_numbering_gives_the_numbers(tmp_path):
    path = word_document(
        tmp_path / "chess.docx",
        [
            ("title", "Chess Club Rules"),
            ("item", (0, "Name")),
            ("text", "The club is the Chess Club."),
            ("item", (0, "Members")),
            ("item", (1, "Anyone may join.")),
            ("item", (1, "Members pay fees:")),
            ("item", (2, "adults ten pounds;")),
            ("item", (2, "juniors five pounds.")),
        ],
    )
    got = import_book(path)
    v = got.version
    assert v.title == "Chess Club Rules"
    assert [lv.style for lv in v.numbering] == ["arabic", "lower-alpha", "lower-roman"]
    assert resolve(v, "2.b.ii").text == "juniors five pounds."
    assert resolve(v, "1").heading == "Name"
    assert got.doubts == ()


def test_pdf_pages_lose_their_running_heads_and_numbers_and_keep_positions(tmp_path):
    pytest.importorskip("pdfminer")
    path = pdf_document(
        tmp_path / "club.pdf",
        [
            ["Club Rules 2024", "1. Name", "The club is the Chess", "Club.", "1"],
            ["Club Rules 2024", "2. Fees", "(a) Members pay ten pounds a year; mem-", "bers under 18 pay five.", "2"],
            ["Club Rules 2024", "4. Meetings", "The AGM is held in May.", "3"],
        ],
    )
    got = import_book(path)
    v = got.version
    assert resolve(v, "1").text == "The club is the Chess Club."
    assert resolve(v, "2.a").text == "Members pay ten pounds a year; members under 18 pay five."
    assert [str(d).split(":", 1)[1] for d in got.doubts] == [
        "page 1, line 1: dropped 'Club Rules 2024' as a page header or footer (it is on 3 pages)",
        "page 3, line 2: 4 is numbered 4 where 3 comes next; kept the printed number",
    ]


def test_cli_writes_a_book_that_loads_and_exits_1_with_the_report(tmp_path):
    source = _write(tmp_path, "party.txt", PARTY)
    result = run("import", source, "-o", tmp_path / "book")
    assert result.exit_code == 1
    assert result.stdout.strip().endswith("dropped a contents list (4 lines)")
    assert "21 clauses in 5 levels; 1 doubtful spot to check" in result.stderr
    book = load_history(tmp_path / "book").latest
    assert len(book) == 21
    assert (tmp_path / "book" / "import-report.txt").read_text().count("\n") == 1
    shown = run("show", tmp_path / "book", "Chapter 1, Clause II.1.B.ii")
    assert shown.stdout.strip() == "Chapter 1, Clause II.1.B.ii  socialist societies"


def test_cli_exits_0_on_a_clean_import(tmp_path):
    source = _write(tmp_path, "club.txt", "Rule 1 Name\nThe club.\n\nRule 2 Fees\nTen pounds.\n")
    result = run("import", source, "-o", tmp_path / "book")
    assert result.exit_code == 0, result.output
    assert result.stdout == ""
    assert [c.id for _, c in walk(load_history(tmp_path / "book").latest.clauses)] == ["rule1-name", "rule2-fees"]


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (None, "no such file"),
        ("Just some words.\nNo numbers at all.\n", "found no numbered clauses"),
    ],
)
def test_cli_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, content, expected):
    source = tmp_path / "rules.txt"
    if content is not None:
        source.write_text(content)
    result = run("import", source, "-o", tmp_path / "book")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert len(result.stderr.splitlines()) == 1 and expected in result.stderr
    assert not (tmp_path / "book").exists()


def test_cli_refuses_to_replace_a_book_with_a_history(tmp_path):
    (tmp_path / "book").mkdir()
    (tmp_path / "book" / "history.yaml").write_text("versions: []\n")
    result = run("import", _write(tmp_path, "club.txt", "Rule 1 Name\nThe club.\n"), "-o", tmp_path / "book")
    assert result.exit_code == 2 and "history.yaml" in result.stderr


def test_the_first_import_in_the_docs_prints_what_they_show(tmp_path, monkeypatch):
    doc = (Path(__file__).resolve().parent.parent / "docs" / "import.md").read_text(encoding="utf-8")
    source = re.search(r"^```text\n(.*?)^```", doc, re.MULTILINE | re.DOTALL)
    console = re.search(r"^```console\n(.*?)^```", doc, re.MULTILINE | re.DOTALL)
    assert source is not None and console is not None
    (tmp_path / "chess.txt").write_text(source.group(1), encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    shown = console.group(1)
    runs = re.split(r"^\$ ", shown, flags=re.MULTILINE)[1:]
    last = 0
    for chunk in runs:
        command, _, expected = chunk.partition("\n")
        if command == "echo $?":
            assert expected.strip() == str(last)
            continue
        result = run(*shlex.split(command)[1:])
        last = result.exit_code
        assert result.output == expected, command


def test_cli_names_a_device_as_not_a_regular_file(tmp_path):
    result = run("import", "/dev/null", "-o", tmp_path / "book")
    assert result.exit_code == 2
    assert len(result.stderr.splitlines()) == 1 and "not a regular file" in result.stderr
    assert not (tmp_path / "book").exists()
