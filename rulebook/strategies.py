"""Hypothesis strategies for rule books, motions, sets of motions and facts.

A rules repository can property-test its own invariants with these: generate
motions against its real book and assert that whatever passes ``check`` keeps
the book sound. The strategies are small by default and shrink to readable
examples: clause ids ``c1``, ``c2``, ..., words from a short vocabulary.

This module needs :mod:`hypothesis` (``pip install 'rulebook[testing]'``).

Examples
--------
>>> from hypothesis import given, settings
>>> from rulebook.numbering import all_citations, resolve
>>> @settings(max_examples=5, database=None)
... @given(rulebooks())
... def test_every_citation_resolves(version):
...     for cid, cite in all_citations(version).items():
...         assert resolve(version, cite).id == cid
>>> test_every_citation_resolves()
"""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Collection, Iterable, Mapping, Sequence
from typing import Any, TypeVar

try:
    from hypothesis import assume
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised only without the testing extra
    raise ImportError("rulebook.strategies needs hypothesis; install it with: pip install 'rulebook[testing]'") from exc

import attrs

from rulebook.amend.apply import apply, find_phrase
from rulebook.amend.motion import OPS, Amendment, Motion
from rulebook.errors import CitationError
from rulebook.model import STYLES, Clause, Invariant, Level, Version, walk
from rulebook.numbering import citation, resolve_id
from rulebook.refs import references

__all__ = [
    "LABELS",
    "PROVISION_NAMES",
    "QUESTIONS",
    "WORDS",
    "facts",
    "motion_sets",
    "motions",
    "numbering_schemes",
    "provision_values",
    "rulebooks",
]

#: The vocabulary of generated clause text: short, readable, and with words
#: that occur inside one another ("member" in "members"), to exercise phrase search.
WORDS = ("the", "members", "member", "fee", "shall", "pay", "vote", "committee", "chair", "may",
         "not", "elect", "annual", "meeting", "notice", "days", "10", "15", "per", "cent")  # fmt: skip
#: Labels generated numbering levels may carry.
LABELS = ("Rule {n}", "Chapter {n}", "Clause {n}", "Part {n}", "Section {n}", "({n})")
#: Provision names generated books and motions draw from (each book uses each at most once).
PROVISION_NAMES = ("fee", "quorum", "term.years", "seats", "tie", "notice.days", "majority",
                   "interval", "leadership.share", "nec.size", "cac.size", "deposit")  # fmt: skip
#: The built-in questions :func:`facts` can generate facts for (CONTRACT section 4).
QUESTIONS = ("leadership.ballot", "nec.composition", "nec.vote", "conference.vote",
             "shadow_cabinet.composition", "provision")  # fmt: skip
_BODIES = ("PLP", "EPLP", "CLPs", "affiliates")
_SECTIONS = ("leader", "treasurer", "clps", "unions", "members", "youth")
_PINNED_LETTERS = "ABCDEFGH"
_T = TypeVar("_T")

# Strategies are built once and drawn from many times: building one inside a
# draw costs hypothesis a validation each time, which made generation ~10x slower.
_BOOLS = st.booleans()
_NAME_ORDERS = st.permutations(PROVISION_NAMES)
_EFFECTIVE = st.none() | st.dates(dt.date(1990, 1, 1), dt.date(2040, 12, 31))
_TITLES = st.none() | st.just("The Rules")
_PROPOSERS = st.none() | st.sampled_from(("NEC", "a member"))
_MOTION_DATES = st.none() | st.dates(dt.date(2000, 1, 1), dt.date(2030, 12, 31))


@functools.cache
def _ints(lo: int, hi: int) -> st.SearchStrategy[int]:
    return st.integers(lo, hi)


@functools.cache
def _word_lists(min_size: int, max_size: int) -> st.SearchStrategy[list[str]]:
    return st.lists(st.sampled_from(WORDS), min_size=min_size, max_size=max_size)


def _at(where: str, ref: str) -> dict[str, Any]:
    """``{"after": ref}`` and the like, as keyword arguments of an amendment."""
    return {where: ref}


def _int(draw: st.DrawFn, lo: int, hi: int) -> int:
    return draw(_ints(lo, hi))


def _pick(draw: st.DrawFn, items: Sequence[_T]) -> _T:
    """One of ``items`` (shrinking towards the first), like ``sampled_from``."""
    if not items:
        raise InvalidArgument("nothing to choose from")
    return items[_int(draw, 0, len(items) - 1)]


def _flip(draw: st.DrawFn) -> bool:
    return draw(_BOOLS)


@functools.cache
def numbering_schemes(min_depth: int = 1, max_depth: int = 4) -> st.SearchStrategy[tuple[Level, ...]]:
    """Numbering schemes: one :class:`~rulebook.model.Level` per depth, any
    style, each labelled (``Rule {n}``, ``({n})``, ...) or not.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, database=None, derandomize=True)
    ... @given(numbering_schemes(min_depth=2, max_depth=3))
    ... def test_scheme_depth(levels):
    ...     assert 2 <= len(levels) <= 3
    >>> test_scheme_depth()
    """
    if not 1 <= min_depth <= max_depth:
        raise InvalidArgument(f"need 1 <= min_depth <= max_depth, not {min_depth} and {max_depth}")
    level = st.builds(Level, st.sampled_from(STYLES), st.none() | st.sampled_from(LABELS))
    return st.lists(level, min_size=min_depth, max_size=max_depth).map(tuple)


@functools.cache
def provision_values(max_leaves: int = 6) -> st.SearchStrategy[Any]:
    """Values a provision may hold: numbers, booleans, words, and lists and
    mappings of them (what YAML round-trips exactly; no NaN).

    Examples
    --------
    >>> from hypothesis import find
    >>> find(provision_values(), lambda v: isinstance(v, dict) and v)
    {'the': False}
    """
    scalars = (
        st.booleans()
        | st.integers(-1000, 1000)
        | st.sampled_from((0.1, 0.15, 0.2, 0.5, 0.6667, 1.5))
        | st.sampled_from(WORDS + _BODIES)
    )
    return st.recursive(
        scalars,
        lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.sampled_from(WORDS), inner, max_size=3),
        max_leaves=max_leaves,
    )


def _words(draw: st.DrawFn, min_size: int = 1, max_size: int = 8) -> list[str]:
    return draw(_word_lists(min_size, max_size))


def _text(draw: st.DrawFn, targets: list[str], references_: bool) -> str:
    tokens = _words(draw)
    if references_ and targets and _flip(draw):
        at = _int(draw, 0, len(tokens))
        tokens.insert(at, f"[[{_pick(draw, targets)}]]")
    return " ".join(tokens) + _pick(draw, ("", ".", ";"))


def _heading(draw: st.DrawFn) -> str | None:
    if not _flip(draw):
        return None
    return " ".join(_words(draw, 1, 3)).capitalize()


@attrs.define
class _Shape:
    """A clause tree being drawn: ids are given in document order."""

    pinned: bool
    max_clauses: int
    count: int = 0
    pins: int = 0


def _draw_tree(draw: st.DrawFn, shape: _Shape, depth: int, levels: int, max_children: int) -> list[dict[str, Any]]:
    nodes: list[dict[str, Any]] = []
    wanted = _int(draw, 1 if depth == 0 else 0, max_children)
    unpinned_before = 0
    for _ in range(wanted):
        if shape.count >= shape.max_clauses:
            break
        shape.count += 1
        node: dict[str, Any] = {"id": f"c{shape.count}", "number": None}
        if shape.pinned and unpinned_before and _int(draw, 0, 5) == 0:
            # a pinned number holds a digit and a letter, so it never equals a positional one
            node["number"] = f"{shape.pins // len(_PINNED_LETTERS) + 1}{_PINNED_LETTERS[shape.pins % 8]}"
            shape.pins += 1
        else:
            unpinned_before += 1
        node["children"] = _draw_tree(draw, shape, depth + 1, levels, max_children) if depth + 1 < levels else []
        nodes.append(node)
    return nodes


def _flatten(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(_flatten(node["children"]))
    return out


@st.composite
def rulebooks(
    draw: st.DrawFn,
    max_depth: int = 3,
    max_children: int = 3,
    references: bool = True,
    provisions: bool = True,
    *,
    max_clauses: int = 12,
    min_clauses: int = 1,
    pinned: bool = True,
    invariants: bool = False,
) -> Version:
    """Valid rule book versions: unique ids, ``[[ref]]`` only to existing
    clauses, no deeper than the numbering scheme, each provision carried once.

    ``max_depth`` bounds the numbering scheme (and so the tree);
    ``max_children`` the children of one clause; ``max_clauses`` the whole
    book (``min_clauses`` is met with more top-level clauses). ``pinned`` lets some clauses
    pin numbers such as ``"1A"``; ``invariants`` declares a few invariants
    the book keeps.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> from rulebook.numbering import max_depth
    >>> @settings(max_examples=10, database=None, derandomize=True)
    ... @given(rulebooks(max_depth=2, min_clauses=3))
    ... def test_book_shape(version):
    ...     assert max_depth(version.clauses) <= len(version.numbering) <= 2
    ...     assert len(version) >= 3
    >>> test_book_shape()
    """
    levels = draw(numbering_schemes(1, max_depth))
    shape = _Shape(pinned=pinned, max_clauses=max_clauses)
    tree = _draw_tree(draw, shape, 0, len(levels), max_children)
    while shape.count < min(min_clauses, max_clauses):
        shape.count += 1
        tree.append({"id": f"c{shape.count}", "number": None, "children": []})
    flat = _flatten(tree)
    ids = [n["id"] for n in flat]
    names = list(draw(_NAME_ORDERS)) if provisions else []
    for node in flat:
        node["text"] = _text(draw, ids, references) if _int(draw, 0, 4) else None
        node["heading"] = _heading(draw)
        node["provisions"] = {}
        while names and _int(draw, 0, 3) == 0:
            node["provisions"][names.pop()] = draw(provision_values())

    def build(node: dict[str, Any]) -> Clause:
        return Clause(
            node["id"],
            heading=node["heading"],
            text=node["text"],
            provisions=node["provisions"],
            children=tuple(build(c) for c in node["children"]),
            number=node["number"],
        )

    declared: list[Invariant] = []
    if invariants:
        declared.append(Invariant("keeps-first", clause=ids[0], description="The first clause stays."))
        carried = [(n["provisions"], name) for n in flat for name in n["provisions"]]
        numeric = [name for held, name in carried if isinstance(held[name], int) and not isinstance(held[name], bool)]
        if numeric:
            name = _pick(draw, numeric)
            declared.append(Invariant(f"{name}-bounded", provision=name, min=-1000, max=1000))
    return Version(
        rulebook=_pick(draw, ("club", "union", "party")),
        label=_pick(draw, ("1", "2016", "v2")),
        numbering=levels,
        clauses=tuple(build(n) for n in tree),
        effective=draw(_EFFECTIVE),
        title=draw(_TITLES),
        invariants=tuple(declared),
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


class _Builder:
    """Draws the amendments of one motion, applying each to keep the next valid."""

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
        made = getattr(self, op)()
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
    builder = _Builder(draw, version, context, avoid)
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
    chosen = tuple(OPS) if ops is None else tuple(ops)
    unknown = [o for o in chosen if o not in OPS]
    if unknown or not chosen:
        raise InvalidArgument(f"ops must be a non-empty choice of {', '.join(OPS)}; not {unknown or chosen}")
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


# -- facts ---------------------------------------------------------------------


def _sections(version: Version | None, provision: str) -> dict[str, int] | None:
    value = version.provision(provision) if version is not None else None
    if not isinstance(value, Mapping):
        return None
    out = {}
    for name, entry in value.items():
        seats = entry.get("seats") if isinstance(entry, Mapping) else None
        if isinstance(entry, Mapping) and entry.get("voting", True) is False:
            continue  # a section without a vote casts none
        if isinstance(seats, int) and not isinstance(seats, bool) and seats >= 0:
            out[str(name)] = seats
    return out or None


@st.composite
def facts(draw: st.DrawFn, question: str, version: Version | None = None, body: str = "nec") -> dict[str, Any]:
    """Facts for a built-in question, of the shapes CONTRACT section 4 gives.

    With ``version``, facts follow its provisions where that matters: votes
    per section never exceed the section's seats (``{body}.seats``),
    conference sections are those of ``conference.weights``, and the
    ``provision`` question names a provision the version carries.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, database=None, derandomize=True)
    ... @given(facts("leadership.ballot"))
    ... def test_ballot_facts(f):
    ...     assert sorted(f) == ['bodies', 'candidates', 'vacancy']
    ...     assert all(set(c["nominations"]) <= set(f["bodies"]) for c in f["candidates"])
    >>> test_ballot_facts()
    """
    if question == "leadership.ballot":
        bodies = draw(st.dictionaries(st.sampled_from(_BODIES), st.integers(0, 700), min_size=1, max_size=len(_BODIES)))
        vacancy = _flip(draw)
        count = _int(draw, 1, 4)
        incumbent = None if vacancy or not _flip(draw) else _int(draw, 0, count - 1)
        candidates = []
        for i in range(count):
            nominations = {name: _int(draw, 0, size) for name, size in bodies.items() if _int(draw, 0, 3)}
            candidate: dict[str, Any] = {"name": "ABCD"[i], "nominations": nominations}
            if incumbent == i:
                candidate["incumbent"] = True
            candidates.append(candidate)
        return {"vacancy": vacancy, "bodies": bodies, "candidates": candidates}
    if question in ("nec.composition", "shadow_cabinet.composition"):
        return {"body": body} if question == "nec.composition" and body != "nec" else {}
    if question == "nec.vote":
        seats = _sections(version, f"{body}.seats") or draw(
            st.dictionaries(st.sampled_from(_SECTIONS), st.integers(1, 12), min_size=1, max_size=4)
        )
        votes: dict[str, Any] = {}
        for section, size in seats.items():
            if not _int(draw, 0, 4):
                continue  # a section nobody from attended is absent
            yes = _int(draw, 0, size)
            no = _int(draw, 0, size - yes)
            cast = [yes, no, _int(draw, 0, size - yes - no)]
            votes[section] = dict(zip(("for", "against", "abstain"), cast, strict=True))
        out: dict[str, Any] = {"votes": votes}
        if body != "nec":
            out["body"] = body
        return out
    if question == "conference.vote":
        weights = version.provision("conference.weights") if version is not None else None
        sections = sorted(weights) if isinstance(weights, Mapping) and weights else ["affiliates", "CLPs"]
        result = {}
        for section in sections:
            for_share = _int(draw, 0, 100)
            against = _int(draw, 0, 100 - for_share)
            result[str(section)] = {"for": for_share / 100, "against": against / 100}
        return result
    if question == "provision":
        names = sorted(version.provision_index) if version is not None else []
        return {"name": _pick(draw, names or list(PROVISION_NAMES))}
    raise InvalidArgument(f"no facts strategy for question {question!r}; known: {', '.join(QUESTIONS)}")
