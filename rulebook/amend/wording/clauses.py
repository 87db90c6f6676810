"""Statements about whole clauses: insert a new one, delete, replace with a
block of new text, move; with the YAML values some of them carry.

Examples
--------
>>> from rulebook.amend.wording import parse_wording
>>> (a,) = parse_wording("Delete Rule K.2 and replace with: K.2 Branches meet monthly.")
>>> a.op, a.clause, a.text
('replace_text', 'Rule K.2', 'Branches meet monthly.')
"""

from __future__ import annotations

import functools
import re
from typing import Any

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.labels import clause_range, derived_id, numeric_label, own_number_dropped, strip_number
from rulebook.amend.wording.reader import CLAUSE_WORDS, WHOLLY, Reader, described_tail, names_number, placed
from rulebook.errors import RulebookError, WordingError
from rulebook.io.rulebook import ID_PATTERN, parse_clause
from rulebook.io.yamlsrc import Mapping as Map
from rulebook.io.yamlsrc import Seq, parse
from rulebook.model import Clause, freeze

__all__ = ["ClauseStatements"]


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
# A plain YAML scalar in running text ends at ';', ' and ', or ',' or '.' before a space or the end.
@functools.cache
def _plain_scalar() -> re.Pattern[str]:
    return re.compile(r"(?:(?!\s+and\s|[.,](?:\s|$))[^;])*")


_KEYWORDS = frozenset(("after", "before", "into", "at", "to", "as", "a", "headed", "numbered", "with", "reading"))
_GENERIC = ("clause", "sub-clause", "subclause")


#: Parts of a book cited by name: "Delete the Annexe to the Constitution".
_NAMED_PARTS = ("annexe", "annex", "appendix", "preamble", "schedule", "glossary")
_NEW = ("new", "a new", "the new", "an additional", "additional", "a further")


def _named(items: Seq, statement: str, where: str) -> None:
    """Give each sub-clause written without an id (as a drafted wording writes them) a
    :func:`derived_id` of the statement, its place among the sub-clauses and its words."""
    for i, item in enumerate(items):
        if not isinstance(item, Map):
            continue
        place = f"{where}.{i + 1}"
        if "id" not in item:
            item["id"] = derived_id(f"{statement} {place}", str(item.get("heading") or item.get("text") or ""))
        if isinstance(item.get("clauses"), Seq):
            _named(item["clauses"], statement, place)


#: "Amend the following section of 14.1: ...": the words, not the clause, are quoted next.
_FOLLOWING_PART = tuple(f"the following {p} {w}" for p in ("section", "words", "sentence", "text", "passage", "part")
                        for w in ("of", "in"))  # fmt: skip


class ClauseStatements(Reader):
    """The statements that add, delete, replace or move whole clauses."""

    leading: str | None = None  # the number a block of new clause text starts with, if any
    queued: list[Amendment]  # further amendments one statement reads (a range of clauses)

    def at_new_clause(self) -> bool:
        """``insert|add [at (the) end] [after REF,] [a] new CLAUSE ...`` comes next."""
        if self.peek().key not in ("insert", "add"):
            return False
        save = self.pos
        self.take()
        self.accept_any("at the end", "at end")
        if self.accept("after"):
            while self.peek().kind not in ("end", ",", ";", "quoted", ":"):
                self.take()
            self.accept_any(",")
            if self.peek().kind == ",":
                self.take()
        found = self.accept_any(*_NEW) and (
            self.peek().key in CLAUSE_WORDS or (self.peek().key == "sub" and self.peek(1).key in CLAUSE_WORDS)
        )
        self.pos = save
        return found

    def insert_clause(self, current: str | None, bare: bool) -> Amendment:
        start = self.pos
        self.leading = None
        self.take()
        where: str | None = None
        anchor: str | None = None
        if self.accept_any("at the end", "at end"):
            where, anchor = "into", current
        if self.accept("after"):
            where = "after"
            anchor = self.number_ref(self.reference(lambda t: t.key in ("a", "new"), "the clause it goes after"))
            if self.peek().kind == ",":
                self.take()
        self.accept_any(*_NEW)
        unit = self.take().value  # clause, sub-clause, rule, ...
        if unit.lower() == "sub":
            unit = f"sub-{self.take().value}"  # "a new sub clause": written as two words
        as_number: str | None = None
        cid: str | None = None
        number: str | None = None
        if self.accept("with", "id"):
            cid = self.take().value
        elif self.peek().kind == "word" and self.peek().key not in _KEYWORDS:
            word = self.peek().value
            if names_number(word):
                number = self.take().value
                while self.peek().kind == "word" and names_number(self.peek().value):
                    number += " " + self.take().value  # "Schedule B 2.7.3"
            else:
                cid = self.take().value
        elif self.peek().kind == "(" and self.peek(2).kind == ")":
            number = "".join(self.take().value for _ in range(3))
        if cid is not None and not ID_PATTERN.match(cid):
            raise self.fail("a clause id: letters, digits and . _ : / - (no spaces)")
        fields: dict[str, str] = {}
        if self.at("and") and self.peek(1).key in ("renumber", "re-number", "reletter", "re-letter"):
            while self.peek().kind == "word":
                self.take()  # "and renumber accordingly": numbering is computed
        self.headed(fields)
        edge = self.at("at", "the", "end") or self.at("at", "end")
        if edge and not (self.at("at", "the", "end", "of") or self.at("at", "end", "of")):
            self.accept_any("at the end", "at end")  # "add a new sub clause at the end 'Text'": of the clause named
            where, anchor = "into", current
        elif (
            self.peek().key in ("after", "before", "into")
            or self.at("at", "the", "end", "of")
            or self.at("at", "end", "of")
            or self.at("to", "the", "end", "of")
        ):
            where = self.place()
            stops = ("reading", "with", "to", "headed", "numbered", "as", "which")
            anchor = self.number_ref(self.reference(lambda t: t.key in stops, f"the clause it goes {where}"))
        if self.at("as") and not self.at("as", "follows"):
            self.take()  # "insert new clause after Rule 2.2 as Rule 2.3": the citation it will have
            ends = ("reading", "with", "to", "headed", "numbered", "which")
            as_number = self.number_ref(
                self.reference(lambda t: t.key in ends, "the citation the new clause will have")
            )
            if self.accept("with", "id"):
                cid = self.take().value  # kept so that the rule book's ids survive a wording-only motion
        self.headed(fields)
        text = None
        if self.accept_any(
            "to read", "reading", "which reads", "as follows", "in the following terms"
        ) or self.peek().kind in (":", "dash"):
            text = self.block("the new clause's text (quoted, or after ':')", number)
        elif self.peek().kind == "quoted":
            text = self.quoted()
        provisions: Any = {}
        children: tuple[Clause, ...] = ()
        while self.at("with", "provisions") or self.at("with", "sub-clauses") or self.at("with", "subclauses"):
            self.take()
            what = self.take().key
            at = self.pos
            raw, end = self.flow(self.pos)
            self.pos = end
            if what == "provisions":
                provisions = self.yaml_value(raw, at)
                if not hasattr(provisions, "items"):
                    raise self.lex.error(at, "provisions as a YAML mapping {name: value, ...}")
            else:
                children = self.yaml_clauses(raw, at)
        heading = fields.get("heading")
        if cid is None:
            cid = derived_id(self.source[start : self.pos], heading or text or number or "")
        try:
            clause = Clause(cid, heading=heading, text=text, provisions=provisions, children=children,
                            number=fields.get("number"))  # fmt: skip
        except (TypeError, ValueError) as exc:
            raise self.fail(f"a valid new clause ({exc})") from None
        if where is None:
            if current is None and not bare:
                raise self.fail("'after', 'before' or 'at the end of' and a clause")
            where, anchor = "into", current
        numbered = as_number or (f"{unit} {number}" if number is not None else self.leading)
        place = placed(where, anchor) if anchor is not None else {}
        return Amendment("insert_clause", new_clause=clause, numbered=numbered, **place)

    def block(self, what: str, number: str | None) -> str:
        """New clause text; a block (not quoted) loses its own leading number (:func:`strip_number`)."""
        text = self.new_text(what)
        own = number.split()[-1] if number else None
        first = text.split(maxsplit=1)[0] if text.split() else ""
        self.leading = None
        if (
            not self.quoted_new
            and own is None
            and names_number(first)
            and numeric_label(first)
            and len(text.split()) > 1
        ):
            self.leading = first.rstrip(":")
        if self.quoted_new:
            return own_number_dropped(text, own) if own else text
        return strip_number(text, number)

    def headed(self, into: dict[str, str]) -> None:
        """``headed 'H'`` and ``numbered 'N'`` of a new clause."""
        while self.peek().key in ("headed", "numbered"):
            which = "heading" if self.take().key == "headed" else "number"
            if which in into:
                raise self.fail(f"one {which}, not two")
            into[which] = self.quoted(f"the quoted {which}")

    def place(self) -> str:
        """after / before / into / at the end of."""
        if self.accept_any("at the end of", "at end of", "to the end of", "into", "as the last sub-clause of"):
            return "into"
        tok = self.peek()
        if tok.key in ("after", "before"):
            self.take()
            return tok.key
        raise self.fail("'after', 'before' or 'at the end of' and a clause")

    def at_named_part(self) -> bool:
        """ "the Annexe", "the Preamble", "the Appendix": a part of the book named, not numbered."""
        return self.at("the") and self.peek(1).key in _NAMED_PARTS and self.peek(1).value[:1].isupper()

    def whole_clause(self) -> Amendment:
        """``delete CLAUSE-REF [and replace (it) with: BLOCK]`` after the verb."""
        self.accept_any("the whole of", "the whole", "all of")
        self.accept_any("the existing", "existing")  # "Delete existing clause 3.7": the clause as it stands
        named = self.at_named_part()
        if named:
            self.take()  # "the Annexe to the Constitution": its name, which may hold 'to'

        tok = self.peek()
        # "delete clause H.9.5": a lower-case 'clause' only says what follows; "Delete Clause 17": a label
        if (
            tok.key in _GENERIC
            and self.peek(1).kind in ("word", "(")
            and (tok.value.islower() or (self.peek(1).kind == "word" and not names_number(self.peek(1).value)))
        ):
            self.take()  # "delete clause Rule 3": the word 'clause' only says what follows
        at = self.peek().start
        ref = self.number_ref(self.reference(self.wholly_at, "the clause to delete (an id or citation)"))
        self.accept_any(*WHOLLY)  # "Delete 49 (d) entirely": the whole clause, as deleting one says
        tail = described_tail(ref)
        if tail is not None:
            raise self.lex.error(
                at + self.source[at:].find(tail),
                f'a clause reference, which never ends in {tail!r}: cite the clause alone ("Delete rule 44 (g)")',
            )
        each = clause_range(ref)
        if each:
            self.queued.extend(Amendment("delete_clause", clause=r) for r in each[1:])
            return Amendment("delete_clause", clause=each[0])
        ranged = " to " in f" {ref.lower()} " and not (named and " to the " in f" {ref.lower()} ")
        if ranged or ref.lower().startswith(tuple(f"{w}s " for w in CLAUSE_WORDS)):
            raise self.lex.error(at, "one clause to delete (a range or a list is not read: delete each clause)")
        self.confirming()
        if self.at("and", "replace") or self.at("and", "substitute") or self.at("and", "insert"):
            self.take()
            self.take()
            self.accept_any("it with", "them with", "with", "by", "it by")
            self.same_clause_new(ref)
            return Amendment("replace_text", clause=ref, text=self.block("the new text (quoted, or after ':')", ref))
        return Amendment("delete_clause", clause=ref)

    def wholly_at(self, tok: object) -> bool:
        """The reference of a deleted clause ends at "and" or at words saying all of it goes."""
        save = self.pos
        found = self.at("and") or self.accept_any(*WHOLLY)
        self.pos = save
        return found

    def same_clause_new(self, ref: str) -> None:
        """``... and insert new Standing Order 4.1:`` after "Delete Standing Order 4.1": the clause
        anew, under the same number; a different number is refused (where it goes is not said)."""
        save = self.pos
        if not self.accept_any("a new", "new") or not self.at_clause_ref():
            self.pos = save
            return
        at = self.peek().start
        new = self.number_ref(self.reference(lambda t: False, "the new clause's number"))
        if " ".join(new.split()).casefold() != " ".join(ref.split()).casefold():
            raise self.lex.error(at, f"{ref!r} again (the same clause anew); a new clause elsewhere needs its place")
        if self.peek().kind == ".":
            self.take()  # "And REPLACE WITH new Clause 21. 'Text'": the number's full stop opens the text
            self.opened_at = self.pos

    def confirming(self) -> None:
        """Skip the clause's present words quoted after its reference, as confirmation:
        ``Delete G5.5 ("G5.5 Members ...")``, ``delete clause H.9.5, which reads: '...'``."""
        if self.peek().kind == "(" and self.peek(1).kind == "quoted" and self.peek(2).kind == ")":
            for _ in range(3):
                self.take()
        entitled = re.search(r"(?:entitled|headed|titled)\s*$", self.source[: self.peek().start], re.IGNORECASE)
        if entitled and self.peek().kind == "quoted":
            self.take()  # "Delete Appendix A entitled 'The Policy Process'": its heading, as confirmation
            return
        save = self.pos
        if self.peek().kind == "." and self.peek(1).kind == "quoted" and self.peek(2).key == "and":
            self.take()  # "DELETE Clause 21. 'Its words.' And REPLACE WITH ...": its words, as confirmation
            self.take()
            return
        if self.peek().kind == ",":
            self.take()
        if self.accept_any("which reads", "which currently reads", "reading", "which says"):
            self.colon() or (self.peek().kind == "," and self.take())
            if self.peek().kind == "quoted":
                self.take()
                return
        self.pos = save

    def rewritten(self) -> Amendment | None:
        """``Amend|Change REF so (that) it reads: BLOCK``, ``Change REF to read: BLOCK`` and
        ``Proposed change to REF: BLOCK``: the clause's whole text anew. None (nothing taken)
        when the words after the verb are not a clause reference and one of those phrasings."""
        save = self.pos
        proposed = self.accept_any("proposed change to", "proposed amendment to")
        if not proposed and not self.accept_any("amend", "change"):
            return None
        if self.accept_any(*_FOLLOWING_PART) and self.at_clause_ref():
            return self.part_to_read()
        if any(self.at(w, "clause", "to", "read") for w in ("the", "this")):
            self.accept_any("the clause to read", "this clause to read")  # the clause printed above
            return Amendment("replace_text", text=self.block("the new text (quoted, or after ':')", None))
        self.accept_any("[existing]", "existing")  # "Amend [existing] Clause 10": the clause as it stands
        if not (self.at_clause_ref() or re.match(r"^[A-Z]{1,4}-\d+(?:\.\d+)*$", self.peek().value)):  # AP-10.2
            self.pos = save
            return None
        ends = ("so", "to")
        ref = self.number_ref(self.reference(lambda t: t.key in ends, "the clause whose text is replaced"))
        if not (
            self.accept_any("so that it reads", "so it reads", "so that it will read", "to read", "to now read")
            or (proposed and self.peek().kind in (":", "dash"))
        ):
            self.pos = save
            return None
        return Amendment("replace_text", clause=ref, text=self.block("the new text (quoted, or after ':')", ref))

    def part_to_read(self) -> Amendment:
        """``Amend the following section of 14.1: 'old' To read as follows: 'new'``: the words quoted
        first, replaced by the words quoted after "to read"."""
        ref = self.number_ref(self.reference(lambda t: False, "the clause the words are in"))
        if not self.colon():
            raise self.fail("':' and the words as they stand, quoted")
        old = self.quoted("the words as they stand (quoted)")
        if not self.accept_any("to read as follows", "to read", "so that it reads", "so it reads"):
            raise self.fail("'to read' and the new words")
        return Amendment("replace_words", clause=ref, old=old, new=self.new_text("the new words (quoted)"))

    def replace_clause(self) -> Amendment:
        """``Replace [the existing] CLAUSE-REF with (the following) [:] BLOCK`` after the verb."""
        self.accept_any("the existing", "existing")
        ref = self.number_ref(self.reference(lambda t: t.key in ("with", "by"), "the clause to replace"))
        self.confirming()
        if not (self.accept("with") or self.accept("by")):
            raise self.fail("'with' and the new text")
        # "with new H11.1: '...'": the number it keeps
        if (
            self.accept_any("new", "a new", "the new")
            and self.peek().kind == "word"
            and names_number(self.peek().value)
        ):
            self.take()
        return Amendment("replace_text", clause=ref, text=self.block("the new text (quoted, or after ':')", ref))

    def move_clause(self) -> Amendment:
        self.take()
        self.take()
        ref = self.number_ref(
            self.reference(lambda t: t.key in ("after", "before", "into", "to", "at"), "the clause to move")
        )
        where = self.place()
        anchor = self.number_ref(self.reference(lambda t: False, f"the clause to move it {where}"))
        return Amendment("move_clause", clause=ref, **placed(where, anchor))

    # -- YAML values -------------------------------------------------------------
    def flow(self, pos: int) -> tuple[str, int]:
        """The source of a YAML flow value starting at ``pos`` (a bracketed
        collection, a quoted scalar or a plain scalar) and where it ends."""
        src = self.source
        pos = self.lex.skip(pos)
        if pos >= len(src):
            raise self.lex.error(pos, "a value (YAML, e.g. {share: 0.1, of: [PLP, EPLP]} or 0.5)")
        start = pos
        depth = 0
        i = pos
        while i < len(src):
            ch = src[i]
            if ch in "'\"" and (depth or i == start):
                i = self._skip_yaml_string(i)
                if depth == 0:
                    return src[start:i], i
                continue
            if ch in "{[":
                depth += 1
            elif ch in "}]":
                depth -= 1
                if depth == 0:
                    return src[start : i + 1], i + 1
            elif depth == 0:
                break
            i += 1
        if depth:
            raise self.lex.error(start, "a closing bracket for this value")
        m = _plain_scalar().match(src, start)
        raw = (m.group(0) if m else "").rstrip()
        return raw, start + len(raw)

    def _skip_yaml_string(self, i: int) -> int:
        src = self.source
        q = src[i]
        j = i + 1
        while j < len(src):
            if q == '"' and src[j] == "\\":
                j += 2
                continue
            if src[j] == q:
                if q == "'" and j + 1 < len(src) and src[j + 1] == "'":
                    j += 2
                    continue
                return j + 1
            j += 1
        raise self.lex.error(i, f"a closing {q} for this value")

    def yaml_value(self, raw: str, pos: int) -> Any:
        try:
            value = parse(raw, "<wording>")
        except RulebookError:
            raise self.lex.error(
                pos, "a YAML value such as {share: 0.1, of: [PLP, EPLP]}, 0.5, true or 'text'"
            ) from None
        return freeze(value)

    def yaml_clauses(self, raw: str, pos: int) -> tuple[Clause, ...]:
        try:
            items = parse(raw, "<wording>")
        except RulebookError:
            raise self.lex.error(pos, "sub-clauses as a YAML list [{id: ..., text: ...}, ...]") from None
        if not isinstance(items, Seq):
            raise self.lex.error(pos, "sub-clauses as a YAML list [{id: ..., text: ...}, ...]")
        _named(items, self.source[:pos], "")
        try:
            return tuple(parse_clause(item, items, i, 1, None) for i, item in enumerate(items))
        except RulebookError as exc:
            raise WordingError(f"a sub-clause in the wording is not valid: {exc.message}") from None
