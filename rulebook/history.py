"""Histories: the versions of a rule book in order, each built from a parent by
motions and rulings, and selecting one by label or by date.

A rule book *source* is a YAML file (one version) or a directory holding
``rulebook.yaml`` and optionally ``history.yaml``. ``PATH@LABEL`` selects a
version by label, ``PATH@YYYY-MM-DD`` the version in force that day, and plain
``PATH`` the latest.

Examples
--------
>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "rulebook.yaml").write_text('''
... rulebook: club
... version: "1"
... effective: 2020-01-01
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses: [{id: fee, text: "The fee is 5 pounds."}]
... ''')
>>> _ = (d / "m.yaml").write_text('''
... motion: raise
... base: "1"
... amendments: [{op: replace_words, clause: fee, old: "5", new: "6"}]
... ''')
>>> _ = (d / "history.yaml").write_text('''
... versions:
...   - {version: "2", effective: 2021-01-01, from: "1", motions: [m.yaml]}
... ''')
>>> h = load_history(d)
>>> [v.label for v in h.versions]
['1', '2']
>>> load(f"{d}@2020-06-30").clause("fee").text
'The fee is 5 pounds.'
>>> load(str(d)).clause("fee").text
'The fee is 6 pounds.'
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Iterator
from pathlib import Path

import attrs

from rulebook.amend.apply import apply_all
from rulebook.amend.motion import Motion
from rulebook.errors import RulebookError, SchemaError, VersionError
from rulebook.io import motions as motion_io
from rulebook.io import rulebook as book_io
from rulebook.io.yamlsrc import Mapping, Seq, read
from rulebook.model import Version, as_tuple

__all__ = ["History", "load", "load_history", "split_spec"]

_ENTRY_KEYS = ("version", "effective", "from", "motions", "rulings", "title", "note")
_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")


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

    def __getitem__(self, label: str) -> Version:
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


def _boundary(book_dir: Path) -> Path:
    """Where a history's files may be: the git repository holding the book (so
    books of one repository can share motions), else the book's own directory."""
    here = book_dir.resolve()
    for folder in (here, *here.parents):
        if (folder / ".git").exists():
            return folder
    return here


def _paths(entry: Mapping, key: str, base_dir: Path) -> list[Path]:
    items = entry.get(key)
    if items is None:
        return []
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise entry.error(f"{key!r} must be a list of file paths", key)
    out = []
    inside = _boundary(base_dir)
    for i, rel in enumerate(items):
        path = base_dir / rel
        line = items.line_of(i) if isinstance(items, Seq) else entry.line_of(key)
        # a history names files of its own book, or of its repository: never one
        # elsewhere (docs/limits.md); nothing of an outside file is read or echoed
        if Path(rel).is_absolute() or not path.resolve().is_relative_to(inside):
            where = "repository" if inside != base_dir.resolve() else "directory"
            raise SchemaError(
                f"{key[:-1]} file {rel!r} is outside the rule book's {where} ({inside}); "
                "give a relative path to a file inside it",
                file=entry.file,
                line=line,
            )
        if not path.is_file():
            raise SchemaError(f"{key[:-1]} file {rel!r} not found (looked for {path})", file=entry.file, line=line)
        out.append(path)
    return out


def load_history(path: str | Path) -> History:
    """Load every version of a rule book source (file or directory).

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
    root = Path(path)
    if not root.exists():
        raise VersionError("no such rule book file or directory; check the path", file=str(root))
    if not root.is_dir():  # a file, or a device or pipe that the bounded read refuses clearly
        return History(str(root), (book_io.load_file(root),))
    book_file = root / "rulebook.yaml"
    if not book_file.is_file():
        raise VersionError(f"directory has no rulebook.yaml (looked for {book_file})", file=str(root))
    base = book_io.load_file(book_file)
    versions: dict[str, Version] = {base.label: base}
    all_motions: list[Motion] = []
    history_file = root / "history.yaml"
    if history_file.is_file():
        doc = read(history_file)
        if not isinstance(doc, Mapping):
            raise SchemaError("history.yaml is a mapping with 'versions:' a list", file=str(history_file), line=1)
        doc.check_keys(("versions",), ("versions",), what="history")
        entries = doc["versions"]
        if not isinstance(entries, Seq):
            raise doc.error("'versions' must be a list of {version, effective, from, motions, rulings}", "versions")
        cache: dict[Path, tuple[Motion, ...]] = {}
        previous = base.label
        for i, entry in enumerate(entries):
            if not isinstance(entry, Mapping):
                raise SchemaError(
                    "each version is a mapping {version, effective, from, motions, rulings}",
                    file=str(history_file),
                    line=entries.line_of(i),
                )
            entry.check_keys(_ENTRY_KEYS, ("version",), what="history entry")
            label = entry["version"]
            if isinstance(label, bool) or not isinstance(label, str | int | float):
                raise entry.error("'version' must be a label", "version")
            label = str(label)
            unselectable = book_io.label_problem(label)
            if unselectable:
                raise entry.error(f"version label {label!r} {unselectable}", "version")
            if label in versions:
                raise entry.error(f"version {label!r} is defined twice; labels must be unique", "version")
            parent = str(entry.get("from", previous))
            if parent not in versions:
                raise entry.error(f"'from: {parent}' names no earlier version (known: {', '.join(versions)})", "from")
            effective = entry.get_typed("effective", dt.date, f"version {label}")
            if isinstance(effective, dt.datetime):
                effective = effective.date()
            motions: list[Motion] = []
            for key in ("motions", "rulings"):
                for p in _paths(entry, key, root):
                    if p not in cache:
                        cache[p] = motion_io.load_file(p)
                    loaded = cache[p]
                    wrong = [m for m in loaded if (m.kind == "ruling") != (key == "rulings")]
                    if wrong:
                        raise entry.error(
                            f"{p.name} holds {wrong[0].kind} {wrong[0].id!r} but is listed under {key!r}", key
                        )
                    motions.extend(loaded)
            lineage = {parent: versions[parent]}
            up = versions[parent].parent
            while up is not None and up in versions:
                lineage[up] = versions[up]
                up = versions[up].parent
            try:
                built = apply_all(versions[parent], motions, bases=lineage, label=label)
            except RulebookError as exc:
                exc.message += f" (building version {label!r}, {history_file}:{entry.line})"
                raise
            versions[label] = attrs.evolve(
                built,
                effective=effective,
                parent=parent,
                changes=tuple(m.change for m in motions),
            )
            all_motions.extend(motions)
            previous = label
    return History(str(root), tuple(versions.values()), tuple(all_motions))


def load(spec: str | Path) -> Version:
    """The version named by ``PATH``, ``PATH@LABEL`` or ``PATH@YYYY-MM-DD``.

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
