"""The common form every reader produces: the document as located lines.

A reader turns a file (text, Markdown, HTML, Word, PDF) into :class:`Line`
objects; everything after that (cleaning, markers, the tree) works on lines
alone, so a new format only needs a new reader (see ``docs/import.md``).

Examples
--------
>>> Line("1. The name is the Club.", 3).kind
'text'
>>> Line("", 4, kind="blank").text
''
"""

from __future__ import annotations

import attrs

__all__ = ["KINDS", "Line"]

#: ``text``: running text; ``heading``: the source marks it as a heading (Markdown ``#``,
#: HTML ``<h2>``, a Word heading style); ``item``: a list item whose number the source gives
#: in ``marker``; ``bullet``: an unnumbered list item; ``table``: a table row, cells joined by
#: `` | ``; ``blank``: a paragraph break; ``title``: the document's title; ``prose``: running text
#: that the source shows is not numbered, even if it starts like a number.
KINDS = ("text", "heading", "item", "bullet", "table", "blank", "title", "prose")


@attrs.frozen
class Line:
    """One line (or paragraph) of a document, with where it came from.

    ``line`` is the 1-based line in the file (the paragraph for Word, the line
    on its page for PDF); ``page`` is set for paged documents. ``marker`` is a
    number the source itself gives (Word's list numbering, an HTML ``<ol>``),
    ``anchor`` an id the source gives (Markdown ``{#id}``), ``indent`` the
    leading spaces of a plain text line.
    """

    text: str
    line: int
    page: int | None = None
    kind: str = attrs.field(default="text", validator=attrs.validators.in_(KINDS))
    level: int | None = None
    marker: str | None = None
    anchor: str | None = None
    indent: int = 0
