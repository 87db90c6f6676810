"""Drafting a motion from two versions: the amendments that turn OLD into NEW.

The motion is built in five passes, each amendment checked by applying it
with :func:`~rulebook.amend.apply.apply` to the version in hand as it is
written, so the drafted motion applies exactly:

1. provisions that leave a clause (removed, or carried by another clause in
   NEW) are removed first, so no provision is ever carried twice;
2. the words of each clause kept from OLD are amended: a word-level diff
   (whitespace and punctuation are tokens too) becomes ``replace_words``,
   ``insert_words`` and ``delete_words``, written from the end of the text
   backwards so that each phrase is found where it stood; a phrase that occurs
   more than once is lengthened with neighbouring words until it is unique, or
   given its ``occurrence``. A clause rewritten through and through gets
   ``replace_text``. Headings get ``replace_text``; provisions set or changed
   get ``set_provision``;
3. the tree is arranged parent by parent in NEW's document order: clauses kept
   in the same relative order stay put, the others are moved
   (``move_clause``) or inserted with the new clauses beneath them
   (``insert_clause``);
4. a clause whose pinned ``number`` changed (no operation changes one), or
   whose heading becomes empty rather than absent, is deleted and inserted
   again, whole, beside a neighbour (clauses still to be deleted serve as
   neighbours too; with none, a placeholder clause holds its place);
5. clauses gone from NEW are deleted (``delete_clause``).

The amendments are then put in document order, as a secretary prints them
(where each falls in OLD; one clause's amendments as drafted), when that
order gives NEW exactly too.

Every amendment also carries its conventional wording
(:func:`~rulebook.amend.wording.write_wording`), with citations in OLD.
Only the clauses are compared: a motion cannot change a version's title,
dates or numbering scheme (a different numbering scheme is a
:class:`~rulebook.errors.DraftError`).

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> from rulebook.amend.apply import apply
>>> old = Version("club", "1", [Level("arabic", "Rule {n}")],
...               [Clause("fee", text="The fee is 15 per cent of income.")])
>>> new = Version("club", "2", old.numbering, [Clause("fee", text="The fee is 10 per cent of income.")])
>>> m = draft(old, new, motion_id="cut")
>>> [a.wording for a in m.amendments]
["Rule 1: delete '15' and insert '10'"]
>>> apply(old, m).clauses == new.clauses
True
"""

from __future__ import annotations

import difflib
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.amend.word_edits import text_amendments
from rulebook.amend.wording import write_wording
from rulebook.errors import AmendmentError, CitationError, DraftError
from rulebook.model import Clause, Version, walk
from rulebook.numbering import citation, resolve_id

__all__ = ["draft", "text_amendments"]

_DRAFT_LABEL = "\x00draft"


class _Drafter:
    """Writes the amendments, applying each to the version in hand as it goes."""

    def __init__(self, old: Version, new: Version) -> None:
        self.old = old
        self.new = new
        self.current = attrs.evolve(old, label=_DRAFT_LABEL)
        self.amendments: list[Amendment] = []
        self.bases = {old.label: old}

    def emit(self, amendment: Amendment) -> None:
        motion = Motion("draft", (amendment,), base=self.old.label)
        try:
            self.current = apply(self.current, motion, bases=self.bases, label=_DRAFT_LABEL, partial=True)
        except AmendmentError as exc:  # a bug here, not bad input: say so plainly
            raise DraftError(f"could not draft this change: {exc.message}") from None
        new = amendment.new_clause
        tail = ""
        if new is not None:
            amendment = attrs.evolve(amendment, numbered=self.number_of(new.id))
            tail = self.renumbered(new.id) if amendment.numbered is not None else ""
        wording = write_wording(amendment, self.old)
        if new is not None and amendment.numbered is not None and self.current.path(new.id)[1:]:
            wording = wording.replace("insert new clause", "insert new sub-clause", 1)  # as printed motions say
        self.amendments.append(attrs.evolve(amendment, wording=wording + tail))

    def renumbered(self, cid: str) -> str:
        """ "; re-letter the following sub-clauses" (or "renumber the following clauses") when the new
        clause goes before siblings whose numbers it changes, as printed motions say; reading it back
        does nothing, numbering being computed (docs/drafting.md)."""
        parent = self.current.parents[cid]
        siblings = self.children(parent)
        depth = len(self.current.path(cid)) - 1
        if siblings[-1].id == cid or depth >= len(self.current.numbering):
            return ""
        later = siblings[[c.id for c in siblings].index(cid) + 1 :]
        if all(c.number is not None for c in later):
            return ""  # pinned numbers do not change
        verb = "re-letter" if self.current.numbering[depth].style.endswith("alpha") else "renumber"
        return f"; {verb} the following {'sub-clauses' if depth else 'clauses'}"

    def number_of(self, cid: str) -> str | None:
        """The citation a new clause has once inserted, by which the wording names it (never
        by its id), when that citation names it alone."""
        try:
            cited = citation(self.current, cid)
            return cited if resolve_id(self.current, cited) == cid else None
        except CitationError:
            return None

    def safe(self, cid: str) -> bool:
        """True when ``cid`` names that clause when read in OLD (a new id may read as an old citation)."""
        if cid in self.old:
            return True
        try:
            resolve_id(self.old, cid)
        except CitationError:
            return True
        return False

    def children(self, parent: str | None) -> tuple[Clause, ...]:
        return self.current.clauses if parent is None else self.current.clause(parent).children

    # -- passes ---------------------------------------------------------------
    def provisions_out(self) -> None:
        new_owner = self.new.provision_index
        for _, clause in walk(self.old.clauses):
            for name in clause.provisions:
                leaves = new_owner.get(name) != clause.id
                if leaves and (clause.id in self.new or name in new_owner):
                    self.emit(Amendment("remove_provision", clause=clause.id, name=name))

    def content(self, recreated: set[str]) -> None:
        for _, clause in walk(self.old.clauses):
            cid = clause.id
            if cid not in self.new or cid in recreated:
                continue
            target = self.new.clause(cid)
            for amendment in text_amendments(cid, clause.text, target.text):
                self.emit(amendment)
            if target.heading != clause.heading:
                self.emit(Amendment("replace_text", clause=cid, heading=target.heading or ""))
            counted = {s.provision for s in target.stated if s.source == "sub-clauses"}  # docs/provisions.md
            for name, value in target.provisions.items():
                if name in counted:
                    continue
                held = self.current.clause(cid).provisions
                if name not in held or repr(held[name]) != repr(value):
                    self.emit(Amendment("set_provision", clause=cid, name=name, value=value))

    def fresh(self, clause: Clause) -> Clause:
        """A new clause as inserted: with the new clauses beneath it, not those moved in later."""
        kept = tuple(self.fresh(c) for c in clause.children if c.id not in self.old)
        return attrs.evolve(clause, children=kept)

    def place(self, parent: str | None, target: tuple[Clause, ...]) -> None:
        """Arrange ``parent``'s children as ``target``: keep what is in order, move or insert the rest."""
        ids = [c.id for c in target]
        current = [c.id for c in self.children(parent) if c.id in set(ids)]
        matcher = difflib.SequenceMatcher(None, current, ids, autojunk=False)
        stable = {ids[b.b + k] for b in matcher.get_matching_blocks() for k in range(b.size)}
        for i, clause in enumerate(target):
            if clause.id in stable:
                continue
            anchor = self.anchor(parent, ids[i - 1] if i else None)
            if clause.id in self.current:
                self.make_room(clause.id, parent)
                self.emit(Amendment("move_clause", clause=clause.id, **anchor))
            else:
                self.emit(Amendment("insert_clause", new_clause=self.fresh(clause), **anchor))

    def anchor(self, parent: str | None, previous: str | None) -> dict[str, Any]:
        """Where the next clause goes: after ``previous``, else first under ``parent``."""
        if previous is not None and self.safe(previous):
            return {"after": previous}
        siblings = self.children(parent)
        if previous is not None:
            k = next(i for i, c in enumerate(siblings) if c.id == previous)
            if k + 1 < len(siblings) and self.safe(siblings[k + 1].id):
                return {"before": siblings[k + 1].id}
            if k + 1 == len(siblings) and parent is not None and self.safe(parent):
                return {"into": parent}
        elif siblings and self.safe(siblings[0].id):
            return {"before": siblings[0].id}
        elif not siblings and parent is not None and self.safe(parent):
            return {"into": parent}
        if parent is None and not siblings and previous is None:
            raise DraftError(
                "OLD has no clauses: a motion inserts a clause after, before or into an existing one, "
                "so there is nothing to place the first clause by; write the first clause into OLD by hand"
            )
        raise DraftError(
            f"cannot name where a clause goes under {parent or 'the top level'}: the ids of the new clauses there "
            "read as citations of other clauses in OLD; give them ids that do not look like citations"
        )

    def make_room(self, cid: str, parent: str | None) -> None:
        """Before moving ``cid`` under ``parent``: if its present sub-clauses would then sit
        deeper than the numbering allows, first lift them to the top level (they are
        placed where they belong later, as NEW is walked top down)."""
        depth = 0 if parent is None else len(self.current.path(parent))
        height = max(d + 1 for d, _ in walk((self.current.clause(cid),)))
        if depth + height <= len(self.current.numbering):
            return
        top = next((c.id for c in reversed(self.current.clauses) if self.safe(c.id) and c.id != cid), None)
        if top is None:
            raise DraftError(f"cannot move clause {cid!r}: its sub-clauses would sit too deep on the way")
        for child in self.current.clause(cid).children:
            self.emit(Amendment("move_clause", clause=child.id, after=top))

    def arrange(self) -> None:
        self.place(None, self.new.clauses)
        for _, clause in walk(self.new.clauses):
            if clause.children:
                self.place(clause.id, clause.children)

    def delete(self) -> None:
        for _, clause in walk(self.old.clauses):
            if clause.id not in self.new and clause.id in self.current:
                self.emit(Amendment("delete_clause", clause=clause.id))

    def recreate(self, recreated: set[str]) -> None:
        for _, clause in walk(self.new.clauses):
            if clause.id not in recreated or clause.id not in self.current:
                continue
            if any(up.id in recreated for up in self.new.lineage(clause.id)[:-1]):
                continue
            parent = self.new.parents[clause.id]
            siblings = [c.id for c in self.children(parent)]
            k = siblings.index(clause.id)
            placeholder = None
            anchor: dict[str, Any]
            if k > 0 and self.safe(siblings[k - 1]):
                anchor = {"after": siblings[k - 1]}
            elif k + 1 < len(siblings) and self.safe(siblings[k + 1]):
                anchor = {"before": siblings[k + 1]}
            elif parent is not None and self.safe(parent) and k + 1 == len(siblings):
                anchor = {"into": parent}
            else:  # no neighbour to put it back beside: hold its place with a clause deleted afterwards
                placeholder = self.placeholder()
                self.emit(Amendment("insert_clause", new_clause=Clause(placeholder), after=clause.id))
                anchor = {"after": placeholder}
            self.emit(Amendment("delete_clause", clause=clause.id))
            self.emit(Amendment("insert_clause", new_clause=clause, **anchor))
            if placeholder is not None:
                self.emit(Amendment("delete_clause", clause=placeholder))

    def placeholder(self) -> str:
        """A fresh id, used by no version and read as no citation of OLD."""
        n = 0
        while f"draft-placeholder-{n}" in self.current or f"draft-placeholder-{n}" in self.new:
            n += 1
        return f"draft-placeholder-{n}"


def _recreated(old: Version, new: Version) -> set[str]:
    """Kept clauses that no operation can turn into their new form but re-inserting them."""
    out = set()
    for _, clause in walk(new.clauses):
        if clause.id in old:
            before = old.clause(clause.id)
            if before.number != clause.number or (clause.heading == "" and before.heading != ""):
                out.add(clause.id)
    return out


def draft(old: Version, new: Version, *, motion_id: str = "draft", title: str | None = None) -> Motion:
    """A motion that turns ``old`` into ``new``, drafted against ``old``
    (its ``base`` is ``old``'s label), with each amendment's wording.

    Raises :class:`~rulebook.errors.DraftError` when the two versions have the
    same clauses (a motion needs an amendment), or differ in what no motion can
    change (the numbering scheme).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> old = Version("club", "1", [Level("arabic", "Rule {n}")],
    ...               [Clause("a", text="Members vote."), Clause("b", text="Guests watch.")])
    >>> new = Version("club", "2", old.numbering, [Clause("b", text="Guests watch."),
    ...               Clause("c", text="Nobody sings."), Clause("a", text="Members vote.")])
    >>> for a in draft(old, new).amendments:
    ...     print(a.wording)
    move clause Rule 2 before Rule 1
    insert new clause after Rule 2 as Rule 2: 'Nobody sings.'; renumber the following clauses
    """
    if old.numbering != new.numbering:
        raise DraftError(
            f"versions {old.label!r} and {new.label!r} number their clauses differently; a motion cannot change "
            "the numbering scheme, so draft against a version with the same 'numbering'"
        )
    if old.clauses == new.clauses:
        raise DraftError(f"versions {old.label!r} and {new.label!r} have the same clauses: there is nothing to amend")
    recreated = _recreated(old, new)
    drafter = _Drafter(old, new)
    drafter.provisions_out()
    drafter.content(recreated)
    drafter.arrange()
    drafter.recreate(recreated)
    drafter.delete()
    if drafter.current.clauses != new.clauses:
        raise DraftError(
            f"could not draft a motion that turns {old.label!r} into {new.label!r} exactly; please report this"
        )
    motion = Motion(id=motion_id, amendments=tuple(drafter.amendments), title=title, base=old.label)
    return _in_document_order(old, new, motion)


def _in_document_order(old: Version, new: Version, motion: Motion) -> Motion:
    """The same amendments in the order a secretary prints them: by where each falls
    in ``old`` (a new clause where its anchor puts it), the amendments of one clause
    in the order they were drafted. The drafting passes order them by kind; the
    reordered motion is kept only when it still gives ``new`` exactly."""
    clauses = [c for _, c in walk(old.clauses)]
    index = {c.id: i for i, c in enumerate(clauses)}
    last: dict[str, int] = {}  # the place of the last clause beneath each clause, itself if none
    for i in reversed(range(len(clauses))):
        children = clauses[i].children
        last[clauses[i].id] = last[children[-1].id] if children else i
    placed: dict[str, float] = {}
    keys: list[float] = []
    for a in motion.amendments:
        anchor = a.anchor
        ref = anchor[1] if anchor else a.clause
        if ref is None:  # "... throughout the rule book": the whole book, printed first
            key = -1.0
        elif ref in placed:  # in or beside a clause this motion inserts
            key = placed[ref]
        elif ref not in index:
            return motion
        elif anchor is not None and anchor[0] == "before":
            key = index[ref] - 0.5
        elif anchor is not None:  # after the clause and all beneath it, or last inside it
            key = last[ref] + 0.5
        else:
            key = float(index[ref])
        if a.op == "insert_clause" and a.new_clause is not None:
            placed.update((c.id, key) for _, c in walk((a.new_clause,)))
        keys.append(key)
    order = sorted(range(len(keys)), key=keys.__getitem__)
    if order == list(range(len(keys))):
        return motion
    moved = attrs.evolve(motion, amendments=tuple(motion.amendments[i] for i in order))
    try:
        if apply(old, moved).clauses == new.clauses:
            return moved
    except AmendmentError:
        pass
    return motion
