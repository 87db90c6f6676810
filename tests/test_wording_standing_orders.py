"""Forms met in the third held-out set (docs/motions.md): standing-order motions, a synod's
lettered items, a company's resolutions in nouns. Each is read as its drafter meant, and the
look-alikes that are still refused rather than guessed."""

from __future__ import annotations

import pytest

from rulebook.amend.wording import parse_wording
from rulebook.errors import WordingError

# -- where the clause and the words stand ------------------------------------------------


@pytest.mark.parametrize(
    ("wording", "clause"),
    [
        ("In SO 8.2 (Withdrawal of motions and amendments), add at end: ‘A request may be made’", "SO 8.2"),
        ("In SO 1.3 (Right to submit agenda items) para (b), after ‘Council’ insert ‘Committee’", "SO 1.3, para (b)"),
        ("In SO 11.6 (Suspension of standing orders), para (a), delete ‘x’", "SO 11.6, para (a)"),
        ("In Article 18.01 (a), delete ‘on a poll’", "Article 18.01 (a)"),
    ],
)
def test_a_title_in_brackets_after_a_citation_is_set_aside(wording: str, clause: str) -> None:
    assert [a.clause for a in parse_wording(wording)] == [clause]


@pytest.mark.parametrize("ref", ["Rule 4 (Part two)", "Rule 4 (b)", "Section 5 (7 U.S.C. 1508)", "Rule 4 (Annex)"])
def test_a_bracketed_citation_or_label_is_not_a_title(ref: str) -> None:
    (a,) = parse_wording(f"In {ref}, delete ‘x’")
    assert a.clause == ref


@pytest.mark.parametrize(
    ("wording", "clause"),
    [
        ("in line 1, leave out “Lords” and insert “Members of the House”", None),
        ("In SO 11.4 (Separate vote), in lines 10–11, delete: ‘Lords’ and insert:‘Members of the House’", "SO 11.4"),
        ("In SO 12.4, lines 7-8, delete ‘Lords’ and insert ‘Members of the House’", "SO 12.4"),
        ("in lines 3 to 4, delete ‘Lords’ and insert ‘Members of the House’", None),
        ("In line 2 of Rule 3, delete ‘Lords’ and insert ‘Members of the House’", "Rule 3"),
        (
            "In lines 2–3 of Chapter 4, Clause II.2, delete ‘Lords’ and insert ‘Members of the House’",
            "Chapter 4, Clause II.2",
        ),
        ("In line 2 of the second paragraph, delete ‘Lords’ and insert ‘Members of the House’", None),
    ],
)
def test_a_line_locator_is_where_the_words_stand_not_the_clause(wording: str, clause: str | None) -> None:
    (a,) = parse_wording(wording)
    assert (a.op, a.clause, a.old, a.new) == ("replace_words", clause, "Lords", "Members of the House")


@pytest.mark.parametrize(
    "wording",
    [
        "In line with Rule 2, delete ‘x’",
        "In Rule 3, in line with Rule 2, delete ‘x’",
        "Rule 3: delete ‘x’ in line with Rule 2",
    ],
)
def test_in_line_with_names_no_clause_and_is_refused(wording: str) -> None:
    with pytest.raises(WordingError, match="'in line with' names neither"):
        parse_wording(wording)


@pytest.mark.parametrize(
    "wording",
    [
        "in line 7, leave out the second “he” and insert “they”",
        "in line 5, leave out “Parliament” and insert “session” in both places",
        "Rule 2, line 3: delete 'x' (second occurrence)",
    ],
)
def test_an_occurrence_counted_in_a_line_is_refused(wording: str) -> None:
    with pytest.raises(WordingError, match="no occurrence after a line"):
        parse_wording(wording)


def test_an_occurrence_without_a_line_is_still_read() -> None:
    (a,) = parse_wording("Rule 2: leave out the second “he” and insert “they”")
    assert (a.occurrence, a.old, a.new) == (2, "he", "they")


# -- whole clauses ---------------------------------------------------------------------------


def test_a_clause_deleted_and_inserted_anew_under_its_number_has_its_text_replaced() -> None:
    (a,) = parse_wording(
        "Delete Standing Order 4.1 and insert new Standing Order 4.1:\n‘The mover may speak for five minutes.’"
    )
    assert (a.op, a.clause, a.text) == ("replace_text", "Standing Order 4.1", "The mover may speak for five minutes.")


def test_a_quoted_confirmation_then_the_clause_anew_after_its_number() -> None:
    (a,) = parse_wording(
        "DELETE Clause 21. “Once agreed, these can only be changed at an AGM.”\n\n"
        "And REPLACE WITH new Clause 21. “Branches may submit amendments."
    )
    assert (a.op, a.clause, a.text) == ("replace_text", "Clause 21", "Branches may submit amendments.")


def test_a_different_clause_inserted_in_place_of_a_deleted_one_is_refused() -> None:
    with pytest.raises(WordingError, match="again"):
        parse_wording("Delete Rule 3 and insert new Rule 3A: ‘Text.’")


def test_a_new_item_after_a_listed_one_is_numbered_in_its_place() -> None:
    read = parse_wording("E. After Rule 16 k) ii), add “iii) to divide a compound motion” and reletter the following.")
    (a,) = read
    assert (a.op, a.after, a.numbered, a.new_clause.text) == (
        "insert_clause",
        "Rule 16 k) ii)",
        "Rule 16 k) iii)",
        "to divide a compound motion",
    )


@pytest.mark.parametrize(
    "wording",
    [
        "After Rule 2, add “to divide a compound motion”",  # words at its end, or a new clause?
        "After Rule 16 k) ii), add “(c) to divide a compound motion”",  # not a label of the same list
    ],
)
def test_text_after_a_clause_without_a_label_like_its_own_is_not_a_new_item(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)


def test_a_clause_named_after_after_is_never_the_clause_amended() -> None:
    with pytest.raises(WordingError, match="new item"):
        parse_wording("After Rule 2, insert new clause 2A: 'Text.'")


def test_a_new_clause_numbered_with_an_item_set_apart() -> None:
    (a,) = parse_wording("Rule 8 add: “8.2 (a). Alternates must be members.”")
    assert (a.op, a.numbered, a.new_clause.text) == ("insert_clause", "8.2 (a)", "Alternates must be members.")


def test_a_block_of_two_numbered_items_is_refused() -> None:
    with pytest.raises(WordingError, match="several numbered lines"):
        parse_wording("Rule 8 add:\n\n8.3(a). Alternates are named.\n\n8.3(a)(i) The group gives their names.")


# -- words -----------------------------------------------------------------------------------


def test_a_sentence_named_and_quoted_is_its_words() -> None:
    read = parse_wording(
        "In SO 1.3, after ‘Council’ insert ‘Committee’, and delete last sentence ‘Motions may be moved’."
    )
    assert [(a.op, a.words) for a in read] == [("insert_words", "Committee"), ("delete_words", "Motions may be moved")]


def test_a_sentence_named_but_not_quoted_is_still_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("Rule 2: delete final sentence and substitute: Text.")


def test_a_new_sentence_at_the_end_of_a_paragraph() -> None:
    (a,) = parse_wording("At the end of paragraph 3.1 add new sentence: “Any member may move it.”")
    assert (a.op, a.clause, a.at, a.words) == ("insert_words", "paragraph 3.1", "end", "Any member may move it.")


def test_a_deletion_said_in_a_noun() -> None:
    (a,) = parse_wording("In point 28 removal of ‘or AUSU Executive Committee’.")
    assert (a.op, a.clause, a.words) == ("delete_words", "point 28", "or AUSU Executive Committee")


def test_the_section_quoted_then_to_read_replaces_those_words() -> None:
    (a,) = parse_wording(
        "Amend the following section of 14.1:\n\n“five minutes”\n\nTo read as follows:\n\n“three minutes”"
    )
    assert (a.op, a.clause, a.old, a.new) == ("replace_words", "14.1", "five minutes", "three minutes")


# -- lettered items and resolutions --------------------------------------------------------


def test_a_lettered_item_of_a_resolution() -> None:
    (a,) = parse_wording("B. In Rule 9, change “second edition” to “most recent edition”.")
    assert (a.op, a.clause, a.old, a.new) == ("replace_words", "Rule 9", "second edition", "most recent edition")


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        ("By the deletion from Article 18.01 (a) of the words “on a poll”;", [("delete_words", "Article 18.01 (a)")]),
        (
            "By the deletion of Articles 19.07, 19.08 and 19.10;",
            [
                ("delete_clause", "Article 19.07"),
                ("delete_clause", "Article 19.08"),
                ("delete_clause", "Article 19.10"),
            ],
        ),
        (
            "By the deletion from Article 20.06 of the words “On a poll a” and the substitution therefor of “A”;",
            [("replace_words", "Article 20.06")],
        ),
        (
            "By the addition at the end of Article 5.01 of the words “and all shares are paid”;",
            [("insert_words", "Article 5.01")],
        ),
        (
            "By the deletion of Article 19.05 and the substitution therefor of the following:\n“19.05 A poll.”",
            [("replace_text", "Article 19.05")],
        ),
    ],
)
def test_a_company_resolution_in_nouns(wording: str, expected: list[tuple[str, str]]) -> None:
    assert [(a.op, a.clause) for a in parse_wording(wording)] == expected


def test_the_comma_deleted_with_the_words_is_in_the_phrase() -> None:
    (a,) = parse_wording("By the deletion from Article 21.04 of the comma and words “, including a poll”.")
    assert a.words == ", including a poll"


@pytest.mark.parametrize(
    "wording",
    [
        "By the deletion of the first sentence of Article 17.02 and the substitution therefor of the following: A.",
        "By the renumbering of Article 19.11 as 19.07;",
    ],
)
def test_company_resolution_look_alikes_are_refused(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)


def test_a_resolution_amending_a_rule_by_deleting_and_replacing_words() -> None:
    (a,) = parse_wording(
        "That Rule 4 - MEETINGS OF BRANCH COUNCIL, subrule (2), be amended by the deletion of the words "
        "“by registered post” and their replacement with the words “by post or electronic means”."
    )
    assert (a.op, a.clause, a.old, a.new) == (
        "replace_words",
        "Rule 4, subrule (2)",
        "by registered post",
        "by post or electronic means",
    )


@pytest.mark.parametrize(
    ("wording", "op", "clause"),
    [
        ("Be it resolved to delete SO-16.14.", "delete_clause", "SO-16.14"),
        ("Be it further resolved that Rule 2 be amended to read: ‘New text.’", "replace_text", "Rule 2"),
        ("Be it lastly resolved to add: “8.2 (a). Alternates must be members.”", "insert_clause", None),
    ],
)
def test_be_it_resolved_opens_a_resolution_and_names_no_clause(wording: str, op: str, clause: str | None) -> None:
    (a,) = parse_wording(wording)
    assert (a.op, a.clause) == (op, clause)


@pytest.mark.parametrize(
    "wording",
    [
        # a code such as CP-3.2 is read as a citation only after 'delete'
        "Be it resolved to amend CP-3.2 to read:\nAn external The Council chair is paid.",
        "Be it resolved the chair is paid.",
    ],
)
def test_be_it_resolved_look_alikes_are_refused(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)
