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
import re
from collections.abc import Iterator
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.amend.phrases import phrase_pattern
from rulebook.amend.wording import write_wording
from rulebook.errors import AmendmentError, CitationError, DraftError
from rulebook.model import Clause, Level, Version, walk
from rulebook.numbering import citation, resolve_id

__all__ = ["draft", "text_amendments"]

_TOKEN = re.compile(r"\s+|\w+|[^\w\s]")
_PUNCT_AFTER = tuple(",.;:)]!?'\"")
#: Longest context (in tokens each way) added to make a phrase unique before giving its occurrence.
_MAX_CONTEXT = 12
#: Below this similarity a clause's text is replaced whole rather than amended word by word.
_REWRITE_RATIO = 0.4
_DRAFT_LABEL = "\x00draft"
#: Word edits this many words apart or closer are printed as one phrase replacement.
_MERGE_GAP = 3


def _spans(text: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in _TOKEN.finditer(text)]


def _starts(text: str, phrase: str) -> list[int]:
    """Where ``phrase`` starts in ``text`` as whole words, overlaps included (as apply counts them)."""
    return [m.start() for m in phrase_pattern(phrase).finditer(text)] if phrase else []


class _TextEditor:
    """Turns one clause's old text into its new text with word operations."""

    def __init__(self, cid: str) -> None:
        self.cid = cid

    def run(self, text: str, amendment: Amendment) -> str | None:
        """The clause text after ``amendment``, as apply computes it (None if it fails)."""
        probe = Version("draft", "draft", (Level("arabic"),), (Clause(self.cid, text=text),))
        try:
            out = apply(probe, Motion("draft", (amendment,))).clause(self.cid).text
        except AmendmentError:
            return None
        return out if out is not None else ""

    def occurrence(self, text: str, s: int, e: int) -> int | None:
        starts = _starts(text, text[s:e])
        return None if len(starts) == 1 else starts.index(s) + 1

    def widen(self, text: str, s: int, e: int, left: bool, right: bool) -> tuple[int, int]:
        """Grow [s, e) by whole tokens, on the sides allowed, until the phrase is
        unique in ``text`` and does not start or end with white space."""
        spans = _spans(text)
        by_end = {b: a for a, b in spans}
        by_start = dict(spans)

        def done() -> bool:
            if s == e or (left and text[s].isspace()) or (right and text[e - 1].isspace()):
                return False
            return len(_starts(text, text[s:e])) == 1

        grown = 0
        while not done() and grown < 2 * _MAX_CONTEXT:
            can_left = left and s in by_end and s > 0
            can_right = right and e in by_start and e < len(text)
            if can_left and (s == e or text[s].isspace()):
                s = by_end[s]
            elif (can_right and (s == e or text[e - 1].isspace())) or (can_right and (grown % 2 == 0 or not can_left)):
                e = by_start[e]
            elif can_left:
                s = by_end[s]
            else:
                break
            grown += 1
        return s, e

    def candidates(self, text: str, start: int, end: int, new: str) -> Iterator[Amendment]:
        """Amendments that may turn ``text[start:end]`` into ``new``, most conventional first."""
        cid = self.cid
        seg = text[start:end]
        if seg and new:
            s, e = self.widen(text, start, end, True, True)
            yield Amendment("replace_words", clause=cid, old=text[s:e], new=text[s:start] + new + text[end:e],
                            occurrence=self.occurrence(text, s, e))  # fmt: skip
            yield Amendment("replace_words", clause=cid, old=seg, new=new, occurrence=self.occurrence(text, start, end))
            return
        if new:  # an insertion at ``start``
            if start > 0:
                words = new[1:] if new.startswith(" ") and not new[1:].startswith(_PUNCT_AFTER) else new
                if words and not words[0].isspace():
                    s, _ = self.widen(text, start, start, True, False)
                    if s < start:
                        yield Amendment("insert_words", clause=cid, words=words, after=text[s:start],
                                        occurrence=self.occurrence(text, s, start))  # fmt: skip
            if end < len(text) and new.endswith(" ") and len(new) > 1 and not new[-2].isspace():
                _, e = self.widen(text, end, end, False, True)
                if e > end:
                    yield Amendment("insert_words", clause=cid, words=new[:-1], before=text[end:e],
                                    occurrence=self.occurrence(text, end, e))  # fmt: skip
            s, e = self.widen(text, start, end, True, True)
            if s < e:
                yield Amendment("replace_words", clause=cid, old=text[s:e], new=text[s:start] + new + text[end:e],
                                occurrence=self.occurrence(text, s, e))  # fmt: skip
            return
        # a deletion of ``seg``
        stripped = seg.strip()
        if stripped:
            s = start + (len(seg) - len(seg.lstrip()))
            e = s + len(stripped)
            yield Amendment("delete_words", clause=cid, words=stripped, occurrence=self.occurrence(text, s, e))
        yield Amendment("delete_words", clause=cid, words=seg, occurrence=self.occurrence(text, start, end))
        s, e = self.widen(text, start, end, True, True)
        if text[s:start] + text[end:e]:
            yield Amendment("replace_words", clause=cid, old=text[s:e], new=text[s:start] + text[end:e],
                            occurrence=self.occurrence(text, s, e))  # fmt: skip

    def edits(self, old: str, new: str) -> list[Amendment] | None:
        """Word operations turning ``old`` into ``new`` (both non-empty), or None."""
        a = [old[s:e] for s, e in _spans(old)]
        b = [new[s:e] for s, e in _spans(new)]
        matcher = difflib.SequenceMatcher(None, a, b, autojunk=False)
        if matcher.ratio() < _REWRITE_RATIO and len(a) > 3:
            return None
        offsets = [0]
        for tok in a:
            offsets.append(offsets[-1] + len(tok))
        groups: list[list[int]] = []
        for tag, i1, i2, j1, j2 in matcher.get_opcodes():
            if tag == "equal":
                continue
            if (
                groups
                and all(not re.search(r"\w", t) for t in a[groups[-1][1] : i1])
                and (groups[-1][1] < i1 or groups[-1][3] < j1)
            ) or (groups and groups[-1][1] == i1 and groups[-1][3] == j1):
                groups[-1][1], groups[-1][3] = i2, j2
            else:
                groups.append([i1, i2, j1, j2])
        groups = _merged([_slid(g, a, b) for g in groups], a)
        out: list[Amendment] = []
        text = old
        for i1, i2, j1, j2 in reversed(groups):
            start, end = offsets[i1], offsets[i2]
            replacement = "".join(b[j1:j2])
            expected = text[:start] + replacement + text[end:]
            for candidate in self.candidates(text, start, end, replacement):
                if self.run(text, candidate) == expected:
                    out.append(candidate)
                    text = expected
                    break
            else:
                return None
        return self.in_document_order(old, out)

    def in_document_order(self, old: str, backwards: list[Amendment]) -> list[Amendment]:
        """The edits in the order a secretary prints them (first words first), when they
        still apply exactly in that order; else as written, from the end backwards."""
        forwards = backwards[::-1]
        text: str | None = old
        for amendment in forwards:
            text = self.run(text, amendment) if text is not None else None
        return forwards if text == self.run_all(old, backwards) else backwards

    def run_all(self, text: str, amendments: list[Amendment]) -> str | None:
        out: str | None = text
        for amendment in amendments:
            out = self.run(out, amendment) if out is not None else None
        return out


def _slid(group: list[int], a: list[str], b: list[str]) -> list[int]:
    """An insertion that starts with punctuation or space which also follows it in the text
    moved past it ("after 'elections.' insert 'Where ...'" rather than "after 'elections'
    insert '. Where ...'"): the same result, printed as a person would."""
    i1, i2, j1, j2 = group
    while i1 == i2 and j1 < j2 and j2 < len(b) and i1 < len(a) and not re.search(r"[\w\s]", b[j1]):
        if b[j1] != b[j2] or a[i1] != b[j2]:
            break
        i1, i2, j1, j2 = i1 + 1, i2 + 1, j1 + 1, j2 + 1
    return [i1, i2, j1, j2]


def _merged(groups: list[list[int]], tokens: list[str]) -> list[list[int]]:
    """Neighbouring edits with at most :data:`_MERGE_GAP` words between them become one, so
    the motion replaces one phrase rather than making several small edits close together."""
    out: list[list[int]] = []
    for group in groups:
        if out and sum(1 for t in tokens[out[-1][1] : group[0]] if re.search(r"\w", t)) <= _MERGE_GAP:
            out[-1][1], out[-1][3] = group[1], group[3]
        else:
            out.append(list(group))
    return out


def text_amendments(cid: str, old: str | None, new: str | None) -> list[Amendment]:
    """The amendments that turn a clause's text ``old`` into ``new``: word
    operations where they do it exactly, else ``replace_text``.

    Examples
    --------
    >>> [(a.op, a.after, a.words) for a in text_amendments("fee", "Members pay.", "Members and guests pay.")]
    [('insert_words', 'Members', 'and guests')]
    >>> [(a.op, a.text) for a in text_amendments("fee", "Members pay.", None)]
    [('replace_text', '')]
    """
    if old == new:
        return []
    if new is None:
        return [Amendment("replace_text", clause=cid, text="")]
    editor = _TextEditor(cid)
    if new == "":
        if old:
            whole = Amendment("delete_words", clause=cid, words=old)
            if editor.run(old, whole) == "":
                return [whole]
        # from no text to an empty one: write a space, then delete it
        return [Amendment("replace_text", clause=cid, text=" "), Amendment("delete_words", clause=cid, words=" ")]
    if old:
        edits = editor.edits(old, new)
        if edits is not None:
            return edits
    return [Amendment("replace_text", clause=cid, text=new)]


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
        if amendment.new_clause is not None:
            amendment = attrs.evolve(amendment, numbered=self.number_of(amendment.new_clause.id))
        self.amendments.append(attrs.evolve(amendment, wording=write_wording(amendment, self.old)))

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
    insert new clause after Rule 2 as Rule 2 with id c: 'Nobody sings.'
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
    return Motion(id=motion_id, amendments=tuple(drafter.amendments), title=title, base=old.label)
