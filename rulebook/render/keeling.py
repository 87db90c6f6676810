"""Keeling schedules: the amended text in context, deletions struck through and
insertions marked, each change attributed to its motion or ruling when known.

Formats:

- **text**: without colour, deletions as ``[-deleted-]`` and insertions as
  ``{+inserted+}`` (the ``git diff --word-diff`` convention); with colour,
  deletions red and struck through, insertions green and underlined.
- **markdown**: ``~~deleted~~`` and ``<ins>inserted</ins>``.
- **html**: a self-contained page, ``<del class="kd-del">`` and
  ``<ins class="kd-ins">``, each with a tooltip naming its motion.
- **json**: :meth:`rulebook.diff.VersionDiff.to_data`.

A moved clause is shown where it now stands ("moved from Rule 3.2.a") with a
stub where it stood; a clause renumbered by other changes says what it was
("formerly Rule 2.2"). By default only the changed clauses are shown, under
the headings of the parts that hold them; ``full=True`` shows the whole book.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.diff import diff_motions
>>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("arabic")],
...     [Clause("fees", heading="Fees", children=[Clause("fees.rate", text="The fee is 15 pounds.")])])
>>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1.1", old="15", new="10")], title="Cut the fee")
>>> print(to_text(diff_motions(v, [m])))
Keeling schedule: club, version 1 -> 1+cut
Motions: motion cut (Cut the fee)
<BLANKLINE>
Rule 1  FEES
  Rule 1.1  The fee is [-15-]{+10+} pounds.  [cut]
>>> print(to_markdown(diff_motions(v, [m])).splitlines()[-1])
**Rule 1.1** The fee is ~~15~~<ins>10</ins> pounds. *(cut)*
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import quote

import attrs
import click
import jinja2

from rulebook.diff import ProvisionChange, Row, VersionDiff, WordOp, change_data, layout, word_diff
from rulebook.model import Change, Version, thaw
from rulebook.numbering import citation
from rulebook.refs import REF

__all__ = [
    "DELETE_MARKS",
    "INSERT_MARKS",
    "Piece",
    "Shown",
    "anchor",
    "attribution",
    "blame_to_text",
    "describe",
    "environment",
    "marked_text",
    "pieces",
    "schedule",
    "show_value",
    "to_data",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "value_pieces",
]

#: How text without colour marks deleted and inserted words.
DELETE_MARKS = ("[-", "-]")
INSERT_MARKS = ("{+", "+}")

TEMPLATES = Path(__file__).resolve().parent / "templates"


# -- what to show -------------------------------------------------------------


@attrs.frozen
class Shown:
    """A row of the schedule and whether it is shown only as context (a heading
    above a change), without its text.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.diff import diff
    >>> a = Version("b", "1", [Level("arabic", "Rule {n}"), Level("arabic")],
    ...     [Clause("x", heading="X", children=[Clause("x.1", text="old")])])
    >>> b = Version("b", "2", a.numbering, [Clause("x", heading="X", children=[Clause("x.1", text="new")])])
    >>> [(s.row.citation, s.context) for s in schedule(diff(a, b))]
    [('Rule 1', True), ('Rule 1.1', False)]
    """

    row: Row
    context: bool = False


def schedule(d: VersionDiff, *, full: bool = False) -> list[Shown]:
    """The rows to show: every clause (``full``), or the changed clauses under
    the parts that hold them.

    A clause renumbered only because its parent was renumbered or moved is
    left out (its parent's line says so).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.diff import diff
    >>> a = Version("b", "1", [Level("arabic", "Rule {n}"), Level("arabic")],
    ...     [Clause("x", heading="X", children=[Clause("x.1", text="a"), Clause("x.2", text="b")])])
    >>> b = Version("b", "2", a.numbering, [Clause("x", heading="X", children=[Clause("x.2", text="b!")])])
    >>> [(s.row.clause.id, s.row.role, s.context) for s in schedule(diff(a, b))]
    [('x', 'present', True), ('x.1', 'deleted', False), ('x.2', 'present', False)]
    """
    rows = list(layout(d))
    if full:
        return [Shown(r) for r in rows]
    out: list[Shown] = []
    stack: list[tuple[Row, bool]] = []  # ancestors of the current row: (row, already shown)
    for row in rows:
        del stack[row.depth :]
        parent = stack[-1][0] if stack else None
        if _wanted(row, parent):
            for i, (ancestor, shown) in enumerate(stack):
                if not shown:
                    out.append(Shown(ancestor, context=True))
                    stack[i] = (ancestor, True)
            out.append(Shown(row))
            stack.append((row, True))
        else:
            stack.append((row, False))
    return out


def _wanted(row: Row, parent: Row | None) -> bool:
    cd = row.diff
    if cd is None:
        return False
    if cd.changed or row.role != "present":
        return True
    inherited = parent is not None and parent.diff is not None and (parent.diff.renumbered or parent.diff.moved)
    return cd.renumbered and not inherited


# -- pieces of marked text ----------------------------------------------------


@attrs.frozen
class Piece:
    """A run of text: ``kind`` is ``equal``, ``del`` or ``ins``; ``parts`` are
    ``(text, clause id or None)``, the id when the text is a cross-reference.

    Examples
    --------
    >>> p = Piece("equal", (("see ", None), ("Rule 1", "fees")))
    >>> p.text
    'see Rule 1'
    """

    kind: str
    parts: tuple[tuple[str, str | None], ...]
    by: Change | None = None

    @property
    def text(self) -> str:
        """The text of all parts."""
        return "".join(t for t, _ in self.parts)


def _refs(version: Version, text: str) -> tuple[tuple[str, str | None], ...]:
    """Split a text into plain parts and ``[[id]]`` references rendered as citations."""
    parts: list[tuple[str, str | None]] = []
    pos = 0
    for m in REF.finditer(text):
        if m.start() > pos:
            parts.append((text[pos : m.start()], None))
        target = m.group(1)
        if target in version:
            parts.append((citation(version, target), target))
        else:
            parts.append((f"[[missing: {target}]]", None))
        pos = m.end()
    if pos < len(text):
        parts.append((text[pos:], None))
    return tuple(parts)


def pieces(ops: Iterable[WordOp], old: Version, new: Version) -> list[Piece]:
    """Marked pieces of a word diff, references rendered as citations (old ones in
    deleted words, new ones elsewhere).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.diff import word_diff
    >>> v = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x")])
    >>> [(p.kind, p.text) for p in pieces(word_diff("see [[x]]", "see [[x]] now"), v, v)]
    [('equal', 'see Rule 1'), ('ins', ' now')]
    """
    out: list[Piece] = []
    for op in ops:
        if op.old and op.op != "equal":
            out.append(Piece("del", _refs(old, op.old), op.by))
        if op.new:
            out.append(Piece("equal" if op.op == "equal" else "ins", _refs(new, op.new), op.by))
    return out


def _plain(version: Version, text: str | None) -> list[Piece]:
    return [Piece("equal", _refs(version, text))] if text else []


def _marked(version: Version, text: str | None, kind: str, by: Change | None = None) -> list[Piece]:
    return [Piece(kind, _refs(version, text), by)] if text else []


def describe(change: Change | None, *, short: bool = False) -> str:
    """A motion or ruling in words: ``motion ID (TITLE)``, ``ruling ID, AUTHORITY``.

    Examples
    --------
    >>> describe(Change("ruling", "r1", title="Incumbent on ballot", authority="NEC, 12 July 2016"))
    'ruling r1, NEC, 12 July 2016'
    >>> describe(Change("motion", "m1", title="Cut the fee"))
    'motion m1 (Cut the fee)'
    >>> describe(None)
    'the base version'
    """
    if change is None:
        return "the base version"
    if short:
        return change.id
    if change.kind == "ruling":
        return f"ruling {change.id}" + (f", {change.authority}" if change.authority else "")
    return f"{change.kind} {change.id}" + (f" ({change.title})" if change.title else "")


def show_value(value: Any) -> str:
    """A provision value in compact YAML flow style.

    Examples
    --------
    >>> show_value({"share": 0.2, "of": ["PLP", "EPLP"]})
    '{share: 0.2, of: [PLP, EPLP]}'
    >>> show_value(True), show_value(None)
    ('true', 'null')
    """
    value = thaw(value)
    if isinstance(value, dict):
        return "{" + ", ".join(f"{k}: {show_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list):
        return "[" + ", ".join(show_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def _notes(shown: Shown) -> list[str]:
    row, cd = shown.row, shown.row.diff
    if row.role == "moved-away":
        return [f"moved to {cd.new_citation}" if cd and cd.new_citation else "moved"]
    if cd is None:
        return []
    notes = []
    if row.role == "present" and cd.moved:
        notes.append(f"moved from {cd.old_citation}")
    elif cd.renumbered:
        notes.append(f"formerly {cd.old_citation}")
    if row.role == "deleted":
        notes.append("deleted")
    if cd.status == "added":
        notes.append("inserted")
    return notes


def _heading_pieces(d: VersionDiff, shown: Shown) -> list[Piece]:
    row, cd = shown.row, shown.row.diff
    version = d.new if row.role == "present" else d.old
    if row.role == "moved-away":
        return _marked(version, row.clause.heading, "del", cd.by[-1] if cd and cd.by else None)
    if cd is not None and cd.heading is not None:
        return pieces(cd.heading, d.old, d.new)
    return _plain(version, row.clause.heading)


def _text_pieces(d: VersionDiff, shown: Shown) -> list[Piece]:
    row, cd = shown.row, shown.row.diff
    if shown.context or row.role == "moved-away":
        return []
    if cd is not None and cd.text is not None:
        return pieces(cd.text, d.old, d.new)
    return _plain(d.new if row.role == "present" else d.old, row.clause.text)


@attrs.frozen
class _Provision:
    name: str
    old: str | None
    new: str | None
    by: Change | None
    kind: str  # unchanged, added, changed, removed, affirmed
    value: tuple[Piece, ...] = ()
    steps: tuple[tuple[str, Change], ...] = ()
    read_from: tuple[tuple[str, Any, Any, str], ...] = ()


def value_pieces(kind: str, old: Any, new: Any, by: Change | None = None) -> tuple[Piece, ...]:
    """A provision's value as marked pieces: a changed value is diffed token by
    token (``{share: [-0.15-]{+0.1+}, ...}``), an added one inserted, a removed
    one deleted, others plain.

    Examples
    --------
    >>> [(p.kind, p.text) for p in value_pieces("changed", {"share": 0.15}, {"share": 0.1})]
    [('equal', '{share: '), ('del', '0.15'), ('ins', '0.1'), ('equal', '}')]
    >>> [(p.kind, p.text) for p in value_pieces("removed", True, None)]
    [('del', 'true')]
    """
    if kind == "changed":
        out = []
        for op in word_diff(show_value(old), show_value(new), by):
            if op.op != "equal" and op.old:
                out.append(Piece("del", ((op.old, None),), by))
            if op.new:
                out.append(Piece("equal" if op.op == "equal" else "ins", ((op.new, None),), by))
        return tuple(out)
    if kind == "added":
        return (Piece("ins", ((show_value(new), None),), by),)
    if kind == "removed":
        return (Piece("del", ((show_value(old), None),), by),)
    return (Piece("equal", ((show_value(new), None),)),)


_VERBS = {"added": "set", "changed": "set", "removed": "removed", "affirmed": "affirmed", "unchanged": "set"}


def attribution(kind: str, by: Change | None, steps: Iterable[tuple[str, Change]] = ()) -> str:
    """Who set a provision, in words: every step (``set by``, ``affirmed by``,
    ``removed by``), rulings with their authority.

    Examples
    --------
    >>> nec = Change("ruling", "r1", authority="NEC, 12 July 2016")
    >>> court = Change("ruling", "r2", authority="High Court, 28 July 2016")
    >>> attribution("added", court, [("added", nec), ("affirmed", court)])
    'set by ruling r1, NEC, 12 July 2016; affirmed by ruling r2, High Court, 28 July 2016'
    >>> attribution("changed", Change("motion", "m1"))
    'set by motion m1'
    >>> attribution("unchanged", None)
    ''
    """
    steps = list(steps)
    if not steps:
        return f"{_VERBS[kind]} by {describe(by)}" if by is not None else ""
    return "; ".join(f"{_VERBS[k]} by {describe(c)}" for k, c in steps)


def _provisions(d: VersionDiff, shown: Shown) -> list[_Provision]:
    row, cd = shown.row, shown.row.diff
    if shown.context or row.role == "moved-away":
        return []
    changed: dict[str, ProvisionChange] = {p.name: p for p in cd.provisions} if cd else {}
    version = d.new if row.role == "present" else d.old
    out = []
    for name, value in row.clause.provisions.items():
        p = changed.pop(name, None)
        if p is None:
            by = version.provenance.get(name)
            out.append(
                _Provision(name, None, show_value(value), by, "unchanged", value_pieces("unchanged", None, value))
            )
        else:
            out.append(_provision(p))
    for p in changed.values():  # removed from a clause that is still here
        out.append(_provision(p))
    return out


def _provision(p: ProvisionChange) -> _Provision:
    old = None if p.kind == "added" else show_value(p.old)
    new = None if p.kind == "removed" else show_value(p.new)
    # the value's marks belong to the last step that changed it, not to a later one that affirmed it
    made = [c for kind, c in p.steps if kind != "affirmed"]
    by = made[-1] if made else p.by
    return _Provision(p.name, old, new, p.by, p.kind, value_pieces(p.kind, p.old, p.new, by), p.steps, p.read_from)


def _by(shown: Shown) -> tuple[Change, ...]:
    cd = shown.row.diff
    if shown.context or cd is None or not (cd.changed or shown.row.role != "present"):
        return ()
    return cd.by


def _by_ids(by: Iterable[Change]) -> str:
    """The motions and rulings that changed a clause, rulings marked as such."""
    return ", ".join(f"ruling {c.id}" if c.kind == "ruling" else c.id for c in by)


def _header(d: VersionDiff) -> tuple[str, list[str]]:
    title = d.new.title or d.new.rulebook
    lines = []
    motions = [c for c in d.changes if c.kind != "ruling"]
    rulings = [c for c in d.changes if c.kind == "ruling"]
    if motions:
        lines.append("Motions: " + "; ".join(describe(c) for c in motions))
    if rulings:
        lines.append("Rulings (binding interpretations; no words changed): " + "; ".join(describe(c) for c in rulings))
    for name, before, after in d.metadata:
        if name == "numbering":
            lines.append("The numbering scheme changed.")
        else:
            lines.append(f"{name.capitalize()}: {show_value(before)} -> {show_value(after)}")
    return f"{title}, version {d.old.label} -> {d.new.label}", lines


# -- text ----------------------------------------------------------------------


def _text_style(color: bool) -> Callable[[str, str], str]:
    def style(text: str, kind: str) -> str:
        if not text:
            return text
        if kind == "del":
            return click.style(text, fg="red", strikethrough=True) if color else text.join(DELETE_MARKS)
        if kind == "ins":
            return click.style(text, fg="green", underline=True) if color else text.join(INSERT_MARKS)
        if color and kind == "cite":
            return click.style(text, fg="cyan")
        if color and kind in ("note", "by"):
            return click.style(text, dim=True)
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


# -- markdown --------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_~[]<"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def _md_pieces(items: Iterable[Piece]) -> str:
    out = []
    for piece in items:
        text = _md(piece.text)
        if not text.strip():
            out.append(text if piece.kind != "del" else "")
        elif piece.kind == "del":
            out.append(f"~~{text}~~")
        elif piece.kind == "ins":
            out.append(f"<ins>{text}</ins>")
        else:
            out.append(text)
    return "".join(out)


def to_markdown(d: VersionDiff, *, full: bool = False) -> str:
    """A Keeling schedule in markdown: ``~~deleted~~``, ``<ins>inserted</ins>``.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.diff import diff_motions
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
    >>> print(to_markdown(diff_motions(v, [m])))
    # Keeling schedule: club, version 1 -> 1+cut
    <BLANKLINE>
    Motions: motion cut (Cut the fee)
    <BLANKLINE>
    **Rule 1** The fee is ~~15~~<ins>10</ins> pounds. *(cut)*
    """
    title, lines = _header(d)
    out = [f"# Keeling schedule: {_md(title)}", ""]
    out += [*(_md(line) + "  " for line in lines), ""] if lines else []
    shown_rows = schedule(d, full=full)
    if not shown_rows:
        out += ["No changes.", ""]
    for shown in shown_rows:
        row = shown.row
        cite = _md(row.citation)
        if row.role != "present":
            cite = f"~~{cite}~~"
        elif row.diff and row.diff.status == "added":
            cite = f"<ins>{cite}</ins>"
        heading = _md_pieces(_heading_pieces(d, shown))
        text = _md_pieces(_text_pieces(d, shown))
        notes = _notes(shown)
        by = _by(shown)
        tail = (f" *({_md('; '.join(notes))})*" if notes else "") + (f" *({_md(_by_ids(by))})*" if by else "")
        if heading:
            out += [f"{'#' * min(row.depth + 2, 6)} {cite} {heading}{tail}", ""]
            if text:
                out += [text, ""]
        else:
            out += [f"**{cite}** {text}{tail}".rstrip(), ""]
        for p in _provisions(d, shown):
            value = _md_pieces(p.value) + (" (affirmed, value unchanged)" if p.kind == "affirmed" else "")
            who = attribution(p.kind, p.by, p.steps)
            by_text = f" *({_md(who)})*" if who else ""
            out += [f"- provision `{p.name}`: {value}{by_text}"]
        if _provisions(d, shown):
            out.append("")
    return "\n".join(out).rstrip("\n")


# -- json ----------------------------------------------------------------------------


def to_data(d: VersionDiff) -> dict[str, Any]:
    """The diff as JSON-ready data (see :meth:`rulebook.diff.VersionDiff.to_data`).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.diff import diff_motions
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
    >>> data = to_data(diff_motions(v, [m]))
    >>> data["new"]["version"], data["summary"]["text"]
    ('1+cut', 1)
    >>> [(op["op"], op["by"]) for op in data["clauses"][0]["text"]]
    [('equal', None), ('replace', 'cut'), ('equal', None)]
    """
    return d.to_data()


def to_json(d: VersionDiff) -> str:
    """The diff as a JSON document.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.diff import diff_motions
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
    >>> import json
    >>> json.loads(to_json(diff_motions(v, [m])))["changes"][0]["id"]
    'cut'
    """
    return json.dumps(to_data(d), indent=2, ensure_ascii=False, default=str)


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
                "steps": [{"verb": _VERBS[k], "by": _change_view(c)} for k, c in p.steps]
                or ([{"verb": _VERBS[p.kind], "by": _change_view(p.by)}] if p.by else []),
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
                plain = [Piece("equal", _refs(version, clause.text) if version else ((clause.text, None),))]
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
