"""What a printed document has that is not the rules: page headers and
footers, page numbers, a contents list, footnotes (``docs/import.md``).

Examples
--------
>>> from rulebook.importing.lines import Line
>>> pages = [Line(t, i, page=p) for p in (1, 2, 3) for i, t in enumerate(["Club Rules 2024", f"{p}. Rule", str(p)], 1)]
>>> kept, doubts = drop_page_furniture(pages, "rules.pdf")
>>> [x.text for x in kept]
['1. Rule', '2. Rule', '3. Rule']
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict
from collections.abc import Sequence

from rulebook.importing.lines import Line
from rulebook.importing.markers import LABEL_WORDS, read_marker
from rulebook.importing.report import Doubt

__all__ = ["drop_contents", "drop_page_furniture", "take_footnotes"]

_PAGE_NUMBER = re.compile(
    r"^(?:page\s+)?[-\u2013\u2014(]?\s*(?:\d{1,4}|[ivxlc]{1,6})\s*[-\u2013\u2014)]?(?:\s*(?:of|/)\s*\d{1,4})?$", re.I
)
_LEADERS = re.compile(r"(?:\.\s*){4,}\s*\d{1,4}$|\s\.{2,}\s*\d{1,4}$|\t\s*\d{1,4}$")
_CONTENTS = re.compile(r"^(?:table of )?contents$|^index$", re.I)


def _key(text: str) -> str:
    return re.sub(r"\d+", "#", " ".join(text.split())).casefold()


def drop_page_furniture(lines: Sequence[Line], file: str) -> tuple[list[Line], list[Doubt]]:
    """Without page numbers and the lines that repeat at the top or bottom of
    many pages (running headers and footers). Only paged documents (PDF, text
    with form feeds) have pages to look at."""
    by_page: dict[int, list[Line]] = defaultdict(list)
    for line in lines:
        if line.page is not None and line.kind != "blank":
            by_page[line.page].append(line)
    if len(by_page) < 2:
        return list(lines), []
    edges: Counter[str] = Counter()
    for on_page in by_page.values():
        for line in {*on_page[:2], *on_page[-2:]}:
            edges[_key(line.text)] += 1
    needed = max(2, int(len(by_page) * 0.3))
    repeated = {k for k, n in edges.items() if n >= needed}
    drop: set[int] = set()
    doubts: list[Doubt] = []
    reported: set[str] = set()
    for on_page in by_page.values():
        for line in {*on_page[:2], *on_page[-2:]}:
            key = _key(line.text)
            if _PAGE_NUMBER.match(line.text.strip()):
                drop.add(id(line))
            elif key in repeated and read_marker(line.text) is None:
                drop.add(id(line))
                if key not in reported:
                    reported.add(key)
                    doubts.append(Doubt(file, line.line, f"dropped {line.text.strip()!r} as a page header or footer "
                                        f"(it is on {edges[key]} pages)", page=line.page))  # fmt: skip
    return [x for x in lines if id(x) not in drop], doubts


def drop_contents(
    lines: Sequence[Line], file: str, labels: tuple[str, ...] = LABEL_WORDS
) -> tuple[list[Line], list[Doubt]]:
    """Without a contents list at the front: from a line ``Contents`` to where
    the numbering starts again, and any line ending in dot leaders and a page number."""
    out = list(lines)
    doubts: list[Doubt] = []
    start = next((i for i, x in enumerate(out[:400]) if _CONTENTS.match(x.text.strip())), None)
    if start is not None:
        first: str | None = None
        for j in range(start + 1, len(out)):
            marker = read_marker(_LEADERS.sub("", out[j].text), labels)
            if marker is None:
                continue
            key = marker.parts[0].token.casefold() + str(marker.parts[0].label).casefold()
            if first is None:
                first = key
            elif key == first:
                where = out[start]
                doubts.append(Doubt(file, where.line, f"dropped a contents list ({j - start} lines)", page=where.page))
                out = out[:start] + out[j:]
                break
    leaders = [x for x in out if _LEADERS.search(x.text)]
    if leaders:
        doubts.append(Doubt(file, leaders[0].line, f"dropped {len(leaders)} contents line(s) ending in page numbers",
                            page=leaders[0].page))  # fmt: skip
        out = [x for x in out if not _LEADERS.search(x.text)]
    return out, doubts


_FOOTNOTE_DEF = re.compile(r"^\[\^?(\d{1,3}|[*\u2020])\]:?\s+(.+)$")


def take_footnotes(lines: Sequence[Line], file: str) -> tuple[list[Line], dict[str, str], list[Doubt]]:
    """Footnote texts (``[^1]: ...`` or ``[1] ...`` on a line of its own) taken
    out of the flow, by mark, to be put beside the mark in the clause that cites them."""
    notes: dict[str, str] = {}
    kept: list[Line] = []
    doubts: list[Doubt] = []
    for line in lines:
        m = _FOOTNOTE_DEF.match(line.text.strip()) if line.kind in ("text", "item") else None
        if m:
            notes[m.group(1)] = m.group(2).strip()
            doubts.append(
                Doubt(file, line.line, f"footnote {m.group(1)} put in the text where it is cited", page=line.page)
            )
        else:
            kept.append(line)
    return kept, notes, doubts
