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
from rulebook.amend.wording.labels import derived_id, strip_number
from rulebook.amend.wording.located import Located
from rulebook.amend.wording.reader import CLAUSE_WORDS, RUN_TOGETHER, labelled_line, names_number
from rulebook.model import Clause
from rulebook.patterns import LazyPattern

__all__ = ["PrintedForms"]

#: A US committee amendment's opening: "Amend the joint resolution, as and if amended, by striking ".
_STRUCK = LazyPattern(
    r"amend\s+the\s+(?:joint\s+|concurrent\s+)?(?:resolution|bill|report)\s*(?:,\s*as\s+and\s+if\s+amended\s*,)?"
    r"\s+by\s+striking\s+(?=(?:item|paragraph|subparagraph|subsection|clause|subclause|subdivision)\s+\(?\w{1,4}\)?\s+of\s)",
    re.IGNORECASE,
)
#: A branch's numbered proposal: "2. Proposal to rename ...", "3. Proposal to change ...".
_PROPOSAL = LazyPattern(r"(?:\d{1,3}[.)]\s+)?proposal\s+to\s+(?=rename\s|change\s)", re.IGNORECASE)
#: "rename the position of Equality Officer to Equality & Diversity Officer.": an office's new name.
_RENAMED = LazyPattern(
    r"rename\s+the\s+(?:position|post|office|role|title)\s+of\s+(?P<old>[A-Z][^'\"‘’“”:;.]*?)\s+to\s+"
    r"(?P<new>[A-Z][^'\"‘’“”:;]*?)\.?\s*$"
)
#: "Branch Bye-Law Rule 16 a) Branch Welfare Fund": the rule's title printed after its citation.
_TITLED_REF = LazyPattern(r"^(?P<ref>.*?\d+\s*\(?[a-z]{1,2}\))\s+(?:[A-Z][\w’'&-]*\s*)+$")
#: A line that starts with a lower-case roman numeral or letter and a full stop ("ii. A maximum ..."): an item.
_DOTTED_ITEM = LazyPattern(r"^[ \t]*(?:[ivx]{1,5}|[a-z])\.[ \t]+\S")
#: The clause's present text printed after the new one, as confirmation: "Existing Rule 16 a) reads – ...".
_EXISTING_READS = LazyPattern(r"\n\s*\n\s*(?:existing|current|present)\b[^\n]*?\breads\b.*$", re.IGNORECASE | re.DOTALL)

_UNIT = "|".join((*CLAUSE_WORDS, "bye-law", "by-law", "standing order"))
#: A line that holds only a citation: a unit word and its number ("Rule 25 (b)").
_CITATION = rf"(?:{_UNIT})\s+\(?[0-9][0-9A-Za-z.]*\)?(?:\s*\([0-9A-Za-z]{{1,4}}\))*"
#: "Existing Rule 25 (b)" on its own line, the old text, "Amended to read" on its own line, the new text.
_EXISTING = LazyPattern(
    rf"(?:existing|current|present)\s+(?P<ref>{_CITATION})[ \t]*\n(?P<old>.+?)\n[ \t]*"
    r"(?P<verb>amended to read|to be amended to read|to read|proposed wording|new wording)[ \t]*:?[ \t]*\n",
    re.IGNORECASE | re.DOTALL,
)
#: "New Rule 25 (d)" on its own line, then the new clause's text.
_NEW = LazyPattern(rf"new\s+(?P<ref>{_CITATION})[ \t]*\n(?P<text>.+)", re.IGNORECASE | re.DOTALL)
#: A resolution's preamble before the change it authorises: "that the delegates to this annual
#: convention ... hereby authorize amending" (no quote, colon or ';' in it).
_AUTHORISED = LazyPattern(
    r"that\s+[^'\"‘’“”`:;]+?\s+(?:hereby\s+)?(?:authori[sz]es?|approves?|agrees?\s+to|resolves?\s+to)\s+"
    r"(?:amending|amend)\s+",
    re.IGNORECASE,
)


#: "That a new rule 17A be inserted to read as follows:" ("A new clause 2.1A is inserted, which shall
#: read as follows:") and the new clause.
_THAT_NEW = LazyPattern(
    rf"(?:that\s+a\s+new\s+(?P<ref>{_CITATION})\s+be|a\s+new\s+(?P<is_ref>{_CITATION})\s+is)\s+(?:inserted|added)"
    r"(?:\s+to\s+read|\s*,\s*which\s+(?:shall|will)\s+read)?(?:\s+as\s+follows)?",
    re.IGNORECASE,
)
#: "(It was unanimously resolved) that the previous dissolution provision (Clause 19) be replaced in
#: its entirety with the following:": the clause described, its citation in brackets.
_DESCRIBED = LazyPattern(
    rf"(?:it\s+was\s+(?:\w+\s+)?resolved\s+)?that\s+(?:the\s+)?[^'\"‘’“”`:;()]*?\((?P<ref>{_CITATION})\)\s+"
    r"be\s+(?:replaced|amended)(?:\s+in\s+its\s+entirety)?\s+(?:with|by|to\s+read\s+as)\s+(?:the\s+)?follow(?:ing|s)",
    re.IGNORECASE,
)
#: A heading in capitals before a new clause's text: two or more words, then a capitalised word.
_CAPITALS = LazyPattern(r"((?:[A-Z][A-Z'’&-]+\s+){2,})(?=[A-Z][a-z])")


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
        ref = new["ref"] or new["is_ref"]
        text = self.block("the new clause's text (after ':' or on the lines below)", ref)
        capitals = _CAPITALS.match(text)
        heading = capitals.group(1).strip() if capitals else None
        text = text[capitals.end() :] if capitals else text
        if RUN_TOGETHER.match(text):  # "Rule 17A Year The year ...": a heading not in capitals, or lost marks
            raise self.lex.error(new.end(), "a heading in capitals (two words or more) or none, then the text")
        cid = derived_id(self.source[start : self.pos], text)
        return [Amendment("insert_clause", new_clause=Clause(cid, text=text, heading=heading), numbered=ref)]

    def added_next(self) -> bool:
        """ "Add to section 5.1.1:" or "Add 5.1.5:" comes next."""
        if self.peek().key not in ("add", "insert"):
            return False
        nxt = self.peek(1)
        if nxt.key == "to" and self.peek(2).key in CLAUSE_WORDS:
            return True
        if nxt.key in CLAUSE_WORDS and self.peek(2).value[:1].isdigit():
            return self.cited_then_quoted()  # "Add rule 44 (g) 'a Women's President'"
        return nxt.kind == "word" and names_number(nxt.value) and nxt.value[:1].isdigit() and self.peek(2).kind == ":"

    def cited_then_quoted(self) -> bool:
        """After "Add": a unit word, a citation (no more than four words) and the new clause's words
        quoted, ending the statement."""
        save = self.pos
        self.take()
        self.take()
        for _ in range(5):
            tok = self.take()
            if tok.kind == "quoted":
                found = self.peek().kind in ("end", ";", ".")
                self.pos = save
                return found
            if tok.kind not in ("word", "(", ")"):
                break
        self.pos = save
        return False

    def added(self) -> Amendment:
        """``Add to section 5.1.1: 'x'``: words at the end of the clause (a new clause when they
        start with their own number); ``Add 5.1.5: 'x'``: a new clause with that number."""
        start = self.peek().start
        self.take()
        if self.accept("to"):
            ref = self.number_ref(self.reference(lambda t: False, "the clause added to"))
            if self.peek().kind not in (":", "dash"):
                raise self.fail("':' and the words added")
            words = self.new_text("the words added (quoted)", (True, False))  # after ':', quoted or not
            numbered, text = own_label(words)
            if numbered is None:
                return Amendment("insert_words", clause=ref, words=words, at="end")
            cid = derived_id(self.source[start : self.pos], text)
            return Amendment("insert_clause", new_clause=Clause(cid, text=text), into=ref, numbered=numbered)
        if self.peek().key in CLAUSE_WORDS:  # "Add rule 44 (g) 'a Women's President'": the new clause's citation
            number = self.reference(lambda t: False, "the new clause's citation")
            text = self.quoted("the new clause's text (quoted)")
            cid = derived_id(self.source[start : self.pos], text)
            return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=number)
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

    def struck_item(self) -> Amendment | None:
        """``Amend the joint resolution, [as and if amended,] by striking ITEM of SECTION and inserting:
        / NEW /``: the item's text anew (its own label and the slashes around it dropped); None
        (nothing taken) when the wording is not of that form."""
        opened = _STRUCK.match(self.source, self.peek().start)
        if opened is None:
            return None
        while self.peek().start < opened.end():
            self.take()
        inner = self.reference(lambda t: t.key == "of", "the item struck")
        self.expect("of", what="'of' and the section the item is in")
        outer = self.reference(lambda t: t.key == "and", "the section the item is in")
        self.expect("and", "inserting", what="'and inserting' and the new text")
        self.colon()
        text = self.source[self.peek().start :].strip()
        self.pos = len(self.source)
        if text.startswith("/") and text.endswith("/") and len(text) > 2:
            text = text[1:-1].strip()
        ref = f"{outer}, {inner}"
        return Amendment("replace_text", clause=ref, text=strip_number(text, ref))

    def proposal(self) -> Amendment | None:
        """A branch's numbered proposal: ``[N.] Proposal to rename the position of X to Y`` (every
        occurrence in the book) or ``[N.] Proposal to change REF [Title] as follows – NEW`` (the
        clause's text anew; a following "Existing REF reads – ..." is confirmation). None (nothing
        taken) when neither comes next."""
        opened = _PROPOSAL.match(self.source, self.peek().start)
        if opened is None:
            return None
        start = self.peek().start
        renamed = _RENAMED.match(self.source, opened.end())
        if renamed is not None:
            self.pos = len(self.source)
            return Amendment("replace_words", old=renamed["old"], new=renamed["new"], throughout=True)
        while self.peek().start < opened.end():
            self.take()
        self.expect("change", what="'change' and the clause")
        ref = self.reference(lambda t: t.key == "as" and self.peek(1).key == "follows", "the clause changed")
        titled = _TITLED_REF.match(ref)
        ref = self.number_ref(titled["ref"] if titled else ref)
        if not re.search(rf"(?:^|\s)(?:{_UNIT})\s+\(?\d", ref, re.IGNORECASE):
            raise self.lex.error(start, "a unit word and its number after 'Proposal to change' (\"Rule 16 a)\")")
        self.expect("as", "follows", what="'as follows' and the new text")
        self.colon()
        text = _EXISTING_READS.sub("", self.source[self.peek().start :]).strip()
        self.pos = len(self.source)
        if not text:
            raise self.lex.error(start, "the new text after 'as follows'")
        later = [line for line in text.splitlines()[1:] if labelled_line().match(line) or _DOTTED_ITEM.match(line)]
        if later:
            raise self.lex.error(
                self.source.find(later[0].strip(), start),
                "one clause's text, not several labelled lines (write each new sub-clause on its own)",
            )
        return Amendment("replace_text", clause=ref, text=strip_number(text, ref))
