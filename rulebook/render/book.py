"""Render a version (or one clause and its children) as text, markdown or JSON data.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha")],
...     [Clause("fees", heading="Fees", children=[Clause("fees.a", text="See [[fees]].")])])
>>> print(to_text(v, width=60))
Rule 1  FEES
  Rule 1.a  See Rule 1.
>>> print(to_markdown(v))
# club, version 1
<BLANKLINE>
## Rule 1 Fees {#fees}
<BLANKLINE>
**Rule 1.a** See Rule 1.
<BLANKLINE>
>>> to_data(v)["clauses"][0]["clauses"][0]["citation"]
'Rule 1.a'
"""

from __future__ import annotations

import datetime as dt
import textwrap
from collections.abc import Callable
from typing import Any

from rulebook.model import Clause, Version, thaw
from rulebook.numbering import all_citations
from rulebook.refs import render_refs

__all__ = ["to_data", "to_markdown", "to_text"]


def _roots(version: Version, clause_id: str | None) -> tuple[tuple[Clause, int], ...]:
    if clause_id is None:
        return tuple((c, 0) for c in version.clauses)
    return ((version.clause(clause_id), len(version.path(clause_id)) - 1),)


def to_text(
    version: Version, clause_id: str | None = None, *, width: int = 100, style: Callable[[str, str], str] | None = None
) -> str:
    """Plain text: citations in front, headings in capitals, indented by depth.

    ``style(text, kind)`` may decorate parts (kind: ``citation`` or ``heading``)
    for a terminal; the default leaves them plain.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", heading="Fees", text="The fee is 15.")])
    >>> print(to_text(v))
    Rule 1  FEES
      The fee is 15.
    """
    cites = all_citations(version)
    decorate: Callable[[str, str], str] = style or (lambda text, kind: text)
    lines: list[str] = []

    def visit(clause: Clause, depth: int) -> None:
        indent = "  " * depth
        head = decorate(cites[clause.id], "citation")
        if clause.heading:
            lines.append(f"{indent}{head}  {decorate(clause.heading.upper(), 'heading')}")
            if clause.text:
                body = render_refs(version, clause.text, cites)
                lines.extend(
                    textwrap.wrap(
                        body,
                        width=max(width - len(indent) - 2, 20),
                        initial_indent=indent + "  ",
                        subsequent_indent=indent + "  ",
                    )
                )
        elif clause.text:
            body = render_refs(version, clause.text, cites)
            first = f"{indent}{cites[clause.id]}  "
            wrapped = textwrap.wrap(body, width=max(width - len(first), 20)) or [""]
            lines.append(f"{indent}{head}  {wrapped[0]}")
            pad = " " * len(first)
            lines.extend(pad + w for w in wrapped[1:])
        else:
            lines.append(f"{indent}{head}")
        for child in clause.children:
            visit(child, depth + 1)

    for clause, depth in _roots(version, clause_id):
        visit(clause, 0 if clause_id else depth)
    return "\n".join(lines)


def to_markdown(version: Version, clause_id: str | None = None) -> str:
    """A markdown document: headed clauses become headings, others paragraphs.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", heading="Fees", text="The fee is 15.")])
    >>> print(to_markdown(v))
    # club, version 1
    <BLANKLINE>
    ## Rule 1 Fees {#fee}
    <BLANKLINE>
    The fee is 15.
    <BLANKLINE>
    """
    cites = all_citations(version)
    out: list[str] = []
    if clause_id is None:
        title = version.title or version.rulebook
        out += [f"# {title}, version {version.label}", ""]
        if version.effective:
            out += [f"In force from {version.effective.isoformat()}.", ""]
        if version.source:
            out += [f"*{version.source}*", ""]

    def visit(clause: Clause, depth: int) -> None:
        cite = cites[clause.id]
        body = render_refs(version, clause.text, cites) if clause.text else ""
        if clause.heading:
            out.append(f"{'#' * min(depth + 2, 6)} {cite} {clause.heading} {{#{clause.id}}}")
            out.append("")
            if body:
                out.extend([body, ""])
        else:
            out.extend([f"**{cite}** {body}".rstrip(), ""])
        for child in clause.children:
            visit(child, depth + 1)

    for clause, depth in _roots(version, clause_id):
        visit(clause, depth if clause_id else 0)
    return "\n".join(out)


def _json_ready(value: Any) -> Any:
    """Dates (which YAML reads from ``2016-01-01``) as ISO text; everything else as it is."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {k: _json_ready(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_json_ready(v) for v in value]
    return value


def _clause_data(version: Version, clause: Clause, cites: dict[str, str]) -> dict[str, Any]:
    out: dict[str, Any] = {"id": clause.id, "citation": cites[clause.id]}
    if clause.number is not None:
        out["number"] = clause.number
    out["heading"] = clause.heading
    out["text"] = clause.text
    out["rendered_text"] = render_refs(version, clause.text, cites) if clause.text else None
    provisions = {}
    for name, value in clause.provisions.items():
        entry: dict[str, Any] = {"value": _json_ready(thaw(value))}
        change = version.provenance.get(name)
        if change is not None:
            entry["set_by"] = {"kind": change.kind, "id": change.id, "authority": change.authority}
        provisions[name] = entry
    out["provisions"] = provisions
    out["clauses"] = [_clause_data(version, c, cites) for c in clause.children]
    return out


def to_data(version: Version, clause_id: str | None = None) -> dict[str, Any]:
    """The version (or a clause subtree) as JSON-ready data with ids, citations,
    raw and rendered text, and provisions (with the ruling or motion that set them).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", heading="Fees", text="The fee is 15.")])
    >>> to_data(v)["clauses"][0]["citation"]
    'Rule 1'
    """
    cites = all_citations(version)
    roots = _roots(version, clause_id)
    return {
        "rulebook": version.rulebook,
        "title": version.title,
        "version": version.label,
        "effective": version.effective.isoformat() if version.effective else None,
        "source": version.source,
        "numbering": [{"style": lv.style, "label": lv.label} for lv in version.numbering],
        "clauses": [_clause_data(version, c, cites) for c, _ in roots],
    }
