"""Applying motions: every operation, occurrences, base checks, atomicity, renumbering."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulebook.amend.apply import apply, apply_all, find_phrase
from rulebook.amend.motion import Amendment, Motion
from rulebook.errors import AmendmentError
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import dumps, load_file
from rulebook.model import Clause, Level, Version
from rulebook.numbering import all_citations, citation
from rulebook.refs import render_refs

DATA = Path(__file__).resolve().parent / "data"


@pytest.fixture
def club() -> Version:
    return load_file(DATA / "club.yaml")


def _one(version: Version, *amendments: Amendment, base: str | None = None, kind: str = "motion") -> Version:
    return apply(version, Motion("m", amendments, base=base, kind=kind, authority="NEC" if kind == "ruling" else None))


def _fails(version: Version, *amendments: Amendment, base: str | None = None) -> str:
    saved = dumps(version)
    with pytest.raises(AmendmentError) as info:
        _one(version, *amendments, base=base)
    assert dumps(version) == saved, "a failed motion changed the version it was applied to"
    message = str(info.value)
    assert "\n" not in message
    return message


# -- word operations -----------------------------------------------------------


def test_replace_words_by_citation(club):
    out = _one(club, Amendment("replace_words", clause="Rule 2.2", old="15 pounds", new="20 pounds"))
    assert out.clause("members.fees").text == "The annual fee is 20 pounds, payable in January."
    assert club.clause("members.fees").text == "The annual fee is 15 pounds, payable in January."


def test_replace_words_with_nothing_leaves_no_double_space(club):
    out = _one(club, Amendment("replace_words", clause="members.fees", old="annual", new=""))
    assert out.clause("members.fees").text == "The fee is 15 pounds, payable in January."


def test_delete_words(club):
    out = _one(club, Amendment("delete_words", clause="members.fees", words=", payable in January"))
    assert out.clause("members.fees").text == "The annual fee is 15 pounds."


def test_insert_words_after_and_before(club):
    after = _one(club, Amendment("insert_words", clause="Rule 1", words="Sports", after="the Model"))
    assert after.clause("name").text == "The club shall be called the Model Sports Club."
    before = _one(club, Amendment("insert_words", clause="Rule 1", words="always", before="be called"))
    assert before.clause("name").text == "The club shall always be called the Model Club."
    comma = _one(club, Amendment("insert_words", clause="Rule 1", words=", in full,", after="called"))
    assert comma.clause("name").text == "The club shall be called, in full, the Model Club."


def test_replace_text_and_heading(club):
    out = _one(club, Amendment("replace_text", clause="Rule 2", text="Who may join.", heading="Members"))
    assert out.clause("members").text == "Who may join."
    assert out.clause("members").heading == "Members"
    assert out.clause("members").children == club.clause("members").children


def test_insert_clause_after_before_and_into_renumbers_followers(club):
    new = Clause("members.students", text="Students pay half.")
    after = _one(club, Amendment("insert_clause", after="Rule 2.2", new_clause=new))
    assert citation(after, "members.students") == "Rule 2.3"
    assert citation(after, "members.lapse") == "Rule 2.4"
    before = _one(club, Amendment("insert_clause", before="Rule 2.1", new_clause=new))
    assert citation(before, "members.students") == "Rule 2.1"
    into = _one(club, Amendment("insert_clause", into="Rule 2", new_clause=new))
    assert [c.id for c in into.clause("members").children][-1] == "members.students"
    top = _one(club, Amendment("insert_clause", before="Rule 1", new_clause=Clause("preamble", text="Hello.")))
    assert citation(top, "committee") == "Rule 4"


def test_a_reference_follows_its_target_through_renumbering(club):
    out = _one(club, Amendment("insert_clause", before="Rule 2.1", new_clause=Clause("members.first", text="x")))
    assert render_refs(out, out.clause("members.eligibility").text or "").endswith("subject to Rule 2.3.")
    assert render_refs(club, club.clause("members.eligibility").text or "").endswith("subject to Rule 2.2.")


def test_delete_clause_removes_children_and_renumbers(club):
    out = _one(club, Amendment("delete_clause", clause="Rule 3.2"))
    assert "committee.quorum" not in out and "committee.quorum.absent" not in out
    assert out.provision("committee.quorum") is None
    deleted_first = _one(club, Amendment("delete_clause", clause="Rule 1"))
    assert citation(deleted_first, "committee") == "Rule 2"


def test_move_clause(club):
    out = _one(club, Amendment("move_clause", clause="Rule 2.3", before="Rule 2.1"))
    assert [c.id for c in out.clause("members").children] == ["members.lapse", "members.eligibility", "members.fees"]
    into = _one(club, Amendment("move_clause", clause="Rule 3.2.a", into="Rule 3"))
    assert citation(into, "committee.quorum.absent") == "Rule 3.3"


def test_set_and_remove_provision(club):
    out = _one(club, Amendment("set_provision", clause="Rule 2.2", name="fees.annual", value=20))
    assert out.provision("fees.annual") == 20
    added = _one(club, Amendment("set_provision", clause="Rule 2.3", name="members.grace", value={"months": 2}))
    assert added.provision_clause("members.grace") == "members.lapse"
    removed = _one(club, Amendment("remove_provision", clause="Rule 3.2", name="committee.tie"))
    assert removed.provision("committee.tie") is None
    assert removed.provision("committee.quorum") == 4


def test_a_provision_is_recorded_as_set_by_its_motion(club):
    out = _one(club, Amendment("set_provision", clause="Rule 2.2", name="fees.annual", value=20))
    assert out.provenance["fees.annual"].id == "m"


# -- occurrences ---------------------------------------------------------------


def test_find_phrase_counts_words_of_every_occurrence():
    assert find_phrase("a b a b", "a b", 2) == (4, [1, 3])
    with pytest.raises(ValueError, match="ambiguous"):
        find_phrase("a b a b", "a b", None)
    with pytest.raises(ValueError, match="absent"):
        find_phrase("a b", "c", None)
    with pytest.raises(ValueError, match="occurrence"):
        find_phrase("a b", "a", 2)


def test_occurrence_chooses_which_place_changes(club):
    out = _one(
        club, Amendment("replace_words", clause="committee.quorum.absent", old="chair", new="leader", occurrence=2)
    )
    assert out.clause("committee.quorum.absent").text == (
        "If the chair is absent, the members present elect a leader for the meeting."
    )


def test_a_phrase_occurring_twice_names_both_places_and_the_fix(club):
    message = _fails(club, Amendment("replace_words", clause="Rule 3.2.a", old="chair", new="leader"))
    assert "amendment 1 of motion m" in message
    assert "'chair' occurs 2 times in Rule 3.2.a (id committee.quorum.absent) (words 3 and 11)" in message
    assert "add occurrence: 1 or 2" in message


def test_a_phrase_that_does_not_occur_quotes_the_clause(club):
    message = _fails(club, Amendment("delete_words", clause="Rule 1", words="Golf"))
    assert "'Golf' does not occur in Rule 1 (id name)" in message
    assert "'The club shall be called the Model Club.'" in message


def test_an_occurrence_beyond_the_count(club):
    message = _fails(club, Amendment("delete_words", clause="Rule 1", words="club", occurrence=3))
    assert "occurrence 3 of 'club' asked for, but it occurs 1 time(s)" in message


# -- errors name the motion, the amendment and the clause ------------------------


@pytest.mark.parametrize(
    ("amendment", "fragment"),
    [
        (Amendment("replace_text", clause="Rule 9", text="x"), "no clause 'Rule 9'"),
        (Amendment("insert_clause", after="Rule 1", new_clause=Clause("members")), "id 'members' is already used"),
        (Amendment("insert_clause", into="Rule 3.2.a", new_clause=Clause("z")), "would sit 4 levels deep"),
        (Amendment("move_clause", clause="Rule 3", into="Rule 3.2"), "itself or one of its own sub-clauses"),
        (Amendment("set_provision", clause="Rule 1", name="fees.annual", value=1), "is carried by Rule 2.2"),
        (Amendment("remove_provision", clause="Rule 1", name="fees.annual"), "carries no provision 'fees.annual'"),
        (Amendment("insert_words", clause="Rule 1", words="x"), "needs 'after', 'before' or 'at'"),
        (Amendment("insert_words", clause="Rule 1", words="", after="club"), "'words' is empty"),
        (Amendment("delete_words", clause="Rule 1", words=""), "is empty"),
    ],
)
def test_bad_amendments_name_the_motion_amendment_and_problem(club, amendment, fragment):
    ok = Amendment("replace_text", clause="Rule 1", text="First.")
    message = _fails(club, ok, amendment)
    assert "amendment 2 of motion m" in message
    assert fragment in message


def test_an_unknown_operation_is_refused_when_the_amendment_is_made():
    with pytest.raises(AmendmentError, match="unknown operation 'frobnicate'; the operations are replace_words"):
        Amendment("frobnicate", clause="Rule 1")


def test_a_ruling_may_not_change_words(club):
    with pytest.raises(AmendmentError, match="a ruling changes what rules mean, not their words"):
        _one(club, Amendment("replace_text", clause="Rule 1", text="x"), kind="ruling")
    ruled = _one(
        club, Amendment("set_provision", clause="Rule 3.2", name="committee.tie", value="fails"), kind="ruling"
    )
    assert ruled.provision("committee.tie") == "fails"


def test_errors_from_a_file_name_the_file_and_the_amendments_line(club, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text(
        'motion: twice\nbase: "1"\namendments:\n'
        "  - {op: replace_text, clause: Rule 1, text: Hi.}\n"
        "  - {op: replace_words, clause: Rule 3.2.a, old: chair, new: leader}\n"
    )
    (motion,) = motion_io.load_file(path)
    with pytest.raises(AmendmentError) as info:
        apply(club, motion)
    assert str(info.value).startswith(f"{path}:5: amendment 2 of motion twice: ")


# -- atomicity -----------------------------------------------------------------


def test_a_motion_applies_whole_or_not_at_all(club):
    good = Amendment("replace_words", clause="Rule 2.2", old="15", new="20")
    bad = Amendment("delete_clause", clause="Rule 7")
    _fails(club, good, bad)
    assert club.clause("members.fees").text == "The annual fee is 15 pounds, payable in January."


def test_apply_all_is_all_or_nothing(club):
    first = Motion("a", [Amendment("replace_words", clause="Rule 2.2", old="15", new="20")])
    second = Motion("b", [Amendment("replace_words", clause="Rule 2.2", old="15", new="25")])
    saved = dumps(club)
    with pytest.raises(AmendmentError, match="amendment 1 of motion b"):
        apply_all(club, [first, second])
    assert dumps(club) == saved


def test_a_later_amendment_sees_the_clauses_an_earlier_one_added(club):
    out = _one(
        club,
        Amendment("insert_clause", after="Rule 3", new_clause=Clause("officers", text="There are officers.")),
        Amendment("insert_words", clause="officers", words="three", after="are"),
    )
    assert out.clause("officers").text == "There are three officers."


def test_the_result_records_its_parent_and_the_motion(club):
    out = apply(club, Motion("cut", [Amendment("delete_clause", clause="Rule 1")], title="Cut"))
    assert out.parent == "1" and out.label == "1+cut"
    assert [c.id for c in out.changes] == ["cut"]
    named = apply(club, Motion("cut", [Amendment("delete_clause", clause="Rule 1")]), label="2")
    assert named.label == "2"


# -- bases: citations are read in the version the motion was drafted against -----


def test_citations_are_resolved_in_the_motions_base_not_in_the_version_in_hand(club):
    # the first motion inserts a clause before Rule 2.1, so members.fees becomes Rule 2.3;
    # the second motion, drafted against the base, still means members.fees by "Rule 2.2"
    first = Motion("a", [Amendment("insert_clause", before="Rule 2.1", new_clause=Clause("members.new", text="x"))])
    second = Motion("b", [Amendment("replace_words", clause="Rule 2.2", old="15", new="20")], base="1")
    out = apply_all(club, [first, second])
    assert out.clause("members.fees").text == "The annual fee is 20 pounds, payable in January."
    assert all_citations(out)["members.fees"] == "Rule 2.3"


def test_a_motion_on_a_clause_an_earlier_motion_deleted_says_so(club):
    first = Motion("a", [Amendment("delete_clause", clause="Rule 2.2")])
    second = Motion("b", [Amendment("replace_words", clause="Rule 2.2", old="15", new="20")], base="1")
    with pytest.raises(AmendmentError) as info:
        apply_all(club, [first, second])
    message = str(info.value)
    assert "amendment 1 of motion b" in message
    assert "Rule 2.2 (id members.fees) no longer exists" in message


def test_a_motion_drafted_against_an_ancestor_resolves_there(club):
    newer = _one(club, Amendment("delete_clause", clause="Rule 1"))
    motion = Motion("late", [Amendment("replace_text", clause="Rule 3", text="Committee.")], base="1")
    out = apply(newer, motion, bases={"1": club})
    assert out.clause("committee").text == "Committee."  # "Rule 3" in the base, though Rule 2 now


def test_a_motion_whose_base_is_unknown_is_refused(club):
    message = _fails(club, Amendment("delete_clause", clause="Rule 1"), base="1999")
    assert "drafted against version '1999'" in message
    assert "correct 'base'" in message


# -- whole words and punctuation at the edge of a quote ---------------------------


def _clause(text: str) -> Version:
    return Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("r", text=text)])


@pytest.mark.parametrize(
    ("text", "old", "inside"),
    [
        ("The threshold is 15 per cent of members.", "5 per cent", "15 per cent"),
        ("All women may stand.", "men", "women"),
        ("Members pay 2019 fees.", "201", "2019"),
    ],
)
def test_a_phrase_never_matches_inside_a_longer_word(text, old, inside):
    message = _fails(_clause(text), Amendment("replace_words", clause="r", old=old, new="X"))
    assert f"only inside longer words (as in {inside!r})" in message


def test_occurrences_are_counted_as_whole_words():
    out = _one(
        _clause("women and men and men"), Amendment("replace_words", clause="r", old="men", new="people", occurrence=2)
    )
    assert out.clause("r").text == "women and men and people"
    assert find_phrase("women and men", "men", None) == (10, [3])


def test_an_ambiguous_phrase_names_the_first_few_places_and_the_count():
    text = " ".join(["the fee"] * 100_000)
    message = _fails(_clause(text), Amendment("delete_words", clause="r", words="fee"))
    assert "occurs 100000 times" in message
    assert "words 2, 4, 6, 8, 10, ... (100000 in all)" in message
    assert len(message) < 400


def test_a_stop_inside_the_closing_quote_that_the_clause_lacks_is_left_out():
    v = _clause("Open to women members and lesbian and gay members.")
    a = Amendment("insert_words", clause="r", after="women members,", words="disabled members,")
    assert _one(v, a).clause("r").text == "Open to women members disabled members and lesbian and gay members."


def test_new_words_ending_in_a_full_stop_mid_sentence_lose_it():
    v = _clause("Open to women members and lesbian and gay members.")
    a = Amendment("insert_words", clause="r", after="women members", words="and disabled members.")
    assert _one(v, a).clause("r").text == "Open to women members and disabled members and lesbian and gay members."
    at_end = Amendment("insert_words", clause="r", after="gay members.", words="Others may attend.")
    assert _one(v, at_end).clause("r").text.endswith("gay members. Others may attend.")


def test_a_full_stop_before_a_capital_mid_sentence_is_refused_naming_both_readings():
    v = _clause("Members of the Labour Party may vote.")
    message = _fails(v, Amendment("insert_words", clause="r", after="Members of the", words="trade union."))
    assert "'trade union.'" in message and "'trade union'" in message


def test_a_different_mark_in_the_clause_is_not_read_away():
    message = _fails(_clause("Members, guests and staff."), Amendment("delete_words", clause="r", words="Members."))
    assert "does not occur" in message


def test_words_added_at_the_end_or_start_of_a_clause():
    v = _clause("Members pay a fee.")
    assert (
        _one(v, Amendment("insert_words", clause="r", at="end", words="It is due in May.")).clause("r").text
        == "Members pay a fee. It is due in May."
    )
    assert (
        _one(v, Amendment("insert_words", clause="r", at="start", words="All"))
        .clause("r")
        .text.startswith("All Members")
    )


def test_a_new_clause_must_get_the_number_the_motion_gives_it(club):
    new = Clause("new.one", text="New.")
    ok = _one(club, Amendment("insert_clause", after="Rule 1", new_clause=new, numbered="Rule 2"))
    assert citation(ok, "new.one") == "Rule 2"
    message = _fails(club, Amendment("insert_clause", after="Rule 1", new_clause=new, numbered="Rule 3"))
    assert "numbers the new clause 'Rule 3'" in message and "it would be Rule 2" in message
