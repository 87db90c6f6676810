"""Showing answers, comparisons, sweeps and versions: text for terminals, escaped
HTML tables for Jupyter (``_repr_html_``), and ``rich`` renderables (``__rich__``).

The text of an answer is a headline (question, version, status), the key result
in one line, tables (for the built-in questions; any other answer is shown as
dotted paths), then ``because`` (each provision under the clause that carries
it, its value shortened, and who set it) and ``gaps``. Plain text is ASCII and
fits 80 columns; on a terminal the same renderables are drawn with box
characters and colour. The JSON forms hold everything in full.

Examples
--------
>>> from rulebook.ask.answer import Answer, Because
>>> a = Answer("provision", "1", "determined", {"name": "x", "value": "<b>", "clause": "Rule 1", "id": "r1"},
...            (Because("Rule 1", "r1", "x", "<b>"),))
>>> "&lt;b&gt;" in answer_html(a) and "<b>" not in answer_html(a)
True
>>> print(answer_text(a))
provision on version 1: determined
x = <b>
  in Rule 1 (id r1)
<BLANKLINE>
because:
  Rule 1 (id r1)
    x = <b>
>>> print(answer_text(Answer("club.fee", "1", "determined", {"total": 30, "per": {"adult": 10}})))
club.fee on version 1: determined
  total:       30
  per.adult:   10
"""

from __future__ import annotations

import html
import io
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from immutabledict import immutabledict
from rich.box import SIMPLE_HEAD, Box
from rich.console import Console
from rich.console import Group as RichGroup
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rulebook.ask.answer import DETERMINED
from rulebook.model import Change, Version, thaw, walk
from rulebook.numbering import all_citations
from rulebook.refs import render_refs

if TYPE_CHECKING:
    from rulebook.ask.answer import Answer, Because
    from rulebook.ask.compare import BecauseChange, Comparison
    from rulebook.ask.scenarios import ScenarioResult
    from rulebook.ask.sweep import Group, Sweep

__all__ = [
    "answer_html",
    "answer_rich",
    "answer_text",
    "comparison_html",
    "comparison_rich",
    "comparison_text",
    "plain",
    "scenario_text",
    "shorten",
    "show_value",
    "summary",
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


# -- terminal text -----------------------------------------------------------------
#
# One set of rich renderables serves both: ``fancy`` (a terminal, and
# ``rich.print``) draws tables with box characters and colour; plain (what the
# CLI prints when piped, and ``to_text()``) uses ASCII only and fits WIDTH.

WIDTH = 80
VALUE_LIMIT = 150  # characters of a provision's value shown in text; --format json has it all
_ASCII_HEAD = Box("    \n    \n -  \n    \n    \n    \n    \n    \n", ascii=True)


def shorten(value: Any, limit: int = VALUE_LIMIT) -> str:
    """``show_value`` cut, at an entry's end, to about ``limit`` characters.

    Examples
    --------
    >>> shorten({"a": 1, "b": 2, "c": 3, "d": 4}, 18)
    '{a: 1, ... 3 more}'
    >>> shorten("x" * 20, 10)
    'xxxxxxx...'
    >>> shorten([1, 2], 10)
    '1, 2'
    """
    shown = show_value(value)
    if len(shown) <= limit:
        return shown
    value = thaw(value)
    if isinstance(value, Mapping) and value:
        items = [f"{k}: {_show(v)}" for k, v in value.items()]
        for n in range(len(items) - 1, 0, -1):
            cut = "{" + ", ".join(items[:n]) + f", ... {len(items) - n} more}}"
            if len(cut) <= limit:
                return cut
    return shown[: max(limit - 3, 0)] + "..."


def _table(*columns: str, fancy: bool, right: Sequence[int] = (), header: bool = True) -> Table:
    table = Table(
        box=SIMPLE_HEAD if fancy else _ASCII_HEAD, show_header=header, header_style="bold" if fancy else "",
        show_edge=False, pad_edge=False, padding=(0, 1, 0, 0), safe_box=not fancy,
    )  # fmt: skip
    for i, column in enumerate(columns):
        table.add_column(column, justify="right" if i in right else "left", overflow="fold")
    return table


def _pairs(rows: Sequence[tuple[str, str]], indent: int = 2, gap: int = 2) -> Padding:
    grid = Table.grid(padding=(0, gap, 0, 0))
    grid.add_column(no_wrap=True)
    grid.add_column(overflow="fold")
    for key, value in rows:
        grid.add_row(key, value)
    return _indent(grid, indent)


def _yes(value: Any) -> str:
    return {True: "yes", False: "no", None: "-"}.get(value, show_value(value))


def _pct(share: Any) -> str:
    return f"{float(share) * 100:.4g}%"


def _num(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


# A summary: the key result in one line, then tables. It reads the answer's JSON
# shape as the built-in question gives it; None (or a shape it does not know,
# e.g. a user's question registered under the same name) falls back to dotted lines.
Summary = tuple[str, list[Any]]


def _ballot(data: Mapping[str, Any], fancy: bool) -> Summary:
    parts = [f"on the ballot: {show_value(data['on_ballot']) if data['on_ballot'] else 'nobody'}"]
    parts += [f"{key}: {show_value(data[key])}" for key in ("excluded", "undetermined") if data.get(key)]
    table = _table("candidate", "role", "nominations", "met", "on ballot", fancy=fancy)
    basis = []
    for name, row in data["candidates"].items():
        table.add_row(name, row["role"], row.get("detail", str(row["nominations"])), _yes(row.get("met")),
                      _yes(row["on_ballot"]))  # fmt: skip
        basis.append((f"{name}:", str(row["basis"])))
    return "; ".join(parts), [table, Text("basis:"), _pairs(basis)]


def _composition(data: Mapping[str, Any], fancy: bool) -> Summary:
    if "sections" not in data:
        return "", []
    table = _table("section", "seats", "voting", fancy=fancy, right=(1,))
    for name, section in data["sections"].items():
        table.add_row(name, str(section["seats"]), _yes(section["voting"]))
    head = f"{data['body']}: {data['total']} seats, {data['voting']} voting, majority {data['majority']}"
    return head, [table]


def _vote(data: Mapping[str, Any], fancy: bool) -> Summary:
    if "result" not in data:
        return "", []
    counts = f"{_num(data['for'])}-{_num(data['against'])}"
    head = f"{data['result']} {counts}" if data["result"] != "uncertain" else f"uncertain (expected {counts})"
    rows = [
        ("for, against, abstain", f"{_num(data['for'])}, {_num(data['against'])}, {_num(data['abstain'])}"),
        ("present, absent", f"{data['present']}, {data['absent']}"),
    ]
    rows += [("quorum", str(data["quorum"]))] if "quorum" in data else []
    rows += [("on a tie", show_value(data["tie_rule"] or "(the rules are silent)"))] if "tie_rule" in data else []
    rows += [("decided by", str(data["decided_by"]))] if "decided_by" in data else []
    parts: list[Any] = [_pairs(rows)]
    if "probability" in data:
        likely = [f"{k} {data['probability_exact'][k]}" for k, p in data["probability"].items() if p]
        head += ": " + ", ".join(likely)
        table = _table("outcome", "probability", "exactly", fancy=fancy, right=(1, 2))
        for outcome, p in data["probability"].items():
            table.add_row(outcome, f"{p:.4f}", str(data["probability_exact"][outcome]))
        parts.append(table)
    return head, parts


def _swing(swing: Mapping[str, Any]) -> str:
    if not swing["possible"]:
        return "cannot change it alone"
    to = _pct(swing["to"])
    if swing["direction"] == "down":
        where = f"below {to}" if swing["more_than"] else f"down to {to}"
    else:
        where = f"above {to}" if swing["more_than"] else f"up to {to}"
    votes = f", {swing['votes']} votes" if swing.get("votes") is not None else ""
    return f"{where} ({float(swing['by']) * 100:.4g} points{votes})"


def _card_vote(data: Mapping[str, Any], fancy: bool) -> Summary:
    if "result" not in data:
        return "", []
    majority = data["majority"]
    head = (
        f"{data['result']}: {_pct(data['for'])} for, {_pct(data['against'])} against "
        f"({majority['rule']} {_pct(majority['share'])} needed)"
    )
    table = _table("section", "weight", "for", "to change the result", fancy=fancy, right=(1, 2))
    for name, section in data["sections"].items():
        votes = section.get("votes")
        share = _pct(section["for"]) + (f" ({votes['for']}-{votes['against']})" if votes else "")
        table.add_row(name, _num(section["weight"]), share, _swing(data["swing"][name]))
    return head, [table]


def _shadow_cabinet(data: Mapping[str, Any], fancy: bool) -> Summary:
    seats = data.get("seats", {})
    head = (
        f"{data['size']} places: " + ", ".join(f"{route} {n}" for route, n in seats.items())
        if "size" in data
        else "shares: " + ", ".join(f"{route} {_pct(s)}" for route, s in data["shares"].items())
    )
    if "undecided" in data:
        undecided = data["undecided"]
        head += f"; {undecided['seats']} undecided between {show_value(undecided['between'])}"
    table = _table("route", "share", "quota", "seats", fancy=fancy, right=(1, 2, 3))
    for route, share in data["shares"].items():
        table.add_row(route, _pct(share), _num(data.get("quotas", {}).get(route, "-")), str(seats.get(route, "-")))
    return head, [table]


def _provision(data: Mapping[str, Any], fancy: bool) -> Summary:
    if "value" not in data:
        return "", []
    return f"{data['name']} = {shorten(data['value'])}", [Text(f"  in {data['clause']} (id {data['id']})")]


_SUMMARIES: Mapping[str, Callable[[Mapping[str, Any], bool], Summary]] = immutabledict(
    {
        "leadership.ballot": _ballot,
        "nec.composition": _composition,
        "nec.vote": _vote,
        "conference.vote": _card_vote,
        "shadow_cabinet.composition": _shadow_cabinet,
        "provision": _provision,
    }
)


def _generic(answer: Answer) -> list[Any]:
    return [_pairs([(f"{path}:", show_value(value)) for path, value in _flat(answer)])] if answer.answer else []


def summary(answer: Answer, fancy: bool = False) -> Summary:
    """The key result of an answer in one line, and tables of the rest (rich renderables).

    Built-in questions have their own; any other answer (or one whose shape is
    not the built-in's) is its dotted paths, with no key result.

    Examples
    --------
    >>> from rulebook.ask.answer import Answer
    >>> summary(Answer("nec.vote", "1", "determined", {"result": "carried", "for": 16, "against": 14,
    ...                "abstain": 0, "present": 30, "absent": 3}))[0]
    'carried 16-14'
    >>> summary(Answer("club.fee", "1", "determined", {"total": 3}))[0]
    ''
    """
    shape = _SUMMARIES.get(answer.question)
    if shape is not None:
        try:
            key, tables = shape(thaw(answer.answer), fancy)
        except (KeyError, TypeError, ValueError, AttributeError):
            pass  # not the built-in's shape: show it as it is
        else:
            if key or tables:
                return key, tables
    return "", _generic(answer)


def _headline(question: str, version: str, status: str, fancy: bool) -> Text:
    shown = status if status == DETERMINED else status.upper()
    style = ("bold green" if status == DETERMINED else "bold yellow") if fancy else ""
    return Text.assemble((question, "bold" if fancy else ""), f" on version {version}: ", (shown, style))


def _clause_heading(b: Because) -> str:
    return f"{b.clause} (id {b.id})"


def _because_parts(because: Sequence[Because], fancy: bool) -> list[Any]:
    """One line per provision under the clause that carries it, with who set it."""
    if not because:
        return []
    parts: list[Any] = [Text("because:")]
    last = None
    for b in because:
        if _clause_heading(b) != last:
            last = _clause_heading(b)
            parts.append(_indent(Text(last), 2))
        parts.append(_indent(Text(f"{b.provision} = {shorten(b.value)}"), 4))
        if _set_by(b):
            parts.append(_indent(Text(_set_by(b), style="dim" if fancy else ""), 6))
    return parts


def _indent(renderable: Any, by: int) -> Padding:
    return Padding(renderable, (0, 0, 0, by), expand=False)


def _gap_parts(gaps: Sequence[tuple[str, str]], fancy: bool) -> list[Any]:
    if not gaps:
        return []
    grid = Table.grid()
    grid.add_column(width=4)
    grid.add_column(overflow="fold")
    for prefix, message in gaps:
        grid.add_row("  - ", Text(prefix + message, style="yellow" if fancy else ""))
    return [Text("gaps:"), grid]


def _answer_parts(answer: Answer, fancy: bool) -> list[Any]:
    key, tables = summary(answer, fancy)
    parts: list[Any] = [_headline(answer.question, answer.version, answer.status, fancy)]
    if key:
        parts.append(Text(key, style="bold" if fancy else ""))
    parts += tables
    if tables and (answer.because or answer.gaps):
        parts.append(Text(""))
    parts += _because_parts(answer.because, fancy)
    parts += _gap_parts([("", g.message) for g in answer.gaps], fancy)
    return parts


def plain(renderable: Any, width: int = WIDTH) -> str:
    """Rich renderables as plain text: no colour, no control codes, lines at most ``width`` long.

    Examples
    --------
    >>> print(plain(Text("a " * 5), width=4))
    a a
    a a
    a
    """
    console = Console(
        file=io.StringIO(), width=width, color_system=None, force_terminal=False, force_jupyter=False,
        force_interactive=False, highlight=False, emoji=False, markup=False, legacy_windows=False,
    )  # fmt: skip
    with console.capture() as capture:
        console.print(renderable)
    return "\n".join(line.rstrip() for line in capture.get().rstrip("\n").splitlines())


# -- answers -------------------------------------------------------------------


def answer_text(answer: Answer, width: int = WIDTH) -> str:
    """An answer in plain text: the headline, the key result, tables, because, gaps.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.ask import ask
    >>> a = ask(v, "provision", {"name": "fees.annual"})
    >>> print(answer_text(a))
    provision on version 1: determined
    fees.annual = 15
      in Rule 1 (id fee)
    <BLANKLINE>
    because:
      Rule 1 (id fee)
        fees.annual = 15
    """
    return plain(RichGroup(*_answer_parts(answer, fancy=False)), width)


def _html_table(rows: Sequence[Sequence[Any]], header: Sequence[str] | None = None) -> str:
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
    parts = [_html_table([(p, show_value(v)) for p, v in _flat(answer)], ("answer", "value"))]
    if answer.because:
        rows = [(b.clause, b.id, b.provision, show_value(b.value), _set_by(b)) for b in answer.because]
        parts.append(_html_table(rows, ("clause", "id", "provision", "value", "set by")))
    if answer.gaps:
        parts.append("<ul>" + "".join(f"<li>{esc(g.message)}</li>" for g in answer.gaps) + "</ul>")
    return "".join(parts)


def answer_html(answer: Answer) -> str:
    """An answer as escaped HTML tables (what Jupyter shows).

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.ask import ask
    >>> a = ask(v, "provision", {"name": "fees.annual"})
    >>> page = answer_html(a)
    >>> page.startswith('<div class="rulebook-answer">'), "<td>fees.annual</td><td>15</td>" in page
    (True, True)
    """
    esc = html.escape
    head = (
        f"<p><strong>{esc(answer.question)}</strong> on version <code>{esc(answer.version)}</code>: "
        f"<strong>{esc(answer.status)}</strong></p>"
    )
    return f'<div class="rulebook-answer">{head}{_answer_html_body(answer)}</div>'


def answer_rich(answer: Answer) -> RichGroup:
    """An answer as rich renderables for a terminal: what ``answer_text`` shows, in colour.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.ask import ask
    >>> a = ask(v, "provision", {"name": "fees.annual"})
    >>> plain(answer_rich(a)).splitlines()[0]
    'provision on version 1: determined'
    """
    return RichGroup(*_answer_parts(answer, fancy=True))


# -- comparisons -----------------------------------------------------------------

_MARKS = immutabledict({"added": "+", "removed": "-", "changed": "~"})
_CELL = 100  # characters of a value in a side-by-side cell


def _side(value: Any, present: bool = True) -> str:
    return shorten(value, _CELL) if present else "(absent)"


def _value_rows(change: BecauseChange) -> list[tuple[str, str, str]]:
    """What differs between the two sides of a provision: its value (entry by entry
    for mappings), the clause that carries it, who set it."""
    left, right = change.left, change.right
    if left is None or right is None:
        b = right if left is None else left
        assert b is not None
        cells = [("value", _side(b.value)), ("set by", _who(b))]
        return [(name, "(absent)", cell) if left is None else (name, cell, "(absent)") for name, cell in cells]
    rows = []
    a, b = thaw(left.value), thaw(right.value)
    if isinstance(a, Mapping) and isinstance(b, Mapping):
        for key in [*a, *(k for k in b if k not in a)]:
            if show_value(a.get(key)) != show_value(b.get(key)) or (key in a) != (key in b):
                rows.append((str(key), _side(a.get(key), key in a), _side(b.get(key), key in b)))
    elif show_value(a) != show_value(b):
        rows.append(("value", _side(a), _side(b)))
    if left.clause != right.clause or left.id != right.id:
        rows.append(("clause", _clause_heading(left), _clause_heading(right)))
    if _set_by(left) != _set_by(right):
        rows.append(("set by", _who(left), _who(right)))
    return rows


def _who(b: Because) -> str:
    return _set_by(b).removeprefix("set by ") or "-"


def _comparison_parts(comparison: Comparison, fancy: bool) -> list[Any]:
    left, right = comparison.left, comparison.right
    if comparison.is_same:
        head = Text(f"{comparison.question}: {left.version} and {right.version} give the same answer")
        return [head, *(_indent(part, 2) for part in _answer_parts(left, fancy)[1:])]
    parts: list[Any] = [
        Text.assemble(
            (comparison.question, "bold" if fancy else ""), f": {left.version} -> {right.version}: ",
            (f"{left.status} -> {right.status}", "bold" if fancy else ""),
        )
    ]  # fmt: skip
    table = _table("changed", left.version, right.version, fancy=fancy)
    table.columns[0].no_wrap = max((len(d.path) for d in comparison.differences), default=0) <= 36
    key_left, key_right = summary(left)[0], summary(right)[0]
    if key_left != key_right:
        table.add_row("result", key_left or "-", key_right or "-")
    for d in comparison.differences:
        if d.path not in ("status", "gaps"):
            path = d.path.removeprefix("answer.")
            table.add_row(path, _side(d.left, d.left is not None), _side(d.right, d.right is not None))
    if table.row_count:
        parts.append(_indent(table, 2))
    if comparison.because:
        parts.append(Text("because: the provisions that differ"))
        for change in comparison.because:
            shown = change.right if change.right is not None else change.left
            assert shown is not None
            heading = f"{change.provision} in {_clause_heading(shown)}"
            parts.append(_pairs([(_MARKS[change.kind], heading)], 2, gap=1))
            rows = _value_rows(change)
            if rows:
                sides = _table("", left.version, right.version, fancy=fancy)
                for row in rows:
                    sides.add_row(*row)
                parts.append(_indent(sides, 4))
    gaps = [(f"{side.version}: ", g.message) for side in (left, right) for g in side.gaps]
    parts += _gap_parts(gaps, fancy)
    return parts


def comparison_text(comparison: Comparison, width: int = WIDTH) -> str:
    """A comparison in plain text: the fields that differ side by side, then the provisions behind them.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import compare
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> c = compare("provision", {"name": "fees.annual"}, v, [cut])
    >>> print(comparison_text(c))
    provision: 1 -> 1+cut: determined -> determined
      changed  1                 1+cut
      -------- ----------------- ----------------
      result   fees.annual = 15  fees.annual = 10
      value    15                10
    because: the provisions that differ
      ~ fees.annual in Rule 1 (id fee)
                1   1+cut
        ------- --- ----------
        value   15  10
        set by  -   motion cut
    """
    return plain(RichGroup(*_comparison_parts(comparison, fancy=False)), width)


def comparison_html(comparison: Comparison) -> str:
    """A comparison as escaped HTML: the differences, then both answers side by side.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import compare
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> c = compare("provision", {"name": "fees.annual"}, v, [cut])
    >>> page = comparison_html(c)
    >>> "differs in answer.value" in page, "<td>answer.value</td><td>15</td><td>10</td>" in page
    (True, True)
    """
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
        + (_html_table(rows, ("path", left.version, right.version)) if rows else "")
        + (_html_table(changes, ("because", "provision", left.version, right.version)) if changes else "")
        + "<table><tr>"
        + f"<td>{answer_html(left)}</td><td>{answer_html(right)}</td>"
        + "</tr></table></div>"
    )


def comparison_rich(comparison: Comparison) -> RichGroup:
    """A comparison as rich renderables for a terminal.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import compare
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> c = compare("provision", {"name": "fees.annual"}, v, [cut])
    >>> text = plain(comparison_rich(c))
    >>> text.splitlines()[0], "set by" in text and "motion cut" in text
    ('provision: 1 -> 1+cut: determined -> determined', True)
    """
    return RichGroup(*_comparison_parts(comparison, fancy=True))


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
            f"{result.question} on version {result.version}, {len(result.motions)} motions, "
            f"{len(result.combinations)} combinations (question evaluated {result.evaluations} times, "
            f"{result.applications} motions applied)",
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
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import sweep
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> s = sweep(v, [cut], "provision", {"name": "fees.annual"})
    >>> print(sweep_text(s, width=100))
    provision on version 1, 1 motions, 2 combinations (question evaluated 2 times, 2 motions applied)
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
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import sweep
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> s = sweep(v, [cut], "provision", {"name": "fees.annual"})
    >>> page = sweep_html(s)
    >>> "over 1 motions (2 combinations)" in page, "<td>cut</td>" in page
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
        f"{len(result.motions)} motions ({len(result.combinations)} combinations)</p>"
        f"{answer_html(result.baseline)}{_html_table(rows, ('result', 'combinations'))}</div>"
    )


def sweep_rich(result: Sweep, limit: int = 8) -> RichGroup:
    """A sweep as rich renderables for a terminal.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
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
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
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
        f"{_html_table(rows, ('clause', 'heading', 'text', 'provisions'))}</div>"
    )


def version_rich(version: Version) -> Table:
    """A version as a rich table of its clauses: attach as ``Version.__rich__``.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... ''')
    >>> table = version_rich(v)
    >>> table.title, table.row_count
    ('club, version 1', 1)
    >>> "fees.annual = 15" in plain(table)
    True
    """
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
