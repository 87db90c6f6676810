"""Forms that name a part of a clause by its label, and resolutions that amend a clause by an
action: "in section 39 a), after vi) add 'vii) Text'", "replace paragraph iv) with the following:
'iv) Text'", "That section 5.5 be amended to omit the words 'x', replace with 'y'", "Insert new
D3.2: 'D3.2 Text'", and where deleted words stand ("which are immediately before the words 'y'").

See the package docstring (:mod:`rulebook.amend.wording`) for the grammar.

Examples
--------
>>> from rulebook.amend.wording import parse_wording
>>> (a,) = parse_wording("in section 39 a), after vi) add 'vii) Anglican Journal Committee'")
>>> a.op, a.after, a.numbered, a.new_clause.text
('insert_clause', 'section 39 a), vi)', 'section 39 a), vii)', 'Anglican Journal Committee')
>>> w = "That section 5.5 be amended to omit the words 'his or her', replace with 'their'."
>>> [(a.clause, a.old, a.new) for a in parse_wording(w)]
[('section 5.5', 'his or her', 'their')]
"""

from __future__ import annotations

import re

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.edits import INSERT, EditForms, same_shape
from rulebook.amend.wording.labels import derived_id
from rulebook.amend.wording.phrases import RELATIVE
from rulebook.amend.wording.reader import ACTION_STARTS, CLAUSE_WORDS, names_number, placed, split_refs
from rulebook.model import Clause

__all__ = ["PartForms"]


class PartForms(EditForms):
    """Parts of a clause named by their labels, and resolutions amending a clause by an action."""

    def amended_to(self) -> list[str] | None:
        """``That REFS [of the DOCUMENT] be amended to`` and an action ("omit the words 'x', replace
        with 'y'"): the clauses the action is made in, the action next; None (nothing taken) when
        the words after "that" are not that form."""
        save = self.pos
        self.take()
        if self.at_clause_ref():
            ref = self.reference(lambda t: t.key == "be", "the clause amended")
            if self.accept("be", "amended", "to") and self.peek().key in ACTION_STARTS:
                return split_refs(self.number_ref(ref))
        self.pos = save
        return None

    def label_added_next(self) -> bool:
        """``after LABEL add`` and a quoted text starting with a label of the same shape ("after vi)
        add 'vii) Text'"): a new part next to a part of the clause the statement names."""
        part, n = self.label_at(1)
        verb, text = self.peek(1 + n), self.peek(2 + n)
        label = text.value.split(" ", 1)[0] if text.kind == "quoted" else ""
        return bool(part) and verb.key in INSERT and same_shape(label, part, opening=False)

    def label_at(self, ahead: int) -> tuple[str, int]:
        """An item label ``ahead`` tokens on ("vi)", "(b)", "4."), and how many tokens it is ("", 0 if none)."""
        first, second, third = self.peek(ahead), self.peek(ahead + 1), self.peek(ahead + 2)
        if first.kind == "(" and second.kind == "word" and third.kind == ")":
            label, n = f"({second.value})", 3
        elif first.kind == "word" and second.kind in (")", "."):
            label, n = f"{first.value}{second.value}", 2
        else:
            return "", 0
        return (label, n) if same_shape(label, label) and len(label) <= 6 else ("", 0)

    def label_added(self) -> Amendment:
        """The new part of :meth:`label_added_next`, after (or before) the part named, numbered by its
        own label: both relative to the clause the statement names (docs/motions.md)."""
        where = self.take().key
        part, n = self.label_at(0)
        for _ in range(n + 1):
            self.take()
        at = self.peek().start
        label, _, text = self.new_text("the new part, quoted, starting with its own label").partition(" ")
        if not text.strip():
            raise self.lex.error(at, f"a new part starting with a label like {part!r}, then its text")
        cid = derived_id(self.source[at : self.pos], text.strip())
        return Amendment("insert_clause", new_clause=Clause(cid, text=text.strip()), numbered=f"{RELATIVE}, {label}",
                         **placed(where, RELATIVE + part))  # fmt: skip

    def placed_by_words(self) -> None:
        """Skip ``which are (immediately) before the words 'y'`` after the words deleted: where they
        stand, for people; the words deleted are found by their own words (docs/motions.md)."""
        save = self.pos
        if self.accept("which") and (self.accept("are") or self.accept("is")):
            self.accept_any("immediately", "directly")
            beside = (self.accept("before") or self.accept("after")) and self.accept_any("the words", "the word")
            if beside and self.peek().kind == "quoted":
                self.take()
                return
        self.pos = save

    def then_new(self) -> str | None:
        """``and insert Y`` / ``and replace (it) with Y`` / ``, substitute Y`` after a deletion; the Y."""
        save = self.pos
        self.placed_by_words()
        if self.peek().kind == ",":
            self.take()
        self.accept("and")
        self.accept_any("in its place", "in their place")
        if self.peek().key in INSERT:
            self.take()
            # "and substitute with:", "and inserting in place thereof the following words:-"
            self.accept_any("in its place", "in their place", "in place thereof", "instead", "with", "by")
            mark = self.named_mark()
            if mark is not None:
                return mark
            number = self.number_after(
                self.filler() if self.at("the") and self.peek(1).key in ("number", "figure") else None
            )
            if number is not None:
                return number  # "and substituting the number 33"
            if self.peek().kind in ("quoted", ":", "dash") or self.peek().key in ("the", "these"):
                return self.new_text("the words to insert (quoted)")
        elif self.accept("replace") or self.accept("replacing"):
            self.accept_any("it", "them", "this", "these", "these words", "the words", "the same")
            if self.accept("with") or self.accept("by"):
                mark = self.named_mark()
                return mark if mark is not None else self.new_text("the words to put in (quoted)")
        self.pos = save
        return None

    def replaced_part(self) -> Amendment | None:
        """``replace paragraph iv) with [the following:] 'iv) Text'`` inside a statement on a clause: that
        part of the clause named (its unit word kept), its text anew without its own label; None
        (nothing taken) otherwise."""
        unit, (part, n) = self.peek().value, self.label_at(1)
        if not (unit[:1].islower() and unit.lower() in CLAUSE_WORDS and part and self.peek(1 + n).key == "with"):
            return None
        for _ in range(n + 2):
            self.take()
        text = self.block("the new text", f"{unit} {part}")
        return Amendment("replace_text", clause=f"{RELATIVE}{unit} {part}", text=text)

    def added_part(self) -> Amendment | None:
        """``add paragraph f) as follows: [11] f) Text`` inside a statement on a clause: a new part of
        it numbered by its unit word and label, the label (and the clause's number before it)
        dropped from the text; None (nothing taken) otherwise."""
        unit, (part, n) = self.peek(1).value, self.label_at(2)
        after = self.peek(2 + n)
        if not (unit[:1].islower() and unit.lower() in CLAUSE_WORDS and part):
            return None
        if not (after.kind == ":" or (after.key == "as" and self.peek(3 + n).key == "follows")):
            return None
        start = self.pos
        for _ in range(n + 2):
            self.take()
        self.accept("as", "follows")
        text = self.block("the new part's text (after ':')", None)
        text = re.sub(rf"^(?:[\dA-Z.]+\s+)?{re.escape(part)}\s+", "", text)
        cid = derived_id(self.source[start : self.pos], text)
        return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=f"{RELATIVE}, {unit} {part}",
                         into=RELATIVE)  # fmt: skip

    def sentence_added(self) -> Amendment:
        """``Add sentence: 'Text'``: the words at the end of the clause named."""
        self.take()
        self.take()
        self.colon()
        return Amendment("insert_words", at="end", words=self.new_text("the sentence to add (quoted)"))

    def new_numbered(self) -> Amendment | None:
        """``Insert new D3.2: 'D3.2 Text'``: a new clause numbered by the citation after "new" (no unit
        word), its text's own number dropped; None (nothing taken) when no citation and ':' follow."""
        cite = self.peek(2)
        if not (self.peek(1).key == "new" and cite.kind == "word" and names_number(cite.value)):
            return None
        if not (any(c.isdigit() for c in cite.value) and self.peek(3).kind == ":"):
            return None
        start = self.pos
        for _ in range(3):
            self.take()
        text = self.block("the new clause's text (quoted, or after ':')", cite.value)
        cid = derived_id(self.source[start : self.pos], text)
        return Amendment("insert_clause", new_clause=Clause(cid, text=text), numbered=cite.value)
