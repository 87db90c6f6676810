"""Small forms of word edits: the deleting verbs, marks named in words ("a full stop"),
"between ... insert", "add to the list", "change X to Y" and a new heading by "change".

See the package docstring (:mod:`rulebook.amend.wording`) for the grammar.

Examples
--------
>>> from rulebook.amend.wording import parse_wording
>>> [(a.op, a.clause, a.heading) for a in parse_wording("Change section 2 title to 'General Meetings'")]
[('replace_text', 'section 2', 'General Meetings')]
"""

from __future__ import annotations

import functools
import re

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.labels import derived_id, strip_number
from rulebook.amend.wording.phrases import EVERY, EVERY_AFTER, Phrases
from rulebook.amend.wording.reader import (
    CLAUSE_WORDS,
    PLURALS,
    STATEMENT_STARTS,
    placed,
    split_refs,
)
from rulebook.errors import WordingError
from rulebook.model import Clause
from rulebook.patterns import LazyPattern

__all__ = ["DELETE", "DELETE_FIRST", "INSERT", "EditForms", "own_label", "same_shape"]

DELETE = ("delete", "remove", "omit", "leave out", "strike out", "strike", "striking out", "striking", "cut",
          "deleting", "omitting", "removing")  # fmt: skip
INSERT = ("insert", "add", "substitute", "inserting", "adding", "substituting")
#: What may follow a lettered item's label ("B. In Rule 9, ...").
_STARTS = (*STATEMENT_STARTS, "that", "by", "be", "amend")
DELETE_FIRST = frozenset(w.split()[0] for w in DELETE)
#: Punctuation marks named in words ("delete the full stop after 'above'").
_MARKS = {"full stop": ".", "period": ".", "comma": ",", "semicolon": ";", "semi-colon": ";", "colon": ":"}


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
# Unquoted words that name a clause or its title, never words of its text ("section 2 title").
@functools.cache
def _names_clause() -> re.Pattern[str]:
    return re.compile(
        r"\b(?:title|heading)\b|\b(?:clause|sub-clause|rule|article|section|paragraph|schedule|appendix|chapter)s?"
        r"\s+\(?[0-9A-Z]",
        re.IGNORECASE,
    )


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
# The number a new clause's text starts with: a dotted number ("2.9", "2.3.1"), "5." or "(b)".
@functools.cache
def _own_label() -> re.Pattern[str]:
    return re.compile(r"^(?:\d+(?:\.\d+)+[A-Za-z]?|\d{1,3}[A-Za-z]?\.|\([0-9A-Za-z]{1,4}\))$")


#: A bracketed item label after a dotted number, set apart ("8.2 (a). Text"): part of the number.
_ITEM_AFTER = LazyPattern(r"(\([0-9A-Za-z]{1,4}\))\.?\s")


def same_shape(label: str, last: str, opening: bool = True) -> bool:
    """Two item labels of one list: the same closing mark and the same kind of characters
    ("ii)" and "iii)", "(b)" and "(c)", "4." and "5."); with ``opening``, the same first character
    too ("ii)" and "iii)", but not "g)" and "h)")."""
    if len(label) < 2 or len(last) < 2 or label[-1] != last[-1] or label[-1] not in ").":
        return False
    a, b = label.strip("().")[:5], last.strip("().")[:5]
    kinds = (str.isdigit, str.islower, str.isupper)
    first = label[0] == last[0] if opening else (label[0] == "(") == (last[0] == "(")
    return bool(a) and bool(b) and first and any(k(a) and k(b) for k in kinds)


def own_label(text: str) -> tuple[str | None, str]:
    """The number a new clause's text starts with, and the text without it; ``(None, text)``
    when it starts with none (a plain number such as "28 days" is words, not a label).

    Examples
    --------
    >>> own_label("2.9 The agenda is sent with the notice.")
    ('2.9', 'The agenda is sent with the notice.')
    >>> own_label("8.2 (a). Alternates are members.")
    ('8.2 (a)', 'Alternates are members.')
    >>> own_label("28 days notice is given.")
    (None, '28 days notice is given.')
    """
    first, _, rest = text.partition(" ")
    item = _ITEM_AFTER.match(rest) if "." in first and _own_label().match(first) else None
    if item is not None and rest[item.end() :].strip():
        return f"{first} {item.group(1)}", rest[item.end() :].strip()  # "8.2 (a). As per ...": an item of 8.2
    if rest.strip() and _own_label().match(first):
        return first.rstrip("."), rest.strip()
    return None, text


#: What may stand between "deletion from REF of" and the words deleted (the words then hold the mark).
_MARKS_AND_WORDS = tuple(f"the {m} and {w}" for m in ("comma", "commas", "semicolon", "full stop")
                         for w in ("words", "word")) + ("the words", "the word")  # fmt: skip
#: Unquoted words after "change (the)" that name a place in the text, not the words there.
_PLACE_NAMED = LazyPattern(
    r"(?:first|second|third|fourth|fifth|last|final|opening|closing|\d+(?:st|nd|rd|th))\s+"
    r"(?:sentence|paragraph|line|word|bullet(?: point)?|item|part|phrase)s?$",
    re.IGNORECASE,
)
#: What a resolution says of a clause whose whole text it prints: "That Rule 28(i) be amended to read: ...".
_RESOLVED = (
    "be amended to read", "be amended so that the rule reads", "be amended so that it reads", "be amended as follows",
    "be deleted and replaced by the following", "be deleted and replaced with the following",
    "be replaced by the following", "be replaced with the following",
    "is amended to read", "is hereby amended to read", "be hereby amended to read", "to read",
)  # fmt: skip
#: The document named before the clause in a resolution ("That the International Union Constitution,
#: Article IX, Section 19, is amended to read as follows:"): capitalised words ending in its kind.
_DOCUMENT_FIRST = LazyPattern(
    r"the\s+(?:[A-Z][\w’'-]*\s+){0,5}(?:Constitution|Rules|Rule\s+Book|By-?[Ll]aws|Bye-?[Ll]aws|Standing\s+Orders)\s*,\s*"
)


class EditForms(Phrases):
    """The deleting verbs and the smaller forms of word edits."""

    def verb(self) -> str:
        """Take a deleting verb ("delete", "leave out", "strike out", ...) and return it."""
        for words in DELETE:
            if self.accept(*words.split()):
                return words
        raise self.fail("'delete'")

    def between(self) -> Amendment:
        """``Between 'to' and 'win' insert 'run and'``: the two words side by side, the new ones put between."""
        self.take()
        first = self.quoted()
        self.expect("and", what="'and' and the quoted words after the gap")
        second, occurrence = self.phrase("the quoted words after the gap")
        if self.peek().kind == ",":
            self.take()
        if self.peek().key not in INSERT:
            raise self.fail("'insert' and the quoted words")
        self.take()
        new = self.new_text("the words to insert (quoted)")
        return Amendment("replace_words", old=f"{first} {second}", new=f"{first} {new} {second}", occurrence=occurrence)

    def to_list(self) -> Amendment:
        """``add to (the) list (of service groups) before 'X', 'Y'``: a new item 'Y' put before (or after) 'X'."""
        while self.peek().kind == "word" and self.peek().key not in ("after", "before"):
            self.take()  # what the list is of: it only says where
        where = self.peek().key
        if where not in ("after", "before"):
            raise self.fail("'after' or 'before' and the quoted item it goes next to")
        self.take()
        anchor, occurrence = self.phrase(f"the quoted item to add {where}")
        if self.peek().kind == ",":
            self.take()
        words = self.quoted("the new item, quoted")
        return Amendment("insert_words", words=words, occurrence=occurrence, **placed(where, anchor))

    def mark_deleted(self) -> str | None:
        """``delete the full stop`` (comma, semicolon, colon) after a phrase: the mark deleted."""
        save = self.pos
        if self.peek().key in DELETE_FIRST:
            self.verb()
            self.accept("the")
            for words, mark in _MARKS.items():
                if self.accept(*words.split()):
                    return mark
        self.pos = save
        return None

    def named_mark(self) -> str | None:
        """``a full stop`` (comma, semicolon, colon) as the new words: the mark."""
        for words, mark in _MARKS.items():
            if self.accept("a", *words.split()):
                return mark
        return None

    def change(self) -> Amendment:
        """``change [the] X to Y``, the words quoted or not; ``change REF title to 'Y'`` and
        ``change the title of REF to 'Y'`` give the clause a new heading. Unquoted words that
        name a clause or a title are refused, never looked for in the text."""
        self.take()
        if self.at("to") and self.peek(1).kind == "quoted":  # "Section 14.2 (e) change to 'x'": all its text
            self.take()
            return Amendment("replace_text", text=self.quoted())
        self.accept("the")
        for filler in ("reference to", "name of the", "name of", "words", "word"):  # "change the name of the 'x'"
            words = filler.split()
            if self.at(*words) and self.peek(len(words)).kind == "quoted":
                self.accept(*words)
        if self.peek().kind == "quoted" or any(self.at(*w.split()) for w in EVERY):
            old, occurrence = self.phrase("the words to change")
            clauses = self.clauses_changed()
            self.expect("to", what="'to' and the new words")
            new = self.new_text("the new words", self.elided)
            if occurrence is None and self.accept_any(*EVERY_AFTER):
                occurrence = "all"  # "change 'X' to 'Y' in both instances"
            clauses = clauses or self.clauses_changed()
            read = [Amendment("replace_words", clause=c, old=old, new=new, occurrence=occurrence) for c in clauses]
            self.queued.extend(read[1:])
            return read[0] if read else Amendment("replace_words", old=old, new=new, occurrence=occurrence)
        heading = self.new_heading()
        if heading is not None:
            return heading
        start = self.peek().start
        while self.peek().kind == "word" and self.peek().key != "to":
            self.take()
        old = self.source[start : self.peek().start].strip()
        if _PLACE_NAMED.match(old):  # "change the first sentence to ...": a place, not the words there
            raise self.lex.error(start, "the words to change, quoted: a sentence or line named by its place is not")
        if _names_clause().search(old):
            raise self.lex.error(
                start,
                "the words to change, quoted (these name a clause or a title): \"change 'x' to 'y'\", or for a "
                "heading \"change the title of Rule 2 to 'Fees'\"",
            )
        if not old or not self.accept("to"):
            raise self.fail("the words to change, then 'to' and the new words (as in \"change '15' to '10'\")")
        if self.peek().kind == "quoted":
            return Amendment("replace_words", old=old, new=self.quoted())
        begin = self.peek().start
        while self.peek().kind == "word":
            self.take()
        new = self.source[begin : self.pos].strip()
        if not new:
            raise self.fail("the new words after 'to'")
        return Amendment("replace_words", old=old, new=new)

    def resolved(self) -> list[Amendment] | None:
        """A resolution: ``That REF [of the DOCUMENT] be amended to read BLOCK`` (or "be amended
        so that the rule reads", "be deleted and replaced by the following"): the clause's whole
        text anew; ``That the following UNITs be deleted [and renumbered accordingly]: REF, REF``.
        None (nothing taken) when the words after "that" are not one of those."""
        save = self.pos
        self.take()
        if self.accept_any("the following be added as", "the following be inserted as") and self.at_clause_ref():
            # "Be it resolved that the following be added as Article 17.6 of the Bylaws: 17.6 Text"
            ref = self.number_ref(self.reference(lambda t: False, "the citation the new clause will have"))
            text = self.block("the new clause's text (after ':')", ref)
            cid = derived_id(self.source[save : self.pos], text)
            return [Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=ref)]
        if self.accept_any("the following") and self.peek().key in PLURALS:
            self.take()
            if self.accept_any("be deleted and renumbered accordingly", "be deleted") and self.colon():
                start = self.peek().start
                refs = [r.strip() for r in self.reference(lambda t: False, "the clauses to delete").split(",")]
                if not all(r.split()[0].lower() in CLAUSE_WORDS or r[:1].isdigit() for r in refs if r):
                    raise self.lex.error(start, "clause references separated by ','")
                return [Amendment("delete_clause", clause=r) for r in refs]
            self.pos = save
            return None
        document = _DOCUMENT_FIRST.match(self.source, self.peek().start)
        if document is not None:  # "That the International Union Constitution, Article IX, ...": the book
            while self.peek().start < document.end():
                self.take()
        if self.at_clause_ref():
            first = self.peek().start
            ref = self.reference(
                lambda t: t.key in ("be", "is") or self.at("to", "read") or self.printed_at(first) is not None,
                "the clause whose text is replaced",
            )
            if (printed_at := self.printed_at(first)) is not None:
                while self.peek().start < printed_at:
                    self.take()  # the rule's title and the page it is printed on, after its citation
            if self.peek().kind == "dash" and self.capitals_then_comma():
                # "Rule 9.1 – ELECTION OF OFFICERS, subrule (8)": the rule's heading, printed for people
                while self.take().kind != ",":
                    pass
                ref = f"{ref}, {self.reference(lambda t: t.key == 'be', 'the part of the rule')}"
            ref = self.number_ref(ref)
            if self.accept_any(*_RESOLVED):
                return [Amendment("replace_text", clause=ref, text=self.block("the new text (after ':')", ref))]
            if self.accept("be", "amended", "by", "replacing"):  # "That Rule 3.11 (a) be amended by replacing"
                return [Amendment("replace_words", clause=ref, **self.replacing())]
            if self.accept("be", "amended", "by", "the", "deletion", "of"):
                # "That Rule 4, subrule (2), be amended by the deletion of the words 'x' and their replacement
                # with the words 'y'"
                self.filler()
                old, occurrence = self.phrase("the words deleted (quoted)")
                if not self.accept_any(*(f"and {p} replacement with" for p in ("their", "its", "the"))):
                    return [Amendment("delete_words", clause=ref, words=old, occurrence=occurrence)]
                self.filler()
                new = self.quoted("the new words (quoted)")
                return [Amendment("replace_words", clause=ref, old=old, new=new, occurrence=occurrence)]
        self.pos = save
        return None

    def quoted_first(self, start: bool) -> Amendment | None:
        """The words as they stand, quoted first, then ``change to`` (or ``add``) and the new words
        quoted: a residents' notice's ``"x" change to "y"``, ``"x" add "y"`` (the new words after
        them). With ``start`` only says whether that form comes next; None (nothing taken) if not."""
        save = self.pos
        if self.peek().kind != "quoted":
            return None
        self.take()
        if self.peek().kind == "." and self.peek(1).key in ("change", "add"):
            self.take()  # “... resign”.\nchange to\n“...”: the sentence's full stop outside the quote
        change = self.accept("change", "to")
        found = (change or self.accept("add")) and self.peek().kind == "quoted"
        self.pos = save
        if start or not found:
            return None if not found else Amendment("replace_words")
        old, occurrence = self.phrase("the words as they stand (quoted)")
        if self.peek().kind == ".":
            self.take()
        if self.accept("change", "to"):
            return Amendment("replace_words", old=old, new=self.quoted("the new words (quoted)"), occurrence=occurrence)
        self.expect("add", what="'change to' or 'add'")
        return Amendment(
            "insert_words", after=old, words=self.quoted("the words added (quoted)"), occurrence=occurrence
        )

    def instead(self) -> Amendment | None:
        """``. Insert instead: NEW`` after the clause deleted: its text anew (a block loses its own
        label, "(b) ..."); None (nothing taken) when no such sentence follows."""
        if self.peek().kind == "." and self.peek(1).key in INSERT and self.peek(2).key == "instead":
            for _ in range(3):
                self.take()
            new = self.new_text("the new text (quoted, or after ':')")
            return Amendment("replace_text", text=new if self.quoted_new else strip_number(new))
        return None

    def own_unit_anew(self) -> Amendment | None:
        """``the subsection. Insert instead: NEW`` (section, paragraph, rule, ...) after a deleting verb:
        the clause the statement names, its text anew. Never read without the replacement: "delete
        the paragraph" alone may mean a paragraph within the clause. None (nothing taken) otherwise."""
        if not (self.at("the") and self.peek(1).key in CLAUSE_WORDS and self.peek(2).kind == "."):
            return None
        save = self.pos
        self.take()
        self.take()
        anew = self.instead()
        if anew is None:
            self.pos = save
        return anew

    def heading_cited(self) -> bool:
        """``to REF`` / ``of REF`` after "delete the heading": "to" taken when a citation follows (a
        unit word may come after one capitalised word: "Divisional Rule 46")."""
        save = self.pos
        self.take()
        if self.at_clause_ref() or (self.peek().value[:1].isupper() and self.peek(1).key in CLAUSE_WORDS):
            return True
        self.pos = save
        return False

    def heading_of(self) -> Amendment:
        """``delete the heading to REF and replac(e|ing) it with the following heading: NEW``: the
        clause's new heading, without the clause's own number printed before it ("46 - ")."""
        ref = self.number_ref(self.reference(lambda t: t.key == "and", "the clause whose heading goes"))
        self.expect("and", what="'and replace it with' and the new heading")
        if not (self.accept("replace") or self.accept("replacing")):
            raise self.fail("'replace it with' and the new heading")
        self.accept("it")
        if not (self.accept("with") or self.accept("by")):
            raise self.fail("'with' and the new heading")
        self.accept_any("the following heading", "the following", "the heading")
        self.colon()
        heading = self.new_text("the new heading (quoted)")
        own = ref.split()[-1]
        if heading.startswith(own) and re.match(r"\s*[-–—:.]\s", heading[len(own) :]):
            heading = heading[len(own) :].lstrip(" -–—:.")
        return Amendment("replace_text", clause=ref, heading=heading)

    def resolution_opened(self) -> None:
        """``[Therefore,] Be it (further | lastly) resolved to ...`` (or ``... [,] that``): opening words,
        never a clause; "that" is left for the resolution forms, "to" is taken before the action."""
        if self.peek().key == "therefore":
            self.take()  # "THEREFORE, BE IT RESOLVED that ...": the preamble's last word
            if self.peek().kind == ",":
                self.take()
        self.accept("be", "it")
        self.accept_any("further", "lastly", "finally", "also")
        self.expect("resolved", what="'resolved' after 'Be it'")
        if self.peek().kind in (",", ":") and self.peek(1).key == "that":
            self.take()  # "BE IT FURTHER RESOLVED, that ...", "BE IT RESOLVED: That ..."
        if not self.at("that") and not self.accept("to"):
            raise self.fail("'to' or 'that' after 'Be it resolved'")

    def nominal(self) -> list[Amendment]:
        """A company resolution's items, in nouns: ``By the deletion from REF of the words Q [and the
        substitution therefor of Q]``, ``By the deletion of REFS [and the substitution therefor of
        (the following) BLOCK]``, ``By the addition at the end of REF of the words Q``."""
        self.expect("by", "the")
        noun = self.take().key
        if noun == "addition":
            self.expect("at", "the", "end", "of", what="'at the end of' and the clause")
            ref = self.number_ref(self.reference(lambda t: t.key == "of", "the clause added to"))
            self.expect("of", what="'of the words' and the quoted words")
            self.filler()
            return [Amendment("insert_words", clause=ref, words=self.quoted("the words added (quoted)"), at="end")]
        if noun != "deletion":
            raise self.fail("'deletion' or 'addition' after 'By the'")
        if self.accept("from"):
            ref = self.number_ref(self.reference(lambda t: t.key == "of", "the clause the words are deleted from"))
            self.expect("of", what="'of the words' and the quoted words")
            self.accept_any(*_MARKS_AND_WORDS)
            old, occurrence = self.phrase("the words deleted (quoted)")
            if not self.substituted():
                return [Amendment("delete_words", clause=ref, words=old, occurrence=occurrence)]
            self.filler()
            new = self.quoted("the words substituted (quoted)")
            return [Amendment("replace_words", clause=ref, old=old, new=new, occurrence=occurrence)]
        self.expect("of", what="'of' and the clauses deleted, or 'from' and a clause")
        if not self.at_clause_ref():
            raise self.fail("the clauses deleted (as 'Article 12'), or 'from' and a clause")
        ref = self.number_ref(self.reference(lambda t: t.key == "and" and self.peek(1).key == "the", "a clause"))
        refs = split_refs(ref)
        if not self.substituted():
            return [Amendment("delete_clause", clause=r) for r in refs]
        if len(refs) > 1:
            raise self.fail("one clause whose text is substituted")
        self.accept_any("the following")
        return [Amendment("replace_text", clause=ref, text=self.block("the new text (after ':')", ref))]

    def labelled_after_next(self) -> bool:
        """``After REF, add`` and a quoted text starting with a label like the reference's last one."""
        save = self.pos
        try:
            self.take()
            ref = self.number_ref(self.reference(lambda t: False, "a clause"))
            if self.peek().kind == ",":
                self.take()
            quoted = self.peek().key in INSERT and self.peek(1).kind == "quoted"
            label = self.peek(1).value.split(" ", 1)[0] if quoted else ""
            return quoted and same_shape(label, ref.rpartition(" ")[2])
        except WordingError:
            return False  # read (or refused) by the other forms
        finally:
            self.pos = save

    def labelled_after(self) -> Amendment:
        """``After Rule 16 k) ii), add 'iii) Text'``: a new clause next to the one named, numbered by the
        label its text starts with, in the place of the last label of the reference; text without
        such a label is refused (words added at the end, or a new clause, cannot be told apart)."""
        where = self.take().key
        ref = self.number_ref(self.reference(lambda t: False, f"the clause it goes {where}"))
        if self.peek().kind == ",":
            self.take()
        if self.peek().key not in INSERT:
            raise self.fail("'add' or 'insert' and the new clause")
        self.take()
        at = self.peek().start
        label, _, text = self.new_text("the new clause, quoted, starting with its own number").partition(" ")
        head, _, last = ref.rpartition(" ")
        if not (text.strip() and head and same_shape(label, last)):
            raise self.lex.error(at, f"a new clause starting with a number like {last!r} (as 'iii) Text')")
        cid = derived_id(self.source[at : self.pos], text.strip())
        return Amendment("insert_clause", new_clause=Clause(cid, text=text.strip()), numbered=f"{head} {label}",
                         **placed(where, ref))  # fmt: skip

    def lettered_item(self) -> bool:
        """One letter and a full stop, then a capitalised word that starts a statement ("B. In ...")."""
        tok, nxt = self.peek(), self.peek(2)
        return (
            tok.kind == "word" and len(tok.value) == 1 and tok.value.isalpha() and self.peek(1).kind == "."
            and nxt.value[:1].isupper() and nxt.key in (*_STARTS, "that", "by", "be", "amend")
        )  # fmt: skip

    def substituted(self) -> bool:
        """``and the substitution therefor of`` after what is deleted."""
        return self.accept_any(*(f"and the substitution {t} of" for t in ("therefor", "therefore", "for it")))

    def capitals_then_comma(self) -> bool:
        """A dash, words all in capitals (a heading), then ',' and a clause reference."""
        k = 1
        while self.peek(k).kind == "word" and self.peek(k).value.isupper():
            k += 1
        return k > 2 and self.peek(k).kind == "," and self.peek(k + 1).key in CLAUSE_WORDS

    def new_heading(self) -> Amendment | None:
        """``[the] title|heading of REF to 'Y'`` or ``REF title|heading to 'Y'`` after "change":
        the clause's new heading, quoted; None (nothing taken) otherwise."""
        save = self.pos
        if self.accept_any("title of", "heading of", "title for", "heading for"):
            ref = self.number_ref(self.reference(lambda t: t.key == "to", "the clause whose heading changes"))
        elif self.at_clause_ref():
            ref = self.number_ref(self.reference(lambda t: t.key in ("title", "heading", "to"), "a clause"))
            if not self.accept_any("title", "heading"):
                self.pos = save
                return None
        else:
            return None
        if not self.accept("to"):
            self.pos = save
            return None
        return Amendment("replace_text", clause=ref, heading=self.quoted("the new heading, quoted"))

    def name(self) -> str:
        tok = self.peek()
        if tok.kind in ("quoted", "word"):
            self.take()
            return tok.value
        raise self.fail("the provision's name")
