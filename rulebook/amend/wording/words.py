"""Actions on the words of a clause: delete, insert, replace, change, and where they go.

See the package docstring (:mod:`rulebook.amend.wording`) for the grammar.

Examples
--------
>>> from rulebook.amend.wording import parse_wording
>>> [(a.op, a.old, a.new) for a in parse_wording("Rule 2: for 'a' substitute 'b'")]
[('replace_words', 'a', 'b')]
"""

from __future__ import annotations

import functools
import re
from typing import Any

import attrs

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.edits import DELETE, DELETE_FIRST, INSERT, own_label
from rulebook.amend.wording.labels import derived_id
from rulebook.amend.wording.parts import PartForms
from rulebook.amend.wording.phrases import EVERY_AFTER, RELATIVE
from rulebook.amend.wording.reader import (
    CLAUSE_WORDS,
    ORDINAL_NUM,
    ORDINALS,
    PLURALS,
    STATEMENT_STARTS,
    looks_like_number,
    placed,
)
from rulebook.amend.wording.tokens import Token
from rulebook.model import Clause

__all__ = [
    "DELETE", "DELETE_FIRST", "EVERY_AFTER", "INSERT", "RELATIVE", "RENUMBER", "RENUMBER_WORDS", "SEPARATORS",
    "SIBLING",
    "WordActions",
    "siblings_named",
]  # fmt: skip

RENUMBER = ("renumber", "re-number", "reletter", "re-letter", "renumbering", "re-lettering", "re-numbering")
#: Words that may follow "renumber" ("renumber the remaining clauses and references accordingly").
RENUMBER_WORDS = frozenset(
    (
        "the", "remaining", "following", "subsequent", "other", "all", "and", "any", "references",
        "cross-references", "accordingly", "as", "necessary", "appropriate", "required", "consequentially",
        "consequential", "to", "it", "them", "rest", "of", "&", "appropriately", "where", "needed",
        *CLAUSE_WORDS, *PLURALS,
    )
)  # fmt: skip


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
# New words that start with their own number ("d.", "(2A)", "iv)") are a new sub-clause, not words.
@functools.cache
def _own_number() -> re.Pattern[str]:
    return re.compile(r"^(\([0-9A-Za-z]{1,4}\)|[0-9]{1,3}[A-Za-z]?[.)]|[a-z][.)]|[ivx]{1,4}[.)])$")


SEPARATORS = (";", ".", ",")
#: A replacement said in the passive, after the words replaced.
_PASSIVE_REPLACED = ("to be replaced by", "to be replaced with", "is replaced by", "is replaced with")
#: Nouns that say a deletion ("removal of 'x'").
_NOUNS_DELETE = ("removal", "deletion")
#: Marks a bare label ("(b)") read as a sibling of the clause the statement before named.
SIBLING = "\x00sibling:"


class WordActions(PartForms):
    """The actions that change a clause's words (and the few that name whole clauses within a statement)."""

    queued: list[Amendment]  # further amendments one action reads (a list of phrases)

    def label_next(self) -> bool:
        """An item label comes next: "a)", "(b)" (before a word that starts a statement)."""
        tok = self.peek()
        if tok.kind == "word" and len(tok.value) <= 4 and self.peek(1).kind == ")":
            return self.peek(2).key in STATEMENT_STARTS or self.peek(2).kind == "end"
        if tok.kind == "(" and self.peek(2).kind == ")" and len(self.peek(1).value) <= 4:
            return self.peek(3).key in STATEMENT_STARTS
        return False

    def so_it_reads(self) -> None:
        """Skip ", so that the sentence reads: '...'": the result, quoted as confirmation."""
        save = self.pos
        if self.peek().kind == ",":
            self.take()
        if not self.accept("so"):
            self.pos = save
            return
        while self.peek().kind == "word" and self.peek().key not in ("reads", "read"):
            self.take()
        if not (self.accept("reads") or self.accept("read")):
            self.pos = save
            return
        self.new_text("the words as they will read")

    # -- actions on words ----------------------------------------------------------
    def edge(self, verb_follows: bool) -> tuple[str, str | None] | None:
        """``at [the] end|start|beginning [of (the sentence | the text | REF)]``: where words are
        added to the clause's text, and the clause it names if any; None (nothing taken) otherwise.
        With ``verb_follows``, only when "insert" or "add" comes next."""
        save = self.pos
        if not (self.accept("at") or (self.at("to", "the") and self.peek(2).key == "end" and self.accept("to"))):
            return None
        self.accept("the")
        word = self.take().key
        if word not in ("end", "start", "beginning"):
            self.pos = save
            return None
        where = "end" if word == "end" else "start"
        ref: str | None = None
        if self.accept("of"):
            if self.accept_any("the", "this", "that"):
                if self.peek().key in ("last", "final") and where == "end":
                    self.take()
                if self.peek().key.rstrip("s") not in ("sentence", "text", "clause", "rule", "paragraph", "wording"):
                    self.pos = save
                    return None
                self.take()
            else:
                ref = self.number_ref(self.reference(lambda t: t.key in (*INSERT, "as", "insert"), "a clause"))
        if self.peek().kind == ",":
            self.take()
        if verb_follows and self.peek().key not in INSERT:
            self.pos = save
            return None
        return where, ref

    def at_edge(self, edge: tuple[str, str | None]) -> Amendment:
        """The new words of an insertion at the end or start of a clause's text."""
        self.accept_any("the following", "the words")
        at = self.peek().start
        # words added at the end may open with "...", at the start close with it: the clause's own
        # words run on there (docs/motions.md), and the dots go
        words = self.new_text("the words to add (quoted)", (edge[0] == "end", edge[0] == "start"))
        first = words.split(maxsplit=1)[0] if words.split() else ""
        if _own_number().match(first) and len(words.split()) > 1 and edge[1] is not None and edge[0] == "end":
            # "Add at end of Article 8.5, 'd. For those ...'": a new last item, numbered as printed
            text = words.split(maxsplit=1)[1]
            numbered = f"{edge[1]}({first.strip('.()')})"
            cid = derived_id(self.source[at : self.pos], text)
            return Amendment("insert_clause", new_clause=Clause(cid, text=text), into=edge[1], numbered=numbered)
        if _own_number().match(first) and len(words.split()) > 1:
            return self.own_numbered(at, first, words.split(maxsplit=1)[1], edge)  # "at end insert '(2A) ...'"
        return Amendment("insert_words", clause=edge[1], words=words, at=edge[0])

    def action(self) -> Amendment:
        if self.label_next():
            self.take()
            self.take()
            if self.peek().kind == ")":
                self.take()
        edge = self.edge(verb_follows=True)
        if edge is not None:
            self.take()
            return self.at_edge(edge)
        self.qualifiers()
        tok = self.peek()
        key = tok.key
        if key in DELETE_FIRST and (key not in ("leave", "strike") or self.peek(1).key == "out" or _struck(self)):
            return self.delete()
        if key == "between" and self.peek(1).kind == "quoted":
            return self.between()
        if key in _NOUNS_DELETE and self.peek(1).key == "of" and self.peek(2).kind == "quoted":
            self.take()  # "In point 28 removal of 'x'": the deletion, in a noun
            self.take()
            old, occurrence = self.phrase("the words to delete (quoted)")
            return Amendment("delete_words", words=old, occurrence=occurrence)
        quoted_first = self.quoted_first(start=False)
        if quoted_first is not None:
            return quoted_first  # "'x' change to 'y'", "'x' add 'y'"
        if tok.kind == "quoted" and self.peek(1).key in ("to", "is") and self.peek(2).key in ("be", "replaced"):
            # "Point 12.1 – 'x' to be replaced by 'y'": the replacement said in the passive
            replaced, occurrence = self.phrase("the words to replace (quoted)")
            if not self.accept_any(*_PASSIVE_REPLACED):
                raise self.fail("'to be replaced by' and the new words")
            by = self.new_text("the new words (quoted)")
            return Amendment("replace_words", old=replaced, new=by, occurrence=occurrence)
        if key == "amend" and self.peek(1).kind == ":":
            return self.amended_part()
        if key in INSERT and (part := self.added_part()) is not None:
            return part  # "by adding paragraph f) as follows: 11 f) Text": a new part of the clause named
        if key in INSERT and self.peek(1).key == "sentence" and self.peek(2).kind in (":", "quoted"):
            return self.sentence_added()  # "Add sentence: 'Text'": words at the end, never a new clause
        if key in ("after", "before") and self.label_added_next():
            return self.label_added()  # "in section 39 a), after vi) add 'vii) Text'": a part of the clause named
        if key in ("after", "before"):
            self.take()
            self.colon()
            anchor, occurrence = self.phrase(f"the quoted words to insert {key}")
            self.qualifiers()
            if self.peek().kind == ",":
                self.take()
            mark = self.mark_deleted()
            if mark is not None:
                # "after 'above' delete the full stop and insert '...'": the mark goes with the words before it
                new = self.then_new()
                if new is None:
                    return Amendment("replace_words", old=anchor + mark, new=anchor, occurrence=occurrence)
                return Amendment("replace_words", old=anchor + mark, new=f"{anchor} {new}", occurrence=occurrence)
            if self.peek().key in DELETE_FIRST:
                return self.delete()  # "After 'workers', delete 'consumers'": the phrase only says where
            if self.peek().key not in INSERT:
                raise self.fail("'insert' and the quoted words")
            self.take()
            words = self.new_text("the words to insert (quoted)")
            return Amendment("insert_words", words=words, occurrence=occurrence, **placed(key, anchor))
        if key in INSERT:
            self.take()
            if self.accept_any("to the list of", "to list of", "to the list", "to list"):
                return self.to_list()
            self.accept_any("a new sentence", "new sentence", "the sentence", "a sentence")
            if self.accept_any(
                *(f"{a}{b} bullet point" for a in ("a ", "an ", "") for b in ("new", "further", "additional"))
            ):
                at = self.pos  # "in 3.3.2, insert further bullet point '...'": a new item of that clause's list
                text = self.new_text("the new bullet point (quoted)")
                return Amendment(
                    "insert_clause", new_clause=Clause(derived_id(self.source[at : self.pos], text), text=text)
                )
            self.accept_any("in italics", "in bold")
            edge = self.edge(verb_follows=False)
            if edge is not None:
                self.accept_any("as follows")
                return self.at_edge(edge)
            placed_clause = self.after_clause_block()
            if placed_clause is not None:
                return placed_clause
            if self.peek().key in ("after", "before"):
                where = self.take().key
                self.colon()
                anchor, occurrence = self.phrase(f"the quoted words to insert {where}")
                self.qualifiers()
                if self.peek().kind == "," and self.peek(1).key in ("the", "these"):
                    self.take()  # "Insert after 'X', the words: 'Y'"
                return Amendment("insert_words", words=self.new_text("the words to insert (quoted)"),
                                 occurrence=occurrence, **placed(where, anchor))  # fmt: skip
            start = self.pos
            words = self.new_text("the words to insert (quoted)")
            edge = self.edge(verb_follows=False)
            if edge is not None:  # "Insert 'x' at the end (of Rule 2)."
                return Amendment("insert_words", clause=edge[1], words=words, at=edge[0])
            where = self.peek().key
            if where not in ("after", "before") and self.peek().kind in ("end", ";", "."):
                # "Rule Q add: 'REGIONS means ...'": a new clause at the end of the clause named,
                # numbered as its text starts ("Add: '2.9 The agenda ...'"); a bulleted list is several
                if sum(line.lstrip()[:1] in "•*" for line in words.splitlines()) > 1:
                    raise self.lex.error(start, "one new clause, not a bulleted list (add each item on its own)")
                numbered, text = own_label(words)
                cid = derived_id(self.source[start : self.pos], text)
                return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=numbered)
            if where not in ("after", "before"):
                raise self.fail("'after' or 'before' and the quoted words where they go")
            self.take()
            anchor, occurrence = self.phrase(f"the quoted words to insert {where}")
            return Amendment("insert_words", words=words, occurrence=occurrence, **placed(where, anchor))
        if key == "replace":
            self.take()
            return self.replace()
        if key == "for":
            self.take()
            old, occurrence = self.phrase("the words to replace (quoted)")
            self.expect("substitute", what="'substitute' and the new words")
            return Amendment(
                "replace_words", old=old, new=self.new_text("the new words (quoted)"), occurrence=occurrence
            )
        if key == "change":
            return self.change()
        if key == "set":
            self.take()
            self.expect("provision", what="'provision' as in 'set provision NAME to VALUE'")
            name = self.name()
            self.expect("to", what="'to' and the value, as in 'set provision NAME to VALUE'")
            raw, end = self.flow(self.pos)
            value = self.yaml_value(raw, self.pos)
            self.pos = end
            return Amendment("set_provision", name=name, value=value)
        raise self.fail("an operation: delete, insert, after, before, replace, set provision or remove provision")

    def delete(self) -> Amendment:
        verb = self.verb()
        self.colon()
        save = self.pos
        if (self.accept("these", "words") or self.accept("the", "existing", "words")) and self.peek().kind != "quoted":
            new = self.then_new()  # "Delete these words and replace them with: ...": the words printed above
            if new is not None:
                return Amendment("replace_text", text=new)
        self.pos = save
        if self.at("the", "text") and self.peek(2).kind != "quoted" and self.accept("the", "text"):
            return Amendment("replace_text", text=self.then_new() or "")
        if self.accept("the", "heading"):
            if self.peek().key in ("to", "of") and self.heading_cited():
                return self.heading_of()  # "Delete the heading to Divisional Rule 46 and replacing it with ..."
            return Amendment("replace_text", heading=self.then_new() or "")
        if self.peek().kind == "end" or (self.peek().kind == "." and self.peek(1).kind == "end"):
            return Amendment("delete_clause")  # "Article 14 – delete": nothing named after it, the clause
        if self.accept_any("the whole clause", "the clause", "this clause", "the whole"):
            anew = self.instead()
            if anew is None:
                self.confirming()  # "Delete the whole clause, which reads, 'To appoint an Auditor.'"
            return anew or Amendment("delete_clause")
        anew = self.own_unit_anew()  # "Omit the subsection. Insert instead: (b) ...": the clause's text anew
        if anew is not None:
            return anew
        if self.accept_any("the existing wording of", "existing wording of", "the wording of", "the text of",
                           "the existing wording in", "existing wording in", "the wording in", "wording in",
                           "wording of"):  # fmt: skip
            ref = self.number_ref(self.reference(lambda t: t.key == "and", "the clause whose text goes"))
            return Amendment("replace_text", clause=ref, text=self.then_new() or "")
        if verb == "remove" and self.accept("provision"):
            return Amendment("remove_provision", name=self.name())
        if self.peek().key in CLAUSE_WORDS and self.peek().value[:1].islower() and self.at_clause_ref():
            # "in clause 14, ... leave out subsection (2)": a part of the clause the statement names
            ref = self.number_ref(self.reference(lambda t: t.key == "and", "the part of the clause to delete"))
            if " to " in f" {ref} ":
                raise self.fail("one part to delete (a range is not read: delete each part)")
            return Amendment("delete_clause", clause=RELATIVE + ref)
        if self.label_replaced():
            # "In standing order 1.1, delete b) and insert: b) Text": that part of the clause, its text anew
            label = "".join(self.take().value for _ in range(3 if self.peek().kind == "(" else 2))
            text = self.then_new()
            if text is None:
                raise self.fail("'and insert' and the part's new text")
            first, _, rest = text.partition(" ")
            text = rest.strip() if first == label and rest.strip() else text
            return Amendment("replace_text", clause=RELATIVE + label, text=text)
        filler = self.filler()
        number = self.number_after(filler)  # "striking out the number 35"
        if number is None and self.peek().kind != "quoted" and filler:
            raise self.fail(f"the words to delete, quoted, after '{filler}'")
        old, occurrence = (number, None) if number is not None else self.phrase("the words to delete (quoted)")
        self.qualifiers()
        more = self.more_phrases()
        if more:
            if self.then_new() is not None:
                raise self.fail("one phrase to replace (several phrases and one replacement is not read)")
            self.queued.extend(Amendment("delete_words", words=w) for w in more)
            return Amendment("delete_words", words=old, occurrence=occurrence)
        source = self.taken_from()
        new = self.then_new()
        if new is not None:
            return Amendment("replace_words", clause=source, old=old, new=new, occurrence=occurrence)
        return Amendment("delete_words", clause=source, words=old, occurrence=occurrence)

    def label_replaced(self) -> bool:
        """A bare label ("b)", "(b)") then "and insert" or "and replace" comes next."""
        n = 3 if self.peek().kind == "(" else 2
        label = self.peek(1) if n == 3 else self.peek()
        closed = self.peek(n - 1).kind == ")" and label.kind == "word" and len(label.value) <= 4
        return closed and self.peek(n).key == "and" and self.peek(n + 1).key in ("insert", "replace", "substitute")

    def taken_from(self) -> str | None:
        """``from REF`` after the words deleted: the clause they are taken from ("remove '; and'
        from (b)", "Remove 'to 35%' from the Dirty Profits Tax"); None (nothing taken) otherwise.
        A bare label ("(b)") names a sibling of the clause named before (:data:`SIBLING`)."""
        if not self.at("from"):
            return None
        save = self.pos
        self.take()
        if self.peek().kind == "quoted" and (self.peek(1).kind in ("end", ";", ".") or self.peek(1).key == "and"):
            return self.take().value  # "strike 'bylaw 17(7)' from 'relevant bylaws' and ...": a part by its title
        named = self.peek().key == "the" and self.peek(1).value[:1].isupper()
        if named:
            self.take()  # "from the Dirty Profits Tax": a part of the book named by its title
        if not (named or self.at_clause_ref()):
            self.pos = save
            return None
        ref = self.number_ref(self.reference(lambda t: t.kind == "," or t.key == "and", "the clause"))
        return SIBLING + ref if re.fullmatch(r"\([0-9A-Za-z]{1,4}\)", ref) else ref

    def amended_part(self) -> Amendment:
        """``Section 3 – Forums Amend: 10.c.iv. New text``: the part the block numbers, within the
        clause named, gets the block as its text; a block with no number of its own is refused."""
        self.take()
        at = self.peek(1).start
        text = self.new_text("the part's number and its new text")
        first, _, rest = text.partition(" ")
        if not (first[:1].isdigit() and looks_like_number(first) and rest.strip()):
            raise self.lex.error(at, 'the number of the part amended, then its new text ("Amend: 10.c.iv. Text")')
        return Amendment("replace_text", clause=RELATIVE + first.rstrip(".)"), text=rest.strip())

    def after_clause_block(self) -> Amendment | None:
        """``inserting after the item pertaining to section 1531 the following: '1532. Text'``: a new
        clause after one named in words (no quote), its own leading number the number it will have;
        None (nothing taken) when a quoted phrase, not a clause, says where."""
        save = self.pos
        if self.peek().key not in ("after", "before") or self.peek(1).kind != "word":
            return None
        start = self.pos
        where = self.take().key

        def stop(tok: Token) -> bool:
            return (tok.key == "the" and self.peek(1).key == "following") or (tok.key, self.peek(1).key) == (
                "as",
                "follows",
            )

        anchor = self.number_ref(self.reference(stop, "the clause it goes after"))
        words = self.at("the", "following", "words") or self.at("the", "following", "word")
        if words or not (self.at("the", "following") or self.at("as", "follows")):
            self.pos = save
            return None
        text = self.block("the new clause's text (quoted, or after ':')", None)
        numbered = self.leading
        first, _, rest = text.partition(" ")
        if numbered is None and rest and first[-1:] in ".)" and _numeric_label(first[:-1]):
            numbered, text = first[:-1].strip("("), rest.strip()
        anchor = re.sub(r"^the\s+", "", anchor, flags=re.IGNORECASE)
        cid = derived_id(self.source[start : self.pos], text)
        return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=numbered,
                         **placed(where, anchor))  # fmt: skip

    def more_phrases(self) -> list[str]:
        """Further phrases of a list ("delete 'a', 'b' and 'c'"), each deleted too."""
        out: list[str] = []
        while (self.peek().kind == "," or self.at("and")) and self.peek(1).kind == "quoted":
            self.take()
            out.append(self.quoted())
        return out

    def replace(self) -> Amendment:
        if self.peek().kind == ",":
            self.take()
        self.qualifiers()
        if (label := self.replaced_label()) is not None:
            return label  # "replace 3.1.1, with '...'": that part of the clause named, anew
        if (anew := self.replaced_part()) is not None:
            return anew  # "replace paragraph iv) with the following: 'iv) Text'"
        if self.at("the", "text") or self.at("the", "heading"):
            fields: dict[str, Any] = {}
            while True:
                self.accept("the")
                part = self.take().key
                self.expect("with", what=f"'with' and the quoted new {part}")
                fields[part] = self.new_text(f"the new {part} (quoted)")
                other = "heading" if part == "text" else "text"
                if other in fields or not self.at("and", "the", other):
                    break
                self.take()
            return Amendment("replace_text", **fields)
        if self.accept_any("it with", "it by", "this clause with", "the clause with"):
            # "Replace it with: ...": "it" is the clause printed above the instruction
            return Amendment("replace_text", text=self.block("the new text (quoted, or after ':')", None))
        self.colon()  # "Replace: 'old' With: 'new'", printed as a form
        ordinal = self.peek(1).key in ORDINALS or ORDINAL_NUM.match(self.peek(1).value)
        if self.peek().key == "the" and ordinal and self.peek(2).key in ("sentence", "paragraph", "line", "words"):
            for _ in range(3):
                self.take()
            self.accept_any("which reads", "that reads", "reading", "which says", "beginning")
            self.colon()
        self.filler()
        old, occurrence = self.phrase("the words to replace (quoted), or 'the text'")
        self.qualifiers()
        self.described_role()  # "replace 'VP Finance' as the chair of the ... Committee with ...": for people
        if not (self.accept("with") or self.accept("by")):
            raise self.fail("'with' and the quoted new words")
        return self.made_in(old, self.new_text("the new words (quoted)", self.elided), occurrence)  # "... in Par. 12"


def _numeric_label(word: str) -> bool:
    """A clause's own number at the head of its quoted text ("1532", "(2A)", "4.1"): digits first."""
    return bool(re.fullmatch(r"\(?\d+(?:\.\d+)*[A-Za-z]?\)?", word))


def siblings_named(out: list[Amendment], default: str | None) -> list[Amendment]:
    """Each clause named by a bare label ("remove '; and' from (b)") read as the sibling of the
    clause named before it when that ends in a label of the same kind ("Delete Article 21.7(c) and
    ... from (b)": Article 21.7(b)), else as a part of the clause before it (or of ``default``)."""
    done: list[Amendment] = []
    for a in out:
        if a.clause and a.clause.startswith(SIBLING):
            label = a.clause[len(SIBLING) :]
            before = next((b.clause for b in reversed(done) if b.clause), default)
            last = re.search(r"\(([0-9A-Za-z]{1,4})\)$", before or "")
            if before and last and last[1].isdigit() == label.strip("()").isdigit():
                a = attrs.evolve(a, clause=before[: last.start()] + label)
            else:
                a = attrs.evolve(a, clause=f"{before}{label}" if before else label)
        done.append(a)
    return done


def _struck(reader: WordActions) -> bool:
    """ "strike 'x'" (no "out"): the quoted words struck."""
    return reader.peek().key == "strike" and reader.peek(1).kind == "quoted"
