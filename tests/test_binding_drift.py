"""A motion that changes a figure no value follows leaves no answer resting on the old value.

A clause that states the same figure twice for two values cannot bind either to
one phrase; when a motion rewrites one of those phrases, the values it may have
stated are no longer stated (docs/provisions.md, "Figures no value follows").
"""

from __future__ import annotations

from pathlib import Path

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.ask import ask
from rulebook.binding import bind_report
from rulebook.history import load
from rulebook.io.rulebook import dumps, loads

ROOT = Path(__file__).resolve().parent.parent
CONTEST = ROOT / "scenarios" / "facts" / "contest-2016-as-vacancy.yaml"

BOOK = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}]
clauses:
  - id: nominations
    text: >-
      A candidate needs Six nominations from the committee and the backing of
      5 per cent of the branches or 5 per cent of the sections.
    provisions:
      nominations:
        all_of:
          - {count: 6, of: [committee]}
          - any_of: [{share: 0.05, of: [branches]}, {share: 0.05, of: [sections]}]
"""

BOUND = (
    BOOK
    + """    stated_by:
      nominations.all_of.1.any_of.0.share: {words: "5 per cent", occurrence: 1}
      nominations.all_of.1.any_of.1.share: {words: "5 per cent", occurrence: 2}
"""
)

BRANCHES = "Rule 1: delete '5 per cent of the branches' and insert '10 per cent of the branches'"


def moved(book: str, *amendments: Amendment):
    return apply(loads(book, "club.yaml"), Motion("branches-ten", list(amendments)))


def branches_ten(book: str = BOOK):
    return moved(
        book,
        Amendment(
            "replace_words", clause="Rule 1", old="5 per cent of the branches", new="10 per cent of the branches"
        ),
    )


def test_a_figure_stated_twice_and_rewritten_once_leaves_no_silent_answer():
    answer = ask(branches_ten(), "provision", {"name": "nominations"})
    assert answer.status == "undetermined"
    gaps = " ".join(g.message for g in answer.gaps)
    assert "Rule 1 (id nominations)" in gaps
    assert "'10 per cent'" in gaps and "'5 per cent'" in gaps and "branches-ten" in gaps


def test_both_values_the_rewritten_words_may_have_stated_are_no_longer_stated():
    report = bind_report(branches_ten())
    lost = {row["value"] for row in report["lost"]}
    assert lost == {"nominations.all_of.1.any_of.0.share", "nominations.all_of.1.any_of.1.share"}
    # the figure left standing is not bound to the values the motion made unsure
    assert not any(row["value"].endswith("any_of.1.share") for row in report["stated"])


def test_a_value_bound_by_occurrence_follows_its_own_words():
    after = branches_ten(BOUND)
    assert after.provision("nominations")["all_of"][1]["any_of"][0]["share"] == 0.1
    assert after.provision("nominations")["all_of"][1]["any_of"][1]["share"] == 0.05
    assert ask(after, "provision", {"name": "nominations"}).status == "determined"


def test_a_motion_that_sets_the_value_itself_is_read():
    value = {
        "all_of": [
            {"count": 6, "of": ["committee"]},
            {"any_of": [{"share": 0.1, "of": ["branches"]}, {"share": 0.05, "of": ["sections"]}]},
        ]
    }
    after = moved(
        BOOK,
        Amendment(
            "replace_words", clause="Rule 1", old="5 per cent of the branches", new="10 per cent of the branches"
        ),
        Amendment("set_provision", clause="Rule 1", name="nominations", value=value),
    )
    assert ask(after, "provision", {"name": "nominations"}).status == "determined"
    assert after.provision("nominations")["all_of"][1]["any_of"][0]["share"] == 0.1


def test_a_change_to_other_figures_of_the_clause_leaves_the_values_alone():
    after = moved(BOOK, Amendment("replace_words", clause="Rule 1", old="Six", new="Eight"))
    assert after.provision("nominations")["all_of"][0]["count"] == 8
    assert ask(after, "provision", {"name": "nominations"}).status == "determined"
    added = moved(BOOK, Amendment("insert_words", clause="Rule 1", after="sections", words=", for a term of two years"))
    assert ask(added, "provision", {"name": "nominations"}).status == "determined"


def test_no_longer_stated_survives_saving_the_version():
    again = loads(dumps(branches_ten()), "saved.yaml")
    assert ask(again, "provision", {"name": "nominations"}).status == "undetermined"


def labour_2018_clp_ten():
    v = load(f"{ROOT / 'rules' / 'labour'}@2018")
    motion = Motion(
        "clp-ten",
        [
            Amendment(
                "replace_words",
                clause="Chapter 4, Clause II.2.B.i",
                old="5 per cent of CLPs",
                new="10 per cent of CLPs",
            )
        ],
    )
    return apply(v, motion)


def test_the_2018_labour_clp_share_rewritten_is_not_answered_with_the_old_share():
    import yaml

    facts = yaml.safe_load(CONTEST.read_text(encoding="utf-8"))
    answer = ask(labour_2018_clp_ten(), "leadership.ballot", facts)
    assert answer.status == "undetermined"
    gaps = " ".join(g.message for g in answer.gaps)
    assert "Chapter 4, Clause II.2.B.i" in gaps and "'10 per cent'" in gaps and "clp-ten" in gaps


REFERRING = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}]
clauses:
  - id: share
    text: "The share of the branches a challenger needs is 20 per cent."
  - id: challenge
    text: "A challenger needs the backing of the share of the branches set in [[share]]."
    provisions:
      challenge: {share: 0.2, of: [branches]}
"""


def check_kinds(book: str, *amendments: Amendment) -> list[str]:
    from rulebook.check import check

    v = loads(book, "club.yaml")
    return [f.message for f in check(v, [Motion("m20", list(amendments))]).findings]


def test_a_referring_clause_made_to_state_another_figure_is_reported():
    messages = check_kinds(
        REFERRING,
        Amendment(
            "replace_words",
            clause="Rule 2",
            old="the share of the branches set in [[share]]",
            new="15 per cent of the branches, as set in [[share]]",
        ),
    )
    assert any("'15 per cent'" in m and "challenge.share" in m and "cross-refers" in m for m in messages), messages


def test_the_figure_changed_in_the_clause_referred_to_is_reported():
    messages = check_kinds(REFERRING, Amendment("replace_words", clause="Rule 1", old="20 per cent", new="25 per cent"))
    assert any("'25 per cent'" in m and "challenge.share" in m and "cross-refers" in m for m in messages), messages


def test_a_referring_clause_reworded_without_a_figure_is_not_reported():
    messages = check_kinds(
        REFERRING, Amendment("replace_words", clause="Rule 2", old="A challenger", new="Any challenger")
    )
    assert messages == []


def test_a_binding_a_motion_left_on_one_of_two_like_phrases_survives_saving():
    # the PLP's "10 per cent" was bound while it was said once; "10 per cent of CLPs"
    # makes it the first of two, which reading the saved version cannot find again
    after = labour_2018_clp_ten()
    again = loads(dumps(after), "saved.yaml")
    name = "leadership.nominations.vacancy.all_of.0.share"
    assert [(r["words"], r["occurrence"]) for r in bind_report(again)["stated"] if r["value"] == name] == [
        ("10 per cent", 1)
    ]
