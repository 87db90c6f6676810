"""The scenario files in ``scenarios/``: they pass, and their expectations bite when the engine or rules are wrong."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import attrs
import pytest

from rulebook.ask.answer import Outcome
from rulebook.ask.facts import Fact
from rulebook.ask.registry import Registry
from rulebook.ask.scenarios import run, run_paths, scenario_files
from rulebook.ask.view import ABSENT, ProvisionView
from rulebook.errors import RulebookError, SchemaError
from rulebook.history import load_history
from rulebook.io.scenarios import load_file
from tests.conftest import LABOUR, ROOT

SCENARIOS = ROOT / "scenarios"
FILES = scenario_files([SCENARIOS])


def test_the_scenarios_cover_the_seed_reports() -> None:
    names = {p.stem for p in FILES}
    assert {
        "incumbent-challenged-2016-07-01",
        "incumbent-challenged-2016-07-12",
        "nec-scotland-wales-seats",
        "nec-16-14-vote-new-members-against",
        "shadow-cabinet-all-plp",
        "shadow-cabinet-thirds",
        "thresholds-2017-vacancy",
        "thresholds-2018-vacancy",
    } <= names
    assert all(p.parent.name != "motions" and p.parent.name != "facts" for p in FILES)


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_bundled_scenario_passes_and_checks_something(path: Path) -> None:
    result = run(load_file(path))
    assert result.passed, "\n".join(f.message for f in result.failures)
    assert result.checked >= 3


class _Blind(ProvisionView):
    """A view on which the rules say nothing: an engine that ignores the rule book."""

    __slots__ = ()

    def _read(self, kind: str, name: str) -> Any:
        return {"value": ABSENT, "clause": None, "names": ()}[kind]


def _blind_registry() -> Registry:
    from rulebook.ask.questions import BUILTINS

    registry = Registry(builtins=False, entry_points=False)
    for entry in BUILTINS:

        def blind(view: ProvisionView, facts: Fact, function: Any = entry.function) -> Outcome:
            result = function(_Blind(view._version), facts)
            return result if isinstance(result, Outcome) else Outcome(result)

        registry.register(attrs.evolve(entry, function=blind))
    return registry


@pytest.mark.parametrize("path", FILES, ids=[p.stem for p in FILES])
def test_every_scenario_fails_when_the_engine_ignores_the_rules(path: Path) -> None:
    try:
        result = run(load_file(path), registry=_blind_registry())
    except RulebookError:
        return  # refusing to answer is failing too
    assert not result.passed


@pytest.mark.parametrize(
    ("name", "wrong"),
    [
        ("incumbent-challenged-2016-07-12", "2016-07-01"),
        ("incumbent-challenged-2016-07-01", "2016-07-12"),
        ("nec-16-14-vote-new-members-against", "2018"),
        ("thresholds-2017-vacancy", "2017"),
        ("thresholds-2018-vacancy", "2017"),
        ("shadow-cabinet-all-plp", "2018"),
    ],
)
def test_scenarios_fail_on_the_wrong_version_of_the_rules(name: str, wrong: str) -> None:
    scenario = load_file(SCENARIOS / f"{name}.yaml")
    history = load_history(LABOUR)
    version = history.select(wrong)
    if (
        name == "shadow-cabinet-all-plp"
    ):  # compare side applies the PLP model: wrong rules = that model already in force
        from rulebook.amend.apply import apply_all
        from rulebook.io import motions as motion_io

        motions = motion_io.load_file(SCENARIOS / "motions" / "shadow-cabinet-plp.yaml")
        version = apply_all(history["2016-07-28"], motions, bases=history.lineage("2016-07-28"))
    mutated = attrs.evolve(scenario, left=attrs.evolve(scenario.left, version=version, ancestors=()))
    try:
        result = run(mutated)
    except RulebookError:
        return
    assert not result.passed


def test_a_scenario_names_the_line_of_a_failed_expectation(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        f"""scenario: s
rulebook: {LABOUR}@2016-07-01
question: leadership.ballot
facts: {SCENARIOS}/facts/contest-2016.yaml
expect:
  status: determined
  answer.nope: 1
"""
    )
    [result] = run_paths([path])
    assert [f.line for f in result.failures] == [6, 7]
    assert "expected determined, got undetermined" in result.failures[0].message
    assert "'answer' has no 'nope'" in result.failures[1].message


def test_compare_with_motions_in_a_scenario(tmp_path: Path) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(
        f"""scenario: s
rulebook: {LABOUR}@2016-07-28
question: nec.composition
compare:
  motions: [{LABOUR}/motions/2016-conference.yaml]
  expect: {{same: false, right.answer.voting: 35, left.answer.voting: 33}}
"""
    )
    [result] = run_paths([path])
    assert result.passed and result.checked == 3


@pytest.mark.parametrize(
    ("body", "message"),
    [
        ("rulebook: {book}\nquestion: provision\n", "no 'scenario'|missing"),
        ("scenario: s\nrulebook: {book}\nquestion: provision\nexpekt: {{}}\n", "expekt"),
        ("scenario: s\nrulebook: {book}\nquestion: provision\ncompare: {{expect: {{}}}}\n", "needs 'rulebook'"),
        ("scenario: s\nrulebook: {book}\nquestion: provision\nmotions: [nowhere.yaml]\n", "not found"),
        ("scenario: s\nrulebook: {book}@1999-01-01\nquestion: provision\n", "no version was in force"),
    ],
)
def test_bad_scenario_files_are_schema_errors_with_a_line(tmp_path: Path, body: str, message: str) -> None:
    path = tmp_path / "s.yaml"
    path.write_text(body.format(book=LABOUR))
    with pytest.raises(RulebookError, match=message) as info:
        load_file(path)
    assert info.value.file == str(path) and info.value.line is not None


def test_a_missing_path_is_an_error() -> None:
    with pytest.raises(SchemaError, match="no such scenario"):
        scenario_files([SCENARIOS / "nope"])


pytest_plugins = ["pytester"]


def test_pytest_collects_scenarios_and_reports_failures(pytester: pytest.Pytester) -> None:
    good = (SCENARIOS / "cac-composition.yaml").read_text().replace("../rules/labour", str(LABOUR))
    folder = pytester.mkdir("scenarios")
    (folder / "good.yaml").write_text(good)
    (folder / "bad.yaml").write_text(good.replace("answer.total: 7", "answer.total: 8"))
    (folder / "other.yaml").write_text("not: a scenario\n")
    result = pytester.runpytest("scenarios", "-p", "no:cacheprovider")
    result.assert_outcomes(passed=1, failed=1)
    result.stdout.fnmatch_lines(["*bad.yaml:11: scenario cac-composition: answer.total: expected 8, got 7*"])


def test_pytest_collects_a_nested_scenarios_directory_named_on_the_command_line(pytester: pytest.Pytester) -> None:
    good = (SCENARIOS / "cac-composition.yaml").read_text().replace("../rules/labour", str(LABOUR))
    nested = pytester.mkdir("rules-repo")
    (nested / "scenarios").mkdir()
    (nested / "scenarios" / "good.yaml").write_text(good)
    pytester.runpytest("rules-repo", "-p", "no:cacheprovider").assert_outcomes()  # not a scenarios dir: left alone
    pytester.runpytest("rules-repo/scenarios", "-p", "no:cacheprovider").assert_outcomes(passed=1)


def test_pytest_collects_the_directories_of_the_ini_option(pytester: pytest.Pytester) -> None:
    good = (SCENARIOS / "cac-composition.yaml").read_text().replace("../rules/labour", str(LABOUR))
    pytester.makeini("[pytest]\nrulebook_scenarios = what-if\n")
    (pytester.mkdir("what-if") / "good.yaml").write_text(good)
    pytester.runpytest("-p", "no:cacheprovider").assert_outcomes(passed=1)
