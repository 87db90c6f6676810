"""Forms met in the second held-out set (docs/motions.md, "Resolutions"): each read as its
drafter meant, and the look-alikes that are still refused rather than guessed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.wording import parse_wording
from rulebook.errors import WordingError

# -- resolutions: "That REF be amended to read ..." -------------------------------------


def test_that_a_rule_be_amended_to_read_replaces_its_text() -> None:
    (a,) = parse_wording("AND THAT Rule 28(i) be amended to read:\n“Each officer may be a collective.”")
    assert (a.op, a.clause, a.text) == ("replace_text", "Rule 28(i)", "Each officer may be a collective.")


def test_the_document_and_the_repeated_number_are_not_part_of_the_resolution() -> None:
    (a,) = parse_wording(
        "(a) That Rule 13.1 of the Union’s rules be amended so that the rule reads:\n"
        "13.1 The Council has three delegates."
    )
    assert (a.clause, a.text) == ("Rule 13.1", "The Council has three delegates.")


def test_a_rule_heading_in_capitals_between_the_rule_and_its_sub_rule_is_skipped() -> None:
    (a,) = parse_wording(
        "That Rule 9.1 – ELECTION OF OFFICERS , subrule (8), be deleted and replaced by the following:\n"
        "(i) A team has a name. (ii) A team has a leader."
    )
    assert (a.clause, a.text) == ("Rule 9.1, subrule (8)", "(i) A team has a name. (ii) A team has a leader.")


def test_that_the_following_clauses_be_deleted_deletes_each() -> None:
    read = parse_wording(
        "THAT the following clauses be deleted and renumbered accordingly: Clause 27 (iv)(j), Clause 43 (x)"
    )
    assert [(a.op, a.clause) for a in read] == [
        ("delete_clause", "Clause 27 (iv)(j)"),
        ("delete_clause", "Clause 43 (x)"),
    ]


@pytest.mark.parametrize(
    "wording",
    [
        "THAT the following clauses be deleted: the Treasurer's report, Clause 4",  # not a citation
        "That Rule 9 be considered by the committee: 'x'",  # not a change the book can make
        "That a new rule 17A be inserted to read as follows:\nRule 17A Year The year starts in January.",  # no heading
        "THAT the Eleventh Schedule – Epsom to the Constitution be deleted.",
    ],
)
def test_resolution_look_alikes_are_refused(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)


# -- a block below "to read" with no colon; a block of several clauses --------------------


def test_a_block_set_out_below_to_read_is_the_new_text() -> None:
    (a,) = parse_wording("Amend section 2.1 to read\n\n2.1 To promote the interests of members.")
    assert (a.op, a.clause, a.text) == ("replace_text", "section 2.1", "To promote the interests of members.")


def test_to_read_then_words_on_the_same_line_is_still_refused() -> None:
    with pytest.raises(WordingError):
        parse_wording("Amend section 2.1 to read To promote the interests of members.")


@pytest.mark.parametrize(
    "block",
    [
        "3. Membership\n\n3.1 Membership is open to plot-holders.\n\na) Group membership",
        "7. Voting\n\n7.1 Each Society has two votes.\n\n7.2 Sites vote together.",
        "Officers are:\n• Website Officer\n• Publicity Officer",
    ],
)
def test_a_block_with_numbered_lines_is_several_clauses_and_refused(block: str) -> None:
    with pytest.raises(WordingError, match="several numbered lines"):
        parse_wording(f"Amend section 3 to read:-\n\n{block}")


_LABELS = st.sampled_from(["3.1", "7.2", "4.", "a)", "(b)", "(ii)", "•"])
_WORDS = st.lists(st.sampled_from(["members", "shall", "vote", "the", "committee", "meet"]), min_size=1, max_size=6)


@given(first=_WORDS, label=_LABELS, rest=_WORDS)
def test_any_block_with_a_labelled_line_after_the_first_is_refused(
    first: list[str], label: str, rest: list[str]
) -> None:
    # a line that starts with its own label begins another clause: never one clause's text
    block = " ".join(first) + "\n" + label + " " + " ".join(rest)
    for verb in ("Replace Rule 2 with:", "Amend Rule 2 to read:", "That Rule 2 be amended to read:"):
        with pytest.raises(WordingError):
            parse_wording(f"{verb}\n{block}")


# -- change 'x' to 'y' in points ... -----------------------------------------------------


def test_change_in_a_list_of_points_changes_each() -> None:
    read = parse_wording("Change ‘his or her’ to ‘their’ in points 16.1, 61.6, and 93")
    assert [(a.clause, a.old, a.new) for a in read] == [
        ("point 16.1", "his or her", "their"),
        ("point 61.6", "his or her", "their"),
        ("point 93", "his or her", "their"),
    ]


def test_all_mentions_of_a_phrase_in_points_is_every_occurrence() -> None:
    read = parse_wording("Change all mentions of the ‘Union Executive Committee’ in point 20, 22 to ‘Senedd’")
    assert [(a.clause, a.occurrence) for a in read] == [("point 20", "all"), ("point 22", "all")]


@pytest.mark.parametrize(
    "wording",
    [
        "Change ‘his or her’ to ‘their’ in points 16.1 and",  # a list that stops short
        "Change ‘his or her’ to ‘their’ in the points we discussed",  # no numbers
    ],
)
def test_change_in_look_alikes_are_refused(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)


# -- a replacement said in the passive ----------------------------------------------------


def test_words_to_be_replaced_by_new_words_is_a_replacement() -> None:
    (a,) = parse_wording("Point 12.1 – ‘as defined by Clause 24’ to be replaced by ‘Senedd’")
    assert (a.op, a.clause, a.old, a.new) == ("replace_words", "Point 12.1", "as defined by Clause 24", "Senedd")


@pytest.mark.parametrize(
    "wording",
    [
        "Rule 2: 'a' to be considered by the committee",  # not a replacement
        "Rule 2: 'a' to be replaced by b and c",  # the new words unquoted
    ],
)
def test_passive_look_alikes_are_refused(wording: str) -> None:
    with pytest.raises(WordingError):
        parse_wording(wording)
