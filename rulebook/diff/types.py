"""What a diff is made of: provision changes, clause diffs and the diff of two
versions, each with ``to_data``."""

from __future__ import annotations

from typing import Any

import attrs

from rulebook.diff.words import WordOp
from rulebook.model import Change, Level, Version, thaw

# -- clauses ---------------------------------------------------------------


@attrs.frozen
class ProvisionChange:
    """A provision added, changed, removed, or *affirmed* (set again to the same
    value by another motion or ruling) on clause ``clause``.

    ``by`` is the motion or ruling that set it last (for ``removed``: removed it),
    when known. ``steps`` lists ``(kind, change)`` for every motion or ruling that
    touched it between the two versions, oldest first: a provision set by a
    ruling and affirmed by a later one shows both, each with its authority.

    Examples
    --------
    >>> ProvisionChange("fee", "changed", 5, 6, None, "fees").kind
    'changed'
    """

    name: str
    kind: str
    old: Any
    new: Any
    by: Change | None
    clause: str
    steps: tuple[tuple[str, Change], ...] = ()
    #: Values that followed their words (docs/provisions.md): (dotted value, old, new, words read, or why lost).
    read_from: tuple[tuple[str, Any, Any, str], ...] = ()

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data.

        Examples
        --------
        >>> ProvisionChange("fee", "added", None, 6, None, "fees").to_data()["new"]
        6
        """
        return {
            "name": self.name,
            "kind": self.kind,
            "clause": self.clause,
            "old": thaw(self.old),
            "new": thaw(self.new),
            "by": change_data(self.by),
            "steps": [{"kind": kind, "by": change_data(by)} for kind, by in self.steps],
            "read_from": [{"value": leaf, "old": o, "new": n, "words": w} for leaf, o, n, w in self.read_from],
        }


@attrs.frozen
class ClauseDiff:
    """What happened to one clause: ``status`` is ``added``, ``deleted`` or ``kept``.

    A kept clause may be ``moved`` (another parent, or another place among
    siblings that did not move themselves), ``renumbered`` (its citation changed
    because of other changes), and have word diffs of its ``heading`` and
    ``text`` (None when unchanged) and provision changes. ``by`` lists the
    motions and rulings that changed it, when known.

    Examples
    --------
    >>> c = ClauseDiff("fee", "kept", "Rule 2", "Rule 3")
    >>> c.renumbered, c.changed, c.events
    (True, False, ('renumbered',))
    """

    id: str
    status: str
    old_citation: str | None = None
    new_citation: str | None = None
    old_parent: str | None = None
    new_parent: str | None = None
    moved: bool = False
    heading: tuple[WordOp, ...] | None = None
    text: tuple[WordOp, ...] | None = None
    provisions: tuple[ProvisionChange, ...] = ()
    by: tuple[Change, ...] = ()

    @property
    def renumbered(self) -> bool:
        """Kept in place, but cited differently because of other changes."""
        return self.status == "kept" and not self.moved and self.old_citation != self.new_citation

    @property
    def changed(self) -> bool:
        """Changed itself (anything besides being renumbered)."""
        return (
            self.status != "kept"
            or self.moved
            or self.heading is not None
            or self.text is not None
            or bool(self.provisions)
        )

    @property
    def events(self) -> tuple[str, ...]:
        """What happened, in words: added, deleted, moved, heading, text, provisions, renumbered."""
        if self.status != "kept":
            return (self.status,)
        flags = (
            ("moved", self.moved),
            ("heading", self.heading is not None),
            ("text", self.text is not None),
            ("provisions", bool(self.provisions)),
            ("renumbered", self.renumbered),
        )
        return tuple(name for name, on in flags if on)

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data.

        Examples
        --------
        >>> ClauseDiff("x", "added", None, "Rule 1").to_data()["events"]
        ['added']
        """
        return {
            "id": self.id,
            "status": self.status,
            "events": list(self.events),
            "old_citation": self.old_citation,
            "new_citation": self.new_citation,
            "old_parent": self.old_parent,
            "new_parent": self.new_parent,
            "moved": self.moved,
            "renumbered": self.renumbered,
            "heading": None if self.heading is None else [op.to_data() for op in self.heading],
            "text": None if self.text is None else [op.to_data() for op in self.text],
            "provisions": [p.to_data() for p in self.provisions],
            "by": [change_data(c) for c in self.by],
        }


def change_data(change: Change | None) -> dict[str, Any] | None:
    """A motion or ruling as JSON-ready data (:meth:`Change.to_data`), or None.

    Examples
    --------
    >>> change_data(Change("ruling", "r1", authority="NEC, 12 July 2016"))["authority"]
    'NEC, 12 July 2016'
    """
    return change.to_data() if change is not None else None


_METADATA = ("title", "source", "effective", "numbering")


@attrs.frozen
class VersionDiff:
    """Everything that changed from ``old`` to ``new``.

    ``clauses`` lists every clause that changed, in the order of the amended
    book, deleted clauses where they stood. ``metadata`` holds
    ``(field, old, new)`` for the title, source, effective date and numbering.
    ``changes`` are the motions and rulings the changes are attributed to.

    Examples
    --------
    >>> from rulebook.diff import diff
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> w = Version("club", "2", v.numbering, [Clause("fee", text="The fee is 10."), Clause("vote", text="Vote.")])
    >>> d = diff(v, w)
    >>> d.touched, [c.id for c in d.added], d.clause("fee").events
    (['fee', 'vote'], ['vote'], ('text',))
    """

    old: Version = attrs.field(eq=False, repr=False)
    new: Version = attrs.field(eq=False, repr=False)
    clauses: tuple[ClauseDiff, ...] = ()
    metadata: tuple[tuple[str, Any, Any], ...] = ()
    changes: tuple[Change, ...] = ()

    @property
    def is_empty(self) -> bool:
        """Nothing changed (labels aside)."""
        return not self.clauses and not self.metadata

    def clause(self, clause_id: str) -> ClauseDiff | None:
        """The diff of one clause, or None when it did not change."""
        return next((c for c in self.clauses if c.id == clause_id), None)

    @property
    def touched(self) -> list[str]:
        """Ids of the clauses that changed themselves (renumbering aside)."""
        return [c.id for c in self.clauses if c.changed]

    @property
    def added(self) -> list[ClauseDiff]:
        """The clauses added."""
        return [c for c in self.clauses if c.status == "added"]

    @property
    def deleted(self) -> list[ClauseDiff]:
        """The clauses deleted."""
        return [c for c in self.clauses if c.status == "deleted"]

    @property
    def moved(self) -> list[ClauseDiff]:
        """The clauses moved."""
        return [c for c in self.clauses if c.moved]

    @property
    def renumbered(self) -> list[ClauseDiff]:
        """The clauses renumbered by other changes."""
        return [c for c in self.clauses if c.renumbered]

    @property
    def provisions(self) -> list[ProvisionChange]:
        """Every provision change, in document order."""
        return [p for c in self.clauses for p in c.provisions]

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data: both versions, the motions, metadata and clause changes."""

        def side(v: Version) -> dict[str, Any]:
            return {
                "rulebook": v.rulebook,
                "version": v.label,
                "effective": v.effective.isoformat() if v.effective else None,
            }

        summary = {
            "added": len(self.added),
            "deleted": len(self.deleted),
            "moved": len(self.moved),
            "renumbered": len(self.renumbered),
            "text": sum(1 for c in self.clauses if c.text is not None and c.status == "kept"),
            "heading": sum(1 for c in self.clauses if c.heading is not None and c.status == "kept"),
            "provisions": len(self.provisions),
        }
        return {
            "old": side(self.old),
            "new": side(self.new),
            "changes": [change_data(c) for c in self.changes],
            "metadata": {name: {"old": _plain(a), "new": _plain(b)} for name, a, b in self.metadata},
            "summary": summary,
            "clauses": [c.to_data() for c in self.clauses],
        }


def _plain(value: Any) -> Any:
    if isinstance(value, tuple) and all(isinstance(v, Level) for v in value):
        return [{"style": lv.style, "label": lv.label} for lv in value]
    if hasattr(value, "isoformat"):
        return value.isoformat()
    return thaw(value)
