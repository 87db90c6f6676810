"""A Keeling schedule, and the life of a clause (blame), as terminal text."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from rulebook.diff import VersionDiff, WordOp
from rulebook.display import show_value
from rulebook.model import Version
from rulebook.render.ansi import style as ansi
from rulebook.render.keeling.schedule import (
    Piece,
    _by,
    _by_ids,
    _header,
    _heading_pieces,
    _notes,
    _Provision,
    _provisions,
    _text_pieces,
    attribution,
    describe,
    pieces,
    schedule,
    text_with_citations,
    value_pieces,
)

#: How text without colour marks deleted and inserted words.
DELETE_MARKS = ("[-", "-]")
INSERT_MARKS = ("{+", "+}")


# -- text ----------------------------------------------------------------------


def _text_style(color: bool) -> Callable[[str, str], str]:
    def style(text: str, kind: str) -> str:
        if not text:
            return text
        if kind == "del":
            return ansi(text, fg="red", strikethrough=True) if color else text.join(DELETE_MARKS)
        if kind == "ins":
            return ansi(text, fg="green", underline=True) if color else text.join(INSERT_MARKS)
        if color and kind == "cite":
            return ansi(text, fg="cyan")
        if color and kind in ("note", "by"):
            return ansi(text, dim=True)
        return text

    return style


def marked_text(items: Iterable[Piece], style: Callable[[str, str], str], upper: bool = False) -> str:
    """Pieces as one line of marked text (``style(text, kind)`` marks a piece).

    Examples
    --------
    >>> items = [Piece("equal", (("fee ", None),)), Piece("del", (("15", None),)), Piece("ins", (("10", None),))]
    >>> marked_text(items, lambda text, kind: text if kind == "equal" else f"<{kind}:{text}>")
    'fee <del:15><ins:10>'
    >>> marked_text(items[:1], lambda text, kind: text, upper=True)
    'FEE '
    """
    out = []
    for piece in items:
        text = piece.text.upper() if upper else piece.text
        out.append(style(text, piece.kind))
    return "".join(out)


def to_text(d: VersionDiff, *, full: bool = False, color: bool = False) -> str:
    """A Keeling schedule as plain text (with ``color``: ANSI colours for a terminal).

    One line per clause: its citation, heading in capitals or text, notes
    (``formerly``, ``moved from``), and the motions that changed it in brackets;
    provisions below it.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.diff import diff_motions
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
    >>> print(to_text(diff_motions(v, [m])))
    Keeling schedule: club, version 1 -> 1+cut
    Motions: motion cut (Cut the fee)
    <BLANKLINE>
    Rule 1  The fee is [-15-]{+10+} pounds.  [cut]
    >>> "\x1b[31m" in to_text(diff_motions(v, [m]), color=True)
    True
    """
    style = _text_style(color)
    title, lines = _header(d)
    out = [f"Keeling schedule: {title}", *lines, ""]
    shown_rows = schedule(d, full=full)
    if not shown_rows:
        out.append("No changes." if not d.metadata else "No changes to clauses.")
    for shown in shown_rows:
        row = shown.row
        indent = "  " * row.depth
        added = row.diff is not None and row.diff.status == "added"
        cite = style(row.citation, "del" if row.role != "present" else "ins" if added else "cite")
        heading = marked_text(_heading_pieces(d, shown), style, upper=True)
        text = marked_text(_text_pieces(d, shown), style)
        notes = _notes(shown)
        by = _by(shown)
        tail = ""
        if notes:
            tail += "  " + style(f"({'; '.join(notes)})", "note")
        if by:
            tail += "  " + style(f"[{_by_ids(by)}]", "by")
        if heading:
            out.append(f"{indent}{cite}  {heading}{tail}")
            if text:
                out.append(f"{indent}  {text}")
        else:
            out.append(f"{indent}{cite}{'  ' + text if text else ''}{tail}")
        for p in _provisions(d, shown):
            out.append(f"{indent}    {_provision_text(p, style)}")
            out.extend(f"{indent}      {leaf} {show_value(o)} -> {show_value(n)}, {w}" for leaf, o, n, w in p.read_from)
    return "\n".join(out).rstrip("\n")


def _provision_text(p: _Provision, style: Callable[[str, str], str]) -> str:
    value = marked_text(p.value, style)
    if p.kind == "affirmed":
        value += " (affirmed, value unchanged)"
    line = f"provision {p.name}: {value}"
    who = attribution(p.kind, p.by, p.steps)
    if who:
        line += "  " + style(f"({who})", "by")
    return line


# -- blame -----------------------------------------------------------------------------


def _ops_text(ops: Iterable[WordOp], version: Version | None, style: Callable[[str, str], str]) -> str:
    if version is not None:
        return marked_text(pieces(ops, version, version), style)
    items = []
    for op in ops:
        if op.op != "equal" and op.old:
            items.append(Piece("del", ((op.old, None),), op.by))
        if op.new:
            items.append(Piece("equal" if op.op == "equal" else "ins", ((op.new, None),), op.by))
    return marked_text(items, style)


def blame_to_text(entries: Iterable[Any], *, title: str, color: bool = False, version: Version | None = None) -> str:
    """The life of a clause (:func:`rulebook.blame.blame` entries) as text: one
    paragraph per change, naming the version, its date, the motion or ruling
    (with its authority and date) and the words changed. ``version`` renders
    ``[[id]]`` references as its citations.

    Examples
    --------
    >>> from rulebook.blame import BlameEntry
    >>> from rulebook.diff import ClauseDiff, word_diff
    >>> from rulebook.model import Change
    >>> r = Change("ruling", "r1", authority="NEC, 12 July 2016")
    >>> e = BlameEntry("2", None, "1", r, ClauseDiff("fee", "kept", "Rule 1", "Rule 1",
    ...                text=word_diff("5 pounds", "6 pounds", r)), "Rule 1")
    >>> print(blame_to_text([e], title="Rule 1 (id fee)"))
    Blame: Rule 1 (id fee)
    <BLANKLINE>
    2  (no date)  ruling r1, NEC, 12 July 2016
        text: [-5-]{+6+} pounds
    """
    style = _text_style(color)
    out = [f"Blame: {title}"]
    for entry in entries:
        when = f"in force {entry.effective.isoformat()}" if entry.effective else "(no date)"
        who = "as the history starts" if entry.change is None else describe(entry.change)
        if entry.change is not None and entry.change.date is not None:
            who += f", {entry.change.date.isoformat()}"
        out += ["", f"{style(entry.version, 'cite')}  {when}  {who}"]
        cd = entry.diff
        if cd is None:
            clause = entry.clause
            out.append(f"    {entry.citation}" + (f"  {clause.heading.upper()}" if clause and clause.heading else ""))
            if clause is not None and clause.text:
                plain = [
                    Piece("equal", text_with_citations(version, clause.text) if version else ((clause.text, None),))
                ]
                out.append("    " + marked_text(plain, style))
            for name, value in clause.provisions.items() if clause else ():
                out.append(f"    provision {name}: {show_value(value)}")
            continue
        if cd.status == "added":
            out.append(f"    added as {cd.new_citation}")
        elif cd.status == "deleted":
            out.append(f"    deleted (it was {cd.old_citation})")
        elif cd.moved:
            out.append(f"    moved from {cd.old_citation} to {cd.new_citation}")
        elif cd.renumbered:
            out.append(f"    renumbered from {cd.old_citation} to {cd.new_citation}")
        if cd.heading is not None:
            out.append("    heading: " + _ops_text(cd.heading, version, style))
        if cd.text is not None:
            out.append("    text: " + _ops_text(cd.text, version, style))
        for p in cd.provisions:
            value = marked_text(value_pieces(p.kind, p.old, p.new, p.by), style)
            if p.kind == "affirmed":
                value += " (affirmed, value unchanged)"
            out.append(f"    provision {p.name} {p.kind}: {value}")
    return "\n".join(out)
