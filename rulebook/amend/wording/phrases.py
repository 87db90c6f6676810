"""Phrases an action works on: quoted words, the fillers that introduce them ("the words"),
and which occurrence is meant ("the second", "(occurrence 2)", "wherever it occurs").

See the package docstring (:mod:`rulebook.amend.wording`) for the grammar.

Examples
--------
>>> from rulebook.amend.wording import parse_wording
>>> [(a.words, a.occurrence) for a in parse_wording("Rule 2: delete the second occurrence of 'x'")]
[('x', 2)]
"""

from __future__ import annotations

import re
from typing import Any

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.clauses import ClauseStatements
from rulebook.amend.wording.labels import derived_id
from rulebook.amend.wording.reader import CLAUSE_WORDS, ORDINAL_NUM, ORDINALS, PLURALS, names_number
from rulebook.amend.wording.tokens import Token
from rulebook.model import Clause
from rulebook.patterns import LazyPattern

__all__ = ["EVERY", "EVERY_AFTER", "FILLERS", "RELATIVE", "Phrases"]

#: Marks a clause reference read relative to the clause its statement names.
RELATIVE = "\x00part:"

FILLERS = ("the words", "these words", "words", "all the words", "the text",
            "the word", "this word", "the phrase", "the figure", "the figures",
            "the number", "the reference", "the sentence", "the following words", "the following")  # fmt: skip
#: Fillers after which a number may stand unquoted ("striking out the number 35").
_NUMBER_FILLERS = ("the number", "the figure", "the figures")
#: Before a phrase: every occurrence of it ("change both references to 'X' to 'Y'").
EVERY = ("both references to", "all references to", "every reference to", "each reference to",
         "both occurrences of", "all occurrences of", "every occurrence of", "each occurrence of",
         "all instances of", "every instance of", "each instance of", "both instances of",
         "all mentions of the", "all mentions of", "every mention of the", "every mention of")  # fmt: skip
#: After a phrase: the same.
EVERY_AFTER = ("wherever it occurs", "wherever it appears", "wherever they occur", "wherever they appear",
                "in both places", "each time it appears", "each time it occurs", "in every instance",
                "in all instances", "in each instance", "in both instances")  # fmt: skip


_NAME = r"[A-Z][A-Za-z'’-]*(?:\s+(?:and|of|&|[A-Z][A-Za-z'’-]*))*"
#: Two office names, unquoted: "Development Officer with Planning and Training Officer" (docs/motions.md).
_OFFICES = LazyPattern(rf"(?P<old>{_NAME})\s+with\s+(?P<new>{_NAME})\.?\s*")


#: After a rule's citation, its title and the page the rule book prints it on, for people (bounded:
#: docs/limits.md): "Rule 3.19 (i) The County – Powers (i) – Official Guide Part 1 (page 24) to read".
_PRINTED_AT = LazyPattern(
    r"(?:[–—-]\s*)?[A-Z][a-z][^'\"‘’“”`:;]{0,200}?\(pages?\s+\d+(?:\s*[-–]\s*\d+)?\)(?=\s+(?:be|to)\s)"
)


class Phrases(ClauseStatements):
    """Quoted phrases and their occurrences."""

    def printed_at(self, first: int) -> int | None:
        """Where a rule's title and page end, when they come next after its citation (which starts at
        ``first``); None otherwise."""
        found = _PRINTED_AT.match(self.source, self.peek().start) if self.peek().start > first else None
        return found.end() if found is not None else None

    def filler(self) -> str | None:
        """Words that only introduce a phrase: "the words", "these words", ... (the one taken)."""
        if self.sentence_quoted(0):
            self.accept("the")  # "delete last sentence 'X'": the quoted words are the sentence
            self.take()
            return self.take().value
        for words in FILLERS:
            if self.accept(*words.split()):
                self.accept_any("which read", "which reads", "reading")
                self.colon()
                return words
        return None

    def number_after(self, filler: str | None) -> str | None:
        """``the number 35``, ``the figure 10``: after such a filler a number needs no quotes (the
        number taken); None (nothing taken) otherwise."""
        tok = self.peek()
        if filler in _NUMBER_FILLERS and tok.kind == "word" and re.fullmatch(r"\d+(?:[.,]\d+)*%?", tok.value):
            self.take()
            return tok.value
        return None

    def sentence_quoted(self, ahead: int) -> bool:
        """``[the] last|first|... sentence`` and a quoted phrase, ``ahead`` tokens on."""
        k = ahead + (self.peek(ahead).key == "the")
        ordinal = self.peek(k).key in ORDINALS and ORDINALS[self.peek(k).key] != 0
        return ordinal and self.peek(k + 1).key == "sentence" and self.peek(k + 2).kind == "quoted"

    # -- phrases and occurrences -----------------------------------------------
    def phrase(self, what: str) -> tuple[str, int | str | None]:
        before = self.occurrence_before()
        self.filler()
        raw = self.quoted(what)
        text = _elided(raw)
        self.elided = (_elided(raw, trail=False) != raw, _elided(raw, lead=False) != raw)
        after = self.occurrence_after()
        if before is not None and after is not None and before != after:
            raise self.fail("one occurrence, not two different ones")
        return text, before if before is not None else after

    def occurrence_before(self) -> int | str | None:
        """``the second`` (``occurrence of``) before a phrase; ``"all"`` for "both references to",
        "every occurrence of", "all instances of"."""
        if self.accept_any(*EVERY):
            return "all"
        ordinal = self.peek(1).key in ORDINALS or ORDINAL_NUM.match(self.peek(1).value)
        if not (self.at("the") and ordinal):
            return None
        if self.peek(2).kind == "quoted" or self.peek(2).key in ("occurrence", "instance"):
            self.take()
            n = self.ordinal(self.take())
            self.accept("occurrence", "of") or self.accept("instance", "of")
            return n
        return None

    def ordinal(self, tok: object) -> int:

        assert isinstance(tok, Token)
        n = ORDINALS.get(tok.key)
        if n is not None:
            if n < 1:
                raise self.lex.error(tok.start, "an ordinal such as 'second' ('last' needs the number: 'third')")
            return n
        m = ORDINAL_NUM.match(tok.value)
        if m and len(m.group(1)) <= 9:  # bounded (docs/limits.md)
            return int(m.group(1))
        if tok.value.isdecimal() and len(tok.value) <= 9 and int(tok.value) >= 1:
            return int(tok.value)
        raise self.lex.error(tok.start, "an occurrence number such as 2 or 'second'")

    def occurrence_after(self) -> int | str | None:
        """``(occurrence 2)`` or ``(second occurrence)`` after a phrase; ``"all"`` for
        "(every occurrence)", "wherever it occurs", "in both places"."""
        if self.accept_any(*EVERY_AFTER):
            return "all"
        if self.peek().kind == "(" and self.peek(1).key in ("every", "each", "all", "both"):
            self.take()
            self.take()
            self.accept_any("occurrence", "occurrences", "instance", "instances")
            if self.peek().kind != ")":
                raise self.fail("')' to close the occurrence")
            self.take()
            return "all"
        if self.peek().kind != "(" or (
            self.peek(1).key not in ("occurrence", *ORDINALS) and not ORDINAL_NUM.match(self.peek(1).value)
        ):
            return None
        self.take()
        if self.accept("occurrence"):
            n = self.ordinal(self.take())
        else:
            n = self.ordinal(self.take())
            self.expect("occurrence", what="'occurrence' as in '(second occurrence)'")
        if self.peek().kind != ")":
            raise self.fail("')' to close the occurrence")
        self.take()
        return n

    def clauses_changed(self) -> list[str]:
        """``in point 20, 22, 65`` or ``in points 16.1, 61.6, and 93`` after the words changed:
        the clauses they are changed in, each a unit word and a number; [] (nothing taken) otherwise."""
        unit_next = self.peek(1).key in CLAUSE_WORDS or self.peek(1).key in PLURALS
        if not (self.at("in") and (unit_next or (self.peek(1).key == "so" and self.peek(2).value[:1].isdigit()))):
            return []  # "SO 9-2": a standing order
        save = self.pos
        self.take()
        unit = self.take().value
        unit = unit[:-1] if unit.lower() in PLURALS else unit
        numbers: list[str] = []
        joined = False  # the last thing taken was ',' or 'and': another number must follow
        while self.peek().kind == "word" and self.peek().value[:1].isdigit():
            numbers.append(self.take().value)
            joined = True
            if self.peek().kind == "," and self.peek(1).value[:1].isdigit():
                self.take()
            elif (self.at("and") and self.peek(1).value[:1].isdigit()) or (
                self.peek().kind == "," and self.peek(1).key == "and" and self.peek(2).value[:1].isdigit()
            ):
                if self.peek().kind == ",":
                    self.take()
                self.take()
            elif self.at("and") and self.peek(1).kind != "quoted":
                break  # "in points 16.1 and": a list that stops short (joined stays set: refused)
            else:
                joined = False
        if not numbers or joined:
            self.pos = save
            return []
        return [f"{unit} {n}" for n in numbers]

    def made_in(self, old: str, new: str, occurrence: int | str | None) -> Amendment:
        """A replacement read, then perhaps the clauses it is made in ("in Paragraph 12", "in Paragraphs
        10 and 12": one each) and, the verb not repeated, more of them ("and 'audited' with 'examined'
        in Paragraphs 10 and 12"), each with its own clauses."""
        read = [Amendment("replace_words", clause=c, old=old, new=new, occurrence=occurrence)
                for c in self.clauses_changed()]  # fmt: skip
        while read and self.at("and") and self.peek(1).kind == "quoted" and self.peek(2).key == "with":
            save = self.pos
            self.take()
            other, times = self.phrase("the words to replace (quoted)")
            self.take()
            again = self.new_text("the new words (quoted)")
            more = [Amendment("replace_words", clause=c, old=other, new=again, occurrence=times)
                    for c in self.clauses_changed()]  # fmt: skip
            if not more:
                self.pos = save
                break
            read.extend(more)
        if not read:
            return Amendment("replace_words", old=old, new=new, occurrence=occurrence)
        self.queued.extend(read[1:])
        return read[0]

    def replacing(self) -> dict[str, Any]:
        """``replacing 'X' with 'Y'``: the old and new words; unquoted, only names of offices (each
        word capitalised, "and", "of" or "&" between, no number) with nothing after the new one
        ("replacing Development Officer with Planning and Training Officer")."""
        names = _OFFICES.fullmatch(self.source, self.peek().start)
        if names is not None and not set(CLAUSE_WORDS).intersection(names.group().lower().split()):
            while self.peek().kind != "end":
                self.take()
            return {"old": names.group("old"), "new": names.group("new").rstrip(". ")}
        old, occurrence = self.phrase("the words to replace (quoted)")
        self.expect("with", what="'with' and the new words")
        return {"old": old, "new": self.new_text("the new words (quoted)", self.elided), "occurrence": occurrence}

    def replaced_label(self) -> Amendment | None:
        """``replace 3.1.1, with '...'`` inside a statement on a clause: the part with that number
        (relative to the clause named), its text anew; None (nothing taken) otherwise."""
        tok = self.peek()
        comma = self.peek(1).kind == ","
        if not (tok.kind == "word" and tok.value[:1].isdigit() and names_number(tok.value.rstrip(","))):
            return None
        if self.peek(2 if comma else 1).key != "with":
            return None
        self.take()
        if comma:
            self.take()
        self.take()
        if self.at("new") and self.peek(1).value.rstrip(",.") == tok.value.rstrip(",."):
            self.take()  # "replace 10.2 with new 10.2 which reads as follows: '...'": the same part, anew
            self.take()
            self.accept_any("which reads as follows", "which reads", "which shall read", "to read as follows")
        text = self.block("the new text", None)
        return Amendment("replace_text", clause=RELATIVE + tok.value.rstrip(",."), text=text)

    def own_numbered(self, at: int, label: str, text: str, edge: tuple[str, str | None]) -> Amendment:
        """Words added at the end of the clause the statement names that start with a bracketed number
        of their own ("in clause 3 ... at end insert— '(2A) Regulations ...'"): a new sub-clause numbered
        as printed after that clause's citation; any other number of their own is refused."""
        if edge[0] == "end" and edge[1] is None and re.fullmatch(r"\([0-9A-Za-z]{1,4}\)", label):
            cid = derived_id(self.source[at : self.pos], text)
            return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=RELATIVE + label)
        raise self.lex.error(
            at,
            f"words, but these start with their own number {label!r}: for a new sub-clause write "
            f'"add new sub-clause {label.strip(".()")} at the end of <clause> as follows: ..."',
        )

    def described_role(self) -> None:
        """``as the chair of the Accessibility Fund Advisory Committee`` between the words replaced and
        "with": what they stand for, for people (no quote in it); nothing taken otherwise."""
        if not self.at("as") or self.peek(1).key != "the":
            return
        save = self.pos
        while self.peek().kind == "word" and self.peek().key != "with":
            self.take()
        if not (self.at("with") and self.peek(1).kind == "quoted"):
            self.pos = save


def _elided(phrase: str, lead: bool = True, trail: bool = True) -> str:
    """A quoted phrase without the "…" that marks words left out at its edges (its start when
    ``lead``, its end when ``trail``): the phrase is what remains, found as whole words."""
    for mark in ("…", "..."):
        if lead and phrase.startswith(mark) and len(phrase) > len(mark):
            phrase = phrase[len(mark) :].lstrip()
        if trail and phrase.endswith(mark) and len(phrase) > len(mark):
            phrase = phrase[: -len(mark)].rstrip()
    return phrase
