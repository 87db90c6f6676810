"""A Keeling schedule as a self-contained HTML page (Jinja2 templates in
``render/templates/``)."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import jinja2

from rulebook.diff import VersionDiff, change_data
from rulebook.model import Change
from rulebook.render.keeling.schedule import (
    VERBS,
    Piece,
    Shown,
    _by,
    _header,
    _heading_pieces,
    _notes,
    _provisions,
    _text_pieces,
    describe,
    schedule,
)

TEMPLATES = Path(__file__).resolve().parent.parent / "templates"

# -- html ------------------------------------------------------------------------------


def anchor(clause_id: str) -> str:
    """The HTML id of a clause: ``clause-<stable id>``.

    Examples
    --------
    >>> anchor("ch4.leader-election")
    'clause-ch4.leader-election'
    """
    return f"clause-{clause_id}"


def _href(clause_id: str) -> str:
    return "#" + quote(anchor(clause_id), safe="._:/-~")


def _motion_id(motion_id: str) -> str:
    return f"motion-{motion_id}"


def _motion_href(motion_id: str) -> str:
    return "#" + quote(_motion_id(motion_id), safe="._:/-~")


def environment() -> jinja2.Environment:
    """The jinja2 environment of the HTML templates, autoescaping everything.

    Examples
    --------
    >>> env = environment()
    >>> env.from_string("{{ text }}").render(text="<b>")
    '&lt;b&gt;'
    >>> env.from_string("{{ id | href }}").render(id="fees")
    '#clause-fees'
    """
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(TEMPLATES)),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters["href"] = _href
    env.filters["motion_id"] = _motion_id
    env.filters["motion_href"] = _motion_href
    return env


def _change_view(change: Change | None) -> dict[str, Any] | None:
    if change is None:
        return None
    return {**(change_data(change) or {}), "source": change.source, "label": describe(change)}


def _pieces_view(items: Iterable[Piece]) -> list[dict[str, Any]]:
    return [{"kind": p.kind, "parts": p.parts, "by": _change_view(p.by)} for p in items]


def _row_view(d: VersionDiff, shown: Shown) -> dict[str, Any]:
    row, cd = shown.row, shown.row.diff
    status = row.role
    if row.role == "present" and cd is not None:
        status = "added" if cd.status == "added" else "changed" if cd.changed else "renumbered"
    elif row.role == "present":
        status = "unchanged"
    return {
        "id": row.clause.id,
        "anchor": anchor(row.clause.id) if row.role != "moved-away" else None,
        "depth": row.depth,
        "role": row.role,
        "status": status,
        "context": shown.context,
        "citation": row.citation,
        "heading": _pieces_view(_heading_pieces(d, shown)),
        "text": _pieces_view(_text_pieces(d, shown)),
        "notes": _notes(shown),
        "moved_to": cd.id if row.role == "moved-away" and cd is not None else None,
        "moved_from": cd.old_citation if cd is not None and cd.moved and row.role == "present" else None,
        "provisions": [
            {
                "name": p.name,
                "old": p.old,
                "new": p.new,
                "kind": p.kind,
                "value": _pieces_view(p.value),
                "by": _change_view(p.by),
                "steps": [{"verb": VERBS[k], "by": _change_view(c)} for k, c in p.steps]
                or ([{"verb": VERBS[p.kind], "by": _change_view(p.by)}] if p.by else []),
            }
            for p in _provisions(d, shown)
        ],
        "by": [_change_view(c) for c in _by(shown)],
    }


def _toc(rows: list[Shown]) -> list[dict[str, Any]]:
    return [
        {
            "id": s.row.clause.id,
            "depth": s.row.depth,
            "citation": s.row.citation,
            "heading": s.row.clause.heading,
            "role": s.row.role,
            "changed": s.row.diff is not None and (s.row.diff.changed or s.row.role != "present"),
        }
        for s in rows
        if s.row.role != "moved-away" and s.row.depth <= 1 and (s.row.clause.heading or s.row.depth == 0)
    ]


def _touched(d: VersionDiff, rows: list[Shown]) -> dict[str, list[dict[str, str]]]:
    """For each motion, the clauses it changed, in document order (for the motions panel)."""
    out: dict[str, list[dict[str, str]]] = {}
    for s in rows:
        if s.row.role == "moved-away":
            continue
        for change in _by(s):
            out.setdefault(change.id, []).append(
                {"id": s.row.clause.id, "citation": s.row.citation, "role": s.row.role}
            )
    return out


def to_html(
    d: VersionDiff,
    *,
    full: bool = False,
    title: str | None = None,
    motions: Iterable[Change] | None = None,
    toc: bool | None = None,
    subtitle: str | None = None,
) -> str:
    """A Keeling schedule as one self-contained HTML page (inline CSS, no scripts,
    no network): the changes (or, with ``full``, the whole amended book), every
    change marked with ``<del>``/``<ins>`` and attributed to its motion.

    ``motions`` lists the motions and rulings for the motions panel (default:
    those the diff knows); ``toc`` adds a table of contents (default: with ``full``);
    ``subtitle`` replaces the line under the title.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.diff import diff_motions
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
    >>> page = to_html(diff_motions(v, [m]))
    >>> page.startswith("<!DOCTYPE html>")
    True
    >>> '<del class="kd-del" title="motion cut (Cut the fee)"' in page and ">10</ins>" in page
    True
    """
    rows = schedule(d, full=full)
    changes = list(motions) if motions is not None else list(d.changes)
    _, lines = _header(d)
    template = environment().get_template("page.html.j2")
    return template.render(
        title=title or f"{d.new.title or d.new.rulebook}: Keeling schedule",
        heading=subtitle or f"Version {d.old.label} \N{RIGHTWARDS ARROW} {d.new.label}",
        lines=lines,
        old=d.old,
        new=d.new,
        effective=d.new.effective.isoformat() if d.new.effective else None,
        full=full,
        toc=_toc(rows) if (full if toc is None else toc) else [],
        motions=[_change_view(c) for c in changes],
        panel={c.id for c in changes},
        touched=_touched(d, rows),
        rows=[_row_view(d, s) for s in rows],
        empty=not rows,
    )
