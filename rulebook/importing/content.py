"""A clause's heading and words from the lines read under its marker.

The words after a marker are a heading when the source says so (a Markdown
or HTML heading, a Word heading style), when they are in capitals, or when
they are a short line without closing punctuation followed by more of the
clause; otherwise they begin its text. Lines of one paragraph are joined with
spaces (a word hyphenated at a line end is joined up), paragraphs with a blank
line, list items and table rows with a line break (``docs/import.md``).

Examples
--------
>>> from rulebook.importing.lines import Line
>>> join_lines([Line("The members of the com-", 1), Line("mittee shall meet.", 2)])
'The members of the committee shall meet.'
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from rulebook.importing.lines import Line
from rulebook.importing.outline import Draft, is_heading

__all__ = ["heading_and_text", "is_heading", "join_lines"]

_HYPHENATED = re.compile(r"[^\W\d_]-$")


def join_lines(lines: Sequence[Line]) -> str:
    """The lines of one paragraph as one line of text."""
    out = ""
    for line in lines:
        text = " ".join(line.text.split())
        if not text:
            continue
        if out and _HYPHENATED.search(out) and text[:1].islower():
            out = out[:-1] + text
        else:
            out = f"{out} {text}" if out else text
    return out


def _join(paragraphs: list[tuple[str, list[Line]]]) -> str | None:
    out = ""
    previous = ""
    for kind, lines in paragraphs:
        if kind == "text":
            piece = join_lines(lines)
        elif kind == "bullet":
            piece = "- " + join_lines(lines)
        else:
            piece = "\n".join(" ".join(x.text.split()) for x in lines)
        if not piece:
            continue
        if out:
            out += "\n" if kind == previous and kind in ("bullet", "table") else "\n\n"
        out += piece
        previous = kind
    return out or None


_CONNECTORS_WORDS = "a an and the of for to in on at by or with its their be is are shall may must"
_CONNECTORS = frozenset(_CONNECTORS_WORDS.split())


def _heading_then_sentence(rest: str, following: str, labelled: bool) -> bool:
    """A heading line run straight into the clause's first sentence, as plain text often has it."""
    if rest.isupper() and is_heading(rest, more=True):
        return True
    last = rest.split()[-1].lower() if rest.split() else ""
    starts_sentence = following.strip()[:1].isupper() or following.strip()[:1] in "\"'\u2018\u201c("
    return starts_sentence and last not in _CONNECTORS and is_heading(rest, more=True, labelled=labelled)


def heading_and_text(draft: Draft) -> tuple[str | None, str | None]:
    """The heading and the text of a draft (see the module docs)."""
    paragraphs = [(kind, list(lines)) for kind, lines in draft.paragraphs]
    heading = draft.heading
    labelled = draft.shape[0] is not None
    if heading is None and paragraphs and paragraphs[0][0] == "text" and draft.rest_kind != "marked-text":
        first = paragraphs[0][1]
        more = len(paragraphs) > 1 or bool(draft.children) or len(first) > 1
        if (
            (draft.rest and draft.rest_kind == "heading")
            or (draft.rest and len(first) == 1 and is_heading(draft.rest, more=more, labelled=labelled))
            or (draft.rest and len(first) > 1 and _heading_then_sentence(draft.rest, first[1].text, labelled))
        ):
            heading = draft.rest
            first.pop(0)
        elif not draft.rest and len(first) == 1 and is_heading(first[0].text, more=more, labelled=labelled):
            heading = " ".join(first[0].text.split())
            first.pop(0)
        if not first:
            paragraphs.pop(0)
    return heading, _join(paragraphs)
