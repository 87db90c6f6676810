"""The operations on a clause's words: replace, insert and delete words, replace its text.

Each operation is declared once here (docs/architecture.md, "Adding to it"): its
fields, how it applies (a function of the motion's :class:`~rulebook.amend.apply.Step`,
given as ``self``: these were its methods), what it reads, its wording and the
strategy that draws it.

Examples
--------
>>> from rulebook.amend.wording import write_wording
>>> a = Amendment("delete_words", clause="Rule 1", words="annual", occurrence=2)
>>> write_wording(a)
"Rule 1: delete 'annual' (occurrence 2)"
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from rulebook.amend.apply import Step
from rulebook.amend.motion import Amendment, Operation
from rulebook.amend.phrases import PUNCT_AFTER, count_phrase, replace_every, tidy
from rulebook.model import Version, evolve_clause

__all__ = ["BUILTINS"]

Ref = Callable[[str | None], str]


def apply_replace_words(self: Step, v: Version, a: Amendment) -> Version:
    if a.part == "heading":  # a heading is a title, not a sentence: no edge punctuation to read
        cid = self.ref(a.clause or "", v)
        heading, start, end = self.phrase(v, cid, a.old or "", a.nth, "old", "heading")
        new_heading = heading[:start] + (a.new or "") + heading[end:]
        return self.put(v, evolve_clause(self.clause(v, cid), heading=" ".join(new_heading.split()) or None))
    if a.throughout:
        return throughout(self, v, a)
    if a.occurrence == "all":
        return every_occurrence(self, v, a)
    cid, a = self.read(v, a)
    text, start, end = self.phrase(v, cid, a.old or "", a.nth, "old")
    new_text = text[:start] + (a.new or "") + text[end:]
    if not a.new:
        new_text = tidy(text, start, end)
    return self.put(v, evolve_clause(self.clause(v, cid), text=new_text))


def throughout(self: Step, v: Version, a: Amendment) -> Version:
    """``throughout: true``: every whole-word occurrence of ``old`` in the text of every clause replaced."""
    found = [c for c in self.clauses(v) if c.text and count_phrase(c.text, a.old or "")]
    if not found:
        raise self.fail(f"old {a.old!r} is nowhere in the rule book (as whole words)")
    for c in found:
        v = self.put(v, evolve_clause(c, text=replace_every(c.text or "", a.old or "", a.new or "")))
    return v


def every_occurrence(self: Step, v: Version, a: Amendment) -> Version:
    """``occurrence: all``: every whole-word occurrence of ``old`` in the clause's text replaced."""
    cid = self.ref(a.clause or "", v)
    text = self.clause(v, cid).text or ""
    self.phrase(v, cid, a.old or "", 1, "old")  # refused, naming the clause, when it is not there at all
    new_text = replace_every(text, a.old or "", a.new or "")
    return self.put(v, evolve_clause(self.clause(v, cid), text=new_text or None))


def apply_delete_words(self: Step, v: Version, a: Amendment) -> Version:
    cid, a = self.read(v, a)
    text, start, end = self.phrase(v, cid, a.words or "", a.nth, "words")
    return self.put(v, evolve_clause(self.clause(v, cid), text=tidy(text, start, end)))


def apply_insert_words(self: Step, v: Version, a: Amendment) -> Version:
    cid, a = self.read(v, a)
    words = a.words or ""
    if not words:
        raise self.fail("'words' is empty; give the words to insert")
    if a.at is not None:
        text = self.clause(v, cid).text or ""
        if a.at == "start":
            new_text = words + ("" if not text or words[-1].isspace() else " ") + text
        else:
            sep = "" if not text or words.startswith(PUNCT_AFTER) or words[0].isspace() else " "
            new_text = text + sep + words
    elif a.after is not None:
        text, _, end = self.phrase(v, cid, a.after, a.nth, "after")
        sep = "" if words.startswith(PUNCT_AFTER) or words[0].isspace() else " "
        new_text = text[:end] + sep + words + text[end:]
    elif a.before is not None:
        text, start, _ = self.phrase(v, cid, a.before, a.nth, "before")
        sep = "" if words[-1].isspace() else " "
        new_text = text[:start] + words + sep + text[start:]
    else:
        raise self.fail("insert_words needs 'after', 'before' or 'at' (end or start)")
    return self.put(v, evolve_clause(self.clause(v, cid), text=new_text))


def apply_replace_text(self: Step, v: Version, a: Amendment) -> Version:
    cid = self.ref(a.clause or "", v)
    changes: dict[str, Any] = {}
    if a.text is not None:
        changes["text"] = a.text or None
    if a.heading is not None:
        changes["heading"] = a.heading or None
    if not changes:
        raise self.fail("replace_text needs 'text' (or 'heading')")
    return self.put(v, evolve_clause(self.clause(v, cid), **changes))


def write_replace_words(a: Amendment, ref: Ref) -> str:
    from rulebook.amend.wording.writer import occurrence, quote  # see write_replace_text

    if a.throughout:
        return f"replace {quote(a.old or '')} with {quote(a.new or '')} throughout the rule book"
    if a.part == "heading":
        old = quote(a.old or "") + occurrence(a.occurrence)
        return f"Amend the heading of {ref(a.clause)}: replace {old} with {quote(a.new or '')}"
    old = quote(a.old or "") + occurrence(a.occurrence)
    return f"{ref(a.clause)}: delete {old} and insert {quote(a.new or '')}"


def write_insert_words(a: Amendment, ref: Ref) -> str:
    from rulebook.amend.wording.writer import occurrence, quote  # see write_replace_text

    if a.at is not None:
        return f"{ref(a.clause)}: at the {'start' if a.at == 'start' else 'end'} insert {quote(a.words or '')}"
    where, anchor = ("after", a.after) if a.after is not None else ("before", a.before)
    at = quote(anchor or "") + occurrence(a.occurrence)
    return f"{ref(a.clause)}: {where} {at} insert {quote(a.words or '')}"


def write_replace_text(a: Amendment, ref: Ref) -> str:
    # here, not at the top: a build reads motions but writes no wording (docs/architecture.md, "Speed")
    from rulebook.amend.wording.writer import quote

    if (a.text, a.heading) == ("", None) or (a.text, a.heading) == (None, ""):
        return f"{ref(a.clause)}: delete the {'text' if a.text == '' else 'heading'}"
    parts = []
    if a.text is not None:
        parts.append(f"the text with {quote(a.text)}")
    if a.heading is not None:
        parts.append(f"the heading with {quote(a.heading)}")
    return f"{ref(a.clause)}: replace " + " and ".join(parts or ["the text with ''"])


_DRAW = "rulebook.strategies.motions:Builder."

#: In the order docs/motions.md lists them.
BUILTINS = (
    Operation(
        "replace_words",
        ("clause", "old", "new", "occurrence", "part", "throughout"),
        ("clause", "old", "new"),
        footprint="words",
        apply=apply_replace_words,
        wording=write_replace_words,
        strategy=_DRAW + "replace_words",
        words_only=True,
    ),
    Operation(
        "insert_words",
        ("clause", "words", "after", "before", "at", "occurrence"),
        ("clause", "words"),
        ("after", "before", "at"),
        footprint="words",
        apply=apply_insert_words,
        wording=write_insert_words,
        strategy=_DRAW + "insert_words",
        words_only=True,
    ),
    Operation(
        "delete_words",
        ("clause", "words", "occurrence"),
        ("clause", "words"),
        footprint="words",
        apply=apply_delete_words,
        wording="{clause:ref}: delete {words:quote}{occurrence:occurrence}",
        strategy=_DRAW + "delete_words",
        words_only=True,
    ),
    Operation(
        "replace_text",
        ("clause", "text", "heading"),
        ("clause",),
        footprint="words",
        apply=apply_replace_text,
        wording=write_replace_text,
        strategy=_DRAW + "replace_text",
        words_only=True,
    ),
)
