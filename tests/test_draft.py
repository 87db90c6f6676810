"""Drafting a motion from two versions: each kind of change, and what cannot be drafted."""

from __future__ import annotations

from pathlib import Path

import attrs
import pytest

from rulebook.amend.apply import apply
from rulebook.amend.draft import draft, text_amendments
from rulebook.amend.motion import Amendment, Motion
from rulebook.amend.wording import parse_wording
from rulebook.binding import restate
from rulebook.errors import DraftError
from rulebook.history import load_history
from rulebook.io.rulebook import load_file
from rulebook.model import Clause, Level, Version, delete_clause, evolve_clause, insert_clause, replace_clause
from tests.conftest import DATA, LABOUR


@pytest.fixture(scope="module")
def club() -> Version:
    return load_file(DATA / "club.yaml")


def edited(version: Version, cid: str, **changes: object) -> Version:
    """The version with one clause changed, its bound provisions following its words."""
    return restate(version, replace_clause(version, evolve_clause(version.clause(cid), **changes)))


def drafted(old: Version, new: Version) -> Motion:
    """Draft, and check the motion gives NEW exactly."""
    motion = draft(old, new, motion_id="m")
    assert apply(old, motion).clauses == new.clauses
    return motion


def wordings(motion: Motion) -> list[str | None]:
    return [a.wording for a in motion.amendments]


def test_a_changed_number_is_one_minimal_replacement(club: Version) -> None:
    new = edited(club, "members.fees", text="The annual fee is 20 pounds, payable in January.")
    assert wordings(drafted(club, new)) == ["Rule 2.2: delete '15' and insert '20'"]


def test_added_words_are_inserted_after_a_unique_phrase(club: Version) -> None:
    new = edited(club, "members.lapse", text="A member whose fee is unpaid by the end of March lapses.")
    (a,) = drafted(club, new).amendments
    assert (a.op, a.words) == ("insert_words", "the end of")


def test_removed_words_are_deleted(club: Version) -> None:
    new = edited(club, "members.fees", text="The annual fee is 15 pounds.")
    (a,) = drafted(club, new).amendments
    assert a.op in ("delete_words", "replace_words")
    assert a.wording is not None and a.wording.startswith("Rule 2.2: ")


def test_a_phrase_that_occurs_twice_is_widened_until_unique() -> None:
    old = Version("c", "1", [Level("arabic", "Rule {n}")], [Clause("r", text="a member or a member of staff")])
    new = Version("c", "2", old.numbering, [Clause("r", text="a member or a guest of staff")])
    (a,) = drafted(old, new).amendments
    assert a.op == "replace_words" and "member" in (a.old or "") and a.occurrence is None
    assert (a.old or "").count("member") == 1 and len(a.old or "") > len("member")


def test_a_text_rewritten_through_and_through_is_replaced_whole(club: Version) -> None:
    new = edited(club, "name", text="Anything goes.")
    (a,) = drafted(club, new).amendments
    assert (a.op, a.text) == ("replace_text", "Anything goes.")


def test_a_heading_change(club: Version) -> None:
    new = edited(club, "committee", heading="The management committee")
    assert wordings(drafted(club, new)) == ["Rule 3: replace the heading with 'The management committee'"]


def test_a_removed_heading(club: Version) -> None:
    new = edited(club, "committee", heading=None)
    assert wordings(drafted(club, new)) == ["Rule 3: delete the heading"]


def test_a_provision_change_and_removal(club: Version) -> None:
    provisions = {"committee.quorum": 5}
    new = edited(club, "committee.quorum", provisions=provisions)
    got = wordings(drafted(club, new))
    assert got == ["Rule 3.2: remove provision committee.tie", "Rule 3.2: set provision committee.quorum to 5"]


def test_a_provision_moving_to_another_clause_is_removed_first(club: Version) -> None:
    new = edited(club, "members.fees", provisions={})
    new = edited(new, "members.lapse", provisions={"fees.annual": 15})
    ops = [(a.op, a.clause) for a in drafted(club, new).amendments]
    assert ops == [("remove_provision", "members.fees"), ("set_provision", "members.lapse")]


def test_an_inserted_clause_with_children(club: Version) -> None:
    clause = Clause("elections", heading="Elections", text="Officers are elected yearly.",
                    children=[Clause("elections.ballot", text="By secret ballot.")])  # fmt: skip
    new = insert_clause(club, None, 2, clause)
    (a,) = drafted(club, new).amendments
    assert (a.op, a.after, a.new_clause) == ("insert_clause", "members", clause)
    # named by the number it will have, never by its id, which stays in the fields
    assert a.wording is not None and a.wording.startswith(
        "insert new clause headed 'Elections' after Rule 2 as Rule 3: 'Officers are elected yearly.'"
    )
    assert "with id" not in a.wording and "elections.ballot" not in a.wording
    assert a.wording.endswith("; renumber the following clauses")


def test_a_sub_clause_inserted_among_lettered_siblings_says_they_are_re_lettered(club: Version) -> None:
    new = insert_clause(club, "committee.quorum", 0, Clause("committee.quorum.early", text="Early."))
    (a,) = drafted(club, new).amendments
    assert a.wording == (
        "insert new sub-clause before Rule 3.2.a as Rule 3.2.a: 'Early.'; re-letter the following sub-clauses"
    )
    (read,) = parse_wording(a.wording)
    assert (read.op, read.before, read.numbered, read.new_clause.text) == (
        "insert_clause",
        "Rule 3.2.a",
        "Rule 3.2.a",
        "Early.",
    )


def test_a_clause_inserted_last_needs_no_renumbering(club: Version) -> None:
    new = insert_clause(club, "members", 3, Clause("members.leave", text="Members may leave."))
    (a,) = drafted(club, new).amendments
    assert a.wording == "insert new sub-clause after Rule 2.3 as Rule 2.4: 'Members may leave.'"


def test_no_drafted_wording_shows_an_id(club: Version) -> None:
    new = insert_clause(club, "members", 1, Clause("members.zz-internal-id", text="New rule."))
    new = insert_clause(new, None, 0, Clause("intro-internal-id", heading="Intro"))
    for a in drafted(club, new).amendments:
        assert a.wording is not None and "internal-id" not in a.wording and "with id" not in a.wording


def test_a_deleted_clause(club: Version) -> None:
    new = delete_clause(club, "members.lapse")
    assert wordings(drafted(club, new)) == ["delete clause Rule 2.3"]


def test_a_moved_clause(club: Version) -> None:
    lapse = club.clause("members.lapse")
    new = insert_clause(delete_clause(club, "members.lapse"), "members", 0, lapse)
    assert wordings(drafted(club, new)) == ["move clause Rule 2.3 before Rule 2.1"]


def test_a_clause_moved_to_another_parent_and_edited(club: Version) -> None:
    lapse = evolve_clause(club.clause("members.lapse"), text="A member whose fee is unpaid by April lapses.")
    new = insert_clause(delete_clause(club, "members.lapse"), "committee", 2, lapse)
    ops = [a.op for a in drafted(club, new).amendments]
    assert sorted(ops) == ["move_clause", "replace_words"]


def test_a_changed_pinned_number_reinserts_the_clause(club: Version) -> None:
    new = edited(club, "members.lapse", number="3A")
    ops = [a.op for a in drafted(club, new).amendments]
    assert ops == ["delete_clause", "insert_clause"]


def test_a_sole_clause_whose_number_changes_is_reinserted_beside_a_placeholder() -> None:
    old = Version("c", "1", [Level("arabic")], [Clause("only", text="All of it.")])
    new = Version("c", "2", old.numbering, [Clause("only", text="All of it.", number="7")])
    ops = [(a.op, a.clause or (a.new_clause.id if a.new_clause else None)) for a in drafted(old, new).amendments]
    assert ops == [("insert_clause", "draft-placeholder-0"), ("delete_clause", "only"),
                   ("insert_clause", "only"), ("delete_clause", "draft-placeholder-0")]  # fmt: skip


def test_every_wording_reads_back_as_its_operation(club: Version) -> None:
    new = edited(club, "members.fees", text="The annual fee is 20 pounds, payable by 31 January.")
    new = delete_clause(insert_clause(new, None, 0, Clause("intro", text="Welcome.")), "committee.quorum.absent")
    for a in drafted(club, new).amendments:
        assert a.wording is not None
        (read,) = parse_wording(a.wording)
        assert read.op == a.op


def test_the_labour_2016_to_2017_changes_draft_and_apply_exactly() -> None:
    history = load_history(LABOUR)
    old, new = history["2016"], history["2017"]
    motion = draft(old, new, motion_id="2016-to-2017")
    assert motion.base == "2016"
    assert apply(old, motion).clauses == new.clauses
    assert "Chapter 4, Clause II.2.B.i: delete '15' and insert '10'" in wordings(motion)


def test_different_numbering_schemes_cannot_be_drafted(club: Version) -> None:
    other = attrs.evolve(club, label="2", numbering=(Level("upper-roman", "Rule {n}"), *club.numbering[1:]))
    with pytest.raises(DraftError, match="number their clauses differently"):
        draft(club, other)


def test_identical_clauses_give_nothing_to_draft(club: Version) -> None:
    with pytest.raises(DraftError, match="nothing to amend"):
        draft(club, attrs.evolve(club, label="2", title="Renamed"))


def test_text_amendments_to_an_empty_text() -> None:
    assert text_amendments("c", "Gone.", "") == [Amendment("delete_words", clause="c", words="Gone.")]
    assert text_amendments("c", "Same.", "Same.") == []


def test_drafting_into_an_empty_book_says_why_it_cannot() -> None:
    from rulebook.errors import DraftError
    from rulebook.model import Clause, Level, Version

    levels = [Level("arabic", "Rule {n}")]
    with pytest.raises(DraftError, match="OLD has no clauses"):
        draft(Version("c", "old", levels, []), Version("c", "new", levels, [Clause("a", text="x")]))


def test_word_edits_are_written_in_document_order_and_close_ones_merged() -> None:
    from rulebook.amend.draft import text_amendments

    old = "The secretary shall call a meeting within 14 days and the treasurer shall report within 30 days."
    new = "The chair shall call a meeting within 14 days and the treasurer shall report within 21 days."
    got = text_amendments("c", old, new)
    assert [(a.old, a.new) for a in got] == [("secretary", "chair"), ("30", "21")]
    close = text_amendments("c", "Paper as agreed at Annual Conference 1995.", "agreed at Conference.")
    assert len(close) == 1 and close[0].op == "replace_words"


def test_the_real_drafts_shown_in_the_docs_are_what_draft_writes() -> None:
    import yaml

    from rulebook.amend.apply import apply
    from rulebook.io.rulebook import loads

    doc = (Path(__file__).resolve().parent.parent / "docs" / "drafting.md").read_text(encoding="utf-8")
    corpus = Path(__file__).resolve().parent / "data" / "real-wording"
    shown = 0
    for name, index in [("labour-clarion-2017", 0), ("labour-clpd-2017-vacancy", 0), ("party-green-gpew", 1)]:
        entry = yaml.safe_load((corpus / f"{name}.yaml").read_text(encoding="utf-8"))["instructions"][index]
        text = " ".join(entry["clause_text"].split())
        book = {"rulebook": "t", "version": "1", "numbering": [{"style": "arabic", "label": "Rule {n}"}],
                "clauses": [{"id": "c", "text": text}]}  # fmt: skip
        old = loads(yaml.safe_dump(book, allow_unicode=True), "t.yaml")
        new = apply(old, Motion("m", [Amendment(**{**m, "clause": "Rule 1"}) for m in entry["means"]]))
        for a in draft(old, new).amendments:
            assert f"  {a.wording}\n" in doc
            shown += 1
    assert shown == 4


def test_amendments_are_printed_in_document_order() -> None:
    # a secretary prints a motion's amendments as they fall in the book, whatever
    # pass of the drafter found them (docs/drafting.md)
    level = [Level("arabic", "Rule {n}"), Level("upper-alpha")]
    officers = Clause("officers", text="The officers are:", children=[Clause("chair", text="the chair;"),
                      Clause("secretary", text="the secretary.")])  # fmt: skip
    old = Version("club", "1", level, [officers, Clause("fee", text="The fee is 15 pounds."),
                  Clause("old", text="Obsolete."), Clause("end", text="The end.")])  # fmt: skip
    new_officers = attrs.evolve(
        officers, children=(officers.children[0], Clause("vice", text="the vice-chair;"), officers.children[1])
    )
    new = Version("club", "2", level, [new_officers, Clause("fee", text="The fee is 10 pounds."),
                  Clause("end", text="The end at last.")])  # fmt: skip
    motion = draft(old, new)
    assert [a.wording for a in motion.amendments] == [
        "insert new sub-clause after Rule 1.A as Rule 1.B: 'the vice-chair;'; re-letter the following sub-clauses",
        "Rule 2: delete '15' and insert '10'",
        "delete clause Rule 3",
        "Rule 4: after 'end' insert 'at last'",
    ]
    assert apply(old, motion).clauses == new.clauses
