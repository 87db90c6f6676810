"""Small Word and PDF documents made in the tests, so that no binary test data is needed.

``word_document`` writes a .docx whose numbered paragraphs use Word's own list
numbering (numbering.xml), as a rule book typed in Word does; ``pdf_document``
writes a plain PDF with one text line per entry, page by page.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import docx
from docx.oxml import OxmlElement
from docx.oxml.ns import qn

#: One list definition: (numFmt, lvlText) per level, as Word writes them.
LEVELS = (("decimal", "%1."), ("lowerLetter", "(%2)"), ("lowerRoman", "(%3)"))


def _element(tag: str, **attrs: str) -> OxmlElement:
    el = OxmlElement(tag)
    for key, value in attrs.items():
        el.set(qn(f"w:{key}"), value)
    return el


def _add_list(document: docx.document.Document, levels: Sequence[tuple[str, str]]) -> str:
    numbering = document.part.numbering_part.element
    abstract = _element("w:abstractNum", abstractNumId="90")
    for ilvl, (fmt, text) in enumerate(levels):
        lvl = _element("w:lvl", ilvl=str(ilvl))
        lvl.append(_element("w:start", val="1"))
        lvl.append(_element("w:numFmt", val=fmt))
        lvl.append(_element("w:lvlText", val=text))
        abstract.append(lvl)
    numbering.insert(0, abstract)
    num = _element("w:num", numId="90")
    num.append(_element("w:abstractNumId", val="90"))
    numbering.append(num)
    return "90"


def word_document(path: Path, blocks: Sequence[tuple[str, object]]) -> Path:
    """Write a .docx: blocks are ``("title"|"heading"|"text", words)``,
    ``("item", (level, words))`` for a paragraph numbered by Word, or ``("table", rows)``."""
    document = docx.Document()
    num_id = _add_list(document, LEVELS)
    for kind, value in blocks:
        if kind == "title":
            document.add_paragraph(str(value), style="Title")
        elif kind == "heading":
            document.add_heading(str(value), level=1)
        elif kind == "item":
            level, words = value  # type: ignore[misc]
            paragraph = document.add_paragraph(str(words))
            ppr = paragraph._p.get_or_add_pPr()
            numpr = _element("w:numPr")
            numpr.append(_element("w:ilvl", val=str(level)))
            numpr.append(_element("w:numId", val=num_id))
            ppr.append(numpr)
        elif kind == "table":
            rows = list(value)  # type: ignore[call-overload]
            table = document.add_table(rows=len(rows), cols=len(rows[0]))
            for r, row in enumerate(rows):
                for c, cell in enumerate(row):
                    table.cell(r, c).text = cell
        else:
            document.add_paragraph(str(value))
    document.save(str(path))
    return path


def pdf_document(path: Path, pages: Sequence[Sequence[str]]) -> Path:
    """Write a PDF with each page's lines top to bottom in Helvetica 11pt."""
    objects: list[bytes] = [b"<< /Type /Catalog /Pages 2 0 R >>", b""]
    kids = []
    font = 3
    objects.append(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    for lines in pages:
        ops = ["BT /F1 11 Tf 14 TL 72 770 Td"]
        for line in lines:
            escaped = line.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)")
            ops.append(f"({escaped}) Tj T*" if line else "T*")
        ops.append("ET")
        stream = "\n".join(ops).encode("latin-1")
        objects.append(b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream")
        content = len(objects)
        objects.append(
            b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents %d 0 R "
            b"/Resources << /Font << /F1 %d 0 R >> >> >>" % (content, font)
        )
        kids.append(len(objects))
    objects[1] = b"<< /Type /Pages /Kids [%s] /Count %d >>" % (b" ".join(b"%d 0 R" % k for k in kids), len(kids))
    out = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % number + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objects) + 1, xref)
    path.write_bytes(bytes(out))
    return path
