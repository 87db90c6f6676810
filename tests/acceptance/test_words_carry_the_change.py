"""Issue 15: motions written only in words move the answers (docs/provisions.md).

The three examples of the issue, each applied with ``rulebook apply`` and asked
with ``rulebook ask``, as a user would.
"""

from __future__ import annotations

import json
from pathlib import Path

from tests.acceptance._cli import rb
from tests.conftest import LABOUR


def ask_json(*args: object) -> dict:
    result = rb("ask", *args, "--format", "json")
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def applied(tmp_path: Path, book: object, motion: str) -> Path:
    (tmp_path / "motion.yaml").write_text(motion)
    out = tmp_path / "amended.yaml"
    result = rb("apply", book, tmp_path / "motion.yaml", "-o", out)
    assert result.exit_code == 0, result.output
    return out


def test_a_challenge_threshold_raised_to_25_per_cent_in_words_keeps_a_22_per_cent_challenger_off(tmp_path):
    amended = applied(
        tmp_path,
        f"{LABOUR}@2016-07-28",
        """
motion: quarter
amendments:
  - wording: "Chapter 4, Clause II.2.B.ii: delete '20 per cent' and insert '25 per cent'"
""",
    )
    facts = tmp_path / "facts.yaml"
    facts.write_text(
        "vacancy: false\nbodies: {PLP: 80, EPLP: 20}\ncandidates:\n"
        "  - {name: Inc, incumbent: true, nominations: {PLP: 30}}\n"
        "  - {name: Chal, nominations: {PLP: 22}}\n"
    )
    before = ask_json(f"{LABOUR}@2016-07-28", "leadership.ballot", "--facts", facts)
    after = ask_json(amended, "leadership.ballot", "--facts", facts)
    assert "Chal" in before["answer"]["on_ballot"]
    assert after["answer"]["excluded"] == ["Chal"]
    (rule,) = [b for b in after["because"] if b["provision"] == "leadership.nominations.challenge"]
    assert rule["value"]["share"] == 0.25
    shown = rb("diff", f"{LABOUR}@2016-07-28", amended).output
    assert "leadership.nominations.challenge.share 0.2 -> 0.25, read from '25 per cent'" in shown


def test_a_scottish_sub_clause_inserted_in_words_gives_34_voting_members(tmp_path):
    amended = applied(
        tmp_path,
        f"{LABOUR}@2016-07-28",
        """
motion: scotland
amendments:
  - op: insert_clause
    into: ch1.nec.composition
    clause:
      id: ch1.nec.composition.scotland
      text: >-
        The leader of the Scottish Labour Party or a frontbench member of the Scottish
        Parliament nominated by that leader.
""",
    )
    before = ask_json(f"{LABOUR}@2016-07-28", "nec.composition")
    after = ask_json(amended, "nec.composition")
    assert (before["answer"]["voting"], after["answer"]["voting"]) == (33, 34)
    assert after["answer"]["sections"]["scotland"] == {"seats": 1, "voting": True}
    assert after["answer"]["majority"] == 18


QUORATE_BOOK = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}, {style: lower-alpha}]
clauses:
  - id: committee
    text: "The committee is made up of the members below."
    stated_by: {nec.seats: {from: sub-clauses}}
    clauses:
      - {id: committee.officers, text: "Three officers elected at the annual meeting."}
      - {id: committee.members, text: "Nine members elected by the branches."}
  - id: quorum
    text: "Six voting members of the committee form a quorum."
    provisions: {nec.quorum: 6}
"""


def test_seven_present_are_inquorate_once_the_quorum_is_raised_from_six_to_eight_in_words(tmp_path):
    book = tmp_path / "club.yaml"
    book.write_text(QUORATE_BOOK)
    amended = applied(
        tmp_path, book, "motion: quorum\namendments:\n  - wording: \"Rule 2: delete 'Six' and insert 'Eight'\"\n"
    )
    votes = ["--fact", "votes.officers={for: 3}", "--fact", "votes.members={for: 2, against: 2}"]
    assert ask_json(book, "nec.vote", *votes)["answer"]["result"] == "carried"
    after = ask_json(amended, "nec.vote", *votes)
    assert (after["answer"]["present"], after["answer"]["quorum"], after["answer"]["result"]) == (7, 8, "inquorate")


def test_check_flags_drift_and_unstated_values(tmp_path):
    motions = tmp_path / "motions.yaml"
    motions.write_text(
        """
motions:
  - motion: vague
    amendments:
      - wording: "Chapter 4, Clause II.2.B.ii: delete '20 per cent' and insert 'a fair share'"
  - motion: delegates
    amendments:
      - {op: replace_words, clause: ch3.delegations.composition.clps, old: "part of 250", new: "part of 300"}
"""
    )
    result = rb("check", f"{LABOUR}@2016-07-28", motions, "--format", "json")
    assert result.exit_code == 1, result.output
    kinds = {(f["kind"], tuple(f["motions"])) for f in json.loads(result.output)["findings"]}
    assert kinds == {("unstated-provision", ("vague",)), ("provision-drift", ("delegates",))}


def test_bind_reports_what_the_words_state_and_writes_the_bindings(tmp_path):
    result = rb("bind", f"{LABOUR}@2016", "--format", "json", "-o", tmp_path / "bound.yaml")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    stated = {row["value"]: row["words"] for row in report["stated"]}
    assert stated["leadership.nominations.challenge.share"] == "20 per cent"
    assert stated["nec.seats"] == "the sub-clauses (seats)"
    assert "shadow_cabinet.selection.leader" in {row["value"] for row in report["unstated"]}
    assert "stated_by:" in (tmp_path / "bound.yaml").read_text()
    assert rb("bind", f"{LABOUR}@2016", "--strict").exit_code == 1


def test_blame_attributes_a_value_moved_by_words_to_the_motion():
    # the 2017 motion is words only: "delete '15 per cent' and insert '10 per cent'"
    shown = rb("blame", LABOUR, "ch4.leader-election.nominations.vacancy").output
    block = shown.split("motion 2017-vacancy-threshold", 1)[1].split("\n\n", 1)[0]
    assert "provision leadership.nominations.vacancy changed: {share: [-0.15-]{+0.1+}" in block


def test_a_value_set_by_a_ruling_is_not_a_warning_about_the_words():
    # the registered supporters' fee of 25 pounds was set by NEC ruling and upheld by
    # the Court of Appeal: a ruling changes what rules mean, never their words
    result = rb("check", LABOUR, "--format", "json")
    report = json.loads(result.output)
    warned = {w["value"] for w in report["warnings"]}
    ruled = {r["value"]: r["ruling"] for r in report["ruled"]}
    assert ruled == {"leadership.eligibility.registered_supporters.fee_pounds": "2016-08-12-evangelou-court-of-appeal"}
    assert not warned & set(ruled)
    assert "shadow_cabinet.selection.leader" in warned  # a book value with no words is still a warning
    shown = rb("bind", f"{LABOUR}@2016-08-12").output
    assert "ruled     leadership.eligibility.registered_supporters.fee_pounds = 25" in shown
