"""Sweeps and scenario runs shown as text, HTML and rich."""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group as RichGroup
from rich.text import Text

if TYPE_CHECKING:
    from rulebook.ask.scenarios import ScenarioResult
    from rulebook.ask.sweep import Group, Sweep

from rulebook.ask.display.answers import _generic, answer_html, answer_text, summary
from rulebook.ask.display.common import (
    WIDTH,
    _html_table,
    _indent,
    _pairs,
    _table,
    plain,
)
from rulebook.ask.display.comparisons import _side, comparison_text

# -- sweeps ---------------------------------------------------------------------


def _count(n: int, noun: str) -> str:
    """``n`` and ``noun``, plural unless ``n`` is 1 (``noun`` is the singular)."""
    return f"{n} {noun}" if n == 1 else f"{n} {noun}s"


def _names(passed: Sequence[str]) -> str:
    return " + ".join(passed) if passed else "(none: the status quo)"


def _group_head(group: Group, total: int) -> str:
    many = "combination" if group.count == 1 else "combinations"
    if group.kind == "does-not-apply":
        return f"{group.count} {many} do not apply: {group.problem}"
    if group.kind == "error":
        return f"{group.count} {many} cannot be answered: {group.problem}"
    if not group.changed:
        return f"{group.count} {many}: same answer as the status quo"
    assert group.answer is not None
    return f"{group.count} {many}: {group.answer.status}, changes {', '.join(group.changed)}"


def _deciding(result: Sweep) -> str:
    """Which motions decide the answer, and how many cannot change it."""
    others = len(result.motions) - len(result.deciding)
    if not result.deciding:
        return f"no motion can change the answer ({others} cannot)"
    cannot = f"; the other {others} cannot change it" if others else ""
    return f"decided by {', '.join(result.deciding)}{cannot}"


def _sweep_parts(result: Sweep, fancy: bool, limit: int) -> list[Any]:
    from rulebook.ask.compare import answer_differences

    baseline = result.baseline
    key, _ = summary(baseline)
    parts: list[Any] = [
        Text(
            f"{result.question} on version {result.version}, {_count(len(result.motions), 'motion')}, "
            f"{_count(len(result.combinations), 'combination')} (question evaluated "
            f"{_count(result.evaluations, 'time')}, {_count(result.applications, 'motion')} applied)",
            style="bold" if fancy else "",
        ),
        Text(_deciding(result)),
        Text(f"status quo (no motion passes): {baseline.status}" + (f": {key}" if key else "")),
    ]
    if not key:
        parts += _generic(baseline)
    for group in result.groups:
        many = "combination" if group.count == 1 else "combinations"
        if not group.changed or group.answer is None:
            parts.append(Text(_group_head(group, len(result.combinations))))
        else:
            group_key = summary(group.answer)[0]
            parts.append(Text(f"{group.count} {many}: {group.answer.status}" + (f": {group_key}" if group_key else "")))
            table = _table("changed", "status quo", "with these motions", fancy=fancy)
            for d in answer_differences(baseline, group.answer):
                if d.path != "status":
                    shown = [_side(v, v is not None) for v in (d.left, d.right)]
                    table.add_row(d.path.removeprefix("answer."), *shown)
            if table.row_count:
                parts.append(_indent(table, 4))
        if group.changes:
            names = [("-", _names(passed)) for passed in group.combinations[:limit]]
            if group.count > limit:
                names.append(("", f"... and {group.count - limit} more"))
            parts.append(_pairs(names, 2, gap=1))
    return parts


def sweep_text(result: Sweep, limit: int = 8, width: int = WIDTH) -> str:
    """A sweep in plain text: the status quo, then each group: its answer, what it
    changes, and (for those that change it) its combinations, up to ``limit``.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import sweep
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> s = sweep(v, [cut], "provision", {"name": "fees.annual"})
    >>> print(sweep_text(s, width=100))
    provision on version 1, 1 motion, 2 combinations (question evaluated 2 times, 2 motions applied)
    decided by cut
    status quo (no motion passes): determined: fees.annual = 15
    1 combination: same answer as the status quo
    1 combination: determined: fees.annual = 10
        changed  status quo  with these motions
        -------- ----------- ------------------
        value    15          10
      - cut
    """
    return plain(RichGroup(*_sweep_parts(result, False, limit)), width)


def sweep_html(result: Sweep) -> str:
    """A sweep as escaped HTML: one row per group.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import sweep
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> s = sweep(v, [cut], "provision", {"name": "fees.annual"})
    >>> page = sweep_html(s)
    >>> "over 1 motion (2 combinations)" in page, "<td>cut</td>" in page
    (True, True)
    """
    esc = html.escape
    rows = []
    for group in result.groups:
        combos = "; ".join(_names(c) for c in group.combinations[:20])
        if group.count > 20:
            combos += f"; ... {group.count - 20} more"
        rows.append((_group_head(group, len(result.combinations)), combos))
    return (
        '<div class="rulebook-sweep">'
        f"<p><strong>{esc(result.question)}</strong> on <code>{esc(result.version)}</code> over "
        f"{_count(len(result.motions), 'motion')} ({_count(len(result.combinations), 'combination')})</p>"
        f"{answer_html(result.baseline)}{_html_table(rows, ('result', 'combinations'))}</div>"
    )


def sweep_rich(result: Sweep, limit: int = 8) -> RichGroup:
    """A sweep as rich renderables for a terminal.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import sweep
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> s = sweep(v, [cut], "provision", {"name": "fees.annual"})
    >>> "status quo (no motion passes): determined: fees.annual = 15" in plain(sweep_rich(s))
    True
    """
    return RichGroup(*_sweep_parts(result, True, limit))


# -- scenario runs -------------------------------------------------------------------


def scenario_text(result: ScenarioResult, verbose: bool = False, width: int = WIDTH) -> str:
    """A scenario's result: one line (``PASS``, ``FAIL`` or ``RAN`` when it expects
    nothing), its failures as ``FILE:LINE: ...`` (never wrapped, so that editors
    and CI can jump to them), and, when it failed or ``verbose``, its answer or
    comparison indented, fitting ``width``.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> from rulebook.io.scenarios import Expectation, Scenario, Side
    >>> from rulebook.ask.scenarios import run
    >>> s = Scenario("fee", "fee.yaml", 1, "provision", {"name": "fees.annual"}, Side("book.yaml", v),
    ...              expect=(Expectation("answer.value", 15, line=5),))
    >>> print(scenario_text(run(s)))
    PASS fee (fee.yaml): provision on 1: determined
    >>> wrong = Scenario("fee", "fee.yaml", 1, "provision", {"name": "fees.annual"}, Side("book.yaml", v),
    ...                  expect=(Expectation("answer.value", 10, line=5),))
    >>> print("\\n".join(scenario_text(run(wrong)).splitlines()[:2]))
    FAIL fee (fee.yaml): provision on 1: determined
         fee.yaml:5: scenario fee: answer.value: expected 10, got 15
    """
    a, c = result.answer, result.comparison
    mark = "FAIL" if result.failures else ("PASS" if result.checked else "RAN ")
    line = f"{mark} {result.scenario.name} ({result.scenario.file}): {a.question} on {a.version}: {a.status}"
    if c is not None:
        changed = c.changed if len(c.changed) <= 3 else (f"{len(c.changed)} parts of the answer",)
        what = "same answer" if c.is_same else f"changed: {', '.join(changed) or 'because'}"
        line += f"; on {c.right.version}: {c.right.status} ({what})"
    lines = [line, *(f"     {f.message}" for f in result.failures)]
    if verbose or result.failures:
        body = comparison_text(c, width - 5) if c is not None else answer_text(a, width - 5)
        lines += [f"     {row}" if row else "" for row in body.splitlines()]
    return "\n".join(lines)
