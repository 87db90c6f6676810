"""The immutable model: clauses, versions and the pure tree operations on them.

A :class:`Version` holds a tuple of top-level :class:`Clause` trees. Versions
are never changed: every edit returns a new version that shares each unchanged
subtree with the old one, so a long history of a large book stays small.

Each version also carries two persistent maps (from :mod:`pyrsistent`), kept
up to date by the edit functions here and shared between versions the same
way: clause id -> parent id, and provision name -> clause id.

Examples
--------
>>> book = Version(
...     rulebook="club", label="1",
...     numbering=(Level("arabic", "Rule {n}"), Level("lower-alpha")),
...     clauses=(Clause("members", heading="Members", children=(
...         Clause("members.fee", text="The fee is 5 pounds.",
...                provisions={"fee": 5}),)),),
... )
>>> book.clause("members.fee").text
'The fee is 5 pounds.'
>>> book.provision_clause("fee")
'members.fee'
>>> newer = replace_clause(book, evolve_clause(book.clause("members.fee"), text="10 pounds."))
>>> newer.clause("members.fee").text, book.clause("members.fee").text
('10 pounds.', 'The fee is 5 pounds.')
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterable, Iterator, Mapping
from typing import Any, TypeVar

import attrs
from immutabledict import immutabledict
from pyrsistent import PMap, pmap

from rulebook.display import Displayable
from rulebook.errors import CitationError, RulebookError
from rulebook.invariant import Invariant, validate_invariant
from rulebook.statement import Stated
from rulebook.values import freeze, same_value, thaw, typed_key

__all__ = [
    "STYLES",
    "Change",
    "Clause",
    "Invariant",
    "Level",
    "Version",
    "as_tuple",
    "delete_clause",
    "evolve_clause",
    "freeze",
    "insert_clause",
    "replace_clause",
    "same_value",
    "thaw",
    "typed_key",
    "validate_invariant",
    "walk",
]

_D = TypeVar("_D")

STYLES = ("arabic", "upper-roman", "lower-roman", "upper-alpha", "lower-alpha")


def as_tuple(items: Iterable[Any]) -> tuple[Any, ...]:
    """``items`` as a tuple (attrs converter for immutable sequence fields)."""
    return items if isinstance(items, tuple) else tuple(items)


_NO_PROVISIONS: immutabledict[str, Any] = immutabledict()


def _frozen_map(value: Mapping[str, Any] | None) -> immutabledict[str, Any]:
    if value is _NO_PROVISIONS or not value:
        return _NO_PROVISIONS  # most clauses carry none: one shared empty map
    if isinstance(value, immutabledict) and all(not isinstance(v, dict | list) for v in value.values()):
        return value
    return freeze(value or {})  # type: ignore[no-any-return]


@attrs.frozen
class Level:
    """One depth of a numbering scheme: a style and an optional label.

    Examples
    --------
    >>> Level("upper-roman", "Clause {n}").label
    'Clause {n}'
    """

    style: str = attrs.field(validator=attrs.validators.in_(STYLES))
    label: str | None = None
    #: How a citation joins this level to the one above it, when not the default
    #: (", " before a label, "." before a bare number): ``""`` prints "12.3(b)".
    join: str | None = None


@attrs.frozen
class Clause:
    """A clause: a stable id, optional heading and text, provisions, children.

    ``number`` pins the clause's number (e.g. ``"2A"``); otherwise its number
    follows its position among its siblings.

    Examples
    --------
    >>> c = Clause("a", text="x", children=[Clause("a.1")])
    >>> c.children[0].id
    'a.1'
    """

    id: str
    heading: str | None = None
    text: str | None = None
    provisions: immutabledict[str, Any] = attrs.field(factory=immutabledict, converter=_frozen_map, eq=typed_key)
    children: tuple[Clause, ...] = attrs.field(default=(), converter=as_tuple)
    number: str | None = None
    stated: tuple[Stated, ...] = attrs.field(default=(), converter=as_tuple, eq=False)  # docs/provisions.md


def evolve_clause(clause: Clause, **changes: Any) -> Clause:
    """A copy of ``clause`` with some fields changed (children are shared).

    Examples
    --------
    >>> evolve_clause(Clause("a", text="x"), text="y").text
    'y'
    """
    if _WORDS.issuperset(changes):  # an edit of words: quicker than evolve, which looks every field up
        g, c = changes.get, clause
        return Clause(
            c.id, g("heading", c.heading), g("text", c.text), c.provisions, c.children, g("number", c.number), c.stated
        )
    return attrs.evolve(clause, **changes)


@attrs.frozen
class Change:
    """A motion or ruling that made a version from its parent.

    Examples
    --------
    >>> Change("ruling", "nec-2016", authority="NEC, 12 July 2016").kind
    'ruling'
    """

    kind: str = attrs.field(validator=attrs.validators.in_(("motion", "ruling")))
    id: str
    title: str | None = None
    authority: str | None = None
    source: str | None = None
    date: dt.date | None = None
    file: str | None = None

    def to_data(self) -> dict[str, Any]:
        """The motion or ruling as JSON-ready data: kind, id, title, authority and date.

        Examples
        --------
        >>> Change("ruling", "r1", authority="NEC", date=dt.date(2016, 7, 12)).to_data()
        {'kind': 'ruling', 'id': 'r1', 'title': None, 'authority': 'NEC', 'date': '2016-07-12'}
        """
        return {
            "kind": self.kind,
            "id": self.id,
            "title": self.title,
            "authority": self.authority,
            "date": self.date.isoformat() if self.date else None,
        }


def _index(clause: Clause, parent: str | None, parents: Any, provisions: Any) -> None:
    """Add a subtree to evolvers of the two maps (iteratively: deep trees are fine)."""
    stack: list[tuple[Clause, str | None]] = [(clause, parent)]
    while stack:
        node, up = stack.pop()
        parents.set(node.id, up)
        for name in node.provisions:
            provisions.set(name, node.id)
        stack.extend((child, node.id) for child in node.children)


def _unindex(clause: Clause, parents: Any, provisions: Any) -> None:
    stack = [clause]
    while stack:
        node = stack.pop()
        parents.remove(node.id)
        for name in node.provisions:
            if name in provisions and provisions[name] == node.id:  # evolvers have no .get
                provisions.remove(name)
        stack.extend(node.children)


def _build_maps(clauses: tuple[Clause, ...]) -> tuple[PMap[str, str | None], PMap[str, str]]:
    parents: dict[str, str | None] = {}
    provisions: dict[str, str] = {}
    stack: list[tuple[Clause, str | None]] = [(c, None) for c in clauses]
    while stack:
        node, up = stack.pop()
        parents[node.id] = up
        for name in node.provisions:
            provisions[name] = node.id
        stack.extend((child, node.id) for child in node.children)
    return pmap(parents), pmap(provisions)


@attrs.frozen
class Version(Displayable):
    """One version of a rule book: metadata, numbering scheme, clause tree.

    Equality compares the content (metadata, numbering, clauses, invariants),
    not how the version was reached. It shows itself as text, in Jupyter and in
    rich through ``rulebook.render.notebook`` (see :class:`~rulebook.display.Displayable`).

    Examples
    --------
    >>> v = Version("club", "1", numbering=[Level("arabic", "Rule {n}")], clauses=[
    ...     Clause("fee", text="The fee is 5 pounds.", provisions={"fee": 5}),
    ...     Clause("officers", children=[Clause("officers.chair", text="A chair.")]),
    ... ])
    >>> len(v), "officers.chair" in v, v.provision("fee")
    (3, True, 5)
    >>> v.parents["officers.chair"], v.path("officers.chair")
    ('officers', (1, 0))
    >>> v == attrs.evolve(v, parent="0")
    True
    """

    rulebook: str
    label: str
    numbering: tuple[Level, ...] = attrs.field(converter=as_tuple)
    clauses: tuple[Clause, ...] = attrs.field(converter=as_tuple)
    effective: dt.date | None = None
    title: str | None = None
    source: str | None = None
    invariants: tuple[Invariant, ...] = attrs.field(default=(), converter=as_tuple)
    #: Further forms the book's readers cite clauses in, such as "Rule {1}.{2:arabic}.{3}"
    #: (docs/numbering.md): accepted when the book's own form is not used.
    citations: tuple[str, ...] = attrs.field(default=(), converter=as_tuple)
    parent: str | None = attrs.field(default=None, eq=False)
    changes: tuple[Change, ...] = attrs.field(default=(), converter=as_tuple, eq=False)
    provenance: PMap[str, Change] = attrs.field(factory=pmap, eq=False, repr=False)
    _maps: tuple[PMap[str, str | None], PMap[str, str]] = attrs.field(eq=False, repr=False, alias="maps")
    _derived: dict[Any, Any] = attrs.field(init=False, factory=dict, eq=False, repr=False)

    PRESENTER = "rulebook.render.notebook:version"

    @_maps.default
    def _default_maps(self) -> tuple[PMap[str, str | None], PMap[str, str]]:
        return _build_maps(self.clauses)

    @property
    def parents(self) -> PMap[str, str | None]:
        """Clause id -> id of its parent clause (None at top level)."""
        return self._maps[0]

    @property
    def provision_index(self) -> PMap[str, str]:
        """Provision name -> id of the clause that carries it."""
        return self._maps[1]

    def derived(self, key: Any, compute: Callable[[], _D]) -> _D:
        """A value derived from this version alone, ``compute()`` the first time ``key``
        is asked for; a new version (even by ``attrs.evolve``) starts with none.

        Examples
        --------
        >>> v = Version("club", "1", [Level("arabic")], [Clause("a")])
        >>> v.derived("size", lambda: len(v)), v.derived("size", lambda: 0)
        (1, 1)
        """
        try:
            return self._derived[key]  # type: ignore[no-any-return]
        except KeyError:
            value = self._derived[key] = compute()
            return value

    def __contains__(self, clause_id: object) -> bool:
        return clause_id in self._maps[0]

    def __len__(self) -> int:
        return len(self._maps[0])

    def path(self, clause_id: str) -> tuple[int, ...]:
        """Positions from the top level down to the clause with this id.

        Examples
        --------
        >>> v = Version("b", "1", [Level("arabic")], [Clause("x"), Clause("y")])
        >>> v.path("y")
        (1,)
        """
        return tuple(i for i, _ in self._descend(clause_id))

    def _descend(self, clause_id: str) -> list[tuple[int, Clause]]:
        """(position among its siblings, clause) from the top level down to ``clause_id``.

        Kept for the version: applying an amendment looks the same clause up
        several times in the version in hand (docs/architecture.md, "Speed")."""
        paths: dict[str, list[tuple[int, Clause]]] = self.derived("descend", dict)  # by id: no key to make
        found = paths.get(clause_id)
        return found if found is not None else paths.setdefault(clause_id, self._walk_down(clause_id))

    def remember_lineage(self, clause_id: str, lineage: list[tuple[int, Clause]]) -> None:
        """Keep the ``(position, clause)`` pairs down to a clause found by a walk down (a citation)."""
        paths: dict[str, list[tuple[int, Clause]]] = self.derived("descend", dict)
        paths.setdefault(clause_id, lineage)

    def _walk_down(self, clause_id: str) -> list[tuple[int, Clause]]:
        out = []
        siblings = self.clauses
        for cid in self.ancestor_ids(clause_id):
            for i, c in enumerate(siblings):
                if c.id == cid:
                    out.append((i, c))
                    siblings = c.children
                    break
        return out

    def ancestor_ids(self, clause_id: str) -> tuple[str, ...]:
        """Ids from the top level down to ``clause_id``, inclusive.

        Every walk up the parent map goes through here: a clause that is its own
        ancestor (which loading and applying refuse) raises instead of looping.

        Examples
        --------
        >>> v = Version("b", "1", [Level("arabic")] * 2, [Clause("x", children=[Clause("y")])])
        >>> v.ancestor_ids("y")
        ('x', 'y')
        """
        parents = self._maps[0]
        if clause_id not in parents:
            raise CitationError(f"no clause with id {clause_id!r} in version {self.label!r}")
        chain = [clause_id]
        node = parents[clause_id]
        limit = len(parents)
        while node is not None:
            chain.append(node)
            node = parents[node]
            if len(chain) > limit:
                raise RulebookError(
                    f"clause {clause_id!r} is its own ancestor in version {self.label!r}; give each clause its own id"
                )
        chain.reverse()
        return tuple(chain)

    def lineage(self, clause_id: str) -> tuple[Clause, ...]:
        """The clauses from the top level down to this one, inclusive."""
        return tuple(c for _, c in self._descend(clause_id))

    def clause(self, clause_id: str) -> Clause:
        """The clause with this stable id (see :func:`rulebook.resolve` for citations)."""
        return self._descend(clause_id)[-1][1]

    def siblings(self, clause_id: str) -> tuple[Clause, ...]:
        """The clause's siblings, itself included, in order."""
        if clause_id not in self:
            raise CitationError(f"no clause with id {clause_id!r} in version {self.label!r}")
        up = self.parents[clause_id]
        return self.clauses if up is None else self.clause(up).children

    def provision_clause(self, name: str) -> str | None:
        """The id of the clause carrying provision ``name``, or None."""
        return self._maps[1].get(name)

    def provision(self, name: str) -> Any:
        """The value of provision ``name`` (None when no clause carries it)."""
        cid = self._maps[1].get(name)
        return None if cid is None else self.clause(cid).provisions[name]


def walk(clauses: tuple[Clause, ...]) -> Iterator[tuple[int, Clause]]:
    """Every clause in document order, with its depth (0 at the top).

    Examples
    --------
    >>> [(d, c.id) for d, c in walk((Clause("a", children=[Clause("b")]),))]
    [(0, 'a'), (1, 'b')]
    """
    stack = [(0, c) for c in reversed(clauses)]
    while stack:
        depth, node = stack.pop()
        yield depth, node
        stack.extend((depth + 1, c) for c in reversed(node.children))


def _with_children(node: Clause, children: tuple[Clause, ...]) -> Clause:
    """``node`` with new children, no field converted again (as ``attrs.evolve`` would, once per level per edit)."""
    clone = object.__new__(Clause)
    for name in _CLAUSE_FIELDS:
        object.__setattr__(clone, name, getattr(node, name))
    object.__setattr__(clone, "children", children)
    return clone


_CLAUSE_FIELDS = tuple(f.name for f in attrs.fields(Clause))
_WORDS = frozenset({"heading", "text", "number"})
_VERSION_FIELDS = tuple(f.name for f in attrs.fields(Version) if f.name != "_derived")


def _with_clauses(version: Version, clauses: tuple[Clause, ...], maps: Any = None) -> Version:
    """``version`` with a new clause tree (and maps), as ``attrs.evolve`` would
    make it but without converting fields already converted; nothing derived is kept."""
    clone = object.__new__(Version)
    for name in _VERSION_FIELDS:
        object.__setattr__(clone, name, getattr(version, name))
    object.__setattr__(clone, "clauses", clauses)
    if maps is not None:
        object.__setattr__(clone, "_maps", maps)
    object.__setattr__(clone, "_derived", {})
    return clone


def _rebuild(
    version: Version,
    path: tuple[int, ...],
    new_siblings: tuple[Clause, ...],
    old: Clause | None,
    new: tuple[Clause, ...],
    parent_id: str | None,
) -> Version:
    """Put ``new_siblings`` at the level addressed by ``path`` (a parent's path),
    re-creating only the clauses on the way down, and update the two maps."""

    # bottom-up, without a self-calling closure: that would be a reference cycle
    # per edit, holding the old clauses until the cyclic collector ran
    levels = []
    siblings = version.clauses
    for i in path:
        levels.append(siblings)
        siblings = siblings[i].children
    clauses = new_siblings
    for siblings, i in zip(reversed(levels), reversed(path), strict=True):
        clauses = siblings[:i] + (_with_children(siblings[i], clauses),) + siblings[i + 1 :]
    if (
        old is not None
        and len(new) == 1
        and new[0].id == old.id
        and new[0].children is old.children
        and new[0].provisions.keys() == old.provisions.keys()
    ):
        return _with_clauses(version, clauses)  # the same ids in the same places: the maps hold
    parents = version.parents.evolver()
    provisions = version.provision_index.evolver()
    if old is not None:
        if len(new) == 1 and new[0].id == old.id and new[0].children is old.children:
            for name in old.provisions:
                provisions.remove(name)
            for name in new[0].provisions:
                provisions.set(name, old.id)
            new = ()
        else:
            _unindex(old, parents, provisions)
    for clause in new:
        _index(clause, parent_id, parents, provisions)
    return _with_clauses(version, clauses, (parents.persistent(), provisions.persistent()))


def replace_clause(version: Version, clause: Clause) -> Version:
    """A new version with the clause of the same id replaced by ``clause``."""
    down = version._descend(clause.id)
    i, old = down[-1]
    parent = down[-2][1] if len(down) > 1 else None
    siblings = version.clauses if parent is None else parent.children
    path = tuple(k for k, _ in down[:-1])
    return _rebuild(
        version, path, siblings[:i] + (clause,) + siblings[i + 1 :], old, (clause,), parent.id if parent else None
    )


def insert_clause(version: Version, parent_id: str | None, index: int, clause: Clause) -> Version:
    """A new version with ``clause`` inserted as child ``index`` of ``parent_id``
    (``None``: at the top level)."""
    if parent_id is None:
        path: tuple[int, ...] = ()
        siblings = version.clauses
    else:
        path = version.path(parent_id)
        siblings = version.clause(parent_id).children
    return _rebuild(version, path, siblings[:index] + (clause,) + siblings[index:], None, (clause,), parent_id)


def delete_clause(version: Version, clause_id: str) -> Version:
    """A new version without the clause ``clause_id`` and its children."""
    path = version.path(clause_id)
    siblings = version.siblings(clause_id)
    i = path[-1]
    old = siblings[i]
    parents = version.parents.evolver()
    provisions = version.provision_index.evolver()
    _unindex(old, parents, provisions)
    trimmed = _rebuild(version, path[:-1], siblings[:i] + siblings[i + 1 :], None, (), None)
    return attrs.evolve(trimmed, maps=(parents.persistent(), provisions.persistent()))
