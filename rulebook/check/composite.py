"""Compositing: one motion holding every change of several motions that does not collide.

As a compositing meeting does, the changes are put together and what cannot
be put together is left for people to settle:

- what collides is decided by :func:`rulebook.check.judge.judge`, the one
  judgement ``rulebook check`` uses too: word-level edits of each clause,
  merged when they do not collide, the same edit made twice kept once (and
  said so in :attr:`Composite.notes`), colliding edits left out with the base
  words kept, as a :class:`Collision`;
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

from rulebook.amend.apply import apply
from rulebook.amend.draft import draft
from rulebook.amend.motion import Motion
from rulebook.check.findings import describe
from rulebook.check.footprint import footprint
from rulebook.check.judge import Collision, Entry, judge
from rulebook.errors import RulebookError
from rulebook.model import Version

__all__ = ["Collision", "Composite", "composite", "key_text"]


@attrs.frozen
class Composite:
    """The composite motion (None when nothing could be composited), the
    version it makes, the motions whose changes it holds, the collisions, and
    notes on the same change made by several motions (made once).

    Examples
    --------
    >>> Composite(None, None, (), ()).motion is None
    True
    """

    motion: Motion | None
    version: Version | None
    included: tuple[str, ...]
    collisions: tuple[Collision, ...]
    notes: tuple[str, ...] = ()


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
    >>> out.motion is None
    True
    >>> print(out.collisions[0].message.replace(": ", ":\\n").replace("; ", ";\\n"))
    motions a and b overlap and the result depends on which passes first:
    provision fee is 12 after a then b but 10 after b then a;
    their clause and provision changes are left out
    """
    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    collisions: list[Collision] = []
    entries: list[Entry] = []
    for motion in motions:
        m = motion if motion.base is not None else attrs.evolve(motion, base=version.label)
        try:
            result = apply(version, m, bases=lookup)
        except RulebookError as exc:
            collisions.append(Collision((m.id,), (), f"motion {m.id} does not apply by itself: {exc.message}"))
            continue
        entries.append(Entry(m, result, footprint(version, m, result, base=lookup.get(m.base or ""))))
    found = judge(version, entries, lookup)
    for c in found.collisions:
        if c.about_words:
            tail = "left as it stands for the meeting to settle"
        elif len(c.motions) == 1:
            tail = "they are left out"
        else:
            tail = "their clause and provision changes are left out"
        collisions.append(attrs.evolve(c, message=f"{c.message}; {tail}"))
    current = found.version or version
    kept = found.included
    if current.clauses == version.clauses:
        return Composite(None, None, kept, tuple(collisions), found.notes)
    composed = attrs.evolve(current, label=f"{version.label}+{motion_id}", parent=version.label, changes=())
    title = title or f"Composite of motions {', '.join(kept)}"
    drafted = draft(version, composed, motion_id=motion_id, title=title)
    return Composite(drafted, composed, kept, tuple(collisions), found.notes)


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
