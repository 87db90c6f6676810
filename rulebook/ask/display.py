"""Showing answers, comparisons, sweeps and versions: plain text, escaped HTML tables
for Jupyter (``_repr_html_``), and ``rich`` renderables for terminals (``__rich__``).

Examples
--------
>>> from rulebook.ask.answer import Answer, Because
>>> a = Answer("provision", "1", "determined", {"value": "<b>"},
...            (Because("Rule 1", "r1", "x", "<b>"),))
>>> "&lt;b&gt;" in answer_html(a) and "<b>" not in answer_html(a)
True
>>> print(answer_text(a))
provision on version 1: determined
  value: <b>
because:
  Rule 1 (id r1): x = <b>
"""

from __future__ import annotations

import html
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.console import Group as RichGroup
from rich.table import Table
from rich.text import Text

from rulebook.model import Change, Version, thaw, walk
from rulebook.numbering import all_citations
from rulebook.refs import render_refs

if TYPE_CHECKING:
    from rulebook.ask.answer import Answer, Because
    from rulebook.ask.compare import Comparison
    from rulebook.ask.sweep import Group, Sweep

__all__ = [
    "answer_html",
    "answer_rich",
    "answer_text",
    "comparison_html",
    "comparison_rich",
    "comparison_text",
    "show_value",
    "sweep_html",
    "sweep_rich",
    "sweep_text",
    "version_html",
    "version_rich",
]


def show_value(value: Any) -> str:
    """A value as a drafter would write it: lists comma-separated, mappings in braces.

    Examples
    --------
    >>> show_value({"share": 0.2, "of": ("PLP", "EPLP")}), show_value([]), show_value(None), show_value(True)
    ('{share: 0.2, of: [PLP, EPLP]}', '(none)', '-', 'true')
    """
    return _show(thaw(value), top=True)


def _show(value: Any, top: bool = False) -> str:
    if value is None:
        return "-"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:.6g}"
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {_show(v)}" for k, v in value.items()) + "}"
    if isinstance(value, Sequence) and not isinstance(value, str):
        if not value:
            return "(none)" if top else "[]"
        inner = ", ".join(_show(v) for v in value)
        return inner if top else f"[{inner}]"
    return str(value)


def _flat(answer: Answer) -> list[tuple[str, Any]]:
    from rulebook.ask.compare import flatten

    data = thaw(answer.answer)
    return list(flatten(data).items()) if data else []


def _change(change: Change | None) -> str:
    if change is None:
        return ""
    by = f" ({change.authority})" if change.authority else ""
    return f"{change.kind} {change.id}{by}"


def _set_by(because: Because) -> str:
    parts = []
    if because.set_by is not None:
        parts.append(f"set by {_change(because.set_by)}")
    for change, _ in because.earlier:
        parts.append(f"earlier {_change(change)}")
    return "; ".join(parts)


# -- answers -------------------------------------------------------------------


def answer_text(answer: Answer) -> str:
    """An answer in plain text."""
    status = answer.status if answer.determined else answer.status.upper()
    lines = [f"{answer.question} on version {answer.version}: {status}"]
    lines += [f"  {path}: {show_value(value)}" for path, value in _flat(answer)]
    if answer.because:
        lines.append("because:")
        for b in answer.because:
            lines.append(f"  {b.clause} (id {b.id}): {b.provision} = {show_value(b.value)}")
            if _set_by(b):
                lines.append(f"      {_set_by(b)}")
    if answer.gaps:
        lines.append("gaps:")
        lines += [f"  - {g.message}" for g in answer.gaps]
    return "\n".join(lines)


def _table(rows: Sequence[Sequence[Any]], header: Sequence[str] | None = None) -> str:
    esc = html.escape
    out = ["<table>"]
    if header:
        out.append("<tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{esc(str(cell))}</td>" for cell in row) + "</tr>")
    out.append("</table>")
    return "".join(out)


def _answer_html_body(answer: Answer) -> str:
    esc = html.escape
    parts = [_table([(p, show_value(v)) for p, v in _flat(answer)], ("answer", "value"))]
    if answer.because:
        rows = [(b.clause, b.id, b.provision, show_value(b.value), _set_by(b)) for b in answer.because]
        parts.append(_table(rows, ("clause", "id", "provision", "value", "set by")))
    if answer.gaps:
        parts.append("<ul>" + "".join(f"<li>{esc(g.message)}</li>" for g in answer.gaps) + "</ul>")
    return "".join(parts)


def answer_html(answer: Answer) -> str:
    """An answer as escaped HTML tables (what Jupyter shows)."""
    esc = html.escape
    head = (
        f"<p><strong>{esc(answer.question)}</strong> on version <code>{esc(answer.version)}</code>: "
        f"<strong>{esc(answer.status)}</strong></p>"
    )
    return f'<div class="rulebook-answer">{head}{_answer_html_body(answer)}</div>'


def _answer_table(answer: Answer, title: str | None = None) -> Table:
    table = Table(title=title, show_header=True, header_style="bold")
    table.add_column("answer")
    table.add_column("value")
    for path, value in _flat(answer):
        table.add_row(Text(path), Text(show_value(value)))
    return table


def answer_rich(answer: Answer) -> RichGroup:
    """An answer as rich renderables: a heading, the answer, because, gaps."""
    style = "green" if answer.determined else "yellow"
    parts: list[Any] = [
        Text.assemble((answer.question, "bold"), f" on version {answer.version}: ", (answer.status, f"bold {style}")),
        _answer_table(answer),
    ]
    if answer.because:
        table = Table(title="because", show_header=True, header_style="bold")
        for column in ("clause", "provision", "value", "set by"):
            table.add_column(column)
        for b in answer.because:
            table.add_row(Text(f"{b.clause}\n({b.id})"), Text(b.provision), Text(show_value(b.value)), Text(_set_by(b)))
        parts.append(table)
    parts += [Text(f"gap: {g.message}", style="yellow") for g in answer.gaps]
    return RichGroup(*parts)


# -- comparisons -----------------------------------------------------------------


def _because_line(b: Because) -> str:
    return f"{b.provision} = {show_value(b.value)} in {b.clause} (id {b.id})" + (
        f", {_set_by(b)}" if _set_by(b) else ""
    )


def comparison_text(comparison: Comparison) -> str:
    """A comparison in plain text: what differs, side by side, then the provisions behind it."""
    left, right = comparison.left, comparison.right
    if comparison.is_same:
        head = f"{comparison.question}: {left.version} and {right.version} give the same answer"
        return head + "\n" + "\n".join("  " + line for line in answer_text(left).splitlines()[1:])
    lines = [f"{comparison.question}: {left.version} -> {right.version}: {left.status} -> {right.status}"]
    width = max((len(d.path) for d in comparison.differences), default=0)
    for d in comparison.differences:
        lines.append(f"  {d.path:<{width}}  {show_value(d.left)}  ->  {show_value(d.right)}")
    if comparison.because:
        lines.append("because:")
        for c in comparison.because:
            if c.left is None:
                lines.append(f"  + {_because_line(c.right)}")  # type: ignore[arg-type]
            elif c.right is None:
                lines.append(f"  - {_because_line(c.left)}")
            else:
                lines.append(f"  ~ {_because_line(c.left)}")
                lines.append(f"    -> {_because_line(c.right)}")
    gaps = [("left", g) for g in left.gaps] + [("right", g) for g in right.gaps]
    if gaps:
        lines.append("gaps:")
        lines += [f"  - {left.version if side == 'left' else right.version}: {g.message}" for side, g in gaps]
    return "\n".join(lines)


def comparison_html(comparison: Comparison) -> str:
    """A comparison as escaped HTML: the differences, then both answers side by side."""
    esc = html.escape
    left, right = comparison.left, comparison.right
    verdict = "same answer" if comparison.is_same else f"differs in {', '.join(comparison.changed) or 'because'}"
    rows = [(d.path, show_value(d.left), show_value(d.right)) for d in comparison.differences]
    changes = [
        (c.kind, c.provision, show_value(c.left.value) if c.left else "", show_value(c.right.value) if c.right else "")
        for c in comparison.because
    ]
    return (
        '<div class="rulebook-comparison">'
        f"<p><strong>{esc(comparison.question)}</strong>: <code>{esc(left.version)}</code> vs "
        f"<code>{esc(right.version)}</code>: {esc(verdict)}</p>"
        + (_table(rows, ("path", left.version, right.version)) if rows else "")
        + (_table(changes, ("because", "provision", left.version, right.version)) if changes else "")
        + "<table><tr>"
        + f"<td>{answer_html(left)}</td><td>{answer_html(right)}</td>"
        + "</tr></table></div>"
    )


def comparison_rich(comparison: Comparison) -> RichGroup:
    """A comparison as rich renderables."""
    left, right = comparison.left, comparison.right
    table = Table(title=f"{comparison.question}: {left.version} vs {right.version}", header_style="bold")
    table.add_column("path")
    table.add_column(left.version)
    table.add_column(right.version)
    for d in comparison.differences:
        table.add_row(Text(d.path), Text(show_value(d.left)), Text(show_value(d.right)))
    parts: list[Any] = [table if comparison.differences else Text("the same answer on both", style="green")]
    for c in comparison.because:
        mark = {"added": "+", "removed": "-", "changed": "~"}[c.kind]
        shown = c.right if c.right is not None else c.left
        assert shown is not None
        parts.append(Text(f"{mark} {_because_line(shown)}"))
    return RichGroup(*parts)


# -- sweeps ---------------------------------------------------------------------


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


def sweep_text(result: Sweep, limit: int = 8) -> str:
    """A sweep in plain text: the status quo, then each group with its combinations."""
    total = len(result.combinations)
    lines = [
        f"{result.question} on version {result.version}, {len(result.motions)} motions, {total} combinations "
        f"(question evaluated {result.evaluations} times, {result.applications} motions applied)",
        "status quo (no motion passes): " + result.baseline.status,
    ]
    lines += [f"  {p}: {show_value(v)}" for p, v in _flat(result.baseline)]
    for group in result.groups:
        lines.append(_group_head(group, total))
        if group.changed and group.answer is not None:
            flat = dict(_flat(group.answer))
            for path in group.changed:
                key = path.removeprefix("answer.")
                if path.startswith("answer.") and key in flat:
                    lines.append(f"    {key}: {show_value(flat[key])}")
                elif path == "status":
                    continue
                elif path == "gaps":
                    lines += [f"    gap: {g.message}" for g in group.answer.gaps]
        if group.changes:
            for passed in group.combinations[:limit]:
                lines.append(f"  - {_names(passed)}")
            if group.count > limit:
                lines.append(f"  ... and {group.count - limit} more")
    return "\n".join(lines)


def sweep_html(result: Sweep) -> str:
    """A sweep as escaped HTML: one row per group."""
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
        f"{len(result.motions)} motions ({len(result.combinations)} combinations)</p>"
        f"{answer_html(result.baseline)}{_table(rows, ('result', 'combinations'))}</div>"
    )


def sweep_rich(result: Sweep) -> RichGroup:
    """A sweep as rich renderables."""
    table = Table(title=f"{result.question} over {len(result.motions)} motions", header_style="bold")
    table.add_column("result")
    table.add_column("combinations")
    for group in result.groups:
        combos = "\n".join(_names(c) for c in group.combinations[:8])
        if group.count > 8:
            combos += f"\n... {group.count - 8} more"
        table.add_row(Text(_group_head(group, len(result.combinations))), Text(combos))
    return RichGroup(answer_rich(result.baseline), table)


# -- versions --------------------------------------------------------------------


def version_html(version: Version) -> str:
    """A version as an escaped HTML table of its clauses: attach as ``Version._repr_html_``.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> v = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("a", text="x < y", provisions={"n": 1})])
    >>> "<td>x &lt; y</td>" in version_html(v)
    True
    """
    esc = html.escape
    cites = all_citations(version)
    rows = []
    for depth, clause in walk(version.clauses):
        text = render_refs(version, clause.text, cites) if clause.text else ""
        provisions = "; ".join(f"{k} = {show_value(v)}" for k, v in clause.provisions.items())
        indent = "\u2003" * depth
        rows.append((indent + cites[clause.id], clause.heading or "", text, provisions))
    title = version.title or version.rulebook
    effective = f", in force from {version.effective.isoformat()}" if version.effective else ""
    return (
        f'<div class="rulebook-version"><p><strong>{esc(title)}</strong>, version '
        f"<code>{esc(version.label)}</code>{esc(effective)}, {len(version)} clauses</p>"
        f"{_table(rows, ('clause', 'heading', 'text', 'provisions'))}</div>"
    )


def version_rich(version: Version) -> Table:
    """A version as a rich table of its clauses: attach as ``Version.__rich__``."""
    cites = all_citations(version)
    table = Table(title=f"{version.title or version.rulebook}, version {version.label}", header_style="bold")
    for column in ("clause", "text", "provisions"):
        table.add_column(column)
    for depth, clause in walk(version.clauses):
        cell = Text()
        if clause.heading:
            cell.append(clause.heading, style="bold")
        if clause.text:
            cell.append(("\n" if clause.heading else "") + render_refs(version, clause.text, cites))
        provisions = "\n".join(f"{k} = {show_value(v)}" for k, v in clause.provisions.items())
        table.add_row(Text("  " * depth + cites[clause.id]), cell, Text(provisions))
    return table
