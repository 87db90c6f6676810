"""The import pipeline: read a file into lines, drop what is not rules, read the
outline, assemble the version, link references (docs/import.md).

Examples
--------
>>> import tempfile
>>> from pathlib import Path
>>> with tempfile.TemporaryDirectory() as tmp:
...     _ = Path(tmp, "club.txt").write_text("1. Name\\nThe Club.\\n\\n2. Fees\\nTen pounds.\\n")
...     got = import_book(Path(tmp, "club.txt"))
>>> [c.heading for c in got.version.clauses], got.doubts
(['Name', 'Fees'], ())
"""

from __future__ import annotations

import re
from pathlib import Path

import attrs

from rulebook.errors import RulebookError
from rulebook.importing.akn import from_akn, is_akn
from rulebook.importing.assemble import assemble, place_footnotes
from rulebook.importing.clean import drop_contents, drop_page_furniture, take_footnotes
from rulebook.importing.lines import Line
from rulebook.importing.markers import LABEL_WORDS
from rulebook.importing.outline import build_outline
from rulebook.importing.readers import read_html, read_markdown, read_text
from rulebook.importing.report import Doubt
from rulebook.importing.scheme import parse_numbering
from rulebook.importing.xrefs import link_references, unbracket
from rulebook.io.files import path_kind
from rulebook.model import Level, Version

__all__ = ["FORMATS", "Imported", "import_book", "read_lines"]

#: File name endings and the reader each goes to; anything else is read as plain text.
FORMATS = {".txt": "text", ".text": "text", ".md": "markdown", ".markdown": "markdown", ".html": "html",
           ".htm": "html", ".xhtml": "html", ".docx": "docx", ".pdf": "pdf", ".xml": "akn", ".akn": "akn"}  # fmt: skip


@attrs.frozen
class Imported:
    """The imported version and the doubtful spots a person should check (empty: a clean import)."""

    version: Version
    doubts: tuple[Doubt, ...]


def _decode(path: Path) -> str:
    data = path.read_bytes()
    for encoding in ("utf-8-sig", "cp1252"):
        try:
            return data.decode(encoding)
        except UnicodeDecodeError:
            continue
    return data.decode("latin-1")


def read_lines(path: str | Path, fmt: str | None = None) -> list[Line]:
    """The located lines of a file in any supported format (``fmt`` overrides the file name's ending).

    Raises
    ------
    RulebookError
        The file cannot be read, or is not of its format.
    """
    file = Path(path)
    kind_of_path = path_kind(file)
    if kind_of_path != "file":
        what = {"missing": "no such file", "dir": "a directory, not a file"}.get(kind_of_path, "not a regular file")
        raise RulebookError(f"{what}; give the path of the rule book's text", file=str(path))
    kind = fmt or FORMATS.get(file.suffix.lower(), "text")
    if kind == "docx":
        from rulebook.importing.docx import read_docx

        return read_docx(file)
    if kind == "pdf":
        from rulebook.importing.pdf import read_pdf

        return read_pdf(file)
    try:
        text = _decode(file)
    except OSError as exc:
        raise RulebookError(f"cannot read: {exc.strerror}", file=str(path)) from None
    if "\x00" in text[:4096]:
        raise RulebookError("this is not a text file; import .txt, .md, .html, .docx or .pdf", file=str(path))
    if kind == "markdown":
        return read_markdown(text)
    if kind == "html":
        return read_html(text)
    return read_text(text)


def _name(path: Path) -> str:
    return "-".join(re.findall(r"[^\W_]+", path.stem.lower())) or "rulebook"


def import_book(
    path: str | Path,
    *,
    numbering: str | tuple[Level, ...] | None = None,
    rulebook: str | None = None,
    label: str = "1",
    fmt: str | None = None,
) -> Imported:
    """Import the rule book in ``path`` (see the module docs).

    Parameters
    ----------
    numbering
        The scheme, when detection gets it wrong: levels (or the ``--numbering``
        text, see :func:`parse_numbering`), outermost first.
    rulebook, label
        The machine name (default: from the file name) and version label.
    fmt
        ``text``, ``markdown``, ``html``, ``docx`` or ``pdf`` (default: from the file name).

    Raises
    ------
    RulebookError
        The file cannot be read, or has no numbered clauses at all.
    """
    file = Path(path)
    given = parse_numbering(numbering) if isinstance(numbering, str) else numbering
    labels: tuple[str, ...] = LABEL_WORDS
    if given:
        extra = tuple(lv.label.replace("{n}", "").strip() for lv in given if lv.label and lv.label.strip() != "{n}")
        labels = tuple(dict.fromkeys(extra + LABEL_WORDS))
    where = str(path)
    if (fmt or FORMATS.get(file.suffix.lower())) in ("akn", None, "text") and file.is_file():
        head = _decode(file)[:4096] if file.stat().st_size else ""
        if is_akn(head) or fmt == "akn":
            version = from_akn(_decode(file), where)
            if rulebook:
                version = attrs.evolve(version, rulebook=rulebook)
            return Imported(version, ())
    lines = read_lines(file, fmt)
    lines, furniture = drop_page_furniture(lines, where)
    lines, contents = drop_contents(lines, where, labels)
    lines, notes, footnotes = take_footnotes(lines, where)
    outline = build_outline(lines, where, labels=labels, given=given)
    if not outline.root.children:
        raise RulebookError(
            "found no numbered clauses (such as 'Rule 1', '1.2' or '(a)' at the start of a line); "
            "state the scheme with --numbering, e.g. --numbering 'Article {n} arabic, lower-alpha'",
            file=where,
        )
    version, numbered = assemble(outline, where, rulebook=rulebook or _name(file), label=label, given=given)
    version, bracketed = unbracket(place_footnotes(version, notes))
    version = link_references(version)
    literal = [
        Doubt(
            where, None, f"{cite}: text written [[...]] names no clause; written [...] so it is not a cross-reference"
        )
        for cite in bracketed
    ]
    doubts = (*furniture, *contents, *footnotes, *outline.doubts, *numbered, *literal)
    return Imported(version, tuple(sorted(doubts, key=lambda d: (d.page or 0, d.line or 0))))
