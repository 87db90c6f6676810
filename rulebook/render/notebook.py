"""A version in a notebook or a rich console: the presenter that
:class:`~rulebook.model.Version` names for its ``to_text``, ``to_data``,
``_repr_html_`` and ``__rich__`` (see :mod:`rulebook.display`).

Examples
--------
>>> from rulebook import loads
>>> v = loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses: [{id: fee, text: "The fee is 15 pounds."}]
... ''')
>>> print(v)
Rule 1  The fee is 15 pounds.
>>> v.to_data()["clauses"][0]["citation"]
'Rule 1'
"""

from __future__ import annotations

import html
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

from rulebook.display import show_value
from rulebook.model import Version, walk
from rulebook.numbering import all_citations
from rulebook.refs import render_refs
from rulebook.render.book import to_data, to_text

if TYPE_CHECKING:
    from rich.table import Table

__all__ = ["version_data", "version_html", "version_rich", "version_text"]


def version_text(version: Version) -> str:
    """The whole version as plain text, 80 columns (:func:`rulebook.render.book.to_text`)."""
    return to_text(version, width=80)


def version_data(version: Version) -> dict[str, Any]:
    """The whole version as JSON-ready data (:func:`rulebook.render.book.to_data`)."""
    return to_data(version)


def _html_table(rows: Sequence[tuple[str, ...]], header: tuple[str, ...]) -> str:
    esc = html.escape
    cells = ["<tr>" + "".join(f"<th>{esc(h)}</th>" for h in header) + "</tr>"]
    cells += ["<tr>" + "".join(f"<td>{esc(cell)}</td>" for cell in row) + "</tr>" for row in rows]
    return "<table>" + "".join(cells) + "</table>"


def version_html(version: Version) -> str:
    """A version as an escaped HTML table of its clauses: what Jupyter shows.

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
    """A version as a rich table of its clauses: what ``rich.print`` shows.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> table = version_rich(v)
    >>> table.title, table.row_count
    ('club, version 1', 1)
    >>> from rulebook.ask.display import plain
    >>> "fees.annual = 15" in plain(table)
    True
    """
    from rich.table import Table
    from rich.text import Text

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
