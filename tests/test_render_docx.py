"""Word documents: the consolidated book, and Keeling schedules as real tracked changes (docs/keeling.md)."""

from __future__ import annotations

import io
from collections import Counter
from pathlib import Path

import docx
from click.testing import CliRunner
from docx.oxml.ns import qn

from rulebook.amend.motion import Amendment, Motion
from rulebook.blame import history_diff
from rulebook.cli import main
from rulebook.diff import diff_motions
from rulebook.history import load_history
from rulebook.model import Clause, Level, Version
from rulebook.render.docx import book_docx, keeling_docx
from rulebook.render.keeling import schedule

LABOUR = Path(__file__).resolve().parent.parent / "rules" / "labour"
CLUB = Version(
    "club",
    "1",
    [Level("arabic", "Rule {n}"), Level("lower-alpha")],
    [
        Clause(
            "fee", heading="Fees", text="The fee is 15 pounds.", children=[Clause("fee.late", text="Late: double.")]
        ),
        Clause("old", heading="Old rule", text="Gone soon."),
    ],
)


def _tracked(data: bytes) -> list[tuple[str, str, str]]:
    body = docx.Document(io.BytesIO(data)).element.body
    out = []
    for el in body.iter(qn("w:ins"), qn("w:del")):
        text = "".join(t.text or "" for t in el.iter(qn("w:t"), qn("w:delText")))
        out.append((el.tag.rsplit("}", 1)[1], el.get(qn("w:author")), text))
    return out


def test_tracked_changes_are_the_keeling_schedule_of_the_same_motions_by_motion():
    cut = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
    tidy = Motion(
        "tidy",
        [
            Amendment("delete_clause", clause="Rule 2"),
            Amendment("insert_clause", after="Rule 1", new_clause=Clause("dues", heading="Dues", text="Paid in May.")),
        ],
    )
    data = keeling_docx(diff_motions(CLUB, [cut, tidy]))
    assert _tracked(data) == [
        ("del", "cut", "15"),
        ("ins", "cut", "10"),
        ("del", "tidy", "Rule 2"),
        ("del", "tidy", "Old rule"),
        ("del", "tidy", "Gone soon."),
        ("ins", "tidy", "Rule 2"),
        ("ins", "tidy", "Dues"),
        ("ins", "tidy", "Paid in May."),
    ]
    ids = [el.get(qn("w:id")) for el in docx.Document(io.BytesIO(data)).element.body.iter(qn("w:ins"), qn("w:del"))]
    assert len(set(ids)) == len(ids)  # Word needs each change's id to be unique


def test_a_real_history_diff_tracks_every_changed_word_by_its_motion():
    history = load_history(LABOUR)
    d = history_diff(history, "2016", "2017")
    expected: Counter[tuple[str, str]] = Counter()
    for shown in schedule(d):
        cd = shown.row.diff
        if cd is None:
            continue
        added_or_gone = cd.status in ("added", "deleted")
        if added_or_gone:
            expected["ins" if cd.status == "added" else "del", cd.by[-1].id] += 1  # the citation
        for ops in (cd.heading, None if shown.context else cd.text):
            for op in ops or ():
                if op.op != "equal" and op.old:
                    expected["del", op.by.id if op.by else "rulebook"] += 1
                if op.op != "equal" and op.new:
                    expected["ins", op.by.id if op.by else "rulebook"] += 1
    got = Counter((kind, author) for kind, author, _ in _tracked(keeling_docx(d)))
    assert got == expected
    assert {author for _, author in got} >= {"2017-nec-composition"}


def test_the_book_as_word_has_headings_by_depth_and_citations_in_bold():
    document = docx.Document(io.BytesIO(book_docx(CLUB)))
    styled = [(p.style.name, p.text) for p in document.paragraphs]
    assert styled[0] == ("Title", "club, version 1")
    assert ("Heading 1", "Rule 1  Fees") in styled
    late = next(p for p in document.paragraphs if p.text.startswith("Rule 1.a"))
    assert late.runs[0].bold and late.text == "Rule 1.a  Late: double."


def test_cli_writes_word_documents_and_asks_for_a_file(tmp_path):
    runner = CliRunner()
    done = runner.invoke(main, ["render", str(LABOUR), "--format", "docx", "-o", str(tmp_path / "book")])
    assert done.exit_code == 0 and (tmp_path / "book.docx").exists()
    keel = runner.invoke(
        main, ["diff", f"{LABOUR}@2016", f"{LABOUR}@2017", "--format", "docx", "-o", str(tmp_path / "k.docx")]
    )
    assert keel.exit_code == 0 and _tracked((tmp_path / "k.docx").read_bytes())
    missing = runner.invoke(main, ["diff", f"{LABOUR}@2016", f"{LABOUR}@2017", "--format", "docx"])
    assert missing.exit_code == 2 and "-o FILE.docx" in missing.stderr
