"""Conventional amendment wording, read and written.

Conference papers write amendments in a stock English form ("Chapter 4,
Clause II.2.B.i, line 2: delete '15 per cent' and insert '10 per cent'").
:func:`parse_wording` reads that form into structured
:class:`~rulebook.amend.motion.Amendment` operations and :func:`write_wording`
writes any operation back in it. Clause references are kept as written (a
stable id or a citation); :func:`~rulebook.amend.apply.apply` resolves them
later in the motion's base, so this module never looks at a rule book's tree.

The reader is a small recursive-descent parser over tokens produced on demand
(quoted phrases, words, ``, ; : . ( )`` and, after ``set provision NAME to``,
a YAML flow value). The grammar, with keywords matched case-insensitively::

    wording    := statement ((";" | "." | "," | "and") statement)*
    statement  := "insert" ["a"] "new" CLAUSE [ID | "with id" ID] ["headed" Q] ["numbered" Q]
                      PLACE REF [(":" | "to read" [":"]) Q] ["with provisions" FLOW] ["with sub-clauses" FLOW]
                | "delete" CLAUSE REF
                | "move" CLAUSE REF PLACE REF
                | "renumber" ...                         (accepted and ignored)
                | [REF [locator] (":" | ",")] action ("and" action)*
    CLAUSE     := "clause" | "sub-clause" | "subclause" | "paragraph"
    PLACE      := "after" | "before" | "into" | "at the end of" | "to the end of"
    action     := DELETE PHRASE [("and" | ",") (INSERT | "replace with" | "replace it with" | "replace by") Q]
                | DELETE "the text" ["and" INSERT Q]  |  DELETE "the heading" ["and" INSERT Q]
                | DELETE "the clause"  |  DELETE "the whole clause"
                | ("after" | "before") PHRASE INSERT Q  |  INSERT Q ("after" | "before") PHRASE
                | "replace" PHRASE "with" Q
                | "replace the text with" Q ["and the heading with" Q]
                | "replace the heading with" Q ["and the text with" Q]
                | "set provision" NAME "to" VALUE  |  "remove provision" NAME
    DELETE     := "delete" | "leave out" | "remove"
    INSERT     := "insert" | "add" | "substitute"
    PHRASE     := ["the" ORDINAL ["occurrence of"]] Q [OCCURRENCE]
    OCCURRENCE := "(" ("occurrence" N | ORDINAL "occurrence" | "occurrence" ORDINAL) ")"
    locator    := ["," | ] ("line" | "lines" | "page" | "pages") N   (also before REF: "Page 12, ...")

A statement that starts with an action works on the clause of the statement
before it, so "Rule 2: delete 'x'; after 'y' insert 'z'" makes two amendments
of Rule 2.

**Quoting.** A phrase is quoted with ``'``, ``"``, ``‘…’`` or ``“…”`` and kept
exactly, spaces included. Inside it, the closing quote character written twice
stands for itself (``'the member''s fee'``), and a ``'`` or ``’`` directly
followed by a letter or digit is read as an apostrophe, so ``'the member's
fee'`` also works. :func:`write_wording` quotes with ``'`` unless the phrase
holds one, then with ``"``; a phrase holding both is written with ``'`` and
each ``'`` doubled.

**Ids of new clauses.** "insert new clause after REF: 'text'" without an id
gets :func:`derived_id` of where it goes and what it says: the first words of
its heading or text as a slug and six hex digits of a hash of the whole
statement, e.g. ``members-may-vote-1a2b3c``; the same wording always gives the
same id.

Examples
--------
>>> (a,) = parse_wording("Chapter 4, Clause II.2.B.i, line 2: delete '20 per cent' and insert '10 per cent'")
>>> a.op, a.clause, a.old, a.new
('replace_words', 'Chapter 4, Clause II.2.B.i', '20 per cent', '10 per cent')
>>> w = "Rule 2: after 'members' insert 'and guests'; delete clause Rule 3. Renumber accordingly."
>>> [x.op for x in parse_wording(w)]
['insert_words', 'delete_clause']
>>> write_wording(a)
"Chapter 4, Clause II.2.B.i: delete '20 per cent' and insert '10 per cent'"
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from typing import Any

import attrs
import yaml

from rulebook.amend.motion import Amendment
from rulebook.errors import RulebookError, WordingError
from rulebook.io.rulebook import ID_PATTERN, _clause_data, parse_clause
from rulebook.io.yamlsrc import Seq, parse
from rulebook.model import Clause, Version, freeze, thaw
from rulebook.numbering import citation

__all__ = ["derived_id", "parse_wording", "write_wording"]

_EXAMPLE = "e.g. \"Chapter 4, Clause II.2: delete '15 per cent' and insert '10 per cent'\""
_CLOSERS = {"'": "'", '"': '"', "‘": "’'", "’": "’", "“": "”\"", "”": "”"}  # fmt: skip
_ORDINALS = {
    "first": 1, "second": 2, "third": 3, "fourth": 4, "fifth": 5, "sixth": 6, "seventh": 7,
    "eighth": 8, "ninth": 9, "tenth": 10, "last": -1,
}  # fmt: skip
_ORDINAL_NUM = re.compile(r"^(\d+)(st|nd|rd|th)$", re.IGNORECASE)
_CLAUSE_WORDS = ("clause", "sub-clause", "subclause", "paragraph")
_DELETE_WORDS = ("delete", "remove")
_INSERT_WORDS = ("insert", "add", "substitute")
_LOCATOR_WORDS = ("line", "lines", "page", "pages")
#: Words that end a reference and start an operation, or a new statement.
_ACTION_STARTS = ("delete", "leave", "remove", "insert", "add", "substitute", "after", "before", "replace", "set")
_STATEMENT_STARTS = ("insert", "delete", "move", "renumber", "leave", "remove", "add", "after", "before",
                     "replace", "set", "substitute")  # fmt: skip
#: A plain YAML scalar in running text ends at ';', ' and ', or ',' or '.' before a space or the end.
_PLAIN_SCALAR = re.compile(r"(?:(?!\s+and\s|[.,](?:\s|$))[^;])*")
_LOCATOR = re.compile(r"^(line|lines|page|pages|p\.|pp\.)\s+\d+([-–]\d+)?$", re.IGNORECASE)
_TRAILING_LOCATOR = re.compile(r"^(.*\S)\s+(line|lines)\s+\d+([-–]\d+)?$", re.IGNORECASE)
_KEYWORDS = frozenset(("after", "before", "into", "at", "to", "as", "a", "headed", "numbered", "with", "reading"))


@attrs.frozen
class _Token:
    kind: str  # word, quoted, flow, ",", ";", ":", ".", "(", ")", end
    text: str  # the source text of the token
    value: str  # the word, or a quoted phrase's content
    start: int
    end: int

    @property
    def key(self) -> str:
        """The word lowered, for keyword matching ('' for other tokens)."""
        return self.value.lower() if self.kind == "word" else ""


def _is_break(source: str, i: int) -> bool:
    """True when position i is the end, white space or closing punctuation."""
    return i >= len(source) or source[i].isspace() or source[i] in ",;:.)"


class _Lexer:
    """Tokens of one wording, read on demand at any position."""

    def __init__(self, source: str) -> None:
        self.source = source

    def error(self, pos: int, expected: str) -> WordingError:
        src = self.source
        while pos < len(src) and src[pos].isspace():
            pos += 1
        shown = " ".join(src.split())
        if len(shown) > 200:
            shown = shown[:197] + "..."
        if pos >= len(src):
            where = "at the end"
        else:
            word_no = len(src[:pos].split()) + 1
            word = src[pos:].split()[0]
            where = f"at word {word_no} ({word!r}, column {pos + 1})"
        return WordingError(f'cannot read the wording "{shown}" {where}: expected {expected}; {_EXAMPLE}')

    def token(self, pos: int) -> _Token:
        src = self.source
        while pos < len(src) and src[pos].isspace():
            pos += 1
        if pos >= len(src):
            return _Token("end", "", "", pos, pos)
        c = src[pos]
        if c in _CLOSERS:
            return self.quoted(pos)
        if c in ",;()":
            return _Token(c, c, c, pos, pos + 1)
        if (c == ":" and _is_break(src, pos + 1)) or (c == ":" and src[pos + 1] in _CLOSERS):
            return _Token(":", c, c, pos, pos + 1)
        if c == "." and _is_break(src, pos + 1):
            return _Token(".", c, c, pos, pos + 1)
        end = pos
        while end < len(src):
            ch = src[end]
            if ch.isspace() or ch in ",;()":
                break
            if ch == ":" and (_is_break(src, end + 1) or src[end + 1] in _CLOSERS):
                break
            if ch == "." and _is_break(src, end + 1):
                break
            end += 1
        return _Token("word", src[pos:end], src[pos:end], pos, end)

    def quoted(self, pos: int) -> _Token:
        src = self.source
        closers = _CLOSERS[src[pos]]
        out = []
        i = pos + 1
        while i < len(src):
            ch = src[i]
            if ch in closers:
                if i + 1 < len(src) and src[i + 1] == ch:
                    out.append(ch)
                    i += 2
                    continue
                if ch in "'’" and i + 1 < len(src) and src[i + 1].isalnum():
                    out.append(ch)
                    i += 1
                    continue
                return _Token("quoted", src[pos : i + 1], "".join(out), pos, i + 1)
            out.append(ch)
            i += 1
        raise WordingError(
            f"the quotation that opens at word {len(src[:pos].split()) + 1} (column {pos + 1}) of the wording "
            f'"{" ".join(src.split())[:200]}" is never closed; close it with {closers[0]}'
        )

    def flow(self, pos: int) -> tuple[str, int]:
        """The source of a YAML flow value starting at ``pos`` (a bracketed
        collection, a quoted scalar or a plain scalar) and where it ends."""
        src = self.source
        while pos < len(src) and src[pos].isspace():
            pos += 1
        if pos >= len(src):
            raise self.error(pos, "a value (YAML, e.g. {share: 0.1, of: [PLP, EPLP]} or 0.5)")
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
            raise self.error(start, "a closing bracket for this value")
        # a plain scalar: up to ';', the end, ' and ' or a final full stop
        m = _PLAIN_SCALAR.match(src, start)
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
        raise self.error(i, f"a closing {q} for this value")


class _Parser:
    """Recursive descent over the tokens of one wording."""

    def __init__(self, source: str) -> None:
        self.lex = _Lexer(source)
        self.source = source
        self.pos = 0

    # -- token helpers -------------------------------------------------------
    def peek(self, ahead: int = 0) -> _Token:
        tok = self.lex.token(self.pos)
        for _ in range(ahead):
            tok = self.lex.token(tok.end)
        return tok

    def take(self) -> _Token:
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

    def expect(self, *words: str, what: str | None = None) -> None:
        if not self.accept(*words):
            raise self.lex.error(self.peek().start, what or " ".join(repr(w) for w in words))

    def fail(self, expected: str) -> WordingError:
        return self.lex.error(self.peek().start, expected)

    def quoted(self, what: str = "a quoted phrase") -> str:
        tok = self.peek()
        if tok.kind != "quoted":
            raise self.fail(what)
        self.take()
        return tok.value

    # -- references ----------------------------------------------------------
    def reference(self, stop: Callable[[_Token], bool], what: str) -> str:
        """A clause reference: source text up to a token for which ``stop`` holds."""
        start = self.peek().start
        end = start
        while True:
            tok = self.peek()
            if tok.kind in ("end", ";", "quoted", ":", ".") or stop(tok):
                break
            if tok.kind == "(" and self.peek(1).key in ("occurrence", *_ORDINALS):
                break  # "(second occurrence)" belongs to a phrase, not to a citation such as "(1)"
            if tok.key == "and" and self.peek(1).key in _STATEMENT_STARTS:
                break
            if tok.kind == "," and (self.peek(1).key in _STATEMENT_STARTS or self.peek(1).kind == "end"):
                break
            self.take()
            end = tok.end
        ref = self.source[start:end].strip().rstrip(",").strip()
        if not ref:
            raise self.lex.error(start, what)
        return ref

    def number_ref(self, ref: str) -> str:
        """Drop line and page locators ("line 2", "page 12") from a reference."""
        parts = [p.strip() for p in ref.split(",")]
        kept = [p for p in parts if not _LOCATOR.match(p)]
        for i, part in enumerate(kept):  # "Clause II.2 line 3", written without a comma
            m = _TRAILING_LOCATOR.match(part)
            if m:
                kept[i] = m.group(1)
        if kept == parts:
            return ref
        return ", ".join(kept) if kept else ref

    # -- statements ----------------------------------------------------------
    def wording(self) -> list[Amendment]:
        out: list[Amendment] = []
        current: str | None = None
        while True:
            while self.peek().kind in (";", ".", ",") or self.at("and"):
                self.take()
            tok = self.peek()
            if tok.kind == "end":
                break
            if tok.key == "renumber" or self.at("and", "renumber"):
                while self.peek().kind not in ("end", ";", "."):
                    self.take()
                continue
            if (
                self.at("insert", "new")
                or self.at("insert", "a", "new")
                or self.at("add", "new")
                or (self.at("add", "a", "new"))
            ):
                out.append(self.insert_clause())
                current = None
            elif tok.key in ("delete", "remove") and self.peek(1).key in _CLAUSE_WORDS:
                self.take()
                self.take()
                ref = self.reference(lambda t: False, "the clause to delete (an id or citation)")
                out.append(Amendment("delete_clause", clause=self.number_ref(ref)))
                current = None
            elif tok.key == "move" and self.peek(1).key in _CLAUSE_WORDS:
                out.append(self.move_clause())
                current = None
            elif tok.key in _ACTION_STARTS and self.starts_action():
                if current is None:
                    raise self.fail("the clause amended first, then ':' (as in \"Rule 2: delete 'x'\")")
                out.extend(self.actions(current))
            else:
                current = self.located()
                out.extend(self.actions(current))
            if self.peek().kind not in ("end", ";", ".", ",") and not self.at("and"):
                last = out[-1].op
                hint = "'and insert' and the new words, " if last == "delete_words" else ""
                raise self.fail(f"{hint}';', 'and' or the end of the wording")
        if not out:
            raise self.fail("an amendment")
        return out

    def starts_action(self) -> bool:
        """True when the next tokens begin an action rather than a reference."""
        nxt = self.peek(1)
        tok = self.peek()
        if tok.key == "leave":
            return nxt.key == "out"
        if tok.key == "set" or (tok.key == "remove" and nxt.key == "provision"):
            return nxt.key == "provision"
        return nxt.kind == "quoted" or nxt.key in ("the", "with", "text", "heading", "it")

    def located(self) -> str:
        """``REF [locator] :`` before the actions on that clause."""
        start = self.peek().start

        def stop(tok: _Token) -> bool:
            return tok.key in _ACTION_STARTS and tok.start > start and self.starts_action()

        ref = self.reference(stop, "the clause amended (an id or citation), then ':'")
        if self.peek().kind == ":" or (self.peek().kind == "," and self.peek(1).key in _ACTION_STARTS):
            self.take()
        elif not (self.peek().key in _ACTION_STARTS and self.starts_action()):
            raise self.fail("':' after the clause reference")
        ref = self.number_ref(ref)
        if not ref:
            raise self.lex.error(start, "the clause amended (an id or citation)")
        return ref

    def actions(self, clause: str) -> list[Amendment]:
        out = [self.action(clause)]
        while self.at("and") or self.peek().kind == ",":
            nxt = self.peek(1)
            if nxt.key not in _ACTION_STARTS or (
                nxt.key in ("insert", "add", "substitute") and (self.peek(2).key == "new" or self.peek(2).key == "a")
            ):
                break
            save = self.pos
            self.take()
            if not self.starts_action():
                self.pos = save
                break
            out.append(self.action(clause))
        return out

    def occurrence_before(self) -> int | None:
        """``the second`` (``occurrence of``) before a phrase."""
        if self.at("the") and (self.peek(1).key in _ORDINALS or _ORDINAL_NUM.match(self.peek(1).value)):
            self.take()
            n = self.ordinal(self.take())
            self.accept("occurrence", "of")
            return n
        return None

    def ordinal(self, tok: _Token) -> int:
        if tok.key in _ORDINALS:
            n = _ORDINALS[tok.key]
            if n < 0:
                raise self.lex.error(tok.start, "an ordinal such as 'second' ('last' needs the number: 'third')")
            return n
        m = _ORDINAL_NUM.match(tok.value)
        if m and len(m.group(1)) <= 9:  # bounded (docs/limits.md)
            return int(m.group(1))
        if tok.value.isdecimal() and len(tok.value) <= 9 and int(tok.value) >= 1:
            return int(tok.value)
        raise self.lex.error(tok.start, "an occurrence number such as 2 or 'second'")

    def occurrence_after(self) -> int | None:
        """``(occurrence 2)`` or ``(second occurrence)`` after a phrase."""
        if self.peek().kind != "(":
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

    def phrase(self, what: str) -> tuple[str, int | None]:
        before = self.occurrence_before()
        text = self.quoted(what)
        after = self.occurrence_after()
        if before is not None and after is not None and before != after:
            raise self.fail("one occurrence, not two different ones")
        return text, before if before is not None else after

    def inserted(self) -> str:
        """``insert 'Y'`` / ``replace with 'Y'`` after a deleted phrase; the Y."""
        if self.accept("replace", "it", "with") or self.accept("replace", "with") or self.accept("replace", "by"):
            return self.quoted("the words to put in (quoted)")
        if self.peek().key in _INSERT_WORDS:
            self.take()
            self.accept("the", "words")
            return self.quoted("the words to insert (quoted)")
        raise self.fail("'insert' and the new words")

    def then_insert(self) -> bool:
        """True (and consumed the joiner) if 'and insert …' follows a deletion."""
        tok = self.peek()
        if tok.key == "and" or tok.kind == ",":
            nxt = self.peek(1)
            if (
                (nxt.key in _INSERT_WORDS and self.peek(2).kind == "quoted")
                or (nxt.key in _INSERT_WORDS and self.peek(2).key == "the" and self.peek(3).key == "words")
                or (nxt.key == "replace" and self.peek(2).key in ("with", "it", "by"))
            ):
                self.take()
                return True
        return tok.key in _INSERT_WORDS and self.peek(1).kind == "quoted"

    def action(self, clause: str) -> Amendment:
        tok = self.peek()
        key = tok.key
        if key in _DELETE_WORDS or self.at("leave", "out"):
            if key == "leave":
                self.take()
            self.take()
            if self.accept("the", "text") or self.accept("the", "words"):
                new = self.inserted() if self.then_insert() else ""
                return Amendment("replace_text", clause=clause, text=new)
            if self.accept("the", "heading"):
                new = self.inserted() if self.then_insert() else ""
                return Amendment("replace_text", clause=clause, heading=new)
            if self.accept("the", "whole", "clause") or self.accept("the", "clause"):
                return Amendment("delete_clause", clause=clause)
            if key == "remove" and self.accept("provision"):
                return Amendment("remove_provision", clause=clause, name=self.name())
            old, occurrence = self.phrase("the words to delete (quoted)")
            if self.then_insert():
                new = self.inserted()
                return Amendment("replace_words", clause=clause, old=old, new=new, occurrence=occurrence)
            return Amendment("delete_words", clause=clause, words=old, occurrence=occurrence)
        if key in ("after", "before"):
            self.take()
            anchor, occurrence = self.phrase(f"the quoted words to insert {key}")
            if self.peek().kind == ",":
                self.take()
            if self.peek().key not in _INSERT_WORDS:
                raise self.fail("'insert' and the quoted words")
            self.take()
            words = self.quoted("the words to insert (quoted)")
            return Amendment("insert_words", clause=clause, words=words, occurrence=occurrence, **_at(key, anchor))
        if key in _INSERT_WORDS:
            self.take()
            words = self.quoted("the words to insert (quoted)")
            where = self.peek().key
            if where not in ("after", "before"):
                raise self.fail("'after' or 'before' and the quoted words where they go")
            self.take()
            anchor, occurrence = self.phrase(f"the quoted words to insert {where}")
            return Amendment("insert_words", clause=clause, words=words, occurrence=occurrence, **_at(where, anchor))
        if key == "replace":
            self.take()
            return self.replace(clause)
        if key == "set":
            self.take()
            self.expect("provision", what="'provision' as in 'set provision NAME to VALUE'")
            name = self.name()
            self.expect("to", what="'to' and the value, as in 'set provision NAME to VALUE'")
            raw, end = self.lex.flow(self.pos)
            value = _yaml_value(raw, self.lex, self.pos)
            self.pos = end
            return Amendment("set_provision", clause=clause, name=name, value=value)
        raise self.fail("an operation: delete, insert, after, before, replace, set provision or remove provision")

    def replace(self, clause: str) -> Amendment:
        if self.at("the", "text") or self.at("the", "heading"):
            fields: dict[str, Any] = {}
            while True:
                self.accept("the")
                part = self.take().key
                self.expect("with", what=f"'with' and the quoted new {part}")
                fields[part] = self.quoted(f"the new {part} (quoted)")
                other = "heading" if part == "text" else "text"
                if other in fields or not self.at("and", "the", other):
                    break
                self.take()
            return Amendment("replace_text", clause=clause, **fields)
        old, occurrence = self.phrase("the words to replace (quoted), or 'the text'")
        if not (self.accept("with") or self.accept("by")):
            raise self.fail("'with' and the quoted new words")
        new = self.quoted("the new words (quoted)")
        return Amendment("replace_words", clause=clause, old=old, new=new, occurrence=occurrence)

    def name(self) -> str:
        tok = self.peek()
        if tok.kind == "quoted" or tok.kind == "word":
            self.take()
            return tok.value
        raise self.fail("the provision's name")

    def place(self) -> str:
        """after / before / into / at the end of."""
        if self.accept("at", "the", "end", "of") or self.accept("to", "the", "end", "of") or self.accept("into"):
            return "into"
        if self.accept("as", "the", "last", "sub-clause", "of"):
            return "into"
        tok = self.peek()
        if tok.key in ("after", "before"):
            self.take()
            return tok.key
        raise self.fail("'after', 'before' or 'at the end of' and a clause")

    def insert_clause(self) -> Amendment:
        start = self.pos
        self.take()
        self.accept("a")
        self.expect("new")
        if self.peek().key not in _CLAUSE_WORDS:
            raise self.fail("'clause' as in 'insert new clause ID after ...'")
        self.take()
        cid: str | None = None
        if self.accept("with", "id") or (self.peek().kind == "word" and self.peek().key not in _KEYWORDS):
            cid = self.take().value
        if cid is not None and not ID_PATTERN.match(cid):
            raise self.fail("a clause id: letters, digits and . _ : / - (no spaces)")
        attrs_: dict[str, str] = {}
        self.headed(attrs_)
        where = self.place()
        stops = ("reading", "with", "to", "headed", "numbered")
        anchor = self.number_ref(self.reference(lambda t: t.key in stops, f"the clause it goes {where}"))
        self.headed(attrs_)
        text = None
        if self.peek().kind == ":" or self.at("to", "read") or self.at("reading"):
            if not self.accept("to", "read"):
                self.accept("reading")
            if self.peek().kind == ":":
                self.take()
            text = self.quoted("the new clause's text (quoted)")
        heading, number = attrs_.get("heading"), attrs_.get("number")
        provisions: Any = {}
        children: tuple[Clause, ...] = ()
        while self.at("with", "provisions") or self.at("with", "sub-clauses") or self.at("with", "subclauses"):
            self.take()
            what = self.take().key
            at = self.pos
            raw, end = self.lex.flow(self.pos)
            self.pos = end
            if what == "provisions":
                provisions = _yaml_value(raw, self.lex, at)
                if not hasattr(provisions, "items"):
                    raise self.lex.error(at, "provisions as a YAML mapping {name: value, ...}")
            else:
                children = _clauses(raw, self.lex, at)
        if cid is None:
            cid = derived_id(self.source[start : self.pos], heading or text or "")
        try:
            clause = Clause(cid, heading=heading, text=text, provisions=provisions, children=children, number=number)
        except (TypeError, ValueError) as exc:
            raise self.fail(f"a valid new clause ({exc})") from None
        return Amendment("insert_clause", new_clause=clause, **_at(where, anchor))

    def headed(self, into: dict[str, str]) -> None:
        """``headed 'H'`` and ``numbered 'N'`` of a new clause."""
        while self.peek().key in ("headed", "numbered"):
            which = "heading" if self.take().key == "headed" else "number"
            if which in into:
                raise self.fail(f"one {which}, not two")
            into[which] = self.quoted(f"the quoted {which}")

    def move_clause(self) -> Amendment:
        self.take()
        self.take()
        ref = self.number_ref(
            self.reference(lambda t: t.key in ("after", "before", "into", "to", "at"), "the clause to move")
        )
        where = self.place()
        anchor = self.number_ref(self.reference(lambda t: False, f"the clause to move it {where}"))
        return Amendment("move_clause", clause=ref, **_at(where, anchor))


def _at(where: str, ref: str) -> dict[str, Any]:
    """Keyword arguments placing an amendment ``where`` (after/before/into) ``ref``."""
    return {where: ref}


def _yaml_value(raw: str, lex: _Lexer, pos: int) -> Any:
    try:
        value = parse(raw, "<wording>")
    except RulebookError:
        raise lex.error(pos, "a YAML value such as {share: 0.1, of: [PLP, EPLP]}, 0.5, true or 'text'") from None
    return freeze(value)


def _clauses(raw: str, lex: _Lexer, pos: int) -> tuple[Clause, ...]:
    try:
        items = parse(raw, "<wording>")
    except RulebookError:
        raise lex.error(pos, "sub-clauses as a YAML list [{id: ..., text: ...}, ...]") from None
    if not isinstance(items, Seq):
        raise lex.error(pos, "sub-clauses as a YAML list [{id: ..., text: ...}, ...]")
    try:
        return tuple(parse_clause(item, items, i, 1, None) for i, item in enumerate(items))
    except RulebookError as exc:
        raise WordingError(f"a sub-clause in the wording is not valid: {exc.message}") from None


def derived_id(statement: str, words: str) -> str:
    """The id given to a new clause whose wording names none: a slug of the
    first words of ``words`` (its heading or text) and six hex digits of a
    hash of the whole ``statement``.

    Examples
    --------
    >>> derived_id("insert new clause after Rule 2: 'Members may vote.'", "Members may vote.")
    'members-may-vote-6aeab2'
    """
    slug = "-".join(re.findall(r"[a-z0-9]+", words.lower())[:4]) or "clause"
    digest = hashlib.sha256(" ".join(statement.split()).encode()).hexdigest()[:6]
    return f"{slug}-{digest}"


def parse_wording(text: str) -> tuple[Amendment, ...]:
    """The amendments that conventional wording describes (see the module
    docstring for the forms read). Raises
    :class:`~rulebook.errors.WordingError` naming the word it could not read.

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
    >>> parse_wording("Rule 2: delete '5' snd insert '6'")
    Traceback (most recent call last):
    ...
    rulebook.errors.WordingError: cannot read the wording "Rule 2: delete '5' snd insert '6'" at word 5 ...
    """
    if not isinstance(text, str) or not text.strip():
        raise WordingError(f"the wording is empty; write the amendment out, {_EXAMPLE}")
    return tuple(_Parser(text).wording())


# -- writing -------------------------------------------------------------------


def _quote(phrase: str) -> str:
    """A phrase in quotes that :func:`parse_wording` reads back exactly.

    Examples
    --------
    >>> _quote("10 per cent"), _quote("the member's fee"), _quote('''it's "so"''')
    ("'10 per cent'", '"the member\\'s fee"', '\\'it\\'\\'s "so"\\'')
    """
    if "'" not in phrase:
        return f"'{phrase}'"
    if '"' not in phrase:
        return f'"{phrase}"'
    return "'" + phrase.replace("'", "''") + "'"


class _FlowDumper(yaml.SafeDumper):
    """Dumps values on one line; strings plain only where plain YAML reads them back as the same word."""


_PLAIN_WORD = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if _PLAIN_WORD.match(data) and yaml.safe_load(data) == data and not data.endswith("."):
        style = None
    else:
        style = "'" if data.isprintable() else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_FlowDumper.add_representer(str, _represent_str)


def _flow(value: Any) -> str:
    """A value as one-line YAML flow text (a string alone is always quoted, so
    that the running text after it cannot be mistaken for part of it).

    Examples
    --------
    >>> _flow({"share": 0.1, "of": ["PLP", "EPLP"]})
    '{share: 0.1, of: [PLP, EPLP]}'
    >>> _flow("fails")
    "'fails'"
    """
    plain = thaw(value)
    if isinstance(plain, str):
        style = "'" if plain.isprintable() else '"'
        dumper_text = yaml.dump(plain, Dumper=yaml.SafeDumper, default_style=style, width=1 << 30, allow_unicode=True)
        return dumper_text.strip()
    text = yaml.dump(plain, Dumper=_FlowDumper, default_flow_style=True, width=1 << 30, allow_unicode=True,
                     sort_keys=False)  # fmt: skip
    text = text.strip()
    if text.endswith("..."):
        text = text[:-3].rstrip()
    return text


def _occurrence(n: int | None) -> str:
    return "" if n is None else f" (occurrence {n})"


def write_wording(amendment: Amendment, version: Version | None = None) -> str:
    """The conventional English for an amendment; with ``version``, clause ids
    are written as their citations in it (references that are not ids of
    ``version`` are written as they are).

    Examples
    --------
    >>> write_wording(Amendment("insert_words", clause="fees", after="5 pounds", words="a year"))
    "fees: after '5 pounds' insert 'a year'"
    >>> write_wording(Amendment("move_clause", clause="fees", before="members"))
    'move clause fees before members'
    >>> write_wording(Amendment("set_provision", clause="fees", name="fee", value=5))
    'fees: set provision fee to 5'
    """

    def ref(r: str | None) -> str:
        r = r or ""
        if version is not None and r in version:
            return citation(version, r)
        return r

    a = amendment
    op = a.op
    if op == "replace_words":
        old = _quote(a.old or "") + _occurrence(a.occurrence)
        return f"{ref(a.clause)}: delete {old} and insert {_quote(a.new or '')}"
    if op == "delete_words":
        return f"{ref(a.clause)}: delete {_quote(a.words or '')}{_occurrence(a.occurrence)}"
    if op == "insert_words":
        where, anchor = ("after", a.after) if a.after is not None else ("before", a.before)
        at = _quote(anchor or "") + _occurrence(a.occurrence)
        return f"{ref(a.clause)}: {where} {at} insert {_quote(a.words or '')}"
    if op == "replace_text":
        if (a.text, a.heading) == ("", None) or (a.text, a.heading) == (None, ""):
            return f"{ref(a.clause)}: delete the {'text' if a.text == '' else 'heading'}"
        parts = []
        if a.text is not None:
            parts.append(f"the text with {_quote(a.text)}")
        if a.heading is not None:
            parts.append(f"the heading with {_quote(a.heading)}")
        return f"{ref(a.clause)}: replace " + " and ".join(parts or ["the text with ''"])
    if op == "insert_clause":
        return _write_insert_clause(a, ref)
    if op == "delete_clause":
        return f"delete clause {ref(a.clause)}"
    if op == "move_clause":
        where, anchor = a.anchor or ("after", "")
        place = "to the end of" if where == "into" else where
        return f"move clause {ref(a.clause)} {place} {ref(anchor)}"
    if op == "set_provision":
        return f"{ref(a.clause)}: set provision {_name(a.name or '')} to {_flow(a.value)}"
    if op == "remove_provision":
        return f"{ref(a.clause)}: remove provision {_name(a.name or '')}"
    raise WordingError(f"no conventional wording for operation {op!r}")


def _name(name: str) -> str:
    plain = name and not re.search(r"[\s,;:()'\"‘’“”]", name) and not name.endswith(".")
    return name if plain else _quote(name)


def _write_insert_clause(a: Amendment, ref: Callable[[str | None], str]) -> str:
    clause = a.new_clause or Clause("")
    where, anchor = a.anchor or ("after", "")
    place = "at the end of" if where == "into" else where
    cid = clause.id
    head = f"insert new clause with id {cid}" if cid.lower() in _KEYWORDS else f"insert new clause {cid}"
    parts = [head]
    if clause.heading is not None:
        parts.append(f"headed {_quote(clause.heading)}")
    if clause.number is not None:
        parts.append(f"numbered {_quote(clause.number)}")
    parts.append(f"{place} {ref(anchor)}")
    out = " ".join(parts)
    if clause.text is not None:
        out += f": {_quote(clause.text)}"
    if clause.provisions:
        out += f" with provisions {_flow(clause.provisions)}"
    if clause.children:
        out += f" with sub-clauses {_flow([_clause_data(c) for c in clause.children])}"
    return out
