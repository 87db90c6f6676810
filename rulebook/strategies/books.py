"""Strategies for numbering schemes, provision values and whole rule books."""

from __future__ import annotations

import functools
from typing import Any

import attrs
from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from rulebook.model import STYLES, Clause, Invariant, Level, Version
from rulebook.strategies.common import (
    _BODIES,
    _EFFECTIVE,
    _NAME_ORDERS,
    _PINNED_LETTERS,
    _TITLES,
    LABELS,
    WORDS,
    _flip,
    _int,
    _pick,
    _word_lists,
)


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
