"""What each motion reads and writes: the footprint that decides which motions
must be tried together.

A footprint is two sets of *keys*, each naming something in the version the
motions are checked against:

- ``("exists", id)``: that the clause is there, where it is. Read by every
  amendment that names the clause or one of its descendants (as target or as
  the place of a new clause) and by every ``[[id]]`` in the text a motion
  writes; written by adding, removing (the whole subtree) or moving it.
- ``("text", id)``: the clause's heading, text and pinned number. Read by the
  operations declared with ``footprint="words"`` (the word operations) that
  name it; written when they change.
- ``("provision", name)``: a provision's value and carrier. Read by every
  amendment of it whose operation declares ``footprint="provision"``
  (``set_provision``, ``remove_provision``), even one that changes nothing.
- ``("gap", parent, left)``: the place between two siblings (see
  :mod:`rulebook.check.delta`); written by clauses inserted, removed or moved
  there, read by every ``after``/``before``/``into`` that names it (a move
  that changes nothing still fixes the order).

Writes come from the motion's actual effect (:func:`~rulebook.check.delta.delta`
of the version and the motion's result), reads from its amendments, with every
citation resolved in the motion's own base. Since citations are read in each
motion's base, another motion renumbering clauses cannot change what they mean;
only deleting or moving the clause can, and both are writes of ``exists``.

Two motions *overlap* when one writes a key the other reads or writes. Motions
that do not overlap commute: each applies after the other and the results are
the same, so only overlapping pairs are ever applied together.

A *group* is a connected set of the overlap relation, taken transitively, and
widened by the book's invariants: an invariant reads keys too
(:func:`invariant_keys`), and every motion that writes a key one invariant
reads joins that invariant's group, since their combined result may break it
although no two of them overlap. Motions in different groups commute, so each
group can be applied and judged on its own.

Examples
--------
>>> from rulebook.amend.apply import apply
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
...             [Clause("fee", text="The fee is 15 pounds."), Clause("dues", text="Pay in May.")])
>>> a = Motion("a", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
>>> b = Motion("b", [Amendment("replace_words", clause="fee", old="pounds", new="euros")])
>>> c = Motion("c", [Amendment("replace_words", clause="Rule 2", old="May", new="June")])
>>> fa, fb, fc = (footprint(v, m, apply(v, m)) for m in (a, b, c))
>>> sorted(overlap(fa, fb)), sorted(overlap(fa, fc))
([('text', 'fee')], [])
>>> overlapping_pairs([fa, fb, fc])
[(0, 1)]
>>> groups([fa, fb, fc])
[(0, 1), (2,)]
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import attrs

from rulebook.amend.motion import OPERATIONS, Motion, OperationNames
from rulebook.check.delta import Delta, delta, lineage_ids
from rulebook.errors import CitationError
from rulebook.model import Invariant, Version
from rulebook.numbering import resolve_id
from rulebook.refs import references

__all__ = [
    "WORD_OPS",
    "Footprint",
    "Key",
    "Name",
    "footprint",
    "groups",
    "invariant_keys",
    "key_clause",
    "overlap",
    "overlapping_pairs",
]

Key = tuple[str, ...]

#: Operations that read and write the words of the clause they name: those declared
#: with ``footprint="words"`` (docs/architecture.md, "Adding to it").
WORD_OPS = OperationNames(lambda operation: operation.footprint == "words")


@attrs.frozen
class Name:
    """A clause an amendment names: amendment index, role, the words used, the stable id.

    ``role`` is ``clause`` (the clause amended) or ``after``/``before``/``into``
    (the place of a new or moved clause).

    Examples
    --------
    >>> Name(0, "clause", "Rule 1", "fee").id
    'fee'
    """

    amendment: int
    role: str
    written: str
    id: str


@attrs.frozen
class Footprint:
    """The keys a motion reads and writes, the clauses it names, and its delta.

    Examples
    --------
    >>> Footprint("m", frozenset(), frozenset({("text", "a")}), (), Delta()).motion
    'm'
    """

    motion: str
    reads: frozenset[Key]
    writes: frozenset[Key]
    names: tuple[Name, ...]
    delta: Delta

    def naming(self, clause_ids: set[str] | frozenset[str]) -> Name | None:
        """The first name of one of these clauses (or of a clause inside one), if any."""
        for name in self.names:
            if name.id in clause_ids:
                return name
        return None


def _names(version: Version, motion: Motion, base: Version) -> tuple[Name, ...]:
    out = []
    for i, a in enumerate(motion.amendments):
        roles = [("after", a.after), ("before", a.before), ("into", a.into)]
        if a.op != "insert_clause":
            roles.insert(0, ("clause", a.clause))
        for role, ref in roles:
            if ref is None:
                continue
            try:
                cid = resolve_id(base, ref)
            except CitationError:
                cid = ref.strip()  # a clause this motion inserts itself
            out.append(Name(i, role, ref, cid))
    return tuple(out)


def footprint(version: Version, motion: Motion, result: Version, base: Version | None = None) -> Footprint:
    """The footprint of ``motion``, which turned ``version`` into ``result``.

    ``base`` is the version the motion was drafted against (default:
    ``version``); its citations are resolved there.

    Examples
    --------
    >>> from rulebook.amend.apply import apply
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("a"), Clause("b", text="See [[a]].")])
    >>> m = Motion("m", [Amendment("delete_clause", clause="Rule 1")])
    >>> fp = footprint(v, m, apply(v, m))
    >>> sorted(fp.writes)
    [('exists', 'a'), ('gap', '', ''), ('gap', '', 'a')]
    >>> sorted(fp.reads)
    [('exists', 'a')]
    """
    names = _names(version, motion, base or version)
    change = delta(version, result)
    reads: set[Key] = set()
    for name in names:
        amendment = motion.amendments[name.amendment]
        reading = OPERATIONS[amendment.op].footprint  # what the operation declares it reads
        if reading == "provision" and amendment.name:
            reads.add(("provision", amendment.name))  # even when it changes nothing, it fixes the value
        if name.id not in version:
            continue
        reads.update(("exists", x) for x in lineage_ids(version, name.id))
        if name.role == "clause" and reading == "words":
            reads.add(("text", name.id))
        if name.role != "clause":
            reads.add(_place(version, name.role, name.id))  # even a move that changes nothing fixes the order
    for cid in change.changed | change.added:
        reads.update(("exists", t) for t in references(result.clause(cid).text) if t in version)
    writes: set[Key] = {("exists", x) for x in change.added | change.removed | change.moved}
    writes.update(("text", x) for x in change.changed)
    writes.update(("provision", n) for n in change.provisions)
    writes.update(("gap", p, left) for p, left in change.gaps)
    return Footprint(motion.id, frozenset(reads), frozenset(writes), names, change)


def _place(version: Version, role: str, clause_id: str) -> Key:
    """The gap an ``after``/``before``/``into`` anchor names (see :mod:`rulebook.check.delta`)."""
    if role == "into":
        children = version.clause(clause_id).children
        return ("gap", clause_id, children[-1].id if children else "")
    parent = version.parents[clause_id]
    if role == "after":
        return ("gap", parent or "", clause_id)
    siblings = version.siblings(clause_id)
    index = next(i for i, c in enumerate(siblings) if c.id == clause_id)
    return ("gap", parent or "", siblings[index - 1].id if index else "")


def overlap(a: Footprint, b: Footprint) -> frozenset[Key]:
    """The keys one footprint writes and the other reads or writes.

    Examples
    --------
    >>> x = Footprint("x", frozenset({("exists", "c")}), frozenset({("text", "c")}), (), Delta())
    >>> y = Footprint("y", frozenset({("exists", "c")}), frozenset(), (), Delta())
    >>> overlap(x, y)
    frozenset()
    """
    return (a.writes & (b.writes | b.reads)) | (a.reads & b.writes)


def overlapping_pairs(footprints: Sequence[Footprint]) -> list[tuple[int, int]]:
    """Index pairs ``(i, j)``, ``i < j``, of footprints that overlap, sorted.

    Footprints are indexed by key (writers and readers apart), so the cost
    grows with the number of overlapping pairs, not with the square of the
    number of motions.
    """
    writers: dict[Key, list[int]] = {}
    readers: dict[Key, list[int]] = {}
    pairs: set[tuple[int, int]] = set()
    for j, fp in enumerate(footprints):
        for key in fp.writes:
            pairs.update((i, j) for i in writers.get(key, ()))
            pairs.update((i, j) for i in readers.get(key, ()))
        for key in fp.reads:
            pairs.update((i, j) for i in writers.get(key, ()))
        for key in fp.writes:
            writers.setdefault(key, []).append(j)
        for key in fp.reads:
            readers.setdefault(key, []).append(j)
    return sorted(pairs)


def invariant_keys(invariant: Invariant) -> frozenset[Key]:
    """The keys an invariant reads (see :mod:`rulebook.check.invariants`):
    ``("exists", id)`` for a clause that must exist, ``("provision", name)``
    for a provision's values (a change of carrier writes that key too).

    Examples
    --------
    >>> sorted(invariant_keys(Invariant("size", provision="nec.seats", path="*.seats", sum=True)))
    [('provision', 'nec.seats')]
    >>> sorted(invariant_keys(Invariant("leader", clause="ch1.leader")))
    [('exists', 'ch1.leader')]
    """
    if invariant.clause is not None:
        return frozenset({("exists", invariant.clause)})
    if invariant.provision is not None:
        return frozenset({("provision", invariant.provision)})
    return frozenset()


def groups(footprints: Sequence[Footprint], links: Iterable[frozenset[Key]] = ()) -> list[tuple[int, ...]]:
    """The connected groups of footprints: indices joined when their
    footprints overlap (transitively), and when they write keys of one link
    (the keys one invariant reads, :func:`invariant_keys`).

    Every index is in exactly one group (a footprint that meets no other is a
    group of one); indices ascend within a group and groups are ordered by
    their first index. Union-find over a key index: the cost grows with the
    size of the footprints, not with the square of their number.

    Examples
    --------
    >>> def fp(reads, writes):
    ...     return Footprint("m", frozenset(reads), frozenset(writes), (), Delta())
    >>> a = fp({("exists", "x")}, {("text", "x")})
    >>> b = fp({("exists", "x")}, {("provision", "p")})
    >>> c = fp({("exists", "y")}, {("provision", "q")})
    >>> groups([a, b, c])
    [(0,), (1,), (2,)]
    >>> groups([a, b, c], links=[frozenset({("provision", "p"), ("provision", "q")})])
    [(0,), (1, 2)]
    """
    root = list(range(len(footprints)))

    def find(i: int) -> int:
        while root[i] != i:
            root[i] = root[root[i]]
            i = root[i]
        return i

    def join(members: Iterable[int]) -> None:
        first: int | None = None
        for i in members:
            if first is None:
                first = find(i)
                continue
            other = find(i)
            if other != first:
                root[max(other, first)] = min(other, first)
                first = min(other, first)

    writers: dict[Key, list[int]] = {}
    readers: dict[Key, list[int]] = {}
    for i, fp in enumerate(footprints):
        for key in fp.writes:
            writers.setdefault(key, []).append(i)
        for key in fp.reads:
            readers.setdefault(key, []).append(i)
    for key, written in writers.items():
        join([*written, *readers.get(key, ())])
    for link in links:
        join(i for key in link for i in writers.get(key, ()))
    members: dict[int, list[int]] = {}
    for i in range(len(footprints)):
        members.setdefault(find(i), []).append(i)
    return sorted((tuple(m) for m in members.values()), key=lambda g: g[0])


def key_clause(key: Key, *versions: Version) -> str | None:
    """The clause a key is about (for a provision: its carrier in the first
    version that has one; for a gap: the parent), or None at the top level.

    Examples
    --------
    >>> key_clause(("gap", "", "a")) is None, key_clause(("text", "fee"))
    (True, 'fee')
    """
    kind = key[0]
    if kind == "provision":
        for v in versions:
            carrier = v.provision_clause(key[1])
            if carrier is not None:
                return carrier
        return None
    return key[1] or None
