"""Answers, comparisons, sweeps and versions: plain text for terminals and pipes,
rich renderables, and escaped HTML for Jupyter (``_repr_html_``)."""

from __future__ import annotations

import io

from hypothesis import given
from hypothesis import strategies as st
from rich.console import Console

from rulebook.ask.answer import Answer
from rulebook.ask.compare import compare
from rulebook.ask.display import (
    answer_text,
    comparison_text,
    scenario_text,
    shorten,
    show_items,
)
from rulebook.ask.engine import ask
from rulebook.ask.scenarios import run_paths
from rulebook.ask.sweep import sweep
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.io.yamlsrc import read
from rulebook.render.notebook import version_html, version_rich
from tests.conftest import LABOUR, ROOT

HISTORY = load_history(LABOUR)
CONTEST = read(ROOT / "scenarios" / "facts" / "contest-2016.yaml")
VOTES = read(ROOT / "scenarios" / "facts" / "nec-vote-2016-09-20.yaml")


def rendered(renderable: object) -> str:
    console = Console(width=160, record=True, file=io.StringIO())
    console.print(renderable)
    return console.export_text()


def fits(text: str, width: int = 80) -> bool:
    return text.isascii() and all(len(line) <= width for line in text.splitlines())


def test_a_composition_shows_its_key_result_and_a_row_per_section() -> None:
    text = answer_text(ask(HISTORY["2016-07-28"], "nec.composition", {}))
    lines = text.splitlines()
    assert lines[0] == "nec.composition on version 2016-07-28: determined"
    assert lines[1] == "nec: 33 seats, 33 voting, majority 17"
    assert any(line.split() == ["trade_unions", "12", "yes"] for line in lines)
    assert "sections.treasurer.seats" not in text
    # the 600-character value of nec.seats is cut, and says how much is left out
    [value] = [line for line in lines if "nec.seats = " in line]
    assert value.startswith("    nec.seats = {treasurer: {seats: 1, voting: true},")
    assert "... 9 more}" in text and len(text) < 1500 and fits(text)


def test_a_ballot_shows_who_is_on_it_a_row_per_candidate_and_the_gap() -> None:
    text = answer_text(ask(HISTORY.select("2016-07-01"), "leadership.ballot", CONTEST))
    lines = text.splitlines()
    assert lines[0] == "leadership.ballot on version 2016-practice: UNDETERMINED"
    assert lines[1] == "on the ballot: Smith; undetermined: Corbyn"
    [corbyn] = [line for line in lines if line.startswith("Corbyn ")]
    assert corbyn.split()[:2] == ["Corbyn", "incumbent"] and "(51 needed, 20%)" in corbyn
    assert "  Chapter 4, Clause II.2.B.ii (id ch4.leader-election.nominations.challenge)" in lines
    assert "    leadership.nominations.challenge = {share: 0.2, of: [PLP, EPLP]}" in lines
    assert lines[lines.index("gaps:") + 1].startswith("  - the rules do not say whether a challenged incumbent")
    assert fits(text)


def test_because_says_who_set_a_provision() -> None:
    text = answer_text(ask(HISTORY.select("2016-07-12"), "leadership.ballot", CONTEST))
    lines = text.splitlines()
    i = lines.index("    leadership.incumbent_automatic = true")
    assert lines[i + 1] == "      set by ruling 2016-07-12-nec-incumbent (NEC, 12 July 2016)"


def test_a_vote_shows_its_result_and_tally() -> None:
    text = answer_text(ask(HISTORY.select("2016-09-20"), "nec.vote", VOTES))
    assert text.splitlines()[1] == "carried 16-14"
    odds = ask(HISTORY["2016-conference"], "nec.vote", {**VOTES, "probabilities": {"scotland": [0.5], "wales": [0.5]}})
    assert answer_text(odds).splitlines()[1] == "uncertain (expected 17-15): carried 3/4, tied 1/4"


def test_an_answer_of_an_unknown_shape_is_shown_as_dotted_paths() -> None:
    # a user's question registered under a built-in name, or their own question
    odd = Answer("nec.vote", "1", "determined", {"outcome": {"carried": True}})
    assert answer_text(odd).splitlines()[1:] == ["  outcome.carried:  true"]
    own = Answer("club.fee", "1", "determined", {"total": 30})
    assert answer_text(own).splitlines() == ["club.fee on version 1: determined", "  total:  30"]


VALUES = st.recursive(
    st.integers() | st.text(max_size=30) | st.booleans(),
    lambda inner: st.dictionaries(st.text(min_size=1, max_size=8), inner, max_size=6) | st.lists(inner, max_size=6),
)


@given(VALUES, st.integers(10, 200))
def test_a_shortened_value_fits_its_limit_and_is_the_whole_value_when_it_can(value: object, limit: int) -> None:
    short = shorten(value, limit)
    assert len(short) <= limit
    assert (short == show_items(value)) == (len(show_items(value)) <= limit)


def test_a_comparison_shows_each_changed_field_and_provision_side_by_side() -> None:
    motions = motion_io.load_file(LABOUR / "motions" / "2016-conference.yaml")
    version = HISTORY["2016-07-28"]
    c = compare("nec.composition", {}, version, list(motions), bases=HISTORY.lineage("2016-07-28"))
    text = comparison_text(c)
    lines = [line.split() for line in text.splitlines()]
    assert ["voting", "33", "35"] in lines and ["sections.wales.seats", "(absent)", "1"] in lines
    assert "~ nec.seats in Chapter 1, Clause VIII.2 (id ch1.nec.composition)" in text
    assert ["scotland", "(absent)", "{seats:", "1,", "voting:", "true}"] in lines
    assert ["set", "by", "-", "motion", "2016-nec-scotland-wales"] in lines
    assert fits(text)


def test_every_bundled_scenario_shows_in_80_ascii_columns() -> None:
    for result in run_paths([str(ROOT / "scenarios")]):
        assert fits(answer_text(result.answer)), result.scenario.name
        if result.comparison is not None:
            assert fits(comparison_text(result.comparison)), result.scenario.name
        body = scenario_text(result, verbose=True).splitlines()[1:]
        assert all(len(line) <= 80 for line in body), result.scenario.name


def test_a_sweep_shows_the_status_quo_and_what_each_group_changes() -> None:
    motions = motion_io.load_file(LABOUR / "motions" / "2016-conference.yaml")
    s = sweep(HISTORY["2016-07-28"], motions, "nec.composition", {}, bases=HISTORY.lineage("2016-07-28"))
    lines = s.to_text().splitlines()
    assert "status quo (no motion passes): determined: nec: 33 seats, 33 voting, majority 17" in lines
    assert "4 combinations: determined: nec: 35 seats, 35 voting, majority 18" in lines
    assert ["voting", "33", "35"] in [line.split() for line in lines]
    assert "  - 2016-nec-scotland-wales" in lines and fits(s.to_text())


def test_an_answer_shows_as_html_and_in_rich_with_its_ruling() -> None:
    answer = ask(HISTORY.select("2016-07-12"), "leadership.ballot", CONTEST)
    page = answer._repr_html_()
    assert page.startswith('<div class="rulebook-answer">') and "NEC, 12 July 2016" in page
    shown = rendered(answer)
    assert "Chapter 4, Clause II.2.B.ii" in shown and "─" in shown  # box drawing, for a terminal


def test_an_undetermined_answer_shows_its_gaps() -> None:
    answer = ask(HISTORY.select("2016-07-01"), "leadership.ballot", CONTEST)
    assert "leadership.incumbent_automatic" in answer._repr_html_()
    assert "gaps:" in rendered(answer) and "UNDETERMINED" in rendered(answer)


def test_comparisons_and_sweeps_show_as_html_and_in_rich() -> None:
    c = compare("leadership.ballot", CONTEST, HISTORY.select("2016-07-01"), HISTORY.select("2016-07-12"))
    assert "answer.on_ballot" in c._repr_html_() and "on_ballot" in rendered(c)
    motions = motion_io.load_file(LABOUR / "motions" / "2016-conference.yaml")
    s = sweep(HISTORY["2016-07-28"], motions, "nec.composition", {}, bases=HISTORY.lineage("2016-07-28"))
    assert "8 combinations" in s._repr_html_()
    assert "2016-nec-scotland-wales" in rendered(s) and "2016-nec-scotland-wales" in s.to_text()


def test_a_version_shows_as_an_escaped_html_table_and_a_rich_table() -> None:
    version = HISTORY["2016"]
    page = version_html(version)
    assert "Chapter 4, Clause II.2.B.ii" in page and "leadership.nominations.challenge" in page
    assert "<script" not in page
    assert "Chapter 1" in rendered(version_rich(version))
