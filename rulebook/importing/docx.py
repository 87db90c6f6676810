"""Reader of Word documents (.docx, with python-docx) into located lines.

Word keeps list numbers out of the text: a numbered paragraph carries a
``numPr`` (list and level), and ``numbering.xml`` says how each level is
counted (``numFmt``), where it starts and how the number is written
(``lvlText`` such as ``%1.%2`` or ``(%3)``). The reader counts as Word does and
writes the number in front of the paragraph's text, so the rest of the import
reads it like a typed number. Heading and Title styles become headings and
the title, bullets bullets, table rows ``cell | cell``.
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from rulebook.errors import RulebookError
from rulebook.importing.lines import Line
from rulebook.numbering import format_number

__all__ = ["read_docx"]

_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_FORMATS = {
    "decimal": "arabic", "lowerLetter": "lower-alpha", "upperLetter": "upper-alpha",
    "lowerRoman": "lower-roman", "upperRoman": "upper-roman", "decimalZero": "arabic",
}  # fmt: skip


def _attr(element: Any, tag: str) -> str | None:
    found = element.find(f"{_W}{tag}") if element is not None else None
    return None if found is None else found.get(f"{_W}val")


class _Numbering:
    """The list definitions of one document, and Word's counters as it goes."""

    def __init__(self, document: Any) -> None:
        self.levels: dict[str, dict[int, tuple[str, str, int]]] = {}  # numId -> ilvl -> (format, text, start)
        self.abstract_of: dict[str, str] = {}
        self.counters: dict[str, dict[int, int]] = {}
        try:
            root = document.part.numbering_part.element
        except (KeyError, NotImplementedError, AttributeError):
            return
        abstract: dict[str, dict[int, tuple[str, str, int]]] = {}
        for node in root.findall(f"{_W}abstractNum"):
            lvls = {}
            for lvl in node.findall(f"{_W}lvl"):
                ilvl = int(lvl.get(f"{_W}ilvl") or 0)
                start = _attr(lvl, "start")
                lvls[ilvl] = (_attr(lvl, "numFmt") or "decimal", _attr(lvl, "lvlText") or "", int(start or 1))
            abstract[node.get(f"{_W}abstractNumId") or ""] = lvls
        for num in root.findall(f"{_W}num"):
            aid = _attr(num, "abstractNumId") or ""
            self.levels[num.get(f"{_W}numId") or ""] = abstract.get(aid, {})
            self.abstract_of[num.get(f"{_W}numId") or ""] = aid

    def number(self, num_id: str, ilvl: int) -> str | None:
        """The number Word shows for the next paragraph of this list and level (None: a bullet)."""
        levels = self.levels.get(num_id)
        if not levels or ilvl not in levels:
            return None
        fmt, text, start = levels[ilvl]
        key = self.abstract_of.get(num_id, num_id)  # lists sharing a definition count together, as in Word
        counts = self.counters.setdefault(key, {})
        counts[ilvl] = counts.get(ilvl, start - 1) + 1
        for deeper in [k for k in counts if k > ilvl]:
            del counts[deeper]
        if fmt == "bullet" or fmt not in _FORMATS:
            return None

        def fill(m: re.Match[str]) -> str:
            lvl = int(m.group(1)) - 1
            f, _, s = levels.get(lvl, ("decimal", "", 1))
            return format_number(counts.get(lvl, s), _FORMATS.get(f, "arabic"))

        return re.sub(r"%(\d)", fill, text).strip()


def _num_pr(paragraph: Any) -> tuple[str, int] | None:
    ppr = paragraph._p.pPr
    style = paragraph.style
    while True:
        num = ppr.find(f"{_W}numPr") if ppr is not None else None
        if num is not None:
            num_id = _attr(num, "numId")
            if num_id and num_id != "0":
                return num_id, int(_attr(num, "ilvl") or 0)
            return None
        if style is None:
            return None
        ppr = style.element.pPr
        style = style.base_style


def _kind(paragraph: Any) -> tuple[str, int | None]:
    name = (paragraph.style.name if paragraph.style is not None else "") or ""
    if name in ("Title", "Subtitle"):  # a second title line (a subtitle) is not rules
        return "title", None
    m = re.match(r"Heading (\d)", name)
    if m:
        return "heading", int(m.group(1))
    if "List Bullet" in name:
        return "bullet", None
    return "text", None


def read_docx(path: str | Path) -> list[Line]:
    """The paragraphs and table rows of a Word document, in order; ``line`` is the paragraph's position."""
    try:
        import docx
        from docx.table import Table
        from docx.text.paragraph import Paragraph
    except ImportError:  # pragma: no cover - python-docx is a dependency
        raise RulebookError("reading .docx needs python-docx: pip install python-docx", file=str(path)) from None
    try:
        document = docx.Document(str(path))
    except Exception as exc:  # python-docx raises several kinds on a broken or non-Word zip
        raise RulebookError(f"not a readable Word document ({exc}); save it again as .docx", file=str(path)) from None
    numbering = _Numbering(document)
    out: list[Line] = []
    position = 0
    for block in document.iter_inner_content():
        position += 1
        if isinstance(block, Table):
            for row in block.rows:
                cells = [" ".join(c.text.split()) for c in row.cells]
                unique = [c for i, c in enumerate(cells) if c and (i == 0 or c != cells[i - 1])]
                if unique:
                    out.append(Line(" | ".join(unique), position, kind="table"))
            continue
        assert isinstance(block, Paragraph)
        text = " ".join(block.text.replace("\t", "  ").split(" ")).strip()
        if not text:
            out.append(Line("", position, kind="blank"))
            continue
        kind, level = _kind(block)
        numbered = _num_pr(block)
        marker = numbering.number(*numbered) if numbered else None
        if numbered and marker is None and kind == "text":
            kind = "bullet"
        if marker:
            text = f"{marker}  {text}"
            kind = "heading" if kind == "heading" else "item"
        out.append(Line(text, position, kind=kind, level=level, marker=marker))
    return out
