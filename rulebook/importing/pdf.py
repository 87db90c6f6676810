"""Reader of PDF files into located lines, with pdfminer.six (the ``pdf`` extra).

Each text line keeps its page and its line on that page, so the report can
say where to look; a gap between pdfminer's text boxes is a paragraph break.
"""

from __future__ import annotations

from pathlib import Path

from rulebook.errors import RulebookError
from rulebook.importing.lines import Line

__all__ = ["read_pdf"]


def read_pdf(path: str | Path) -> list[Line]:
    """The text lines of a PDF, page by page (page headers and footers are still there)."""
    try:
        from pdfminer.high_level import extract_pages
        from pdfminer.layout import LTTextContainer, LTTextLine
    except ImportError:
        raise RulebookError("reading PDF needs the pdf extra: pip install 'rulebook[pdf]'", file=str(path)) from None
    out: list[Line] = []
    try:
        for page_no, page in enumerate(extract_pages(str(path)), start=1):
            on_page = 0
            boxes = [el for el in page if isinstance(el, LTTextContainer)]
            boxes.sort(key=lambda b: (-round(b.y1), b.x0))
            for box in boxes:
                for item in box:
                    if not isinstance(item, LTTextLine):
                        continue
                    text = item.get_text().strip()
                    if not text:
                        continue
                    on_page += 1
                    out.append(Line(text, on_page, page=page_no))
                out.append(Line("", on_page, page=page_no, kind="blank"))
    except Exception as exc:  # pdfminer raises its own kinds on broken files
        if isinstance(exc, RulebookError):
            raise
        raise RulebookError(f"not a readable PDF ({type(exc).__name__}: {exc})", file=str(path)) from None
    return out
