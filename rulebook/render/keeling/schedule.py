"""What a Keeling schedule shows: which rows, and each row's text, provisions and
notes as pieces marked deleted, inserted or unchanged, with who made each change."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

import attrs

from rulebook.diff import ProvisionChange, Row, VersionDiff, WordOp, layout, word_diff
from rulebook.display import show_value
from rulebook.model import Change, Version
from rulebook.numbering import citation
from rulebook.refs import REF

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


def text_with_citations(version: Version, text: str) -> tuple[tuple[str, str | None], ...]:
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
            out.append(Piece("del", text_with_citations(old, op.old), op.by))
        if op.new:
            out.append(Piece("equal" if op.op == "equal" else "ins", text_with_citations(new, op.new), op.by))
    return out


def _plain(version: Version, text: str | None) -> list[Piece]:
    return [Piece("equal", text_with_citations(version, text))] if text else []


def _marked(version: Version, text: str | None, kind: str, by: Change | None = None) -> list[Piece]:
    return [Piece(kind, text_with_citations(version, text), by)] if text else []


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


VERBS = {"added": "set", "changed": "set", "removed": "removed", "affirmed": "affirmed", "unchanged": "set"}


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
        return f"{VERBS[kind]} by {describe(by)}" if by is not None else ""
    return "; ".join(f"{VERBS[k]} by {describe(c)}" for k, c in steps)


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
