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

__all__ = ["LONG_WORD", "to_data", "to_markdown", "to_text", "wrap"]

#: Words longer than this are cut into pieces before wrapping (docs/limits.md).
LONG_WORD = 10_000


class _Wrapper(textwrap.TextWrapper):
    """``textwrap`` with long words cut into pieces first.

    ``TextWrapper`` breaks a word longer than the line by slicing off one
    line's worth at a time, copying the rest each time: quadratic in the
    word's length (a 10 MB word took 10 s). Cut beforehand into pieces that
    are each still longer than a line, it fills the lines the same way (but
    for where a hyphen inside such a word ends a line), in linear time.
    """

    def _split_chunks(self, text: str) -> list[str]:
        chunks: list[str] = super()._split_chunks(text)
        size = max(self.width, 1) + 1
        bound = max(2 * size, LONG_WORD)
        if all(len(c) <= bound for c in chunks):
            return chunks
        out: list[str] = []
        for chunk in chunks:
            if len(chunk) <= bound or not chunk.strip():  # spaces are dropped at line ends, not cut
                out.append(chunk)
                continue
            # pieces of `size` characters, the last two to three times that: each still longer than a line
            cut = len(chunk) - 2 * size
            cut -= cut % size
            out.extend(chunk[i : i + size] for i in range(0, cut, size))
            out.append(chunk[cut:])
        return out


def wrap(text: str, width: int, *, initial_indent: str = "", subsequent_indent: str = "") -> list[str]:
    """``textwrap.wrap`` in time linear in the text, however long its words.

    Examples
    --------
    >>> wrap("The annual fee is fifteen pounds.", 12)
    ['The annual', 'fee is', 'fifteen', 'pounds.']
    >>> lines = wrap("x" * 100_000, 80)
    >>> len(lines), {len(line) for line in lines}
    (1250, {80})
    >>> wrap(" deep", 20, initial_indent=" " * 30)[-1]  # textwrap alone never returns
    'deep'
    """
    # textwrap loops for ever when an indent leaves no room on the line and the
    # text starts with a space (a deeply nested clause): always leave one column
    width = max(width, len(initial_indent) + 1, len(subsequent_indent) + 1)
    return _Wrapper(width=width, initial_indent=initial_indent, subsequent_indent=subsequent_indent).wrap(text)


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
                    wrap(
                        body,
                        max(width - len(indent) - 2, 20),
                        initial_indent=indent + "  ",
                        subsequent_indent=indent + "  ",
                    )
                )
        elif clause.text:
            body = render_refs(version, clause.text, cites)
            first = f"{indent}{cites[clause.id]}  "
            wrapped = wrap(body, max(width - len(first), 20)) or [""]
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


def to_markdown(version: Version, clause_id: str | None = None, *, raw_html: bool = False) -> str:
    """A markdown document: headed clauses become headings, others paragraphs.

    Markdown passes HTML through, so ``<``, ``>`` and ``&`` in the book's text
    are written as entities (a ``<script>`` in a clause stays text); with
    ``raw_html=True`` they are written as they are.

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
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("x", text="<script>alert(1)</script>")])
    >>> print(to_markdown(v, "x"))
    **Rule 1** &lt;script&gt;alert(1)&lt;/script&gt;
    <BLANKLINE>
    """
    import html  # here, not at the top: only Markdown escapes (docs/architecture.md, "Speed")

    cites = all_citations(version)
    out: list[str] = []
    esc: Callable[[str], str] = (lambda text: text) if raw_html else (lambda text: html.escape(text, quote=False))
    if clause_id is None:
        title = esc(version.title or version.rulebook)
        out += [f"# {title}, version {esc(version.label)}", ""]
        if version.effective:
            out += [f"In force from {version.effective.isoformat()}.", ""]
        if version.source:
            out += [f"*{esc(version.source)}*", ""]

    def visit(clause: Clause, depth: int) -> None:
        cite = esc(cites[clause.id])
        body = esc(render_refs(version, clause.text, cites)) if clause.text else ""
        if clause.heading:
            out.append(f"{'#' * min(depth + 2, 6)} {cite} {esc(clause.heading)} {{#{clause.id}}}")
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
