"""Explaining a motion: readings, the clauses they resolve to, and problems, before applying."""

from __future__ import annotations

import pytest

from rulebook.amend.draft import draft
from rulebook.amend.explain import explain, to_data, to_text
from rulebook.amend.motion import Amendment, Motion
from rulebook.errors import AmendmentError
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import load_file
from rulebook.model import Clause, Version
from tests.conftest import DATA, LABOUR


@pytest.fixture(scope="module")
def club() -> Version:
    return load_file(DATA / "club.yaml")


def motion(*wordings: str, base: str | None = "1") -> Motion:
    body = "\n".join(f"  - wording: {w!r}" for w in wordings)
    (m,) = motion_io.loads(f"motion: m\nbase: {base!r}\namendments:\n{body}\n", "m.yaml")
    return m


def test_a_wording_is_read_and_resolved_to_citation_and_id(club: Version) -> None:
    e = explain(motion("Rule 2.2: delete '15 pounds' and insert '20 pounds'"), club)
    (r,) = e.readings
    assert (r.index, r.op, r.line, e.ok) == (1, "replace_words", 4, True)
    (t,) = r.targets
    assert (t.role, t.ref, t.id, t.citation, t.source) == ("clause", "Rule 2.2", "members.fees", "Rule 2.2", "base")


def test_one_wording_of_several_amendments_gives_a_reading_each(club: Version) -> None:
    e = explain(motion("Rule 2.2: delete '15' and insert '20'; after 'January' insert 'each year'"), club)
    assert [(r.index, r.op, r.reads) for r in e.readings] == [
        (1, "replace_words", "Rule 2.2: delete '15' and insert '20'"),
        (2, "insert_words", "Rule 2.2: after 'January' insert 'each year'"),
    ]
    assert e.readings[1].wording == "Rule 2.2: delete '15' and insert '20'; after 'January' insert 'each year'"


def test_ids_are_read_back_as_citations(club: Version) -> None:
    m = Motion("m", [Amendment("delete_clause", clause="members.lapse")], base="1")
    assert explain(m, club).readings[0].reads == "delete clause Rule 2.3"


def test_a_new_clause_shows_the_citation_it_will_have_and_later_references_find_it(club: Version) -> None:
    e = explain(
        motion(
            "insert new clause fees.late after Rule 2.2: 'Late payers pay double.'",
            "insert new clause fees.later after fees.late: 'Later still.'",
        ),
        club,
    )
    first, second = e.readings
    assert [(t.role, t.id, t.citation) for t in first.targets] == [
        ("after", "members.fees", "Rule 2.2"), ("new", "fees.late", "Rule 2.3")]  # fmt: skip
    assert (second.targets[0].source, second.targets[0].citation) == ("motion", "Rule 2.3")
    assert "added by this motion" in to_text(e)
    assert e.ok


def test_later_citations_are_read_in_the_base_not_the_half_amended_text(club: Version) -> None:
    e = explain(motion("delete clause Rule 2.1", "Rule 2.2: delete '15' and insert '20'"), club)
    assert e.readings[1].targets[0].id == "members.fees"
    assert e.ok


def test_a_reference_to_no_clause_is_a_problem_with_the_nearest(club: Version) -> None:
    e = explain(motion("Rule 2.9: delete 'x'"), club)
    (problem,) = e.readings[0].problems
    assert problem.startswith("m.yaml:4: amendment 1 of motion m: clause: no clause 'Rule 2.9'")
    assert "nearest" in problem and not e.ok


@pytest.mark.parametrize(
    ("wording", "expected"),
    [
        ("Rule 2.2: delete 'twenty'", "'twenty' does not occur in Rule 2.2 (id members.fees)"),
        ("Rule 3.1: delete ' a '", "occurs 2 times in Rule 3.1 (id committee.composition) (words 4 and 6)"),
        ("Rule 3: remove provision fees.annual", "carries no provision 'fees.annual'"),
    ],
)
def test_an_amendment_that_would_not_apply_says_why(club: Version, wording: str, expected: str) -> None:
    e = explain(motion(wording), club)
    (problem,) = e.readings[0].problems
    assert problem.startswith("m.yaml:4: amendment 1 of motion m: ")
    assert expected in problem


def test_an_op_whose_wording_says_something_else_is_a_problem(club: Version) -> None:
    text = (
        "motion: m\nbase: '1'\namendments:\n"
        "  - {op: delete_words, clause: members.fees, words: '15', wording: \"Rule 2.2: delete '16'\"}\n"
    )
    (m,) = motion_io.loads(text, "m.yaml")
    (problem,) = explain(m, club).readings[0].problems
    assert "its wording reads \"Rule 2.2: delete '16'\"" in problem


def test_an_op_with_its_matching_wording_is_clean(club: Version) -> None:
    text = (
        "motion: m\nbase: '1'\namendments:\n"
        "  - {op: delete_words, clause: members.fees, words: '15', wording: \"Rule 2.2: delete '15'\"}\n"
    )
    (m,) = motion_io.loads(text, "m.yaml")
    assert explain(m, club).ok


def test_without_a_book_only_the_readings_are_given() -> None:
    e = explain(motion("Rule 2.2: delete '15'"))
    (t,) = e.readings[0].targets
    assert (t.id, t.citation, e.ok) == (None, None, True)


def test_a_base_the_book_does_not_have_is_an_error(club: Version) -> None:
    with pytest.raises(AmendmentError, match="drafted against version '1999'"):
        explain(motion("Rule 1: delete 'x'", base="1999"), club)


def test_explaining_changes_nothing(club: Version) -> None:
    before = load_file(DATA / "club.yaml")
    explain(motion("delete clause Rule 2", "insert new clause z after Rule 1: 'Z.'"), club)
    assert club == before


def test_the_2018_labour_motion_resolves_in_its_2017_base() -> None:
    history = load_history(LABOUR)
    (m,) = motion_io.load_file(LABOUR / "motions" / "2018-conference.yaml")
    e = explain(m, history["2017"], bases=history.lineage("2017"))
    assert e.ok
    assert {(t.id, t.citation) for r in e.readings for t in r.targets} == {
        ("ch4.leader-election.nominations.vacancy", "Chapter 4, Clause II.2.B.i")}  # fmt: skip


def test_json_data_holds_every_field(club: Version) -> None:
    data = to_data(explain(motion("insert new clause z after Rule 1: 'Z.'"), club))
    (a,) = data["motions"][0]["amendments"]
    assert data["ok"] is True
    assert a["operation"] == {"op": "insert_clause", "after": "Rule 1", "clause": {"id": "z", "text": "Z."}}
    assert a["clauses"][1] == {"role": "new", "ref": "z", "id": "z", "citation": "Rule 2", "source": "motion"}


def test_new_clause_ids_are_shown_even_without_a_book() -> None:
    e = explain(Motion("m", [Amendment("insert_clause", after="Rule 1", new_clause=Clause("z", text="Z."))]))
    assert [t.role for t in e.readings[0].targets] == ["after", "new"]


def test_the_phrase_of_insert_words_is_not_taken_for_a_clause(club: Version) -> None:
    e = explain(motion("Rule 2.2: after 'January' insert 'each year'", "Rule 2.2: before 'The' insert 'Yearly:'"), club)
    assert e.ok
    assert [[t.role for t in r.targets] for r in e.readings] == [["clause"], ["clause"]]


def test_a_drafted_motion_explains_cleanly() -> None:
    history = load_history(LABOUR)
    old = history["2017"]
    e = explain(draft(old, history["2018"]), old)
    assert e.ok, to_text(e)


def test_a_value_stated_by_the_changed_words_follows_them_and_explain_says_so() -> None:
    version = load_history(LABOUR)["2016"]
    m = Motion(
        "m25",
        [Amendment("replace_words", clause="Chapter 4, Clause II.2.B.ii", old="20 per cent", new="25 per cent")],
        base="2016",
    )
    (reading,) = explain(m, version).readings
    assert reading.notes == ("leadership.nominations.challenge.share 0.2 -> 0.25, read from '25 per cent'",)
    gone = Motion("gone", [Amendment("replace_words", clause="ch4.leader-election.nominations.challenge",
                                     old="20 per cent", new="a fair share")], base="2016")  # fmt: skip
    (reading,) = explain(gone, version).readings
    assert reading.notes[0].startswith("leadership.nominations.challenge.share 0.2 -> unstated, no longer stated")
