"""``rulebook import-motions``: an agenda of many rule changes, one motion file each (docs/agendas.md)."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulebook.cli import main
from rulebook.io import motions as motion_io
from rulebook.io.agenda import agenda_items, read_agenda

ROOT = Path(__file__).resolve().parent.parent
UNISON = ROOT / "tests" / "data" / "real-agendas" / "unison-rule-amendments.md"
_WROTE = re.compile(r"^wrote (?P<path>\S+): motion (?P<id>\S+) \((?P<where>[^)]+)\)$")
_SKIPPED = re.compile(r"^(?P<where>\S+:\d+): item (?P<number>\S+) not imported: (?P<why>.+)$")


def _import(agenda: Path, out: Path, *args: str):
    return CliRunner().invoke(main, ["import-motions", str(agenda), "-o", str(out), *args])


def _outcome(output: str) -> tuple[dict[str, str], dict[str, str]]:
    wrote, skipped = {}, {}
    for line in output.splitlines():
        if m := _WROTE.match(line):
            wrote[m["id"]] = m["path"]
        elif m := _SKIPPED.match(line):
            skipped[m["number"]] = m["where"]
    return wrote, skipped


def test_every_item_of_a_real_agenda_is_imported_or_listed_with_its_line(tmp_path):
    result = _import(UNISON, tmp_path / "out")
    wrote, skipped = _outcome(result.output)
    assert len(wrote) + len(skipped) == 28
    assert result.exit_code == (1 if skipped else 0)
    assert result.output.splitlines()[-1] == f"{len(wrote)} of 28 items imported from {UNISON}"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted(f"{i}.yaml" for i in wrote)
    lines = UNISON.read_text(encoding="utf-8").splitlines()
    for number, where in skipped.items():
        file, line = where.rsplit(":", 1)
        assert file == str(UNISON) and lines[int(line) - 1].strip(), (number, where)


def test_each_motion_file_written_loads_with_its_wording_and_title(tmp_path):
    result = _import(UNISON, tmp_path / "out")
    wrote, _ = _outcome(result.output)
    assert wrote, result.output
    for path in wrote.values():
        text = Path(path).read_text(encoding="utf-8")
        (motion,) = motion_io.loads(text, path)
        assert motion.title and motion.amendments
        assert all(a.wording for a in motion.amendments)
        assert "wording:" in text and "op:" not in text


def test_item_4_becomes_a_motion_with_the_wording_as_printed(tmp_path):
    _import(UNISON, tmp_path / "out")
    assert (tmp_path / "out" / "item-4.yaml").read_text(encoding="utf-8") == (
        "motion: item-4\n"
        "title: Rule D.3 Service Groups\n"
        f"source: agenda item 4 ({UNISON}:17)\n"
        "amendments:\n"
        "- wording: Rule D.3.1.1, delete “Water” and insert “Water and Environment”\n"
    )


def _plain(path: Path) -> list[str]:
    return [line.lstrip("#").strip() for line in path.read_text(encoding="utf-8").splitlines()]


def test_the_same_agenda_as_plain_text_and_as_docx_reads_the_same(tmp_path):
    docx = pytest.importorskip("docx")
    text = tmp_path / "agenda.txt"
    text.write_text("\n".join(_plain(UNISON)) + "\n", encoding="utf-8")
    document = docx.Document()
    for line in _plain(UNISON):
        document.add_paragraph(line)
    document.save(str(tmp_path / "agenda.docx"))
    markdown = [(i.number, i.problem is None) for i in read_agenda(UNISON)]
    assert [(i.number, i.problem is None) for i in read_agenda(text)] == markdown
    assert [(i.number, i.problem is None) for i in read_agenda(tmp_path / "agenda.docx")] == markdown


CLEAN = """\
Rule changes to the Model Club Rules

1. Annual fee
Proposed by: Northern Branch
Rule 2.2: delete '15 pounds' and insert '20 pounds'

2. Lapsed members
Proposer: Southern Branch
Clause: Rule 2.3
delete 'March' and insert 'April'

Supporting argument: members are paid in April.
"""


def test_a_clean_agenda_exits_0_and_explain_reads_what_it_wrote(tmp_path):
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(CLEAN, encoding="utf-8")
    result = _import(agenda, tmp_path / "out", "--base", "1")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["1-northern-branch.yaml", "2-southern-branch.yaml"]
    second = (tmp_path / "out" / "2-southern-branch.yaml").read_text(encoding="utf-8")
    assert (
        "proposer: Southern Branch" in second and "wording: 'Rule 2.3: delete ''March'' and insert ''April'''" in second
    )
    explained = CliRunner().invoke(
        main,
        ["explain", str(tmp_path / "out" / "2-southern-branch.yaml"), "--book", str(ROOT / "tests/data/club.yaml")],
    )
    assert explained.exit_code == 0, explained.output
    assert "April" in explained.output


def test_numbered_instructions_inside_a_markdown_item_stay_with_it():
    lines = [
        "## 7. Constitutional tidy-up",
        "Submitted by: Federal Board",
        "",
        "1. In Article 3.6, insert ‘, Mayor candidate’ before ‘member of a local authority’;",
        "2. Delete Article 21.7(c).",
    ]
    (item,) = agenda_items(lines, "agenda.md")
    assert (item.number, item.proposer, item.line) == ("7", "Federal Board", 4)
    assert item.wording.splitlines()[1] == "2. Delete Article 21.7(c)."


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("agenda.pdf", "1. x\ndelete 'a'\n", "an agenda is a text, Markdown or .docx file"),
        ("agenda.txt", "Nothing numbered here.\n", "no numbered item found"),
        ("agenda.docx", "not a zip", "not a readable .docx file"),
    ],
)
def test_bad_input_exits_2_with_one_line_and_writes_nothing(tmp_path, name, content, message):
    agenda = tmp_path / name
    agenda.write_text(content, encoding="utf-8")
    if name.endswith(".docx"):
        pytest.importorskip("docx")
    result = _import(agenda, tmp_path / "out")
    assert result.exit_code == 2
    assert message in result.output and len(result.output.strip().splitlines()) == 1
    assert not (tmp_path / "out").exists()


def test_a_missing_agenda_or_an_occupied_output_exits_2(tmp_path):
    assert _import(tmp_path / "none.txt", tmp_path / "out").exit_code == 2
    agenda = tmp_path / "agenda.txt"
    agenda.write_text(CLEAN, encoding="utf-8")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "1-northern-branch.yaml").write_text("keep me", encoding="utf-8")
    result = _import(agenda, tmp_path / "out")
    assert result.exit_code == 2 and "already exists" in result.output
    assert (tmp_path / "out" / "1-northern-branch.yaml").read_text(encoding="utf-8") == "keep me"
    assert not (tmp_path / "out" / "2-southern-branch.yaml").exists()


CLPD_2017 = """\
1. Ensuring a democratic choice in Labour Leadership elections – when there is a vacancy

The Labour Party Rule Book 2017 Chapter 4 Elections of national officers of the Party and national committees, \
Clause II Procedural rules for elections for national officers of the Party, Section 2 Election of leader and deputy \
leader, Subsection B Nominations, (i) (Page 14) reads as follows:

'In the case of a vacancy for leader or deputy leader, each nomination must be supported by 15 per cent of the \
combined Commons members of the PLP and members of the EPLP. Nominations not attaining this threshold shall be null \
and void.'

Amendment

Delete: ‘by 15 per cent of the combined Commons members of the PLP and members of the EPLP'

Replace with: 'by nominations from: a) 15 per cent of the combined Commons members of the PLP and members of the \
EPLP; or b) 15 per cent of the affiliated national trade unions; or c) 15 per cent of Constituency Labour Parties'

Supporting argument

Prior to 1988 the threshold required for a valid nomination to stand for Leader or Deputy Leader was 5 per cent.
"""


def test_the_clause_as_it_reads_before_amendment_is_not_taken_for_instructions():
    """A suggested rule change as CLPD prints it (tests/data/real-wording/labour-clpd-2017-vacancy.yaml)."""
    (item,) = agenda_items(CLPD_2017.splitlines(), "clpd.txt")
    assert item.line == 9
    assert item.wording.startswith("Delete: ‘by 15 per cent") and item.wording.endswith("Constituency Labour Parties'")
    assert "Prior to 1988" not in item.wording and "reads as follows" not in item.wording
