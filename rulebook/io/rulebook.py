"""Load and save one version of a rule book in the YAML format of docs/file-format.md.

Examples
--------
>>> text = '''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}, {style: lower-alpha}]
... clauses:
...   - id: fees
...     heading: Fees
...     clauses:
...       - {id: fees.amount, text: "Five pounds; see [[fees]].", provisions: {fee: 5}}
... '''
>>> v = loads(text, "club.yaml")
>>> v.clause("fees.amount").provisions["fee"]
5
>>> loads(dumps(v), "again.yaml") == v
True
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from pathlib import Path
from typing import Any

from rulebook.binding import BindingError, bind
from rulebook.citeforms import check_form
from rulebook.errors import InvariantSpecError, SchemaError
from rulebook.io.files import write_atomically
from rulebook.io.invariants import invariants_of
from rulebook.io.stated import read_stated_by, stated_data
from rulebook.io.yamlsrc import Mapping, Seq, gc_paused, parse, read
from rulebook.model import STYLES, Clause, Level, Version, thaw, validate_invariant
from rulebook.numbering import duplicate_number
from rulebook.refs import references

__all__ = [
    "ID_PATTERN",
    "clause_data",
    "dump_data",
    "dumps",
    "from_data",
    "label_problem",
    "load_file",
    "loads",
    "parse_clause",
    "save",
    "write_atomically",
]

ID_PATTERN = re.compile(r"^[^\W_][\w.:/-]*$")  # letters of any script, digits
_BOOK_KEYS = ("rulebook", "title", "version", "effective", "source", "numbering", "citations", "invariants", "clauses")
_CLAUSE_KEYS = ("id", "number", "heading", "text", "provisions", "stated_by", "clauses")
_CLAUSE_KEY_SET = frozenset(_CLAUSE_KEYS)


def label_problem(label: str) -> str | None:
    """Why ``PATH@LABEL`` could never select a version labelled ``label`` (None: it can).

    Examples
    --------
    >>> label_problem("2016"), label_problem("draft@2")
    (None, "contains '@', so PATH@LABEL could never select it; choose another label")
    """
    if "@" in label:
        return "contains '@', so PATH@LABEL could never select it; choose another label"
    if not label.strip() or label != label.strip():
        return "is empty or starts or ends with spaces, so PATH@LABEL could never select it; choose another label"
    return None


def _check_id(value: Any, where: Mapping, key: str = "id") -> str:
    if not isinstance(value, str) or not ID_PATTERN.match(value):
        raise where.error(
            f"clause id {value!r} is not valid: use letters, digits and . _ : / - "
            "(no spaces), starting with a letter or digit",
            key,
        )
    return value


def _text(item: Mapping, key: str, cid: str) -> str | None:
    """``item[key]``, text or absent (most headings and texts are; anything else
    is checked by ``get_typed``, which says what is wrong)."""
    value = item.get(key)
    if type(value) is str or (value is None and key not in item):
        return value
    return item.get_typed(key, str, f"clause {cid!r}")  # type: ignore[no-any-return]


class _ClauseReader:
    """Reads a clause tree, checking ids, provisions and depth as it goes."""

    def __init__(self, depth_limit: int | None, levels: tuple[Level, ...] | None = None) -> None:
        self.depth_limit = depth_limit
        self.levels = levels  # to check that siblings' numbers differ (None: not known here)
        self.ids: dict[str, tuple[str, int]] = {}
        self.provisions: dict[str, tuple[str, int, str]] = {}
        self.refs: list[tuple[str, str, str, int]] = []  # (clause id, target, file, line)

    def clauses(self, items: Any, owner: Mapping, key: str, depth: int) -> tuple[Clause, ...]:
        if items is None:
            return ()
        if not isinstance(items, Seq):
            raise owner.error(f"{key!r} must be a list of clauses", key)
        clauses = tuple(self.clause(item, items, i, depth) for i, item in enumerate(items))
        if self.levels is not None and depth < len(self.levels):
            clash = duplicate_number(clauses, self.levels[depth])
            if clash is not None:
                first, second, number = clash
                index = next(i for i, c in enumerate(clauses) if c is second)
                raise SchemaError(
                    f"clauses {first.id!r} and {second.id!r} would both be numbered {number!r}, so a citation "
                    "could not tell them apart; change or remove the pinned 'number'",
                    file=items.file,
                    line=items.line_of(index),
                )
        return clauses

    def clause(self, item: Any, seq: Seq, index: int, depth: int) -> Clause:
        if not isinstance(item, Mapping):
            raise SchemaError(
                "each clause must be a mapping with at least an 'id'", file=seq.file, line=seq.line_of(index)
            )
        if not _CLAUSE_KEY_SET.issuperset(item) or "id" not in item:  # checked fully only to say what is wrong
            item.check_keys(_CLAUSE_KEYS, ("id",), what="clause")
        cid = _check_id(item["id"], item)
        if cid in self.ids:
            _, line = self.ids[cid]
            raise item.error(
                f"clause id {cid!r} is already used on line {line}; ids must be unique in a rule book", "id"
            )
        self.ids[cid] = (item.file, item.line_of("id"))
        if self.depth_limit is not None and depth >= self.depth_limit:
            raise item.error(
                f"clause {cid!r} sits at depth {depth + 1}, but the numbering scheme has only "
                f"{self.depth_limit} levels; add a level to 'numbering' or move the clause up",
                "id",
            )
        number = item.get("number")
        if number is not None:
            if isinstance(number, bool) or not isinstance(number, str | int):
                raise item.error(f"clause {cid!r}: 'number' must be text such as \"2A\"", "number")
            number = str(number)
        heading, text = _text(item, "heading", cid), _text(item, "text", cid)
        if text and "[[" in text:
            for target in references(text):
                self.refs.append((cid, target, item.file, item.line_of("text")))
        provisions = item.get_typed("provisions", dict, f"clause {cid!r}", default={}) if "provisions" in item else {}
        for name in provisions:
            line = provisions.line_of(name) if isinstance(provisions, Mapping) else item.line
            if name in self.provisions:
                _, first, other = self.provisions[name]
                raise SchemaError(
                    f"provision {name!r} is carried by clause {other!r} (line {first}) and again by "
                    f"{cid!r}; a provision belongs to one clause",
                    file=item.file,
                    line=line,
                )
            self.provisions[name] = (item.file, line, cid)
        children = self.clauses(item.get("clauses"), item, "clauses", depth + 1)
        explicit = read_stated_by(item, cid, provisions) if "stated_by" in item else []
        for s in explicit:
            if s.source == "sub-clauses" and s.provision in self.provisions:
                _, first, other = self.provisions[s.provision]
                message = f"provision {s.provision!r} is carried by clause {other!r} (line {first})"
                raise item.error(message, "stated_by")
            self.provisions.setdefault(s.provision, (item.file, item.line_of("stated_by"), cid))
        clause = Clause(cid, heading=heading, text=text, provisions=provisions, children=children, number=number)
        try:
            return bind(clause, explicit)
        except BindingError as exc:
            raise item.error(f"clause {cid!r}: stated_by {exc}", "stated_by") from None

    def check_refs(self, known: set[str] | None = None) -> None:
        ids = set(self.ids) if known is None else known | set(self.ids)
        for cid, target, file, line in self.refs:
            if target not in ids:
                near = difflib.get_close_matches(target, list(ids), n=1)
                hint = f"; did you mean [[{near[0]}]]?" if near else "; refer to an existing clause id"
                raise SchemaError(
                    f"clause {cid!r} refers to [[{target}]], which is no clause of this rule book{hint}",
                    file=file,
                    line=line,
                )


def parse_clause(item: Any, seq: Seq, index: int, depth: int, depth_limit: int | None) -> Clause:
    """Read one clause (with its children) from located YAML, e.g. inside a motion.

    Examples
    --------
    >>> from rulebook.io.yamlsrc import parse
    >>> items = parse("- {id: fee, text: Two pounds.}", "motion.yaml")
    >>> parse_clause(items[0], items, 0, 0, None).text
    'Two pounds.'
    """
    reader = _ClauseReader(depth_limit)
    return reader.clause(item, seq, index, depth)


def _numbering(doc: Mapping) -> tuple[Level, ...]:
    items = doc.get("numbering")
    if not isinstance(items, Seq) or not items:
        raise doc.error("'numbering' must be a list with one {style, label} entry per depth", "numbering")
    levels = []
    for i, entry in enumerate(items):
        if isinstance(entry, str):
            entry_map = Mapping({"style": entry})
            entry_map.file, entry_map.line, entry_map.lines = items.file, items.line_of(i), {}
            entry = entry_map
        if not isinstance(entry, Mapping):
            raise SchemaError("a numbering level is {style, label}", file=items.file, line=items.line_of(i))
        entry.check_keys(("style", "label", "join"), ("style",), what="numbering level")
        style = entry["style"]
        if style not in STYLES:
            near = difflib.get_close_matches(str(style), STYLES, n=1)
            hint = f"; did you mean {near[0]!r}?" if near else ""
            raise entry.error(f"unknown numbering style {style!r}{hint} (styles: {', '.join(STYLES)})", "style")
        label = entry.get_typed("label", str, "numbering level")
        if label is not None and "{n}" not in label:
            raise entry.error(f"label {label!r} has no '{{n}}' where the number goes", "label")
        levels.append(Level(style, label, entry.get_typed("join", str, "numbering level")))
    return tuple(levels)


def _citations(doc: Mapping, levels: int) -> tuple[str, ...]:
    """The book's own further citation forms (docs/numbering.md), each checked where it is written."""
    items = doc.get("citations")
    if items is None:
        return ()
    if not isinstance(items, Seq):
        raise doc.error("'citations' must be a list of citation forms such as \"Rule {1}.{2:arabic}.{3}\"", "citations")
    forms = []
    for i, form in enumerate(items):
        why = "it is not text" if not isinstance(form, str) else check_form(form, levels)
        if why:
            raise SchemaError(
                f"citation form {form!r}: {why}; write it with {{1}}, {{2}}, ... where each level's number goes",
                file=items.file,
                line=items.line_of(i),
            )
        forms.append(form)
    return tuple(forms)


def from_data(doc: Any, file: str) -> Version:
    """Build a version from located YAML data (see :func:`loads`).

    Examples
    --------
    >>> text = '''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... '''
    >>> from rulebook.io.yamlsrc import parse
    >>> from_data(parse(text, "club.yaml"), "club.yaml").clause("fee").text
    'The fee is 15 pounds.'
    """
    if not isinstance(doc, Mapping):
        raise SchemaError(
            "a rule book file is a mapping with 'rulebook', 'version', 'numbering', 'clauses'", file=file, line=1
        )
    doc.check_keys(_BOOK_KEYS, ("rulebook", "version", "numbering", "clauses"), what="rule book")
    name = doc.get_typed("rulebook", str, "rule book")
    label = doc["version"]
    if isinstance(label, bool) or not isinstance(label, str | int | float):
        raise doc.error("'version' must be a label such as \"2016\"", "version")
    unselectable = label_problem(str(label))
    if unselectable:
        raise doc.error(f"version label {str(label)!r} {unselectable}", "version")
    effective = doc.get_typed("effective", dt.date, "rule book")
    if isinstance(effective, dt.datetime):
        effective = effective.date()
    numbering = _numbering(doc)
    reader = _ClauseReader(len(numbering), numbering)
    clauses = reader.clauses(doc["clauses"], doc, "clauses", 0)
    reader.check_refs()
    invariants = invariants_of(doc)
    for inv in invariants:
        try:
            validate_invariant(inv)
        except InvariantSpecError as exc:
            raise exc.located(file, inv.line) from None
        if inv.clause is not None and inv.clause not in reader.ids:
            raise SchemaError(
                f"invariant {inv.name!r} names clause {inv.clause!r}, which does not exist", file=file, line=inv.line
            )
    return Version(
        rulebook=name,
        label=str(label),
        numbering=numbering,
        clauses=clauses,
        effective=effective,
        title=doc.get_typed("title", str, "rule book"),
        source=doc.get_typed("source", str, "rule book"),
        invariants=invariants,
        citations=_citations(doc, len(numbering)),
    )


def loads(text: str, file: str = "<string>") -> Version:
    """Load a version from rule book YAML text.

    Examples
    --------
    >>> text = '''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... '''
    >>> v = loads(text, "club.yaml")
    >>> v.label, v.clause("fee").provisions["fees.annual"]
    ('1', 15)
    >>> loads("rulebook: club\\nversion: '1'\\nclauses: []\\n", "club.yaml")
    Traceback (most recent call last):
    ...
    rulebook.errors.SchemaError: club.yaml:1: rule book has no 'numbering'; add it
    """
    with gc_paused():
        return from_data(parse(text, file), file)


def load_file(path: str | Path) -> Version:
    """Load a version from a rule book YAML file.

    Examples
    --------
    >>> text = '''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... '''
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp, "club.yaml")
    ...     _ = path.write_text(text)
    ...     load_file(path).clause("fee").text
    'The fee is 15 pounds.'
    """
    with gc_paused():
        return from_data(read(path), str(path))


def clause_data(clause: Clause) -> dict[str, Any]:
    """A clause and its sub-clauses as plain data in the rule book format.

    Examples
    --------
    >>> from rulebook.model import Clause
    >>> clause_data(Clause("fee", text="Five pounds.", provisions={"fee": 5}, children=[Clause("fee.late")]))
    {'id': 'fee', 'text': 'Five pounds.', 'provisions': {'fee': 5}, 'clauses': [{'id': 'fee.late'}]}
    """
    out: dict[str, Any] = {"id": clause.id}
    if clause.number is not None:
        out["number"] = clause.number
    if clause.heading is not None:
        out["heading"] = clause.heading
    if clause.text is not None:
        out["text"] = clause.text
    derived = {s.provision for s in clause.stated if s.source == "sub-clauses"}
    if set(clause.provisions) - derived:
        out["provisions"] = thaw({k: v for k, v in clause.provisions.items() if k not in derived})
    stated = stated_data(clause)
    if stated:
        out["stated_by"] = stated
    if clause.children:
        out["clauses"] = [clause_data(c) for c in clause.children]
    return out


_clause_data = clause_data  # the name the wording grammar imported before it was public


def dump_data(version: Version) -> dict[str, Any]:
    """The version as plain data in the rule book format.

    Examples
    --------
    >>> text = '''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... '''
    >>> dump_data(loads(text))["clauses"]
    [{'id': 'fee', 'text': 'The fee is 15 pounds.', 'provisions': {'fees.annual': 15}}]
    """
    out: dict[str, Any] = {"rulebook": version.rulebook}
    if version.title is not None:
        out["title"] = version.title
    out["version"] = version.label
    if version.effective is not None:
        out["effective"] = version.effective
    if version.source is not None:
        out["source"] = version.source
    out["numbering"] = [
        {
            "style": lv.style,
            **({"label": lv.label} if lv.label is not None else {}),
            **({"join": lv.join} if lv.join is not None else {}),
        }
        for lv in version.numbering
    ]
    if version.citations:
        out["citations"] = list(version.citations)
    if version.invariants:
        out["invariants"] = [
            {
                k: v
                for k, v in (
                    ("name", inv.name),
                    ("description", inv.description),
                    ("clause", inv.clause),
                    ("provision", inv.provision),
                    ("path", inv.path),
                    ("sum", inv.sum or None),
                    ("min", inv.min),
                    ("max", inv.max),
                    ("odd", inv.odd or None),
                )
                if v is not None
            }
            for inv in version.invariants
        ]
    out["clauses"] = [clause_data(c) for c in version.clauses]
    return out


def dumps(version: Version) -> str:
    """The version as rule book YAML text (loads back to an equal version).

    Examples
    --------
    >>> text = '''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... '''
    >>> v = loads(text)
    >>> print(dumps(v))
    rulebook: club
    version: '1'
    numbering:
    - style: arabic
      label: Rule {n}
    clauses:
    - id: fee
      text: The fee is 15 pounds.
      provisions:
        fees.annual: 15
    <BLANKLINE>
    >>> loads(dumps(v)) == v
    True
    """
    import yaml  # only to write: reading a book does without it (docs/architecture.md, "Speed")

    dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
    return yaml.dump(dump_data(version), Dumper=dumper, sort_keys=False, allow_unicode=True, width=100)


def save(version: Version, path: str | Path) -> None:
    """Write the version to a rule book YAML file, atomically.

    Examples
    --------
    >>> text = '''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
    ... '''
    >>> import tempfile
    >>> from pathlib import Path
    >>> v = loads(text)
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     save(v, Path(tmp, "club.yaml"))
    ...     load_file(Path(tmp, "club.yaml")) == v
    True
    """
    write_atomically(path, dumps(version))
