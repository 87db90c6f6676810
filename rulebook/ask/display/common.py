"""What the displays of answers, comparisons and sweeps share: values in a line,
rich tables drawn plain or fancy, and rich renderables turned into plain text."""

from __future__ import annotations

import html
import io
from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rich.box import SIMPLE_HEAD, Box
from rich.console import Console
from rich.padding import Padding
from rich.table import Table
from rich.text import Text

from rulebook.ask.answer import DETERMINED
from rulebook.display import show_value
from rulebook.model import Change, thaw

if TYPE_CHECKING:
    from rulebook.ask.answer import Answer, Because


def show_items(value: Any) -> str:
    """A value in a line of an answer: a list as its items, or ``(none)``
    (:func:`rulebook.display.show_value` with ``listing``).

    Examples
    --------
    >>> show_items(("PLP", "EPLP")), show_items(()), show_items({"a": [1]})
    ('PLP, EPLP', '(none)', '{a: [1]}')
    """
    return show_value(value, listing=True)


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
    shown = show_items(value)
    if len(shown) <= limit:
        return shown
    value = thaw(value)
    if isinstance(value, Mapping) and value:
        items = [f"{k}: {show_value(v)}" for k, v in value.items()]
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
    return {True: "yes", False: "no", None: "-"}.get(value, show_items(value))


def _pct(share: Any) -> str:
    return f"{float(share) * 100:.4g}%"


def _num(value: Any) -> str:
    return f"{value:.4g}" if isinstance(value, float) else str(value)


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


def _html_table(rows: Sequence[Sequence[Any]], header: Sequence[str] | None = None) -> str:
    esc = html.escape
    out = ["<table>"]
    if header:
        out.append("<tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr>")
    for row in rows:
        out.append("<tr>" + "".join(f"<td>{esc(str(cell))}</td>" for cell in row) + "</tr>")
    out.append("</table>")
    return "".join(out)
