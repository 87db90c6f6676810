"""``apply_all`` holding word edits back (rulebook.amend.pending): the same versions,
bindings, provenance and errors as applying each motion in turn, and citations
read in the book's own form resolving, or failing, as the level-by-level reading does."""

from __future__ import annotations

import attrs
import pytest

from rulebook.amend.apply import apply, apply_all
from rulebook.amend.motion import Amendment, Motion
from rulebook.amend.pending import Pending
from rulebook.binding import bind
from rulebook.errors import AmendmentError, CitationError
from rulebook.model import Clause, Level, Version, evolve_clause, walk
from rulebook.numbering import resolve, resolve_id
from rulebook.statement import Stated

NUMBERING = [Level("arabic", "Rule {n}"), Level("lower-alpha"), Level("lower-roman")]


def _book() -> Version:
    """A quorum stated in words, and a committee whose seats are counted from its sub-clauses."""
    quorum = bind(Clause("quorum", text="Six members form a quorum.", provisions={"quorum": 6}))
    committee = bind(
        Clause(
            "nec",
            text="The committee:",
            children=[
                Clause("nec.clps", text="Six members elected by CLPs."),
                Clause("nec.unions", text="Twelve members elected by unions."),
            ],
        ),
        [Stated("nec.seats", source="sub-clauses")],
    )
    return Version("club", "1", NUMBERING, [quorum, committee, Clause("fees", text="Dues are two pounds.")])


def _motion(motion_id: str, *amendments: Amendment, base: str | None = "1") -> Motion:
    return Motion(motion_id, amendments, base=base)


def _one_by_one(version: Version, motions: list[Motion]) -> Version:
    current = version
    for motion in motions:
        current = apply(current, motion, bases={version.label: version})
    return current


def _seats(version: Version) -> dict[str, int]:
    return {name: v["seats"] for name, v in version.provision("nec.seats").items()}


def test_a_bound_value_follows_its_words_with_the_motion_as_provenance():
    book = _book()
    cut = _motion("cut", Amendment("replace_words", clause="Rule 1", old="Six", new="Eight"))
    fees = _motion("fees", Amendment("replace_words", clause="Rule 3", old="two", new="three"))
    out = apply_all(book, [cut, fees])
    assert out.provision("quorum") == 8
    assert [s.words for s in out.clause("quorum").stated] == ["Eight"]
    assert out.provenance["quorum"].id == "cut"
    assert out.changes == (cut.change, fees.change)
    assert book.provision("quorum") == 6, "the version applied to is unchanged"


def test_a_count_of_sub_clauses_follows_an_edit_of_one_of_them_in_a_later_motion():
    book = _book()
    reword = _motion("reword", Amendment("replace_words", clause="Rule 2(a)", old="elected", new="chosen"))
    grow = _motion("grow", Amendment("replace_words", clause="Rule 2(b)", old="Twelve", new="Fourteen"))
    out = apply_all(book, [reword, grow])
    assert _seats(out) == {"clps": 6, "unions": 14}
    assert out.provenance["nec.seats"].id == "grow"
    assert _seats(apply_all(book, [reword])) == {"clps": 6, "unions": 12}


def test_a_clause_replaced_twice_in_one_motion_is_restated_from_its_words_before_the_motion():
    book = _book()
    twice = _motion(
        "twice",
        Amendment("replace_words", clause="Rule 1", old="Six", new="Seven"),
        Amendment("replace_words", clause="Rule 1", old="Seven", new="Nine"),
    )
    out = apply_all(book, [twice])
    assert out.provision("quorum") == 9
    assert out == _one_by_one(book, [twice])
    assert out.clause("quorum").stated == _one_by_one(book, [twice]).clause("quorum").stated


def test_clauses_inserted_and_deleted_with_provisions_between_word_motions():
    book = _book()
    words = _motion("words", Amendment("replace_words", clause="Rule 1", old="Six", new="Seven"))
    new = Clause("fund", text="The fund holds 5 pounds.", provisions={"fund": 5})
    insert = _motion("insert", Amendment("insert_clause", new_clause=new, after="fees"))
    more = _motion("more", Amendment("replace_words", clause="fund", old="5", new="9"))
    drop = _motion("drop", Amendment("delete_clause", clause="quorum"))
    motions = [words, insert, more, drop]
    out, expected = apply_all(book, motions), _one_by_one(book, motions)
    assert out.clause("fund").text == "The fund holds 9 pounds."
    assert attrs.evolve(out, label=expected.label) == expected
    assert dict(out.provenance) == dict(expected.provenance)
    assert dict(out.provision_index) == dict(expected.provision_index)
    assert "quorum" not in out and "quorum" not in out.provenance


def test_a_failing_word_motion_raises_what_apply_raises_and_changes_nothing():
    book = _book()
    first = _motion("first", Amendment("replace_words", clause="Rule 1", old="Six", new="Eight"))
    again = _motion("again", Amendment("replace_words", clause="Rule 1", old="Six", new="Ten"))
    with pytest.raises(AmendmentError) as one_by_one:
        _one_by_one(book, [first, again])
    with pytest.raises(AmendmentError) as together:
        apply_all(book, [first, again])
    assert str(together.value) == str(one_by_one.value)
    assert str(together.value).startswith("amendment 1 of motion again: old 'Six' does not occur in Rule 1 (id quorum)")
    assert book.clause("quorum").text == "Six members form a quorum."


def test_a_motion_naming_the_version_in_hand_by_its_label_resolves_there():
    book = _book()
    first = _motion("cut", Amendment("replace_words", clause="Rule 3", old="two", new="no"))
    second = _motion("again", Amendment("replace_words", clause="Rule 3", old="no", new="four"), base="1+cut")
    out = apply_all(book, [first, second], label="2")
    assert out.clause("fees").text == "Dues are four pounds."
    assert (out.label, out.parent) == ("2", "1")


def test_pending_edits_are_built_into_one_version_sharing_what_they_left():
    book = _book()
    held = Pending(book)
    held.put(evolve_clause(book.clause("nec.unions"), text="Ten members elected by unions."))
    held.put(evolve_clause(book.clause("fees"), text="Dues are one pound."))
    built = held.build()
    assert built.clause("nec.unions").text == "Ten members elected by unions."
    assert built.clause("nec.clps") is book.clause("nec.clps")
    assert built.clause("quorum") is book.clause("quorum")
    assert built.parents is book.parents and built.provision_index is book.provision_index
    assert [c.id for _, c in walk(built.clauses)] == [c.id for _, c in walk(book.clauses)]


# -- citations read in the book's own form -----------------------------------------


@pytest.fixture
def labour() -> Version:
    numbering = [Level("arabic", "Chapter {n}"), Level("upper-roman", "Clause {n}"), Level("arabic")]
    leaves = [Clause("x"), Clause("y", number="1A"), Clause("z")]
    return Version("labour", "2016", numbering, [Clause("c1", children=[Clause("c1.i", children=leaves)])])


@pytest.mark.parametrize(
    ("ref", "cid"),
    [
        ("Chapter 1, Clause I.2", "z"),
        ("chapter 1 clause i.1a", "y"),
        ("Chapter 1,Clause I . 1", "x"),
        ("Chapter 1, Clause I", "c1.i"),
        ("Chapter 1", "c1"),
        ("1.I.2", "z"),
        ("C1.I.2", "z"),
        ("Chapter 1, Clause I.2 extra", "z"),
        ("y", "y"),
    ],
)
def test_a_citation_resolves_as_the_level_by_level_reading_does(labour, ref, cid):
    assert resolve_id(labour, ref) == cid
    assert labour.lineage(cid)[-1].id == cid


_NOWHERE = "; name a clause by its stable id or its citation in this version"


@pytest.mark.parametrize(
    ("ref", "nearest"),
    [
        ("Chapter 1, Clause I.4", "'Chapter 1, Clause I.2', 'Chapter 1, Clause I.1', 'Chapter 1, Clause I'"),
        ("Chapter 1, Clause I.2.a", "'Chapter 1, Clause I.2', 'Chapter 1, Clause I.1', 'Chapter 1, Clause I'"),
        ("Chapter 1, Clause I.1B", "'Chapter 1, Clause I.1', 'Chapter 1, Clause I.1A', 'Chapter 1, Clause I.2'"),
        ("Chapter 2", "'Chapter 1', 'Chapter 1, Clause I.2', 'Chapter 1, Clause I'"),
    ],
)
def test_a_citation_that_names_no_clause_fails_as_before(labour, ref, nearest):
    with pytest.raises(CitationError) as info:
        resolve(labour, ref)
    assert str(info.value) == f"no clause {ref!r} in version '2016' of 'labour'; nearest: {nearest}{_NOWHERE}"


def test_a_number_two_siblings_share_but_for_case_names_neither_unless_written_exactly():
    v = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("a", number="ab"), Clause("b", number="AB")])
    assert (resolve_id(v, "Rule ab"), resolve_id(v, "Rule AB")) == ("a", "b")
    with pytest.raises(CitationError) as info:
        resolve(v, "Rule Ab")
    assert str(info.value) == f"no clause 'Rule Ab' in version '1' of 'b'; nearest: 'Rule ab', 'Rule AB'{_NOWHERE}"
