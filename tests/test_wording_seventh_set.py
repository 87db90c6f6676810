"""Forms met in the seventh held-out set (docs/motions.md, "Conventional wording"): a resolution
"That REF be amended to" and an action, parts of a clause named by their labels after "In REF,"
("after vi) add 'vii) Text'", "replace paragraph iv) with ...", "by adding paragraph f) as
follows"), "which reads," with a comma, fillers before the words changed, a citation printed in
parts, a document named before ':', and the look-alikes that are refused rather than guessed:
a sentence named by its place, and "That" or "be amended to" kept in a clause reference."""

from __future__ import annotations

import pytest

from rulebook.amend.wording import parse_wording
from rulebook.errors import WordingError

# -- "That REF be amended to" and an action ------------------------------------------------


def test_a_resolution_amending_a_clause_by_an_action() -> None:
    (a,) = parse_wording(
        "That section 5.5 be amended to omit the words ‘two-thirds majority’, replace with ‘absolute’."
    )
    assert (a.op, a.clause, a.old, a.new) == ("replace_words", "section 5.5", "two-thirds majority", "absolute")


def test_a_resolution_amending_two_clauses_in_every_instance() -> None:
    w = (
        "That sections 13.1(a) and 13.1(b) of the Constitution be amended to omit the words ‘x y’,"
        " replace with ‘z’ in every instance."
    )
    read = parse_wording(w)
    assert [(a.clause, a.old, a.new, a.occurrence) for a in read] == [
        ("section 13.1(a)", "x y", "z", "all"),
        ("section 13.1(b)", "x y", "z", "all"),
    ]


def test_a_resolutions_that_is_never_part_of_the_clause() -> None:
    w = (
        "That clause 4.3 of the Constitution be amended by deleting the words “a b” which are immediately"
        " before the words “c d” and inserting in their place the following: “e f”."
    )
    (a,) = parse_wording(w)
    assert (a.op, a.clause, a.old, a.new) == ("replace_words", "clause 4.3", "a b", "e f")


def test_therefore_without_a_comma_opens_a_resolution() -> None:
    (a,) = parse_wording('Therefore be it resolved that Article 20.3 be amended to read: "The proposal is short."')
    assert (a.op, a.clause, a.text) == ("replace_text", "Article 20.3", "The proposal is short.")


def test_the_following_added_as_a_numbered_clause() -> None:
    (a,) = parse_wording(
        "Be it resolved that the following be added as Article 17.6 of the Bylaws:\n\n17.6 Votes are by ballot."
    )
    assert (a.op, a.numbered, a.new_clause.text) == ("insert_clause", "Article 17.6", "Votes are by ballot.")


# -- parts of a clause named by their labels -------------------------------------------------


def test_a_new_part_after_a_labelled_part_of_the_clause_named() -> None:
    (a,) = parse_wording(
        "in section 39, after g) add “h) The Committee meets.” and re-letter the following paragraphs accordingly;"
    )
    assert (a.op, a.after, a.numbered, a.new_clause.text) == (
        "insert_clause",
        "section 39, g)",
        "section 39, h)",
        "The Committee meets.",
    )


def test_a_labelled_part_replaced_with_its_own_label_dropped() -> None:
    (a,) = parse_wording("in section 39 g), replace paragraph iv) with the following:\n\n“iv) the director.”")
    assert (a.op, a.clause, a.text) == ("replace_text", "section 39 g), paragraph iv)", "the director.")


def test_a_part_added_by_a_gerund_with_the_clause_number_before_its_label() -> None:
    w = (
        "Give second reading to amend section 11 of the Declaration of Principles by adding paragraph f)"
        " as follows:\n11 f) The Committee may correct errors."
    )
    (a,) = parse_wording(w)
    assert (a.op, a.into, a.numbered, a.new_clause.text) == (
        "insert_clause",
        "section 11",
        "section 11, paragraph f)",
        "The Committee may correct errors.",
    )


def test_a_new_part_whose_label_is_not_like_the_one_named_is_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("in section 39, after g) add “(h) The Committee meets.”")


# -- "which reads," and "the clause" printed above --------------------------------------------


@pytest.mark.parametrize(
    ("wording", "op", "numbered", "text"),
    [
        ("Add an additional clause (h) which reads, “(h) Members may leave.”", "insert_clause", "clause (h)", None),
        ("Amend the clause to read, “To pay the auditor.”", "replace_text", None, "To pay the auditor."),
        ("Delete the existing words, and replace them with the following, “An auditor may be appointed.”",
         "replace_text", None, "An auditor may be appointed."),
    ],
)  # fmt: skip
def test_a_comma_after_reads_introduces_the_new_text(
    wording: str, op: str, numbered: str | None, text: str | None
) -> None:
    (a,) = parse_wording(wording)
    assert (a.op, a.numbered, a.text, a.clause) == (op, numbered, text, None)
    if op == "insert_clause":
        assert a.new_clause.text == "Members may leave."


def test_the_whole_clause_deleted_with_its_words_quoted_as_confirmation() -> None:
    (a,) = parse_wording("Delete the whole clause, which reads, “To appoint an Auditor.”")
    assert (a.op, a.clause) == ("delete_clause", None)


# -- fillers, "change to", "Add sentence", citations in parts, a document before ':' ----------


@pytest.mark.parametrize(
    ("wording", "old", "new"),
    [
        ("in section 33 f) iii), change the reference to “subsection 33 a) viii)” to “subsection 33 a) vii)”;",
         "subsection 33 a) viii)", "subsection 33 a) vii)"),
        ("in section 39 a) vi), change the name of the “Philanthropy Committee” to “Mission Committee”;",
         "Philanthropy Committee", "Mission Committee"),
    ],
)  # fmt: skip
def test_words_changed_after_a_filler(wording: str, old: str, new: str) -> None:
    (a,) = parse_wording(wording)
    assert (a.op, a.old, a.new) == ("replace_words", old, new)


def test_change_to_with_no_words_before_is_the_whole_text() -> None:
    (a,) = parse_wording("Section 14.2 (e) change to ‘three (3) other people elected at the AGM’")
    assert (a.op, a.clause, a.text) == ("replace_text", "Section 14.2 (e)", "three (3) other people elected at the AGM")


def test_a_sentence_added_to_a_citation_printed_in_parts() -> None:
    (a,) = parse_wording("Bylaw 4. Section 4. Add sentence: “If still tied, the first wins.”")
    assert (a.op, a.clause, a.at, a.words) == (
        "insert_words",
        "Bylaw 4, Section 4",
        "end",
        "If still tied, the first wins.",
    )


def test_a_document_named_before_a_colon_is_no_clause() -> None:
    w = (
        "In Standing Orders for Conduct of Conference: Insert new D3.2: “D3.2 Nine weeks. Text.”"
        " Renumber subsequent clauses accordingly."
    )
    (a,) = parse_wording(w)
    assert (a.op, a.into, a.numbered, a.new_clause.text) == ("insert_clause", None, "D3.2", "Nine weeks. Text.")


# -- look-alikes refused, never guessed -----------------------------------------------------


@pytest.mark.parametrize(
    "wording",
    [
        "Section 15.14 (b) change the first sentence to ‘every member has one vote.’",
        "Rule 2: change the last line to 'x'",
    ],
)
def test_a_sentence_named_by_its_place_is_refused(wording: str) -> None:
    with pytest.raises(WordingError, match="named by its place"):
        parse_wording(wording)


def test_be_amended_to_without_an_action_is_never_a_clause() -> None:
    with pytest.raises(WordingError):
        parse_wording("That section 5.5 be amended to suit the members: 'x'")
