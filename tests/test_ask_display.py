"""Answers, comparisons, sweeps and versions in Jupyter (``_repr_html_``) and in a terminal (rich)."""

from __future__ import annotations

import io

from rich.console import Console

from rulebook.ask.compare import compare
from rulebook.ask.display import version_html, version_rich
from rulebook.ask.engine import ask
from rulebook.ask.sweep import sweep
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.io.yamlsrc import read
from tests.conftest import LABOUR, ROOT

HISTORY = load_history(LABOUR)
CONTEST = read(ROOT / "scenarios" / "facts" / "contest-2016.yaml")


def rendered(renderable: object) -> str:
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def test_an_answer_shows_as_html_and_in_rich_with_its_ruling() -> None:
    answer = ask(HISTORY.select("2016-07-12"), "leadership.ballot", CONTEST)
    page = answer._repr_html_()
    assert page.startswith('<div class="rulebook-answer">') and "NEC, 12 July 2016" in page
    assert "Chapter 4, Clause II.2.B.ii" in rendered(answer)


def test_an_undetermined_answer_shows_its_gaps() -> None:
    answer = ask(HISTORY.select("2016-07-01"), "leadership.ballot", CONTEST)
    assert "leadership.incumbent_automatic" in answer._repr_html_()
    assert "gap:" in rendered(answer)


def test_comparisons_and_sweeps_show_as_html_and_in_rich() -> None:
    c = compare("leadership.ballot", CONTEST, HISTORY.select("2016-07-01"), HISTORY.select("2016-07-12"))
    assert "answer.on_ballot" in c._repr_html_() and "answer.on_ballot" in rendered(c)
    motions = motion_io.load_file(LABOUR / "motions" / "2016-conference.yaml")
    s = sweep(HISTORY["2016-07-28"], motions, "nec.composition", {}, bases=HISTORY.lineage("2016-07-28"))
    assert "16 combinations" in s._repr_html_()
    assert "2016-nec-scotland-wales" in rendered(s) and "2016-nec-scotland-wales" in s.to_text()


def test_a_version_shows_as_an_escaped_html_table_and_a_rich_table() -> None:
    version = HISTORY["2016"]
    page = version_html(version)
    assert "Chapter 4, Clause II.2.B.ii" in page and "leadership.nominations.challenge" in page
    assert "<script" not in page
    assert "Chapter 1" in rendered(version_rich(version))
