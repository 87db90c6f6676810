"""Histories: the versions of a rule book in order, each built from a parent by
motions and rulings, and selecting one by label or by date.

A rule book *source* is a YAML file (one version) or a directory holding
``rulebook.yaml`` and optionally ``history.yaml``. ``PATH@LABEL`` selects a
version by label, ``PATH@YYYY-MM-DD`` the version in force that day, and plain
``PATH`` the latest.

The Examples of :func:`load_history` and :func:`load` show both on a small
book; docs/file-format.md describes ``history.yaml``.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs

from rulebook.display import printable
from rulebook.errors import CitationError, HistoryError, RulebookError, VersionError, clip
from rulebook.model import Version, as_tuple

if TYPE_CHECKING:
    from rulebook.amend.motion import Motion
from rulebook.numbering import resolve_id
from rulebook.patterns import LazyPattern

__all__ = [
    "History",
    "Selection",
    "load",
    "load_history",
    "printable",
    "replay",
    "resolve_in_history",
    "split_spec",
    "version_chain",
    "version_motions",
]

_DATE = LazyPattern(r"^\d{4}-\d{2}-\d{2}$")


@attrs.frozen
class History:
    """The versions of one rule book, in the order ``history.yaml`` builds them.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15.")])
    >>> h = History("club.yaml", [v])
    >>> h.labels, h["1"] is v, h.latest is v
    (['1'], True, True)
    """

    source: str
    versions: tuple[Version, ...] = attrs.field(converter=as_tuple)
    motions: tuple[Motion, ...] = attrs.field(default=(), converter=as_tuple, eq=False)
    #: ``(version label, motion)`` for each motion the record lists as not carried
    #: (lost, withdrawn, remitted or pending) at the meeting that made that version.
    not_carried: tuple[tuple[str, Motion], ...] = attrs.field(default=(), converter=as_tuple, eq=False)

    def to_data(self) -> dict[str, Any]:
        """The versions as JSON-ready data (what ``rulebook history --format json`` prints):
        each with its label, date, parent, size, the motions and rulings that made it and
        those recorded as not carried; and the date the record ends.

        Examples
        --------
        >>> from rulebook.model import Clause, Level, Version
        >>> h = History("club.yaml", [Version("club", "1", [Level("arabic")], [Clause("a")])])
        >>> h.to_data()["versions"]
        [{'version': '1', 'effective': None, 'from': None, 'clauses': 1, 'changes': [], 'not_carried': []}]
        """
        return {
            "rulebook": self.latest.rulebook,
            "versions": [
                {
                    "version": v.label,
                    "effective": v.effective.isoformat() if v.effective else None,
                    "from": v.parent,
                    "clauses": len(v),
                    "changes": [c.to_data() for c in v.changes],
                    "not_carried": [
                        {
                            "id": m.id,
                            "title": m.title,
                            "outcome": m.outcome,
                            "date": m.date.isoformat() if m.date else None,
                        }
                        for m in self.not_carried_in(v.label)
                    ],
                }
                for v in self.versions
            ],
            "known_until": self.known_until.isoformat() if self.known_until else None,
        }

    def __iter__(self) -> Iterator[Version]:
        return iter(self.versions)

    def __len__(self) -> int:
        return len(self.versions)

    @property
    def labels(self) -> list[str]:
        """Version labels in order."""
        return [v.label for v in self.versions]

    @property
    def latest(self) -> Version:
        """The last version built."""
        return self.versions[-1]

    def __getitem__(self, label: str | int) -> Version:
        """The version with this label, or at this position (``history[-1]`` is the latest).

        >>> h = History("club.yaml", [club])
        >>> h["1"] is h[0] is h[-1]
        True
        """
        if isinstance(label, int):
            n = len(self.versions)
            if -n <= label < n:
                return self.versions[label]
            raise VersionError(
                f"no version at position {label}; the history has {n} version{'s' if n != 1 else ''} "
                f"(0 to {n - 1}, or -{n} to -1)",
                file=self.source,
            )
        for v in self.versions:
            if v.label == label:
                return v
        near = difflib.get_close_matches(label, self.labels, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise VersionError(f"no version {label!r}{hint} (versions: {', '.join(self.labels)})", file=self.source)

    def __contains__(self, label: object) -> bool:
        return any(v.label == label for v in self.versions)

    def ancestors(self, label: str) -> list[Version]:
        """The version's parent, grandparent, ... (nearest first)."""
        out = []
        parent = self[label].parent
        while parent is not None and parent in self:
            version = self[parent]
            out.append(version)
            parent = version.parent
        return out

    def lineage(self, label: str) -> dict[str, Version]:
        """The version and its ancestors, by label: where its motions' bases are found."""
        out = {label: self[label]}
        out.update((v.label, v) for v in self.ancestors(label))
        return out

    def at(self, day: dt.date) -> Version:
        """The version in force on ``day``: the latest with ``effective <= day``."""
        chosen: Version | None = None
        chosen_day = dt.date.min
        for v in self.versions:
            if v.effective is not None and chosen_day <= v.effective <= day:
                chosen, chosen_day = v, v.effective
        if chosen is None:
            first = min((v.effective for v in self.versions if v.effective), default=None)
            raise VersionError(
                f"no version was in force on {day.isoformat()}"
                + (f"; the earliest takes effect on {first.isoformat()}" if first else "; no version has a date"),
                file=self.source,
            )
        return chosen

    @property
    def known_until(self) -> dt.date | None:
        """The date of the last version: the record says nothing about the book after it."""
        return max((v.effective for v in self.versions if v.effective is not None), default=None)

    def not_carried_in(self, label: str) -> list[Motion]:
        """The motions recorded as not carried at the meeting that made version ``label``."""
        return [m for owner, m in self.not_carried if owner == label]

    def choose(self, selector: str | None) -> Selection:
        """:meth:`select`, with whether the date asked for lies beyond the record.

        Examples
        --------
        >>> from rulebook.model import Clause, Level, Version
        >>> v = Version("club", "1", [Level("arabic")], [Clause("a", text="A.")], effective=dt.date(2020, 1, 1))
        >>> chosen = History("club.yaml", [v]).choose("2024-05-01")
        >>> chosen.version.label, chosen.beyond_record
        ('1', True)
        >>> chosen.warning
        'the record of club.yaml ends at version 1 (2020-01-01); the book on 2024-05-01 is known only up to that date'
        """
        day: dt.date | None = None
        if selector and selector not in self and _DATE.match(selector):
            try:
                day = dt.date.fromisoformat(selector)
            except ValueError:
                raise VersionError(f"{selector!r} is not a real date", file=self.source) from None
        version = self.at(day) if day is not None else self.select(selector)
        return Selection(version, self.source, day, self.known_until, self.latest.label)

    def select(self, selector: str | None) -> Version:
        """A version by label or ``YYYY-MM-DD`` date; None: the latest."""
        if selector is None or selector == "":
            return self.latest
        if selector in self:
            return self[selector]
        if _DATE.match(selector):
            try:
                day = dt.date.fromisoformat(selector)
            except ValueError:
                raise VersionError(f"{selector!r} is not a real date", file=self.source) from None
            return self.at(day)
        return self[selector]


@attrs.frozen
class Selection:
    """A version chosen by label or date, and whether that date lies after the record ends.

    ``day`` is the date asked for (None when chosen by label or as the latest);
    ``known_until`` the effective date of the last version in the history. A day
    after it is *beyond the record*: the version returned is the last one known,
    but nothing says the book did not change since.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic")], [Clause("a", text="A.")])
    >>> s = Selection(v, "club.yaml", dt.date(2021, 1, 1), dt.date(2020, 1, 1), "1")
    >>> s.beyond_record, s.to_data()
    (True, {'known_until': '2020-01-01', 'beyond_record': True})
    """

    version: Version
    source: str
    day: dt.date | None
    known_until: dt.date | None
    last_label: str

    @property
    def beyond_record(self) -> bool:
        """True when the date asked for is after the last version's date."""
        return self.day is not None and self.known_until is not None and self.day > self.known_until

    @property
    def warning(self) -> str | None:
        """One line saying where the record ends, when the date asked for lies beyond it."""
        if not self.beyond_record:
            return None
        assert self.day is not None and self.known_until is not None
        return (
            f"the record of {self.source} ends at version {self.last_label} ({self.known_until.isoformat()}); "
            f"the book on {self.day.isoformat()} is known only up to that date"
        )

    def to_data(self) -> dict[str, object]:
        """``known_until`` and ``beyond_record``, for JSON output."""
        return {
            "known_until": self.known_until.isoformat() if self.known_until else None,
            "beyond_record": self.beyond_record,
        }


def split_spec(spec: str) -> tuple[str, str | None]:
    """``("rules/labour", "2016")`` from ``"rules/labour@2016"``.

    Examples
    --------
    >>> split_spec("rules/labour@2016-07-01"), split_spec("book.yaml")
    (('rules/labour', '2016-07-01'), ('book.yaml', None))
    """
    path, sep, selector = str(spec).rpartition("@")
    if not sep:
        return str(spec), None
    return path, selector.strip()


def load_history(path: str | Path) -> History:
    """Load every version of a rule book source (file or directory).

    Parameters
    ----------
    path:
        A rule book file (one version), or a directory holding ``rulebook.yaml``
        and optionally ``history.yaml`` (docs/file-format.md).

    Returns
    -------
    History
        The base version, then each version of ``history.yaml`` built by
        applying its motions and rulings to its parent.

    Raises
    ------
    VersionError
        The path does not exist, or a directory has no ``rulebook.yaml``.
    SchemaError, ParseError
        A file is not YAML, or not of its format.
    AmendmentError
        A motion does not apply; the message names the version being built.

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
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     for name, text in files.items():
    ...         _ = Path(tmp, name).write_text(text)
    ...     history = load_history(tmp)
    >>> history.labels, [m.id for m in history.motions]
    (['1', '2'], ['cut'])
    >>> history["2"].clause("fee").text
    'The fee is 10 pounds.'
    """
    # Building needs the YAML readers and the motion machinery; a history from
    # the cache (rulebook.io.cache) does not, so they are loaded here, when used.
    from rulebook.amend.apply import apply_all
    from rulebook.io import rulebook as book_io
    from rulebook.io.history import read_history

    root = Path(path)
    try:
        exists, is_dir = root.exists(), root.is_dir()
    except OSError as exc:  # a name too long, a loop of links (docs/limits.md)
        raise VersionError(f"cannot look the path up ({exc.strerror}); check the path", file=clip(str(root))) from None
    if not exists:
        raise VersionError("no such rule book file or directory; check the path", file=clip(str(root)))
    if not is_dir:  # a file, or a device or pipe that the bounded read refuses clearly
        return History(str(root), (book_io.load_file(root),))
    book_file = root / "rulebook.yaml"
    if not book_file.is_file():
        raise VersionError(f"directory has no rulebook.yaml (looked for {book_file})", file=str(root))
    base = book_io.load_file(book_file)
    versions: dict[str, Version] = {base.label: base}
    all_motions: list[Motion] = []
    not_carried: list[tuple[str, Motion]] = []
    for entry in read_history(root / "history.yaml", base.label):
        not_carried.extend((entry.label, m) for m in entry.not_carried)
        lineage = {entry.parent: versions[entry.parent]}
        up = versions[entry.parent].parent
        while up is not None and up in versions:
            lineage[up] = versions[up]
            up = versions[up].parent
        try:
            built = apply_all(versions[entry.parent], entry.motions, bases=lineage, label=entry.label)
        except RulebookError as exc:
            raise exc.with_context(f"building version {entry.label!r}, {entry.file}:{entry.line}") from None
        versions[entry.label] = attrs.evolve(
            built,
            effective=entry.effective,
            parent=entry.parent,
            changes=tuple(m.change for m in entry.motions),
        )
        all_motions.extend(entry.motions)
    return History(str(root), tuple(versions.values()), tuple(all_motions), tuple(not_carried))


def load(spec: str | Path) -> Version:
    """The version named by ``PATH``, ``PATH@LABEL`` or ``PATH@YYYY-MM-DD``.

    Raises
    ------
    VersionError
        No such path, label, or version in force on that day; and whatever
        :func:`load_history` raises.

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
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     for name, text in files.items():
    ...         _ = Path(tmp, name).write_text(text)
    ...     load(tmp).label, load(f"{tmp}@1").clause("fee").text, load(f"{tmp}@2020-06-30").label
    ('2', 'The fee is 15 pounds.', '1')
    """
    path, selector = split_spec(str(spec))
    return load_history(path).select(selector)


def replay(
    version: Version, motions: Iterable[Motion], bases: Mapping[str, Version] | None = None
) -> Iterator[Version]:
    """``version``, then the version after each motion in turn (motions drafted against
    ``version`` or one of the ``bases`` resolve their citations there).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> v = Version("b", "1", [Level("arabic")], [Clause("x", text="a")])
    >>> m = Motion("m", [Amendment("replace_text", clause="x", text="b")], base="1")
    >>> import attrs
    >>> [s.clause("x").text for s in replay(v, [m, attrs.evolve(m, id="n")])]
    ['a', 'b', 'b']
    """
    from rulebook.amend.apply import apply

    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    current = version
    yield current
    for motion in motions:
        current = apply(current, motion, bases=lookup)
        yield current


def version_motions(history: History) -> dict[str, tuple[Motion, ...]]:
    """The motions and rulings that made each version, in the order they were applied.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> h = History("x", [Version("b", "1", [Level("arabic")], [Clause("a")])])
    >>> version_motions(h)
    {'1': ()}
    """
    out: dict[str, tuple[Motion, ...]] = {}
    pending = list(history.motions)
    for version in history.versions:
        taken = tuple(pending[: len(version.changes)])
        del pending[: len(version.changes)]
        if [m.change for m in taken] != list(version.changes):
            raise HistoryError(
                f"cannot tell which motions made version {version.label!r}: the history's motions do not "
                "follow its versions in order; load it with rulebook.load_history",
                file=history.source,
            )
        out[version.label] = taken
    return out


def version_chain(history: History, until: str | None = None) -> list[Version]:
    """Version ``until`` (label or date; default the latest) and its ancestors, oldest first.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> h = History("x", [Version("b", "1", [Level("arabic")], [Clause("a")])])
    >>> [v.label for v in version_chain(h)]
    ['1']
    """
    last = history.select(until)
    return [*reversed(history.ancestors(last.label)), last]


def resolve_in_history(chain: Sequence[Version], ref: str) -> str:
    """The stable id of the clause named by ``ref``: an id in any version of the chain,
    or a citation in its last version (then in earlier ones, latest first).

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> v1 = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("a"), Clause("b")])
    >>> v2 = Version("b", "2", [Level("arabic", "Rule {n}")], [Clause("b")])
    >>> resolve_in_history([v1, v2], "a"), resolve_in_history([v1, v2], "Rule 1")
    ('a', 'b')
    """
    key = ref.strip()
    if any(key in v for v in chain):
        return key
    first_error: CitationError | None = None
    for version in reversed(chain):
        try:
            return resolve_id(version, key)
        except CitationError as exc:
            first_error = first_error or exc
    assert first_error is not None
    raise CitationError(
        f"{first_error.message}; nor is it a stable id or a citation in any earlier version "
        f"({', '.join(v.label for v in chain)})"
    )
