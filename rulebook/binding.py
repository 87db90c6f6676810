"""Provisions stated by the words: finding bindings, and following the words through motions.

A provision's numbers are bound to the words of its clause that state them
(docs/provisions.md). :func:`bind` binds a clause when it is read: each
binding written in the file (``stated_by``) is checked against the words, and
every other number of a provision that exactly one quantity phrase of the
words states is bound to that phrase; a provision declared as ``from:
sub-clauses`` is counted from the clause's sub-clauses. :func:`restate`
runs after each motion: a bound value follows its words, and a value whose
words are gone or cannot be read is marked no longer stated.

Examples
--------
>>> from rulebook.model import Clause
>>> c = bind(Clause("q", text="Six members form a quorum.", provisions={"nec.quorum": 6}))
>>> [(s.leaf, s.words) for s in c.stated]
[('nec.quorum', 'Six')]
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence
from itertools import compress
from operator import is_not
from typing import Any

import attrs

from rulebook.members import members_value
from rulebook.model import Change, Clause, Version, evolve_clause, freeze, replace_clause, thaw, walk
from rulebook.numbering import citation
from rulebook.quantities import Quantity, leaf_value, matches, read_quantities, why_not_read_as
from rulebook.statement import Stated
from rulebook.tracking import starts_of, track
from rulebook.unfollowed import unfollowed

__all__ = [
    "BindingError",
    "bind",
    "bind_report",
    "followed",
    "get_leaf",
    "leaves",
    "lost_statements",
    "members_value",
    "phrase_at",
    "restate",
    "restated",
    "set_leaf",
    "unbound_leaves",
]

Path = tuple[str | int, ...]


class BindingError(ValueError):
    """A binding that does not fit its clause; the message says what to change."""


def leaves(value: Any, path: Path = ()) -> Iterator[tuple[Path, Any]]:
    """Every number or date inside a provision value, with its path (booleans are not numbers).

    Examples
    --------
    >>> list(leaves({"share": 0.2, "of": ["PLP"], "all": True}))
    [(('share',), 0.2)]
    """
    if hasattr(value, "items"):
        for key, item in value.items():
            yield from leaves(item, (*path, key))
    elif isinstance(value, tuple | list):
        for i, item in enumerate(value):
            yield from leaves(item, (*path, i))
    elif not isinstance(value, bool | str) and value is not None:
        yield path, value


def get_leaf(value: Any, path: Path) -> Any:
    """The value at ``path`` inside ``value`` (KeyError, IndexError or TypeError if there is none)."""
    for key in path:
        value = value[key]
    return value


def set_leaf(value: Any, path: Path, new: Any) -> Any:
    """A frozen copy of ``value`` with ``new`` at ``path``.

    Examples
    --------
    >>> thaw(set_leaf(freeze({"a": [1, {"b": 2}]}), ("a", 1, "b"), 3))
    {'a': [1, {'b': 3}]}
    """
    plain = thaw(value)
    if not path:
        return freeze(new)
    node = plain
    for key in path[:-1]:
        node = node[key]
    node[path[-1]] = new
    return freeze(plain)


def _has(value: Any, path: Path) -> bool:
    try:
        get_leaf(value, path)
    except (KeyError, IndexError, TypeError):
        return False
    return True


def _occurrence(text: str, q: Quantity) -> int | None:
    starts = starts_of(text, q.text)
    return starts.index(q.start) + 1 if len(starts) > 1 and q.start in starts else None


def phrase_at(text: str | None, words: str, occurrence: int | None = None) -> Quantity | None:
    """The quantity phrase ``words`` (its ``occurrence``-th time) in ``text``, or None.

    Examples
    --------
    >>> phrase_at("50 per cent and 50 per cent", "50 per cent", 2).start
    16
    """
    if not text or not words:
        return None
    starts = starts_of(text, words)
    index = (occurrence or 1) - 1
    if not 0 <= index < len(starts) or (occurrence is None and len(starts) > 1):
        return None
    start = starts[index]
    for q in read_quantities(text):
        if q.start <= start and start + len(words) <= q.end:
            return q
    return None


def _stated(words: Quantity, text: str, provision: str, path: Path, explicit: bool = False) -> Stated:
    return Stated(provision, path, words=words.text, occurrence=_occurrence(text, words), explicit=explicit)


def _auto(clause: Clause, provisions: Mapping[str, Any], stated: list[Stated]) -> bool:
    """Bind each unbound number that exactly one quantity phrase of the words states; True if any."""
    taken, before = {(s.provision, s.path) for s in stated}, len(stated)
    derived = {s.provision for s in stated if s.source == "sub-clauses"}
    if not clause.text or all((n, p) in taken for n, v in provisions.items() if n not in derived for p, _ in leaves(v)):
        return False  # no number left unbound: the words need no reading
    found = read_quantities(clause.text)
    for name, value in provisions.items():
        if name in derived:
            continue
        for path, leaf in leaves(value):
            if (name, path) in taken:
                continue
            candidates = [q for q in found if matches(leaf, q)]
            if len(candidates) == 1:
                stated.append(_stated(candidates[0], clause.text or "", name, path))
    return len(stated) > before


def bind(clause: Clause, explicit: Sequence[Stated] = ()) -> Clause:
    """``clause`` with its provisions bound to its words (see the module doc).

    ``explicit`` are the bindings written in the file: a ``words`` binding must
    name a number of a provision and words of the clause that state that
    number; a ``sub-clauses`` one gives the provision its counted value.

    Raises
    ------
    BindingError
        A binding names no such value, its words are not in the text, they
        state another value, or a sub-clause does not say its seats.

    Examples
    --------
    >>> c = Clause("nec", text="Two members.", provisions={"nec.quorum": 2},
    ...            children=[Clause("nec.a", text="Two members elected by CLPs.")])
    >>> bind(c, [Stated("nec.seats", source="sub-clauses")]).provisions["nec.seats"]["a"]["seats"]
    2
    >>> bind(c, [Stated("nec.quorum", words="Three")])
    Traceback (most recent call last):
    ...
    rulebook.binding.BindingError: nec.quorum: the words 'Three' are not in the clause's text; quote them as they stand
    """
    if not explicit and not clause.provisions and not clause.stated:
        return clause
    provisions = dict(clause.provisions)
    stated: list[Stated] = []
    for s in explicit:
        if s.source == "sub-clauses":
            value, problem = members_value(clause, s)
            if problem is not None:
                raise BindingError(f"{s.provision} counts the sub-clauses of {clause.id}, but {problem}")
            provisions[s.provision] = freeze(value)
            stated.append(attrs.evolve(s, explicit=True))
            continue
        if s.provision not in provisions or not _has(provisions[s.provision], s.path):
            raise BindingError(f"{s.leaf}: the clause has no such provision value to bind")
        if not s.is_stated:
            stated.append(s)  # saved as no longer stated: kept so, until a motion sets it
            continue
        leaf = get_leaf(provisions[s.provision], s.path)
        q = phrase_at(clause.text, s.words or "", s.occurrence)
        if q is None:
            count = (clause.text or "").count(s.words) if s.words else 0
            problem = (
                "are not in the clause's text; quote them as they stand"
                if count == 0
                else "occur more than once (add occurrence: 1, 2, ...) or state no quantity"
                if s.occurrence is None
                else f"occur {count} time(s) but occurrence {s.occurrence} was asked for, or state no quantity"
            )
            raise BindingError(f"{s.leaf}: the words {s.words!r} {problem}")
        if not matches(leaf, q):
            raise BindingError(
                f"{s.leaf} is {leaf!r}, but {q.text!r} states {_shown(q)}; make the value and the words agree"
            )
        stated.append(_stated(q, clause.text or "", s.provision, s.path, explicit=True))
    _auto(clause, provisions, stated)
    return evolve_clause(clause, provisions=provisions, stated=tuple(stated))


def _shown(q: Quantity) -> str:
    return f"{float(q.value):g}" if q.kind == "share" else str(q.value)


def _follow(old: Clause, new: Clause, s: Stated, value: Any) -> tuple[Stated, Any]:
    """A words binding after the words changed from ``old.text`` to ``new.text`` (lost if unread), and their value."""
    before = phrase_at(old.text, s.words or "", s.occurrence)
    if before is None:
        return attrs.evolve(s, lost=f"the words {s.words!r} can no longer be found"), value
    start, end = track(old.text or "", new.text or "", before.start, before.end)
    text = new.text or ""
    if start == end:
        return attrs.evolve(s, words=None, occurrence=None, lost=f"the words {s.words!r} were deleted"), value
    near = [q for q in read_quantities(text) if q.start < end and start < q.end]
    alike = [q for q in near if q.kind == before.kind]
    region = text[min([start, *(q.start for q in near)]) : max([end, *(q.end for q in near)])]
    why = f"state no {before.kind}" if not alike else f"state more than one {before.kind}" if alike[1:] else None
    why = why or why_not_read_as(old.text or "", before, text, alike[0])  # a new unit or comparison
    if why is not None:
        return attrs.evolve(
            s, words=None, occurrence=None, lost=f"the words {region!r} (were {s.words!r}) {why}"
        ), value
    q = alike[0]
    return attrs.evolve(s, words=q.text, occurrence=_occurrence(text, q), lost=None), leaf_value(q, value)


def _restate_clause(old: Clause | None, new: Clause, since: str | None) -> tuple[dict[str, Any], list[Stated]]:
    """The provisions and bindings of ``new`` (``old`` before the motion ``since``) brought up to date."""
    provisions = dict(new.provisions)
    stated: list[Stated] = []
    text_changed = old is not None and (old.text or "") != (new.text or "")
    for s in new.stated:
        if s.provision not in provisions:
            continue
        if s.source == "sub-clauses":
            value, problem = members_value(new, s)
            if problem is None:
                provisions[s.provision] = freeze(value)
            stated.append(attrs.evolve(s, lost=problem))
            continue
        current, motion_value = provisions[s.provision], new.provisions[s.provision]  # followed so far; the motion's
        set_here = old is not None and old.provisions.get(s.provision, motion_value) != motion_value
        if not _has(current, s.path):
            continue
        if not s.is_stated or not text_changed or old is None:
            if set_here:
                continue  # a value set in words of no phrase: rebound below if words state it
            stated.append(s)
            continue
        followed, leaf = _follow(old, new, s, get_leaf(current, s.path))
        if set_here and (not followed.is_stated or leaf != get_leaf(current, s.path)):
            continue  # the motion set the value itself; check reports words that disagree
        if followed.is_stated:
            provisions[s.provision] = set_leaf(current, s.path, leaf)
        stated.append(followed)
    if text_changed and old is not None:
        stated.extend(_unfollowed(old, new, stated, since))
    _auto(new, provisions, stated)
    return provisions, stated


def _unfollowed(old: Clause, new: Clause, stated: list[Stated], since: str | None) -> list[Stated]:
    """The values bound to no phrase, not set by the motion, that a changed figure may have
    stated: no longer stated (docs/provisions.md, "Figures no value follows")."""
    taken = {(s.provision, s.path) for s in (*stated, *old.stated)}
    derived = {s.provision for s in old.stated if s.source == "sub-clauses"}
    unbound = [
        (name, path, leaf)
        for name, value in old.provisions.items()
        if name not in derived and new.provisions.get(name, None) == value  # set by the motion: its own value
        for path, leaf in leaves(value)
        if (name, path) not in taken
    ]
    if not unbound:
        return []
    spans = [phrase_at(old.text, s.words or "", s.occurrence) for s in old.stated if s.is_stated]
    bound = [(q.start, q.end) for q in spans if q is not None]
    return unfollowed(old.text or "", new.text or "", unbound, bound, since)


def _changed(before: tuple[Clause, ...], after: tuple[Clause, ...]) -> list[tuple[Clause | None, Clause]]:
    """Pairs (old or None, new) of the clauses of ``after`` that are not shared with
    ``before``, each parent before its children."""
    out: list[tuple[Clause | None, Clause]] = []
    _visit(before, after, out)
    return out


def _visit(before: tuple[Clause, ...], after: tuple[Clause, ...], out: list[tuple[Clause | None, Clause]]) -> None:
    # a plain function, not a closure over ``out``: a closure that calls itself is a
    # reference cycle, left for the collector, once per motion applied
    if len(before) == len(after):  # the usual case: the same clauses, one or two of them new
        pairs = [(before[k], after[k]) for k in compress(range(len(after)), map(is_not, before, after))]
        if all(old.id == new.id for old, new in pairs):
            for old, new in pairs:
                out.append((old, new))
                if old.children is not new.children:
                    _visit(old.children, new.children, out)
            return
    old_by_id = {c.id: c for c in before}
    for clause in after:
        found = old_by_id.get(clause.id)
        if found is not clause:
            out.append((found, clause))
            _visit(found.children if found is not None else (), clause.children, out)


def restated(old: Clause | None, new: Clause, since: str | None = None) -> tuple[Clause, list[str]] | None:
    """``new`` (``old`` before motion ``since``) with its bindings brought up to date and the
    names of the provisions whose values moved; None when nothing changes.

    >>> q = bind(Clause("q", text="Six form a quorum.", provisions={"q": 6}))
    >>> restated(q, evolve_clause(q, text="Eight form a quorum."))[1], restated(None, Clause("p")) is None
    (['q'], True)
    """
    reworded = old is not None and bool(new.provisions) and (old.text or "") != (new.text or "")
    if not new.stated and not reworded and not _auto(new, new.provisions, []):
        return None  # nothing bound to follow, no figure changed, nor a number the words now state to bind
    provisions, stated = _restate_clause(old, new, since)  # the same names; if the very values, as it was
    if tuple(stated) == new.stated and all(provisions[n] is v for n, v in new.provisions.items()):
        return None
    updated = evolve_clause(new, provisions=provisions, stated=tuple(stated))
    if updated == new and updated.stated == new.stated:
        return None
    return updated, [n for n in updated.provisions if new.provisions.get(n) != updated.provisions[n]]


def restate(before: Version, after: Version, change: Change | None = None) -> Version:
    """``after`` (made from ``before`` by a motion, ``change``) with every bound value
    following its words: re-read where the words changed, marked lost where they
    cannot be read; provenance of each value that moved is ``change``.

    Examples
    --------
    >>> from rulebook.model import Level
    >>> v = Version("b", "1", [Level("arabic")], [bind(Clause("q", text="Six form a quorum.", provisions={"q": 6}))])
    >>> w = replace_clause(v, evolve_clause(v.clause("q"), text="Eight form a quorum."))
    >>> restate(v, w).provision("q")
    8
    """
    out = after
    since = change.id if change is not None else None
    for old, new in _changed(before.clauses, after.clauses):
        found = restated(old, new, since)
        if found is None:
            continue
        updated, moved = found
        out = replace_clause(out, updated)
        if change is not None:
            provenance = out.provenance.evolver()
            for name in moved:
                provenance.set(name, change)
            out = attrs.evolve(out, provenance=provenance.persistent())
    return out


def followed(name: str, old: Clause, new: Clause) -> tuple[tuple[str, Any, Any, str], ...]:
    """How provision ``name``'s bound values moved from clause ``old`` to ``new``:
    ``(dotted value, old, new, words)``, the words being those read, or why they
    no longer state it.

    Examples
    --------
    >>> a = bind(Clause("q", text="Six form a quorum.", provisions={"q": 6}))
    >>> b = restated(a, evolve_clause(a, text="Eight form a quorum."))[0]
    >>> followed("q", a, b)
    (('q', 6, 8, "read from 'Eight'"),)
    """
    out = []
    for s in new.stated:
        if s.provision != name or s.source != "words" or name not in old.provisions or name not in new.provisions:
            continue
        try:
            before, after = get_leaf(old.provisions[name], s.path), get_leaf(new.provisions[name], s.path)
        except (KeyError, IndexError, TypeError):
            continue
        if not s.is_stated:
            out.append((s.leaf, before, None, f"no longer stated: {s.lost}"))
        elif before != after:
            out.append((s.leaf, before, after, f"read from {s.words!r}"))
    return tuple(out)


def lost_statements(version: Version, name: str) -> tuple[Stated, ...]:
    """The bindings of provision ``name`` whose words no longer state it.

    Examples
    --------
    >>> from rulebook.model import Level
    >>> c = Clause("q", provisions={"q": 6}, stated=[Stated("q", lost="the words 'Six' were deleted")])
    >>> [s.lost for s in lost_statements(Version("b", "1", [Level("arabic")], [c]), "q")]
    ["the words 'Six' were deleted"]
    """
    cid = version.provision_clause(name)
    if cid is None:
        return ()
    return tuple(s for s in version.clause(cid).stated if s.provision == name and not s.is_stated)


def unbound_leaves(version: Version) -> list[tuple[str, str, Path, Any]]:
    """Every number of a provision that no words of its clause state:
    ``(clause id, provision, path, value)`` in document order.

    Examples
    --------
    >>> from rulebook.model import Level
    >>> v = Version("b", "1", [Level("arabic")], [bind(Clause("q", text="A quorum.", provisions={"q": 6}))])
    >>> unbound_leaves(v)
    [('q', 'q', (), 6)]
    """
    out: list[tuple[str, str, Path, Any]] = []
    for _, clause in walk(version.clauses):
        bound = {(s.provision, s.path) for s in clause.stated if s.is_stated}
        derived = {s.provision for s in clause.stated if s.source == "sub-clauses"}
        for name, value in clause.provisions.items():
            if name in derived:
                continue
            out.extend((clause.id, name, path, leaf) for path, leaf in leaves(value) if (name, path) not in bound)
    return out


def describe_lost(version: Version, s: Stated) -> str:
    """A gap's words for a value its clause no longer states."""
    cid = version.provision_clause(s.provision)
    where = f"{citation(version, cid)} (id {cid})" if cid is not None else "its clause"
    return f"{where} no longer states {s.leaf}: {s.lost}"


def bind_report(version: Version) -> dict[str, Any]:
    """What ``rulebook bind`` reports: ``stated`` (value -> words), ``unstated``
    (values no words state, with the phrases that say the same value when
    there are several, so that ``stated_by`` can pick one by occurrence),
    ``lost`` (values whose words a motion made unreadable) and ``ruled``
    (values a binding ruling set last: a ruling changes what the words mean,
    never the words, so no words are expected to state them).

    Examples
    --------
    >>> from rulebook.io.rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: q, text: "Six form a quorum; 5 per cent and 5 per cent.", provisions: {q: 6, s: {a: 0.05}, f: 9}}
    ... ''')
    >>> r = bind_report(v)
    >>> r["stated"][0]["value"], r["stated"][0]["words"]
    ('q', 'Six')
    >>> [(u["value"], u["phrases"]) for u in r["unstated"]]
    [('s.a', ['5 per cent', '5 per cent']), ('f', [])]
    """
    stated: list[dict[str, Any]] = []
    unstated: list[dict[str, Any]] = []
    lost: list[dict[str, Any]] = []
    for _, clause in walk(version.clauses):
        for s in clause.stated:
            row: dict[str, Any] = {"clause": citation(version, clause.id), "id": clause.id, "value": s.leaf}
            if not s.is_stated:
                lost.append({**row, "why": s.lost})
            elif s.source == "sub-clauses":
                stated.append({**row, "words": f"the sub-clauses ({s.read})"})
            else:
                value = get_leaf(clause.provisions[s.provision], s.path)
                stated.append({**row, "words": s.words, "occurrence": s.occurrence, "reads": value})
    ruled: list[dict[str, Any]] = []
    for cid, name, path, leaf in unbound_leaves(version):
        if any(s.provision == name and s.path == path for s in version.clause(cid).stated):
            continue
        dotted = ".".join([name, *(str(p) for p in path)])
        row = {"clause": citation(version, cid), "id": cid, "value": dotted, "reads": leaf}
        setter = version.provenance.get(name)
        if setter is not None and setter.kind == "ruling":
            # a ruling changes what rules mean, never their words (docs/provisions.md)
            ruled.append({**row, "ruling": setter.id})
            continue
        phrases = [q.text for q in read_quantities(version.clause(cid).text) if matches(leaf, q)]
        unstated.append({**row, "phrases": phrases})
    return {"version": version.label, "stated": stated, "unstated": unstated, "lost": lost, "ruled": ruled}
