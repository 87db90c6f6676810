"""The reader of amendment wording: instructions into statements into operations.

See the package docstring (:mod:`rulebook.amend.wording`) for the grammar.

Examples
--------
>>> [a.op for a in parse_wording("Rule 2: for 'a' substitute 'b'; delete Rule 3 and renumber accordingly")]
['replace_words', 'delete_clause']
"""

from __future__ import annotations

import re
from typing import Any

import attrs

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.labels import derived_id
from rulebook.amend.wording.notices import NoticeForms
from rulebook.amend.wording.reader import CLAUSE_WORDS, STATEMENT_STARTS, placed
from rulebook.amend.wording.tokens import EXAMPLE
from rulebook.amend.wording.words import (
    DELETE_FIRST,
    EVERY_AFTER,
    RELATIVE,
    RENUMBER,
    RENUMBER_WORDS,
    SEPARATORS,
    siblings_named,
)
from rulebook.errors import WordingError
from rulebook.model import Clause
from rulebook.patterns import LazyPattern

__all__ = ["parse_wording"]

#: After a replacement: it is made in every clause of the book.
_THROUGHOUT = tuple(f"throughout the {d}" for d in ("rule book", "rulebook", "rules", "constitution", "standing orders",
                                                      "bye-laws", "byelaws", "document"))  # fmt: skip
#: Words that make ", to ..." a further change rather than the reason for one.
_NOT_PURPOSE = ("after", "before", "insert", "add", "replac", "substitut", "mov", "delet", "remov", "read",
                "renumber", "re-letter")  # fmt: skip
#: A member's motion to amend, as a legislature or a meeting prints it: "Mr. Keenan moves to amend
#: the report in Rule 11B by ...", "I move to amend Rule 3 by ...": the mover, then the clause.
_MOVES = re.compile(
    r"\s*(?:[A-Z][\w'’-]*\.?\s+){1,5}moves?\s+to\s+amend\s+(?:the\s+(?:report|bill|motion|resolution)\s+in\s+)?",
)
#: Joins the edits of one such motion: "; and further amend such paragraph by ...".
_FURTHER = tuple(f"further amend {w} {u} by" for w in ("such", "the same", "that", "this")
                 for u in ("paragraph", "section", "rule", "clause", "subsection"))  # fmt: skip


#: Verbs a resolution puts after "To" ("To replace 'Auditor' with 'Independent Examiner' in Paragraph 12").
_TO_VERBS = ("replace", "add", "insert", "delete", "remove", "change", "substitute")
#: "Conference therefore agrees to insert ...": the meeting's decision, then its infinitive.
_AGREES = re.compile(
    r"(?:the\s+)?conference\s+(?:therefore\s+|also\s+|further\s+)?(?:agrees|resolves|decides)\s+(?=to\s)", re.I
)
#: A part named by its number or label alone ("7", "3.1.1", "(b)", "iv)"): within the clause named before.
_BARE_PART = LazyPattern(r"^(?:\d[\w.]*|\(?[a-z]{1,4}\))$", re.IGNORECASE)


class Parser(NoticeForms):
    """Recursive descent over the tokens of one wording."""

    def __init__(self, source: str, clause: str | None = None, bare: bool = False) -> None:
        super().__init__(source)
        self.default = clause
        self.bare = bare
        self.queued: list[Amendment] = []  # further amendments one action reads (a list of phrases)
        self.moved = False  # the wording is a member's motion: "X moves to amend REF by ..."

    # -- statements ----------------------------------------------------------
    def wording(self) -> list[Amendment]:
        moved = _MOVES.match(self.source)
        if moved is not None and re.match(r"[^'\"‘“`]+?\s+by\s", self.source[moved.end() :]):
            self.pos = moved.end()  # the mover's name is for people; the clause and "by" follow
            self.moved = True
        out: list[Amendment] = []
        current: list[str | None] = [self.default]
        renumbered = False
        while True:
            self.separators()
            tok = self.peek()
            if tok.kind == "end":
                break
            if (agrees := _AGREES.match(self.source, tok.start)) and self.lex.token(agrees.end()).key == "to":
                self.pos = agrees.end()
                tok = self.peek()
            if tok.key == "to" and self.peek(1).key in _TO_VERBS:
                self.take()  # "To replace 'Auditor' with ...": a resolution's infinitive
            notice = None if out else self.notice()  # "Section 8:02 / Current: ... / Proposed: ..."
            if notice is not None:
                out.extend(notice)
                continue
            if tok.key in RENUMBER:
                self.renumber()
                renumbered = True  # "Renumber Rule 3 as Rule 2" alone asks for nothing: numbering is computed
                continue
            if out and out[-1].op == "delete_words" and self.inserted_alone():
                # "DELETE 'Post Graduate'. INSERT 'Postgraduate'.": the words put in the place of those deleted
                deleted = out.pop()
                new = self.quoted()
                out.append(attrs.evolve(deleted, op="replace_words", old=deleted.words, words=None, new=new))
                continue
            save = self.pos
            if self.edge(verb_follows=True) is None:
                self.qualifiers()
                if self.pos != save and self.peek().kind == ":" and self.starts_action_after_colon():
                    self.take()  # "In first paragraph: replace ...": where the phrase stands, then the action
            else:
                self.pos = save
            if self.at("be", "it") or (self.peek().key == "therefore" and "be" in (self.peek(1).key, self.peek(2).key)):
                self.resolution_opened()
            tok = self.peek()
            whole = self.struck_item() if tok.key == "amend" else None  # "Amend the bill ... by striking"
            if whole is None and (tok.key == "proposal" or tok.value[:1].isdigit()):
                whole = self.proposal()  # "2. Proposal to rename the position of ..."
            if whole is None:
                whole = self.rewritten() if tok.key in ("amend", "change", "proposed") else None
            resolved = self.resolved() if tok.key == "that" else None
            amended = self.amended_to() if resolved is None and tok.key == "that" else None
            if amended is not None:  # "That section 5.5 be amended to omit the words 'x', replace with 'y'"
                resolved = self.actions(list(amended))
            if resolved is None and tok.key == "that":
                resolved = self.authorised() or self.that_new()  # "that the delegates ... authorize amending ..."
            elif tok.key == "a" and self.peek(1).key == "new":
                resolved = self.that_new()  # "A new clause 2.1A is inserted, which shall read as follows:"
            printed = self.printed() if tok.key in ("existing", "current", "present", "new", "it", "that") else None
            if printed is not None:
                out.extend(_on(printed, c) for c in current)
            elif resolved is not None:
                out.extend(_on(a, c) for a in resolved for c in current)
            elif whole is not None:
                out.extend(_on(whole, c) for c in current)
            elif tok.key == "throughout" and self.accept_any(*_THROUGHOUT):
                out.extend(self.throughout(tok.start))
            elif whole is not None:
                out.extend(_on(whole, c) for c in current)
            elif self.at("by", "the") and self.peek(2).key in ("deletion", "addition"):
                out.extend(_on(a, c) for a in self.nominal() for c in current)
            elif tok.key in ("after", "before") and self.clause_follows(1):
                if not self.labelled_after_next():  # never a clause named "After Rule 2"
                    raise self.fail(
                        f"'{tok.key}' and quoted words, or a new item: \"After Rule 2 (b), add '(c) Text'\""
                    )
                out.append(self.labelled_after())
            elif self.added_next():
                out.extend(_on(self.added(), c) for c in current)
            elif self.at_new_clause():
                out.extend(self.insert_clause(c, self.bare) for c in current)
            elif tok.key in ("insert", "add") and self.peek(1).key in ("after", "before") and self.clause_follows(2):
                out.append(self.insert_after_clause())
            elif (numbered := self.new_numbered() if tok.key in ("insert", "add") else None) is not None:
                out.extend(_on(numbered, c) for c in current)  # "Insert new D3.2: 'D3.2 Text'"
            elif tok.key in ("insert", "add") and self.peek(1).key == "new" and self.peek(2).key != "sentence":
                self.take()
                self.take()
                raise self.fail("'clause', 'sub-clause', 'rule', 'article', 'section' or 'paragraph'")
            elif self.peek().key in DELETE_FIRST and self.after_verb_is_clause():
                self.verb()
                out.append(self.whole_clause())
                out.extend(self.queued)  # "leave out subsections (3) to (7)": one deletion each
                self.queued.clear()
                out.extend(self.more_deleted(out[-1]))  # "Delete section 5.1.4 and section 5.2.6"
            elif tok.key == "replace" and self.after_verb_is_clause():
                self.take()
                out.append(self.replace_clause())
            elif tok.key == "move" and self.peek(1).key in CLAUSE_WORDS:
                out.append(self.move_clause())
            elif self.starts_action():
                if current == [None] and not self.bare:
                    raise self.fail("the clause amended first, then ':' (as in \"Rule 2: delete 'x'\")")
                out.extend(self.actions(current))
            else:
                at = self.peek().start
                current, heading = self.located(current)
                numbered = self.new_numbered() if self.peek().key in ("insert", "add") else None
                if numbered is not None:  # "In Standing Orders ...: Insert new D3.2: 'D3.2 Text'"
                    out.extend(_on(numbered, c) for c in current)
                    continue
                if not heading and len(current) == 1 and self.at_new_clause():
                    out.append(self.insert_clause(current[0], self.bare))  # "In Rule 2 add a new sub-clause ..."
                    continue
                read = self.actions(current, lead=at)
                if heading:
                    out.extend(self.in_heading(read, at))
                else:
                    out.extend(read)
            if self.peek().kind == "," and self.peek(1).key in ("to", "in", "so"):
                self.purpose()
            if (
                self.peek().kind not in ("end", *SEPARATORS)
                and not self.at("and")
                and not self.at("&")
                and not self.label_next()
                and not self.starts_action()
                and not self.at_clause_ref()
                and not (self.peek().key in RENUMBER and self.peek().value[:1].isupper())  # "'...' Renumber ..."
            ):
                hint = "'and insert' and the new words, " if out and out[-1].op == "delete_words" else ""
                raise self.fail(f"{hint}';', 'and' or the end of the wording")
        if not out and not renumbered:
            raise self.fail("an amendment")
        return siblings_named(out, self.default)

    def inserted_alone(self) -> bool:
        """ "Insert 'x'" alone in its statement (no place, no number): after a deletion, its replacement
        (taken up to the phrase); never a new clause holding the words."""
        found = self.peek().key in ("insert", "add", "substitute") and self.peek(1).kind == "quoted"
        if found and self.peek(2).kind in ("end", ";", "."):
            self.take()
            return True
        return False

    def throughout(self, at: int) -> list[Amendment]:
        """``Throughout the Standing Orders, delete 'X' and insert 'Y'``: replacements made in
        every clause (the same as "... throughout the rule book" after them); nothing else is."""
        if self.peek().kind not in (",", ":"):
            raise self.fail("',' and the replacement made throughout")
        self.take()
        read = self.actions([None])
        if any(a.op != "replace_words" or a.occurrence is not None or a.clause for a in read):
            raise self.lex.error(at, "a replacement made throughout (\"replace 'X' with 'Y' throughout the rules\")")
        return [attrs.evolve(a, throughout=True) for a in read]

    def purpose(self) -> bool:
        """``, to leave the rate unspecified`` (``so as to``, ``in order to``) after a statement: why
        the change is made, for people; it holds no quoted words and runs to ';', '.' or the end."""
        save = self.pos
        if self.peek().kind == ",":
            self.take()
        if not self.accept_any("in order to", "so as to", "to") or self.peek().kind != "word":
            self.pos = save
            return False
        if self.peek().key in ("read", "reads", "the", "end", "start", "beginning") or self.starts_action():
            self.pos = save
            return False
        while self.peek().kind in ("word", ",", "(", ")", "dash"):
            if self.peek().key.startswith(_NOT_PURPOSE) or self.peek().key in CLAUSE_WORDS:
                self.pos = save  # ", to be moved after Rule 5": a change, not a reason
                return False
            self.take()
        if self.peek().kind not in ("end", ";", "."):
            self.pos = save
            return False
        return True

    def separators(self) -> None:
        """Skip what joins statements: ``; . ,``, "and", "then", and item labels "a)", "(b)", "ii."."""
        while True:
            if self.peek().kind in SEPARATORS:
                self.take()
                continue
            if self.accept("and") or self.accept("&") or self.accept("then") or self.accept("also"):
                continue
            if self.accept_any(*_FURTHER):
                continue  # "; and further amend such paragraph by inserting ...": the same clause
            if self.at("in", "addition") and self.peek(2).kind == ",":
                self.accept("in", "addition")  # "In addition, replace ...": joins this statement to the one before
                continue
            if self.lettered_item():  # "B. In Rule 9, change ...": an item of a lettered list
                self.take()
                self.take()
                continue
            resolution = self.peek().kind == "(" and self.peek(2).kind == ")" and self.peek(3).key == "that"
            if self.label_next() or resolution:  # "(a) That Rule 13.1 be amended ...": an item of a list
                self.take()
                self.take()
                if self.peek().kind == ")":
                    self.take()
                continue
            return

    def renumber(self) -> None:
        """ "renumber (the remaining clauses and references) accordingly": numbering is computed, so
        nothing to do; every word is still read, so that nothing after it is dropped."""
        self.take()
        while self.peek().key in RENUMBER_WORDS:
            if self.peek().key == "and" and self.peek(1).key in STATEMENT_STARTS:
                return
            self.take()
        if self.at_clause_ref():  # "Renumber Rule H.6.1.2 (b) as Rule H.6.1.2 (a)": numbering is computed
            self.reference(lambda t: t.key == "as", "the clause renumbered")
            if self.accept("as"):
                self.reference(lambda t: False, "its new number")

    def after_verb_is_clause(self) -> bool:
        """After "delete"/"replace", a clause reference rather than a phrase comes next."""
        save = self.pos
        tok = self.take()
        if tok.key in ("leave", "strike"):
            self.accept("out")
        self.accept_any("the whole of", "the whole", "all of")
        self.accept_any("the existing", "existing")
        bare_unit = self.peek().key in CLAUSE_WORDS and self.peek(1).kind in (",", ".", ";", "end")
        if self.at("the", "clause") or self.at("the", "whole", "clause") or bare_unit:  # "the whole clause,"
            self.pos = save
            return False
        coded = re.match(r"^[A-Z]{1,4}-\d+(?:\.\d+)*$", self.peek().value) and self.peek(1).kind in ("end", ".", ";")
        found = self.at_clause_ref() or self.at_named_part() or bool(coded)  # "delete SO-16.14."
        self.pos = save
        return found

    def every_checked(self, read: list[Amendment], at: int) -> list[Amendment]:
        """Every occurrence is read only for a replacement (docs/motions.md): elsewhere it is refused.
        "wherever it occurs" after the new words says it of the last one."""
        if read and read[-1].occurrence is None and self.accept_any(*EVERY_AFTER):
            read[-1] = attrs.evolve(read[-1], occurrence="all")
        if read and self.accept_any(*_THROUGHOUT):
            if read[-1].op != "replace_words" or read[-1].occurrence is not None:
                example = "\"replace 'X' with 'Y' throughout the rule book\""
                raise self.lex.error(at, f"a replacement made throughout ({example})")
            read[-1] = attrs.evolve(read[-1], throughout=True)
        if self.lined and any(a.occurrence is not None for a in read):
            # "in line 7, leave out the second 'he'": counted in the line, whose words are not known here
            raise self.lex.error(at, "no occurrence after a line (it counts in the line, whose words are unknown)")
        if any(a.occurrence == "all" and a.op != "replace_words" for a in read):
            example = "\"replace every occurrence of 'X' with 'Y'\""
            raise self.lex.error(at, f"a replacement for every occurrence ({example})")
        return read

    def in_heading(self, read: list[Amendment], at: int) -> list[Amendment]:
        """The actions of "Amend the heading": word replacements in the heading, the only kind read there."""
        if any(a.op != "replace_words" for a in read):
            raise self.lex.error(
                at, "a heading changed by replacing words (\"Amend the heading: replace 'X' with 'Y'\")"
            )
        return [attrs.evolve(a, part="heading") for a in read]

    def actions(self, clauses: list[str | None], lead: int | None = None) -> list[Amendment]:
        """One or more actions joined by "and" or ",", each made for every clause named. With ``lead``
        (where the statement's "In REF," starts), an action naming a clause of its own names a part of
        REF: a bare number or label joins REF ("In Appendices, at the end of 7" is "Appendices, 7");
        another citation is refused, never put in REF's place (docs/motions.md)."""
        at = self.peek().start
        read = self.every_checked([self.action(), *self.queued], at)
        self.queued.clear()
        self.qualifiers()
        self.so_it_reads()
        while self.at("and") or self.peek().kind in (",", ";") or self.label_next():
            save = self.pos
            if not self.label_next():
                self.take()
            if self.peek().key in RENUMBER or self.at_new_clause() or not self.starts_action():
                self.pos = save
                break
            at = self.peek().start
            if read[-1].op == "delete_words" and self.inserted_alone():  # "delete 'x'; insert 'y'"
                read[-1] = attrs.evolve(read[-1], op="replace_words", old=read[-1].words, words=None, new=self.quoted())
                continue
            read.extend(self.every_checked([self.action(), *self.queued], at))
            self.queued.clear()
            self.qualifiers()
        if lead is not None and any(clauses):
            read = [self.within(a, lead) for a in read]
        if not any(clauses) and any((a.numbered or "").startswith(RELATIVE) for a in read):
            raise self.lex.error(
                at, 'the clause the new sub-clause goes in, named first ("In clause 3, at end insert ...")'
            )
        return [_on(a, c) for c in clauses for a in read]

    def within(self, a: Amendment, lead: int) -> Amendment:
        """An action of a statement led by "In REF,": the clause it names itself is a part of REF."""
        field = "into" if a.op == "insert_clause" else "clause"
        own = getattr(a, field)
        if not own or own.startswith(RELATIVE) or a.throughout:
            return a
        if _BARE_PART.match(own):
            return attrs.evolve(a, **{field: RELATIVE + own})
        raise self.lex.error(lead, f"one clause: the statement names one, then its action names {own!r}")

    def clause_follows(self, ahead: int) -> bool:
        """A clause reference (not a quoted phrase) starts ``ahead`` tokens on."""
        save = self.pos
        for _ in range(ahead):
            self.take()
        found = self.at_clause_ref()
        self.pos = save
        return found

    def insert_after_clause(self) -> Amendment:
        """``Insert after Paragraph 3.9 [and renumber accordingly]:`` and the new clause's text."""
        start = self.pos
        self.take()
        where = self.take().key
        anchor = self.number_ref(self.reference(lambda t: t.key == "and", f"the clause it goes {where}"))
        if self.at("and") and self.peek(1).key in RENUMBER:
            self.take()
            self.renumber()
        if self.peek().kind not in (":", "dash", "quoted"):
            raise self.fail("':' and the new clause's text")
        text = self.block("the new clause's text (quoted, or after ':')", None)
        cid = derived_id(self.source[start : self.pos], text)
        return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=self.leading,
                         **placed(where, anchor))  # fmt: skip


def _on(a: Amendment, clause: str | None) -> Amendment:
    """An action read once, made for one of the clauses its statement names (none, made throughout)."""
    if a.throughout:
        return a
    relative = a.after or a.before
    if a.op == "insert_clause" and relative and relative.startswith(RELATIVE):
        part = relative[len(RELATIVE) :]  # "in section 39 a), after vi) add ...": "section 39 a), vi)"
        named = f"{clause}, {part}" if clause else part
        a = attrs.evolve(a, after=named) if a.after else attrs.evolve(a, before=named)
    if a.op == "insert_clause" and a.numbered and a.numbered.startswith(RELATIVE):
        a = attrs.evolve(a, numbered=f"{clause}{a.numbered[len(RELATIVE) :]}")  # "clause 3(2A)"
        if not (a.into or "").startswith(RELATIVE):
            return a
    if a.op == "insert_clause" and a.into and a.into.startswith(RELATIVE):
        part = a.into[len(RELATIVE) :]  # none: into the clause named ("by adding paragraph f) as follows")
        return attrs.evolve(a, into=(f"{clause}, {part}" if part else clause) if clause else (part or None))
    if a.op == "insert_clause":
        return a if a.anchor is not None or clause is None else attrs.evolve(a, into=clause)
    if a.clause and a.clause.startswith(RELATIVE):
        part = a.clause[len(RELATIVE) :]
        return attrs.evolve(a, clause=f"{clause}, {part}" if clause else part)
    return Amendment(**{**_fields(a), "clause": a.clause or clause})


def _fields(a: Amendment) -> dict[str, Any]:
    return {k: getattr(a, k) for k in ("op", "old", "new", "words", "after", "before", "into", "text", "heading",
                                        "new_clause", "name", "value", "occurrence", "numbered", "at")}  # fmt: skip


def parse_wording(text: str, clause: str | None = None, *, bare: bool = True) -> tuple[Amendment, ...]:
    """The amendments that conventional wording describes (see the package
    docstring for the grammar).

    Parameters
    ----------
    text
        The instruction as printed.
    clause
        The clause amended when the wording names none (an agenda prints the
        clause above the instructions).
    bare
        Accept a wording that names no clause and no ``clause`` is given:
        its amendments then have ``clause=None`` (for tools that fill it in).

    Raises
    ------
    WordingError
        One line naming the word and column it could not read and a form that works.

    Examples
    --------
    >>> (a,) = parse_wording("Rule 2: after 'members' insert 'and guests'")
    >>> a.op, a.after, a.words
    ('insert_words', 'members', 'and guests')
    >>> (a,) = parse_wording("insert new clause fees.late after Rule 2: 'Late payers pay double.'")
    >>> a.after, a.new_clause.id, a.new_clause.text
    ('Rule 2', 'fees.late', 'Late payers pay double.')
    >>> (a,) = parse_wording("Rule 2: set provision fee to {amount: 5, currency: GBP}")
    >>> a.name, dict(a.value)
    ('fee', {'amount': 5, 'currency': 'GBP'})
    >>> [a.clause for a in parse_wording("Delete ‘she/he’ and replace with ‘they’", "Rule C 3")]
    ['Rule C 3']
    >>> parse_wording("Rule 2: delete '5' snd insert '6'")
    Traceback (most recent call last):
    ...
    rulebook.errors.WordingError: cannot read the wording "Rule 2: delete '5' snd insert '6'" at word 5 ...
    """
    if not isinstance(text, str) or not text.strip():
        raise WordingError(f"the wording is empty; write the amendment out, {EXAMPLE}")
    try:
        return tuple(Parser(text, clause, bare).wording())
    except WordingError as error:
        read = _closed_at_end(text, clause, bare) if "never closed" in str(error) else None
        if read is None:
            raise
        return read


#: The closing mark of each opening quote mark.
_CLOSING = {"‘": "’", "“": "”", '"': '"', "'": "'"}


def _closed_at_end(text: str, clause: str | None, bare: bool) -> tuple[Amendment, ...] | None:
    """A wording whose only quote mark opens new words and is never closed (its closing mark lost in
    print: "To add to the end of Paragraph 12 ‘The Independent Examiner ... Association."): read with
    the quote closed at the end, when the words from the mark to the end end a sentence and are the
    new words of an amendment read; None otherwise (the error stands)."""
    marks = [i for i, ch in enumerate(text) if ch in "'\"‘’“”`"]
    if len(marks) != 1 or text[marks[0]] not in _CLOSING or (marks[0] and not text[marks[0] - 1].isspace()):
        return None
    tail = " ".join(text[marks[0] + 1 :].split())
    if not tail.endswith((".", "!", "?")):
        return None  # "... 36 months;": the words may go on, cut off with their closing mark
    try:
        read = tuple(Parser(text.rstrip() + _CLOSING[text[marks[0]]], clause, bare).wording())
    except WordingError:
        return None
    new = [a.new or a.text or (a.new_clause.text if a.new_clause else None) for a in read]
    new += [a.words for a in read if a.op == "insert_words"]
    return read if any(n is not None and " ".join(n.split()) == tail for n in new) else None
