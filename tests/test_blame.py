"""Blame (rulebook.blame): the life of one clause across a history."""

from __future__ import annotations

from pathlib import Path

import pytest

from rulebook.blame import blame, history_diff, resolve_in_history, version_chain
from rulebook.errors import CitationError
from rulebook.history import load_history
from rulebook.render.keeling import blame_to_text
from tests.conftest import LABOUR


@pytest.fixture(scope="module")
def labour():
    return load_history(LABOUR)


def test_the_vacancy_threshold_was_changed_in_2017_and_2018(labour):
    entries = blame(labour, "Chapter 4, Clause II.2.B.i")
    assert [(e.version, e.events, e.change and e.change.id) for e in entries] == [
        ("2016", ("origin",), None),
        ("2017", ("text", "provisions"), "2017-vacancy-threshold"),
        ("2018", ("text", "provisions"), "2018-leadership-nominations"),
        ("2021", ("text", "provisions"), "2021-leadership-nominations"),
    ]
    assert entries[1].words() == [{"field": "text", "deleted": "15", "inserted": "10"}]
    assert [str(e.effective) for e in entries] == ["2016-01-01", "2017-09-27", "2018-09-27", "2021-09-26"]


def test_rulings_are_blamed_as_rulings_with_their_authority(labour):
    entries = blame(labour, "ch4.leader-election.nominations.challenge")
    rulings = [e for e in entries if e.change is not None and e.change.kind == "ruling"]
    assert [(e.version, e.change.authority, e.events) for e in rulings] == [
        ("2016-07-12", "NEC, 12 July 2016", ("provisions",)),
        ("2016-07-28", "High Court (Foster v McNicol [2016] EWHC 1966 (QB)), 28 July 2016", ("provisions",)),
    ]
    assert all(e.words() == [] for e in rulings)  # no words changed
    assert rulings[1].diff.provisions[0].kind == "affirmed"


def test_blame_stops_at_the_version_asked_for(labour):
    entries = blame(labour, "Chapter 4, Clause II.2.B.i", until="2017")
    assert [e.version for e in entries] == ["2016", "2017"]
    assert [e.version for e in blame(labour, "Chapter 4, Clause II.2.B.i", until="2016-12-31")] == ["2016"]


def test_a_clause_added_later_starts_with_its_addition(labour):
    entries = blame(labour, "Chapter 1, Clause VIII.2.M")
    assert entries[0].version == "2016-conference" and entries[0].events == ("added",)
    assert entries[0].change.id == "2016-nec-scotland-wales"


def test_a_citation_that_names_nothing_is_an_error_naming_the_versions(labour):
    with pytest.raises(CitationError, match="2016-conference"):
        resolve_in_history(version_chain(labour), "Chapter 9, Clause IX")


def test_text_blame_names_version_date_motion_and_words(labour):
    entries = blame(labour, "Chapter 4, Clause II.2.B.i")
    out = blame_to_text(entries, title="II.2.B.i")
    assert "2017  in force 2017-09-27  motion 2017-vacancy-threshold" in out
    assert "[-15-]{+10+} per cent" in out
    assert "provision leadership.nominations.vacancy changed: {share: [-0.15-]{+0.1+}, of: [PLP, EPLP]}" in out


def _history(tmp_path: Path) -> Path:
    (tmp_path / "rulebook.yaml").write_text(
        """
rulebook: club
version: "1"
effective: 2020-01-01
numbering: [{style: arabic, label: "Rule {n}"}]
clauses:
  - {id: name, text: "The Club."}
  - {id: fee, text: "The fee is 5 pounds."}
  - {id: end, text: "The end."}
"""
    )
    (tmp_path / "m.yaml").write_text(
        """
motions:
  - {motion: intro, base: "1", amendments: [{op: insert_clause, before: name, clause: {id: intro, text: Hello.}}]}
  - {motion: drop, base: "1", amendments: [{op: delete_clause, clause: "Rule 3"}]}
"""
    )
    (tmp_path / "history.yaml").write_text(
        'versions: [{version: "2", effective: 2021-01-01, from: "1", motions: [m.yaml]}]'
    )
    return tmp_path


def test_renumbering_and_deletion_are_part_of_a_clauses_life(tmp_path):
    history = load_history(_history(tmp_path))
    fee = blame(history, "fee")
    assert [(e.version, e.events, e.citation) for e in fee] == [
        ("1", ("origin",), "Rule 2"),
        ("2", ("renumbered",), "Rule 3"),
    ]
    end = blame(history, "Rule 3", until="1")
    assert [e.events for e in end] == [("origin",)]
    gone = blame(history, "end")
    assert gone[-1].events == ("deleted",) and gone[-1].citation is None and gone[-1].change.id == "drop"
    # a renumbering is blamed on the motion that caused it
    assert fee[1].change.id == "intro"


def test_history_diff_between_versions_not_in_line_compares_them_plainly(tmp_path):
    history = load_history(_history(tmp_path))
    d = history_diff(history, "2", "1")
    assert d.changes == () and {c.id for c in d.added} == {"end"}
