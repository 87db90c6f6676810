"""Compositing: one motion holding every change of several motions that does not collide.

As a compositing meeting does, the changes are put together and what cannot
be put together is left for people to settle:

- the words of each clause are merged word by word against the version
  (:func:`rulebook.check.words.merge`), so two motions that change different
  words of one clause both survive, and the same change made twice is kept
  once; edits of the same words that differ are left out, base words kept,
  as a :class:`Collision`;
- the other changes (clauses inserted, deleted or moved, provisions set or
  removed) of a motion are kept unless they collide with another motion's:
  a clause one deletes that the other uses, a provision both set to
  different values, clauses both put in the same place. Then both motions'
  changes of that kind are left out, and so are their word changes of a
  clause one of them deletes.

The composite motion is drafted (:func:`rulebook.amend.draft.draft`) from the
version to the composited version, so it applies exactly and carries the
conventional wording of every amendment.

Examples
--------
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
...             [Clause("fee", text="The fee is 15 pounds, payable in January.")])
>>> a = Motion("a", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
>>> b = Motion("b", [Amendment("replace_words", clause="Rule 1", old="January", new="March")])
>>> c = Motion("c", [Amendment("replace_words", clause="Rule 1", old="15 pounds", new="12 pounds")])
>>> out = composite(v, [a, b, c])
>>> out.version.clause("fee").text
'The fee is 15 pounds, payable in March.'
>>> [(x.motions, x.message.split(":")[0]) for x in out.collisions]
[(('a', 'c'), "motions a and c both change '15 pounds' in Rule 1 (id fee)")]
>>> [am.wording for am in out.motion.amendments]
["Rule 1: delete 'January' and insert 'March'"]
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import attrs

from rulebook.amend.apply import apply, find_phrase
from rulebook.amend.draft import draft
from rulebook.amend.motion import Motion
from rulebook.binding import restate
from rulebook.check.findings import ClauseRef, clause_ref, describe
from rulebook.check.footprint import WORD_OPS, Footprint, footprint, overlap
from rulebook.check.words import merge
from rulebook.errors import CitationError, RulebookError
from rulebook.model import Version, evolve_clause, replace_clause
from rulebook.numbering import resolve_id

__all__ = ["Collision", "Composite", "composite"]


@attrs.frozen
class Collision:
    """Changes left out of the composite: the motions, the clauses, and why.

    Examples
    --------
    >>> Collision(("a", "b"), (), "both set provision fee").motions
    ('a', 'b')
    """

    motions: tuple[str, ...]
    clauses: tuple[ClauseRef, ...]
    message: str


@attrs.frozen
class Composite:
    """The composite motion (None when nothing could be composited), the
    version it makes, the motions whose changes it holds, and the collisions.

    Examples
    --------
    >>> Composite(None, None, (), ()).motion is None
    True
    """

    motion: Motion | None
    version: Version | None
    included: tuple[str, ...]
    collisions: tuple[Collision, ...]


@attrs.frozen
class _Entry:
    motion: Motion
    result: Version
    footprint: Footprint


def _structural_keys(a: _Entry, b: _Entry) -> list[tuple[str, ...]]:
    """The keys on which the non-word changes of two motions collide."""
    out = []
    for key in sorted(overlap(a.footprint, b.footprint)):
        kind = key[0]
        if kind == "text":
            continue
        if kind == "gap" and key not in (a.footprint.writes & b.footprint.writes):
            continue  # one only names the place: the other's clause there does not move it
        if kind == "provision":
            name = key[1]
            va, vb = a.result, b.result
            if va.provision_clause(name) == vb.provision_clause(name) and va.provision(name) == vb.provision(name):
                continue
        if kind == "exists":
            cid = key[1]
            gone = (cid not in a.result) or (cid not in b.result)
            both_moved = cid in a.footprint.delta.moved and cid in b.footprint.delta.moved
            if not gone and not both_moved:
                continue
            if (
                cid not in a.result
                and cid not in b.result
                and not (cid in a.footprint.delta.added or cid in b.footprint.delta.added)
            ):
                continue  # both delete it: the same change
        out.append(key)
    return out


def _agreed(values: list[str | None]) -> str | None:
    """The value every owner gives (an empty text where there was none), else None."""
    return values[0] if len(set(values)) == 1 else None


def _structure(e: _Entry, bases: Mapping[str, Version], version: Version) -> Motion:
    """The motion without its word changes of clauses of the version."""
    base = bases.get(e.motion.base or "", version)
    kept = tuple(a for i, a in enumerate(e.motion.amendments) if not _is_word_change(e.motion, i, base))
    return attrs.evolve(e.motion, amendments=kept)


def _commute(a: _Entry, b: _Entry, bases: Mapping[str, Version], version: Version) -> bool:
    """True when the non-word changes of two motions apply in either order to the same clauses."""
    sa, sb = _structure(a, bases, version), _structure(b, bases, version)
    if not sa.amendments or not sb.amendments:
        return not (a.footprint.delta.removed & b.footprint.delta.touched) and not (
            b.footprint.delta.removed & a.footprint.delta.touched
        )
    try:
        ab = apply(apply(version, sa, bases=bases), sb, bases=bases)
        ba = apply(apply(version, sb, bases=bases), sa, bases=bases)
    except RulebookError:
        return False
    return ab.clauses == ba.clauses


def _quoted_spans(
    motion: Motion, cid: str, text: str, bases: Mapping[str, Version], version: Version
) -> list[tuple[int, int]]:
    """Character spans of ``text`` (clause ``cid``) that the motion's word amendments quote."""
    base = bases.get(motion.base or "", version)
    out = []
    for a in motion.amendments:
        if a.op not in ("replace_words", "delete_words", "insert_words") or a.clause is None or a.part == "heading":
            continue
        try:
            if resolve_id(base, a.clause) != cid:
                continue
        except CitationError:
            continue
        for phrase in (a.old, a.words if a.op == "delete_words" else None, a.after, a.before):
            if not phrase:
                continue
            try:
                start, _ = find_phrase(text, phrase, a.nth)
            except ValueError:
                continue
            out.append((start, start + len(phrase)))
    return out


def _is_word_change(motion: Motion, index: int, base: Version) -> bool:
    amendment = motion.amendments[index]
    if amendment.op not in WORD_OPS or amendment.clause is None:
        return False
    try:
        resolve_id(base, amendment.clause)
    except CitationError:
        return False  # words of a clause the motion inserts itself go with the insertion
    return True


def composite(
    version: Version,
    motions: Sequence[Motion],
    *,
    bases: Mapping[str, Version] | None = None,
    motion_id: str = "composite",
    title: str | None = None,
) -> Composite:
    """Composite ``motions`` (all drafted against ``version`` or its
    ancestors in ``bases``) into one motion against ``version``.

    Examples
    --------
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", provisions={"fee": 15})])
    >>> a = Motion("a", [Amendment("set_provision", clause="Rule 1", name="fee", value=10)])
    >>> b = Motion("b", [Amendment("set_provision", clause="Rule 1", name="fee", value=12)])
    >>> out = composite(v, [a, b])
    >>> out.motion is None, out.collisions[0].message
    (True, 'motions a and b collide on provision fee; their clause and provision changes are left out')
    """
    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    collisions: list[Collision] = []
    entries: list[_Entry] = []
    for motion in motions:
        m = motion if motion.base is not None else attrs.evolve(motion, base=version.label)
        try:
            result = apply(version, m, bases=lookup)
        except RulebookError as exc:
            collisions.append(Collision((m.id,), (), f"motion {m.id} does not apply by itself: {exc.message}"))
            continue
        entries.append(_Entry(m, result, footprint(version, m, result, base=lookup.get(m.base or ""))))

    held_back: set[str] = set()  # motions whose non-word changes are left out
    frozen_words: dict[str, set[str]] = {}  # clause id -> motions whose word changes there are left out
    for i, a in enumerate(entries):
        for b in entries[i + 1 :]:
            keys = _structural_keys(a, b)
            if keys and _commute(a, b, lookup, version):
                keys = []
            if not keys:
                continue
            held_back.update((a.motion.id, b.motion.id))
            clauses = []
            for key in keys:
                if key[0] == "exists":
                    frozen_words.setdefault(key[1], set()).update((a.motion.id, b.motion.id))
                cid = key[1] if key[0] in ("exists", "text") else (a.result.provision_clause(key[1]) or "")
                if key[0] != "gap" and cid:
                    clauses.append(cid)
                elif key[0] == "gap" and key[1]:
                    clauses.append(key[1])
            what = key_text(keys[0], version, a.result)
            collisions.append(
                Collision(
                    (a.motion.id, b.motion.id),
                    tuple(dict.fromkeys(clause_ref(c, version, a.result, b.result) for c in clauses)),
                    f"motions {a.motion.id} and {b.motion.id} collide on {what}; "
                    "their clause and provision changes are left out",
                )
            )

    current = version
    included: list[str] = []
    touched = sorted({cid for e in entries for cid in e.footprint.delta.changed if cid in version})
    for cid in touched:
        old = version.clause(cid)
        owners = [
            e for e in entries if cid in e.footprint.delta.changed and e.motion.id not in frozen_words.get(cid, ())
        ]
        owners = [e for e in owners if cid in e.result]
        if not owners:
            continue
        claims = {e.motion.id: _quoted_spans(e.motion, cid, old.text or "", lookup, version) for e in owners}
        text = merge(old.text, [(e.motion.id, e.result.clause(cid).text) for e in owners], claims)
        heading = merge(old.heading, [(e.motion.id, e.result.clause(cid).heading) for e in owners])
        for clash in (*text.clashes, *heading.clashes):
            proposals = ", ".join(f"{o} proposes {p!r}" for o, p in clash.proposals)
            collisions.append(
                Collision(
                    clash.owners,
                    (clause_ref(cid, version),),
                    f"motions {' and '.join(clash.owners)} both change {clash.words!r} in {describe(cid, version)}: "
                    f"{proposals}; left as it stands for the meeting to settle",
                )
            )
        numbers = {e.result.clause(cid).number for e in owners} - {old.number}
        number = numbers.pop() if len(numbers) == 1 else old.number
        new_text = (
            text.text if (old.text is not None or text.kept) else _agreed([e.result.clause(cid).text for e in owners])
        )
        new_heading = (
            heading.text
            if (old.heading is not None or heading.kept)
            else _agreed([e.result.clause(cid).heading for e in owners])
        )
        if (new_text, new_heading, number) != (old.text, old.heading, old.number):
            current = replace_clause(
                current, evolve_clause(current.clause(cid), text=new_text, heading=new_heading, number=number)
            )
            included.extend(owner for owner, _ in (*text.kept, *heading.kept))

    for e in entries:
        if e.motion.id in held_back:
            continue
        base = lookup.get(e.motion.base or "", version)
        rest = tuple(a for i, a in enumerate(e.motion.amendments) if not _is_word_change(e.motion, i, base))
        if not rest:
            continue
        try:
            current = apply(current, attrs.evolve(e.motion, amendments=rest), bases=lookup)
        except RulebookError as exc:
            collisions.append(
                Collision(
                    (e.motion.id,),
                    (),
                    f"the clause and provision changes of motion {e.motion.id} could not be "
                    f"combined with the others and are left out: {exc.message}",
                )
            )
            continue
        included.append(e.motion.id)

    order = {m.id: i for i, m in enumerate(motions)}
    kept = tuple(sorted(set(included), key=lambda x: order.get(x, 0)))
    current = restate(version, current)  # words merged by hand: bound values follow them (docs/provisions.md)
    if current.clauses == version.clauses:
        return Composite(None, None, kept, tuple(collisions))
    composed = attrs.evolve(current, label=f"{version.label}+{motion_id}", parent=version.label, changes=())
    title = title or f"Composite of motions {', '.join(kept)}"
    drafted = draft(version, composed, motion_id=motion_id, title=title)
    return Composite(drafted, composed, kept, tuple(collisions))


def key_text(key: tuple[str, ...], *versions: Version) -> str:
    """How a message names a footprint key.

    Examples
    --------
    >>> key_text(("provision", "fee"))
    'provision fee'
    """
    if key[0] == "provision":
        return f"provision {key[1]}"
    if key[0] == "gap":
        where = f"inside {describe(key[1], *versions)}" if key[1] else "at the top level"
        after = f" after {describe(key[2], *versions)}" if key[2] else " at the start"
        return f"the place{after} {where}"
    return describe(key[1], *versions)
