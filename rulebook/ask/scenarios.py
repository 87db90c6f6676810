"""Running scenarios: ask the question, compare if asked to, and check the expectations.

The same :func:`run` serves ``rulebook scenario run`` and the pytest plugin,
so a failing expectation reads the same in both:
``scenarios/x.yaml:12: scenario NAME: answer.on_ballot: expected [A], got [A, B]``.

Examples
--------
>>> import pathlib, tempfile
>>> tmp = tempfile.TemporaryDirectory()
>>> d = pathlib.Path(tmp.name)
>>> _ = (d / "book.yaml").write_text('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses: [{id: fee, text: "Five pounds.", provisions: {fees.annual: 5}}]
... ''')
>>> _ = (d / "fee.yaml").write_text('''
... scenario: fee
... rulebook: book.yaml
... question: provision
... facts: {name: fees.annual}
... expect: {answer.value: 6, status: determined}
... ''')
>>> [r] = run_paths([d])
>>> r.passed, r.failures[0].message.endswith("fee.yaml:6: scenario fee: answer.value: expected 6, got 5")
(False, True)
>>> tmp.cleanup()
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Any

import attrs

from rulebook.amend.apply import apply_all
from rulebook.ask.answer import Answer
from rulebook.ask.compare import Comparison, compare_answers
from rulebook.ask.engine import ask, resolve_question
from rulebook.ask.expect import lookup, matches
from rulebook.ask.registry import Registry
from rulebook.display import show_value
from rulebook.errors import RulebookError, SchemaError
from rulebook.history import History
from rulebook.io.files import path_kind
from rulebook.io.scenarios import Expectation, Scenario, Side, load_file, looks_like_scenario
from rulebook.model import Version, thaw

__all__ = ["Failure", "ScenarioResult", "run", "run_paths", "scenario_files"]


@attrs.frozen
class Failure:
    """An expectation the answer does not meet."""

    scenario: str
    file: str
    line: int | None
    path: str
    expected: Any
    actual: Any
    problem: str

    @property
    def message(self) -> str:
        """``FILE:LINE: scenario NAME: PATH: what is wrong``."""
        where = f"{self.file}:{self.line}" if self.line else self.file
        return f"{where}: scenario {self.scenario}: {self.path}: {self.problem}"

    def to_data(self) -> dict[str, Any]:
        """The failure as JSON-ready data."""
        return {"path": self.path, "line": self.line, "expected": thaw(self.expected),
                "actual": thaw(self.actual), "message": self.message}  # fmt: skip


@attrs.frozen
class ScenarioResult:
    """A scenario's answer (and comparison), and the expectations it failed."""

    scenario: Scenario
    answer: Answer
    comparison: Comparison | None
    failures: tuple[Failure, ...]

    @property
    def passed(self) -> bool:
        """Whether every expectation was met."""
        return not self.failures

    @property
    def checked(self) -> int:
        """How many expectations were checked."""
        return len(self.scenario.expect) + len(self.scenario.compare_expect)

    def to_data(self) -> dict[str, Any]:
        """``{"scenario", "file", "passed", "checked", "answer", "compare", "failures"}``."""
        return {
            "scenario": self.scenario.name,
            "file": self.scenario.file,
            "passed": self.passed,
            "checked": self.checked,
            "answer": self.answer.to_data(),
            "compare": self.comparison.to_data() if self.comparison else None,
            "failures": [f.to_data() for f in self.failures],
        }

    def to_text(self, verbose: bool = False) -> str:
        """One line per scenario, then its failures (and, when ``verbose``, the answers)."""
        mark = "FAIL" if self.failures else ("PASS" if self.checked else "RAN ")
        a = self.answer
        line = f"{mark} {self.scenario.name} ({self.scenario.file}): {a.question} on {a.version}: {a.status}"
        if self.comparison is not None:
            c = self.comparison
            what = "same answer" if c.is_same else f"changed: {', '.join(c.changed) or 'because'}"
            line += f"; on {c.right.version}: {c.right.status} ({what})"
        lines = [line]
        lines += [f"     {f.message}" for f in self.failures]
        if verbose:
            body = self.comparison.to_text() if self.comparison is not None else a.to_text()
            lines += ["     " + row for row in body.splitlines()]
        return "\n".join(lines)


def _build(side: Side) -> tuple[Version, list[Version]]:
    if not side.motions:
        return side.version, list(side.ancestors)
    built = apply_all(side.version, side.motions, bases=side.bases)
    return built, [side.version, *side.ancestors]


def _check(data: Any, expectations: Iterable[Expectation], scenario: Scenario, prefix: str) -> list[Failure]:
    failures = []
    for e in expectations:
        try:
            actual = lookup(data, e.path)
        except KeyError as exc:
            actual, problem = None, f"expected {show_value(e.value, listing=True)}, but {exc.args[0]}"
        else:
            if matches(thaw(e.value), actual, scenario.tolerance):
                continue
            problem = f"expected {_show(e.value)}, got {_show(actual)}"
        failures.append(Failure(scenario.name, scenario.file, e.line, f"{prefix}{e.path}", e.value, actual, problem))
    return failures


def _show(value: Any) -> str:
    plain = thaw(value)
    if isinstance(plain, list | dict):
        return json.dumps(plain, ensure_ascii=False)
    return show_value(plain, listing=True)


def run(scenario: Scenario, *, registry: Registry | None = None) -> ScenarioResult:
    """Answer the scenario's question (and its comparison) and check the expectations.

    An error that does not know its file (an unknown question, facts given in
    Python) is placed at the scenario file's ``question:`` line.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> d = Path(tmp.name)
    >>> _ = (d / "book.yaml").write_text('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "Five pounds.", provisions: {fees.annual: 5}}]
    ... ''')
    >>> _ = (d / "fee.yaml").write_text('''
    ... scenario: fee
    ... rulebook: book.yaml
    ... question: provision
    ... facts: {name: fees.annual}
    ... expect: {answer.value: 5}
    ... compare:
    ...   motions:
    ...     - motion: raise
    ...       base: "1"
    ...       amendments: [{op: set_provision, clause: fee, name: fees.annual, value: 6}]
    ...   expect: {changed: [answer.value]}
    ... ''')
    >>> from rulebook.io.scenarios import load_file
    >>> result = run(load_file(d / "fee.yaml"))
    >>> result.passed, result.checked, result.answer.answer["value"], result.comparison.changed
    (True, 2, 5, ('answer.value',))
    >>> result.to_text().replace(str(d), "DIR")
    'PASS fee (DIR/fee.yaml): provision on 1: determined; on 1+raise: determined (changed: answer.value)'
    >>> tmp.cleanup()
    """
    try:
        return _run(scenario, registry)
    except RulebookError as exc:
        raise exc.located(scenario.file, scenario.question_line or scenario.line) from None


def _run(scenario: Scenario, registry: Registry | None) -> ScenarioResult:
    resolve_question(scenario.question, registry)
    left, left_older = _build(scenario.left)
    answer = ask(left, scenario.question, scenario.facts, ancestors=left_older, registry=registry)
    failures = _check(answer.to_data(), scenario.expect, scenario, "")
    comparison = None
    if scenario.right is not None:
        right, right_older = _build(scenario.right)
        other = ask(right, scenario.question, scenario.facts, ancestors=right_older, registry=registry)
        comparison = compare_answers(answer, other)
        failures += _check(comparison.to_data(), scenario.compare_expect, scenario, "compare.expect: ")
    return ScenarioResult(scenario, answer, comparison, tuple(failures))


def scenario_files(paths: Sequence[str | Path]) -> list[Path]:
    """The scenario files named: files as given, and in directories every ``*.yaml``/``*.yml``
    (searched recursively) that has a top-level ``scenario:`` key.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> d = Path(tmp.name)
    >>> _ = (d / "book.yaml").write_text('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "Five pounds.", provisions: {fees.annual: 5}}]
    ... ''')
    >>> _ = (d / "fee.yaml").write_text('''
    ... scenario: fee
    ... rulebook: book.yaml
    ... question: provision
    ... facts: {name: fees.annual}
    ... expect: {answer.value: 5}
    ... ''')
    >>> [p.name for p in scenario_files([d])]  # book.yaml is not a scenario
    ['fee.yaml']
    >>> scenario_files([d / "nothing.yaml"])
    Traceback (most recent call last):
    ...
    rulebook.errors.SchemaError: .../nothing.yaml: no such scenario file or directory; check the path
    >>> tmp.cleanup()
    """
    out: list[Path] = []
    for raw in paths:
        path = Path(raw)
        kind = path_kind(path)
        if kind == "dir":
            found = sorted(p for p in path.rglob("*") if p.suffix in (".yaml", ".yml") and p.is_file())
            out.extend(p for p in found if looks_like_scenario(p))
        elif kind == "file":
            out.append(path)
        else:
            raise SchemaError("no such scenario file or directory; check the path", file=str(path))
    return out


def run_paths(paths: Sequence[str | Path], *, registry: Registry | None = None) -> list[ScenarioResult]:
    """Load and run every scenario named (files, or directories of them), sharing loaded rule books.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> d = Path(tmp.name)
    >>> _ = (d / "book.yaml").write_text('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "Five pounds.", provisions: {fees.annual: 5}}]
    ... ''')
    >>> _ = (d / "fee.yaml").write_text('''
    ... scenario: fee
    ... rulebook: book.yaml
    ... question: provision
    ... facts: {name: fees.annual}
    ... expect: {answer.value: 5}
    ... ''')
    >>> [(r.scenario.name, r.passed, r.answer.answer["value"]) for r in run_paths([d])]
    [('fee', True, 5)]
    >>> tmp.cleanup()
    """
    histories: dict[str, History] = {}
    return [run(load_file(p, histories), registry=registry) for p in scenario_files(paths)]
