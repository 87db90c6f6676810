"""The clause a statement names, and where its actions start.

``[In | Amend] [the heading of] REF [locator] [: , -]`` opens most statements
(docs/motions.md, "Conventional wording"): the reference is read up to the
first action, its locators and title set aside. What it keeps must look like a
citation: a word that starts an action never stands in one, so a reference that
swallowed an action is refused, never looked for in the book.

Examples
--------
>>> from rulebook.amend.wording import parse_wording
>>> [(a.op, a.clause) for a in parse_wording("In Rule 25 (Vacancies), delete 'x'")]
[('delete_words', 'Rule 25')]
"""

from __future__ import annotations

import re

from rulebook.amend.wording.reader import (
    ACTION_STARTS,
    CLAUSE_WORDS,
    STATEMENT_STARTS,
    described_tail,
    names_number,
    split_refs,
)
from rulebook.amend.wording.words import DELETE_FIRST, INSERT, WordActions

__all__ = ["GERUNDS", "Located"]

#: Actions in the "-ing" form, after "by": "Subsection 33(f)(i) by striking out the number 35 ...".
GERUNDS = ("striking", "deleting", "inserting", "adding", "substituting", "omitting", "removing", "replacing")
#: Verbs that start an action and never stand in a citation.
_NEVER_CITED = frozenset(
    ("delete", "insert", "replace", "substitute", "remove", "omit", "strike", "add", "by", *GERUNDS)
)

#: A whole document named before ':' ("In Standing Orders for Conduct of Conference:"): no number in it.
_DOCUMENT = re.compile(
    r"(?:the\s+)?(?:standing\s+orders|constitution|rules|rule\s*book|by-?laws|bye-?laws)(?:\s+(?:for|of)\s+[A-Z][^\d:]*)?",
    re.IGNORECASE,
)
#: The subject of a US amendatory instruction, up to "is (further) amended by", holding no quote.
_AMENDED = re.compile(r"([^'\"`‘’“”:;]+?)\s+is\s+(?:further\s+)?amended\s+by\b", re.IGNORECASE)

#: What says that the clause named next is changed in its heading, not its text.
_HEADING_OF = ("the heading of", "the heading for", "the chapter heading for", "the heading to", "the title of",
               "heading of", "the heading of the")  # fmt: skip

#: Words that may follow a verb that starts an action ("delete the words", "replace it with").
_AFTER_VERB = ("the", "these", "this", "with", "text", "existing", "heading", "it", "words", "word", "wording")


class Located(WordActions):
    """The clause reference that opens a statement, and the test for an action starting."""

    moved: bool  # the wording is a member's motion ("X moves to amend REF by ..."): set by the parser

    def titled_quote(self) -> bool:
        """A quoted title and a comma, then an action: the clause's title after its citation."""
        save = self.pos
        self.take()
        self.take()
        found = self.starts_action()
        self.pos = save
        return found

    def starts_action_after_colon(self) -> bool:
        """After a ':' an action starts (not a clause reference or new text)."""
        save = self.pos
        self.take()
        found = self.starts_action()
        self.pos = save
        return found

    def starts_action(self) -> bool:
        """True when the next tokens begin an action rather than a clause reference."""
        save = self.pos
        self.qualifiers()
        tok, nxt = self.peek(), self.peek(1)
        found = False
        if tok.key in ("leave", "strike") or (tok.key == "striking" and nxt.key == "out"):
            found = nxt.key == "out" or (tok.key == "strike" and nxt.kind == "quoted")
        elif tok.kind == "quoted":
            found = self.quoted_first(start=True) is not None  # "'x' change to 'y'": the words first
        elif tok.key in ("set",) or (tok.key == "remove" and nxt.key == "provision"):
            found = nxt.key == "provision"
        elif tok.key == "change":
            found = True
        elif tok.key == "for":
            found = nxt.kind == "quoted" or nxt.key == "the"
        elif tok.key == "at":
            found = nxt.key in ("the", "end", "start", "beginning")
        elif tok.key in ("removal", "deletion"):
            found = nxt.key == "of" and self.peek(2).kind == "quoted"
        elif tok.key in INSERT and nxt.key in ("at", "after", "before", "new", "a"):
            found = True
        elif tok.key in INSERT and nxt.key == "to":
            found = self.peek(2).key == "list" or (self.peek(2).key == "the" and self.peek(3).key in ("list", "end"))
        elif tok.key == "replace" and nxt.kind == "word" and nxt.value[:1].isdigit() and names_number(nxt.value):
            found = self.peek(2).key == "with" or (self.peek(2).kind == "," and self.peek(3).key == "with")
        elif tok.key in ACTION_STARTS and tok.key != "in":
            found = nxt.kind in ("quoted", ":", "dash", ",") or nxt.key in _AFTER_VERB or self.sentence_quoted(1)
            found = found or (tok.key in INSERT and nxt.key == "sentence" and self.peek(2).kind == ":")
            if not found and tok.key in DELETE_FIRST:
                self.take()
                found = self.label_replaced()  # "delete b) and insert: ...": a part of the clause named
        self.pos = save
        return found

    def located(self, current: list[str | None]) -> tuple[list[str | None], bool]:
        """``[In | Amend] [the heading of] REF [locator] [: , -]`` before the actions on that clause
        (or clauses), and whether they change its heading. "Amend the heading -" names no clause:
        the actions change the heading of the ``current`` one."""
        start = self.peek().start
        self.accept_any(*(f"give {n} reading to" for n in ("first", "second", "third", "final")))
        self.accept("in") or self.accept("amend")
        self.accept("existing")  # "In existing Schedule B 2.3": the clause as it stands
        heading = self.accept_any(*_HEADING_OF)
        if not heading and self.accept_any("the heading", "the title", "heading", "title"):
            if not self.colon() and not self.accept_any(","):
                raise self.fail("':' or a dash after 'the heading'")
            return current, True

        # "The item relating to chapter 74 in the table ... is amended by": the whole subject names the
        # clause, even where a word in it ("at the beginning of") could start an action
        subject = _AMENDED.match(self.source, self.peek().start)

        def stop(tok: object) -> bool:
            if subject is not None:
                return self.peek().start >= subject.end(1)
            if self.peek().key == "amend" and self.peek(1).key in ("the", "title", "heading"):
                return True  # "Rule D 2.5 Amend title – replace ...": the clause, then its heading changed
            if self.peek().key == "by" and self.peek(1).key in GERUNDS:
                return True  # "Subsection 33(f)(i) by striking out ...": an item of "be amended as follows"
            keys = (*ACTION_STARTS, "change", "removal", "deletion")
            return self.peek().start > start and self.peek().key in keys and self.starts_action()

        ref = self.number_ref(self.reference(stop, "the clause amended (an id or citation), then ':'"))
        ref = self.dotted_parts(ref)  # "Bylaw 4. Section 4. Add sentence: ...": "Bylaw 4, Section 4"
        if self.peek().kind == "." and self.peek(1).kind == "dash" and ref[-1:].isdigit():
            self.take()  # "Article 8.1.2. – change ...": a full stop closing the number, then the dash
        if _DOCUMENT.fullmatch(ref) and self.peek().kind == ":" and self.take():
            return current, False  # "In Standing Orders for Conduct of Conference: ...": the book, not a clause
        if subject is not None:
            self.accept("is")
            self.accept("further")
            self.accept("amended")
            self.accept("by")
            ref = re.sub(r"^the\s+", "", ref, flags=re.IGNORECASE)
        if self.moved and ref.lower().endswith(" by"):
            ref = ref[:-3].rstrip()  # "moves to amend ... Rule 11B by inserting ..."
        self.citation_checked(ref, start)
        by = self.at("by") and self.peek(1).key in GERUNDS and self.accept("by")
        if self.peek().kind == "quoted" and self.peek(1).kind == "," and self.titled_quote():
            self.take()  # "In standing order 1.1, 'what is on the agenda', delete ...": its title, for people
            self.take()
        if self.at("amend") and self.peek(1).key in ("the", "title", "heading"):
            self.take()
            if not (self.accept_any("the heading", "the title", "heading", "title") and self.colon()):
                raise self.fail("'Amend the heading' and ':' or a dash, then the replacement")
            return list(split_refs(ref)), True
        if any(w.lower() in ("heading", "title") for w in ref.split()):
            raise self.lex.error(
                start, "a clause; to change a heading write \"Rule 2: replace the heading with 'New'\""
            )
        if self.peek().kind in (":", "dash") or (self.peek().kind == "," and self.peek(1).key in STATEMENT_STARTS):
            if self.take().kind == "dash":
                self.titled()  # "Section 3 – Forums Amend: ...": the clause's title, for people
        elif not (by or self.starts_action()):
            raise self.fail("':' after the clause reference")
        number = self.peek(1).value
        if self.at("in") and number[:1].isdigit() and names_number(number) and self.peek(2).kind == ",":
            ref = f"{ref}, {number}"  # "In Appendices, Conference Regulations, in 3.3.2, insert ...": a part
            for _ in range(3):
                self.take()
        return list(split_refs(ref)), heading

    def dotted_parts(self, ref: str) -> str:
        """A citation printed in parts, each a unit word and its number closed by a full stop ("Bylaw 4.
        Section 4."): the parts outermost first, joined by ','. The reference unchanged otherwise."""
        while (
            self.peek().kind == "."
            and self.peek(1).key in CLAUSE_WORDS
            and self.peek(1).value[:1].isupper()
            and names_number(self.peek(2).value)
            and self.peek(3).kind == "."
            and len(ref.split()) == 2
            and ref.split()[0][:1].isupper()
        ):
            self.take()
            ref = f"{ref}, {self.take().value} {self.take().value}"
            self.take()
        return ref

    def citation_checked(self, ref: str, start: int) -> None:
        """Refuse a reference that holds a word starting an action ("2.14 DELETE ..."): no citation
        holds one, so the reference ran past where the action starts, and the words it swallowed
        would be looked for as a clause (docs/motions.md, "Where a phrase stands")."""
        words = re.findall(r"[^\s,;:()]+", ref)
        for word in words[1:]:
            if word.lower() in _NEVER_CITED:
                self.pos = start
                at = start + self.source[start:].find(word)
                raise self.lex.error(
                    at,
                    f"a clause reference, which never holds {word!r}: quote the words the action works on"
                    " (as in \"Rule 2.14: delete 'Post Graduate' and insert 'Postgraduate'\")",
                )
        tail = described_tail(ref)
        if tail is not None:
            self.pos = start
            raise self.lex.error(
                start + self.source[start:].find(tail),
                f"a clause reference, which never ends in {tail!r}: cite the clause alone, then ':'",
            )

    def titled(self) -> None:
        """Skip a clause's title after its reference and a dash, when capitalised words run up to
        "Amend:" ("Section 3 – Forums Amend: ..."); nothing taken otherwise."""
        save = self.pos
        while self.peek().kind == "word" and self.peek().value[:1].isupper() and not self.at("amend"):
            self.take()
        if not (self.pos > save and self.at("amend") and self.peek(1).kind == ":"):
            self.pos = save
