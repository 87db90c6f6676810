"""Provisions stated by the words: binding at load, following through motions, counted sub-clauses."""

from __future__ import annotations

import pytest

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.ask import ask
from rulebook.errors import AmendmentError, SchemaError
from rulebook.io.rulebook import dumps, loads
from rulebook.model import Clause
from rulebook.quantities import read_quantities

CLUB = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}, {style: lower-alpha}]
clauses:
  - id: quorum
    text: "Six voting members of the committee form a quorum."
    provisions: {nec.quorum: 6}
  - id: votes
    text: "Half the votes go to branches: 50 per cent to branches and 50 per cent to sections."
    provisions: {vote.weights: {branches: 0.5, sections: 0.5}}
    stated_by:
      vote.weights.branches: {words: "50 per cent", occurrence: 1}
      vote.weights.sections: {words: "50 per cent", occurrence: 2}
  - id: nec
    text: "The committee is made up of the members below."
    stated_by:
      nec.seats: {from: sub-clauses}
    clauses:
      - {id: nec.chair, text: "The chair of the club."}
      - {id: nec.branches, text: "Five members elected by the branches, at least two of them women."}
      - {id: nec.secretary, text: "The secretary, who shall not vote."}
"""


def words(op: str, clause: str, **kw: object) -> Motion:
    return Motion("m", [Amendment(op, clause=clause, **kw)])  # type: ignore[arg-type]


@pytest.fixture
def club():
    return loads(CLUB, "club.yaml")


def test_a_value_stated_once_is_bound_and_follows_a_word_motion(club):
    assert [s.words for s in club.clause("quorum").stated] == ["Six"]
    after = apply(club, words("replace_words", "Rule 1", old="Six", new="Eight"))
    assert after.provision("nec.quorum") == 8
    assert after.provenance["nec.quorum"].id == "m"


def test_a_whole_new_text_is_read_again(club):
    after = apply(club, words("replace_text", "Rule 1", text="Nine voting members of the committee form a quorum."))
    assert after.provision("nec.quorum") == 9


def test_words_that_state_no_value_leave_it_unstated_and_answers_undetermined(club):
    after = apply(club, words("replace_words", "Rule 1", old="Six", new="Enough"))
    (lost,) = [s for s in after.clause("quorum").stated if not s.is_stated]
    assert "'Enough'" in (lost.lost or "")
    answer = ask(after, "provision", {"name": "nec.quorum"})
    assert answer.status == "undetermined"
    assert "Rule 1 (id quorum) no longer states nec.quorum" in answer.gaps[0].message
    assert all(b.provision != "nec.quorum" for b in answer.because)
    # saved and read again, it stays unstated
    again = loads(dumps(after), "again.yaml")
    assert ask(again, "provision", {"name": "nec.quorum"}).status == "undetermined"


def test_a_motion_changing_other_words_changes_no_value(club):
    after = apply(club, words("replace_words", "Rule 1", old="committee", new="council"))
    assert after.provision("nec.quorum") == 6
    assert "nec.quorum" not in after.provenance


def test_the_occurrence_picks_which_repeated_phrase_states_which_value(club):
    after = apply(club, words("replace_words", "Rule 2", old="50 per cent to sections", new="60 per cent to sections"))
    assert dict(after.provision("vote.weights")) == {"branches": 0.5, "sections": 0.6}


def test_set_provision_still_sets_a_value_no_words_state(club):
    after = apply(club, words("set_provision", "Rule 1", name="nec.tie", value="chair"))
    assert after.provision("nec.tie") == "chair"


def test_a_composition_is_counted_from_its_sub_clauses(club):
    seats = club.provision("nec.seats")
    assert {k: (v["seats"], v["voting"]) for k, v in seats.items()} == {
        "chair": (1, True),
        "branches": (5, True),
        "secretary": (1, False),
    }


def test_inserting_and_deleting_a_member_sub_clause_changes_the_composition(club):
    youth = Clause("nec.youth", text="Two youth members.")
    inserted = apply(club, Motion("m", [Amendment("insert_clause", into="Rule 3", new_clause=youth)]))
    assert inserted.provision("nec.seats")["youth"]["seats"] == 2
    assert ask(inserted, "nec.composition").answer["voting"] == 8
    deleted = apply(club, words("delete_clause", "Rule 3.a"))
    assert "chair" not in deleted.provision("nec.seats")


def test_a_member_sub_clause_that_does_not_say_its_seats_leaves_the_composition_undetermined(club):
    after = apply(club, words("replace_words", "Rule 3.b", old="Five members", new="Members"))
    answer = ask(after, "nec.composition")
    assert answer.status == "undetermined"
    assert "sub-clause nec.branches ('Members elected" in answer.gaps[0].message


def test_a_counted_provision_cannot_be_set_by_hand(club):
    with pytest.raises(AmendmentError, match="counted from the sub-clauses"):
        apply(club, words("set_provision", "Rule 3", name="nec.seats", value={"x": 1}))


def test_a_binding_that_contradicts_the_words_is_refused_at_load_with_file_and_line():
    bad = CLUB.replace("provisions: {nec.quorum: 6}", 'provisions: {nec.quorum: 7}\n    stated_by: {nec.quorum: "Six"}')
    with pytest.raises(SchemaError) as info:
        loads(bad, "club.yaml")
    assert str(info.value).startswith("club.yaml:9: clause 'quorum': stated_by nec.quorum is 7, but 'Six' states 6")


def test_a_binding_to_words_that_are_not_there_is_refused():
    bad = CLUB.replace(
        "provisions: {nec.quorum: 6}", 'provisions: {nec.quorum: 6}\n    stated_by: {nec.quorum: "Seven"}'
    )
    with pytest.raises(SchemaError, match="the words 'Seven' are not in the clause's text"):
        loads(bad, "club.yaml")


def test_explicit_bindings_round_trip(club):
    again = loads(dumps(club), "again.yaml")
    assert again == club
    assert [s.occurrence for s in again.clause("votes").stated] == [1, 2]
    assert again.clause("nec").stated[0].source == "sub-clauses"


@pytest.mark.parametrize(
    ("text", "kind", "value"),
    [
        ("a two-thirds majority", "share", "2/3"),
        ("at least three affiliates", "number", "3"),
        ("for three years", "number", "3"),
        ("a simple majority", "share", "1/2"),
        ("twenty-five per cent", "share", "1/4"),
    ],
)
def test_the_reader_reads_the_forms_rule_books_use(text, kind, value):
    from fractions import Fraction

    (q,) = read_quantities(text)
    assert (q.kind, q.value) == (kind, Fraction(value))
