"""Clause and word diffs (rulebook.diff): matching by stable id, moves, renumbering,
word diffs, attribution to motions and rulings."""

from __future__ import annotations

import attrs
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.blame import history_diff
from rulebook.diff import (
    diff,
    diff_chain,
    diff_clause,
    diff_motions,
    layout,
    new_text,
    old_text,
    tokenize,
    word_diff,
)
from rulebook.history import load_history
from rulebook.model import Change, Clause, Level, Version, walk
from rulebook.strategies import motions, rulebooks
from tests.conftest import LABOUR

LEVELS = (Level("arabic", "Rule {n}"), Level("arabic"), Level("lower-alpha"))


def book(*clauses: Clause, label: str = "1") -> Version:
    return Version("club", label, LEVELS, list(clauses))


BASE = book(
    Clause("name", heading="Name", text="The club is the Model Club."),
    Clause(
        "fees",
        heading="Fees",
        children=[
            Clause("fees.rate", text="The fee is 15 pounds, see [[fees.due]].", provisions={"fee": 15}),
            Clause("fees.due", text="Fees are due in May."),
        ],
    ),
    Clause("end", heading="Dissolution", text="A two-thirds vote dissolves the club."),
)


def ops_of(ops):
    return [(op.op, op.old, op.new) for op in ops if op.op != "equal"]


# -- words ------------------------------------------------------------------------


def test_tokens_join_back_into_the_text():
    text = "Members' fees (0.20) fall due on 1,000 co-operative days; see [[a.b]]."
    assert "".join(tokenize(text)) == text
    assert "[[a.b]]" in tokenize(text)


def test_a_changed_number_is_one_replaced_word():
    ops = word_diff("nominated by 15 per cent of the PLP", "nominated by 10 per cent of the PLP")
    assert ops_of(ops) == [("replace", "15", "10")]


def test_inserted_and_deleted_words_are_kept_apart():
    ops = word_diff("a fee of 5 pounds", "a fee of 5 pounds a year")
    assert ops_of(ops) == [("insert", "", " a year")]
    ops = word_diff("a fee of 5 pounds a year", "a fee of 5 pounds")
    assert ops_of(ops) == [("delete", " a year", "")]


def test_none_counts_as_empty_text():
    assert ops_of(word_diff(None, "new words")) == [("insert", "", "new words")]
    assert word_diff(None, None) == ()


@given(st.text(max_size=60), st.text(max_size=60))
def test_word_diff_joins_back_into_both_texts(old, new):
    ops = word_diff(old, new)
    assert old_text(ops) == old
    assert new_text(ops) == new


# -- clauses ----------------------------------------------------------------------


def test_a_version_compared_with_itself_has_no_changes():
    assert diff(BASE, BASE).is_empty
    assert diff(BASE, attrs.evolve(BASE, label="2")).is_empty


def test_inserting_a_clause_renumbers_the_clauses_after_it():
    new = book(Clause("intro", text="Welcome."), *BASE.clauses)
    d = diff(BASE, new)
    assert [(c.id, c.events) for c in d.clauses] == [
        ("intro", ("added",)),
        ("name", ("renumbered",)),
        ("fees", ("renumbered",)),
        ("fees.rate", ("renumbered",)),
        ("fees.due", ("renumbered",)),
        ("end", ("renumbered",)),
    ]
    fees = d.clause("fees")
    assert (fees.old_citation, fees.new_citation) == ("Rule 2", "Rule 3")
    assert d.clause("fees.due").new_citation == "Rule 3.2"


def test_a_moved_clause_is_a_move_not_a_deletion_and_an_insertion():
    name, fees, end = BASE.clauses
    new = book(end, name, fees)
    d = diff(BASE, new)
    assert [c.id for c in d.moved] == ["end"]
    assert d.added == [] and d.deleted == []
    moved = d.clause("end")
    assert (moved.old_citation, moved.new_citation, moved.text) == ("Rule 3", "Rule 1", None)


def test_a_clause_moved_to_another_parent_is_a_move_with_both_parents():
    name, fees, end = BASE.clauses
    new = book(name, attrs.evolve(fees, children=(*fees.children, end)))
    moved = diff(BASE, new).clause("end")
    assert moved.moved and (moved.old_parent, moved.new_parent) == (None, "fees")
    assert (moved.old_citation, moved.new_citation) == ("Rule 3", "Rule 2.3")


def test_a_deleted_clause_takes_its_children_with_it():
    name, _, end = BASE.clauses
    d = diff(BASE, book(name, end))
    assert [c.id for c in d.deleted] == ["fees", "fees.rate", "fees.due"]
    assert d.clause("end").renumbered


def test_changed_words_headings_and_provisions_are_reported_per_clause():
    name, fees, end = BASE.clauses
    rate = attrs.evolve(fees.children[0], text="The fee is 10 pounds, see [[fees.due]].", provisions={"fee": 10})
    new = book(attrs.evolve(name, heading="Title"), attrs.evolve(fees, children=(rate, fees.children[1])), end)
    d = diff(BASE, new)
    assert ops_of(d.clause("name").heading) == [("replace", "Name", "Title")]
    assert ops_of(d.clause("fees.rate").text) == [("replace", "15", "10")]
    (p,) = d.clause("fees.rate").provisions
    assert (p.name, p.kind, p.old, p.new) == ("fee", "changed", 15, 10)
    assert d.clause("fees") is None  # a parent is not changed by its children's changes


def test_diff_clause_agrees_with_the_whole_diff():
    new = book(Clause("intro", text="Welcome."), *BASE.clauses)
    whole = diff(BASE, new)
    for cid in ("intro", "fees.due", "end"):
        assert diff_clause(BASE, new, cid) == whole.clause(cid)
    assert diff_clause(BASE, BASE, "fees") is None
    assert diff_clause(BASE, new, "no-such-clause") is None


def test_layout_shows_deleted_clauses_where_they_stood_and_stubs_for_moves():
    _, fees, end = BASE.clauses
    new = book(end, attrs.evolve(fees, children=fees.children[:1]))
    rows = [(r.role, r.clause.id, r.citation) for r in layout(diff(BASE, new))]
    assert rows == [
        ("deleted", "name", "Rule 1"),
        ("present", "end", "Rule 1"),
        ("present", "fees", "Rule 2"),
        ("present", "fees.rate", "Rule 2.1"),
        ("deleted", "fees.due", "Rule 2.2"),
        ("moved-away", "end", "Rule 3"),
    ]


def test_json_data_names_every_event():
    new = book(Clause("intro", text="Welcome."), *BASE.clauses)
    data = diff(BASE, new).to_data()
    assert data["summary"]["added"] == 1 and data["summary"]["renumbered"] == 5
    assert data["clauses"][0] == {**data["clauses"][0], "id": "intro", "events": ["added"], "new_citation": "Rule 1"}


# -- attribution ------------------------------------------------------------------


def test_each_word_is_attributed_to_the_motion_that_changed_it():
    m1 = Motion("m1", [Amendment("replace_words", clause="fees.rate", old="15", new="12")])
    m2 = Motion("m2", [Amendment("replace_words", clause="fees.rate", old="12", new="10")])
    m3 = Motion("m3", [Amendment("replace_words", clause="fees.due", old="May", new="June")])
    d = diff_motions(BASE, [m1, m2, m3])
    # m1 struck out 15; its 12 was struck out again by m2, so only m2's 10 shows as inserted
    assert [(op.op, op.old, op.new, op.by.id) for op in d.clause("fees.rate").text if op.op != "equal"] == [
        ("delete", "15", "", "m1"),
        ("insert", "", "10", "m2"),
    ]
    assert [c.id for c in d.clause("fees.rate").by] == ["m1", "m2"]
    assert [c.id for c in d.clause("fees.due").by] == ["m3"]
    assert [c.id for c in d.changes] == ["m1", "m2", "m3"]


def test_a_provision_set_by_a_ruling_and_affirmed_by_another_shows_both_steps():
    nec = Motion(
        "nec",
        [Amendment("set_provision", clause="fees.due", name="due.month", value=5)],
        kind="ruling",
        authority="NEC, 12 July 2016",
    )
    court = attrs.evolve(nec, id="court", authority="High Court, 28 July 2016")
    d = diff_motions(BASE, [nec, court])
    (p,) = d.clause("fees.due").provisions
    assert p.kind == "added"
    assert [(kind, c.id, c.kind, c.authority) for kind, c in p.steps] == [
        ("added", "nec", "ruling", "NEC, 12 July 2016"),
        ("affirmed", "court", "ruling", "High Court, 28 July 2016"),
    ]
    assert d.clause("fees.due").text is None  # a ruling changes no words


def test_diff_chain_rejects_a_wrong_number_of_changes():
    try:
        diff_chain([BASE, BASE], [None, None])
    except ValueError as exc:
        assert "2 versions need 1 changes" in str(exc)
    else:
        raise AssertionError("expected ValueError")


def test_the_sole_motion_of_a_version_is_credited_with_its_changes():
    m = Motion("m", [Amendment("replace_words", clause="end", old="two-thirds", new="three-quarters")])
    new = apply(BASE, m)
    d = diff(BASE, new)
    assert [c.id for c in d.changes] == ["m"]
    assert {op.by.id for op in d.clause("end").text if op.op != "equal"} == {"m"}


def test_labour_rulings_are_provision_changes_never_text_changes():
    history = load_history(LABOUR)
    d = history_diff(history, "2016", "2016-07-28")
    assert [c.kind for c in d.changes] == ["ruling"] * 4  # the 1968 practice, the NEC twice, the court
    assert all(c.text is None and c.heading is None for c in d.clauses)
    (p,) = [p for p in d.provisions if p.name == "leadership.incumbent_automatic"]
    assert [(k, c.authority) for k, c in p.steps] == [
        ("added", "NEC, 12 July 2016"),
        ("affirmed", "High Court (Foster v McNicol [2016] EWHC 1966 (QB)), 28 July 2016"),
    ]


def test_labour_2016_to_2018_attributes_the_threshold_changes_to_their_motions():
    history = load_history(LABOUR)
    d = history_diff(history, "2016", "2018")
    vacancy = d.clause("ch4.leader-election.nominations.vacancy")
    changes = [(op.old, op.new, op.by.id) for op in vacancy.text if op.op != "equal"]
    assert ("15", "10", "2017-vacancy-threshold") in changes
    assert any(by == "2018-leadership-nominations" and "CLPs" in new for _, new, by in changes)


# -- properties -------------------------------------------------------------------


@st.composite
def amended(draw):
    version = draw(rulebooks())
    motion = draw(motions(version, wording=False))
    return version, motion, apply(version, motion)


@given(amended())
def test_a_motions_diff_covers_every_change_joins_back_and_names_the_motion(case):
    # one property over one drawn case: generating books and motions is the slow part
    old, motion, new = case
    d = diff_motions(old, [motion])
    old_ids = {c.id for _, c in walk(old.clauses)}
    new_ids = {c.id for _, c in walk(new.clauses)}
    assert {c.id for c in d.added} == new_ids - old_ids
    assert {c.id for c in d.deleted} == old_ids - new_ids
    for cid in old_ids & new_ids:
        before, after = old.clause(cid), new.clause(cid)
        found = d.clause(cid)
        if (before.text, before.heading, before.provisions) != (after.text, after.heading, after.provisions):
            assert found is not None and found.changed
        if found is not None and found.text is not None:
            assert old_text(found.text) == (before.text or "")
            assert new_text(found.text) == (after.text or "")
    for cd in d.clauses:
        for ops in (cd.text, cd.heading):
            assert all(op.op == "equal" or op.by == motion.change for op in ops or ())
        if cd.changed:
            assert cd.by == (motion.change,)
    rows = list(layout(d))
    assert [r.clause.id for r in rows if r.role == "present"] == [c.id for _, c in walk(new.clauses)]
    assert {r.clause.id for r in rows if r.role == "deleted"} == old_ids - new_ids


def test_a_ruling_change_keeps_its_authority_in_json():
    ruling = Change("ruling", "r", authority="NEC, 12 July 2016")
    new = attrs.evolve(
        book(*BASE.clauses[:2], attrs.evolve(BASE.clauses[2], provisions={"x": True}), label="2"),
        parent="1",
        changes=(ruling,),
    )
    data = diff(BASE, new).to_data()
    assert data["changes"][0]["authority"] == "NEC, 12 July 2016"
    assert data["clauses"][0]["provisions"][0]["by"]["kind"] == "ruling"
