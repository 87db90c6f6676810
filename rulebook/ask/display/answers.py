"""An answer shown as text, HTML and rich: the headline, the key result (read from
the JSON shape of the built-in questions), because and gaps."""

from __future__ import annotations

import html
from collections.abc import Callable, Mapping
from typing import TYPE_CHECKING, Any

from immutabledict import immutabledict
from rich.console import Group as RichGroup
from rich.text import Text

from rulebook.model import thaw

if TYPE_CHECKING:
    from rulebook.ask.answer import Answer

from rulebook.ask.display.common import (
    WIDTH,
    _because_parts,
    _flat,
    _gap_parts,
    _headline,
    _html_table,
    _num,
    _pairs,
    _pct,
    _set_by,
    _table,
    _yes,
    plain,
    shorten,
    show_items,
)

# A summary: the key result in one line, then tables. It reads the answer's JSON
# shape as the built-in question gives it; None (or a shape it does not know,
# e.g. a user's question registered under the same name) falls back to dotted lines.
Summary = tuple[str, list[Any]]


def _ballot(data: Mapping[str, Any], fancy: bool) -> Summary:
    parts = [f"on the ballot: {show_items(data['on_ballot']) if data['on_ballot'] else 'nobody'}"]
    parts += [f"{key}: {show_items(data[key])}" for key in ("excluded", "undetermined") if data.get(key)]
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
    rows += [("on a tie", show_items(data["tie_rule"] or "(the rules are silent)"))] if "tie_rule" in data else []
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
        head += f"; {undecided['seats']} undecided between {show_items(undecided['between'])}"
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
    return [_pairs([(f"{path}:", show_items(value)) for path, value in _flat(answer)])] if answer.answer else []


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


# -- answers -------------------------------------------------------------------


def answer_text(answer: Answer, width: int = WIDTH) -> str:
    """An answer in plain text: the headline, the key result, tables, because, gaps.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
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


def _answer_html_body(answer: Answer) -> str:
    esc = html.escape
    parts = [_html_table([(p, show_items(v)) for p, v in _flat(answer)], ("answer", "value"))]
    if answer.because:
        rows = [(b.clause, b.id, b.provision, show_items(b.value), _set_by(b)) for b in answer.because]
        parts.append(_html_table(rows, ("clause", "id", "provision", "value", "set by")))
    if answer.gaps:
        parts.append("<ul>" + "".join(f"<li>{esc(g.message)}</li>" for g in answer.gaps) + "</ul>")
    return "".join(parts)


def answer_html(answer: Answer) -> str:
    """An answer as escaped HTML tables (what Jupyter shows).

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
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
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> from rulebook.ask import ask
    >>> a = ask(v, "provision", {"name": "fees.annual"})
    >>> plain(answer_rich(a)).splitlines()[0]
    'provision on version 1: determined'
    """
    return RichGroup(*_answer_parts(answer, fancy=True))
