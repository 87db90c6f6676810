"""Readers of plain text, Markdown and HTML into located lines (see :mod:`rulebook.importing.lines`).

Examples
--------
>>> [(x.kind, x.text) for x in read_text("Rules\\n\\n1. Name\\n")]
[('text', 'Rules'), ('blank', ''), ('text', '1. Name')]
>>> md = "# Rules\\n\\n## Rule 1 Fees {#fees}\\n\\n**Rule 1.a** Five.\\n"
>>> [(x.kind, x.text, x.anchor) for x in read_markdown(md) if x.kind != "blank"]
[('title', 'Rules', None), ('heading', 'Rule 1 Fees', 'fees'), ('text', 'Rule 1.a Five.', None)]
>>> [(x.kind, x.text) for x in read_html("<h1>Rules</h1><ol><li>Name</li><li>Fees</li></ol>")]
[('title', 'Rules'), ('item', '1. Name'), ('item', '2. Fees')]
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

import attrs

from rulebook.importing.lines import Line
from rulebook.importing.markers import read_marker
from rulebook.numbering import format_number

__all__ = ["read_html", "read_markdown", "read_text"]


def read_text(text: str) -> list[Line]:
    """Plain text: one line each, blank lines as paragraph breaks; a form feed starts a page."""
    out: list[Line] = []
    paged = "\f" in text
    page = 1
    for number, raw in enumerate(text.splitlines(), start=1):
        pieces = raw.split("\f")
        for k, piece in enumerate(pieces):
            if k:
                page += 1
            stripped = piece.rstrip()
            if not stripped.strip():
                if k == len(pieces) - 1:
                    out.append(Line("", number, page if paged else None, kind="blank"))
                continue
            body = stripped.lstrip()
            out.append(Line(body, number, page if paged else None, indent=len(stripped) - len(body)))
    return out


_MD_HEADING = re.compile(r"^(#{1,6})\s+(.*?)\s*#*\s*$")
_MD_ANCHOR = re.compile(r"\s*\{#([^}\s]+)\}\s*$")
_MD_BULLET = re.compile(r"^\s*[-*+]\s+(.*)$")
_MD_FOOTNOTE = re.compile(r"^\[\^([^\]]+)\]:\s*(.*)$")
#: A thematic break (``---``, ``* * *``, ``___``) or a setext underline (``===``).
_MD_RULE = re.compile(r"^ {0,3}([-*_=])(?:[ \t]*\1){2,}[ \t]*$")


def _md_inline(text: str) -> str:
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"(\*\*|__)(.+?)\1", r"\2", text)
    text = re.sub(r"(?<![\w*])\*(?!\s)(.+?)(?<!\s)\*(?![\w*])", r"\1", text)
    text = re.sub(r"`([^`]*)`", r"\1", text)
    return text.replace("\\", "") if "\\" in text and not re.search(r"\\[a-z]", text) else text


def _front_matter_end(rows: list[str]) -> int:
    """The line number where a YAML front matter block (``---`` ... ``---`` at the top) ends, or 0."""
    if not rows or rows[0].strip() != "---":
        return 0
    for number, row in enumerate(rows[1:], start=2):
        if row.strip() in ("---", "..."):
            return number
    return 0


def read_markdown(text: str) -> list[Line]:
    """Markdown: ``#`` headings (the first ``#`` heading without a number is the title), ``{#id}``
    anchors, bullets, tables, block quotes; emphasis and links are reduced to their words; HTML
    tags and a YAML front matter block are dropped."""
    out: list[Line] = []
    fenced = False
    titled = False
    rows = text.splitlines()
    front = _front_matter_end(rows)
    for number, raw in enumerate(rows, start=1):
        if number <= front:
            continue
        line = raw.rstrip()
        if line.lstrip().startswith(("```", "~~~")):
            fenced = not fenced
            continue
        if fenced:
            continue
        line = re.sub(r"^\s*>\s?", "", line)
        line = re.sub(r"</?[A-Za-z][\w-]*(?:\s[^<>]*)?/?>", "", line).rstrip()
        if not line.strip():
            out.append(Line("", number, kind="blank"))
            continue
        item_heading = re.match(r"^\s*(\d+[.)])\s+(#{1,6}\s+.*)$", line)
        if item_heading:  # "7. ## Constitution": a list item that is a heading
            line = (
                f"{item_heading.group(2).split()[0]} {item_heading.group(1)} {item_heading.group(2).split(None, 1)[1]}"
            )
        at = number
        rule = _MD_RULE.match(line)
        if rule:
            under = out[-1] if out and out[-1].line == number - 1 and out[-1].kind == "text" else None
            if under is not None and rule.group(1) in "=-" and " " not in line.strip():
                # a setext heading: the line above underlined with === (rank 1) or --- (rank 2)
                line = f"{'#' if rule.group(1) == '=' else '##'} {under.text}"
                at = out.pop().line
            else:  # a thematic break (---, ***, ___) is no words: it ends a paragraph
                out.append(Line("", number, kind="blank"))
                continue
        m = _MD_HEADING.match(line)
        if m:
            body = m.group(2)
            anchor = _MD_ANCHOR.search(body)
            if anchor:
                body = body[: anchor.start()]
            kind = "title" if len(m.group(1)) == 1 and not titled and read_marker(body) is None else "heading"
            titled = titled or kind == "title"
            out.append(Line(_md_inline(body), at, kind=kind, level=len(m.group(1)),
                            anchor=anchor.group(1) if anchor else None))  # fmt: skip
            continue
        if re.match(r"^\s*\|?\s*:?-{3,}", line) and "|" in line:
            continue
        if line.lstrip().startswith("|"):
            cells = [c.strip() for c in line.strip().strip("|").split("|")]
            out.append(Line(" | ".join(_md_inline(c) for c in cells), number, kind="table"))
            continue
        bullet = _MD_BULLET.match(line)
        if bullet and not re.match(r"^\s*[-*+]\s*\d", line):
            out.append(Line(_md_inline(bullet.group(1)), number, kind="bullet", indent=len(line) - len(line.lstrip())))
            continue
        body = line.lstrip()
        if titled and len(out) <= 4 and re.match(r"^(In force from \d{4}-\d\d-\d\d\.|\*[^*].*\*)$", body):
            continue  # the date and source `rulebook show --format markdown` prints under the title
        strong = re.match(r"^(\*\*|__)(.+?)\1\s*", body)
        marked = None
        if strong and read_marker(strong.group(2)) is not None:
            # a number in bold ends where the bold does: "**Rule 1.a** the members ..."
            marked = strong.group(2)
            body = f"{strong.group(2)}  {body[strong.end() :]}"
        out.append(Line(_md_inline(body).rstrip(), number, indent=len(line) - len(line.lstrip()), marker=marked))
    if any(x.marker is not None or x.anchor is not None for x in out):
        # numbers are set in bold or in anchored headings here (as `rulebook show --format markdown`
        # writes them), so a paragraph that starts like a number without them is prose
        out = [attrs.evolve(x, kind="prose") if x.kind == "text" and x.marker is None else x for x in out]
    return out


_BLOCKS_WORDS = "p div li h1 h2 h3 h4 h5 h6 tr table ol ul br section article blockquote dt dd title"
_BLOCKS = frozenset(_BLOCKS_WORDS.split())
_OL_STYLES = {"1": "arabic", "a": "lower-alpha", "A": "upper-alpha", "i": "lower-roman", "I": "upper-roman"}


class _Html(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.lines: list[Line] = []
        self.buffer: list[str] = []
        self.kind = "text"
        self.marker: str | None = None
        self.lists: list[list[object]] = []  # [ordered, style, counter]
        self.cells: list[str] | None = None
        self.skip = 0
        self.titled = False
        self.anchor: str | None = None

    def flush(self) -> None:
        text = " ".join("".join(self.buffer).split())
        self.buffer = []
        if self.cells is not None:
            if text:
                self.cells.append(text)
            return
        if text:
            kind = self.kind
            if kind == "heading" and not self.titled and not self.lines:
                kind, self.titled = "title", True
            if self.marker is not None:
                text = f"{self.marker} {text}"
            self.lines.append(Line(text, self.getpos()[0], kind=kind, marker=self.marker, anchor=self.anchor))
            self.marker = None
            self.anchor = None
        self.kind = "text"

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        found = dict(attrs)
        if tag in ("script", "style", "nav", "head"):
            self.skip += 1
            return
        if tag in ("td", "th"):
            self.flush()
            return
        if tag in _BLOCKS:
            self.flush()
        if tag == "tr":
            self.cells = []
        elif tag in ("ol", "ul"):
            start = int(found.get("start") or 1) if (found.get("start") or "1").isdigit() else 1
            self.lists.append([tag == "ol", _OL_STYLES.get(found.get("type") or "1", "arabic"), start - 1])
        elif tag == "li":
            if self.lists and self.lists[-1][0]:
                entry = self.lists[-1]
                entry[2] = int(str(found.get("value") or int(str(entry[2])) + 1))
                token = format_number(int(str(entry[2])), str(entry[1]))
                self.marker = f"{token}." if len(self.lists) == 1 else f"({token})"
                self.kind = "item"
            else:
                self.kind = "bullet"
        elif re.fullmatch(r"h[1-6]", tag):
            self.kind = "heading"
        if found.get("id") and self.anchor is None:
            self.anchor = found.get("id")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "nav", "head"):
            self.skip = max(0, self.skip - 1)
            return
        if tag in ("td", "th"):
            self.flush()
            return
        if tag in _BLOCKS:
            self.flush()
        if tag == "tr" and self.cells is not None:
            row = " | ".join(self.cells)
            self.cells = None
            if row:
                self.lines.append(Line(row, self.getpos()[0], kind="table"))
        elif tag in ("ol", "ul") and self.lists:
            self.lists.pop()

    def handle_data(self, data: str) -> None:
        if not self.skip:
            self.buffer.append(data)


def read_html(text: str) -> list[Line]:
    """HTML (with the standard library's parser): block elements become lines,
    ``<h1>``-``<h6>`` headings, ``<ol>`` items get the numbers a browser would
    show, table rows their cells joined by `` | ``; scripts, styles and ``<nav>`` are skipped."""
    parser = _Html()
    parser.feed(text)
    parser.close()
    parser.flush()
    return parser.lines
