"""Applying motions and rulings to versions: pure and atomic.

Each amendment's clause references are resolved in the motion's *base* (the
version it was drafted against), then applied by stable id to the version in
hand. Nothing is ever mutated: a failure raises
:class:`~rulebook.errors.AmendmentError` and every version stays as it was.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> from rulebook.amend.motion import Amendment, Motion
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
...             [Clause("fee", text="The fee is 15 per cent of income.")])
>>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15 per cent", new="10 per cent")])
>>> apply(v, m).clause("fee").text
'The fee is 10 per cent of income.'
>>> v.clause("fee").text
'The fee is 15 per cent of income.'
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

import attrs

from rulebook.amend.motion import RULING_OPS, Amendment, Motion
from rulebook.amend.phrases import (
    PUNCT_AFTER,
    SHOWN_OCCURRENCES,
    count_phrase,
    edge_reading,
    find_phrase,
    find_printed_phrase,
    listed_words,
    phrase_pattern,
    replace_every,
    tidy,
    why_absent,
)
from rulebook.binding import restate
from rulebook.errors import AmendmentError, CitationError
from rulebook.io.yamlsrc import gc_paused
from rulebook.model import Clause, Version, delete_clause, evolve_clause, insert_clause, replace_clause, walk
from rulebook.numbering import citation, duplicate_number, resolve_id

__all__ = ["apply", "apply_all", "count_phrase", "find_phrase", "find_printed_phrase", "phrase_pattern"]


def _describe(version: Version, clause_id: str) -> str:
    try:
        return f"{citation(version, clause_id)} (id {clause_id})"
    except CitationError:
        return f"clause {clause_id}"


class _Step:
    """Applies the amendments of one motion, keeping the error context."""

    def __init__(self, motion: Motion, base: Version) -> None:
        self.motion = motion
        self.base = base
        self.index = 0
        self.touched: dict[str | None, int] = {}  # parent id -> last amendment that renumbered its children

    def fail(self, message: str) -> AmendmentError:
        return AmendmentError(f"{self.motion.where(self.index)}: {message}")

    def ref(self, ref: str, current: Version) -> str:
        """Resolve a reference in the base and check it still exists in ``current``."""
        try:
            cid = resolve_id(self.base, ref)
        except CitationError as exc:
            if ref.strip() in current:  # a clause added by an earlier amendment of this motion
                return ref.strip()
            raise self.fail(f"{exc.message} (the motion's base)") from None
        if cid not in current:
            raise self.fail(
                f"{_describe(self.base, cid)} no longer exists: an earlier amendment or motion "
                "deleted it; amend the clause that replaced it"
            )
        return cid

    def phrase(
        self, current: Version, cid: str, phrase: str, occurrence: int | None, what: str, part: str = "text"
    ) -> tuple[str, int, int]:
        """The clause's text (or heading) and the (start, end) of the phrase in it, found as whole words."""
        text = (current.clause(cid).heading if part == "heading" else current.clause(cid).text) or ""
        try:
            start, _ = find_phrase(text, phrase, occurrence, shown=SHOWN_OCCURRENCES)
        except ValueError as exc:
            place = _describe(current, cid) if part == "text" else f"the heading of {_describe(current, cid)}"
            reason = str(exc)
            if reason == "absent" and "[[" in text:  # quoted as printed: cross-references as citations
                try:
                    span = find_printed_phrase(text, phrase, occurrence, lambda t: self.cite(current, t))
                except ValueError:
                    raise self.fail(
                        f"{what} {phrase!r} occurs more than once in {place} as printed "
                        "(cross-references shown as citations), or not at the occurrence given; "
                        "give the right occurrence: 1 for the first, 2 for the second, ..."
                    ) from None
                if span is not None:
                    return text, span[0], span[1]
            if reason == "absent":
                raise self.fail(why_absent(what, phrase, place, text)) from None
            if reason in ("ambiguous", "occurrence"):
                _, words = find_phrase(text, phrase, 1, shown=SHOWN_OCCURRENCES)
                count = count_phrase(text, phrase)
                listed = listed_words(words, count)
                if reason == "ambiguous":
                    choices = (
                        " or ".join(map(str, range(1, count + 1)))
                        if count <= SHOWN_OCCURRENCES
                        else (f"a number from 1 to {count}")
                    )
                    raise self.fail(
                        f"{what} {phrase!r} occurs {count} times in {place} ({listed}); add occurrence: {choices}"
                    ) from None
                raise self.fail(
                    f"occurrence {occurrence} of {phrase!r} asked for, but it occurs {count} time(s) in {place} "
                    f"({listed})"
                ) from None
            raise self.fail(f"{what} is empty; quote the words to find") from None
        return text, start, start + len(phrase)

    def read(self, v: Version, a: Amendment) -> tuple[str, Amendment]:
        """The clause id and the amendment as read against its text (:func:`edge_reading`)."""
        cid = self.ref(a.clause or "", v)
        try:
            read, _ = edge_reading(v.clause(cid).text or "", a)
        except ValueError as exc:
            raise self.fail(f"in {_describe(v, cid)}: {exc}") from None
        return cid, read

    def cite(self, current: Version, target: str) -> str | None:
        """How a cross-reference to ``target`` was printed in the motion's base."""
        for version in (self.base, current):
            if target in version:
                return citation(version, target)
        return None

    def anchor(self, current: Version, where: str, ref: str) -> tuple[str | None, int]:
        """(parent id, index) at which a clause goes, ``where`` = after/before/into."""
        aid = self.ref(ref, current)
        if where == "into":
            return aid, len(current.clause(aid).children)
        parent = current.parents[aid]
        siblings = current.siblings(aid)
        i = next(k for k, c in enumerate(siblings) if c.id == aid)
        return parent, i + 1 if where == "after" else i

    def check_depth(self, current: Version, parent: str | None, clause: Clause) -> None:
        base_depth = 0 if parent is None else len(current.path(parent))
        deepest = base_depth + max(d + 1 for d, _ in walk((clause,)))
        if deepest > len(current.numbering):
            raise self.fail(
                f"clause {clause.id!r} would sit {deepest} levels deep, but the numbering scheme has "
                f"{len(current.numbering)} levels; insert it higher up"
            )

    def check_numbers(self, current: Version, parent: str | None) -> None:
        """Note that the children of ``parent`` were renumbered; :meth:`finish` checks them.

        Siblings may share a number half-way through a motion (a pinned clause
        re-inserted before its old place is deleted), but not once it has passed.
        """
        self.touched[parent] = self.index

    def finish(self, current: Version) -> None:
        """Refuse a motion that leaves two sibling clauses with the same number."""
        for parent, index in self.touched.items():
            if parent is not None and parent not in current:
                continue
            siblings = current.clauses if parent is None else current.clause(parent).children
            depth = 0 if parent is None else len(current.path(parent))
            clash = duplicate_number(siblings, current.numbering[depth]) if depth < len(current.numbering) else None
            if clash is not None:
                first, second, number = clash
                self.index = index
                raise self.fail(
                    f"clauses {first.id!r} and {second.id!r} would both be numbered {number!r}, so a citation "
                    "could not tell them apart; pin a different number"
                )

    def check_numbered(self, out: Version, a: Amendment, cid: str) -> None:
        """Refuse a new clause that would not have the number the motion gives it ("Add new
        Article 20.2"); a number that names no clause on its own ("Sub-clause I") is not checked."""
        if a.numbered is None:
            return
        try:
            named = resolve_id(out, a.numbered)
        except CitationError:
            return
        if named != cid:
            raise self.fail(
                f"the motion numbers the new clause {a.numbered!r}, but placed {a.anchor[0] if a.anchor else 'there'} "
                f"{a.anchor[1] if a.anchor else ''} it would be {citation(out, cid)}; correct the number or the place"
            )

    def run(self, version: Version, amendment: Amendment) -> Version:
        op = amendment.op
        if self.motion.kind == "ruling" and op not in RULING_OPS:
            raise self.fail(
                f"a ruling changes what rules mean, not their words: {op!r} is not allowed; "
                "use set_provision or remove_provision"
            )
        handler = getattr(self, f"op_{op}", None)
        if handler is None:
            raise self.fail(f"unknown operation {op!r}")
        result: Version = handler(version, amendment)
        return result

    # -- word operations -------------------------------------------------
    def op_replace_words(self, v: Version, a: Amendment) -> Version:
        if a.part == "heading":  # a heading is a title, not a sentence: no edge punctuation to read
            cid = self.ref(a.clause or "", v)
            heading, start, end = self.phrase(v, cid, a.old or "", a.nth, "old", "heading")
            new_heading = heading[:start] + (a.new or "") + heading[end:]
            return replace_clause(v, evolve_clause(v.clause(cid), heading=" ".join(new_heading.split()) or None))
        if a.throughout:
            return self.throughout(v, a)
        if a.occurrence == "all":
            return self.every_occurrence(v, a)
        cid, a = self.read(v, a)
        text, start, end = self.phrase(v, cid, a.old or "", a.nth, "old")
        new_text = text[:start] + (a.new or "") + text[end:]
        if not a.new:
            new_text = tidy(text, start, end)
        return replace_clause(v, evolve_clause(v.clause(cid), text=new_text))

    def throughout(self, v: Version, a: Amendment) -> Version:
        """``throughout: true``: every whole-word occurrence of ``old`` in the text of every clause replaced."""
        found = [c for _, c in walk(v.clauses) if c.text and count_phrase(c.text, a.old or "")]
        if not found:
            raise self.fail(f"old {a.old!r} is nowhere in the rule book (as whole words)")
        for c in found:
            v = replace_clause(v, evolve_clause(c, text=replace_every(c.text or "", a.old or "", a.new or "")))
        return v

    def every_occurrence(self, v: Version, a: Amendment) -> Version:
        """``occurrence: all``: every whole-word occurrence of ``old`` in the clause's text replaced."""
        cid = self.ref(a.clause or "", v)
        text = v.clause(cid).text or ""
        self.phrase(v, cid, a.old or "", 1, "old")  # refused, naming the clause, when it is not there at all
        new_text = replace_every(text, a.old or "", a.new or "")
        return replace_clause(v, evolve_clause(v.clause(cid), text=new_text or None))

    def op_delete_words(self, v: Version, a: Amendment) -> Version:
        cid, a = self.read(v, a)
        text, start, end = self.phrase(v, cid, a.words or "", a.nth, "words")
        return replace_clause(v, evolve_clause(v.clause(cid), text=tidy(text, start, end)))

    def op_insert_words(self, v: Version, a: Amendment) -> Version:
        cid, a = self.read(v, a)
        words = a.words or ""
        if not words:
            raise self.fail("'words' is empty; give the words to insert")
        if a.at is not None:
            text = v.clause(cid).text or ""
            if a.at == "start":
                new_text = words + ("" if not text or words[-1].isspace() else " ") + text
            else:
                sep = "" if not text or words.startswith(PUNCT_AFTER) or words[0].isspace() else " "
                new_text = text + sep + words
        elif a.after is not None:
            text, _, end = self.phrase(v, cid, a.after, a.nth, "after")
            sep = "" if words.startswith(PUNCT_AFTER) or words[0].isspace() else " "
            new_text = text[:end] + sep + words + text[end:]
        elif a.before is not None:
            text, start, _ = self.phrase(v, cid, a.before, a.nth, "before")
            sep = "" if words[-1].isspace() else " "
            new_text = text[:start] + words + sep + text[start:]
        else:
            raise self.fail("insert_words needs 'after', 'before' or 'at' (end or start)")
        return replace_clause(v, evolve_clause(v.clause(cid), text=new_text))

    def op_replace_text(self, v: Version, a: Amendment) -> Version:
        cid = self.ref(a.clause or "", v)
        changes: dict[str, Any] = {}
        if a.text is not None:
            changes["text"] = a.text or None
        if a.heading is not None:
            changes["heading"] = a.heading or None
        if not changes:
            raise self.fail("replace_text needs 'text' (or 'heading')")
        return replace_clause(v, evolve_clause(v.clause(cid), **changes))

    # -- clause operations -----------------------------------------------
    def op_insert_clause(self, v: Version, a: Amendment) -> Version:
        clause = a.new_clause
        if clause is None or a.anchor is None:
            raise self.fail("insert_clause needs 'clause' and one of 'after', 'before', 'into'")
        parent, index = self.anchor(v, *a.anchor)
        # structured clauses, wordings and strategies all meet here, so ids are
        # checked across the whole resulting version, the new subtree included
        # (a sub-clause repeating its parent's id would make a clause its own ancestor)
        ids: set[str] = set()
        names: set[str] = set()
        for _, node in walk((clause,)):
            if node.id in v:
                raise self.fail(
                    f"the new clause's id {node.id!r} is already used by {_describe(v, node.id)}; choose another id"
                )
            if node.id in ids:
                raise self.fail(f"the new clause uses the id {node.id!r} twice; give each sub-clause its own id")
            ids.add(node.id)
            for name in node.provisions:
                owner = v.provision_clause(name)
                if owner is not None:
                    raise self.fail(f"provision {name!r} of the new clause is already carried by {_describe(v, owner)}")
                if name in names:
                    raise self.fail(f"the new clause carries provision {name!r} twice; keep one")
                names.add(name)
        self.check_depth(v, parent, clause)
        out = insert_clause(v, parent, index, clause)
        self.check_numbers(out, parent)
        self.check_numbered(out, a, clause.id)
        provenance = out.provenance.evolver()
        for _, node in walk((clause,)):
            for name in node.provisions:
                provenance.set(name, self.motion.change)
        return attrs.evolve(out, provenance=provenance.persistent())

    def op_delete_clause(self, v: Version, a: Amendment) -> Version:
        cid = self.ref(a.clause or "", v)
        out = delete_clause(v, cid)
        self.check_numbers(out, v.parents[cid])
        provenance = out.provenance.evolver()
        for _, node in walk((v.clause(cid),)):
            for name in node.provisions:
                if name in out.provenance:
                    provenance.remove(name)
        return attrs.evolve(out, provenance=provenance.persistent())

    def op_move_clause(self, v: Version, a: Amendment) -> Version:
        cid = self.ref(a.clause or "", v)
        if a.anchor is None:
            raise self.fail("move_clause needs one of 'after', 'before', 'into'")
        where, ref = a.anchor
        aid = self.ref(ref, v)
        if aid == cid or cid in (c.id for c in v.lineage(aid)):
            raise self.fail(f"cannot move {_describe(v, cid)} {where} itself or one of its own sub-clauses")
        clause = v.clause(cid)
        without = delete_clause(v, cid)
        parent, index = self.anchor(without, where, aid)
        self.check_depth(without, parent, clause)
        out = insert_clause(without, parent, index, clause)
        self.check_numbers(out, v.parents[cid])
        self.check_numbers(out, parent)
        return out

    # -- provisions --------------------------------------------------------
    def not_counted(self, v: Version, cid: str, name: str) -> None:
        """Refuse to set a provision that is counted from sub-clauses (docs/provisions.md)."""
        if any(s.provision == name and s.source == "sub-clauses" for s in v.clause(cid).stated):
            raise self.fail(
                f"provision {name!r} is counted from the sub-clauses of {_describe(v, cid)}; "
                "insert, delete or reword those sub-clauses instead"
            )

    def op_set_provision(self, v: Version, a: Amendment) -> Version:
        cid = self.ref(a.clause or "", v)
        name = a.name or ""
        self.not_counted(v, cid, name)
        owner = v.provision_clause(name)
        if owner is not None and owner != cid:
            raise self.fail(
                f"provision {name!r} is carried by {_describe(v, owner)}; set it there, or remove it there first"
            )
        clause = v.clause(cid)
        provisions = dict(clause.provisions)
        provisions[name] = a.value
        out = replace_clause(v, evolve_clause(clause, provisions=provisions))
        return attrs.evolve(out, provenance=out.provenance.set(name, self.motion.change))

    def op_remove_provision(self, v: Version, a: Amendment) -> Version:
        cid = self.ref(a.clause or "", v)
        name = a.name or ""
        self.not_counted(v, cid, name)
        clause = v.clause(cid)
        if name not in clause.provisions:
            owner = v.provision_clause(name)
            elsewhere = f"; it is carried by {_describe(v, owner)}" if owner else ""
            raise self.fail(f"{_describe(v, cid)} carries no provision {name!r}{elsewhere}")
        provisions = {k: val for k, val in clause.provisions.items() if k != name}
        out = replace_clause(v, evolve_clause(clause, provisions=provisions))
        return attrs.evolve(out, provenance=out.provenance.discard(name))


def _base_for(version: Version, motion: Motion, bases: Mapping[str, Version] | None) -> Version:
    if motion.base is None or motion.base == version.label:
        return version
    if bases is not None and motion.base in bases:
        return bases[motion.base]
    ancestors = [label for label in bases or {} if label != version.label]
    known = ", ".join(repr(k) for k in ancestors) if ancestors else "it has none"
    raise AmendmentError(
        f"{motion.where()}: drafted against version {motion.base!r}, which is neither the version it is "
        f"applied to ({version.label!r}) nor one of its ancestors ({known}); correct 'base' or apply it to that version"
    )


def apply(
    version: Version,
    motion: Motion,
    *,
    bases: Mapping[str, Version] | None = None,
    label: str | None = None,
    partial: bool = False,
) -> Version:
    """A new version: ``version`` with every amendment of ``motion`` applied.

    ``bases`` maps the labels of ``version``'s ancestors to those versions, so a
    motion drafted against an ancestor resolves its citations there. The result
    is labelled ``label`` (default ``"<label>+<motion id>"``) and records the
    motion as its change. ``partial=True`` leaves out the checks made once a whole
    motion has passed (no two sibling clauses numbered alike), for tools that
    build a motion amendment by amendment, as ``draft`` does.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="Two pounds.")])
    >>> apply(v, Motion("m", [Amendment("replace_words", clause="Rule 1", old="Two", new="Three")])).label
    '1+m'
    """
    base = _base_for(version, motion, bases)
    step = _Step(motion, base)
    current = version
    for i, amendment in enumerate(motion.amendments):
        step.index = i
        current = step.run(current, amendment)
    if not partial:
        step.finish(current)
    change = motion.change
    current = restate(version, current, change)  # bound values follow their words: docs/provisions.md
    return attrs.evolve(
        current,
        label=label or f"{version.label}+{motion.id}",
        parent=version.label,
        changes=(change,),
    )


def apply_all(
    version: Version,
    motions: Iterable[Motion],
    *,
    bases: Mapping[str, Version] | None = None,
    label: str | None = None,
) -> Version:
    """Apply motions one after another, as conference carries them; all or nothing.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> cut = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
    >>> euro = Motion("euro", [Amendment("replace_words", clause="Rule 1", old="pounds", new="euros")])
    >>> w = apply_all(v, [cut, euro], label="2")
    >>> w.label, w.clause("fee").text
    ('2', 'The fee is 10 euros.')
    """
    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    current = version
    done = []
    with gc_paused():  # thousands of small acyclic objects a motion: nothing for the collector to find
        for motion in motions:
            current = apply(current, motion, bases=lookup)
            done.append(current.changes[0])
    return attrs.evolve(
        current,
        label=label or (current.label if len(done) == 1 else f"{version.label}+{len(done)} motions"),
        parent=version.label,
        changes=tuple(done),
    )
