"""Forms met in the eighth held-out set (docs/motions.md, "Conventional wording" and "Quoting"):
extracts whose dots stand on both sides of a replacement, words added at a clause's end that run
on from it, "Article 14 – delete", a full stop closing a citation's number before a dash, "in both
instances", "Conference therefore agrees to", a bare part after "in", a new bullet point, "replace
10.2 with new 10.2", a rule's title and page after its citation, "be amended by replacing", and
the look-alikes that stay refused rather than guessed."""

from __future__ import annotations

import pytest

from rulebook.amend.wording import parse_wording
from rulebook.errors import WordingError

# -- dots at the edges of new words ---------------------------------------------------------


def test_dots_on_both_sides_of_a_replacement_are_dropped() -> None:
    (a,) = parse_wording("Article 8.2.2 – Change “…no later than one (1) week…” to “…no later than seven (7) days…”")
    assert (a.op, a.clause, a.old, a.new) == (
        "replace_words",
        "Article 8.2.2",
        "no later than one (1) week",
        "no later than seven (7) days",
    )


def test_dots_at_one_edge_of_both_are_dropped() -> None:
    (a,) = parse_wording("Article 7.5 – change “The Secretary shall notify…” to “Members shall be told…”")
    assert (a.old, a.new) == ("The Secretary shall notify", "Members shall be told")


def test_dots_on_the_new_words_alone_are_refused() -> None:
    with pytest.raises(WordingError, match=r"start or end with '\.\.\.'"):
        parse_wording("Rule 2: change 'one week…' to '…seven days…'")


def test_words_added_at_the_end_may_run_on_from_the_clause() -> None:
    (a,) = parse_wording("Standing Order 1.3 b): insert at the end '...save that 30 members sign.'")
    assert (a.op, a.at, a.words) == ("insert_words", "end", "save that 30 members sign.")


def test_words_added_at_the_end_that_leave_words_out_after_them_are_refused() -> None:
    with pytest.raises(WordingError, match=r"start or end with '\.\.\.'"):
        parse_wording("Rule 2: insert at the end 'save that …'")


def test_in_both_instances_after_the_new_words_is_every_occurrence() -> None:
    (a,) = parse_wording("Article 8.2.1 – Change “…two (2) weeks…” to “…fourteen (14) days…” in both instances")
    assert (a.old, a.new, a.occurrence) == ("two (2) weeks", "fourteen (14) days", "all")


# -- citations and their punctuation ----------------------------------------------------------


def test_a_full_stop_closing_a_number_before_a_dash_is_punctuation() -> None:
    (a,) = parse_wording("Article 8.1.2. – change “may be called” to “will be called”")
    assert (a.clause, a.old, a.new) == ("Article 8.1.2", "may be called", "will be called")


def test_change_with_no_new_words_is_still_refused() -> None:
    with pytest.raises(WordingError, match="'to' and the new words"):
        parse_wording("Article 8.1.1. – change “The Party shall hold an Annual Convention.”")


@pytest.mark.parametrize("wording", ["Article 14 – delete", "Rule 3: Delete.", "Article 14 – Delete."])
def test_delete_with_nothing_after_it_deletes_the_clause(wording: str) -> None:
    (a,) = parse_wording(wording)
    assert a.op == "delete_clause"
    assert a.clause is not None and a.clause.split()[-1] in ("14", "3")


def test_a_bare_part_after_in_is_a_part_of_the_clause_named() -> None:
    (a,) = parse_wording("In Appendices, Conference Regulations, in 3.3.2, insert further bullet point 'Lack of time.'")
    assert (a.op, a.into) == ("insert_clause", "Appendices, Conference Regulations, 3.3.2")
    assert a.new_clause is not None and a.new_clause.text == "Lack of time."


def test_the_same_part_named_new_is_its_text_anew() -> None:
    (a,) = parse_wording("In 10 Conference, replace 10.2 with new 10.2 which reads as follows: 'Held yearly.'")
    assert (a.op, a.clause, a.text) == ("replace_text", "10 Conference, 10.2", "Held yearly.")


def test_another_part_named_new_is_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("In 10 Conference, replace 10.2 with new 10.3 which reads as follows: 'Held yearly.'")


# -- resolutions --------------------------------------------------------------------------------


def test_conference_agrees_to_an_action() -> None:
    (a,) = parse_wording("Conference therefore agrees to insert at the end of Standing Order 1.3 b): 'x y'")
    assert (a.op, a.clause, a.at, a.words) == ("insert_words", "Standing Order 1.3 b)", "end", "x y")


def test_a_rules_title_and_page_after_its_citation_are_set_aside() -> None:
    (a,) = parse_wording(
        "That Rule 3.19 (i) The County – Powers (i) – Official Guide Part 1 (page 24) to read: To appoint an Officer"
    )
    assert (a.op, a.clause, a.text) == ("replace_text", "Rule 3.19 (i)", "To appoint an Officer")


def test_a_label_in_brackets_is_never_taken_for_a_title() -> None:
    (a,) = parse_wording(
        "That Rule 6.27(A) – Organisation – Official Guide Part 1 (pages 93-96) be amended to read: 'x'"
    )
    assert (a.clause, a.text) == ("Rule 6.27(A)", "x")


def test_be_amended_by_replacing_quoted_words() -> None:
    (a,) = parse_wording("That Rule 3.11 (a) be amended by replacing 'Development Officer' with 'Planning Officer'")
    assert (a.op, a.clause, a.old, a.new) == (
        "replace_words",
        "Rule 3.11 (a)",
        "Development Officer",
        "Planning Officer",
    )


def test_be_amended_by_replacing_one_office_with_another_unquoted() -> None:
    (a,) = parse_wording(
        "That Rule 3.11 (a) The County – Elections – Official Guide Part 1 (page 20) be amended by replacing"
        " Development Officer with Planning and Training Officer"
    )
    assert (a.clause, a.old, a.new) == ("Rule 3.11 (a)", "Development Officer", "Planning and Training Officer")


@pytest.mark.parametrize(
    "wording",
    [
        "That Rule 3 be amended by replacing the Secretary with the Treasurer",  # not names of offices
        "That Rule 3 be amended by replacing Rule Four with Rule Five",  # clause words
        "That Rule 3 be amended by replacing Officer with Officer 2",  # a number
        "That Rule 3 be amended by replacing Officer with Chair in Rule 4",  # words after the new name
    ],
)
def test_unquoted_words_that_are_not_two_office_names_are_refused(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)


def test_add_to_a_clause_then_unquoted_words_on_the_next_line() -> None:
    (a,) = parse_wording("Add to Article VI, section 3, paragraph j:\nThe Treasurer must be a member. And file.")
    assert (a.op, a.clause, a.at, a.words) == (
        "insert_words",
        "Article VI, section 3, paragraph j",
        "end",
        "The Treasurer must be a member. And file.",
    )
