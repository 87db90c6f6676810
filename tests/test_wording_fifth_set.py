"""Forms met in the fifth held-out set (docs/motions.md, "Conventional wording"): a golf
club's list of changes, convention resolutions that print the document before the clause, a
union rule's new headings, a residents' notice that quotes the words first, a branch's
numbered proposals and a US committee amendment; each read as its drafter meant, and the
look-alikes that are still refused rather than guessed."""

from __future__ import annotations

import pytest

from rulebook.amend.wording import parse_wording
from rulebook.errors import WordingError

# -- a whole clause deleted: words saying "all of it" are not part of the citation ----------


@pytest.mark.parametrize(
    ("wording", "ref"),
    [
        ("Delete rule 44 (g) in it's entirety", "rule 44 (g)"),
        ("Delete 49 (d) entirely", "49 (d)"),
        ("Delete Rule 7 in its entirety", "Rule 7"),
        ("Delete clause 3.2 in full", "3.2"),
    ],
)
def test_words_saying_the_whole_clause_goes_are_set_aside(wording: str, ref: str) -> None:
    (a,) = parse_wording(wording)
    assert (a.op, a.clause) == ("delete_clause", ref)


@pytest.mark.parametrize(
    "wording",
    [
        "Delete rule 44 (g) as unnecessary",  # the reason is no part of a citation
        "Delete Rule 7 forthwith",
        "Rule 44 (g) as amended: delete 'x'",
    ],
)
def test_plain_words_after_a_citation_are_refused_not_looked_for(wording: str) -> None:
    with pytest.raises(WordingError, match="never ends in"):
        parse_wording(wording)


def test_a_citation_may_still_end_in_a_label_a_unit_or_a_capitalised_title() -> None:
    (a,) = parse_wording("Section 9.4 part b: delete 'x'")
    assert a.clause == "Section 9.4 part b"
    (b,) = parse_wording("Delete Rule 2 of the rules")
    assert (b.op, b.clause) == ("delete_clause", "Rule 2")


# -- "Add rule 44 (g) 'text'": a new clause with that citation -----------------------------


def test_add_a_cited_rule_and_its_quoted_words_inserts_it_numbered() -> None:
    (a,) = parse_wording('Add rule 44 (g) "a Women\'s President"')
    assert (a.op, a.numbered, a.new_clause.text if a.new_clause else None) == (
        "insert_clause",
        "rule 44 (g)",
        "a Women's President",
    )


def test_add_a_cited_rule_with_more_after_the_words_is_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("Add rule 44 (g) 'a Women's President' as the last item")


# -- resolutions that name the document first -----------------------------------------------


def test_the_document_before_the_clause_and_is_amended_to_read() -> None:
    (a,) = parse_wording(
        "That the International Union Constitution, Article IX, Section 19, is amended to read as follows:\n\n"
        "Section 19. Any local union may amend its constitution."
    )
    assert (a.op, a.clause, a.text) == (
        "replace_text",
        "Article IX, Section 19",
        "Any local union may amend its constitution.",
    )


def test_be_it_resolved_with_a_colon_then_that() -> None:
    (a,) = parse_wording(
        "BE IT RESOLVED:\n\nThat the Constitution, Article V, Section 10, is amended to read as follows:\n\n"
        "Section 10. The President may publish."
    )
    assert (a.clause, a.text) == ("Article V, Section 10", "The President may publish.")


def test_a_citation_printed_over_two_lines_is_dropped_from_the_text() -> None:
    (a,) = parse_wording(
        "That the Constitution, Article III, Section 1.I, is amended to read as follows:\n\n"
        "Section 1.\n\nI. Any retired person may join."
    )
    assert (a.clause, a.text) == ("Article III, Section 1.I", "Any retired person may join.")


# -- a new heading, without the rule's own number ------------------------------------------


def test_delete_the_heading_to_a_rule_and_replace_it() -> None:
    (a,) = parse_wording(
        "(i) Delete the heading to Divisional Rule 46 and replacing it with the following heading:\n"
        '"46 - INDUSTRY SECTIONS - WESTERN AUSTRALIAN BRANCH"'
    )
    assert (a.op, a.clause, a.heading) == (
        "replace_text",
        "Divisional Rule 46",
        "INDUSTRY SECTIONS - WESTERN AUSTRALIAN BRANCH",
    )


def test_a_heading_that_starts_with_another_number_keeps_it() -> None:
    (a,) = parse_wording("Delete the heading of Rule 46 and replace it with '2024 Elections'")
    assert a.heading == "2024 Elections"


def test_the_first_sentence_of_a_part_is_still_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording(
            '(ii) Delete the first sentence of sub-rule (a) and replacing it with the following sentence:\n"New."'
        )


# -- the words quoted first, then "change to" or "add" --------------------------------------


def test_quoted_words_then_change_to_then_the_new_words() -> None:
    (a,) = parse_wording("“The Committee will meet monthly.”\nchange to\n“The Committee will meet quarterly.”")
    assert (a.op, a.old, a.new) == (
        "replace_words",
        "The Committee will meet monthly.",
        "The Committee will meet quarterly.",
    )


def test_a_full_stop_outside_the_first_quote_is_the_sentence_s() -> None:
    (a,) = parse_wording("“they can be asked to resign”.\nchange to\n“they may be replaced”", clause="Rule 4")
    assert (a.clause, a.old, a.new) == ("Rule 4", "they can be asked to resign", "they may be replaced")


def test_quoted_words_then_add_puts_the_new_words_after_them() -> None:
    (a,) = parse_wording("“The Committee will meet at least four times each year”\nadd\n“It may meet online”")
    assert (a.op, a.after, a.words) == (
        "insert_words",
        "The Committee will meet at least four times each year",
        "It may meet online",
    )


@pytest.mark.parametrize("wording", ["'x' change 'y'", "'x' change to members", "'x' add members"])
def test_quoted_words_first_need_the_new_words_quoted(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)


# -- "Omit the subsection. Insert instead:" ------------------------------------------------


def test_omit_the_subsection_insert_instead_gives_its_text_anew() -> None:
    (a,) = parse_wording(
        "Rule B.9(b)\n\nOmit the subsection. Insert instead:\n\n(b) The candidate first elected is President."
    )
    assert (a.op, a.clause, a.text) == ("replace_text", "Rule B.9(b)", "The candidate first elected is President.")


def test_omit_the_paragraph_alone_is_refused() -> None:
    # "the paragraph" may be one within the clause: without the replacement nothing says which
    with pytest.raises(WordingError):
        parse_wording("Rule 5: delete the paragraph.")


# -- a branch's numbered proposals ---------------------------------------------------------


def test_a_proposal_to_rename_a_position_replaces_it_throughout() -> None:
    (a,) = parse_wording("2. Proposal to rename the position of Equality Officer to Equality & Diversity Officer.")
    assert (a.op, a.old, a.new, a.throughout) == (
        "replace_words",
        "Equality Officer",
        "Equality & Diversity Officer",
        True,
    )


def test_a_proposal_to_change_a_rule_as_follows_with_its_existing_text_after() -> None:
    (a,) = parse_wording(
        "3. Proposal to change Branch Bye-Law Rule 16 a) Branch Welfare Fund as follows –\n\n"
        "a) Trustees are three members.\n\nExisting Rule 16 a) reads – a) Trustees are two members."
    )
    assert (a.op, a.clause, a.text) == ("replace_text", "Branch Bye-Law Rule 16 a)", "Trustees are three members.")


def test_a_proposal_whose_new_text_holds_items_is_refused() -> None:
    with pytest.raises(WordingError, match="several labelled lines"):
        parse_wording(
            "4. Proposal to change Rule 16 b) Fund as follows –\n\nb) Payments are made as follows.\n"
            "i. One loan.\nii. Two loans."
        )


def test_a_proposal_to_add_posts_is_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("1. Proposal to add two new posts, under present Rule 2, as follows – I, Treasurer.")


# -- a US committee amendment: "by striking item (5) of SECTION 2 and inserting: / ... /" ---


def test_striking_an_item_of_a_section_and_inserting_new_text_between_slashes() -> None:
    (a,) = parse_wording(
        "Amend the joint resolution, as and if amended, by striking item (5) of SECTION 2 and inserting:\n\n"
        "/ (5) a convention must be limited to these topics; /"
    )
    assert (a.op, a.clause, a.text) == (
        "replace_text",
        "SECTION 2, item (5)",
        "a convention must be limited to these topics;",
    )


def test_the_new_item_may_be_printed_without_slashes() -> None:
    (a,) = parse_wording("Amend the bill by striking item (2) of SECTION 3 and inserting: (2) the chair decides.")
    assert (a.clause, a.text) == ("SECTION 3, item (2)", "the chair decides.")


def test_a_line_struck_is_not_an_item() -> None:
    with pytest.raises(WordingError):
        parse_wording("Amend the bill, as and if amended, by striking line 5 of SECTION 2 and inserting: / text /")


def test_a_proposal_to_change_words_that_are_not_a_citation_is_refused() -> None:
    with pytest.raises(WordingError, match="unit word and its number"):
        parse_wording("3. Proposal to change the wording of the welfare rules as follows – Text.")
