"""The one judgement of which motions' changes can be put together: used by both
:func:`rulebook.check.check` and :func:`rulebook.check.composite` (``docs/checking.md``).

Each motion's word changes are reduced to word-level edits of the version's
text (:mod:`rulebook.check.words`), whatever operations expressed them: each
word amendment is diffed alone when the amendments of a clause are independent,
the clause's whole new text otherwise (``replace_text`` included). The words an
amendment quotes are *read*: another motion's edit that changes or splits them
collides. Edits that collide are left out, the same edit from several motions is
made once.

The other changes (clauses inserted, deleted or moved, provisions set) of two
motions that touch the same thing are tried in both orders; they collide when an
order fails or the orders differ. A clause named as the place of a new clause
that the other motion deletes does not stop it when the place is still well
defined between the neighbours that remain (:func:`reanchor`). A group of three
to :data:`~rulebook.check.subsets.ORDER_LIMIT` motions is also tried in the
orders of :func:`~rulebook.check.subsets.orders`.

Examples
--------
>>> from rulebook.amend.apply import apply
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.check.footprint import footprint
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
>>> a = Motion("a", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], base="1")
>>> b = Motion("b", [Amendment("replace_text", clause="Rule 1", text="The fee is 15 euros.")], base="1")
>>> entries = [Entry(m, apply(v, m), footprint(v, m, apply(v, m))) for m in (a, b)]
>>> j = judge(v, entries, {"1": v})
>>> j.version.clause("fee").text, j.collisions
('The fee is 10 euros.', ())
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from itertools import pairwise
from typing import Any

import attrs

from rulebook.amend.apply import apply, find_phrase
from rulebook.amend.motion import Amendment, Motion
from rulebook.binding import restate
from rulebook.check.findings import ClauseRef, clause_ref, describe
from rulebook.check.footprint import Footprint, overlap
from rulebook.check.messages import difference, listed, quote, removed_message
from rulebook.check.structure import base_of, is_word_change, resolved, run, structure
from rulebook.check.subsets import ORDER_LIMIT, orders
from rulebook.check.words import Edit, Merge, collide, edits, merge, render, span_words
from rulebook.errors import RulebookError
from rulebook.model import Version, evolve_clause, replace_clause

__all__ = ["Collision", "Entry", "Judgement", "judge", "motion_edits"]

#: Per motion and clause: its edits of the clause's text and the words it reads there.
Cache = dict[tuple[str, str], tuple[tuple[Edit, ...], tuple[tuple[int, int], ...]]]


@attrs.frozen
class Entry:
    """A motion, the version it makes alone, and its footprint.

    Examples
    --------
    >>> Entry.__name__
    'Entry'
    """

    motion: Motion
    result: Version
    footprint: Footprint


@attrs.frozen
class Collision:
    """Changes that cannot be put together: the motions, the clauses, why, and the
    finding ``kind`` ``check`` reports (``overlap`` or ``target-removed``).

    Examples
    --------
    >>> Collision(("a", "b"), (), "both set provision fee").kind
    'overlap'
    """

    motions: tuple[str, ...]
    clauses: tuple[ClauseRef, ...]
    message: str
    kind: str = "overlap"
    clause_ids: tuple[str, ...] = attrs.field(default=(), eq=False)
    about_words: bool = attrs.field(default=False, eq=False)


@attrs.frozen
class Judgement:
    """What can be put together: the version with every change that does not collide,
    the motions whose changes it holds, the collisions, and notes on the same change
    made by several motions (made once).

    Examples
    --------
    >>> Judgement(None, (), (), ()).merges
    True
    """

    version: Version | None
    included: tuple[str, ...]
    collisions: tuple[Collision, ...]
    notes: tuple[str, ...]

    @property
    def merges(self) -> bool:
        """True when nothing collides."""
        return not self.collisions


def _pair(version: Version, a: Entry, b: Entry, bases: Mapping[str, Version]) -> tuple[Collision, set[str]] | None:
    """The collision of two motions' non-word changes, if any, and the clauses whose words
    both must leave alone (one of them deletes it)."""
    ids = (a.motion.id, b.motion.id)
    for x, y in ((a, b), (b, a)):
        lost = _lost(x, y)
        found = removed_message(version, x, y) if lost else None
        if found is not None:
            cid, message = found
            named = (x.motion.id, y.motion.id)
            return Collision(named, (clause_ref(cid, version),), message, "target-removed", (cid,)), lost
    keys = [k for k in sorted(overlap(a.footprint, b.footprint)) if k[0] != "text"]
    sa = (structure(a.motion, base_of(a.motion, bases, version)), base_of(a.motion, bases, version))
    sb = (structure(b.motion, base_of(b.motion, bases, version)), base_of(b.motion, bases, version))
    if not keys or not sa[0].amendments or not sb[0].amendments:
        return None  # their clause and provision changes touch nothing in common
    ab, ba = run(version, [sa, sb], bases), run(version, [sb, sa], bases)
    if isinstance(ab, Version) and isinstance(ba, Version) and ab.clauses == ba.clauses:
        return None
    frozen = {k[1] for k in keys if k[0] == "exists" and (k[1] not in a.result or k[1] not in b.result)}
    for x, y in ((a, b), (b, a)):
        found = removed_message(version, x, y)
        if found is not None:
            cid, message = found
            named = (x.motion.id, y.motion.id)
            return Collision(named, (clause_ref(cid, version),), message, "target-removed", (cid,)), frozen
    clauses = [c for c in (_key_clause(k, version, a.result, b.result) for k in keys) if c]
    if isinstance(ab, str) or isinstance(ba, str):
        first, second, error = (a, b, ab) if isinstance(ab, str) else (b, a, ba)
        message = f"if motion {first.motion.id} passes, motion {second.motion.id} no longer applies: {error}"
    else:
        detail, more = difference(
            version, ab, ba, f"{a.motion.id} then {b.motion.id}", f"{b.motion.id} then {a.motion.id}"
        )
        clauses = more or clauses
        message = (
            f"motions {a.motion.id} and {b.motion.id} overlap and the result depends on which passes first: {detail}"
        )
    refs = tuple(dict.fromkeys(clause_ref(c, version, a.result, b.result) for c in clauses))
    return Collision(ids, refs, message, "overlap", tuple(dict.fromkeys(clauses))), frozen


def _lost(x: Entry, y: Entry) -> set[str]:
    """The clauses ``y`` amends (or names at all) that ``x`` deletes (or moves) and ``y`` keeps
    where it was: its amendments no longer find them (``docs/checking.md``, target-removed)."""
    change = x.footprint.delta
    moved = {
        n.id
        for n in x.footprint.names
        if n.role == "clause" and x.motion.amendments[n.amendment].op == "move_clause" and n.id in change.moved
    }
    out = set()
    for n in y.footprint.names:
        kept_by_y = n.role == "clause" and n.id in change.removed and n.id in y.result
        if (n.id in moved and n.id not in y.footprint.delta.moved) or kept_by_y:
            out.add(n.id)
    return out


def _key_clause(key: tuple[str, ...], *versions: Version) -> str | None:
    if key[0] == "provision":
        return next((c for v in versions if (c := v.provision_clause(key[1])) is not None), None)
    return key[1] or None


def _quoted(a: Amendment, text: str) -> tuple[int, int] | None:
    """The words of ``text`` a word amendment quotes (``old``, ``words``, ``after``, ``before``)."""
    if a.op not in ("replace_words", "delete_words", "insert_words") or a.part == "heading":
        return None
    for phrase in (a.old, a.words if a.op == "delete_words" else None, a.after, a.before):
        if not phrase:
            continue
        try:
            start, _ = find_phrase(text, phrase, a.nth)
        except ValueError:
            continue
        return span_words(text, start, start + len(phrase))
    return None


def _reads(motion: Motion, cid: str, text: str, base: Version) -> list[tuple[int, int]]:
    """The words of ``text`` (clause ``cid``) that the motion's word amendments quote."""
    mine = (a for a in motion.amendments if resolved(base, a.clause) == cid)
    return [span for a in mine if (span := _quoted(a, text)) is not None]


def motion_edits(
    version: Version, e: Entry, cid: str, bases: Mapping[str, Version], cache: Cache | None = None
) -> tuple[tuple[Edit, ...], tuple[tuple[int, int], ...]]:
    """A motion's word-level edits of the text of clause ``cid`` and the words it reads there.

    Each of its word amendments of the clause is diffed alone when together they give the
    motion's text (so that each stays its own edit); otherwise the whole new text is diffed.
    """
    key = (e.motion.id, cid)
    if cache is not None and key in cache:
        return cache[key]
    base = base_of(e.motion, bases, version)
    old = version.clause(cid).text or ""
    final = e.result.clause(cid).text or ""
    mine = [a for a in e.motion.amendments if is_word_change(a, base) and resolved(base, a.clause) == cid]
    found: tuple[Edit, ...] = ()
    if mine and all(a.op != "replace_text" for a in mine):
        pieces: list[Edit] = []
        for a in mine:
            try:
                alone = final if len(mine) == 1 else _alone(version, e.motion, a, cid, bases)
            except RulebookError:
                pieces = []
                break
            pieces.extend(edits(old, alone, _quoted(a, old)))
        pieces.sort(key=lambda x: (x.start, x.end))
        apart = all(x.end <= y.start and not collide(x, y) for x, y in pairwise(pieces))
        if pieces and apart and render(old, pieces) == final:
            found = tuple(pieces)
    if not found:
        found = edits(old, final)
    out = (found, tuple(_reads(e.motion, cid, old, base)))
    if cache is not None:
        cache[key] = out
    return out


def _same(a: Entry, b: Entry) -> bool:
    """True when two motions make the very same version (compared where they wrote first)."""
    if a.footprint.writes != b.footprint.writes:
        return False
    return a.result.clauses == b.result.clauses


def _alone(version: Version, motion: Motion, a: Amendment, cid: str, bases: Mapping[str, Version]) -> str:
    """The text of clause ``cid`` after amendment ``a`` of the motion alone."""
    return apply(version, attrs.evolve(motion, amendments=(a,)), bases=bases).clause(cid).text or ""


def _words_of(
    version: Version,
    cid: str,
    owners: Sequence[Entry],
    bases: Mapping[str, Version],
    cache: Cache | None,
) -> tuple[Merge, Merge]:
    old = version.clause(cid)
    variants: list[tuple[str, tuple[Edit, ...]]] = []
    reads: list[tuple[str, int, int]] = []
    same: list[tuple[Entry, tuple[Edit, ...]]] = []
    for e in owners:
        found, read = motion_edits(version, e, cid, bases, cache)
        # motions that make the same version are the same change, however they are worded
        found = next((f for x, f in same if _same(x, e)), found)
        same.append((e, found))
        variants.append((e.motion.id, found))
        reads.extend((e.motion.id, lo, hi) for lo, hi in read)
    text = merge(old.text, variants, reads)
    heading = merge(old.heading, [(e.motion.id, edits(old.heading, e.result.clause(cid).heading)) for e in owners])
    return text, heading


def _clash_message(cid: str, version: Version, owners: Sequence[str], words: str, place: str, proposals: Any) -> str:
    where = describe(cid, version)
    said = ", ".join(f"{o} to {quote(p, 240)}" for o, p in proposals)
    if words:
        return f"motions {' and '.join(owners)} both change {quote(words, 240)} in {where}: {said}"
    return f"motions {' and '.join(owners)} both insert words at one place in {where}, {place}: {said}"


def judge(
    version: Version, entries: Sequence[Entry], bases: Mapping[str, Version], cache: Cache | None = None
) -> Judgement:
    """Put together the changes of ``entries`` (in agenda order) that do not collide.

    ``bases`` maps labels to the versions the motions were drafted against;
    ``cache`` (optional) keeps each motion's word-level edits between calls.

    Examples
    --------
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.check.footprint import footprint
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="Pay 15 pounds.")])
    >>> ms = [Motion(i, [Amendment("insert_words", clause="fee", words=w, after="Pay")], base="1")
    ...       for i, w in (("a", "at least"), ("b", "at most"))]
    >>> j = judge(v, [Entry(m, apply(v, m), footprint(v, m, apply(v, m))) for m in ms], {"1": v})
    >>> print(j.collisions[0].message.replace(": ", ":\\n"))
    motions a and b both insert words at one place in Rule 1 (id fee), between 'Pay' and '15':
    a to 'at least', b to 'at most'
    """
    collisions: list[Collision] = []
    notes: list[str] = []
    held_back: set[str] = set()
    frozen: dict[str, set[str]] = {}
    first: dict[str, Entry] = {}
    again: list[str] = []  # motions that make the very version an earlier one makes: made once
    for e in entries:
        twin = next((x for x in first.values() if _same(x, e)), e)
        first[e.motion.id] = twin
        if twin is not e:
            again.append(e.motion.id)
            notes.append(f"motions {twin.motion.id} and {e.motion.id} make the same change; made once")
    all_entries = entries
    entries = [e for e in entries if e.motion.id not in again]
    for i, a in enumerate(entries):
        for b in entries[i + 1 :]:
            found = _pair(version, a, b, bases)
            if found is None:
                continue
            collision, gone = found
            collisions.append(collision)
            held_back.update(collision.motions)
            for cid in gone:
                frozen.setdefault(cid, set()).update(collision.motions)

    current = version
    included: list[str] = []
    touched = sorted({cid for e in entries for cid in e.footprint.delta.changed if cid in version})
    for cid in touched:
        old = version.clause(cid)
        owners = [
            e
            for e in entries
            if cid in e.footprint.delta.changed and cid in e.result and e.motion.id not in frozen.get(cid, ())
        ]
        if not owners:
            continue
        text, heading = _words_of(version, cid, owners, bases, cache)
        for clash in (*text.clashes, *heading.clashes):
            collisions.append(
                Collision(
                    clash.owners,
                    (clause_ref(cid, version),),
                    _clash_message(cid, version, clash.owners, clash.words, clash.place, clash.proposals),
                    "overlap",
                    (cid,),
                    True,
                )
            )
        for who, edit in (*text.shared, *heading.shared):
            changed = (old.text or "")[edit.start : edit.end].strip()
            what = f"{quote(changed)} to {quote(edit.new.strip())}" if changed else f"inserts {quote(edit.new.strip())}"
            notes.append(
                f"motions {' and '.join(who)} make the same change in {describe(cid, version)} ({what}); made once"
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
            included.extend(o for who, _ in (*text.kept, *heading.kept) for o in who)

    steps = []
    for e in entries:
        base = base_of(e.motion, bases, version)
        s = structure(e.motion, base)
        if e.motion.id not in held_back and s.amendments:
            steps.append((e, s, base))
    worded = current
    done: list[Entry] = []
    for e, s, base in steps:
        after = run(current, [(s, base)], bases)
        if isinstance(after, str):
            passed = list(done)
            earlier = listed([x.motion.id for x in passed]) if passed else "the others"
            verb = "passes" if len(passed) == 1 else "pass"
            collisions.append(
                Collision(
                    (*(x.motion.id for x in passed), e.motion.id),
                    (),
                    f"if {earlier} {verb}, {e.motion.id} no longer applies: {after}",
                )
            )
            held_back.add(e.motion.id)
            continue
        current = after
        done.append(e)
        included.append(e.motion.id)
    placed = [(e, s, base) for e, s, base in steps if e.motion.id not in held_back]
    if 3 <= len(entries) <= ORDER_LIMIT and len(placed) >= 2 and not collisions:
        for order in orders(len(placed)):
            other = run(worded, [(placed[i][1], placed[i][2]) for i in order], bases)
            if isinstance(other, str) or other.clauses != current.clauses:
                names = [e.motion.id for e, _, _ in placed]
                named = ", ".join(names[i] for i in order)
                why = other if isinstance(other, str) else "gives another version"
                collisions.append(
                    Collision(
                        tuple(names),
                        (),
                        f"motions {', '.join(names)} overlap and the result depends on the order in which they "
                        f"pass: in the order {', '.join(names)} they all apply, but in the order {named} it {why}",
                    )
                )
                current = worded
                included = [x for x in included if x not in names]
                break
    current = restate(version, current)  # words merged here: bound values follow them (docs/provisions.md)
    order_of = {e.motion.id: n for n, e in enumerate(all_entries)}
    twins = [e for e in all_entries if e.motion.id in again]
    included.extend(e.motion.id for e in twins if first[e.motion.id].motion.id in included)
    kept = tuple(sorted(set(included), key=lambda x: order_of.get(x, 0)))
    return Judgement(current, kept, tuple(collisions), tuple(dict.fromkeys(notes)))


def _agreed(values: list[str | None]) -> str | None:
    """The value every owner gives, else None."""
    return values[0] if len(set(values)) == 1 else None
