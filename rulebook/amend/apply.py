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

from collections.abc import Iterable, Iterator, Mapping

import attrs

from rulebook.amend.motion import OPERATIONS, RULING_OPS, Amendment, Applier, Motion
from rulebook.amend.pending import Pending, restate_edits
from rulebook.amend.phrases import (
    SHOWN_OCCURRENCES,
    count_phrase,
    edge_reading,
    find_phrase,
    find_printed_phrase,
    listed_words,
    phrase_pattern,
    why_absent,
)
from rulebook.binding import restate
from rulebook.errors import AmendmentError, CitationError
from rulebook.io.yamlsrc import gc_paused
from rulebook.model import Change, Clause, Version, replace_clause, walk
from rulebook.numbering import citation, duplicate_number, resolve_id

__all__ = [
    "Step",
    "apply",
    "apply_all",
    "count_phrase",
    "describe",
    "find_phrase",
    "find_printed_phrase",
    "phrase_pattern",
]


def describe(version: Version, clause_id: str) -> str:
    """A clause as messages name it: its citation in ``version`` and its id.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> describe(Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee")]), "fee")
    'Rule 1 (id fee)'
    """
    try:
        return f"{citation(version, clause_id)} (id {clause_id})"
    except CitationError:
        return f"clause {clause_id}"


class Step:
    """Applies the amendments of one motion, keeping the error context.

    Each operation's ``apply`` (:mod:`rulebook.amend.operations`) is given the step,
    for resolving references in the motion's base, finding phrases and failing with
    the motion, amendment and clause named."""

    def __init__(self, motion: Motion, base: Version, pending: Pending | None = None) -> None:
        self.motion = motion
        self.base = base
        self.index = 0
        self.touched: dict[str | None, int] = {}  # parent id -> last amendment that renumbered its children
        #: Held back (``apply_all``): the edits of earlier motions, and this motion's, by id.
        self.pending = pending
        self.edits: dict[str, Clause] = {}
        self.last: tuple[str, Clause] | None = None  # held back: the clause looked up last, as edited

    def clause(self, current: Version, cid: str) -> Clause:
        """The clause ``cid`` of the version in hand, as edited so far."""
        if self.pending is None:
            return current.clause(cid)
        if self.last is not None and self.last[0] == cid:
            return self.last[1]
        found = self.edits.get(cid) or self.pending.clauses.get(cid) or current.clause(cid)
        self.last = (cid, found)
        return found

    def clauses(self, current: Version) -> Iterator[Clause]:
        """Every clause of the version in hand, as edited so far, in document order."""
        for _, clause in walk(current.clauses):
            yield self.clause(current, clause.id) if self.pending is not None else clause

    def put(self, current: Version, clause: Clause) -> Version:
        """The version in hand with ``clause`` in place of the clause of the same id: built
        at once, or, while ``apply_all`` holds word edits back, ``current`` itself."""
        if self.pending is None:
            return replace_clause(current, clause)
        self.edits[clause.id] = clause
        self.last = (clause.id, clause)
        return current

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
        if current is not self.base and cid not in current:
            raise self.fail(
                f"{describe(self.base, cid)} no longer exists: an earlier amendment or motion "
                "deleted it; amend the clause that replaced it"
            )
        return cid

    def phrase(
        self, current: Version, cid: str, phrase: str, occurrence: int | None, what: str, part: str = "text"
    ) -> tuple[str, int, int]:
        """The clause's text (or heading) and the (start, end) of the phrase in it, found as whole words."""
        clause = self.clause(current, cid)
        text = (clause.heading if part == "heading" else clause.text) or ""
        try:
            start, _ = find_phrase(text, phrase, occurrence, shown=0)  # word numbers only for a message, below
        except ValueError as exc:
            place = describe(current, cid) if part == "text" else f"the heading of {describe(current, cid)}"
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
            read, _ = edge_reading(self.clause(v, cid).text or "", a)
        except ValueError as exc:
            raise self.fail(f"in {describe(v, cid)}: {exc}") from None
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
        operation = OPERATIONS.get(op)
        if operation is None or operation.apply is None:
            raise self.fail(f"unknown operation {op!r}")
        return operation.apply(self, version, amendment)  # declared with the operation: rulebook.amend.operations


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
    step = Step(motion, base)
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

    The same as applying each with :func:`apply` in turn, but a motion of word
    edits alone is held back from the version in hand, and one version is built
    when a later motion needs it and at the end (docs/architecture.md, "Speed").

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
    batch = _Batch(version)
    with gc_paused():  # thousands of small acyclic objects a motion: nothing for the collector to find
        for motion in motions:
            if not batch.held(motion, lookup):
                batch.built(apply(batch.version(), motion, bases=lookup))
        current = batch.version()
    done = batch.done
    return attrs.evolve(
        current,
        label=label or (current.label if len(done) == 1 else f"{version.label}+{len(done)} motions"),
        parent=version.label,
        changes=tuple(done),
    )


class _Batch:
    """The version in hand of :func:`apply_all`: a built version, the word edits held
    back from it, and what :func:`apply` would have labelled it."""

    def __init__(self, version: Version) -> None:
        self.pending = Pending(version)
        self.label, self.parent, self.changes = version.label, version.parent, version.changes
        self.provenance = version.provenance
        self.done: list[Change] = []
        #: The ``apply`` of each words-only operation by name (None for the others), as ``Step.run`` finds it.
        self.appliers: dict[str, Applier | None] = {}

    def version(self) -> Version:
        """The version in hand, built."""
        built = self.pending.build()
        v = self.pending.version
        if built is not v or (v.label, v.parent, v.changes, v.provenance) != (
            self.label,
            self.parent,
            self.changes,
            self.provenance,
        ):
            built = attrs.evolve(
                built, label=self.label, parent=self.parent, changes=self.changes, provenance=self.provenance
            )
            self.pending = Pending(built)
        return built

    def built(self, result: Version) -> None:
        """``result`` (of :func:`apply`) is the version in hand."""
        self.pending = Pending(result)
        self.label, self.parent, self.changes = result.label, result.parent, result.changes
        self.provenance = result.provenance
        self.done.append(result.changes[0])

    def held(self, motion: Motion, bases: Mapping[str, Version]) -> bool:
        """Apply ``motion`` with its edits held back, if it edits words alone and
        succeeds so; False (and nothing changed) when :func:`apply` must apply it."""
        known = self.appliers
        for a in motion.amendments:
            if a.op not in known:
                operation = OPERATIONS.get(a.op)
                known[a.op] = operation.apply if operation is not None and operation.words_only else None
        if motion.kind == "ruling" or not all(known[a.op] for a in motion.amendments):
            return False
        if motion.base is None or motion.base == self.label:
            base = self.version()  # drafted against the version in hand
        elif motion.base in bases:
            base = bases[motion.base]
        else:
            return False  # apply names what is wrong
        current = self.pending.version
        step = Step(motion, base, self.pending)
        try:
            for i, amendment in enumerate(motion.amendments):
                step.index = i
                if known[amendment.op](step, current, amendment) is not current:  # type: ignore[misc]
                    return False
            if step.touched:
                step.finish(current)
            change = motion.change
            # bound values follow their words: docs/provisions.md
            moved = restate_edits(self.pending, step.edits, motion.id)
        except Exception:  # apply gives the same error, or (for an operation that is not words only) applies it
            return False
        for clause in step.edits.values():
            self.pending.put(clause)
        if moved:
            provenance = self.provenance.evolver()
            for name in moved:
                provenance.set(name, change)
            self.provenance = provenance.persistent()
        self.label, self.parent, self.changes = f"{self.label}+{motion.id}", self.label, (change,)
        self.done.append(change)
        return True
