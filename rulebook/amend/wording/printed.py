"""Changes printed as a form, a list or a preamble rather than one sentence.

Credit unions and clubs print a change as a heading and a block ("Existing Rule
25 (b)", the old text, "Amended to read", the new one; "New Rule 25 (d)" and its
text); parties list clauses to delete ("Delete section 5.1.4 and section 5.2.6")
or add to ("Add to section 5.1.1: '...'", "Add 5.1.5: '...'"); conventions wrap
the change in a preamble ("that the delegates ... hereby authorize amending
Article VIII, Section 7, as follows: '...'"). See docs/motions.md.

Examples
--------
>>> from rulebook.amend.wording import parse_wording
>>> [(a.op, a.clause) for a in parse_wording("Delete section 5.1.4 and section 5.2.6.")]
[('delete_clause', 'section 5.1.4'), ('delete_clause', 'section 5.2.6')]
>>> [(a.op, a.numbered) for a in parse_wording("Add 5.1.5: 'The Committee may meet online.'")]
[('insert_clause', '5.1.5')]
"""

from __future__ import annotations

import re

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.edits import own_label
from rulebook.amend.wording.labels import derived_id
from rulebook.amend.wording.located import Located
from rulebook.amend.wording.reader import CLAUSE_WORDS, RUN_TOGETHER, labelled_line, names_number
from rulebook.model import Clause

__all__ = ["PrintedForms"]

_UNIT = "|".join((*CLAUSE_WORDS, "bye-law", "by-law", "standing order"))
#: A line that holds only a citation: a unit word and its number ("Rule 25 (b)").
_CITATION = rf"(?:{_UNIT})\s+\(?[0-9][0-9A-Za-z.]*\)?(?:\s*\([0-9A-Za-z]{{1,4}}\))*"
#: "Existing Rule 25 (b)" on its own line, the old text, "Amended to read" on its own line, the new text.
_EXISTING = re.compile(
    rf"(?:existing|current|present)\s+(?P<ref>{_CITATION})[ \t]*\n(?P<old>.+?)\n[ \t]*"
    r"(?P<verb>amended to read|to be amended to read|to read|proposed wording|new wording)[ \t]*:?[ \t]*\n",
    re.IGNORECASE | re.DOTALL,
)
#: "New Rule 25 (d)" on its own line, then the new clause's text.
_NEW = re.compile(rf"new\s+(?P<ref>{_CITATION})[ \t]*\n(?P<text>.+)", re.IGNORECASE | re.DOTALL)
#: A resolution's preamble before the change it authorises: "that the delegates to this annual
#: convention ... hereby authorize amending" (no quote, colon or ';' in it).
_AUTHORISED = re.compile(
    r"that\s+[^'\"‘’“”`:;]+?\s+(?:hereby\s+)?(?:authori[sz]es?|approves?|agrees?\s+to|resolves?\s+to)\s+"
    r"(?:amending|amend)\s+",
    re.IGNORECASE,
)


#: "That a new rule 17A be inserted to read as follows:" and the new clause.
_THAT_NEW = re.compile(
    rf"that\s+a\s+new\s+(?P<ref>{_CITATION})\s+be\s+(?:inserted|added)(?:\s+to\s+read)?(?:\s+as\s+follows)?",
    re.IGNORECASE,
)
#: "(It was unanimously resolved) that the previous dissolution provision (Clause 19) be replaced in
#: its entirety with the following:": the clause described, its citation in brackets.
_DESCRIBED = re.compile(
    rf"(?:it\s+was\s+(?:\w+\s+)?resolved\s+)?that\s+(?:the\s+)?[^'\"‘’“”`:;()]*?\((?P<ref>{_CITATION})\)\s+"
    r"be\s+(?:replaced|amended)(?:\s+in\s+its\s+entirety)?\s+(?:with|by|to\s+read\s+as)\s+(?:the\s+)?follow(?:ing|s)",
    re.IGNORECASE,
)
#: A heading in capitals before a new clause's text: two or more words, then a capitalised word.
_CAPITALS = re.compile(r"((?:[A-Z][A-Z'’&-]+\s+){2,})(?=[A-Z][a-z])")


class PrintedForms(Located):
    """The printed forms above, each read from the start of a statement."""

    def printed(self) -> Amendment | None:
        """A change printed as a heading and a block ("Existing Rule 25 (b)" ... "Amended to
        read" ..., "New Rule 25 (d)" and its text), or a resolution that describes the clause and
        cites it in brackets ("that the previous dissolution provision (Clause 19) be replaced in
        its entirety with the following:"); None (nothing taken) otherwise."""
        at = self.peek().start
        existing = _EXISTING.match(self.source, at)
        if existing is not None:
            self.pos = existing.end("verb")  # the block below "to read" is the clause's new text
            text = self.new_text("the new text, on the lines below 'Amended to read'")
            return Amendment("replace_text", clause=existing["ref"], text=text)
        described = _DESCRIBED.match(self.source, at)
        if described is not None:
            self.pos = described.end()
            text = self.block("the new text (after ':')", described["ref"])
            return Amendment("replace_text", clause=described["ref"], text=text)
        new = _NEW.match(self.source, at)
        if new is None:
            return None
        text = new["text"].strip()
        if any(labelled_line().match(line) for line in text.splitlines()[1:]):
            raise self.lex.error(new.start("text"), "one new clause, not several numbered lines (each on its own)")
        self.pos = len(self.source)
        cid = derived_id(new.group(0), text)
        return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=new["ref"])

    def authorised(self) -> list[Amendment] | None:
        """``that the delegates ... hereby authorize amending Article VIII, Section 7, as follows:
        '...'``: the clause's text anew; None (nothing taken) when "that" opens anything else."""
        preamble = _AUTHORISED.match(self.source, self.peek().start)
        if preamble is None:
            return None
        self.pos = preamble.end()
        if not self.at_clause_ref():
            raise self.fail("the clause amended, then 'as follows:' and its new text")
        ref = self.reference(lambda t: t.key == "as" and self.peek(1).key == "follows", "the clause amended")
        if not self.accept("as", "follows"):
            raise self.fail("'as follows:' and the clause's new text")
        ref = self.number_ref(ref)
        return [Amendment("replace_text", clause=ref, text=self.block("the new text (after ':')", ref))]

    def that_new(self) -> list[Amendment] | None:
        """``That a new rule 17A be inserted to read as follows:`` and the new clause: its own
        number dropped, a heading in capitals before its text kept as the heading; None (nothing
        taken) when "that" opens anything else."""
        start = self.peek().start
        new = _THAT_NEW.match(self.source, start)
        if new is None:
            return None
        self.pos = new.end()
        text = self.block("the new clause's text (after ':' or on the lines below)", new["ref"])
        capitals = _CAPITALS.match(text)
        heading = capitals.group(1).strip() if capitals else None
        text = text[capitals.end() :] if capitals else text
        if RUN_TOGETHER.match(text):  # "Rule 17A Year The year ...": a heading not in capitals, or lost marks
            raise self.lex.error(new.end(), "a heading in capitals (two words or more) or none, then the text")
        cid = derived_id(self.source[start : self.pos], text)
        return [Amendment("insert_clause", new_clause=Clause(cid, text=text, heading=heading), numbered=new["ref"])]

    def added_next(self) -> bool:
        """ "Add to section 5.1.1:" or "Add 5.1.5:" comes next."""
        if self.peek().key not in ("add", "insert"):
            return False
        nxt = self.peek(1)
        if nxt.key == "to" and self.peek(2).key in CLAUSE_WORDS:
            return True
        return nxt.kind == "word" and names_number(nxt.value) and nxt.value[:1].isdigit() and self.peek(2).kind == ":"

    def added(self) -> Amendment:
        """``Add to section 5.1.1: 'x'``: words at the end of the clause (a new clause when they
        start with their own number); ``Add 5.1.5: 'x'``: a new clause with that number."""
        start = self.peek().start
        self.take()
        if self.accept("to"):
            ref = self.number_ref(self.reference(lambda t: False, "the clause added to"))
            if not self.colon():
                raise self.fail("':' and the words added")
            words = self.new_text("the words added (quoted)")
            numbered, text = own_label(words)
            if numbered is None:
                return Amendment("insert_words", clause=ref, words=words, at="end")
            cid = derived_id(self.source[start : self.pos], text)
            return Amendment("insert_clause", new_clause=Clause(cid, text=text), into=ref, numbered=numbered)
        number = self.take().value
        self.colon()
        numbered, text = own_label(self.new_text("the new clause's text (quoted)"))
        if numbered not in (None, number):
            raise self.lex.error(start, f"one number for the new clause, not {number!r} and {numbered!r}")
        cid = derived_id(self.source[start : self.pos], text)
        return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=number)

    def more_deleted(self, first: Amendment) -> list[Amendment]:
        """``Delete section 5.1.4 and section 5.2.6``: after a clause deleted, "and" and another
        citation with the same unit word deletes that one too."""
        unit = (first.clause or "").split(" ", 1)[0].lower()
        out: list[Amendment] = []
        while first.op == "delete_clause" and unit in CLAUSE_WORDS and self.at("and") and self.peek(1).key == unit:
            save = self.pos
            self.take()
            ref = self.number_ref(self.reference(lambda t: t.key == "and", "the clause to delete"))
            if self.peek().kind not in ("end", ";", ".") and not (self.at("and") and self.peek(1).key == unit):
                self.pos = save  # "... and section 5.2.6 and insert ...": not a list of deletions alone
                break
            out.append(Amendment("delete_clause", clause=ref))
        return out
