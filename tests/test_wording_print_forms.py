"""Wording forms met in printed motions (docs/motions.md, "Conventional wording"), each read
as its drafter meant, and the look-alikes that must still be refused or read otherwise."""

from __future__ import annotations

import attrs
import pytest

from rulebook.amend.motion import Amendment
from rulebook.amend.wording import parse_wording
from rulebook.errors import WordingError


def fields(a: Amendment) -> dict[str, object]:
    """The fields an amendment sets, without its wording and the new clause's derived id."""
    out = {k: v for k, v in attrs.asdict(a, recurse=False).items() if v is not None and k != "wording"}
    if a.new_clause is not None:
        out["new_clause"] = a.new_clause.text
    return out


# -- a closing double mark typed for the opening one ------------------------------------


def test_a_closing_mark_before_a_space_opens_a_quote_and_the_space_is_not_quoted() -> None:
    (a,) = parse_wording("Rule J 3: Delete ” Brandon House” and replace with “Euston Tower”")
    assert (a.op, a.old, a.new) == ("replace_words", "Brandon House", "Euston Tower")


def test_a_closing_mark_glued_to_the_verb_opens_the_quote() -> None:
    (a,) = parse_wording("Amend TR552, delete” controls on advertising” and insert “a ban”.")
    assert fields(a) == {"op": "replace_words", "clause": "TR552", "old": "controls on advertising", "new": "a ban"}


def test_a_mark_after_a_number_is_part_of_the_word() -> None:
    (a,) = parse_wording("Rule 2: change 12” to 14”")
    assert (a.old, a.new) == ("12”", "14”")


# -- several citations with no plural noun -----------------------------------------------


def test_a_list_of_citations_with_one_first_word_names_each_clause() -> None:
    read = parse_wording("J 3, J 4.1 and J 5.9 Delete 'Brandon House' and replace with 'Euston Tower'")
    assert [(a.clause, a.old, a.new) for a in read] == [
        ("J 3", "Brandon House", "Euston Tower"),
        ("J 4.1", "Brandon House", "Euston Tower"),
        ("J 5.9", "Brandon House", "Euston Tower"),
    ]


def test_a_citation_in_two_parts_is_still_one_clause() -> None:
    (a,) = parse_wording("Chapter 4, Clause II.2: delete 'x'")
    assert a.clause == "Chapter 4, Clause II.2"


# -- the clause named after the words ------------------------------------------------------


def test_words_removed_from_a_clause_named_after_them() -> None:
    (a,) = parse_wording("Remove 'to 35%' from the Dirty Profits Tax")
    assert fields(a) == {"op": "delete_words", "clause": "Dirty Profits Tax", "words": "to 35%"}


def test_a_bare_label_after_a_lettered_clause_names_its_sibling() -> None:
    read = parse_wording("Delete Article 21.7(c) and remove ‘; and’ from (b), replacing with a full stop.")
    assert [fields(a) for a in read] == [
        {"op": "delete_clause", "clause": "Article 21.7(c)"},
        {"op": "replace_words", "clause": "Article 21.7(b)", "old": "; and", "new": "."},
    ]


def test_a_bare_label_of_another_kind_names_a_part_of_the_clause_before() -> None:
    read = parse_wording("Delete Rule 4(c) and remove 'x' from (2)")
    assert read[1].clause == "Rule 4(c)(2)"


@pytest.mark.parametrize(("named", "mark"), [("a full stop", "."), ("a comma", ","), ("a semicolon", ";")])
def test_a_mark_named_in_words_is_the_new_text(named: str, mark: str) -> None:
    (a,) = parse_wording(f"Rule 2: delete '; and' and insert {named}")
    assert (a.old, a.new) == ("; and", mark)


# -- why a change is made ------------------------------------------------------------------


@pytest.mark.parametrize("why", ["to leave the rate unspecified", "so as to make it fairer", "in order to simplify"])
def test_a_purpose_after_a_comma_is_set_aside(why: str) -> None:
    (a,) = parse_wording(f"Rule 2: delete 'x', {why}.")
    assert fields(a) == {"op": "delete_words", "clause": "Rule 2", "words": "x"}


def test_a_purpose_holding_a_quote_is_refused() -> None:
    with pytest.raises(WordingError, match="column"):
        parse_wording("Rule 2: delete 'x', to leave 'y' alone")


# -- US amendatory subjects and tables ---------------------------------------------------------


def test_the_whole_subject_of_is_amended_by_names_the_clause() -> None:
    (a,) = parse_wording(
        "The item relating to chapter 74 in the table of chapters at the beginning of part I of title 18, "
        "United States Code, is amended by striking ``Old'' and inserting ``New''."
    )
    assert a.clause == "item relating to chapter 74 in the table of chapters at the beginning of part I"
    assert (a.old, a.new) == ("Old", "New")


def test_inserting_after_a_clause_named_in_words_the_following() -> None:
    (a,) = parse_wording(
        "The table of sections for chapter 74 of title 18, United States Code, is amended by inserting after "
        "the item pertaining to section 1531 the following:``1532. Requirements.''."
    )
    assert fields(a) == {
        "op": "insert_clause",
        "after": "item pertaining to section 1531",
        "numbered": "1532",
        "new_clause": "Requirements.",
    }


def test_inserting_after_quoted_words_the_following_is_still_words() -> None:
    (a,) = parse_wording("Rule 2: insert after the words 'members' the following: 'and guests'")
    assert (a.op, a.after, a.words) == ("insert_words", "members", "and guests")


# -- a quote whose closing mark was lost ---------------------------------------------------------


def test_a_quote_opened_after_a_colon_and_never_closed_runs_to_the_end() -> None:
    (a,) = parse_wording("Rule 2: replace 'old words' with the following:\n‘New words to the end")
    assert (a.old, a.new) == ("old words", "New words to the end")


def test_an_unclosed_quote_before_other_quotes_is_still_refused() -> None:
    with pytest.raises(WordingError, match="never closed"):
        parse_wording("Rule 2: replace 'a' with: 'b and delete 'c'")


# -- new clauses as a secretary prints them (docs/drafting.md) ----------------------------------


def test_re_letter_the_following_sub_clauses_after_a_new_sub_clause_asks_for_nothing_more() -> None:
    (a,) = parse_wording("insert new sub-clause H after sub-clause G: 'Text.'; re-letter the following sub-clauses")
    assert (a.op, a.after, a.numbered, a.new_clause.text) == ("insert_clause", "sub-clause G", "sub-clause H", "Text.")


def test_sub_clauses_written_without_ids_are_given_derived_ids() -> None:
    text = "insert new clause after Rule 2 as Rule 3: 'A.' with sub-clauses [{text: 'B.'}, {text: 'B.'}]"
    (a,) = parse_wording(text)
    ids = [c.id for c in a.new_clause.children]
    assert [c.text for c in a.new_clause.children] == ["B.", "B."]
    assert len(set(ids)) == 2 and all(i.startswith("b-") for i in ids)
    assert [c.id for c in parse_wording(text)[0].new_clause.children] == ids


def test_between_two_words_insert_puts_the_new_words_in_the_gap() -> None:
    (a,) = parse_wording("Rule 3: Between “to” and “win” insert “run and”")
    assert fields(a) == {"op": "replace_words", "clause": "Rule 3", "old": "to win", "new": "to run and win"}


def test_amend_and_a_numbered_block_under_a_titled_clause_replaces_that_part() -> None:
    (a,) = parse_wording("Section 3 – Forums Amend: 10.c.iv. Officers shall include reps.")
    assert fields(a) == {"op": "replace_text", "clause": "Section 3, 10.c.iv", "text": "Officers shall include reps."}


def test_amend_and_a_block_with_no_number_is_refused() -> None:
    with pytest.raises(WordingError, match=r"column 27\): expected the number of the part"):
        parse_wording("Section 3 – Forums Amend: Officers shall include reps.")


def test_a_further_change_after_a_comma_is_not_a_purpose() -> None:
    with pytest.raises(WordingError, match="cannot read"):
        parse_wording("Rule 2: delete 'x', to be moved after Rule 5")


def test_inserting_after_a_clause_the_following_words_is_not_a_new_clause() -> None:
    with pytest.raises(WordingError, match="column"):
        parse_wording("Rule 2: insert after paragraph 2 the following words: 'z'")


# -- forms met in the held-out corpus (tests/data/real-wording/README.md) ----------------


def test_change_a_clause_title_to_a_quoted_heading_gives_it_a_new_heading() -> None:
    (a,) = parse_wording("Change section 2 title to “General Meetings”.")
    assert fields(a) == {"op": "replace_text", "clause": "section 2", "heading": "General Meetings"}
    (b,) = parse_wording("Change the title of Rule 4 to 'Dues'")
    assert fields(b) == {"op": "replace_text", "clause": "Rule 4", "heading": "Dues"}


@pytest.mark.parametrize(
    "wording", ["Change section 2 title to General Meetings", "change Rule 4 heading to Dues", "change the rule 2 to x"]
)
def test_unquoted_words_naming_a_clause_or_title_are_never_looked_for_in_the_text(wording: str) -> None:
    with pytest.raises(WordingError, match=r"column \d+.*quoted"):
        parse_wording(wording)


def test_unquoted_plain_words_are_still_changed() -> None:
    (a,) = parse_wording("Rule 2: change the 15 per cent to 5 per cent")
    assert (a.op, a.old, a.new) == ("replace_words", "15 per cent", "5 per cent")


def test_added_text_starting_with_a_dotted_number_is_a_new_clause_so_numbered() -> None:
    (a,) = parse_wording("Add: “2.9 The agenda must be sent with the notice.”")
    assert fields(a) == {
        "op": "insert_clause",
        "numbered": "2.9",
        "new_clause": "The agenda must be sent with the notice.",
    }


def test_added_text_starting_with_a_plain_number_keeps_it_as_words() -> None:
    (a,) = parse_wording("Rule Q add: '28 days notice is given.'")
    assert (a.op, a.numbered, a.new_clause and a.new_clause.text) == ("insert_clause", None, "28 days notice is given.")


def test_a_bulleted_list_after_add_is_refused_not_made_one_clause() -> None:
    with pytest.raises(WordingError, match=r"column 17.*bulleted list"):
        parse_wording("In Clause 5, ADD:\n\n• Website Officer\n• Publicity Officer")


def test_throughout_first_then_a_replacement_is_made_in_every_clause() -> None:
    (a,) = parse_wording("Throughout the Standing Orders, delete 'Federal Executive' and insert 'Federal Board'.")
    assert fields(a) == {"op": "replace_words", "old": "Federal Executive", "new": "Federal Board", "throughout": True}


def test_throughout_first_then_anything_but_a_replacement_is_refused() -> None:
    with pytest.raises(WordingError, match=r"column 1\b.*throughout"):
        parse_wording("Throughout the rules, delete 'Federal Executive'")
    with pytest.raises(WordingError, match="column"):
        parse_wording("Throughout the rules delete 'x' and insert 'y'")


def test_existing_before_the_clause_deleted_or_replaced_is_skipped() -> None:
    (a,) = parse_wording("Delete existing clause 3.7 and renumber subsequent clauses as necessary.")
    assert fields(a) == {"op": "delete_clause", "clause": "3.7"}
    (b,) = parse_wording("Replace the existing clause 6.1 with the following:\nThe Treasurer is elected.")
    assert fields(b) == {"op": "replace_text", "clause": "clause 6.1", "text": "The Treasurer is elected."}


def test_a_position_qualifier_without_the_then_a_colon_is_set_aside() -> None:
    (a,) = parse_wording("In first paragraph: replace “representative” with “two representatives”", "Rule D 2.5")
    assert fields(a) == {
        "op": "replace_words",
        "clause": "Rule D 2.5",
        "old": "representative",
        "new": "two representatives",
    }


def test_a_qualifier_then_a_colon_and_no_action_is_refused() -> None:
    with pytest.raises(WordingError, match="column"):
        parse_wording("In first paragraph: 'representative'")


def test_amend_title_after_a_citation_on_its_own_line_changes_that_clause_heading() -> None:
    (a,) = parse_wording("Rule D 2.5\nAmend title – replace “seat” with “seats”")
    assert fields(a) == {
        "op": "replace_words",
        "clause": "Rule D 2.5",
        "old": "seat",
        "new": "seats",
        "part": "heading",
    }


def test_amend_title_with_anything_but_a_word_replacement_is_refused() -> None:
    with pytest.raises(WordingError, match=r"column \d+.*heading"):
        parse_wording("Rule D 2.5\nAmend title – delete “seat”")


def test_a_new_sub_clause_written_as_two_words_at_the_end_of_a_clause() -> None:
    (a,) = parse_wording("In Clause G.3.2.a add a new sub clause at the end “The Party’s representative”.")
    assert fields(a) == {"op": "insert_clause", "into": "Clause G.3.2.a", "new_clause": "The Party’s representative"}
    (b,) = parse_wording("Add new sub clause at end of G.4.2.a “The Party's representative”.")
    assert fields(b) == {"op": "insert_clause", "into": "G.4.2.a", "new_clause": "The Party's representative"}


def test_sub_alone_is_not_a_unit() -> None:
    with pytest.raises(WordingError, match="column"):
        parse_wording("Add new sub at end of G.4.2.a “Text”.")


def test_a_new_point_with_its_own_number_after_a_colon_and_a_dash() -> None:
    (a,) = parse_wording('Add new point 5 as follows: - "5. Any other responsibilities as outlined in Rule B5”')
    assert fields(a) == {
        "op": "insert_clause",
        "numbered": "point 5",
        "new_clause": "Any other responsibilities as outlined in Rule B5",
    }


def test_delete_wording_in_a_clause_and_substitute_with_replaces_its_text() -> None:
    (a,) = parse_wording('Delete wording in E 2(g) and substitute with: - "Act as a route of appeal”.')
    assert fields(a) == {"op": "replace_text", "clause": "E 2(g)", "text": "Act as a route of appeal"}


def test_delete_wording_in_a_clause_alone_empties_it_and_a_dangling_substitute_is_refused() -> None:
    (a,) = parse_wording("Delete wording in E 2(g)")
    assert fields(a) == {"op": "replace_text", "clause": "E 2(g)", "text": ""}
    with pytest.raises(WordingError, match="column"):
        parse_wording("Delete wording in E 2(g) and substitute with")


def test_insert_words_then_at_the_end() -> None:
    (a,) = parse_wording("In clause G.8 Insert “They shall also elect an alternate,” at the end.")
    assert fields(a) == {
        "op": "insert_words",
        "clause": "clause G.8",
        "words": "They shall also elect an alternate,",
        "at": "end",
    }


def test_a_members_motion_to_amend_names_the_clause_and_each_further_edit() -> None:
    wording = (
        'Ms. Lee moves to amend the report in Rule 11B by inserting after the words "branch until the" the word '
        '"third"; and further amend such paragraph by striking the words "1 p.m." and inserting in place thereof '
        'the following words:- "noon"'
    )
    got = [fields(a) for a in parse_wording(wording)]
    assert got == [
        {"op": "insert_words", "clause": "Rule 11B", "after": "branch until the", "words": "third"},
        {"op": "replace_words", "clause": "Rule 11B", "old": "1 p.m.", "new": "noon"},
    ]


def test_moves_to_amend_without_by_and_an_action_is_refused() -> None:
    with pytest.raises(WordingError, match="column"):
        parse_wording("Mr. Keenan moves to amend the report in Rule 11B")


def test_a_quoted_title_after_a_citation_and_a_labelled_part_replaced_by_a_block() -> None:
    (a,) = parse_wording(
        "In standing order 1.1, 'what is on the agenda', delete b) and insert:\nb) A business session."
    )
    assert fields(a) == {"op": "replace_text", "clause": "standing order 1.1, b)", "text": "A business session."}


def test_a_labelled_part_deleted_with_no_new_text_is_refused() -> None:
    with pytest.raises(WordingError, match="column"):
        parse_wording("In standing order 1.1, delete b) and insert")


def test_a_quoted_phrase_between_commas_before_no_action_is_not_a_title() -> None:
    with pytest.raises(WordingError, match="column"):
        parse_wording("In standing order 1.1, 'what is on the agenda', b)")


@pytest.mark.parametrize("text", ["change 'a' to 'b' in the rules", "delete 'a' in these rules"])
def test_a_plural_unit_without_ordinals_is_not_a_place_in_the_clause(text: str) -> None:
    # "in the rules" may mean the whole book: refused, never read as "in this clause"
    with pytest.raises(WordingError, match=r"at word \d+ \('in'"):
        parse_wording(text)
    assert parse_wording("delete 'a' in the first and second sentences")[0].op == "delete_words"
