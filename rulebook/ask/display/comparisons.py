"""A comparison of two answers shown as text, HTML and rich."""

from __future__ import annotations

import html
from collections.abc import Mapping
from typing import TYPE_CHECKING, Any

from immutabledict import immutabledict
from rich.console import Group as RichGroup
from rich.text import Text

from rulebook.model import thaw

if TYPE_CHECKING:
    from rulebook.ask.answer import Because
    from rulebook.ask.compare import BecauseChange, Comparison

from rulebook.ask.display.answers import _answer_parts, answer_html, summary
from rulebook.ask.display.common import (
    WIDTH,
    _clause_heading,
    _gap_parts,
    _html_table,
    _indent,
    _pairs,
    _set_by,
    _table,
    plain,
    shorten,
    show_items,
)

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
            if show_items(a.get(key)) != show_items(b.get(key)) or (key in a) != (key in b):
                rows.append((str(key), _side(a.get(key), key in a), _side(b.get(key), key in b)))
    elif show_items(a) != show_items(b):
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
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
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
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
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
    rows = [(d.path, show_items(d.left), show_items(d.right)) for d in comparison.differences]
    changes = [
        (c.kind, c.provision, show_items(c.left.value) if c.left else "", show_items(c.right.value) if c.right else "")
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
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.ask import compare
    >>> cut = Motion("cut", [Amendment("set_provision", clause="Rule 1", name="fees.annual", value=10)])
    >>> c = compare("provision", {"name": "fees.annual"}, v, [cut])
    >>> text = plain(comparison_rich(c))
    >>> text.splitlines()[0], "set by" in text and "motion cut" in text
    ('provision: 1 -> 1+cut: determined -> determined', True)
    """
    return RichGroup(*_comparison_parts(comparison, fancy=True))
