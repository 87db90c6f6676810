"""Forms met in the fourth held-out set (docs/motions.md, "Conventional wording"): a synod's
list of items ("Subsection 33(f)(i) by striking out ..."), a party's lists of clauses, a
credit union's printed form, a convention's preamble; and the safeguards against reading
words that no citation holds as part of a clause reference. Each form is read as its
authors meant, and its look-alikes are refused, never guessed."""

from __future__ import annotations

import pytest

from rulebook.amend.wording import parse_wording
from rulebook.errors import WordingError


def _read(wording: str) -> list[tuple[str, str | None, str | None, str | None]]:
    return [(a.op, a.clause, a.old or a.words, a.new) for a in parse_wording(wording)]


# -- what a clause reference may hold ------------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        "In Rule 25 (Vacancies), delete 'x'",
        "Rule 25 (Vacancies): delete 'x'",
        "Rule 25. Pg 17. (Vacancies)\n\nDelete: 'x'",
    ],
)
def test_a_one_word_title_in_brackets_and_a_page_after_a_full_stop_are_set_aside(wording: str) -> None:
    assert _read(wording) == [("delete_words", "Rule 25", "x", None)]


@pytest.mark.parametrize("ref", ["Rule 4 (Annex)", "Rule 4 (IV)", "Rule 4 (A)", "Rule 4 (Schedule)"])
def test_a_bracketed_label_or_unit_word_stays_in_the_citation(ref: str) -> None:
    (a,) = parse_wording(f"In {ref}, delete 'x'")
    assert a.clause == ref


@pytest.mark.parametrize(
    "wording",
    [
        "Rule 2 add members: delete 'x'",  # the reference would swallow "add members"
        "Rule 2 by the chair striking out 'x'",  # ... or "by the chair"
        "2.14 DELETE \ufffdPost Graduate\ufffd. INSERT \ufffdPostgraduate\ufffd.",  # quote marks lost in print
        "Section 4 removing members: insert 'x' after 'y'",
    ],
)
def test_a_reference_that_holds_an_action_is_refused(wording: str) -> None:
    with pytest.raises(WordingError, match="never holds"):
        parse_wording(wording)


@pytest.mark.parametrize(
    "wording",
    ["2.14 DELETE 'Post Graduate'. INSERT 'Postgraduate'.", "Rule 2.14: delete 'Post Graduate'; insert 'Postgraduate'"],
)
def test_insert_alone_after_a_deletion_is_its_replacement_never_a_new_clause(wording: str) -> None:
    (a,) = parse_wording(wording)
    assert (a.op, a.old, a.new) == ("replace_words", "Post Graduate", "Postgraduate")


# -- the items of "be amended as follows:" ----------------------------------------------------


def test_a_clause_then_by_and_a_gerund_is_an_item_of_a_list_of_changes() -> None:
    wording = "Subsection 33(f)(i) by striking out the number 35 in the first line and substituting the number 33;"
    assert _read(wording) == [("replace_words", "Subsection 33(f)(i)", "35", "33")]


@pytest.mark.parametrize(
    ("wording", "clause"),
    [
        (
            "Subsection 39(a) by deleting paragraph (iii) and renumbering paragraphs (iv) to (vii);",
            "Subsection 39(a), paragraph (iii)",
        ),
        (
            "Section 39 by deleting subsection (d) and re-lettering subsections (e) to (m).",
            "Section 39, subsection (d)",
        ),
    ],
)
def test_a_part_deleted_by_a_gerund_is_named_within_the_clause(wording: str, clause: str) -> None:
    assert _read(wording) == [("delete_clause", clause, None, None)]


@pytest.mark.parametrize(
    "wording",
    [
        "Rule 2 by striking out the number thirty-five and substituting the number 33",  # a number in words
        "Rule 2 by the chair, striking out 'x'",  # "by" and no action after it
    ],
)
def test_gerund_look_alikes_are_refused(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)


# -- lists of clauses, and words or clauses added ------------------------------------------


def test_clauses_deleted_one_after_another_with_the_same_unit_word() -> None:
    assert _read("Delete section 5.1.4 and section 5.2.6.") == [
        ("delete_clause", "section 5.1.4", None, None),
        ("delete_clause", "section 5.2.6", None, None),
    ]


@pytest.mark.parametrize(
    "wording",
    ["Delete section 5.1.4 and Rule 6.", "Delete section 5.1.4 and section 5.2.6 and insert 'x'"],
)
def test_deletions_that_are_not_a_list_of_the_same_unit_alone_are_refused(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)


def test_add_to_a_clause_puts_the_words_at_its_end() -> None:
    (a,) = parse_wording("Add to section 5.1.1: “Groups may merge.”")
    assert (a.op, a.clause, a.words, a.at) == ("insert_words", "section 5.1.1", "Groups may merge.", "end")


def test_add_and_a_number_is_a_new_clause_with_that_number() -> None:
    (a,) = parse_wording("Add 5.1.5: “The Executive may convene a Group.”")
    assert (a.op, a.numbered, a.new_clause.text) == ("insert_clause", "5.1.5", "The Executive may convene a Group.")


def test_a_new_clause_with_two_numbers_is_refused() -> None:
    with pytest.raises(WordingError, match="one number"):
        parse_wording("Add 5.1.5: '5.1.6 The Executive may convene a Group.'")


# -- a printed form, and a convention's preamble -------------------------------------------


def test_an_existing_clause_and_its_amended_text_printed_as_a_form() -> None:
    wording = (
        "Existing Rule 25 (b)\n\nFive Directors serve one year.\n\nAmended to read\n\nThree Directors serve one year."
    )
    (a,) = parse_wording(wording)
    assert (a.op, a.clause, a.text) == ("replace_text", "Rule 25 (b)", "Three Directors serve one year.")


def test_a_new_clause_printed_under_its_number() -> None:
    (a,) = parse_wording("New Rule 25 (d)\n\nThe Board may fill a vacancy.")
    assert (a.op, a.numbered, a.new_clause.text) == ("insert_clause", "Rule 25 (d)", "The Board may fill a vacancy.")


@pytest.mark.parametrize(
    "wording",
    [
        "New Rule 25 (d)\n(a) The Board may fill a vacancy.\n(b) The member serves the term.",  # two clauses
        "Existing Rule 25 (b)\nFive Directors.\nAmended to read\n(1) Three.\n(2) Four.",
    ],
)
def test_a_printed_form_holding_several_clauses_is_refused(wording: str) -> None:
    with pytest.raises(WordingError, match="several numbered lines"):
        parse_wording(wording)


def test_a_resolution_that_authorises_amending_a_clause_as_follows() -> None:
    wording = (
        "THEREFORE, BE IT RESOLVED that the delegates to this convention, assembled April 8-10, 2022, hereby"
        " authorize amending Article VIII, Section 7, as follows:\n\n“All members shall serve on two committees.”"
    )
    (a,) = parse_wording(wording)
    assert (a.op, a.clause, a.text) == (
        "replace_text",
        "Article VIII, Section 7",
        "All members shall serve on two committees.",
    )


def test_a_resolution_that_authorises_amending_no_clause_is_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("Be it resolved that the delegates hereby authorize amending the budget as follows: 'x'")


def test_a_new_rule_with_its_heading_in_capitals() -> None:
    (a,) = parse_wording(
        "That a new rule 17A be inserted to read as follows:\nRule 17A FINANCIAL YEAR The year starts."
    )
    assert (a.op, a.numbered, a.new_clause.heading, a.new_clause.text) == (
        "insert_clause",
        "rule 17A",
        "FINANCIAL YEAR",
        "The year starts.",
    )


def test_a_policy_code_amended_within_its_proposed_parent() -> None:
    (a,) = parse_wording("Be it further resolved to amend AP-10.2 of the proposed AP-10 to read:\nClubs are open.")
    assert (a.op, a.clause, a.text) == ("replace_text", "AP-10.2", "Clubs are open.")


def test_a_block_that_runs_old_and_new_words_together_is_refused() -> None:
    with pytest.raises(WordingError, match="run together"):
        parse_wording("Be it resolved to amend CP-3.2 to read:\nAn external The Council chair is paid.")


def test_a_resolution_that_describes_the_clause_and_cites_it_in_brackets() -> None:
    wording = (
        "It was unanimously resolved that the previous dissolution provision (Clause 19) be replaced in its"
        " entirety with the following:\n\n19.  The Association may be dissolved."
    )
    (a,) = parse_wording(wording)
    assert (a.op, a.clause, a.text) == ("replace_text", "Clause 19", "The Association may be dissolved.")


def test_a_described_clause_without_its_citation_is_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("It was resolved that the previous dissolution provision be replaced with the following: Text.")
