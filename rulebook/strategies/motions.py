"""Strategies for motions valid against a version, and sets of motions."""

from __future__ import annotations

import importlib
from collections.abc import Callable, Collection, Iterable
from typing import Any, cast

import attrs
from hypothesis import assume
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from rulebook.amend.apply import apply, find_phrase
from rulebook.amend.motion import OPERATIONS, Amendment, Motion
from rulebook.errors import CitationError
from rulebook.model import Clause, Version, walk
from rulebook.numbering import citation, resolve_id
from rulebook.refs import references
from rulebook.strategies.books import _heading, _text, _words, provision_values
from rulebook.strategies.common import (
    _MOTION_DATES,
    _PINNED_LETTERS,
    _PROPOSERS,
    PROVISION_NAMES,
    _at,
    _flip,
    _int,
    _pick,
)

# -- motions -------------------------------------------------------------------


@attrs.define
class _Context:
    """What the motions of one set have used, so that they can stay apart or meet."""

    fresh: int = 0
    pins: int = 0
    ids: set[str] = attrs.field(factory=set)
    names: set[str] = attrs.field(factory=set)
    touched: set[str] = attrs.field(factory=set)

    def new_id(self, version: Version) -> str:
        while True:
            self.fresh += 1
            cid = f"n{self.fresh}"
            if cid not in version and cid not in self.ids:
                self.ids.add(cid)
                return cid

    def new_pin(self, version: Version) -> str:
        used = {c.number for _, c in walk(version.clauses) if c.number is not None}
        while True:
            self.pins += 1
            pin = f"{self.pins + 50}{_PINNED_LETTERS[self.pins % 8]}"
            if pin not in used:
                return pin


def _subtree(version: Version, cid: str) -> list[str]:
    return [c.id for _, c in walk((version.clause(cid),))]


def _height(clause: Clause) -> int:
    return max(d + 1 for d, _ in walk((clause,)))


def _deletable(version: Version, cid: str) -> bool:
    inside = set(_subtree(version, cid))
    if any(inv.clause in inside for inv in version.invariants):
        return False
    held = {name for c in inside for name in version.clause(c).provisions}
    if any(inv.provision in held for inv in version.invariants):
        return False
    return not any(
        clause.id not in inside and set(references(clause.text)) & inside for _, clause in walk(version.clauses)
    )


class Builder:
    """Draws the amendments of one motion, applying each to keep the next valid.

    An operation's ``strategy`` (:class:`~rulebook.amend.motion.Operation`) is a
    function of the builder, as the methods named for the built-in operations are:
    it draws with ``draw``, picks among ``clauses()`` or ``texts()`` of the version in
    hand (``current``), names a clause with ``ref`` and a phrase of it with ``phrase``,
    and returns the amendment and the ids and provision names it touches, or None
    when the version has nothing it could amend.
    """

    def __init__(self, draw: st.DrawFn, base: Version, context: _Context, avoid: frozenset[str]) -> None:
        self.draw = draw
        self.base = base
        self.current = base
        self.context = context
        self.avoid = avoid
        self.footprint: set[str] = set()

    def ref(self, cid: str) -> str:
        """An id, or (for a clause of the base) sometimes its citation there."""
        if cid in self.base and _flip(self.draw):
            return citation(self.base, cid)
        return cid

    def free(self, ids: Iterable[str]) -> list[str]:
        return [c for c in ids if c not in self.avoid]

    def clauses(self) -> list[str]:
        return self.free(c.id for _, c in walk(self.current.clauses))

    def texts(self) -> list[str]:
        return [c for c in self.clauses() if (self.current.clause(c).text or "").split()]

    def phrase(self, cid: str) -> tuple[str, int | None]:
        text = self.current.clause(cid).text or ""
        tokens = text.split()
        i = _int(self.draw, 0, len(tokens) - 1)
        j = _int(self.draw, i + 1, min(len(tokens), i + 3))
        phrase = " ".join(tokens[i:j])
        if phrase not in text:
            phrase = tokens[i]
        _, words = find_phrase(text, phrase, 1)
        occurrence = _int(self.draw, 1, len(words)) if len(words) > 1 else None
        return phrase, occurrence

    def new_text(self) -> str:
        live = [c.id for _, c in walk(self.current.clauses)]
        text = _text(self.draw, self.free(live), True)
        return text

    def depth(self, cid: str) -> int:
        return len(self.current.path(cid)) - 1

    # each method returns an amendment and the ids and names it touches, or None when impossible
    def replace_words(self) -> tuple[Amendment, set[str]] | None:
        if not self.texts():
            return None
        cid = _pick(self.draw, self.texts())
        old, occurrence = self.phrase(cid)
        new = " ".join(_words(self.draw, 0, 3))
        return Amendment("replace_words", clause=self.ref(cid), old=old, new=new, occurrence=occurrence), {cid}

    def delete_words(self) -> tuple[Amendment, set[str]] | None:
        if not self.texts():
            return None
        cid = _pick(self.draw, self.texts())
        words, occurrence = self.phrase(cid)
        return Amendment("delete_words", clause=self.ref(cid), words=words, occurrence=occurrence), {cid}

    def insert_words(self) -> tuple[Amendment, set[str]] | None:
        if not self.texts():
            return None
        cid = _pick(self.draw, self.texts())
        anchor, occurrence = self.phrase(cid)
        words = " ".join(_words(self.draw, 1, 3))
        where = _pick(self.draw, ("after", "before"))
        return Amendment(
            "insert_words", clause=self.ref(cid), words=words, occurrence=occurrence, **_at(where, anchor)
        ), {cid}

    def replace_text(self) -> tuple[Amendment, set[str]] | None:
        if not self.clauses():
            return None
        cid = _pick(self.draw, self.clauses())
        text = self.new_text()
        heading = _heading(self.draw) if _flip(self.draw) else None
        touched = {cid, *references(text)}
        return Amendment("replace_text", clause=self.ref(cid), text=text, heading=heading), touched

    def new_clause(self, room: int) -> Clause:
        names = [n for n in PROVISION_NAMES if self.current.provision_clause(n) is None and n not in self.context.names]
        provisions = {}
        if names and _flip(self.draw):
            name = _pick(self.draw, names)
            self.context.names.add(name)
            provisions[name] = self.draw(provision_values())
        children: tuple[Clause, ...] = ()
        if room > 1 and _int(self.draw, 0, 3) == 0:
            children = (Clause(self.context.new_id(self.current), text=" ".join(_words(self.draw))),)
        return Clause(
            self.context.new_id(self.current),
            heading=_heading(self.draw),
            text=self.new_text() if _int(self.draw, 0, 3) else None,
            provisions=provisions,
            children=children,
            number=self.context.new_pin(self.current) if _int(self.draw, 0, 5) == 0 else None,
        )

    def places(self, height: int, exclude: Collection[str] = ()) -> list[tuple[str, str]]:
        levels = len(self.current.numbering)
        out = []
        for cid in self.clauses():
            if cid in exclude:
                continue
            depth = self.depth(cid)
            if depth + height <= levels:
                out += [("after", cid), ("before", cid)]
            if depth + 1 + height <= levels:
                out.append(("into", cid))
        return out

    def insert_clause(self) -> tuple[Amendment, set[str]] | None:
        places = self.places(1)
        if not places:
            return None
        where, anchor = _pick(self.draw, places)
        room = len(self.current.numbering) - self.depth(anchor) - (1 if where == "into" else 0)
        clause = self.new_clause(room)
        touched = {anchor, *(c.id for _, c in walk((clause,)))}
        touched |= {ref for _, c in walk((clause,)) for ref in references(c.text)}
        touched |= set(clause.provisions)
        return Amendment("insert_clause", new_clause=clause, **_at(where, self.ref(anchor))), touched

    def delete_clause(self) -> tuple[Amendment, set[str]] | None:
        candidates = [c for c in self.clauses() if _deletable(self.current, c) and not self.avoided(c)]
        if not candidates:
            return None
        cid = _pick(self.draw, candidates)
        touched = set(_subtree(self.current, cid))
        touched |= {n for c in touched for n in self.current.clause(c).provisions}
        return Amendment("delete_clause", clause=self.ref(cid)), touched

    def avoided(self, cid: str) -> bool:
        return bool(set(_subtree(self.current, cid)) & self.avoid)

    def move_clause(self) -> tuple[Amendment, set[str]] | None:
        movable = [c for c in self.clauses() if not self.avoided(c)]
        if not movable:
            return None
        cid = _pick(self.draw, movable)
        inside = set(_subtree(self.current, cid))
        places = self.places(_height(self.current.clause(cid)), inside)
        if not places:
            return None
        where, anchor = _pick(self.draw, places)
        return Amendment("move_clause", clause=self.ref(cid), **_at(where, self.ref(anchor))), inside | {anchor}

    def set_provision(self) -> tuple[Amendment, set[str]] | None:
        if not self.clauses():
            return None
        cid = _pick(self.draw, self.clauses())
        held = [n for n in self.current.clause(cid).provisions if n not in self.avoid]
        fresh = [n for n in PROVISION_NAMES if self.current.provision_clause(n) is None and n not in self.context.names]
        choices = held + fresh
        if not choices:
            return None
        name = _pick(self.draw, choices)
        self.context.names.add(name)
        value = self.draw(provision_values())
        return Amendment("set_provision", clause=self.ref(cid), name=name, value=value), {cid, name}

    def remove_provision(self) -> tuple[Amendment, set[str]] | None:
        holders = [
            (cid, name)
            for cid in self.clauses()
            for name in self.current.clause(cid).provisions
            if name not in self.avoid and not any(inv.provision == name for inv in self.current.invariants)
        ]
        if not holders:
            return None
        cid, name = _pick(self.draw, holders)
        return Amendment("remove_provision", clause=self.ref(cid), name=name), {cid, name}

    def step(self, op: str, motion_id: str) -> Amendment | None:
        """Draw one ``op`` amendment and apply it to the version in hand."""
        made = _strategy(op)(self)
        if made is None:
            return None
        amendment: Amendment = made[0]
        touched: set[str] = made[1]
        if touched & self.avoid:
            return None
        probe = Motion(motion_id, (amendment,), base=self.base.label)
        self.current = apply(self.current, probe, bases={self.base.label: self.base})
        self.footprint |= touched
        return amendment


def _strategy(op: str) -> Callable[[Builder], tuple[Amendment, set[str]] | None]:
    """The function an operation declares to draw it, imported when named as ``module:name``."""
    strategy = OPERATIONS[op].strategy
    if isinstance(strategy, str):
        module, _, name = strategy.partition(":")
        found: Any = importlib.import_module(module)
        for part in name.split("."):
            found = getattr(found, part)
        strategy = found
    if strategy is None:
        raise InvalidArgument(f"operation {op!r} declares no strategy, so motions cannot draw it")
    return cast(Callable[[Builder], "tuple[Amendment, set[str]] | None"], strategy)


def _worded(draw: st.DrawFn, amendment: Amendment, base: Version) -> tuple[Amendment, ...]:
    """The amendment as conference papers write it, read back (when the wording
    module is installed and reads it back as the same operation)."""
    try:
        from rulebook.amend.wording import parse_wording, write_wording
    except ImportError:
        return (amendment,)
    if not _flip(draw):
        return (amendment,)
    wording = write_wording(amendment, base)
    try:
        parsed = parse_wording(wording)
    except Exception:  # a writer/reader mismatch is for the wording tests to report
        return (amendment,)
    if len(parsed) != 1 or _by_id(parsed[0], base) != _by_id(amendment, base):
        return (amendment,)
    return (attrs.evolve(parsed[0], wording=wording),)


def _by_id(amendment: Amendment, base: Version) -> Amendment:
    """The amendment with its clause references as ids of ``base`` and no wording."""
    refs: dict[str, Any] = {}
    for key in ("clause", "after", "before", "into"):
        ref = getattr(amendment, key)
        if ref is not None and (amendment.op != "insert_clause" or key != "clause"):
            try:
                refs[key] = resolve_id(base, ref)
            except CitationError:
                refs[key] = ref
    return attrs.evolve(amendment, wording=None, **refs)


def _draw_motion(
    draw: st.DrawFn,
    version: Version,
    motion_id: str,
    ops: tuple[str, ...],
    wording: bool,
    context: _Context,
    avoid: frozenset[str] = frozenset(),
    meet: frozenset[str] = frozenset(),
    max_amendments: int = 4,
) -> tuple[Motion, set[str]]:
    builder = Builder(draw, version, context, avoid)
    amendments: list[Amendment] = []
    if meet:
        # the first amendment works on a clause an earlier motion of the set touched
        target = _pick(draw, sorted(meet))
        builder.avoid = frozenset(c.id for _, c in walk(version.clauses)) - {target}
        for op in draw(st.permutations([o for o in ("set_provision", "replace_text", "replace_words") if o in ops])):
            made = builder.step(op, motion_id)
            if made is not None:
                amendments.append(made)
                break
        assume(amendments)
        builder.avoid = avoid
    wanted = _int(draw, 1, max_amendments)
    attempts = 0
    while len(amendments) < wanted and attempts < 3 * max_amendments:
        attempts += 1
        made = builder.step(_pick(draw, ops), motion_id)
        if made is not None:
            amendments.append(made)
    assume(amendments)
    if wording:
        amendments = [w for a in amendments for w in _worded(draw, a, version)]
    motion = Motion(
        motion_id,
        tuple(amendments),
        title=" ".join(_words(draw, 1, 4)).capitalize(),
        proposer=draw(_PROPOSERS),
        base=version.label,
        date=draw(_MOTION_DATES),
    )
    return motion, builder.footprint


def _ops(ops: Iterable[str] | None) -> tuple[str, ...]:
    drawn = [name for name, operation in OPERATIONS.items() if operation.strategy is not None]
    chosen = tuple(drawn) if ops is None else tuple(ops)
    unknown = [o for o in chosen if o not in drawn]
    if unknown or not chosen:
        raise InvalidArgument(f"ops must be a non-empty choice of {', '.join(drawn)}; not {unknown or chosen}")
    return chosen


@st.composite
def motions(
    draw: st.DrawFn,
    version: Version,
    ops: Iterable[str] | None = None,
    wording: bool = True,
    *,
    max_amendments: int = 4,
    motion_id: str = "m1",
) -> Motion:
    """Motions that apply to ``version``: amendments of the ``ops`` kinds
    (default: every operation), clauses named by id or by citation, phrases
    that occur (with ``occurrence`` when they occur more than once), new
    clauses with fresh ids and within the numbering depth, no deletion of a
    clause something else refers to. With ``wording`` (and the wording module
    installed) some amendments come in their conventional English form.

    Examples
    --------
    >>> from hypothesis import given, settings, strategies as st
    >>> from rulebook.strategies import rulebooks
    >>> from rulebook.amend.apply import apply
    >>> @settings(max_examples=10, database=None, derandomize=True)
    ... @given(st.data())
    ... def test_deleting_shrinks_the_book(data):
    ...     v = data.draw(rulebooks(min_clauses=2, references=False))
    ...     m = data.draw(motions(v, ops=["delete_clause"]))
    ...     assert {a.op for a in m.amendments} == {"delete_clause"}
    ...     assert len(apply(v, m)) < len(v)
    >>> test_deleting_shrinks_the_book()
    """
    chosen = _ops(ops)
    motion, _ = _draw_motion(draw, version, motion_id, chosen, wording, _Context(), max_amendments=max_amendments)
    return motion


@st.composite
def motion_sets(
    draw: st.DrawFn,
    version: Version,
    overlap: str = "any",
    *,
    min_size: int = 2,
    max_size: int = 3,
    ops: Iterable[str] | None = None,
    wording: bool = False,
    max_amendments: int = 2,
) -> tuple[Motion, ...]:
    """Several motions drafted against ``version`` (ids ``m1``, ``m2``, ...),
    each applying to it alone.

    ``overlap``: ``"disjoint"`` — no two motions touch the same clause (the
    clause, its anchors, a deleted or moved subtree, the clauses its new text
    refers to) or provision name, so they apply in any order to the same
    result; ``"shared"`` — each motion after the first works on a clause an
    earlier one touched; ``"any"`` — either.

    Examples
    --------
    >>> from hypothesis import given, settings, strategies as st
    >>> from rulebook.strategies import rulebooks
    >>> from rulebook.amend.apply import apply_all
    >>> @settings(max_examples=10, database=None, derandomize=True)
    ... @given(st.data())
    ... def test_disjoint_motions_commute(data):
    ...     v = data.draw(rulebooks(min_clauses=3))
    ...     first, second, *_ = data.draw(motion_sets(v, "disjoint", max_size=2))
    ...     assert apply_all(v, [first, second]) == apply_all(v, [second, first])
    >>> test_disjoint_motions_commute()
    """
    if overlap not in ("any", "disjoint", "shared"):
        raise InvalidArgument(f"overlap must be 'any', 'disjoint' or 'shared', not {overlap!r}")
    chosen = _ops(ops)
    size = _int(draw, min_size, max_size)
    context = _Context()
    out: list[Motion] = []
    touched: set[str] = set()
    for i in range(size):
        avoid = frozenset(touched) if overlap == "disjoint" else frozenset()
        meet = frozenset(touched & set(version.parents)) if overlap == "shared" and i else frozenset()
        if overlap == "shared" and i:
            assume(meet)
        motion, footprint = _draw_motion(
            draw, version, f"m{i + 1}", chosen, wording, context, avoid, meet, max_amendments
        )
        out.append(motion)
        touched |= footprint
    return tuple(out)
