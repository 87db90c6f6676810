"""Conventional amendment wording: every form read, written back, and each failure."""

from __future__ import annotations

import attrs
import pytest

from rulebook.amend.motion import Amendment
from rulebook.amend.wording import derived_id, parse_wording, write_wording
from rulebook.errors import AmendmentError, WordingError
from rulebook.io.rulebook import load_file
from rulebook.model import Clause
from tests.conftest import DATA

CITE = "Chapter 4, Clause II.2.B.i"


def fields(a: Amendment) -> dict[str, object]:
    """The fields an amendment sets, without its wording."""
    return {k: v for k, v in attrs.asdict(a, recurse=False).items() if v is not None and k != "wording"}


def read_one(text: str) -> dict[str, object]:
    (a,) = parse_wording(text)
    return fields(a)


# -- the forms ---------------------------------------------------------------------


def test_delete_and_insert_reads_as_replace_words() -> None:
    assert read_one(f"{CITE}: delete '15 per cent' and insert '10 per cent'") == {
        "op": "replace_words", "clause": CITE, "old": "15 per cent", "new": "10 per cent"}  # fmt: skip


def test_a_line_number_after_the_citation_is_dropped() -> None:
    assert read_one(f"{CITE}, line 2: delete '20 per cent' and insert '10 per cent'")["clause"] == CITE
    assert read_one("Rule 2 line 3: delete 'x'")["clause"] == "Rule 2"


def test_a_page_number_before_the_citation_is_dropped() -> None:
    assert read_one("Page 12, Rule 2, line 3: leave out 'x' and insert 'y'") == {
        "op": "replace_words", "clause": "Rule 2", "old": "x", "new": "y"}  # fmt: skip


def test_delete_alone_reads_as_delete_words() -> None:
    assert read_one("Rule 2: delete 'the chair'") == {"op": "delete_words", "clause": "Rule 2", "words": "the chair"}


@pytest.mark.parametrize("where", ["after", "before"])
def test_after_or_before_a_phrase_insert_reads_as_insert_words(where: str) -> None:
    expected = {"op": "insert_words", "clause": "Rule 2", "words": "and guests", where: "members"}
    assert read_one(f"Rule 2: {where} 'members' insert 'and guests'") == expected
    assert read_one(f"Rule 2: insert 'and guests' {where} 'members'") == expected


def test_insert_new_clause_with_an_id_after_a_clause() -> None:
    (a,) = parse_wording("insert new clause fees.late after Rule 2: 'Late payers pay double.'")
    assert (a.op, a.after) == ("insert_clause", "Rule 2")
    assert a.new_clause == Clause("fees.late", text="Late payers pay double.")


@pytest.mark.parametrize(
    ("place", "field"), [("before", "before"), ("at the end of", "into"), ("into", "into"), ("after", "after")]
)
def test_insert_new_clause_places(place: str, field: str) -> None:
    (a,) = parse_wording(f"insert new clause x.new headed 'Fees' {place} Chapter 4, Clause II: 'Text.'")
    assert getattr(a, field) == "Chapter 4, Clause II"
    assert (a.new_clause.heading, a.new_clause.text) if a.new_clause else None == ("Fees", "Text.")


def test_a_new_clause_without_an_id_gets_a_stable_derived_id() -> None:
    text = "insert new clause after Rule 2: 'Members may vote.'"
    (a,) = parse_wording(text)
    assert a.new_clause is not None
    assert a.new_clause.id == derived_id(text, "Members may vote.")
    assert a.new_clause.id.startswith("members-may-vote-")
    assert parse_wording(text) == (a,)


def test_a_new_clause_with_provisions_and_sub_clauses() -> None:
    (a,) = parse_wording(
        "insert new clause fees headed 'Fees' numbered '2A' after Rule 1: 'Fees are due.' "
        "with provisions {fees.annual: 15} with sub-clauses [{id: fees.late, text: Late fees double.}]"
    )
    assert a.new_clause == Clause("fees", heading="Fees", number="2A", text="Fees are due.",
                                  provisions={"fees.annual": 15},
                                  children=[Clause("fees.late", text="Late fees double.")])  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "delete clause Rule 3",
        "Delete clause Rule 3. Renumber accordingly.",
        "delete clause Rule 3 and renumber accordingly",
    ],
)
def test_delete_clause_with_or_without_renumber_accordingly(text: str) -> None:
    assert parse_wording(text) == (Amendment("delete_clause", clause="Rule 3"),)


def test_renumber_accordingly_alone_adds_no_amendment() -> None:
    (a, b) = parse_wording("Rule 2: delete 'x'; delete clause Rule 4; renumber accordingly")
    assert (a.op, b.op) == ("delete_words", "delete_clause")


def test_move_clause() -> None:
    assert parse_wording("move clause Rule 3 after Rule 5") == (
        Amendment("move_clause", clause="Rule 3", after="Rule 5"),
    )
    assert parse_wording("move clause Rule 3 to the end of Rule 5")[0].into == "Rule 5"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rule 2: replace the heading with 'Fees'", {"heading": "Fees"}),
        ("Rule 2, line 1: delete the heading and insert 'Fees'", {"heading": "Fees"}),
        ("Rule 2: delete the heading", {"heading": ""}),
        ("Rule 2: replace the text with 'New words.'", {"text": "New words."}),
        ("Rule 2: replace the text with 'A.' and the heading with 'H'", {"text": "A.", "heading": "H"}),
        ("Rule 2: delete the text", {"text": ""}),
    ],
)
def test_heading_and_text_changes_read_as_replace_text(text: str, expected: dict[str, str]) -> None:
    assert read_one(text) == {"op": "replace_text", "clause": "Rule 2", **expected}


@pytest.mark.parametrize(
    "text",
    [
        "Rule 2: delete the second occurrence of 'x'",
        "Rule 2: delete 'x' (occurrence 2)",
        "Rule 2: delete 'x' (second occurrence)",
    ],
)
def test_an_occurrence_is_read_in_each_form(text: str) -> None:
    assert read_one(text)["occurrence"] == 2


def test_provisions_are_set_and_removed() -> None:
    (a,) = parse_wording(f"{CITE}: set provision leadership.nominations.vacancy to {{share: 0.1, of: [PLP, EPLP]}}")
    assert (a.name, a.value) == ("leadership.nominations.vacancy", {"share": 0.1, "of": ("PLP", "EPLP")})
    assert read_one("Rule 2: remove provision fees.annual") == {
        "op": "remove_provision", "clause": "Rule 2", "name": "fees.annual"}  # fmt: skip


def test_several_amendments_of_one_clause_share_its_reference() -> None:
    got = parse_wording(f"{CITE}: delete 'a' and insert 'b'; after 'c' insert 'd'")
    assert [(a.op, a.clause) for a in got] == [("replace_words", CITE), ("insert_words", CITE)]


def test_quotes_of_every_kind_and_apostrophes_inside_them() -> None:
    assert read_one("Rule 2: delete ‘the member’s fee’")["words"] == "the member’s fee"
    assert read_one('Rule 2: delete "it\'s"')["words"] == "it's"
    assert read_one("Rule 2: delete 'the member''s fee'")["words"] == "the member's fee"
    assert read_one("Rule 2: delete “a, b; c.”")["words"] == "a, b; c."


def test_clause_ids_are_accepted_as_references() -> None:
    assert read_one("members.fees: delete '15' and insert '20'")["clause"] == "members.fees"


# -- failures point at the word ---------------------------------------------------


@pytest.mark.parametrize(
    ("text", "where"),
    [
        ("Rule 2: delete '5' snd insert '6'", "at word 5 ('snd', column 20)"),
        ("Rule 2: after 'x' put 'y'", "at word 5 ('put', column 19)"),
        ("Rule 2: delete 'x' and insert", "at the end"),
        ("insert new clause after", "at the end"),
        ("Rule 2: set provision fee to {a: [1, 2}", "at word 7 ('{a:', column 30)"),
        ("insert new widget x after Rule 2", "at word 3 ('widget', column 12)"),
    ],
)
def test_a_wording_that_cannot_be_read_names_the_word_and_column(text: str, where: str) -> None:
    with pytest.raises(WordingError) as info:
        parse_wording(text)
    message = str(info.value)
    assert where in message
    assert "expected" in message and "\n" not in message


def test_an_unclosed_quotation_says_where_it_opens() -> None:
    with pytest.raises(WordingError, match=r"opens at word 4 \(column 16\).*close it with '"):
        parse_wording("Rule 2: delete 'the chair and insert x")


@pytest.mark.parametrize("text", ["", "   "])
def test_an_empty_wording_is_an_error(text: str) -> None:
    with pytest.raises(WordingError, match="the wording is empty"):
        parse_wording(text)


def test_an_ordinal_last_is_refused_with_advice() -> None:
    with pytest.raises(WordingError, match="'last' needs the number"):
        parse_wording("Rule 2: delete the last occurrence of 'x'")


# -- writing ----------------------------------------------------------------------


def test_writing_uses_citations_of_the_version_given() -> None:
    club = load_file(DATA / "club.yaml")
    a = Amendment("replace_words", clause="members.fees", old="15 pounds", new="20 pounds")
    assert write_wording(a, club) == "Rule 2.2: delete '15 pounds' and insert '20 pounds'"
    assert write_wording(a) == "members.fees: delete '15 pounds' and insert '20 pounds'"


@pytest.mark.parametrize(
    ("amendment", "text"),
    [
        (Amendment("delete_words", clause="r", words="x", occurrence=2), "r: delete 'x' (occurrence 2)"),
        (Amendment("insert_words", clause="r", before="x", words="y"), "r: before 'x' insert 'y'"),
        (Amendment("replace_text", clause="r", heading=""), "r: delete the heading"),
        (Amendment("replace_text", clause="r", heading="Fees"), "r: replace the heading with 'Fees'"),
        (Amendment("delete_clause", clause="r"), "delete clause r"),
        (Amendment("move_clause", clause="r", into="s"), "move clause r to the end of s"),
        (Amendment("remove_provision", clause="r", name="a.b"), "r: remove provision a.b"),
        (Amendment("set_provision", clause="r", name="a.b", value="fails"), "r: set provision a.b to 'fails'"),
        (Amendment("set_provision", clause="r", name="a.b", value=None), "r: set provision a.b to null"),
        (
            Amendment("insert_clause", before="s", new_clause=Clause("after", heading="H", text="T.")),
            "insert new clause with id after headed 'H' before s: 'T.'",
        ),
        (
            Amendment("replace_words", clause="r", old="it's", new='say "no"'),
            'r: delete "it\'s" and insert \'say "no"\'',
        ),
    ],
)
def test_each_operation_is_written_conventionally_and_reads_back(amendment: Amendment, text: str) -> None:
    assert write_wording(amendment) == text
    assert parse_wording(text) == (amendment,)


def test_an_unknown_operation_cannot_be_made_so_needs_no_wording() -> None:
    with pytest.raises(AmendmentError, match="unknown operation 'shuffle_clause'"):
        write_wording(Amendment("shuffle_clause", clause="r"))


# -- the shapes real motions use ------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Delete ‘she/he’ and replace with ‘they’", {"op": "replace_words", "old": "she/he", "new": "they"}),
        ("Replace the words “15 per cent” with the words “5 per cent”",
         {"op": "replace_words", "old": "15 per cent", "new": "5 per cent"}),
        ("For 'annual' substitute 'biennial'", {"op": "replace_words", "old": "annual", "new": "biennial"}),
        ("In this sentence change the 15 per cent to 5 per cent",
         {"op": "replace_words", "old": "15 per cent", "new": "5 per cent"}),
        ("At the start of the last sentence delete “Alternatively” and replace by “Also”",
         {"op": "replace_words", "old": "Alternatively", "new": "Also"}),
        ("After ‘elections.’ (line 2) add:\n‘a ‘due diligence’ check’",
         {"op": "insert_words", "after": "elections.", "words": "a ‘due diligence’ check"}),
        ("Delete: ‘by 15 per cent'\n\nReplace with: 'by nominations'",
         {"op": "replace_words", "old": "by 15 per cent", "new": "by nominations"}),
        ("Rule 2: leave out ''the chair'' and insert ``the secretary''",
         {"op": "replace_words", "clause": "Rule 2", "old": "the chair", "new": "the secretary"}),
    ],
)  # fmt: skip
def test_real_sentence_shapes(text: str, expected: dict[str, object]) -> None:
    assert read_one(text) == expected


def test_nothing_after_renumber_is_dropped() -> None:
    got = parse_wording("Rule 2: delete 'x' and renumber accordingly and delete clause 18 (a)")
    assert [(a.op, a.clause) for a in got] == [("delete_words", "Rule 2"), ("delete_clause", "18 (a)")]


def test_a_bare_filler_with_no_phrase_is_refused() -> None:
    with pytest.raises(WordingError, match=r"at the end: expected the words to delete, quoted"):
        parse_wording("Rule 2: delete the words")


def test_a_block_of_new_text_loses_its_own_number() -> None:
    (a,) = parse_wording("Delete Rule K.2 and replace with:\nK.2 Branches meet monthly.")
    assert (a.op, a.clause, a.text) == ("replace_text", "Rule K.2", "Branches meet monthly.")
    (b,) = parse_wording("Add new Article 20.2 after Article 20.1 as follows: ‘Members vote.’")
    assert (b.after, b.numbered, b.new_clause.text) == ("Article 20.1", "Article 20.2", "Members vote.")


def test_one_change_in_several_clauses_and_lettered_items() -> None:
    got = parse_wording("Rules B 2, B 4.1 and C 1.3: delete 'x'")
    assert [a.clause for a in got] == ["Rule B 2", "Rule B 4.1", "Rule C 1.3"]
    items = parse_wording("Rule 2: a) delete 'x' b) after 'y' insert 'z'")
    assert [a.op for a in items] == ["delete_words", "insert_words"]


def test_a_wording_with_no_clause_takes_the_one_given() -> None:
    (a,) = parse_wording("delete 'x'", "Rule 4")
    assert a.clause == "Rule 4"


def test_add_at_end_reads_as_words_at_the_end_of_the_clause() -> None:
    got = parse_wording("Rule I 8.5 Add at end “up to 36 months;” Rule I 8.6 Add at end “up to 36 months;”")
    assert [(a.clause, a.at, a.words) for a in got] == [
        ("Rule I 8.5", "end", "up to 36 months;"), ("Rule I 8.6", "end", "up to 36 months;")]  # fmt: skip
    (a,) = parse_wording("Insert new sentence at the end of Rule D.2.2.1 as follows:- “Each member stays.”")
    assert (a.op, a.clause, a.at, a.words) == ("insert_words", "Rule D.2.2.1", "end", "Each member stays.")
    assert write_wording(a) == "Rule D.2.2.1: at the end insert 'Each member stays.'"
    assert parse_wording(write_wording(a)) == (a,)


def test_a_block_loses_a_number_of_several_words() -> None:
    (a,) = parse_wording("Replace Chapter 2, Clause IV, section 3 B with the following: 3 B New text here.")
    assert (a.op, a.clause, a.text) == ("replace_text", "Chapter 2, Clause IV, section 3 B", "New text here.")


def test_more_real_shapes() -> None:
    (a,) = parse_wording("Rule Q add: “REGIONS means the regions.”")
    assert (a.op, a.into, a.new_clause.text) == ("insert_clause", "Rule Q", "REGIONS means the regions.")
    assert parse_wording("Renumber Rule H.6.1.2 (b) as Rule H.6.1.2 (a); delete clause H.9.5, which reads: ‘x’") == (
        Amendment("delete_clause", clause="H.9.5"),
    )
    (b,) = parse_wording("In PA354: Before “Limited” insert “Public”, so final sentence reads “Public Limited”.")
    assert (b.clause, b.before, b.words) == ("PA354", "Limited", "Public")


def test_a_list_of_phrases_and_a_part_of_the_clause_named() -> None:
    got = parse_wording("Rule 4: delete 'Paper as', 'Annual' and '1995'")
    assert [(a.op, a.words) for a in got] == [("delete_words", "Paper as"), ("delete_words", "Annual"),
                                              ("delete_words", "1995")]  # fmt: skip
    (a,) = parse_wording("in clause 14, page 6, line 4, leave out subsection (2).")
    assert (a.op, a.clause) == ("delete_clause", "clause 14, subsection (2)")
    with pytest.raises(WordingError, match="one phrase to replace"):
        parse_wording("Rule 4: delete 'a' and 'b' and insert 'c'")


# -- shapes of issue #9 §3 -------------------------------------------------------------


@pytest.mark.parametrize(
    "text",
    [
        "Amend Rule 4.2 so it reads: 4.2 Branches meet monthly.",
        "Amend [existing] Rule 4.2 so that it reads:\n\n4.2\tBranches meet monthly.",
        "Change Rule 4.2 of the Byelaws to read: Branches meet monthly.",
        "Proposed change to Rule 4.2: “4.2. Branches meet monthly.”",
    ],
)
def test_a_clause_amended_so_that_it_reads_is_its_whole_text_anew(text: str) -> None:
    assert read_one(text) == {"op": "replace_text", "clause": "Rule 4.2", "text": "Branches meet monthly."}


def test_change_words_to_read_is_still_a_word_change_when_no_clause_is_named() -> None:
    assert read_one("Rule 2: change 'fee' to 'levy'") == {
        "op": "replace_words", "clause": "Rule 2", "old": "fee", "new": "levy"}  # fmt: skip


def test_replace_it_with_a_block_replaces_the_text_of_the_clause_printed_above() -> None:
    (a,) = parse_wording("Replace it with:\n\nK.3 Branches meet monthly.", "Rule K.3")
    assert fields(a) == {"op": "replace_text", "clause": "Rule K.3", "text": "Branches meet monthly."}


def test_replace_and_with_printed_as_a_form() -> None:
    (a,) = parse_wording("Replace:\n\n“The old words.”\n\nWith:\n\n“The new words.”", "Rule 2")
    assert (a.op, a.old, a.new) == ("replace_words", "The old words.", "The new words.")


def test_delete_the_existing_wording_of_a_clause_and_replace_it() -> None:
    assert read_one("Delete existing wording of Rule H.4.2 and replace with: “New text.”") == {
        "op": "replace_text", "clause": "Rule H.4.2", "text": "New text."}  # fmt: skip


@pytest.mark.parametrize(
    "text",
    [
        "Renumber Rule H.6.1.2 (b) as Rule H.6.1.2 (a).",
        "Delete G5.5 (“G5.5 Members may vote.”) and renumber subsequent clauses appropriately.",
    ],
)
def test_renumbering_asks_for_nothing_because_numbering_is_computed(text: str) -> None:
    assert [a.op for a in parse_wording(text)] == (["delete_clause"] if "Delete" in text else [])


def test_a_full_stop_inside_brackets_does_not_end_a_us_citation() -> None:
    w = "Section 508(e)(2) of the Crop Act (7 U.S.C. 1508(e)(2)) is amended by striking ``65'' and inserting ``80''."
    assert read_one(w) == {"op": "replace_words", "clause": "Section 508(e)(2)", "old": "65", "new": "80"}


def test_replace_a_clause_with_new_and_its_number() -> None:
    w = "Replace H11.1 (“H11.1 Old words.”) with new H11.1: “H11.1 New words.”"
    assert read_one(w) == {"op": "replace_text", "clause": "H11.1", "text": "New words."}


@pytest.mark.parametrize(("mark", "sign"), [("full stop", "."), ("comma", ","), ("semicolon", ";")])
def test_after_a_phrase_delete_a_mark_named_in_words(mark: str, sign: str) -> None:
    w = f"In existing Rule 2 after 'above' delete the {mark} and insert 'except officers.'"
    assert read_one(w) == {"op": "replace_words", "clause": "Rule 2", "old": f"above{sign}",
                           "new": "above except officers."}  # fmt: skip


def test_insert_after_a_phrase_comma_the_words() -> None:
    w = "Rule 2: Insert after 'the Order', the words: '(as amended)'"
    assert read_one(w) == {"op": "insert_words", "clause": "Rule 2", "after": "the Order", "words": "(as amended)"}


def test_several_ordinals_only_say_where_the_phrase_stands() -> None:
    w = "Rule 2: Delete 'it' in first and second sentence and replace with 'they'"
    assert read_one(w) == {"op": "replace_words", "clause": "Rule 2", "old": "it", "new": "they"}


@pytest.mark.parametrize(
    ("text", "cited"),
    [
        ("Page 4, line 13, leave out subsections (3) to (5).", ["subsection (3)", "subsection (4)", "subsection (5)"]),
        ("Delete Rules 4 to 6", ["Rule 4", "Rule 5", "Rule 6"]),
        ("Delete paragraphs (b) to (c) and renumber accordingly", ["paragraph (b)", "paragraph (c)"]),
    ],
)
def test_a_range_of_clauses_is_deleted_clause_by_clause(text: str, cited: list[str]) -> None:
    assert [(a.op, a.clause) for a in parse_wording(text)] == [("delete_clause", c) for c in cited]


def test_a_range_too_long_to_be_meant_is_refused() -> None:
    with pytest.raises(WordingError, match="column 8"):
        parse_wording("Delete Rules 4 to 99")


def test_words_added_at_the_end_that_start_with_a_number_are_a_new_numbered_item() -> None:
    a = read_one("Add at end of Article 8.5, ‘d. The Board may appoint.’;")
    assert (a["op"], a["into"], a["numbered"]) == ("insert_clause", "Article 8.5", "Article 8.5(d)")


def test_delete_these_words_and_replace_them_replaces_the_text_printed_above() -> None:
    (a,) = parse_wording("Delete these words and replace them with:\n\nMembers meet.", "Rule 3")
    assert fields(a) == {"op": "replace_text", "clause": "Rule 3", "text": "Members meet."}
    with pytest.raises(WordingError, match="at the end"):
        parse_wording("Delete these words", "Rule 3")


@pytest.mark.parametrize(
    ("text", "clause"),
    [
        ("Amend the heading – replace 'Fees' with 'Subscriptions'", "Rule 3"),
        ("Amend the heading of Rule 3: replace 'Fees' with 'Subscriptions'", "Rule 3"),
        ("The heading of Rule 3 of the Rules is amended by striking ``Fees'' and inserting ``Subscriptions''.",
         "Rule 3"),
        ("The chapter heading for chapter 7 of title 18, United States Code, is amended by striking ``Fees'' and "
         "inserting ``Subscriptions''.", "chapter 7"),
    ],
)  # fmt: skip
def test_words_replaced_in_a_heading(text: str, clause: str) -> None:
    (a,) = parse_wording(text, "Rule 3")
    assert fields(a) == {"op": "replace_words", "clause": clause, "old": "Fees", "new": "Subscriptions",
                         "part": "heading"}  # fmt: skip
    assert parse_wording(write_wording(a)) == (a,)


def test_only_word_replacements_are_read_in_a_heading() -> None:
    with pytest.raises(WordingError, match="column 1"):
        parse_wording("Amend the heading – delete 'Fees'", "Rule 3")


def test_a_heading_word_replacement_applies_to_the_heading_only() -> None:
    from rulebook.amend.apply import apply
    from rulebook.amend.motion import Motion
    from rulebook.io.rulebook import loads

    v = loads("rulebook: t\nversion: '1'\nnumbering: [{style: arabic, label: 'Rule {n}'}]\n"
              "clauses: [{id: fees, heading: Fees, text: Fees are due.}]\n", "t")  # fmt: skip
    (a,) = parse_wording("Amend the heading – replace 'Fees' with 'Dues'", "Rule 1")
    (c,) = apply(v, Motion("m", [a])).clauses
    assert (c.heading, c.text) == ("Dues", "Fees are due.")


def test_a_motion_file_gives_the_part_and_refuses_another() -> None:
    from rulebook.errors import RulebookError
    from rulebook.io.motions import amendment_data, loads

    text = "motion: m\namendments:\n  - {op: replace_words, clause: Rule 1, old: A, new: B, part: %s}\n"
    (m,) = loads(text % "heading")
    assert m.amendments[0].part == "heading"
    assert amendment_data(m.amendments[0])["part"] == "heading"
    with pytest.raises(RulebookError, match="'part' is 'text' or 'heading'"):
        loads(text % "title")


@pytest.mark.parametrize(
    "text",
    [
        "In Rule 2, change both references to 'the Board' to 'the Party'.",
        "Rule 2: replace every occurrence of 'the Board' with 'the Party'",
        "Rule 2: replace 'the Board' with 'the Party' wherever it occurs",
        "Rule 2: delete 'the Board' (every occurrence) and insert 'the Party'",
    ],
)
def test_every_occurrence_of_a_phrase_replaced(text: str) -> None:
    (a,) = parse_wording(text)
    assert fields(a) == {"op": "replace_words", "clause": "Rule 2", "old": "the Board", "new": "the Party",
                         "occurrence": "all"}  # fmt: skip
    assert parse_wording(write_wording(a)) == (a,)


def test_every_occurrence_is_read_only_for_a_replacement() -> None:
    with pytest.raises(WordingError, match="column 9"):
        parse_wording("Rule 2: delete every occurrence of 'x'")


def test_every_occurrence_applies_to_whole_words_only() -> None:
    from rulebook.amend.apply import apply
    from rulebook.amend.motion import Motion
    from rulebook.io.rulebook import loads

    v = loads("rulebook: t\nversion: '1'\nnumbering: [{style: arabic, label: 'Rule {n}'}]\n"
              "clauses: [{id: a, text: The Board and the Boards meet; the Board decides.}]\n", "t")  # fmt: skip
    (a,) = parse_wording("Rule 1: change both references to 'the Board' to 'the Party'")
    assert apply(v, Motion("m", [a])).clauses[0].text == "The Board and the Boards meet; the Party decides."
    (b,) = parse_wording("Rule 1: replace every occurrence of 'Board' with 'Party'")
    assert apply(v, Motion("m", [b])).clauses[0].text == "The Party and the Boards meet; the Party decides."


def test_a_part_of_the_book_named_rather_than_numbered_is_deleted() -> None:
    assert read_one("Delete the Annexe to the Constitution.") == {
        "op": "delete_clause", "clause": "Annexe to the Constitution"}  # fmt: skip
    with pytest.raises(WordingError, match="a range or a list"):
        parse_wording("Delete the Schedule 2 to 5")


def test_a_replacement_throughout_the_rule_book_names_no_clause() -> None:
    w = "In addition, replace 'members with disabilities' with 'disabled members' throughout the Rule Book"
    (a,) = parse_wording(w, "Rule 3")
    assert fields(a) == {"op": "replace_words", "old": "members with disabilities", "new": "disabled members",
                         "throughout": True}  # fmt: skip
    assert parse_wording(write_wording(a)) == (a,)
    with pytest.raises(WordingError, match="column 9"):
        parse_wording("Rule 2: delete 'x' throughout the rule book")


def test_a_replacement_throughout_changes_every_clause_that_has_the_phrase() -> None:
    from rulebook.amend.apply import apply
    from rulebook.amend.motion import Motion
    from rulebook.errors import RulebookError
    from rulebook.io.motions import loads as load_motions
    from rulebook.io.rulebook import loads

    v = loads("rulebook: t\nversion: '1'\nnumbering: [{style: arabic, label: 'Rule {n}'}]\n"
              "clauses: [{id: a, text: The Board meets.}, {id: b, text: Boards of the Board.}, {id: c, text: None.}]\n",
              "t")  # fmt: skip
    (m,) = load_motions("motion: m\namendments:\n  - {op: replace_words, old: Board, new: Party, throughout: true}\n")
    assert [c.text for c in apply(v, m).clauses] == ["The Party meets.", "Boards of the Party.", "None."]
    with pytest.raises(RulebookError, match="nowhere in the rule book"):
        apply(v, Motion("m", [attrs.evolve(m.amendments[0], old="Chair")]))
    with pytest.raises(RulebookError, match="'throughout' is true"):
        load_motions("motion: m\namendments:\n  - {op: replace_words, clause: a, old: B, new: P, throughout: true}\n")


def test_explain_lists_each_clause_a_replacement_throughout_changes() -> None:
    from rulebook.amend.explain import explain
    from rulebook.amend.motion import Motion
    from rulebook.io.rulebook import loads

    v = loads("rulebook: t\nversion: '1'\nnumbering: [{style: arabic, label: 'Rule {n}'}]\n"
              "clauses: [{id: a, text: The Board meets.}, {id: b, text: None.}, {id: c, text: the Board.}]\n",
              "t")  # fmt: skip
    (a,) = parse_wording("replace 'Board' with 'Party' throughout the rule book")
    (reading,) = explain(Motion("m", [a], base="1"), v).readings
    assert [t.citation for t in reading.targets] == ["Rule 1", "Rule 3"]
    assert reading.problems == ()


@pytest.mark.parametrize(("text", "where"), [
    ("Rule 2 Add to list of service groups before 'Energy', 'Community'", "before"),
    ("Rule 2: add to the list after 'Energy', 'Community'", "after"),
])  # fmt: skip
def test_an_item_added_to_a_list_next_to_another(text: str, where: str) -> None:
    assert read_one(text) == {"op": "insert_words", "clause": "Rule 2", "words": "Community", where: "Energy"}
    with pytest.raises(WordingError, match="'after' or 'before'"):
        parse_wording("Rule 2: add to the list 'Health'")


@pytest.mark.parametrize(
    "text",
    [
        "Delete Rule 4, entitled 'Fees'.",
        "Delete Rule 4 of Standing Orders for Conference entitled ‘Fees’.",
    ],
)
def test_the_heading_quoted_after_a_deleted_clause_is_a_confirmation(text: str) -> None:
    assert read_one(text) == {"op": "delete_clause", "clause": "Rule 4"}
