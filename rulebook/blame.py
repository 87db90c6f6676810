"""Blame: the life of one clause across a rule book's history.

For each version whose clause differs from its parent's (added, heading or
text changed, provisions set, changed, removed or affirmed, moved,
renumbered, deleted) blame names the motion or ruling that changed it, with
its authority and date, the version's effective date and the words changed.
When a version was made by several motions, they are applied again one by one
from the parent so that each change is given to the motion that made it.

Examples
--------
>>> import pathlib, tempfile
>>> from rulebook.history import load_history
>>> tmp = tempfile.TemporaryDirectory()
>>> d = pathlib.Path(tmp.name)
>>> _ = (d / "rulebook.yaml").write_text('''
... rulebook: club
... version: "1"
... effective: 2020-01-01
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses: [{id: name, text: "The Club."}, {id: fee, text: "The fee is 5 pounds."}]
... ''')
>>> _ = (d / "m.yaml").write_text('''
... motions:
...   - {motion: rename, base: "1", amendments: [{op: replace_words, clause: name, old: Club, new: Society}]}
...   - {motion: raise, base: "1", amendments: [{op: replace_words, clause: fee, old: "5", new: "6"}]}
... ''')
>>> _ = (d / "history.yaml").write_text('''
... versions: [{version: "2", effective: 2021-01-01, from: "1", motions: [m.yaml]}]
... ''')
>>> [(e.version, e.events, e.change and e.change.id) for e in blame(load_history(d), "Rule 2")]
[('1', ('origin',), None), ('2', ('text',), 'raise')]
>>> tmp.cleanup()
"""

from __future__ import annotations

import datetime as dt
from itertools import pairwise
from typing import Any

import attrs

from rulebook.diff import (
    ClauseDiff,
    VersionDiff,
    change_data,
    diff,
    diff_chain,
    diff_clause,
    metadata_changes,
)
from rulebook.history import History, replay, resolve_in_history, version_chain, version_motions
from rulebook.model import Change, Clause, Version
from rulebook.numbering import citation

__all__ = ["BlameEntry", "blame", "history_diff", "resolve_in_history", "version_chain", "version_motions"]


@attrs.frozen
class BlameEntry:
    """One change to the clause: in ``version`` (made from ``parent``, in force from
    ``effective``), by ``change`` (a motion or ruling; None for the version the
    history starts from, event ``origin``), described by ``diff``.

    ``citation`` is the clause's citation in ``version`` (None once deleted);
    ``clause`` the clause as the change left it (None once deleted).

    Examples
    --------
    >>> from rulebook.diff import word_diff
    >>> from rulebook.model import Change
    >>> e = BlameEntry("2", dt.date(2021, 1, 1), "1", Change("motion", "raise"),
    ...                ClauseDiff("fee", "kept", text=word_diff("5 pounds", "6 pounds")), "Rule 2")
    >>> e.events, e.change.id, e.words()
    (('text',), 'raise', [{'field': 'text', 'deleted': '5', 'inserted': '6'}])
    """

    version: str
    effective: dt.date | None
    parent: str | None
    change: Change | None
    diff: ClauseDiff | None
    citation: str | None
    clause: Clause | None = attrs.field(default=None, eq=False, repr=False)

    @property
    def events(self) -> tuple[str, ...]:
        """What happened: ``origin``, or the diff's events (added, text, moved, ...)."""
        return ("origin",) if self.diff is None else self.diff.events

    def to_data(self) -> dict[str, Any]:
        """JSON-ready data.

        Examples
        --------
        >>> BlameEntry("1", None, None, None, None, "Rule 1").to_data()["events"]
        ['origin']
        """
        return {
            "version": self.version,
            "effective": self.effective.isoformat() if self.effective else None,
            "parent": self.parent,
            "events": list(self.events),
            "citation": self.citation,
            "change": change_data(self.change),
            "heading": self.clause.heading if self.clause is not None else None,
            "text": self.clause.text if self.clause is not None else None,
            "words": self.words(),
            "diff": self.diff.to_data() if self.diff is not None else None,
        }

    def words(self) -> list[dict[str, str]]:
        """The words changed, heading first: ``{"field", "deleted", "inserted"}`` per change.

        Examples
        --------
        >>> from rulebook.diff import word_diff
        >>> e = BlameEntry("2", None, "1", None, ClauseDiff("x", "kept", text=word_diff("5 pounds", "6 pounds")), "R1")
        >>> e.words()
        [{'field': 'text', 'deleted': '5', 'inserted': '6'}]
        """
        if self.diff is None:
            return []
        out = []
        for name in ("heading", "text"):
            ops = getattr(self.diff, name)
            for op in ops or ():
                if op.op != "equal":
                    out.append({"field": name, "deleted": op.old, "inserted": op.new})
        return out


def blame(history: History, clause_ref: str, until: str | None = None) -> list[BlameEntry]:
    """The life of a clause up to version ``until`` (a label or date; default the
    latest): one entry for the first version if the clause is in it, then one for
    each motion or ruling that changed it, oldest first.

    ``clause_ref`` is a stable id, or a citation in version ``until`` (or in an
    earlier version, for a clause since deleted).

    Parameters
    ----------
    history:
        As :func:`rulebook.load_history` returns it (its motions are needed to
        give each change to the motion that made it).
    clause_ref:
        A stable id or citation.
    until:
        The last version to look at: a label or ``YYYY-MM-DD``; default the latest.

    Returns
    -------
    list[BlameEntry]
        Oldest first.

    Raises
    ------
    CitationError
        No version of the history has such a clause.
    VersionError
        ``until`` names no version.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> files = {
    ...     "rulebook.yaml": 'rulebook: club\\nversion: "1"\\neffective: 2020-01-01\\n'
    ...                      'numbering: [{style: arabic, label: "Rule {n}"}]\\n'
    ...                      'clauses: [{id: fee, text: "The fee is 15 pounds."}]\\n',
    ...     "history.yaml": 'versions: [{version: "2", effective: 2021-01-01, from: "1", motions: [cut.yaml]}]\\n',
    ...     "cut.yaml": 'motion: cut\\nbase: "1"\\n'
    ...                 'amendments: [{op: replace_words, clause: "Rule 1", old: "15", new: "10"}]\\n',
    ... }
    >>> from rulebook.history import load_history
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     for name, text in files.items():
    ...         _ = Path(tmp, name).write_text(text)
    ...     entries = blame(load_history(tmp), "Rule 1")
    >>> [(e.version, e.events, e.change and e.change.id) for e in entries]
    [('1', ('origin',), None), ('2', ('text',), 'cut')]
    """
    chain = version_chain(history, until)
    cid = resolve_in_history(chain, clause_ref)
    made_by = version_motions(history)
    entries: list[BlameEntry] = []
    first = chain[0]
    if cid in first:
        entries.append(
            BlameEntry(first.label, first.effective, first.parent, None, None, citation(first, cid), first.clause(cid))
        )
    for parent, version in pairwise(chain):
        if not _changed(parent, version, cid):
            continue
        steps = list(replay(parent, made_by[version.label], history.lineage(parent.label)))
        for motion, (before, after) in zip(made_by[version.label], pairwise(steps), strict=True):
            found = diff_clause(before, after, cid)
            if found is not None:
                cite = citation(after, cid) if cid in after else None
                clause = after.clause(cid) if cid in after else None
                entries.append(
                    BlameEntry(version.label, version.effective, parent.label, motion.change, found, cite, clause)
                )
    return entries


def _changed(parent: Version, version: Version, cid: str) -> bool:
    """Whether the clause may have changed from ``parent`` to ``version`` (shared
    clause objects in the same place did not)."""
    if (cid in parent) != (cid in version):
        return True
    if cid not in parent:
        return False
    if parent.clause(cid) is not version.clause(cid):
        return True
    if citation(parent, cid) != citation(version, cid):
        return True
    return diff_clause(parent, version, cid) is not None


def history_diff(history: History, old: str, new: str) -> VersionDiff:
    """The diff between two versions of a history (labels or dates). When ``old`` is
    ``new`` or one of its ancestors, every change is attributed to the motion or
    ruling that made it (each version's motions applied again one by one);
    otherwise the versions are simply compared.

    Examples
    --------
    >>> import pathlib, tempfile
    >>> from rulebook.history import load_history
    >>> tmp = tempfile.TemporaryDirectory()
    >>> d = pathlib.Path(tmp.name)
    >>> _ = (d / "rulebook.yaml").write_text('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 5 pounds, due in May."}]
    ... ''')
    >>> _ = (d / "m.yaml").write_text('''
    ... motions:
    ...   - {motion: raise, base: "1", amendments: [{op: replace_words, clause: fee, old: "5", new: "6"}]}
    ...   - {motion: later, base: "1", amendments: [{op: replace_words, clause: fee, old: May, new: June}]}
    ... ''')
    >>> _ = (d / "history.yaml").write_text('versions: [{version: "2", from: "1", motions: [m.yaml]}]')
    >>> changes = history_diff(load_history(d), "1", "2")
    >>> [(op.new, op.by.id) for op in changes.clauses[0].text if op.op != "equal"]
    [('6', 'raise'), ('June', 'later')]
    >>> tmp.cleanup()
    """
    first, last = history.select(old), history.select(new)
    if first.label == last.label:
        return diff(first, last)
    path = [last]
    for ancestor in history.ancestors(last.label):
        path.append(ancestor)
        if ancestor.label == first.label:
            break
    else:
        return diff(first, last)
    made_by = version_motions(history)
    steps = [first]
    changes: list[Change | None] = []
    for parent, version in pairwise(reversed(path)):
        steps.extend(list(replay(parent, made_by[version.label], history.lineage(parent.label)))[1:])
        changes.extend(m.change for m in made_by[version.label])
    return attrs.evolve(diff_chain(steps, changes), new=last, metadata=metadata_changes(first, last))
