"""Histories and version selection: ``PATH``, ``PATH@LABEL``, ``PATH@YYYY-MM-DD``."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from rulebook.errors import AmendmentError, HistoryError, RulebookError, SchemaError, VersionError
from rulebook.history import load, load_history, split_spec

ROOT = Path(__file__).resolve().parent.parent
DATA = ROOT / "tests" / "data"
LABOUR = ROOT / "rules" / "labour"

BOOK = """\
rulebook: club
version: "1"
effective: 2020-01-01
numbering: [{style: arabic, label: "Rule {n}"}]
clauses:
  - {id: fee, text: "The fee is 5 pounds."}
  - {id: quorum, text: "Four members.", provisions: {quorum: 4}}
"""


@pytest.fixture
def book(tmp_path: Path) -> Path:
    (tmp_path / "rulebook.yaml").write_text(BOOK)
    (tmp_path / "raise.yaml").write_text(
        'motion: raise\nbase: "1"\namendments:\n  - {op: replace_words, clause: Rule 1, old: "5", new: "6"}\n'
    )
    (tmp_path / "again.yaml").write_text(
        'motion: again\nbase: "1"\namendments:\n  - {op: replace_words, clause: fee, old: "6", new: "7"}\n'
    )
    (tmp_path / "ruling.yaml").write_text(
        "ruling: tie\nauthority: The committee, 1 May 2021\n"
        "amendments:\n  - {op: set_provision, clause: Rule 2, name: tie, value: fails}\n"
    )
    (tmp_path / "history.yaml").write_text(
        "versions:\n"
        '  - {version: "2", effective: 2021-01-01, from: "1", motions: [raise.yaml]}\n'
        '  - {version: "2r", effective: 2021-05-01, from: "2", rulings: [ruling.yaml]}\n'
        '  - {version: "3", effective: 2022-01-01, motions: [again.yaml]}\n'
    )
    return tmp_path


def test_the_versions_are_built_in_order_each_from_its_parent(book):
    history = load_history(book)
    assert history.labels == ["1", "2", "2r", "3"]
    assert [v.parent for v in history] == [None, "1", "2", "2r"]
    assert [c.id for c in history["2r"].changes] == ["tie"]
    assert history["2r"].changes[0].authority == "The committee, 1 May 2021"
    assert history["3"].clause("fee").text == "The fee is 7 pounds."
    assert history["1"].clause("fee").text == "The fee is 5 pounds."


def test_plain_path_is_the_latest(book):
    assert load(str(book)).label == "3"
    assert load(book).label == "3"


def test_path_at_label(book):
    assert load(f"{book}@2").clause("fee").text == "The fee is 6 pounds."
    assert load(f"{book}@1").clause("fee").text == "The fee is 5 pounds."


@pytest.mark.parametrize(
    ("day", "label"),
    [("2020-01-01", "1"), ("2020-12-31", "1"), ("2021-01-01", "2"), ("2021-05-01", "2r"), ("2030-01-01", "3")],
)
def test_path_at_date_is_the_version_in_force_that_day(book, day, label):
    assert load(f"{book}@{day}").label == label


def test_a_day_before_the_first_version_says_when_it_starts(book):
    with pytest.raises(VersionError, match="no version was in force on 2019-12-31; the earliest takes effect on 2020-"):
        load(f"{book}@2019-12-31")


def test_an_unknown_label_suggests_the_nearest(book):
    with pytest.raises(VersionError) as info:
        load(f"{book}@2x")
    assert "no version '2x'" in str(info.value)
    assert "did you mean" in str(info.value)
    assert str(info.value).startswith(str(book))


def test_an_impossible_date(book):
    with pytest.raises(VersionError, match="is not a real date"):
        load(f"{book}@2021-02-30")


def test_split_spec_takes_the_last_at_sign():
    assert split_spec("rules/labour@2016") == ("rules/labour", "2016")
    assert split_spec("a@b/book.yaml@1") == ("a@b/book.yaml", "1")
    assert split_spec("book.yaml") == ("book.yaml", None)


def test_a_single_file_is_a_history_of_one_version():
    history = load_history(DATA / "club.yaml")
    assert history.labels == ["1"]
    assert load(f"{DATA / 'club.yaml'}@2020-06-01").label == "1"


def test_the_bundled_history_selects_versions_by_label_and_by_date():
    history = load_history(LABOUR)
    assert history.labels[0] == "2016"
    assert load(f"{LABOUR}@2016").label == "2016"
    assert load(f"{LABOUR}@2016-07-13").label == "2016-07-12"
    assert load(LABOUR).label == history.labels[-1]
    dates = [v.effective for v in history]
    assert all(isinstance(d, dt.date) for d in dates)
    assert dates == sorted(dates)


def test_lineage_and_ancestors(book):
    history = load_history(book)
    assert [v.label for v in history.ancestors("3")] == ["2r", "2", "1"]
    assert sorted(history.lineage("2")) == ["1", "2"]


@pytest.mark.parametrize(
    ("entries", "line", "fragment", "error"),
    [
        ('  - {version: "2", from: "9"}\n', 2, "'from: 9' names no earlier version", SchemaError),
        ('  - {version: "1"}\n', 2, "version '1' is defined twice", SchemaError),
        ('  - {version: "2", motions: [nope.yaml]}\n', 2, "motion file 'nope.yaml' not found", SchemaError),
        (
            '  - {version: "2", rulings: [raise.yaml]}\n',
            2,
            "holds motion 'raise' but is listed under 'rulings'",
            SchemaError,
        ),
        ('  - {version: "2", efective: 2021-01-01}\n', 2, "did you mean 'effective'?", SchemaError),
        ('  - {version: "2", effective: soon}\n', 2, "'effective' must be a date", SchemaError),
        ("  - just a string\n", 2, "each version is a mapping", SchemaError),
    ],
)
def test_a_broken_history_names_its_file_and_line(book, entries, line, fragment, error):
    path = book / "history.yaml"
    path.write_text("versions:\n" + entries)
    with pytest.raises(error) as info:
        load_history(book)
    assert str(info.value).startswith(f"{path}:{line}: "), str(info.value)
    assert fragment in str(info.value)


def test_a_motion_that_fails_while_building_names_the_version_and_the_history_line(book):
    (book / "history.yaml").write_text('versions:\n  - {version: "2", motions: [raise.yaml, raise.yaml]}\n')
    with pytest.raises(AmendmentError) as info:
        load_history(book)
    message = str(info.value)
    assert "amendment 1 of motion raise" in message
    assert f"building version '2', {book / 'history.yaml'}:2" in message


def test_a_missing_source(tmp_path):
    with pytest.raises(VersionError, match="no such rule book"):
        load(tmp_path / "absent")
    with pytest.raises(VersionError, match=r"no rulebook\.yaml"):
        load(tmp_path)


def test_every_history_error_is_a_rulebook_error():
    assert issubclass(HistoryError, RulebookError) and issubclass(VersionError, RulebookError)


def test_a_history_answers_by_position_too(book):
    history = load_history(book)
    assert history[0].label == history.labels[0] and history[-1] is history.latest
    with pytest.raises(VersionError, match=r"no version at position 9; the history has \d+ versions \(0 to"):
        history[9]
