"""Findings about provisions and the words that state them (docs/provisions.md, docs/checking.md).

- ``unstated-provision``: a motion leaves a bound value that its words no
  longer state (the words were deleted, or cannot be read as a value).
- ``provision-drift``: a motion changes words stating one of the clause's
  provision values that the provision does not follow (the phrase is not
  bound, e.g. written twice; the motion sets no value), or sets a bound value
  to something its words do not say.

Examples
--------
>>> from rulebook.amend.apply import apply
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.io.rulebook import loads
>>> v = loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses:
...   - {id: q, text: "Six members form a quorum, 5 at an AGM.", provisions: {nec.quorum: 6, agm.quorum: 5}}
... ''')
>>> m = Motion("m", [Amendment("replace_words", clause="Rule 1", old="Six", new="Several")])
>>> [f.kind for f in stated_findings(v, m, apply(v, m))]
['unstated-provision']
>>> m = Motion("m", [Amendment("set_provision", clause="Rule 1", name="agm.quorum", value=4)])
>>> [f.message.split(";")[0] for f in stated_findings(v, m, apply(v, m))]
["motion m sets agm.quorum in Rule 1 (id q) to 4, but its words '5' say otherwise"]
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Iterator, Mapping
from typing import Any

from rulebook.amend.motion import Motion
from rulebook.binding import get_leaf, leaves, phrase_at
from rulebook.check.findings import Finding, clause_ref, describe
from rulebook.model import Clause, Version
from rulebook.quantities import Quantity, as_number, matches, read_quantities
from rulebook.refs import references, referrers
from rulebook.tracking import track

__all__ = ["stated_findings"]


def _pairs(before: Version, after: Version) -> Iterator[tuple[Clause, Clause]]:
    """Each clause of ``after`` that ``before`` has too, where the two differ, in
    document order. Unchanged subtrees are shared between versions, so only the
    changed paths are walked: a motion costs what it changed, not the book's size."""

    def visit(olds: tuple[Clause, ...], news: tuple[Clause, ...]) -> Iterator[tuple[Clause, Clause]]:
        if olds is news:
            return
        by_id = {c.id: c for c in olds}
        for new in news:
            old = by_id.get(new.id)
            if old is None and new.id in before:
                old = before.clause(new.id)  # moved here from elsewhere
            if old is None:
                yield from visit((), new.children)  # a new clause may hold clauses moved into it
            elif old is not new:
                yield old, new
                yield from visit(old.children, new.children)

    return visit(before.clauses, after.clauses)


def _after(old: Clause, new: Clause, q: Quantity) -> tuple[str, Quantity | None]:
    """The words that stand where ``q`` stood, and the one quantity of the same kind there (or None)."""
    start, end = track(old.text or "", new.text or "", q.start, q.end)
    text = new.text or ""
    near = [n for n in read_quantities(text) if n.start < end and start < n.end and n.kind == q.kind]
    return text[start:end], near[0] if len(near) == 1 else None


def stated_findings(
    before: Version, motion: Motion, after: Version, referring: Mapping[str, list[str]] | None = None
) -> list[Finding]:
    """The findings of one motion (``before`` -> ``after``) about provisions and their words;
    ``referring`` (id -> ids of the clauses of ``before`` that cross-refer to it) saves
    reading the whole book for them when many motions are checked against one version."""
    out: list[Finding] = []
    for old, new in _pairs(before, after):
        was = {(s.provision, s.path) for s in old.stated if s.is_stated}
        for s in new.stated:
            if not s.is_stated and (s.provision, s.path) in was:
                out.append(
                    Finding(
                        "unstated-provision",
                        (motion.id,),
                        (clause_ref(new.id, after),),
                        f"motion {motion.id} leaves {s.leaf} in {describe(new.id, after)} no longer stated: "
                        f"{s.lost}; reword it so that the words state the value, or remove the provision",
                    )
                )
        if new.provisions:
            out.extend(_drift(before, after, motion, old, new))
        if (old.text or "") != (new.text or "") and (
            referring is None or new.id in referring or "[[" in (new.text or "")
        ):
            out.extend(_cross_referred(before, after, motion, old, new, referring))
    return out


def _kind(value: Any) -> str | None:
    """The kind of phrase that could state a provision value: share, number or date."""
    number = as_number(value)
    if number is None:
        return None
    if isinstance(number, dt.date):
        return "date"
    return "share" if isinstance(value, float) and 0 < value <= 1 else "number"


def _unbound(clause: Clause, set_here: set[str]) -> list[tuple[str, Any]]:
    """``(dotted value, value)`` of the values of ``clause`` no phrase of its words states."""
    bound = {(s.provision, s.path) for s in clause.stated if s.is_stated}
    derived = {s.provision for s in clause.stated if s.source == "sub-clauses"}
    return [
        (".".join([name, *(str(p) for p in path)]), leaf)
        for name, value in clause.provisions.items()
        if name not in set_here and name not in derived
        for path, leaf in leaves(value)
        if (name, path) not in bound
    ]


def _cross_referred(
    before: Version, after: Version, motion: Motion, old: Clause, new: Clause, referring: Mapping[str, list[str]] | None
) -> Iterator[Finding]:
    """``provision-drift`` for a value that its clause reads from a clause it cross-refers to
    (``[[id]]``), where the motion makes the referring clause state another figure itself,
    or changes the figure in the clause referred to (docs/checking.md)."""
    if new.provisions and "[[" in (new.text or ""):
        refs = [r for r in dict.fromkeys(references(new.text)) if r in before]
        yield from _states_itself(before, after, motion, old, new, refs)
    if referring is not None and new.id not in referring:
        return  # the usual clause: none refers to it
    by = referring[new.id] if referring is not None else referrers(before, new.id)
    sources = [after.clause(r) for r in by if r in after]
    values = [(source, name, leaf) for source in sources for name, leaf in _unbound(source, set())]
    if not values:
        return
    for q in read_quantities(old.text):
        readers = [(c, name, leaf) for c, name, leaf in values if matches(leaf, q)]
        words, now = _after(old, new, q) if readers else ("", q)
        if now is not None and now.value == q.value:
            continue
        shown = repr(now.text) if now is not None else repr(words) if words else "nothing"
        for source, name, leaf in readers:
            if any(matches(leaf, n) for n in read_quantities(source.text)):
                continue  # the referring clause says the figure itself
            yield Finding(
                "provision-drift",
                (motion.id,),
                (clause_ref(new.id, after), clause_ref(source.id, after)),
                f"motion {motion.id} changes {q.text!r} to {shown} in {describe(new.id, after)}, which "
                f"{describe(source.id, after)} cross-refers to for {name} ({leaf!r}); that value does not follow "
                "the words it is read from: set the provision in the motion",
            )


def _states_itself(
    before: Version, after: Version, motion: Motion, old: Clause, new: Clause, refs: list[str]
) -> Iterator[Finding]:
    """A referring clause made to state, itself, another figure than the clause it refers to."""
    left = Counter((q.kind, q.value) for q in read_quantities(old.text))
    added = [q for q in read_quantities(new.text) if not _take(left, q)]
    set_here = {n for n in new.provisions if old.provisions.get(n) != new.provisions[n]}
    for name, leaf in _unbound(new, set_here) if added else ():
        stating = [(r, q) for r in refs for q in read_quantities(before.clause(r).text) if matches(leaf, q)]
        own = [q for q in added if q.kind == _kind(leaf) and not matches(leaf, q)]
        if stating and own:
            r, q = stating[0]
            yield Finding(
                "provision-drift",
                (motion.id,),
                (clause_ref(new.id, after), clause_ref(r, before, after)),
                f"motion {motion.id} makes {describe(new.id, after)} state {own[0].text!r} itself, while its "
                f"provision value {name} ({leaf!r}) is stated by {q.text!r} in {describe(r, before)}, which it "
                "cross-refers to; make the words agree, or set the provision in the motion",
            )


def _take(left: Counter[tuple[str, Any]], q: Quantity) -> bool:
    """True (and one fewer left) when a figure of ``q``'s kind and value stood in the old words."""
    key = (q.kind, q.value)
    if left[key] <= 0:
        return False
    left[key] -= 1
    return True


def _drift(before: Version, after: Version, motion: Motion, old: Clause, new: Clause) -> Iterator[Finding]:
    phrases = [phrase_at(old.text, s.words, s.occurrence) for s in old.stated if s.is_stated and s.words]
    bound = [q for q in phrases if q is not None]
    set_here = {n for n in new.provisions if old.provisions.get(n) != new.provisions[n]}
    where = describe(new.id, after)
    for s in old.stated:
        kept = any(t.provision == s.provision and t.path == s.path for t in new.stated)
        if s.provision not in set_here or not s.is_stated or kept:
            continue
        q = phrase_at(old.text, s.words or "", s.occurrence)
        if q is None:
            continue
        words, now = _after(old, new, q)
        try:
            value = get_leaf(new.provisions[s.provision], s.path)
        except (KeyError, IndexError, TypeError):
            continue
        if now is not None:
            yield Finding(
                "provision-drift",
                (motion.id,),
                (clause_ref(new.id, after),),
                f"motion {motion.id} sets {s.leaf} in {where} to {value!r}, but its words {now.text!r} say otherwise; "
                "make the words and the value agree",
            )
    if set_here or (old.text or "") == (new.text or ""):
        return
    values = [leaf for value in old.provisions.values() for _, leaf in leaves(value)]
    for q in read_quantities(old.text):
        if any(b.start < q.end and q.start < b.end for b in bound) or not any(matches(v, q) for v in values):
            continue  # bound, or a number that states none of the clause's values
        words, now = _after(old, new, q)
        if now is not None and now.value == q.value:
            continue
        shown = repr(now.text) if now is not None else repr(words) if words else "nothing"
        yield Finding(
            "provision-drift",
            (motion.id,),
            (clause_ref(new.id, before, after),),
            f"motion {motion.id} changes {q.text!r} to {shown} in {where}, whose provisions "
            f"({', '.join(sorted(new.provisions))}) do not follow those words; bind the value to them "
            "(stated_by, docs/provisions.md) or set the provision in the motion",
        )
