"""Token helpers shared by the statements of the grammar: keywords, quoted
phrases, new text (quoted or running to the end), clause references and the
qualifiers that only say where a phrase stands.

Examples
--------
>>> r = Reader("Rule 2, line 3 (line 3): delete 'x'")
>>> r.number_ref(r.reference(lambda t: False, "a clause"))
'Rule 2'
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from typing import Any

from rulebook.amend.wording.tokens import Lexer, Token
from rulebook.errors import WordingError
from rulebook.patterns import LazyPattern

__all__ = [
    "ORDINALS",
    "RUN_TOGETHER",
    "WHOLLY",
    "Reader",
    "described_tail",
    "labelled_line",
    "looks_like_number",
    "names_number",
    "split_refs",
]

ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "last": -1, "final": -1, "penultimate": -2, "same": 0, "this": 0,
}  # fmt: skip
ORDINAL_NUM = re.compile(r"^(\d+)(st|nd|rd|th)$", re.IGNORECASE)
#: Words naming a unit of a rule book, singular and plural.
CLAUSE_WORDS = ("clause", "sub-clause", "subclause", "paragraph", "sub-paragraph", "rule", "article", "section",
                "sub-section", "subsection", "sub-rule", "subrule", "part", "schedule", "appendix", "chapter",
                "point")  # fmt: skip
PLURALS = {w + "s": w for w in CLAUSE_WORDS}
#: Parts of a text a qualifier may name: "in the last sentence", "at the start of the second paragraph".
_UNITS = ("sentence", "paragraph", "line", "clause", "sub-clause", "section", "rule", "bullet", "text", "list")
_LOCATOR = re.compile(r"^(line|lines|page|pages|p\.|pp\.|pg|pg\.)\s+\d+([-–]\d+)?\.?$", re.IGNORECASE)
#: A page or line locator after a citation's full stop ("Rule 25. Pg 17. (Vacancies)").
#: A block whose first words run into a second start ("An external The Council chair"): old and new
#: words printed together, the strike-through lost.
RUN_TOGETHER = LazyPattern(r"[A-Z][a-z]*(?:[ \t]+[a-z]+){0,2}[ \t]+(?:The|A|An)[ \t]+[A-Z]?[a-z]")
#: "AP-10.2 of the proposed AP-10": the clause's own parent named after it, set aside.
_OF_PARENT = re.compile(r"^((\S+?)[.(]\S+)\s+of\s+the\s+(?:proposed|new|existing|current|present)\s+\2$")
_LOCATOR_NEXT = LazyPattern(r"\s+(?:line|lines|page|pages|pg)\.?\s+\d", re.IGNORECASE)
_STOPPED_LOCATOR = re.compile(r"\.\s+(?=(?:line|lines|page|pages|pg)\.?\s+\d)", re.IGNORECASE)
_TRAILING_LOCATOR = re.compile(r"^(.*\S)\s+(line|lines|pg|page)\s+\d+([-–]\d+)?$", re.IGNORECASE)
_OF_DOCUMENT = re.compile(
    r"\s+of\s+(?:(?:the|this|these)\s+(?:[\w’']+\s+){0,4}?|(?=standing\s+orders?\b))"
    r"(?:constitution|rules?|rule\s*book|standing\s+orders?|bye-?laws|by-?laws|bill|act|code|statutes?|declaration|canons?)\b.*$",
    re.IGNORECASE | re.DOTALL,
)
#: "Appendix A, entitled 'The Policy Process'": the heading quoted after a citation, as confirmation.
_ENTITLED = re.compile(r"\s*,?\s*(?:which\s+is\s+)?\b(?:entitled|headed|titled)$", re.IGNORECASE)
#: A clause's title in brackets after its citation ("SO 8.2 (Withdrawal of motions and amendments)"):
#: a capitalised word (and more words), no digit (so "(a)", "(IV)", "(7 U.S.C. 1508)" and "(Clause 19)" stay).
_TITLE_NOT = "|".join(("Clause", "Sub-clause", "Rule", "Article", "Section", "Paragraph", "Schedule", "Appendix",
                       "Chapter", "Part", "Annex", "Annexe", "Preamble", "Glossary"))  # fmt: skip
_BRACKET_TITLE = re.compile(rf"\s*\((?=[A-Z][a-z]+[\s)])(?!(?:{_TITLE_NOT})s?\b)[^()\d]*\)\s*")
#: A US Code citation after the section it names ("chapter 74 of title 18, United States Code").
_OF_US_CODE = re.compile(r"\s+of\s+title\s+\d+,?\s+United\s+States\s+Code\b.*$", re.IGNORECASE | re.DOTALL)
_LOCATOR_WORDS = ("line", "lines", "page", "pages", "pg", "p.")
#: "to read", "reads", "as follows" just before the new text: a line break after them introduces it.
#: New words that start or end with dots: words left out, or run on from words not printed.
_LEAD = re.compile(r"^\s*(?:\.\.\.|…)\s*")
_TRAIL = re.compile(r"\s*(?:\.\.\.|…)\s*$")
#: The same words before a comma and a quote ("which reads, 'Text'", "with the following, 'Text'").
_READS_COMMA = LazyPattern(r"\b(?:to read|reads|as follows|the following)\s*$", re.IGNORECASE)
_READS_THEN_LINE = re.compile(r"\b(?:to read|reads|as follows)$", re.IGNORECASE)


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
# A line of a block that starts with its own number or item label ("7.2 ...", "3. ...", "b) ...",
# "(ii) ..."): the block holds several clauses, not one clause's text (docs/motions.md).
@functools.cache
def labelled_line() -> re.Pattern[str]:
    return re.compile(
        r"^[ \t]*(?:\d+(?:\.\d+)*(?:\([0-9A-Za-z]{1,5}\))+\.?"
        r"|\d+(?:\.\d+)+[A-Za-z]?|\d{1,3}[A-Za-z]?[.)]|\(?[a-z]{1,2}\)|\([0-9ivxIVX]{1,5}\)|[•*])[ \t]+\S"
    )


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
@functools.cache
def _number() -> re.Pattern[str]:
    return re.compile(
        r"^\(?(\d+[A-Za-z]?|[A-Z]|[a-z]|[ivxlc]+|[IVXLC]+|[A-Z]{1,2}\d+[A-Za-z]?)(\.(\d+[A-Za-z]?|[A-Za-z]|[ivxlc]+|[IVXLC]+))*[.)]?$"
    )


#: Words that start an operation (so they end a clause reference before them).
ACTION_STARTS = ("delete", "leave", "remove", "omit", "strike", "striking", "inserting", "insert", "add", "substitute",
                 "deleting", "substituting",
                 "after", "before", "replace", "set", "for", "change", "at", "in", "between")  # fmt: skip
STATEMENT_STARTS = (*ACTION_STARTS, "move", "renumber", "re-number", "reletter", "re-letter")


def _ordinal(tok: Token) -> bool:
    return tok.key in ORDINALS or bool(ORDINAL_NUM.match(tok.value))


def placed(where: str, ref: str) -> dict[str, Any]:
    """Keyword arguments placing an amendment ``where`` (after/before/into) ``ref``."""
    return {where: ref}


def looks_like_number(word: str) -> bool:
    """True for a clause number as printed ("F", "5A", "K.2", "3.4.1", "(f)", "iv"),
    false for an id with a word in it ("fees.late").

    Examples
    --------
    >>> [looks_like_number(w) for w in ("F", "5A", "K.2", "(f)", "iv", "fees.late", "x.new")]
    [True, True, True, True, True, False, False]
    """
    return bool(_number().match(word))


#: Words after a clause reference that say the whole clause goes ("Delete rule 44 (g) in its entirety").
WHOLLY = ("in its entirety", "in it's entirety", "in their entirety", "in full", "entirely", "completely",
          "altogether", "in total")  # fmt: skip


def described_tail(ref: str) -> str | None:
    """The plain words that end a reference after its number, when no citation ends so: "rule 44 (g)
    as amended" ends in words, not a label. A label ("part b", "(iv)"), a unit word ("Rule 2 of
    Part 3") or a capitalised word ("Standing Order 4 Withdrawals") may end one; None then.

    >>> described_tail("rule 44 (g) in it's entirety"), described_tail("Section 9.4 part b")
    ("in it's entirety", None)
    """
    words = ref.split()
    numbered = [i for i, w in enumerate(words) if any(c.isdigit() for c in w) or re.fullmatch(r"\(?\w{1,4}\)", w)]
    if not numbered:
        return None
    tail = words[numbered[-1] + 1 :]
    plain = [w for w in tail if re.fullmatch(r"[a-z][a-z’']+", w) and w not in CLAUSE_WORDS and w not in PLURALS]
    if len(tail) < 1 or len(plain) != len(tail) or len(tail[-1]) < 3 or tail[-1] in ("the", "of", "and"):
        return None
    return " ".join(tail)


def names_number(word: str) -> bool:
    """True when a word after "new clause" is the number the clause will have rather
    than its id: it looks like a number and has a digit, a capital or brackets
    ("F", "5A", "K.2", "(f)"); a bare lower-case word ("z", "fees") is an id.

    Examples
    --------
    >>> [names_number(w) for w in ("F", "5A", "K.2", "(f)", "z", "iv")]
    [True, True, True, True, False, False]
    """
    return looks_like_number(word) and (any(c.isdigit() or c.isupper() for c in word) or word.startswith("("))


def split_refs(ref: str) -> list[str]:
    """ "Rules B 2, B 4.1 and C 1.3" names three clauses: each with the singular word."""
    first, _, rest = ref.partition(" ")
    singular = PLURALS.get(first.lower())
    if singular is None or not rest:
        return listed_refs(ref)
    word = first[: len(singular)]
    parts = [p.strip() for chunk in rest.split(",") for p in chunk.split(" and ")]
    return [f"{word} {p}" for p in parts if p]


def listed_refs(ref: str) -> list[str]:
    """ "J 3, J 4.1 and J 5.9": a list of citations with no plural noun, each written out in full
    with the same first word and a number, names each clause; anything else is one reference
    ("Chapter 4, Clause II.2" is one clause: its parts start with different words)."""
    if " and " not in ref:
        return [ref]
    parts = [p.strip() for chunk in ref.split(",") for p in chunk.split(" and ")]
    heads = {p.split(" ", 1)[0] for p in parts}
    numbered = all(len(p.split()) == 2 and looks_like_number(p.split()[1]) for p in parts)
    if len(parts) < 2 or len(heads) != 1 or not numbered:
        return [ref]
    return parts


class Reader:
    """A position in one wording, and the helpers every statement uses."""

    def __init__(self, source: str) -> None:
        self.lex = Lexer(source)
        self.source = source
        self.pos = 0
        self.quoted_new = False  # whether the last new text read was quoted (kept whole) or a block
        self.lined = False  # a line locator was set aside: an occurrence would count in the line, unknown here
        self.opened_at = -1  # where a full stop after a clause's number opened its new text ("new Clause 21. ...")
        self.elided = (False, False)  # whether the last quoted phrase read had "..." at its start, its end

    # -- tokens --------------------------------------------------------------
    def peek(self, ahead: int = 0) -> Token:
        tok = self.lex.token(self.pos)
        for _ in range(ahead):
            tok = self.lex.token(tok.end)
        return tok

    def take(self) -> Token:
        tok = self.peek()
        self.pos = tok.end
        return tok

    def at(self, *words: str) -> bool:
        """True when the next tokens are these keywords (in order)."""
        tok = self.lex.token(self.pos)
        for word in words:
            if tok.key != word:
                return False
            tok = self.lex.token(tok.end)
        return True

    def accept(self, *words: str) -> bool:
        if self.at(*words):
            for _ in words:
                self.take()
            return True
        return False

    def accept_any(self, *phrases: str) -> bool:
        """Take the first of ``phrases`` (each a space-separated run of keywords) that comes next."""
        return any(self.accept(*p.split()) for p in phrases)

    def expect(self, *words: str, what: str | None = None) -> None:
        if not self.accept(*words):
            raise self.fail(what or " ".join(repr(w) for w in words))

    def fail(self, expected: str) -> WordingError:
        return self.lex.error(self.peek().start, expected)

    def quoted(self, what: str = "a quoted phrase") -> str:
        tok = self.peek()
        if tok.kind != "quoted":
            raise self.fail(what)
        self.take()
        return tok.value

    def colon(self) -> bool:
        """Take a ':' or a dash that introduces what follows."""
        if self.peek().kind in (":", "dash"):
            self.take()
            return True
        return False

    def new_text(self, what: str, elided: tuple[bool, bool] = (False, False)) -> str:
        """New words: quoted, or after ':' or a dash, the plain text to the end of the instruction.
        New words that start or end with "..." leave words out (or run on from words the wording
        does not print): refused, never put in as dots (docs/motions.md), except at an edge where
        ``elided`` says the words they replace had "..." too ("change '...two (2) weeks...' to
        '...fourteen (14) days...'"): the words left out there stay as they are, and the dots go."""
        begin = self.pos
        text = self._new_text(what)
        kept = text
        if elided[0]:
            text = _LEAD.sub("", text, count=1)
        if elided[1]:
            text = _TRAIL.sub("", text, count=1)
        if _LEAD.search(text) or _TRAIL.search(text) or (text != kept and not text.strip()):
            raise self.lex.error(begin, f"{what}, whole (these start or end with '...', which leaves words out)")
        return text

    def _comma_reads(self) -> bool:
        """A comma after "reads", "to read" or "the following", just before a quote, introduces the
        quoted text as ':' does ("which reads, 'Text'"); taken then."""
        before = self.source[: self.peek().start]
        if self.peek().kind == "," and self.peek(1).kind == "quoted" and _READS_COMMA.search(before):
            self.take()
            return True
        return False

    def _new_text(self, what: str) -> str:
        begin = self.pos
        opened = self.pos == self.opened_at  # an unclosed quote may come next: not lexed before the fallback
        if not opened:
            self.accept_any(
                "the following words",
                "the following sentence",
                "the following",
                "the words",
                "these words",
                "the word",
                "as follows",
                "the additional sentence",
                "the additional words",
                "the new sentence",
                "a new sentence",
                "new sentence",
            )
        introduced = opened or self.colon() or self._line_next() or self._comma_reads()
        rest = self.source[self.pos :].lstrip()
        if introduced and rest[:1] in "-–—" and rest[1:2].isspace():
            self.take()  # "as follows: - 'Text'": a colon and a dash, set apart
        try:
            tok = self.peek()
        except WordingError:
            text, end = self.lex.rest(self.pos)
            if not introduced or any(m in text[1:] for m in "'\"‘’“”`"):
                raise
            # after ':' new text may be unquoted: a quote opened there and never closed (its closing
            # mark lost in print), with no other quote mark after it, is that text, to the end
            self.quoted_new = False
            self.pos = end
            return text[1:].strip()
        self.quoted_new = tok.kind == "quoted"
        if tok.kind == "quoted":
            nxt = self.peek(1)
            if not introduced or nxt.kind in ("end", ";", ".", ",") or nxt.key in (*STATEMENT_STARTS, "and", "with"):
                return self.quoted(what)
        if introduced and tok.kind != "end":
            self.quoted_new = False
            text, end = self.lex.rest(tok.start)
            if any(labelled_line().match(line) for line in text.splitlines()[1:]):
                # a line that starts with its own label begins another clause: reading the block
                # as one clause's text would keep numbers and headings as words (docs/motions.md)
                several = "one clause, not several numbered lines or a bulleted list (each on its own)"
                raise self.lex.error(begin, several)
            if RUN_TOGETHER.match(text):
                # "An external The Council chair ...": old and new words printed together, the marks
                # that struck the old ones out lost, so which words are new cannot be told
                raise self.lex.error(tok.start, "the new text alone (here old and new words run together)")
            self.pos = end
            return text
        raise self.fail(what)

    def _line_next(self) -> bool:
        """A block set out on the lines below "to read" or "as follows", with no ':' (docs/motions.md)."""
        after_reads = _READS_THEN_LINE.search(self.source[: self.pos].rstrip()) is not None
        return after_reads and "\n" in self.source[self.pos : self.peek().start]

    # -- qualifiers ------------------------------------------------------------
    def qualifiers(self) -> None:
        """Skip what only says where a phrase stands ("(line 2)", "in the last sentence",
        "at the start of the second paragraph"): a phrase is found by its words, and one
        that occurs more than once is refused when applied, never guessed."""
        while True:
            save = self.pos
            if self.peek().kind == "(" and self.peek(1).key in _LOCATOR_WORDS and self.peek(3).kind == ")":
                self.lined = self.lined or self.peek(1).key.startswith("line")
                for _ in range(4):
                    self.take()
            elif self.peek().key in _LOCATOR_WORDS and self.peek(1).value[:1].isdigit():
                self.lined = self.lined or self.peek().key.startswith("line")
                self.take()
                self.take()
                if self.peek().key in ("to", "and", "-", "–") and self.peek(1).value[:1].isdigit():
                    self.take()  # "lines 3 to 4"
                    self.take()
                before_of = self.pos
                if self.accept("of") and not self.at_clause_ref():  # "In line 2 of Rule 3, delete ...": the clause
                    self.pos = before_of
            elif self.peek().key == "in" and self.peek(1).key == "line" and self.peek(2).key == "with":
                raise self.fail("a clause or a place in it ('in line with' names neither)")
            elif (
                self.peek().key in ("on", "in")
                and self.peek(1).key in _LOCATOR_WORDS
                and self.peek(2).value[:1].isdigit()
            ):
                self.take()  # "in line 7, leave out ...", "in lines 10–11, delete ...": where, set aside
            elif self.peek().key == "of" and _OF_DOCUMENT.match(" " + self.source[self.peek().start :].split(",")[0]):
                while self.peek().kind == "word":
                    self.take()
            elif self.peek().key in ("in", "at", "of", "within"):
                self.take()
                if self.accept_any("the start of", "the beginning of", "the end of", "start of", "end of"):
                    pass
                self.accept_any("the", "this", "that")
                counted = self.peek().key in ORDINALS or bool(ORDINAL_NUM.match(self.peek().value))
                if counted:
                    self.take()
                    while self.peek().key in ("and", "or") and _ordinal(self.peek(1)):
                        self.take()  # "in the first and second sentences"
                        self.take()
                unit_next = (
                    self.peek(1).kind != "word"
                    or self.peek(1).key in STATEMENT_STARTS
                    or (self.peek(1).key == "and" and self.peek(2).key in STATEMENT_STARTS)
                )
                unit = self.peek().key
                # a plural only after ordinals ("in the first and second sentences"): "in the
                # rules" may mean the whole book, which a qualifier must never stand for
                plural = unit not in _UNITS and unit.rstrip("s") in _UNITS
                if unit.rstrip("s") in _UNITS and unit_next and (counted or not plural):
                    self.lined = self.lined or unit.rstrip("s") == "line"
                    self.take()
                    self.accept_any("of the clause", "of this clause")
                else:
                    self.pos = save
                    return
            else:
                return
            if self.peek().kind == ",":
                self.take()

    # -- references ------------------------------------------------------------
    def reference(self, stop: Callable[[Token], bool], what: str) -> str:
        """A clause reference: source text up to a token for which ``stop`` holds."""
        start = self.peek().start
        end = start
        depth = 0  # inside brackets a full stop is an abbreviation ("(7 U.S.C. 1508)"), not the end
        while True:
            tok = self.peek()
            after = self.source[tok.end :].lstrip()[:1]  # not lexed: an unclosed quote may follow
            locator = tok.kind == "." and _LOCATOR_NEXT.match(self.source, tok.end) is not None  # not lexed
            if tok.kind == "." and (depth > 0 or after == "(" or locator) and end > start:
                self.take()  # "Delete 9. (f)", "Rule 25. Pg 17. (Vacancies)"
                continue
            depth += {"(": 1, ")": -1}.get(tok.kind, 0) if depth or tok.kind == "(" else 0
            if tok.kind in ("end", ";", "quoted", ":", ".", "dash") or stop(tok):
                break
            if tok.kind == "(" and self.peek(1).kind == "quoted":
                break  # the clause's present words, quoted as confirmation
            if tok.kind == "(" and (
                self.peek(1).key in ("occurrence", *ORDINALS) or self.peek(1).key in _LOCATOR_WORDS
            ):
                break  # "(second occurrence)", "(line 2)" belong to what follows, not to a citation such as "(1)"
            if tok.key == "and" and self.peek(1).key in STATEMENT_STARTS:
                break
            if tok.kind == "," and (
                self.peek(1).key in (*STATEMENT_STARTS, "which", "so") or self.peek(1).kind == "end"
            ):
                break
            self.take()
            end = tok.end
        ref = self.source[start:end].strip().rstrip(",").strip()
        if not ref:
            raise self.lex.error(start, what)
        return ref

    def number_ref(self, ref: str) -> str:
        """Drop line and page locators ("line 2", "page 12") from a reference, and what
        follows "of the constitution" (the document, then the clause's title)."""
        ref = _BRACKET_TITLE.sub(lambda m: ", " if m.end() < len(ref) else "", ref)
        ref = _STOPPED_LOCATOR.sub(", ", ref)
        ref = _OF_PARENT.sub(r"\1", ref)
        ref = re.sub(r"\s*,(?:\s*,)+\s*", ", ", ref).strip()
        ref = _OF_DOCUMENT.split(ref, maxsplit=1)[0].strip()
        ref = _OF_US_CODE.split(ref, maxsplit=1)[0].strip()
        ref = _ENTITLED.sub("", ref)
        ref = re.sub(r"\s+is\s+(?:further\s+)?amended(?:\s+by)?$", "", ref, flags=re.IGNORECASE)
        words = ref.split()
        if len(words) > 2 and words[0].lower() == "that" and words[1].lower() in CLAUSE_WORDS:
            ref = ref.split(None, 1)[1]  # "That clause 4.3 ... be amended by deleting ...": a resolution's "that"
        parts = [p.strip() for p in ref.split(",")]
        kept = [p for p in parts if not _LOCATOR.match(p)]
        self.lined = self.lined or any(_LOCATOR.match(p) and p.lower().startswith("line") for p in parts)
        for i, part in enumerate(kept):  # "Clause II.2 line 3", written without a comma
            m = _TRAILING_LOCATOR.match(part)
            if m:
                kept[i] = m.group(1)
                self.lined = self.lined or m.group(2).lower().startswith("line")
        if kept == parts:
            return ref
        return ", ".join(kept) if kept else ref

    def at_clause_ref(self) -> bool:
        """True when a clause reference (not a phrase or 'the ...') comes next."""
        tok = self.peek()
        if tok.kind == "(":
            return self.peek(1).kind == "word" and self.peek(2).kind == ")"
        if tok.kind != "word":
            return False
        if tok.key in CLAUSE_WORDS or tok.key in PLURALS:
            return True
        if tok.key == "standing" and self.peek(1).key in ("order", "orders") and self.peek(2).value[:1].isdigit():
            return True  # "Delete Standing Order 4.1 and ..."
        if names_number(tok.value) and (self.peek(1).kind in ("end", ";", ".") or self.peek(1).key == "and"):
            return True
        return tok.value[:1].isdigit() or bool(re.match(r"^[A-Z]{1,2}\.?\d", tok.value))
