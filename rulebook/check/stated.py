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

from collections.abc import Iterator

from rulebook.amend.motion import Motion
from rulebook.binding import get_leaf, leaves, phrase_at
from rulebook.check.findings import Finding, clause_ref, describe
from rulebook.model import Clause, Version, walk
from rulebook.quantities import Quantity, matches, read_quantities
from rulebook.tracking import track

__all__ = ["stated_findings"]


def _pairs(before: Version, after: Version) -> Iterator[tuple[Clause, Clause]]:
    for _, new in walk(after.clauses):
        if new.id in before:
            old = before.clause(new.id)
            if old is not new:
                yield old, new


def _after(old: Clause, new: Clause, q: Quantity) -> tuple[str, Quantity | None]:
    """The words that stand where ``q`` stood, and the one quantity of the same kind there (or None)."""
    start, end = track(old.text or "", new.text or "", q.start, q.end)
    text = new.text or ""
    near = [n for n in read_quantities(text) if n.start < end and start < n.end and n.kind == q.kind]
    return text[start:end], near[0] if len(near) == 1 else None


def stated_findings(before: Version, motion: Motion, after: Version) -> list[Finding]:
    """The findings of one motion (``before`` -> ``after``) about provisions and their words."""
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
    return out


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
