"""Groups of three or more motions: applied whole, in agenda order and (when
small) in other orders, and reported only for what no single motion or pair
already explains, naming the fewest motions of the group that cause it."""

from __future__ import annotations

from rulebook.check import check, engine
from rulebook.check.delta import Delta
from rulebook.check.engine import ORDER_LIMIT, minimal, orders
from rulebook.check.footprint import Footprint, groups, invariant_keys
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import loads
from rulebook.model import Invariant, evolve_clause, replace_clause

BASE = "2016-07-28"


def motions(text: str):
    return list(motion_io.loads(text, "motions.yaml"))


def kinds(report):
    return [(f.kind, f.motions) for f in report.findings]


SMALL = """
rulebook: club
version: "1"
numbering:
  - {style: arabic, label: "Rule {n}"}
  - {style: lower-alpha}
  - {style: lower-roman}
invariants:
  - {name: keeps-fees, clause: fees}
clauses:
  - {id: fees, text: "Members pay fees."}
  - {id: notice, text: "Notice is given in writing."}
  - {id: meetings, text: "Meetings are held monthly."}
  - {id: spare}
  - {id: other}
"""


def small():
    return loads(SMALL, "club.yaml")


def test_a_reference_that_dangles_only_when_three_motions_pass_names_all_three():
    report = check(
        small(),
        motions(
            """
motions:
  - motion: cite-notice
    amendments:
      - {op: replace_words, clause: meetings, old: "monthly", new: "monthly, after notice under [[notice]]"}
  - motion: tuck-notice
    amendments:
      - {op: move_clause, clause: notice, into: spare}
  - motion: drop-spare
    amendments:
      - {op: delete_clause, clause: spare}
"""
        ),
    )
    dangling = [f for f in report.findings if f.kind == "dangling-reference"]
    assert [f.motions for f in dangling] == [("cite-notice", "tuck-notice", "drop-spare")]
    assert dangling[0].message == (
        "if motions cite-notice, tuck-notice and drop-spare all pass, Rule 2 (id meetings) refers to "
        "[[notice]], which no longer exists; one of them must amend that reference"
    )
    assert [c.id for c in dangling[0].clauses] == ["meetings", "notice"]
    # the pairs say only what pairs see: drop-spare removes where tuck-notice puts the clause
    assert ("target-removed", ("drop-spare", "tuck-notice")) in kinds(report)
    assert not any(f.motions == ("cite-notice", "drop-spare") for f in report.findings)
    assert report.groups == (("cite-notice", "tuck-notice", "drop-spare"),)


def test_a_group_that_applies_pair_by_pair_but_not_whole_is_an_overlap():
    # three levels: 'other' into 'fees' into 'spare', with a new clause under 'other', is four deep
    report = check(
        small(),
        motions(
            """
motions:
  - motion: nest-other
    amendments:
      - {op: move_clause, clause: other, into: fees}
  - motion: add-under-other
    amendments:
      - op: insert_clause
        into: other
        clause: {id: new, text: "A new rule."}
  - motion: nest-fees
    amendments:
      - {op: move_clause, clause: fees, into: spare}
"""
        ),
    )
    whole = [f for f in report.findings if len(f.motions) == 3]
    assert [(f.kind, f.motions) for f in whole] == [("overlap", ("nest-other", "add-under-other", "nest-fees"))]
    message = whole[0].message
    assert message.startswith(
        "motions nest-other, add-under-other and nest-fees each apply with any one of the others, "
        "but not all together: if nest-other and add-under-other pass, nest-fees no longer applies: "
    )
    assert message.endswith("; composite them into one motion")
    assert all(f.kind == "target-removed" for f in report.findings if len(f.motions) == 2)


def test_an_invariant_broken_only_by_three_motions_together_is_reported_once_naming_them(history, bases):
    report = check(
        history[BASE],
        motions(
            """
motions:
  - motion: leader-to-scope
    amendments:
      - {op: move_clause, clause: ch1.nec.composition.leader, into: ch1.scope}
  - motion: scope-to-procedures
    amendments:
      - {op: move_clause, clause: ch1.scope, into: ch2.procedures}
  - motion: drop-procedures
    amendments:
      - {op: delete_clause, clause: ch2.procedures}
"""
        ),
        bases=bases,
    )
    broken = [f for f in report.findings if f.kind == "invariant"]
    assert [f.motions for f in broken] == [("leader-to-scope", "scope-to-procedures", "drop-procedures")]
    assert broken[0].message == (
        "if motions leader-to-scope, scope-to-procedures and drop-procedures all pass, together they break "
        "invariant 'nec-has-leader' (The leader of the Party always sits on the NEC): "
        "clause ch1.nec.composition.leader no longer exists"
    )
    assert [c.id for c in broken[0].clauses] == ["ch1.nec.composition.leader"]
    assert [len(loc.motion) > 0 for loc in broken[0].locations] == [True, True, True]


def test_what_a_single_motion_already_reported_is_not_reported_again_for_its_group(history, bases):
    report = check(
        history[BASE],
        motions(
            """
motions:
  - motion: drop-leader
    amendments:
      - {op: delete_clause, clause: ch1.nec.composition.leader}
  - motion: deputy-first
    amendments:
      - {op: move_clause, clause: ch1.nec.composition.deputy-leader, before: ch1.nec.composition.treasurer}
  - motion: deputy-words
    amendments:
      - {op: replace_words, clause: ch1.nec.composition.deputy-leader, old: "deputy leader", new: "Deputy Leader"}
"""
        ),
        bases=bases,
    )
    broken = [f for f in report.findings if f.kind == "invariant"]
    assert [f.motions for f in broken] == [("drop-leader",)]
    # the three are one group (the moved clause is next to the deleted one), and it adds nothing
    assert not [f for f in report.findings if len(f.motions) == 3]


def test_a_group_whose_motions_all_fit_together_is_not_reported(history, bases):
    report = check(
        history[BASE],
        motions(
            """
motions:
  - motion: a
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.challenge, old: "20 per cent", new: "15 per cent"}
  - motion: b
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.challenge, old: "each year", new: "every year"}
  - motion: c
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.challenge, old: "Commons members", new: "MPs"}
"""
        ),
        bases=bases,
    )
    assert report.findings == ()
    assert report.groups == ()


def test_motions_writing_what_one_invariant_reads_are_checked_together(history, bases):
    # each adds a seat to a different section; set_provision writes the whole mapping,
    # so the last to pass wins and the pair is reported as depending on the order; here
    # nec.seats is a plain value, not counted from the sub-clauses (docs/provisions.md)
    version = history[BASE]
    composition = version.clause("ch1.nec.composition")
    version = replace_clause(version, evolve_clause(composition, stated=()))
    seats = {k: dict(v) for k, v in version.provision("nec.seats").items()}
    more_clps = {**seats, "clps": {**seats["clps"], "seats": 7}}
    more_unions = {**seats, "trade_unions": {**seats["trade_unions"], "seats": 13}}
    found = check(
        version,
        motions(
            f"""
motions:
  - motion: clps
    amendments:
      - {{op: set_provision, clause: ch1.nec.composition, name: nec.seats, value: {more_clps!r}}}
  - motion: unions
    amendments:
      - {{op: set_provision, clause: ch1.nec.composition, name: nec.seats, value: {more_unions!r}}}
"""
        ),
        bases=bases,
    )
    assert kinds(found) == [("overlap", ("clps", "unions"))]
    assert "provision nec.seats is" in found.findings[0].message


def test_an_invariant_links_motions_that_write_what_it_reads_though_their_footprints_are_disjoint():
    def fp(name, writes):
        return Footprint(name, frozenset(), frozenset(writes), (), Delta())

    a = fp("a", {("provision", "seats.clps")})
    b = fp("b", {("provision", "seats.unions")})
    c = fp("c", {("text", "x")})
    assert groups([a, b, c]) == [(0,), (1,), (2,)]
    total = frozenset({("provision", "seats.clps"), ("provision", "seats.unions")})
    assert groups([a, b, c], links=[total]) == [(0, 1), (2,)]


def test_what_invariants_read():
    assert invariant_keys(Invariant("l", clause="leader")) == {("exists", "leader")}
    assert invariant_keys(Invariant("s", provision="nec.seats", path="*.seats", sum=True)) == {
        ("provision", "nec.seats")
    }


def test_groups_join_overlapping_footprints_transitively():
    def fp(reads, writes):
        return Footprint("m", frozenset(reads), frozenset(writes), (), Delta())

    chain = [
        fp({("exists", "x")}, {("text", "p")}),
        fp({("exists", "y")}, {("exists", "x")}),
        fp(set(), {("exists", "y")}),
        fp({("exists", "x")}, set()),  # reads what the second writes
        fp({("exists", "q")}, set()),  # reads only what nobody writes
    ]
    assert groups(chain) == [(0, 1, 2, 3), (4,)]


def test_small_groups_are_also_applied_in_every_rotation_and_its_reverse():
    assert orders(3) == [(2, 1, 0), (1, 2, 0), (0, 2, 1), (2, 0, 1), (1, 0, 2)]
    assert len(set(orders(3))) == 5  # with the agenda order, all six
    for size in range(2, ORDER_LIMIT + 1):
        found = orders(size)
        assert tuple(reversed(range(size))) in found
        assert {o[0] for o in found} | {0} == set(range(size))
        assert tuple(range(size)) not in found


def test_motions_touching_disjoint_clauses_and_no_shared_invariant_are_never_grouped():
    report = check(
        small(),
        motions(
            """
motions:
  - motion: a
    amendments:
      - {op: replace_words, clause: fees, old: "fees", new: "dues"}
  - motion: b
    amendments:
      - {op: replace_words, clause: notice, old: "writing", new: "email"}
  - motion: c
    amendments:
      - {op: delete_clause, clause: other}
"""
        ),
    )
    assert report.findings == ()
    assert report.groups == ()


def test_an_invariant_broken_by_three_of_a_group_of_four_names_only_those_three(history, bases):
    report = check(
        history[BASE],
        motions(
            """
motions:
  - motion: leader-to-scope
    amendments:
      - {op: move_clause, clause: ch1.nec.composition.leader, into: ch1.scope}
  - motion: leader-words
    amendments:
      - {op: replace_words, clause: ch1.nec.composition.leader, old: "leader", new: "Leader"}
  - motion: scope-to-procedures
    amendments:
      - {op: move_clause, clause: ch1.scope, into: ch2.procedures}
  - motion: drop-procedures
    amendments:
      - {op: delete_clause, clause: ch2.procedures}
"""
        ),
        bases=bases,
    )
    assert report.groups == (("leader-to-scope", "leader-words", "scope-to-procedures", "drop-procedures"),)
    broken = [f for f in report.findings if f.kind == "invariant"]
    assert [f.motions for f in broken] == [("leader-to-scope", "scope-to-procedures", "drop-procedures")]
    assert broken[0].message.startswith(
        "if motions leader-to-scope, scope-to-procedures and drop-procedures all pass, together they break "
        "invariant 'nec-has-leader'"
    )
    assert [loc.motion for loc in broken[0].locations] == ["leader-to-scope", "scope-to-procedures", "drop-procedures"]


def test_a_group_of_four_that_fails_whole_names_only_the_three_that_cannot_pass_together():
    report = check(
        small(),
        motions(
            """
motions:
  - motion: fee-words
    amendments:
      - {op: replace_words, clause: fees, old: "fees", new: "dues"}
  - motion: nest-other
    amendments:
      - {op: move_clause, clause: other, into: fees}
  - motion: add-under-other
    amendments:
      - op: insert_clause
        into: other
        clause: {id: new, text: "A new rule."}
  - motion: nest-fees
    amendments:
      - {op: move_clause, clause: fees, into: spare}
"""
        ),
    )
    assert report.groups == (("fee-words", "nest-other", "add-under-other", "nest-fees"),)
    whole = [f for f in report.findings if len(f.motions) > 2]
    assert [(f.kind, f.motions) for f in whole] == [("overlap", ("nest-other", "add-under-other", "nest-fees"))]
    assert whole[0].message.startswith(
        "motions nest-other, add-under-other and nest-fees each apply with any one of the others, "
        "but not all together: if nest-other and add-under-other pass, nest-fees no longer applies: "
    )
    assert "fee-words" not in whole[0].message
    # fee-words is of the group (nest-fees moves the clause it amends), but only that pair names it
    assert [f.motions for f in report.findings if "fee-words" in f.motions] == [("nest-fees", "fee-words")]


DANGLING_FOUR = """
motions:
  - motion: cite-notice
    amendments:
      - {op: replace_words, clause: meetings, old: "monthly", new: "monthly, after notice under [[notice]]"}
  - motion: meetings-words
    amendments:
      - {op: replace_words, clause: meetings, old: "are held", new: "take place"}
  - motion: tuck-notice
    amendments:
      - {op: move_clause, clause: notice, into: spare}
  - motion: drop-spare
    amendments:
      - {op: delete_clause, clause: spare}
"""


def test_a_dangling_reference_of_a_group_of_four_names_only_the_three_that_cause_it():
    # meetings-words is of the group (it changes other words of the clause cite-notice changes; the
    # next test shows it), but nothing it does makes the reference dangle
    report = check(small(), motions(DANGLING_FOUR))
    assert report.groups == (("cite-notice", "tuck-notice", "drop-spare"),)
    dangling = [f for f in report.findings if f.kind == "dangling-reference"]
    assert [f.motions for f in dangling] == [("cite-notice", "tuck-notice", "drop-spare")]
    assert dangling[0].message == (
        "if motions cite-notice, tuck-notice and drop-spare all pass, Rule 2 (id meetings) refers to "
        "[[notice]], which no longer exists; one of them must amend that reference"
    )


def test_beyond_the_shrink_limit_a_group_finding_names_the_whole_group(monkeypatch):
    monkeypatch.setattr(engine, "SHRINK_LIMIT", 3)
    report = check(small(), motions(DANGLING_FOUR))
    dangling = [f for f in report.findings if f.kind == "dangling-reference"]
    assert [f.motions for f in dangling] == [("cite-notice", "meetings-words", "tuck-notice", "drop-spare")]
    assert dangling[0].message.startswith("if motions cite-notice, meetings-words, tuck-notice and drop-spare all pass")


def test_a_group_finding_whose_fewest_motions_are_a_pair_already_reported_is_not_reported_again():
    report = check(
        small(),
        motions(
            """
motions:
  - motion: drop-notice
    amendments:
      - {op: delete_clause, clause: notice}
  - motion: cite-notice
    amendments:
      - {op: replace_words, clause: meetings, old: "monthly", new: "monthly, after notice under [[notice]]"}
  - motion: meetings-words
    amendments:
      - {op: replace_words, clause: meetings, old: "are held", new: "take place"}
"""
        ),
    )
    assert report.groups == (("drop-notice", "cite-notice"),)
    assert kinds(report) == [("dangling-reference", ("drop-notice", "cite-notice"))]
    assert report.findings[0].message.startswith("if motions drop-notice and cite-notice both pass,")


def test_the_fewest_motions_keep_their_agenda_order_and_no_one_of_them_can_be_dropped():
    calls = []

    def still(items):
        calls.append(list(items))
        return {"b", "d"} <= set(items) and ("c" in items or "e" in items)

    assert minimal(list("abcde"), still) == ["b", "d", "e"]
    assert len(calls) <= 10
    assert minimal(["only"], lambda items: True) == ["only"]
