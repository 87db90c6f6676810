"""Keeling schedules (rulebook.render.keeling): text, markdown, html and json."""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser

import attrs

from rulebook.amend.motion import Amendment, Motion
from rulebook.blame import history_diff
from rulebook.diff import diff, diff_motions
from rulebook.history import load_history
from rulebook.model import Clause, Level, Version
from rulebook.render import keeling
from tests.conftest import LABOUR

LEVELS = (Level("arabic", "Rule {n}"), Level("arabic"))
BASE = Version(
    "club",
    "1",
    LEVELS,
    [
        Clause("name", heading="Name", text="The club is the Model Club."),
        Clause(
            "fees",
            heading="Fees",
            children=[
                Clause("fees.rate", text="The fee is 15 pounds a year; see [[fees.due]].", provisions={"fee": 15}),
                Clause("fees.due", text="Fees are due in May."),
            ],
        ),
        Clause("end", heading="Dissolution", text="A two-thirds vote dissolves the club."),
    ],
    title="The Model Club Rules",
)
CUT = Motion(
    "cut",
    [
        Amendment("replace_words", clause="Rule 2.1", old="15", new="10"),
        Amendment("delete_words", clause="Rule 2.1", words=" a year"),
        Amendment("set_provision", clause="Rule 2.1", name="fee", value=10),
    ],
    title="Cut the fee",
)
INTRO = Motion(
    "intro",
    [Amendment("insert_clause", before="name", new_clause=Clause("intro", heading="Purpose", text="We play chess."))],
)
MOVE = Motion("move", [Amendment("move_clause", clause="end", before="name")])
ANSI = re.compile(r"\x1b\[[0-9;]*m")


def test_plain_text_marks_deletions_and_insertions_without_colour():
    out = keeling.to_text(diff_motions(BASE, [CUT]))
    assert "The fee is [-15-]{+10+} pounds[- a year-]; see Rule 2.2." in out
    assert "provision fee: [-15-]{+10+}  (set by motion cut (Cut the fee))" in out
    assert not ANSI.search(out)
    assert out.splitlines()[1] == "Motions: motion cut (Cut the fee)"


def test_colour_text_strikes_deletions_and_underlines_insertions():
    out = keeling.to_text(diff_motions(BASE, [CUT]), color=True)
    assert "\x1b[9m" in out and "\x1b[4m" in out  # strikethrough, underline
    assert "[-" not in out and "{+" not in out
    assert "The fee is 1510 pounds a year; see Rule 2.2." in ANSI.sub("", out)


def test_only_changed_clauses_are_shown_under_their_parts_unless_full():
    d = diff_motions(BASE, [CUT])
    lines = keeling.to_text(d).splitlines()[3:]
    assert [line.strip().split("  ")[0] for line in lines if line.strip().startswith("Rule")] == ["Rule 2", "Rule 2.1"]
    full = keeling.to_text(d, full=True)
    assert "Rule 1  NAME" in full and "Rule 3  DISSOLUTION" in full


def test_inserted_clauses_are_marked_and_the_clauses_after_them_renumbered():
    out = keeling.to_text(diff_motions(BASE, [INTRO]))
    assert "{+Rule 1+}  {+PURPOSE+}  (inserted)  [intro]" in out
    assert "Rule 2  NAME  (formerly Rule 1)" in out
    assert "Rule 4  DISSOLUTION  (formerly Rule 3)" in out
    # children of a renumbered part are not listed one by one
    assert "Rule 3.1" not in out


def test_a_moved_clause_is_shown_as_a_move_with_a_stub_where_it_stood():
    out = keeling.to_text(diff_motions(BASE, [MOVE]))
    assert "Rule 1  DISSOLUTION  (moved from Rule 3)  [move]" in out
    assert "[-Rule 3-]  [-DISSOLUTION-]  (moved to Rule 1)" in out
    assert "dissolves" in out and "[-A two-thirds" not in out  # its words are not struck


def test_no_changes_says_so():
    assert keeling.to_text(diff(BASE, BASE)).endswith("No changes.")
    assert "No changes." in keeling.to_markdown(diff(BASE, BASE))
    assert "No changes." in keeling.to_html(diff(BASE, BASE))


def test_markdown_strikes_deletions_and_marks_insertions():
    out = keeling.to_markdown(diff_motions(BASE, [CUT, INTRO]))
    assert "The fee is ~~15~~<ins>10</ins> pounds~~ a year~~; see Rule 3.2." in out
    assert "## <ins>Rule 1</ins> <ins>Purpose</ins> *(inserted)* *(intro)*" in out
    assert "- provision `fee`: ~~15~~<ins>10</ins> *(set by motion cut (Cut the fee))*" in out


def test_markdown_escapes_the_rule_books_own_markup():
    version = Version("b", "1", LEVELS, [Clause("a", text="Use *stars* and [brackets]")])
    new = attrs.evolve(version, label="2", clauses=(Clause("a", text="Use *stars* and [brackets] <now>"),))
    out = keeling.to_markdown(diff(version, new))
    assert r"Use \*stars\* and \[brackets\]<ins> \<now></ins>" in out


class _Tags(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    def handle_starttag(self, tag, attrs):
        self.tags.append((tag, dict(attrs)))


def test_html_uses_del_and_ins_with_the_motion_named_and_no_external_resources():
    page = keeling.to_html(diff_motions(BASE, [CUT]))
    assert '<del class="kd-del" title="motion cut (Cut the fee)" data-by="cut" data-by-kind="motion">15</del>' in page
    assert '<ins class="kd-ins" title="motion cut (Cut the fee)" data-by="cut" data-by-kind="motion">10</ins>' in page
    assert "text-decoration-line: line-through" in page and "text-decoration-line: underline" in page
    assert "@media print" in page
    parser = _Tags()
    parser.feed(page)
    for tag, attributes in parser.tags:
        for name in ("src", "href"):
            assert not (attributes.get(name) or "").startswith(("http:", "https:", "//")), (tag, attributes)
        assert tag not in ("script", "link", "img", "iframe")
    assert "url(" not in page and "@import" not in page


def test_html_escapes_clause_text():
    version = Version("b", "1", LEVELS, [Clause("a", text="x")])
    new = attrs.evolve(version, label="2", clauses=(Clause("a", text="x <script>alert(1)</script>"),))
    page = keeling.to_html(diff(version, new))
    assert "<script>" not in page and "&lt;script&gt;" in page


def test_json_is_the_diffs_data():
    d = diff_motions(BASE, [CUT])
    data = json.loads(keeling.to_json(d))
    assert data == json.loads(json.dumps(d.to_data(), default=str))
    (clause,) = [c for c in data["clauses"] if c["id"] == "fees.rate"]
    assert [op["new"] for op in clause["text"] if op["op"] != "equal"] == ["10", ""]
    assert clause["by"][0]["id"] == "cut"


def test_rulings_are_shown_as_rulings_with_their_authority_never_as_text():
    d = history_diff(load_history(LABOUR), "2016-practice", "2016-07-28")
    text = keeling.to_text(d)
    assert (
        "Rulings (binding interpretations; no words changed): ruling 2016-07-12-nec-incumbent, NEC, 12 July 2016"
        in text
    )
    assert "Motions:" not in text
    assert "[ruling 2016-07-12-nec-incumbent, ruling 2016-07-28-foster-v-mcnicol]" in text
    assert "set by ruling 2016-07-12-nec-incumbent, NEC, 12 July 2016; affirmed by ruling 2016-07-28" in text
    clause_lines = [line for line in text.splitlines()[4:] if "provision" not in line]
    assert not any("[-" in line or "{+" in line for line in clause_lines)
    page = keeling.to_html(d)
    assert 'class="kd-motion kd-motion-ruling"' in page
    assert "Authority: High Court (Foster v McNicol [2016] EWHC 1966 (QB)), 28 July 2016" in page
    assert 'class="kd-set-by kd-set-by-ruling">set by ruling' in page


def test_the_2016_schedule_shows_the_rulings_and_the_conference_changes():
    d = history_diff(load_history(LABOUR), "2016-practice", "2016-conference")
    text = keeling.to_text(d)
    assert "Rulings (binding interpretations; no words changed):" in text
    assert "Motions: motion 2016-nec-scotland-wales" in text
    assert "{+Chapter 1, Clause VIII.2.M+}" in text
    assert "meeting jointly{+ with the leaders of the Scottish and Welsh Labour Parties+}" in text
    added = "{+, scotland: {seats: 1, voting: true}, wales: {seats: 1, voting: true}+}"
    assert "bame_labour: {seats: 1, voting: true}" + added + "}" in text


def test_value_pieces_diff_changed_provisions_token_by_token():
    pieces = keeling.value_pieces("changed", {"PLP": 0.15, "of": ["a"]}, {"PLP": 0.1, "of": ["a", "b"]})
    assert [(p.kind, p.text) for p in pieces if p.kind != "equal"] == [("del", "0.15"), ("ins", "0.1"), ("ins", ", b")]
