"""The outline of a document: which level each marker opens, read with a stack
of the open levels (``docs/import.md``, "How levels are found").

A marker continues an open level when its shape (label, wrapping and style)
is that level's and its number comes next; a marker of a shape not open, or
numbered 1, opens a level below; skipped, repeated or unexpected numbers are
kept and reported. Between markers, lines are the open clause's words.

Examples
--------
>>> from rulebook.importing.lines import Line
>>> lines = [Line(t, i) for i, t in enumerate(["1. Name", "(a) first", "(b) second", "2. Officers"], 1)]
>>> out = build_outline(lines, "x.txt")
>>> [(d.token, [c.token for c in d.children]) for d in out.root.children]
[('1', ['a', 'b']), ('2', [])]
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import attrs

from rulebook.importing.lines import Line
from rulebook.importing.markers import (
    LABEL_WORDS,
    Marker,
    Part,
    read_marker,
    starts_with_citation,
    style_candidates,
    value_of,
)
from rulebook.importing.report import Doubt
from rulebook.importing.scheme import Shape
from rulebook.model import Level

__all__ = ["Draft", "Outline", "build_outline", "is_heading"]

#: Labels that name back matter: a new one of these goes to the top level, not below the open clause.
_TOP_LABELS = ("schedule", "appendix", "annex")
_ENDS_SENTENCE = re.compile(r"[.:;!?)\]\"'\u201d\u2019]$")


@attrs.define
class Draft:
    """A clause being read: its printed number, where it was, and its lines."""

    token: str
    shape: Shape
    line: Line | None
    rest: str = ""
    rest_kind: str = "text"
    paragraphs: list[tuple[str, list[Line]]] = attrs.field(factory=list)
    children: list[Draft] = attrs.field(factory=list)
    heading: str | None = None
    anchor: str | None = None
    width: int = 1  # how many parts the marker that opened it had ("3.2.1": 3)
    implied: bool = False  # made for a leading number of a dotted marker ("3" of "3.1"), already reported

    @property
    def value(self) -> int | None:
        return value_of(self.token, self.shape[2])


@attrs.define
class Outline:
    """The drafts read from a document, with its title and the doubts met on the way."""

    root: Draft
    title: str | None = None
    doubts: list[Doubt] = attrs.field(factory=list)


def _shapes(part: Part, styles: Sequence[str] | None) -> list[Shape]:
    label = part.label.lower() if part.label else None
    cands = list(style_candidates(part.token))
    if styles:
        allowed = [s for s in cands if s in styles]
        cands = allowed or cands
    return [(label, part.wrap, s) for s in cands]


def _compatible(part: Part, draft: Draft) -> bool:
    if part.token.casefold() != draft.token.casefold():
        return False
    return part.label is None or (draft.shape[0] is not None and part.label.lower() == draft.shape[0])


@attrs.define
class _Reader:
    file: str
    labels: tuple[str, ...]
    given: tuple[Level, ...] | None
    outline: Outline
    stack: list[Draft] = attrs.field(factory=list)
    open_paragraph: bool = False
    pending_heading: Line | None = None
    full_citations: bool = True  # every marker of several parts so far names its clause from the top
    seen_wide: bool = False  # a marker of several parts has been read

    # -- where a marker goes -------------------------------------------------

    def _given_depth(self, shape: Shape) -> int | None:
        if self.given is None or shape[0] is None:
            return None
        for depth, level in enumerate(self.given):
            if level.label is not None and level.label.replace("{n}", "").strip().lower() == shape[0]:
                return depth
        return None

    def _styles(self, depth: int | None = None) -> list[str] | None:
        if self.given is None:
            return None
        if depth is not None and depth < len(self.given):
            return [self.given[depth].style]
        return [lv.style for lv in self.given]

    @staticmethod
    def _unlike(draft: Draft, line: Line) -> tuple[bool, bool, bool]:
        """How unlike the line that opened ``draft`` a new marker's line is, for choosing among open
        levels of the same shape: a heading continues headings of its rank, a list item the items
        indented as it is, and "2." after "1." and "1.1" continues "1." (a lone number, lone numbers)."""
        opened = draft.line
        if opened is None:
            return (True, True, True)
        rank = (opened.kind == "heading", opened.level) != (line.kind == "heading", line.level)
        return (rank, opened.indent != line.indent, draft.width != 1)

    def _single(self, part: Part, line: Line) -> tuple[int, Shape, str]:
        """Depth, shape and verdict (``next``, ``first``, ``repeat``, ``skip``, ``odd``) for one part."""
        shapes = _shapes(part, self._styles())
        if not shapes:
            return len(self.stack), (None, part.wrap, "arabic"), "odd"
        for shape in shapes:
            fixed = self._given_depth(shape)
            if fixed is not None and fixed <= len(self.stack):
                here = self.stack[fixed] if fixed < len(self.stack) else None
                return fixed, shape, self._verdict(part, shape, here)
        if self.full_citations and self.seen_wide and self.stack and self.stack[0].shape in shapes:
            # citing in full, a lone number of the top level's shape is a top-level number
            return 0, self.stack[0].shape, self._verdict(part, self.stack[0].shape, self.stack[0])
        options = [(i, s) for i in reversed(range(len(self.stack))) for s in shapes if self.stack[i].shape == s]
        options.sort(key=lambda o: self._unlike(self.stack[o[0]], line))
        for i, s in options:
            last = self.stack[i].value
            v = value_of(part.token, s[2])
            if last is not None and v is not None and v == last + 1:
                return i, s, "next"
        for i, s in options:
            if (
                part.token[-1:].isalpha()
                and part.token[:1].isdigit()
                and value_of(part.token, s[2]) == self.stack[i].value
            ):
                return i, s, "next"  # an inserted number such as 2A after 2
        for s in shapes:
            if value_of(part.token, s[2]) == 1:
                if s[0] in _TOP_LABELS and s not in [d.shape for d in self.stack]:
                    return 0, s, "first"
                return len(self.stack), s, "first"
        if options:
            i, s = options[0]
            last = self.stack[i].value or 0
            v = value_of(part.token, s[2]) or 0
            return i, s, "repeat" if v == last else "skip"
        if shapes[0][0] in _TOP_LABELS:
            return 0, shapes[0], "odd"
        return len(self.stack), shapes[0], "odd"

    def _verdict(self, part: Part, shape: Shape, previous: Draft | None) -> str:
        v = value_of(part.token, shape[2])
        if previous is None or previous.shape != shape:
            return "first" if v == 1 else "odd"
        last = previous.value
        if v is None or last is None:
            return "odd"
        if v == last + 1 or (part.token[-1:].isalpha() and part.token[:1].isdigit() and v == last):
            return "next"
        return "repeat" if v == last else "skip"

    def _alignments(self, parts: tuple[Part, ...]) -> list[int]:
        """Depths (deepest first) at which a marker's leading parts name the open clauses."""
        k = len(parts) - 1
        return [
            top
            for top in range(len(self.stack) - k, -1, -1)
            if all(_compatible(parts[j], self.stack[top + j]) for j in range(k))
        ]

    def place(self, marker: Marker, line: Line) -> tuple[int, list[Shape], str]:
        """The depth of the clause a marker opens, the shapes of its parts, and a verdict."""
        parts = marker.parts
        if len(parts) > 1:
            found: list[tuple[int, bool, int, list[Shape], str]] = []
            tops = self._alignments(parts)
            if self.full_citations and 0 in tops:
                tops = [0]  # a document that cites in full from the top does so throughout
            for top in tops:
                depth = top + len(parts) - 1
                shapes = [self.stack[top + j].shape for j in range(len(parts) - 1)]
                here = self.stack[depth] if depth < len(self.stack) else None
                options = _shapes(parts[-1], self._styles(depth)) or [(None, parts[-1].wrap, "arabic")]
                for shape in options:
                    verdict = self._verdict(parts[-1], shape, here)
                    rank = {"next": 0, "first": 1}.get(verdict, 2)
                    # "1.2" after "1.1" and "1.1.1" is a sibling of "1.1": as wide a marker as its own
                    other_width = here is not None and here.width != len(parts)
                    found.append((rank, other_width, -depth, [*shapes, shape], verdict))
            if found:
                _, _, minus_depth, shapes, verdict = min(found, key=lambda f: (f[0], f[1], f[2]))
                self.full_citations = self.full_citations and -minus_depth == len(parts) - 1
                self.seen_wide = True
                return -minus_depth, shapes, verdict
        depth, shape, verdict = self._single(parts[0], line)
        shapes = [shape] + [(_shapes(p, None) or [(None, p.wrap, "arabic")])[0] for p in parts[1:]]
        return depth + len(parts) - 1, shapes, verdict if len(parts) == 1 else "implied"

    # -- reading lines -------------------------------------------------------

    def _holder(self) -> Draft:
        return self.stack[-1] if self.stack else self.outline.root

    def _continues(self, line: Line, plausible: bool) -> bool:
        """Whether a line that starts like a marker is rather the open paragraph running on.

        A line indented deeper than the open clause's marker, or a marker out
        of sequence after words that do not end a sentence, runs on; a heading
        ends its line, so after one only a marker both out of sequence and
        indented runs on."""
        holder = self._holder()
        if not self.open_paragraph or not holder.paragraphs:
            return False
        kind, para = holder.paragraphs[-1]
        if kind != "text":
            return False
        if len(para) == 1 and holder.line is not None and para[0].line == holder.line.line:
            # only the marker's own line so far: running on lines stand under its words
            rest_column = holder.line.indent + len(holder.line.text) - len(holder.rest)
            deeper = holder.line.indent < rest_column <= line.indent
        else:
            deeper = line.indent > para[-1].indent
        last = para[-1].text.rstrip()
        after_heading = len(para) == 1 and bool(holder.rest) and para[0].text == holder.rest
        if after_heading and is_heading(holder.rest, more=True, labelled=holder.shape[0] is not None):
            return not plausible and holder.line is not None and line.indent > holder.line.indent
        if not last or _ENDS_SENTENCE.search(last):
            return not plausible and deeper
        return not plausible or deeper

    def _doubt(self, line: Line, message: str) -> None:
        self.outline.doubts.append(Doubt(self.file, line.line, message, page=line.page))

    def add_text(self, line: Line, kind: str = "text") -> None:
        holder = self._holder()
        if kind == "text" and self.open_paragraph and holder.paragraphs and holder.paragraphs[-1][0] == "text":
            holder.paragraphs[-1][1].append(line)
        else:
            holder.paragraphs.append((kind, [line]))
        self.open_paragraph = kind == "text"

    def open_clause(self, line: Line, marker: Marker, depth: int, shapes: list[Shape], verdict: str) -> None:
        parts = marker.parts
        top = depth - (len(parts) - 1)
        for j, part in enumerate(parts):
            level = top + j
            if level < len(self.stack):
                if j < len(parts) - 1 and _compatible(part, self.stack[level]):
                    continue
                del self.stack[level:]
            parent = self.stack[-1] if self.stack else self.outline.root
            last = j == len(parts) - 1
            draft = Draft(part.token, shapes[j], line, width=j + 1, implied=j < len(parts) - 1)
            if not last:
                self._doubt(
                    line,
                    f"number {part.token!r} of {_spell(marker)} has no line of its own; made it a clause without words",
                )
            parent.children.append(draft)
            self.stack.append(draft)
        here = self.stack[-1]
        here.rest = marker.rest
        # a number set apart in bold (``**3.1** words``) leads text; a heading would be a heading line
        here.rest_kind = "marked-text" if line.kind == "text" and line.marker is not None else line.kind
        here.anchor = line.anchor
        if marker.rest:
            here.paragraphs.append(("text", [attrs.evolve(line, text=marker.rest)]))
            self.open_paragraph = line.kind == "text"
        else:
            self.open_paragraph = False
        if self.pending_heading is not None:
            if line.kind != "heading" and not (marker.rest and _looks_like_heading(marker.rest)):
                here.heading = self.pending_heading.text
                self._doubt(
                    self.pending_heading,
                    f"unnumbered heading {self.pending_heading.text!r} taken as the heading of {_spell(marker)}",
                )
            else:
                self._holder_before(here).paragraphs.append(("text", [self.pending_heading]))
            self.pending_heading = None
        if verdict == "first" and len(self.stack) > 1 and len(parts) == 1:
            self._restarted(line, marker)
        if verdict == "repeat":  # skipped numbers are reported where numbers are assigned
            self._doubt(
                line,
                f"{_spell(marker)}: number repeats the one before; kept both (the second as '{parts[-1].token}bis')",
            )

    def _restarted(self, line: Line, marker: Marker) -> None:
        """Report a list that starts again where one of its shape is open, not indented under it:
        ``(i)``, ``(ii)``, a paragraph, ``(i)`` again. It is made a list under the clause before it,
        which may be where the words between were meant to be, or not."""
        here, parent = self.stack[-1], self.stack[-2]
        if any(
            d.shape == here.shape
            and d.line is not None
            and (d.line.kind, d.line.level) == (line.kind, line.level)
            and d.line.indent >= line.indent
            for d in self.stack[:-1]
        ):
            self._doubt(line, f"{_spell(marker)} starts its list again, not indented under "
                              f"{_spell_draft(parent)}; made it a list under {_spell_draft(parent)}")  # fmt: skip

    def _holder_before(self, draft: Draft) -> Draft:
        return self.stack[-2] if len(self.stack) > 1 else self.outline.root

    def feed(self, line: Line) -> None:
        if line.kind == "blank":
            self.open_paragraph = False
            return
        if line.kind == "title":
            if self.outline.title is None:
                self.outline.title = line.text
            return
        if line.kind in ("bullet", "table"):
            self._flush_heading()  # an unnumbered heading over a list stays before it
            self.add_text(line, line.kind)
            return
        marker = read_marker(line.text, self.labels) if line.kind != "prose" else None
        if marker is None and line.kind == "heading":
            marker = _heading_marker(line.text, self.labels)
        if marker is not None:
            depth, shapes, verdict = self.place(marker, line)
            plausible = verdict in ("next", "first")
            holder = self._holder()
            # a sibling (or higher) is not indented deeper than the clause it follows
            indented = depth < len(self.stack) and holder.line is not None and line.indent > holder.line.indent
            if line.kind in ("heading", "item") or not (
                self._continues(line, plausible) or (indented and self.open_paragraph)
            ):
                self.open_clause(line, marker, depth, shapes, verdict)
                return
        if line.kind == "heading" or (line.kind == "text" and not self.open_paragraph and _is_caps_heading(line.text)):
            if not self.stack and not self.outline.root.children and self.outline.title is None:
                self.outline.title = line.text
                return
            if self.pending_heading is not None:
                self.add_text(self.pending_heading)
            self.pending_heading = line
            self.open_paragraph = False
            return
        self._flush_heading()
        self.add_text(attrs.evolve(line, kind="text") if line.kind == "prose" else line)

    def _flush_heading(self) -> None:
        """A held unnumbered heading that no numbered clause followed: words of the open clause."""
        if self.pending_heading is not None:
            self.add_text(self.pending_heading)
            self.open_paragraph = False
            self.pending_heading = None

    def finish(self) -> None:
        self._flush_heading()


def _heading_marker(text: str, labels: tuple[str, ...]) -> Marker | None:
    """A heading's number, which a heading may follow with a single space and any word: ``## a Chair``."""
    words = text.split()
    for k in (1, 2, 3):
        if len(words) <= k:
            break
        marker = read_marker(" ".join(words[:k]), labels)
        if marker is not None and not marker.rest:
            return Marker(marker.parts, " ".join(words[k:]))
    return None


def _spell(marker: Marker) -> str:
    """A marker as a report names it, joined as printed: ``Section 3.1``, ``7(d)``, ``Chapter 4, Clause II``."""
    out = ""
    for part in marker.parts:
        if part.label:
            out += f"{', ' if out else ''}{part.label} {part.token}"
        elif part.wrap == "paren":
            out += f"({part.token})"
        else:
            out += f"{'.' if out else ''}{part.token}"
    return out


def _spell_draft(draft: Draft) -> str:
    label, wrap, _ = draft.shape
    if label:
        return f"{label.title()} {draft.token}"
    return f"({draft.token})" if wrap == "paren" else f"{draft.token})" if wrap == "close" else draft.token


_CLOSING = re.compile(r"[.;,:]$")


def is_heading(text: str, *, more: bool, labelled: bool = False) -> bool:
    """Whether the words on a marker's line read as a heading.

    ``more``: the clause has words or clauses after this line; ``labelled``:
    the marker has a label (``Chapter 4``), whose words are headings more often.

    Examples
    --------
    >>> is_heading("Election of officers", more=True), is_heading("Members may vote.", more=True)
    (True, False)
    >>> is_heading("AIMS AND VALUES", more=False), is_heading("I the", more=True)
    (True, False)
    """
    words = text.split()
    if not words or len(words) > 14 or _CLOSING.search(text) or words[0][:1].islower():
        return False
    if starts_with_citation(text):  # words that begin with a citation are a sentence about it
        return False
    letters = [c for c in text if c.isalpha()]
    if len(letters) >= 3 and text.isupper():
        return True
    first_is_word = bool(re.match(r"[^\W\d_][^\W\d_]*[a-z]", words[0])) and words[0][:1].isupper()
    return more and first_is_word and (labelled or len(words) <= 8)


def _is_caps_heading(text: str) -> bool:
    letters = [c for c in text if c.isalpha()]
    return len(letters) >= 3 and text.isupper() and len(text.split()) <= 12


def _looks_like_heading(text: str) -> bool:
    return _is_caps_heading(text)


def build_outline(
    lines: Sequence[Line], file: str, *, labels: tuple[str, ...] = LABEL_WORDS, given: tuple[Level, ...] | None = None
) -> Outline:
    """Read located lines into a tree of drafts (see the module docs).

    ``labels``: the words that may label a level; ``given``: the levels the
    user stated with ``--numbering`` (labelled levels then sit at their depth,
    and numbers are read in the styles it names).
    """
    reader = _Reader(file, labels, given, Outline(Draft("", (None, "plain", "arabic"), None)))
    for line in lines:
        reader.feed(line)
    reader.finish()
    return reader.outline
