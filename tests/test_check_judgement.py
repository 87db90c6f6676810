"""The one collision rule of `check` and `composite` (docs/checking.md, One judgement), by example."""

from __future__ import annotations

from rulebook.check import check, composite
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import loads

BOOK = """
rulebook: club
version: "1"
numbering:
  - {style: arabic, label: "Rule {n}"}
clauses:
  - {id: fee, text: "Members pay 15 pounds a year, in January."}
  - {id: item-1, text: "List item 1"}
  - {id: item-2, text: "List item 2"}
  - {id: item-3, text: "List item 3"}
  - id: long
    text: >-
      One rule on line one. Two rules on line two. Three rules on line three.
      Four rules on line four. Five rules on line five. Six rules on line six.
"""


def run(text: str):
    version = loads(BOOK, "club.yaml")
    motions = list(motion_io.loads(text, "motions.yaml"))
    report, result = check(version, motions), composite(version, motions)
    colliding = {f.motions for f in report.findings if f.kind in ("overlap", "target-removed")}
    assert bool(colliding) == bool(result.collisions), "check and composite give one verdict"
    return report, result


def test_two_whole_new_texts_inserting_at_one_place_collide_however_the_spaces_fall():
    report, result = run(
        """
motions:
  - motion: a
    amendments: [{op: replace_text, clause: fee, text: "Members pay at least 15 pounds a year, in January."}]
  - motion: b
    amendments: [{op: replace_text, clause: fee, text: "Members pay  at most 15 pounds a year, in January."}]
"""
    )
    assert [f.kind for f in report.findings] == ["overlap"]
    assert "both insert words at one place in Rule 1 (id fee), between 'pay' and '15'" in report.findings[0].message
    assert result.version is None or result.version.clause("fee").text == "Members pay 15 pounds a year, in January."


def test_a_whole_new_text_and_a_change_of_other_words_merge():
    report, result = run(
        """
motions:
  - motion: a
    amendments: [{op: replace_text, clause: fee, text: "Members pay 20 pounds a year, in January."}]
  - motion: b
    amendments: [{op: replace_words, clause: fee, old: "January", new: "March"}]
"""
    )
    assert report.findings == ()
    assert result.version is not None
    assert result.version.clause("fee").text == "Members pay 20 pounds a year, in March."


def test_an_insertion_next_to_words_another_motion_deletes_collides():
    report, _ = run(
        """
motions:
  - motion: a
    amendments: [{op: delete_words, clause: fee, words: "a year, "}]
  - motion: b
    amendments: [{op: replace_text, clause: fee, text: "Members pay 15 pounds each a year, in January."}]
"""
    )
    assert [f.kind for f in report.findings] == ["overlap"]
    assert "both change 'a year,'" in report.findings[0].message


def test_the_same_deletion_with_another_change_merges_once_and_says_so():
    report, result = run(
        """
motions:
  - motion: a
    amendments: [{op: delete_words, clause: fee, words: " a year"}]
  - motion: b
    amendments:
      - {op: delete_words, clause: fee, words: " a year"}
      - {op: replace_words, clause: fee, old: "January", new: "March"}
"""
    )
    assert report.findings == ()
    assert result.version is not None and result.version.clause("fee").text == "Members pay 15 pounds, in March."
    assert report.notes == result.notes
    assert result.notes == ("motions a and b make the same change in Rule 1 (id fee) ('a year' to ''); made once",)


def test_a_clause_placed_after_one_another_motion_deletes_keeps_its_place_between_those_that_remain():
    report, result = run(
        """
motions:
  - motion: drop-2
    amendments: [{op: delete_clause, clause: item-2}]
  - motion: add-2a
    amendments: [{op: insert_clause, after: item-2, clause: {id: item-2a, text: "List item 2a"}}]
"""
    )
    assert report.findings == ()
    assert result.version is not None
    assert [c.id for c in result.version.clauses] == ["fee", "item-1", "item-2a", "item-3", "long"]


def test_a_clause_placed_where_another_motion_also_puts_one_is_target_removed_when_its_anchor_goes():
    report, _ = run(
        """
motions:
  - motion: swap-2
    amendments:
      - {op: delete_clause, clause: item-2}
      - {op: insert_clause, after: item-1, clause: {id: item-2b, text: "List item 2b"}}
  - motion: add-2a
    amendments: [{op: insert_clause, after: item-2, clause: {id: item-2a, text: "List item 2a"}}]
"""
    )
    assert [(f.kind, f.motions) for f in report.findings] == [("target-removed", ("swap-2", "add-2a"))]


def test_the_message_quotes_exactly_the_contested_words_and_each_proposal():
    report, result = run(
        """
motions:
  - motion: rewrite
    amendments:
      - op: replace_text
        clause: long
        text: >-
          A rule on line one. Two rules on line two. Three rules on line three.
          Four rules on line four. Five laws on line five. Six rules on line six.
  - motion: five
    amendments: [{op: replace_words, clause: long, old: "Five rules", new: "Five bylaws"}]
"""
    )
    (finding,) = report.findings
    assert finding.message.startswith(
        "motions rewrite and five both change 'Five rules' in Rule 5 (id long): rewrite to 'Five laws', "
        "five to 'Five bylaws'"
    )
    assert "Six" not in finding.message and "One" not in finding.message
    assert [c.message.split(";")[0] for c in result.collisions] == [finding.message.split(";")[0]]
    assert result.version is not None and result.version.clause("long").text.startswith("A rule on line one.")
