"""How the words of a clause state its provisions: one :class:`Stated` per bound value.

The data only; :mod:`rulebook.binding` finds, checks and follows bindings
(docs/provisions.md).

Examples
--------
>>> s = Stated("nec.quorum", (), words="Six")
>>> s.leaf, s.is_stated
('nec.quorum', True)
>>> Stated("nec.seats", (), source="sub-clauses").leaf
'nec.seats'
"""

from __future__ import annotations

from typing import Any

import attrs
from immutabledict import immutabledict

__all__ = ["SOURCES", "Stated"]

#: Where a stated value comes from: a phrase of the clause's words, or its sub-clauses.
SOURCES = ("words", "sub-clauses")


def _path(items: Any) -> tuple[str | int, ...]:
    return items if isinstance(items, tuple) else tuple(items)


def _names(value: Any) -> immutabledict[str, str]:
    return value if isinstance(value, immutabledict) else immutabledict(value or {})


@attrs.frozen
class Stated:
    """A provision value (``path`` inside provision ``provision``; ``()`` the
    whole value) that the clause's words state.

    ``source`` ``words``: the phrase ``words`` (its ``occurrence`` when it
    occurs more than once) states it. ``sub-clauses``: the value is the
    clause's sub-clauses counted, each read for ``read`` (``seats`` or
    ``women``), sections named by ``names`` (sub-clause id -> section) or by
    the last part of the id. ``lost`` says why the words no longer state the
    value (None while they do); ``explicit`` records a binding written in the
    file rather than found.
    """

    provision: str
    path: tuple[str | int, ...] = attrs.field(default=(), converter=_path)
    words: str | None = None
    occurrence: int | None = None
    source: str = attrs.field(default="words", validator=attrs.validators.in_(SOURCES))
    read: str = "seats"
    names: immutabledict[str, str] = attrs.field(factory=immutabledict, converter=_names)
    lost: str | None = None
    explicit: bool = attrs.field(default=False, eq=False)

    @property
    def leaf(self) -> str:
        """The dotted name of the value: provision name and path."""
        return ".".join([self.provision, *(str(p) for p in self.path)])

    @property
    def is_stated(self) -> bool:
        """True while the words state the value."""
        return self.lost is None
