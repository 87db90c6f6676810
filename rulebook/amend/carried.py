"""Refuse to apply a motion a second time to a version that already carried it.

Applied again, a motion's inserted words would appear twice; the usual cause is
previewing a motion on the latest version (``BOOK``) instead of the version it
was drafted against (``BOOK@BASE``).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from rulebook.amend.motion import Motion
from rulebook.errors import AmendmentError
from rulebook.model import Version

__all__ = ["check_not_carried"]


def check_not_carried(version: Version, motions: Iterable[Motion], bases: Mapping[str, Version] | None = None) -> None:
    """Refuse a motion that ``version`` (or one of the ``bases``, its ancestors) already
    carried: applied again, its words would be inserted twice.

    Examples
    --------
    >>> from rulebook.model import Change, Clause, Level, Version
    >>> v = Version("club", "2", [Level("arabic")], [Clause("a")], parent="1", changes=(Change("motion", "m"),))
    >>> check_not_carried(v, [Motion("n", [])])
    >>> check_not_carried(v, [Motion("m", [], base="1")])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rulebook.errors.AmendmentError: motion m: already carried into version '2'; preview it on ... (BOOK@1)
    """
    lookup = dict(bases or {})
    carried: dict[str, str] = {}
    seen: set[str] = set()
    current: Version | None = version
    while current is not None and current.label not in seen:  # up the parents: this version's ancestors
        seen.add(current.label)
        carried.update((c.id, current.label) for c in current.changes if c.id not in carried)
        current = lookup.get(current.parent) if current.parent is not None else None
    for motion in motions:
        if motion.id in carried:
            hint = f" (BOOK@{motion.base})" if motion.base else ""
            raise AmendmentError(
                f"{motion.where()}: already carried into version {carried[motion.id]!r}; "
                f"preview it on the version it was drafted against{hint}"
            )
