"""Changes as clubs' and societies' notices print them, each a whole wording.

A cricket club prints a clause's citation, then "Current:" and its words and
"Proposed:" and the new ones; a neighbourhood association "Add new Article XII."
with the article's text below it, "Add the following sections to Article II."
with each section's citation on a line of its own above its text, or "Revise
Section 6 of Article V to read:" with the section below, its citation and heading
restated; a co-operative "THEREFORE LET IT BE RESOLVED That section 38.iv. be
removed from the Rulebook". Each form is read from the start of the wording to its
end or not at all, so nothing else is ever taken for it. See docs/motions.md.

Examples
--------
>>> from rulebook.amend.wording import parse_wording
>>> w = "Section 8:02\\nCurrent: The AGM is held in May.\\nProposed: The AGM is held in April."
>>> [(a.op, a.clause, a.old, a.new) for a in parse_wording(w)]
[('replace_words', 'Section 8:02', 'The AGM is held in May.', 'The AGM is held in April.')]
>>> [(a.op, a.clause) for a in parse_wording("That section 38.iv. be removed from the Rulebook")]
[('delete_clause', 'section 38.iv')]
"""

from __future__ import annotations

import re

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.labels import derived_id
from rulebook.amend.wording.printed import PrintedForms
from rulebook.amend.wording.reader import CLAUSE_WORDS, labelled_line
from rulebook.model import Clause
from rulebook.patterns import LazyPattern

__all__ = ["NoticeForms"]

_UNIT = "|".join((*CLAUSE_WORDS, "bye-law", "by-law", "bylaw", "standing order"))
#: A clause's number: digits (with dots, letters, a colon: "8:02", "38.iv", "2.1A") or a Roman
#: numeral in capitals ("XII"), then labels in brackets.
_NUMBER = r"(?:[0-9](?:[0-9A-Za-z.]|:(?=[0-9]))*|(?-i:[IVXLC]+)\b)(?:\s*\([0-9A-Za-z]{1,4}\))*"
#: A citation: a unit word and its number, then perhaps a part of it ("Section 43.01 Sub Paragraph B").
_REF = rf"(?:{_UNIT})\s+{_NUMBER}(?:[ \t]+(?:sub[- ]?)?(?:{_UNIT})[ \t]+\(?[0-9A-Za-z]{{1,5}}\)?(?![\w(]))?"
#: "Section 8:02" on its own line, "Current:" and the words as they stand, "Proposed:" and the new ones.
_CURRENT = LazyPattern(
    rf"\s*(?P<ref>{_REF})(?:[ \t]+amend)?[ \t]*\n\s*current[ \t]*:[ \t]*(?P<old>\S.*?)\s*\n"
    r"\s*proposed[ \t]*:[ \t]*(?P<new>\S.*?)\s*$",
    re.IGNORECASE | re.DOTALL,
    needs=("current", "proposed"),
)
#: "Add new Article XII." ending its line, and the new clause's text below it.
_ADD_NEW = LazyPattern(rf"\s*(?:add|insert)\s+(?:a\s+)?new\s+(?P<ref>{_REF})\.?[ \t]*\n(?P<text>.*\S)\s*$",
                      re.IGNORECASE | re.DOTALL, needs=('new',))  # fmt: skip
#: "Add the following sections to Article II." ending its line; the sections follow.
_FOLLOWING = LazyPattern(
    rf"\s*(?:add|insert)\s+the\s+following\s+(?P<unit>{_UNIT})s\s+(?:to|into|in)\s+(?P<into>{_REF})\s*[.:]?[ \t]*\n",
    re.IGNORECASE,
    needs=("following",),
)
#: "Revise Section 6 of Article V to read:", then the section's citation and heading restated on a line.
_REVISED = LazyPattern(
    rf"\s*(?:revise|amend)\s+(?P<ref>(?P<inner>{_REF})(?:\s+of\s+{_REF})?)\s+to\s+read\s*:?[ \t]*\n"
    rf"\s*(?P<cite>{_REF})[ \t]+(?P<heading>[^\n.:;]+?)[ \t]*\n(?P<text>.*\S)\s*$",
    re.IGNORECASE | re.DOTALL,
    needs=("read",),
)
#: "[THEREFORE LET IT BE RESOLVED] That section 38.iv. be removed from the Rulebook".
_REMOVED = LazyPattern(
    r"\s*(?:(?:therefore\s+)?(?:let\s+it\s+be|be\s+it)\s+(?:further\s+)?resolved\s*,?\s*)?"
    rf"that\s+(?P<ref>{_REF})\s+be\s+(?:removed|deleted|repealed|rescinded)"
    r"(?:\s+(?:from|in)\s+(?:the|its|our)\s+(?:rule\s?book|rules|constitution|by-?laws|bye-?laws|standing\s+orders))?"
    r"(?:\s+in\s+its\s+entirety)?\s*[.;]?\s*$",
    re.IGNORECASE,
    needs=("that",),
)

#: "Shall Article V of the CPFA Constitution be amended to include a new section as follows: Section 5. ...".
_INCLUDED = LazyPattern(
    rf"\s*(?:shall|that)\s+(?P<into>{_REF})\s+(?:of\s+the\s+[^'\"‘’“”:;]+?\s+)?be\s+amended\s+to\s+(?:include|add)"
    rf"\s+a\s+new\s+(?P<unit>{_UNIT})\s+as\s+follows\s*:\s*(?P<cite>(?P=unit)\s+[0-9A-Za-z()]+(?:\.[0-9A-Za-z()]+)*)"
    r"\.?\s+(?P<text>\S.*?)\s*$",
    re.IGNORECASE | re.DOTALL,
    needs=("amended", "follows"),
)
#: "Changing: ….”at least ten (10) days before.…” to …..“no later than ...….”": an extract of the
#: clause and what it becomes, the dots outside or at the edges of the quotes marking the words around.
_CHANGING = LazyPattern(
    r"\s*(?:to\s+be\s+amended\s+by\s*:\s*)?changing\s*:\s*[.…]*\s*[“”\"](?P<old>[^“”\"]+)[“”\"]\s+to\s+"
    r"[.…]*\s*[“”\"](?P<new>[^“”\"]+)[“”\"]\s*\.?\s*$",
    re.IGNORECASE,
    needs=("changing",),
)
#: Dots at an extract's edge that hold an ellipsis ("….", ".…", "..."): the words around, left out.
_EDGE_DOTS = LazyPattern(r"^[.…\s]*(?:…|\.\.\.)[.…\s]*|[.…\s]*(?:…|\.\.\.)[.…\s]*$")

#: "Section 3.5.1", a reason ending in "change" on its line, the words that lead into the clause in
#: square brackets (for people), the quoted words, "to" on its own line, the new words quoted.
_CHANGE_BELOW = LazyPattern(
    rf"\s*(?P<ref>{_REF})[ \t]*\n(?P<why>[^'\"‘’“”\[\]]*?)\bchange[ \t]*\n(?:\s*\[[^\]\n]*\][ \t]*\n)?"
    r"\s*[“\"](?P<old>[^”\"]+)[”\"][ \t]*\n\s*to[ \t]*\n\s*[“\"](?P<new>[^”\"]+)[”\"]\s*$",
    re.IGNORECASE,
    needs=("change",),
)
#: A reason that holds another instruction's verb: not a reason, so the layout above is not read.
_ACTING = LazyPattern(r"\b(?:delete|insert|add|remove|replace|omit|strike|substitute|amend|renumber|move)\b", re.I)
#: "1. Proposal to add two new posts, under present Branch Bye-Law Rule 2, as follows –" and the
#: posts, one a line, each after its own numeral and a comma or a full stop ("I, ...", "II, ...").
_ADDED_ITEMS = LazyPattern(
    r"\s*(?:\d{1,3}\.\s+)?proposal\s+to\s+add\s+(?P<count>\w+)\s+new\s+\w+\s*,\s*under\s+(?:the\s+)?"
    r"(?:present\s+|existing\s+|current\s+)?(?P<into>[^,\n'\"‘’“”]+?)\s*,\s*as\s+follows\s*[–—:-]?[ \t]*\n"
    r"(?P<items>.+)$",
    re.IGNORECASE | re.DOTALL,
    needs=("proposal", "follows"),
)
_ITEM = LazyPattern(r"^\s*(?:[IVXivx]{1,5}|[a-z]|\d{1,2})[,.)]\s+(?P<text>\S.*?)\s*$")
_COUNTS = {w: n for n, w in enumerate(("one", "two", "three", "four", "five", "six", "seven", "eight"), 1)}


def _squashed(text: str) -> str:
    return " ".join(text.split()).lower()


class NoticeForms(PrintedForms):
    """The notice forms above, each read from the start of the wording."""

    def notice(self) -> list[Amendment] | None:
        """The amendments of a wording printed as one of the notice forms; None (nothing taken)
        when the wording is not one, or does not start here."""
        at = self.peek().start
        if self.source[:at].strip():
            return None
        read = self._current(at) or self._removed(at) or self._added(at) or self._following(at)
        read = read or self._revised(at) or self._included(at) or self._changing(at) or self._changed_below(at)
        read = read or self._items(at)
        if read is not None:
            self.pos = len(self.source)
        return read

    def _one_block(self, text: str, start: int) -> str:
        """The new text of one clause: refused when a line of it starts with a label of its own."""
        if any(labelled_line().match(line) for line in text.splitlines()):
            raise self.lex.error(start, "one clause's text, not several numbered lines (each on its own)")
        return text.strip()

    def _current(self, at: int) -> list[Amendment] | None:
        found = _CURRENT.match(self.source, at)
        if found is None:
            return None
        return [Amendment("replace_words", clause=found["ref"], old=found["old"], new=found["new"])]

    def _removed(self, at: int) -> list[Amendment] | None:
        found = _REMOVED.match(self.source, at)
        if found is None:
            return None
        return [Amendment("delete_clause", clause=found["ref"].rstrip("."))]

    def _added(self, at: int) -> list[Amendment] | None:
        found = _ADD_NEW.match(self.source, at)
        if found is None:
            return None
        text = self._one_block(found["text"], found.start("text"))
        cid = derived_id(found.group(0), text)
        return [Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=found["ref"])]

    def _following(self, at: int) -> list[Amendment] | None:
        """Each new clause under its citation ("Section 2" on a line of its own, then its text)."""
        found = _FOLLOWING.match(self.source, at)
        if found is None:
            return None
        cited = re.compile(rf"^[ \t]*({found['unit']}[ \t]+[0-9A-Za-z.()]+)[ \t]*$", re.IGNORECASE | re.MULTILINE)
        body = self.source[found.end() :]
        parts = cited.split(body)
        if parts[0].strip() or len(parts) < 3:
            raise self.lex.error(found.end(), f"each new {found['unit'].lower()}'s citation on a line of its own")
        read = []
        for i in range(1, len(parts), 2):
            number, text = parts[i].strip(), parts[i + 1]
            if not text.strip():
                raise self.lex.error(found.end(), f"the text of {number} below its citation")
            text = self._one_block(text, found.end())
            cid = derived_id(f"{found.group(0)} {number}", text)
            read.append(Amendment("insert_clause", new_clause=Clause(cid, text=text), into=found["into"],
                                  numbered=number))  # fmt: skip
        return read

    def _revised(self, at: int) -> list[Amendment] | None:
        """The clause's heading and text anew, below its citation restated (none other taken)."""
        found = _REVISED.match(self.source, at)
        if found is None or _squashed(found["cite"]) != _squashed(found["inner"]):
            return None
        heading = found["heading"].strip()
        text = self._one_block(found["text"], found.start("text"))
        return [Amendment("replace_text", clause=found["ref"], heading=heading, text=text)]

    def _included(self, at: int) -> list[Amendment] | None:
        found = _INCLUDED.match(self.source, at)
        if found is None:
            return None
        text = self._one_block(found["text"], found.start("text"))
        cid = derived_id(found.group(0), text)
        return [Amendment("insert_clause", new_clause=Clause(cid, text=text), into=found["into"],
                          numbered=found["cite"])]  # fmt: skip

    def _changing(self, at: int) -> list[Amendment] | None:
        found = _CHANGING.match(self.source, at)
        if found is None:
            return None
        old, new = (_EDGE_DOTS.sub("", found[k]).strip() for k in ("old", "new"))
        if not old or not new:
            raise self.lex.error(found.start("old"), "the words changed and the new ones, quoted")
        return [Amendment("replace_words", old=old, new=new)]

    def _changed_below(self, at: int) -> list[Amendment] | None:
        found = _CHANGE_BELOW.match(self.source, at)
        if found is None or _ACTING.search(found["why"]):
            return None
        return [Amendment("replace_words", clause=found["ref"], old=found["old"], new=found["new"])]

    def _items(self, at: int) -> list[Amendment] | None:
        """New items, one a line, as many as the proposal says; refused when the count differs."""
        found = _ADDED_ITEMS.match(self.source, at)
        if found is None:
            return None
        lines = [line for line in found["items"].splitlines() if line.strip()]
        items = [_ITEM.match(line) for line in lines]
        count = _COUNTS.get(found["count"].lower())
        if count != len(items) or not all(items):
            raise self.lex.error(found.start("items"), f"{found['count']} new items, one a line, each numbered")
        read = []
        for item in filter(None, items):
            cid = derived_id(f"{found.group(0)} {item['text']}", item["text"])
            read.append(Amendment("insert_clause", new_clause=Clause(cid, text=item["text"]), into=found["into"]))
        return read
