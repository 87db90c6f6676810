"""Each finding kind of `rulebook check`, with hand-made motions against the bundled book."""

from __future__ import annotations

import datetime as dt

import attrs
import pytest

from rulebook.check import check
from rulebook.io import motions as motion_io
from rulebook.model import Clause, Level, Version
from tests.conftest import DATA, LABOUR

BASE = "2016-07-28"


def motions(text: str):
    return list(motion_io.loads(text, "motions.yaml"))


def run(history, bases, text, label=BASE, **kw):
    return check(history[label], motions(text), bases=bases, **kw)


def kinds(report):
    return [(f.kind, f.motions) for f in report.findings]


def test_the_bundled_conference_motions_are_clean(history, bases):
    for label, name in (("2016-07-28", "2016"), ("2016-conference", "2017"), ("2017", "2018")):
        loaded = list(motion_io.load_file(LABOUR / "motions" / f"{name}-conference.yaml"))
        report = check(history[label], loaded, bases=bases)
        assert report.findings == (), f"{name}: {[f.message for f in report.findings]}"


def test_a_motion_quoting_words_that_are_not_there_does_not_apply(history, bases):
    report = run(
        history,
        bases,
        """
motion: typo
amendments:
  - {op: replace_words, clause: ch4.leader-election.nominations.vacancy, old: "16 per cent", new: "10 per cent"}
""",
    )
    assert kinds(report) == [("does-not-apply", ("typo",))]
    finding = report.findings[0]
    assert "'16 per cent' does not occur in Chapter 4, Clause II.2.B.i" in finding.message
    assert [c.id for c in finding.clauses] == ["ch4.leader-election.nominations.vacancy"]
    assert finding.locations[0].line == 4


def test_the_failing_amendment_of_a_motion_is_located(history, bases):
    report = run(
        history,
        bases,
        """
motion: second-fails
amendments:
  - {op: replace_words, clause: ch4.leader-election.nominations.vacancy, old: "15 per cent", new: "10 per cent"}
  - {op: delete_words, clause: ch4.leader-election.nominations.challenge, words: "no such words"}
""",
    )
    assert kinds(report) == [("does-not-apply", ("second-fails",))]
    assert report.findings[0].locations[0].line == 5
    assert report.findings[0].clauses[0].citation == "Chapter 4, Clause II.2.B.ii"


def test_two_motions_replacing_the_same_words_differently_overlap(history, bases):
    report = run(
        history,
        bases,
        """
motions:
  - motion: a
    amendments:
      - {op: replace_words, clause: "Chapter 4, Clause II.2.B.ii", old: "20 per cent", new: "15 per cent"}
  - motion: b
    amendments:
      - {op: replace_words, clause: "Chapter 4, Clause II.2.B.ii", old: "20 per cent", new: "25 per cent"}
""",
    )
    assert kinds(report) == [("overlap", ("a", "b"))]
    assert report.findings[0].message == (
        "motions a and b both change '20 per cent' in Chapter 4, Clause II.2.B.ii"
        " (id ch4.leader-election.nominations.challenge): a to '15 per cent', b to '25 per cent';"
        " if either passes, the other no longer applies"
    )
    assert report.groups == (("a", "b"),)


def test_motions_whose_result_depends_on_their_order_overlap(history, bases):
    report = run(
        history,
        bases,
        """
motions:
  - motion: a
    amendments:
      - {op: set_provision, clause: ch1.nec.composition, name: nec.quorum, value: 10}
  - motion: b
    amendments:
      - {op: set_provision, clause: ch1.nec.composition, name: nec.quorum, value: 12}
""",
    )
    assert kinds(report) == [("overlap", ("a", "b"))]
    assert "depends on which passes first: provision nec.quorum is 12 after a then b" in report.findings[0].message


def test_changing_different_words_of_one_clause_is_not_reported(history, bases):
    report = run(
        history,
        bases,
        """
motions:
  - motion: a
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.challenge, old: "20 per cent", new: "15 per cent"}
  - motion: b
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.challenge, old: "each year", new: "every year"}
""",
    )
    assert report.clean


def test_deleting_a_clause_another_motion_amends_is_target_removed(history, bases):
    report = run(
        history,
        bases,
        """
motions:
  - motion: drop-consent
    amendments:
      - {op: delete_clause, clause: ch4.leader-election.nominations.consent}
  - motion: email-consent
    amendments:
      - {op: replace_words, clause: "Chapter 4, Clause II.2.B.iv", old: "in writing", new: "by email"}
""",
    )
    assert kinds(report) == [("target-removed", ("drop-consent", "email-consent"))]
    message = report.findings[0].message
    assert message.startswith("motion drop-consent deletes Chapter 4, Clause II.2.B.iv")
    assert "which motion email-consent amends (amendment 1, replace_words)" in message


def test_two_motions_making_the_same_change_are_duplicates(history, bases):
    report = run(
        history,
        bases,
        """
motions:
  - motion: nec
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.vacancy, old: "15 per cent", new: "10 per cent"}
  - motion: clp
    amendments:
      - {op: replace_words, clause: "Chapter 4, Clause II.2.B.i", old: "15 per cent", new: "10 per cent"}
""",
    )
    assert kinds(report) == [("duplicate", ("nec", "clp"))]
    assert "make the same change" in report.findings[0].message


def test_a_motion_deleting_a_referenced_clause_leaves_a_dangling_reference(history, bases):
    report = run(
        history,
        bases,
        """
motion: drop-vacancy-procedure
amendments:
  - {op: delete_clause, clause: ch4.leader-election.vacancy-procedure}
""",
    )
    assert kinds(report) == [("dangling-reference", ("drop-vacancy-procedure",))]
    assert "[[ch4.leader-election.vacancy-procedure]]" in report.findings[0].message
    assert report.findings[0].clauses[0].id == "ch4.leader-election.separate"


def test_a_new_reference_to_a_clause_another_motion_deletes_dangles_when_both_pass(history, bases):
    report = run(
        history,
        bases,
        """
motions:
  - motion: drop-timing
    amendments:
      - {op: delete_clause, clause: ch4.leader-election.timing.government}
  - motion: refer-to-timing
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.consent, old: "in writing",
         new: "in writing, within the time set under [[ch4.leader-election.timing.government]]"}
""",
    )
    assert kinds(report) == [("dangling-reference", ("drop-timing", "refer-to-timing"))]
    assert report.findings[0].message.startswith("if motions drop-timing and refer-to-timing both pass")


def test_a_motion_breaking_a_declared_invariant_is_reported(history, bases):
    report = run(
        history,
        bases,
        """
motion: big-share
amendments:
  - {op: set_provision, clause: ch4.leader-election.nominations.challenge, name: leadership.nominations.challenge,
     value: {share: 1.2, of: [PLP, EPLP]}}
""",
    )
    # the words still say 20 per cent: the value set against them is drift too (docs/provisions.md)
    assert sorted(kinds(report)) == [("invariant", ("big-share",)), ("provision-drift", ("big-share",))]
    (broken,) = [f for f in report.findings if f.kind == "invariant"]
    assert "'challenge-share-in-range'" in broken.message
    assert "1.2, above the maximum 1" in broken.message


def test_two_motions_together_breaking_an_invariant_are_reported(history, bases):
    report = run(
        history,
        bases,
        """
motions:
  - motion: drop-leader
    amendments:
      - {op: delete_clause, clause: ch1.nec.composition.treasurer}
  - motion: keep-leader
    amendments:
      - {op: delete_clause, clause: ch1.nec.composition.treasurer}
""",
    )
    assert kinds(report) == [("duplicate", ("drop-leader", "keep-leader"))]


def test_deleting_a_clause_an_invariant_needs_breaks_it(history, bases):
    report = run(
        history,
        bases,
        """
motion: no-leader
amendments:
  - {op: delete_clause, clause: ch1.nec.composition.leader}
""",
    )
    assert ("invariant", ("no-leader",)) in kinds(report)
    assert any("'nec-has-leader'" in f.message for f in report.findings)


def test_amending_a_part_changed_within_three_years_is_out_of_order(history, bases):
    loaded = list(motion_io.load_file(DATA / "check" / "out-of-order-2018.yaml"))
    report = check(history["2017"], loaded, bases=bases)
    assert kinds(report) == [("out-of-order", ("2018-clp-consent",))]
    message = report.findings[0].message
    assert "amends Chapter 4, Clause II (id ch4.officers-elections)" in message
    assert "until 2020-09-27" in message
    assert [c.id for c in report.findings[0].clauses] == ["ch4.officers-elections"]


def test_an_urgent_motion_is_exempt_from_the_three_year_rule(history, bases):
    (motion,) = motion_io.load_file(DATA / "check" / "out-of-order-2018.yaml")
    assert check(history["2017"], [attrs.evolve(motion, urgent=True)], bases=bases).clean


def test_the_bundled_2018_motion_would_be_out_of_order_were_it_not_urgent(history, bases):
    (motion,) = motion_io.load_file(LABOUR / "motions" / "2018-conference.yaml")
    assert motion.urgent
    report = check(history["2017"], [attrs.evolve(motion, urgent=False)], bases=bases)
    assert kinds(report) == [("out-of-order", ("2018-leadership-nominations",))]


def test_the_three_year_rule_counts_from_the_motions_date(history, bases):
    (motion,) = motion_io.load_file(DATA / "check" / "out-of-order-2018.yaml")
    # the 2018 conference amended Chapter 4, Clause II again, and the 2021 conference
    # once more (26 September 2021): closed until 26 September 2024
    later = attrs.evolve(motion, date=dt.date(2024, 9, 27))
    assert check(history["2017"], [later], bases=bases).clean
    undated = attrs.evolve(motion, date=None)
    assert check(history["2017"], [undated], bases=bases, today=dt.date(2024, 9, 27)).clean
    assert not check(history["2017"], [undated], bases=bases, today=dt.date(2024, 9, 25)).clean


def test_a_book_without_the_three_year_rule_never_reports_out_of_order():
    v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 5 pounds.")])
    (m,) = motion_io.loads("motion: m\namendments: [{op: delete_clause, clause: fee}]")
    assert check(v, [m]).clean


def test_motions_touching_disjoint_clauses_are_never_reported(history, bases):
    report = run(
        history,
        bases,
        """
motions:
  - motion: a
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.vacancy, old: "15 per cent", new: "12 per cent"}
  - motion: b
    amendments:
      - {op: delete_clause, clause: ch4.leader-election.nominations.consent}
  - motion: c
    amendments:
      - {op: set_provision, clause: ch1.nec.composition, name: nec.quorum, value: 10}
""",
    )
    assert report.clean
    assert report.groups == ()


def test_two_motions_with_one_id_are_bad_input(history, bases):
    from rulebook.errors import SchemaError

    one = motions("motion: x\namendments: [{op: delete_clause, clause: ch4.leader-election.nominations.consent}]")
    with pytest.raises(SchemaError, match="used twice"):
        check(history[BASE], one + one, bases=bases)


def test_check_leaves_the_garbage_collector_as_it_found_it_even_on_error() -> None:
    """`check` pauses the cyclic collector while it works (docs/checking.md), and restores it."""
    import gc

    from rulebook.amend.motion import Amendment, Motion
    from rulebook.errors import SchemaError

    v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="15 pounds.")])
    m = Motion("m", [Amendment("replace_words", clause="Rule 1", old="15", new="20")])
    assert gc.isenabled()
    assert check(v, [m]).findings == ()
    assert gc.isenabled()
    with pytest.raises(SchemaError):
        check(v, [m, m])  # two motions share an id
    assert gc.isenabled()
