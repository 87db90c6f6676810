"""Word documents for members: the consolidated book, and Keeling schedules
whose changes are real tracked changes (docs/keeling.md, "Word documents").

Each inserted or deleted run of words is a ``w:ins`` or ``w:del`` element
whose author is the motion (or ruling) that made the change, so Word and
LibreOffice show it in the margin and a reader can accept or reject it.

Examples
--------
>>> import io, docx
>>> from rulebook.model import Clause, Level, Version
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.diff import diff_motions
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
>>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
>>> document = docx.Document(io.BytesIO(keeling_docx(diff_motions(v, [m]))))
>>> [(c.tag.split("}")[1], c.get(_w("author"))) for c in document.element.body.iter(_w("ins"), _w("del"))]
[('del', 'cut'), ('ins', 'cut')]
"""

from __future__ import annotations

import datetime as dt
import io
import os
import tempfile
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from rulebook.diff import VersionDiff, WordOp
from rulebook.errors import OutputError
from rulebook.model import Change, Clause, Version
from rulebook.numbering import all_citations
from rulebook.refs import render_refs
from rulebook.render.keeling import Piece, Shown, describe, pieces, schedule

__all__ = ["book_docx", "keeling_docx", "write_docx"]

#: Who a change is attributed to when no motion or ruling is known (a diff of two files).
UNATTRIBUTED = "rulebook"


def _w(tag: str) -> str:
    return qn(f"w:{tag}")


def _run(text: str, *, deleted: bool = False, bold: bool = False) -> Any:
    run = OxmlElement("w:r")
    if bold:
        props = OxmlElement("w:rPr")
        props.append(OxmlElement("w:b"))
        run.append(props)
    body = OxmlElement("w:delText" if deleted else "w:t")
    body.set(qn("xml:space"), "preserve")
    body.text = text
    run.append(body)
    return run


class _Tracker:
    """Numbers the tracked changes of one document, as Word requires each to have a unique id."""

    def __init__(self, date: dt.datetime) -> None:
        self.next_id = 1
        self.date = date.strftime("%Y-%m-%dT%H:%M:%SZ")

    def change(self, kind: str, text: str, by: Change | None, bold: bool = False) -> Any:
        element = OxmlElement(f"w:{kind}")
        element.set(_w("id"), str(self.next_id))
        element.set(_w("author"), by.id if by is not None else UNATTRIBUTED)
        element.set(_w("date"), self.date)
        self.next_id += 1
        element.append(_run(text, deleted=kind == "del", bold=bold))
        return element


def _paragraph_of(document: Any, depth: int) -> Any:
    paragraph = document.add_paragraph()
    paragraph.paragraph_format.left_indent = Pt(18 * depth)
    return paragraph


def _append(paragraph: Any, items: Iterable[Piece], tracker: _Tracker, *, bold: bool = False) -> None:
    for piece in items:
        if not piece.text:
            continue
        if piece.kind == "equal":
            paragraph._p.append(_run(piece.text, bold=bold))
        else:
            paragraph._p.append(tracker.change(piece.kind, piece.text, piece.by, bold=bold))


def _ops_or_plain(ops: tuple[WordOp, ...] | None, text: str | None, version: Version, d: VersionDiff) -> list[Piece]:
    if ops is not None:
        return pieces(ops, d.old, d.new)
    if not text:
        return []
    return [Piece("equal", ((render_refs(version, text), None),))]


def _save(document: Any) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def keeling_docx(d: VersionDiff, *, full: bool = False, date: dt.datetime | None = None) -> bytes:
    """A Keeling schedule as a Word document: the changed clauses (every clause
    with ``full``) under the parts that hold them, each insertion and deletion
    a tracked change by its motion.

    A deleted clause is a deletion of its citation, heading and text; an
    inserted clause an insertion; a moved clause appears where it went, and its
    old place is noted.
    """
    tracker = _Tracker(date or dt.datetime(2000, 1, 1))
    document = docx.Document()
    document.add_heading(
        f"Keeling schedule: {d.new.title or d.new.rulebook}, version {d.old.label} to {d.new.label}", 0
    )
    for change in d.changes:
        document.add_paragraph(describe(change), style="List Bullet")
    rows = schedule(d, full=full)
    if not rows:
        document.add_paragraph("No changes.")
    for shown in rows:
        _keeling_row(document, d, shown, tracker)
    return _save(document)


def _keeling_row(document: Any, d: VersionDiff, shown: Shown, tracker: _Tracker) -> None:
    row, cd = shown.row, shown.row.diff
    version = d.new if row.role == "present" else d.old
    by = cd.by[-1] if cd is not None and cd.by else None
    paragraph = _paragraph_of(document, row.depth)
    if row.role == "moved-away":
        paragraph._p.append(tracker.change("del", row.citation, by, bold=True))
        paragraph.add_run(f"  (moved to {cd.new_citation if cd else 'elsewhere'})").italic = True
        return
    cite_kind = "del" if row.role == "deleted" else "ins" if cd is not None and cd.status == "added" else "equal"
    if cite_kind == "equal":
        paragraph.add_run(row.citation).bold = True
    else:
        paragraph._p.append(tracker.change(cite_kind, row.citation, by, bold=True))
    paragraph.add_run("  ")
    heading = _ops_or_plain(cd.heading if cd else None, row.clause.heading, version, d)
    text = [] if shown.context else _ops_or_plain(cd.text if cd else None, row.clause.text, version, d)
    if heading:
        _append(paragraph, heading, tracker, bold=True)
        if text:
            paragraph = _paragraph_of(document, row.depth)
    _append(paragraph, text, tracker)
    if cd is not None and cd.old_citation and cd.new_citation and cd.old_citation != cd.new_citation:
        paragraph.add_run(f"  (formerly {cd.old_citation})").italic = True


def book_docx(version: Version, clause_id: str | None = None) -> bytes:
    """The consolidated book (or one clause and its children) as a Word document:
    clauses with headings as Word headings (level by depth, so Word's navigation
    pane shows the outline), others as paragraphs led by their citation in bold.
    """
    cites = all_citations(version)
    document = docx.Document()
    title = f"{version.title or version.rulebook}, version {version.label}"
    document.add_heading(title, 0)
    if version.effective:
        document.add_paragraph(f"In force from {version.effective.isoformat()}.", style="Subtitle")

    def visit(clause: Clause, depth: int) -> None:
        text = render_refs(version, clause.text, cites) if clause.text else ""
        if clause.heading:
            document.add_heading(f"{cites[clause.id]}  {clause.heading}", min(depth + 1, 9))
            if text:
                _paragraph_of(document, depth).add_run(text)
        else:
            paragraph = _paragraph_of(document, depth)
            paragraph.add_run(cites[clause.id]).bold = True
            if text:
                paragraph.add_run(f"  {text}")
        for child in clause.children:
            visit(child, depth + 1)

    roots = version.clauses if clause_id is None else (version.clause(clause_id),)
    for clause in roots:
        visit(clause, 0)
    return _save(document)


def write_docx(data: bytes, path: str | os.PathLike[str]) -> None:
    """Write a Word document through a temporary file and a rename, so a crash
    never leaves half a document.

    Raises
    ------
    OutputError
        The file cannot be written there.
    """
    target = Path(path)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
        os.replace(tmp, target)
    except OSError as exc:
        raise OutputError(f"cannot write here: {exc.strerror}; choose another path", file=str(target)) from None
