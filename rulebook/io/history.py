"""The history file format (``history.yaml``, see docs/file-format.md): the
versions after the base, each with its label, date, parent and the motion and
ruling files that build it from its parent.

Reading the file checks it and loads the motions it lists; building the
versions (applying the motions) is :func:`rulebook.history.load_history`'s job.

Examples
--------
>>> import pathlib, tempfile
>>> d = pathlib.Path(tempfile.mkdtemp())
>>> _ = (d / "m.yaml").write_text('''
... motion: raise
... base: "1"
... amendments: [{op: replace_words, clause: fee, old: "5", new: "6"}]
... ''')
>>> _ = (d / "history.yaml").write_text('''
... versions:
...   - {version: "2", effective: 2021-01-01, from: "1", motions: [m.yaml]}
... ''')
>>> entries = read_history(d / "history.yaml", "1")
>>> [(e.label, e.parent, str(e.effective), [m.id for m in e.motions]) for e in entries]
[('2', '1', '2021-01-01', ['raise'])]
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import attrs

from rulebook.amend.motion import Motion
from rulebook.errors import SchemaError
from rulebook.io import motions as motion_io
from rulebook.io.files import path_kind
from rulebook.io.rulebook import label_problem
from rulebook.io.yamlsrc import Mapping, Seq, read
from rulebook.model import as_tuple

__all__ = ["HistoryEntry", "read_history"]

_ENTRY_KEYS = ("version", "effective", "from", "motions", "rulings", "not_carried", "title", "note")


@attrs.frozen
class HistoryEntry:
    """One version of ``history.yaml``: built from ``parent`` by ``motions``
    (its motions, then its rulings, in the order listed)."""

    label: str
    parent: str
    effective: dt.date | None
    motions: tuple[Motion, ...] = attrs.field(converter=as_tuple)
    file: str
    line: int
    #: Motions the record lists as not carried (lost, withdrawn, remitted, pending) at that meeting.
    not_carried: tuple[Motion, ...] = attrs.field(default=(), converter=as_tuple)


def read_history(path: str | Path, base_label: str) -> tuple[HistoryEntry, ...]:
    """The entries of a ``history.yaml`` whose base version is ``base_label``;
    no entries if the file does not exist.

    Parameters
    ----------
    path:
        The ``history.yaml`` file; motion and ruling files are found beside it.
    base_label:
        The label of the base version (``rulebook.yaml``'s ``version``), the
        first that a ``from:`` may name.

    Returns
    -------
    tuple[HistoryEntry, ...]
        In the order of the file, each with its motions loaded.

    Raises
    ------
    SchemaError
        The file is not of the history format, a label is given twice, a
        ``from:`` names no earlier version, or a listed file is missing.
    ParseError
        The file, or a motion file it lists, is not YAML.
    """
    history_file = Path(path)
    if path_kind(history_file) != "file":
        return ()
    root = history_file.parent
    doc = read(history_file)
    if not isinstance(doc, Mapping):
        raise SchemaError("history.yaml is a mapping with 'versions:' a list", file=str(history_file), line=1)
    doc.check_keys(("versions",), ("versions",), what="history")
    entries = doc["versions"]
    if not isinstance(entries, Seq):
        raise doc.error("'versions' must be a list of {version, effective, from, motions, rulings}", "versions")
    cache: dict[Path, tuple[Motion, ...]] = {}
    known = [base_label]
    out = []
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
        unselectable = label_problem(label)
        if unselectable:
            raise entry.error(f"version label {label!r} {unselectable}", "version")
        if label in known:
            raise entry.error(f"version {label!r} is defined twice; labels must be unique", "version")
        parent = str(entry.get("from", known[-1]))
        if parent not in known:
            raise entry.error(f"'from: {parent}' names no earlier version (known: {', '.join(known)})", "from")
        effective = entry.get_typed("effective", dt.date, f"version {label}")
        if isinstance(effective, dt.datetime):
            effective = effective.date()
        motions: list[Motion] = []
        not_carried: list[Motion] = []
        for p in _paths(entry, "not_carried", root):
            if p not in cache:
                cache[p] = motion_io.load_file(p)
            for m in cache[p]:
                if m.carried:
                    raise entry.error(
                        f"{p.name} holds {m.kind} {m.id!r}, listed under 'not_carried' but with no "
                        "'outcome' (lost, withdrawn, remitted or pending); give it one or list it under "
                        "'motions'",
                        "not_carried",
                    )
                not_carried.append(m)
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
                lost = [m for m in loaded if not m.carried]
                if lost:
                    raise entry.error(
                        f"{p.name} holds motion {lost[0].id!r} with outcome {lost[0].outcome!r}, which "
                        "changes nothing; list it under 'not_carried', not 'motions'",
                        key,
                    )
                motions.extend(loaded)
        out.append(HistoryEntry(label, parent, effective, motions, str(history_file), entry.line, not_carried))
        known.append(label)
    return tuple(out)


def _clip(text: str, width: int = 60) -> str:
    return repr(text) if len(text) <= width else repr(text[:width]) + f"... ({len(text)} characters)"


def _paths(entry: Mapping, key: str, base_dir: Path) -> list[Path]:
    items = entry.get(key)
    if items is None:
        return []
    if isinstance(items, str):
        items = [items]
    if not isinstance(items, list) or not all(isinstance(i, str) for i in items):
        raise entry.error(f"{key!r} must be a list of file paths", key)
    out = []
    inside = base_dir.resolve()
    for i, rel in enumerate(items):
        path = base_dir / rel
        line = items.line_of(i) if isinstance(items, Seq) else entry.line_of(key)
        try:
            resolved, exists = path.resolve(), path.is_file()
        except (OSError, ValueError) as exc:  # a name too long, a loop of links, a NUL character
            why = exc.strerror if isinstance(exc, OSError) else "a NUL character in the name"
            raise SchemaError(
                f"{key[:-1]} file {_clip(rel)} cannot be looked up ({why}); give a plain relative path",
                file=entry.file,
                line=line,
            ) from None
        # a history names files of its own book, never one elsewhere
        # (docs/limits.md); nothing of an outside file is read or echoed
        if Path(rel).is_absolute() or not resolved.is_relative_to(inside):
            raise SchemaError(
                f"{key[:-1]} file {_clip(rel)} is outside the rule book's directory ({inside}); "
                "give a relative path to a file inside it",
                file=entry.file,
                line=line,
            )
        if not exists:
            raise SchemaError(
                f"{'ruling' if key == 'rulings' else 'motion'} file {_clip(rel)} not found "
                f"(looked for {_clip(str(path), 200)})",
                file=entry.file,
                line=line,
            )
        out.append(path)
    return out
