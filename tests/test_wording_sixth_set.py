"""Forms met in the sixth held-out set (docs/motions.md, "Conventional wording"): clubs' and
societies' notices (the words as they stand and as proposed, new clauses printed below their
citations, a clause removed by resolution), a resolution's "To replace ... in Paragraph 12",
parts of a clause named after "In REF,", and the look-alikes that are refused rather than
guessed: a clause named twice in one statement, new words that leave words out with "...",
and a list of new items whose count differs from the one the proposal gives."""

from __future__ import annotations

import pytest

from rulebook.amend.wording import parse_wording
from rulebook.errors import WordingError

# -- "In REF, ... 7": a part of the clause named first, never another clause in its place ----


def test_a_bare_number_after_a_lead_in_is_a_part_of_that_clause() -> None:
    (a,) = parse_wording('In Appendices, Election Regulations, at the end of 7, insert the words "RON counts."')
    assert (a.op, a.clause, a.at, a.words) == (
        "insert_words",
        "Appendices, Election Regulations, 7",
        "end",
        "RON counts.",
    )


def test_a_part_replaced_by_its_number_after_a_lead_in() -> None:
    w = (
        'In Appendices, Conference Regulations, replace 3.1.1, with "Motions: 14 days."'
        ' and replace 3.1.3 with "Amendments: 3 days."'
    )
    read = parse_wording(w)
    assert [(a.op, a.clause, a.text) for a in read] == [
        ("replace_text", "Appendices, Conference Regulations, 3.1.1", "Motions: 14 days."),
        ("replace_text", "Appendices, Conference Regulations, 3.1.3", "Amendments: 3 days."),
    ]


@pytest.mark.parametrize(
    "wording",
    [
        "In Rule 5, at the end of Rule 7, insert 'x y'",  # which clause? never Rule 7 silently
        "In Rule 5, Conference therefore agrees to insert at the end of Standing Order 1.3 b): 'x y'",
    ],
)
def test_a_statement_that_names_two_clauses_is_refused(wording: str) -> None:
    with pytest.raises(WordingError, match="one clause"):
        parse_wording(wording)


# -- new words that leave words out ----------------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        "Standing Order 1.3 b): insert at the start '...save that 30 members sign.'",
        "Rule 2: after 'members' insert 'and guests …'",
        "Rule 2: replace 'a' with '… b'",
    ],
)
def test_new_words_that_start_or_end_with_dots_are_refused(wording: str) -> None:
    with pytest.raises(WordingError, match=r"start or end with '\.\.\.'"):
        parse_wording(wording)


def test_dots_inside_new_words_are_words() -> None:
    (a,) = parse_wording("Rule 2: replace 'a' with 'b ... c'")
    assert a.new == "b ... c"


# -- notices: current and proposed, new clauses below their citations -----------------------


def test_current_and_proposed_under_a_citation() -> None:
    w = (
        "Section 43.01 Sub Paragraph B Amend\n\nCurrent:   A bowler takes 25"
        " wickets.\n\nProposed:  A bowler takes 15 wickets."
    )
    (a,) = parse_wording(w)
    assert (a.op, a.clause, a.old, a.new) == (
        "replace_words",
        "Section 43.01 Sub Paragraph B",
        "A bowler takes 25 wickets.",
        "A bowler takes 15 wickets.",
    )


def test_current_without_proposed_is_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("Section 8:02\n\nCurrent: The AGM is held in May.")


@pytest.mark.parametrize(
    ("wording", "ref"),
    [
        ("THEREFORE LET IT BE RESOLVED That section 38.iv. be removed from the Rulebook", "section 38.iv"),
        ("That Rule 5 be deleted.", "Rule 5"),
        ("Be it resolved that Article 3 be repealed in its entirety", "Article 3"),
    ],
)
def test_a_clause_removed_by_resolution(wording: str, ref: str) -> None:
    (a,) = parse_wording(wording)
    assert (a.op, a.clause) == ("delete_clause", ref)


def test_a_clause_removed_and_replaced_is_not_this_form() -> None:
    with pytest.raises(WordingError):
        parse_wording("That Rule 5 be removed and the members decide")


def test_a_new_clause_that_is_inserted() -> None:
    (a,) = parse_wording("A new clause 2.1A is inserted, which shall read as follows:\n“to promote football;”")
    assert (a.op, a.numbered, a.new_clause.text if a.new_clause else None) == (
        "insert_clause",
        "clause 2.1A",
        "to promote football;",
    )


def test_add_new_article_and_its_text_below() -> None:
    (a,) = parse_wording("Add new Article XII.\n\nUpon dissolution the assets go to a charity.")
    assert (a.op, a.numbered, a.new_clause.text if a.new_clause else None) == (
        "insert_clause",
        "Article XII",
        "Upon dissolution the assets go to a charity.",
    )


def test_add_new_article_with_numbered_lines_below_is_refused() -> None:
    with pytest.raises(WordingError, match="several numbered lines"):
        parse_wording("Add new Article XII.\n\n1. Upon dissolution ...\n2. The assets go to a charity.")


def test_the_following_sections_each_below_its_citation() -> None:
    w = (
        "Add the following sections to Article II.\n\nSection 2\n\nIt is a"
        " nonprofit.\n\nSection 3\n\nIt is not political."
    )
    read = parse_wording(w)
    assert [(a.op, a.into, a.numbered, a.new_clause.text if a.new_clause else None) for a in read] == [
        ("insert_clause", "Article II", "Section 2", "It is a nonprofit."),
        ("insert_clause", "Article II", "Section 3", "It is not political."),
    ]


def test_the_following_sections_with_words_before_the_first_citation_are_refused() -> None:
    with pytest.raises(WordingError, match="citation on a line of its own"):
        parse_wording("Add the following sections to Article II.\nThey are new.\nSection 2\nIt is a nonprofit.")


def test_a_section_revised_below_its_citation_and_heading() -> None:
    w = "Revise Section 6 of Article V to read:\n\nSection 6 Attendance Records\n\nAn attendance sheet is kept."
    (a,) = parse_wording(w)
    assert (a.op, a.clause, a.heading, a.text) == (
        "replace_text",
        "Section 6 of Article V",
        "Attendance Records",
        "An attendance sheet is kept.",
    )


def test_a_new_section_included_by_a_question() -> None:
    w = (
        "Shall Article V of the CPFA Constitution be amended to include a new section"
        " as follows: Section 5.  Members may vote."
    )
    (a,) = parse_wording(w)
    assert (a.op, a.into, a.numbered, a.new_clause.text if a.new_clause else None) == (
        "insert_clause",
        "Article V",
        "Section 5",
        "Members may vote.",
    )


def test_changing_an_extract_marked_with_dots() -> None:
    (a,) = parse_wording("To be Amended by:\n\nChanging: ….”ten days before.…” to …..“the Friday before….”")
    assert (a.op, a.old, a.new) == ("replace_words", "ten days before", "the Friday before")


def test_a_change_below_a_reason_and_the_words_that_lead_in() -> None:
    w = (
        "Section 3.5.1\nAs wards differ, change\n[Membership can consist"
        " of:]\n“members in a ward”\nto\n“members in the wards”"
    )
    (a,) = parse_wording(w)
    assert (a.op, a.clause, a.old, a.new) == (
        "replace_words",
        "Section 3.5.1",
        "members in a ward",
        "members in the wards",
    )


def test_a_reason_that_holds_another_instruction_is_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("Section 3.5.1\nDelete the first sentence and change\n“a b”\nto\n“c d”")


def test_new_items_one_a_line_as_many_as_said() -> None:
    w = (
        "1. Proposal to add two new posts, under present Branch Bye-Law Rule 2, as follows"
        " –\n\nI, Welfare Officer.\nII, Assistant Treasurer."
    )
    read = parse_wording(w)
    assert [(a.op, a.into, a.new_clause.text if a.new_clause else None) for a in read] == [
        ("insert_clause", "Branch Bye-Law Rule 2", "Welfare Officer."),
        ("insert_clause", "Branch Bye-Law Rule 2", "Assistant Treasurer."),
    ]


def test_new_items_fewer_than_said_are_refused() -> None:
    with pytest.raises(WordingError, match="three new items"):
        parse_wording(
            "Proposal to add three new posts, under present Rule 2, as follows –\nI, Welfare Officer.\nII, Treasurer."
        )


# -- resolutions: "To replace ... in Paragraph 12", "strike ... from 'title'", "(2A)" ---------


def test_to_replace_in_paragraphs_each() -> None:
    w = "To replace ‘Auditor’ with ‘Examiner’ in Paragraph 12 and ‘audited’ with ‘examined’ in Paragraphs 10 and 12."
    read = parse_wording(w)
    assert [(a.clause, a.old, a.new) for a in read] == [
        ("Paragraph 12", "Auditor", "Examiner"),
        ("Paragraph 10", "audited", "examined"),
        ("Paragraph 12", "audited", "examined"),
    ]


def test_a_replacement_with_its_role_described_in_a_standing_order() -> None:
    w = "Be it resolved to replace “VP Finance” as the chair of the Fund Committee with “VP Services” in SO 9-2."
    (a,) = parse_wording(w)
    assert (a.op, a.clause, a.old, a.new) == ("replace_words", "SO 9-2", "VP Finance", "VP Services")


def test_strike_from_a_part_named_by_its_quoted_title() -> None:
    (a,) = parse_wording(
        "Be it resolved to strike “bylaw 17(7)” from “relevant bylaws” and replace it with “bylaw 15(7)”"
    )
    assert (a.op, a.clause, a.old, a.new) == ("replace_words", "relevant bylaws", "bylaw 17(7)", "bylaw 15(7)")


def test_a_bracketed_number_added_at_the_end_of_the_clause_named() -> None:
    (a,) = parse_wording("in clause 3, page 1, line 15, at end insert— “(2A) Regulations are made by instrument.”")
    assert (a.op, a.numbered, a.into, a.new_clause.text if a.new_clause else None) == (
        "insert_clause",
        "clause 3(2A)",
        None,
        "Regulations are made by instrument.",
    )


def test_a_bracketed_number_added_with_no_clause_named_is_refused() -> None:
    with pytest.raises(WordingError, match="the clause the new sub-clause goes in"):
        parse_wording("at end insert “(2A) Regulations are made by instrument.”")


# -- a quote never closed: new words to the end, when they are the only quoted words ----------


def test_words_added_at_the_end_of_a_clause_named_after_to() -> None:
    (a,) = parse_wording("add to the end of Paragraph 12 'The Examiner may be a member.'")
    assert (a.op, a.clause, a.at, a.words) == ("insert_words", "Paragraph 12", "end", "The Examiner may be a member.")


def test_new_words_whose_closing_mark_was_lost_run_to_the_end() -> None:
    (a,) = parse_wording("To add to the end of Paragraph 12 ‘The Examiner may be a member of the Association.")
    assert a.words == "The Examiner may be a member of the Association."


@pytest.mark.parametrize(
    "wording",
    [
        "Rule 2: delete ‘the old words",  # the words looked for, not new ones: never guessed
        "Rule 2: after ‘members insert and guests",
        "To add to the end of Paragraph 12 ‘The member's fee is £5.",  # another quote mark after it
    ],
)
def test_an_unclosed_quote_that_is_not_the_new_words_is_still_refused(wording: str) -> None:
    with pytest.raises(WordingError, match="never closed"):
        parse_wording(wording)


def test_new_words_cut_off_mid_sentence_with_their_closing_mark_are_refused() -> None:
    with pytest.raises(WordingError, match="never closed"):
        parse_wording('Rule I 8.5: add at end "up to a maximum of 36 months;')
