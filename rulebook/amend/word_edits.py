"""The word edits that turn one text of a clause into another, worded as a person would print them.

``draft`` (docs/drafting.md) uses this for every clause whose words changed:
edits in document order, phrases made unique by the fewest neighbouring words
(or an occurrence), neighbouring edits merged into one phrase replacement, and
a text rewritten beyond recognition replaced whole.

Examples
--------
>>> [a.op for a in text_amendments("c", "The fee is 15 pounds.", "The fee is 20 pounds.")]
['replace_words']
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Iterator

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.amend.phrases import phrase_pattern
from rulebook.errors import AmendmentError
from rulebook.model import Clause, Level, Version

__all__ = ["text_amendments"]

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_PUNCT_AFTER = tuple(",.;:)]!?'\"")
#: Longest context (in tokens each way) added to make a phrase unique before giving its occurrence.
_MAX_CONTEXT = 12
#: Below this similarity a clause's text is replaced whole rather than amended word by word.
_REWRITE_RATIO = 0.4
#: Word edits this many words apart or closer are printed as one phrase replacement.
_MERGE_GAP = 3


def _spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _starts(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` starts in ``text`` as whole words, overlaps included (as apply counts them)."""
    return [m.start() for m in phrase_pattern(phrase).finditer(text)] if phrase else []


class _TextEditor:
    """Turns one clause's old text into its new text with word operations."""

    def __init__(self, cid: str) -> None:
        self.cid = cid

    def run(self, text: str, amendment: Amendment) -> str | None:
        """The clause text after ``amendment``, as apply computes it (None if it fails)."""
        probe = Version("draft", "draft", (Level("arabic"),), (Clause(self.cid, text=text),))
        try:
            out = apply(probe, Motion("draft", (amendment,))).clause(self.cid).text
        except AmendmentError:
            return None
        return out if out is not None else ""

    def occurrence(self, text: str, s: int, e: int) -> int | None:
        starts = _starts(text, text[s:e])
        return None if len(starts) == 1 else starts.index(s) + 1

    def widen(self, text: str, s: int, e: int, left: bool, right: bool) -> tuple[int, int]:
        """Grow [s, e) by whole tokens, on the sides allowed, until the phrase is
        unique in ``text`` and does not start or end with white space."""
        spans = _spans(text)
        by_end = {b: a for a, b in spans}
        by_start = dict(spans)

        def done() -> bool:
            if s == e or (left and text[s].isspace()) or (right and text[e - 1].isspace()):
                return False
            return len(_starts(text, text[s:e])) == 1

        grown = 0
        while not done() and grown < 2 * _MAX_CONTEXT:
            can_left = left and s in by_end and s > 0
            can_right = right and e in by_start and e < len(text)
            if can_left and (s == e or text[s].isspace()):
                s = by_end[s]
            elif (can_right and (s == e or text[e - 1].isspace())) or (can_right and (grown % 2 == 0 or not can_left)):
                e = by_start[e]
            elif can_left:
                s = by_end[s]
            else:
                break
            grown += 1
        return s, e

    def candidates(self, text: str, start: int, end: int, new: str) -> Iterator[Amendment]:
        """Amendments that may turn ``text[start:end]`` into ``new``, most conventional first."""
        cid = self.cid
        seg = text[start:end]
        if seg and new:
            s, e = self.widen(text, start, end, True, True)
            yield Amendment("replace_words", clause=cid, old=text[s:e], new=text[s:start] + new + text[end:e],
                            occurrence=self.occurrence(text, s, e))  # fmt: skip
            yield Amendment("replace_words", clause=cid, old=seg, new=new, occurrence=self.occurrence(text, start, end))
            return
        if new:  # an insertion at ``start``
            if start > 0:
                words = new[1:] if new.startswith(" ") and not new[1:].startswith(_PUNCT_AFTER) else new
                if words and not words[0].isspace():
                    s, _ = self.widen(text, start, start, True, False)
                    if s < start:
                        yield Amendment("insert_words", clause=cid, words=words, after=text[s:start],
                                        occurrence=self.occurrence(text, s, start))  # fmt: skip
            if end < len(text) and new.endswith(" ") and len(new) > 1 and not new[-2].isspace():
                _, e = self.widen(text, end, end, False, True)
                if e > end:
                    yield Amendment("insert_words", clause=cid, words=new[:-1], before=text[end:e],
                                    occurrence=self.occurrence(text, end, e))  # fmt: skip
            s, e = self.widen(text, start, end, True, True)
            if s < e:
                yield Amendment("replace_words", clause=cid, old=text[s:e], new=text[s:start] + new + text[end:e],
                                occurrence=self.occurrence(text, s, e))  # fmt: skip
            return
        # a deletion of ``seg``
        stripped = seg.strip()
        if stripped:
            s = start + (len(seg) - len(seg.lstrip()))
            e = s + len(stripped)
            yield Amendment("delete_words", clause=cid, words=stripped, occurrence=self.occurrence(text, s, e))
        yield Amendment("delete_words", clause=cid, words=seg, occurrence=self.occurrence(text, start, end))
        s, e = self.widen(text, start, end, True, True)
        if text[s:start] + text[end:e]:
            yield Amendment("replace_words", clause=cid, old=text[s:e], new=text[s:start] + text[end:e],
                            occurrence=self.occurrence(text, s, e))  # fmt: skip

    def edits(self, old: str, new: str) -> list[Amendment] | None:
        """Word operations turning ``old`` into ``new`` (both non-empty), or None."""
        a = [old[s:e] for s, e in _spans(old)]
        b = [new[s:e] for s, e in _spans(new)]
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        if matcher.ratio() < _REWRITE_RATIO and len(a) > 3:
            return None
        offsets = [0]
        for tok in a:
            offsets.append(offsets[-1] + len(tok))
        groups: list[list[int]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if (
                groups
                and all(not re.search(r"\w", t) for t in a[groups[-1][1] : i1])
                and (groups[-1][1] < i1 or groups[-1][3] < j1)
            ) or (groups and groups[-1][1] == i1 and groups[-1][3] == j1):
                groups[-1][1], groups[-1][3] = i2, j2
            else:
                groups.append([i1, i2, j1, j2])
        groups = _merged([_slid(g, a, b) for g in groups], a)
        out: list[Amendment] = []
        text = old
        for i1, i2, j1, j2 in reversed(groups):
            start, end = offsets[i1], offsets[i2]
            replacement = "".join(b[j1:j2])
            expected = text[:start] + replacement + text[end:]
            for candidate in self.candidates(text, start, end, replacement):
                if self.run(text, candidate) == expected:
                    out.append(candidate)
                    text = expected
                    break
            else:
                return None
        return self.in_document_order(old, out)

    def in_document_order(self, old: str, backwards: list[Amendment]) -> list[Amendment]:
        """The edits in the order a secretary prints them (first words first), when they
        still apply exactly in that order; else as written, from the end backwards."""
        forwards = backwards[::-1]
        text: str | None = old
        for amendment in forwards:
            text = self.run(text, amendment) if text is not None else None
        return forwards if text == self.run_all(old, backwards) else backwards

    def run_all(self, text: str, amendments: list[Amendment]) -> str | None:
        out: str | None = text
        for amendment in amendments:
            out = self.run(out, amendment) if out is not None else None
        return out


def _slid(group: list[int], a: list[str], b: list[str]) -> list[int]:
    """An insertion that starts with punctuation or space which also follows it in the text
    moved past it ("after 'elections.' insert 'Where ...'" rather than "after 'elections'
    insert '. Where ...'"): the same result, printed as a person would."""
    i1, i2, j1, j2 = group
    while i1 == i2 and j1 < j2 and j2 < len(b) and i1 < len(a) and not re.search(r"[\w\s]", b[j1]):
        if b[j1] != b[j2] or a[i1] != b[j2]:
            break
        i1, i2, j1, j2 = i1 + 1, i2 + 1, j1 + 1, j2 + 1
    return [i1, i2, j1, j2]


def _merged(groups: list[list[int]], tokens: list[str]) -> list[list[int]]:
    """Neighbouring edits with at most :data:`_MERGE_GAP` words between them become one, so
    the motion replaces one phrase rather than making several small edits close together."""
    out: list[list[int]] = []
    for group in groups:
        if out and sum(1 for t in tokens[out[-1][1] : group[0]] if re.search(r"\w", t)) <= _MERGE_GAP:
            out[-1][1], out[-1][3] = group[1], group[3]
        else:
            out.append(list(group))
    return out


def text_amendments(cid: str, old: str | None, new: str | None) -> list[Amendment]:
    """The amendments that turn a clause's text ``old`` into ``new``: word
    operations where they do it exactly, else ``replace_text``.

    Examples
    --------
    >>> [(a.op, a.after, a.words) for a in text_amendments("fee", "Members pay.", "Members and guests pay.")]
    [('insert_words', 'Members', 'and guests')]
    >>> [(a.op, a.text) for a in text_amendments("fee", "Members pay.", None)]
    [('replace_text', '')]
    """
    if old == new:
        return []
    if new is None:
        return [Amendment("replace_text", clause=cid, text="")]
    editor = _TextEditor(cid)
    if new == "":
        if old:
            whole = Amendment("delete_words", clause=cid, words=old)
            if editor.run(old, whole) == "":
                return [whole]
        # from no text to an empty one: write a space, then delete it
        return [Amendment("replace_text", clause=cid, text=" "), Amendment("delete_words", clause=cid, words=" ")]
    if old:
        edits = editor.edits(old, new)
        if edits is not None:
            return edits
    return [Amendment("replace_text", clause=cid, text=new)]
