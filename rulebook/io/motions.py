"""Load and save motion and ruling files (docs/motions.md).

Examples
--------
>>> ms = loads('''
... motion: cut
... base: "2016"
... amendments:
...   - {op: replace_words, clause: "Rule 1", old: "15 per cent", new: "10 per cent"}
... ''', "m.yaml")
>>> ms[0].id, ms[0].amendments[0].line
('cut', 5)
"""

from __future__ import annotations

import datetime as dt
import difflib
from pathlib import Path
from typing import Any

import attrs

from rulebook.amend.motion import OPERATIONS, OPS, OUTCOMES, Amendment, Motion, Operation
from rulebook.errors import SchemaError, WordingError
from rulebook.io.rulebook import clause_data, parse_clause
from rulebook.io.yamlsrc import Mapping, Seq, gc_paused, parse, read
from rulebook.model import thaw

__all__ = ["amendment_data", "dump_data", "dumps", "from_data", "load_file", "loads"]

_MOTION_KEYS = ("motion", "ruling", "title", "proposer", "seconder", "base", "date", "urgent",
                "authority", "source", "note", "amendments", "outcome")  # fmt: skip
_MOTION_KEY_SET = frozenset(_MOTION_KEYS)


def _text(entry: Mapping, key: str, what: str) -> str | None:
    value = entry.get(key)
    if value is None or type(value) is str:
        return value
    if isinstance(value, bool) or not isinstance(value, str | int | float):
        raise entry.error(f"{what}: {key!r} must be text", key)
    return str(value)


def _amendment(entry: Any, seq: Seq, index: int, motion_id: str, kind: str, keys: _KeyCache) -> list[Amendment]:
    what = f"amendment {index + 1} of {kind} {motion_id}"
    if not isinstance(entry, Mapping):
        raise SchemaError(
            f"{what}: an amendment is a mapping with 'op' (or 'wording')", file=seq.file, line=seq.line_of(index)
        )
    if "wording" in entry and "op" not in entry:
        entry.check_keys(("wording",), what=f"{what} (a wording amendment has only 'wording')")
        wording = _text(entry, "wording", what) or ""
        from rulebook.amend.wording import parse_wording

        try:
            parsed = parse_wording(wording)
        except WordingError as exc:
            raise SchemaError(f"{what}: {exc.message}", file=entry.file, line=entry.line_of("wording")) from None
        if any(a.anchor is None if a.op == "insert_clause" else a.clause is None for a in parsed):
            raise SchemaError(
                f"{what}: the wording names no clause; start it with the clause, as in \"Rule 2: delete 'x'\"",
                file=entry.file,
                line=entry.line_of("wording"),
            )
        return [Amendment(**{**_fields(a), "wording": wording, "line": entry.line_of("wording")}) for a in parsed]
    if "op" not in entry:
        raise entry.error(f"{what} has neither 'op' nor 'wording'; add one")
    op = entry["op"]
    known = keys.get(op) if isinstance(op, str) else None
    if known is None:
        if not isinstance(op, str) or op not in OPERATIONS:
            near = difflib.get_close_matches(str(op), list(OPS), n=1)
            hint = f"; did you mean {near[0]!r}?" if near else f" (operations: {', '.join(OPS)})"
            raise entry.error(f"{what}: unknown operation {op!r}{hint}", "op")
        known = keys[op] = _Keys(OPERATIONS[op])
    spec = known.spec
    if kind == "ruling" and not spec.ruling:
        raise entry.error(f"{what}: a ruling may only set_provision or remove_provision, not {op}", "op")
    required = spec.required
    throughout = entry.get("throughout")
    if throughout is not None:  # "... throughout the rule book": every clause, so none is named
        if throughout is not True or "clause" in entry:
            raise entry.error(f"{what}: 'throughout' is true, and then no 'clause' is given", "throughout")
        required = tuple(k for k in required if k != "clause")
    if not known.allowed_set.issuperset(entry) or not entry.keys() >= set(required):
        entry.check_keys(known.allowed, required, what=f"{what} ({op})")  # it names the first key amiss
    for key in required:
        if key != "value" and entry[key] is None:  # a null value is a value; a null clause or phrase is not
            raise entry.error(f"{what} ({op}): {key!r} is empty; give it a value", key)
    if spec.anchors:
        for key in spec.anchors:  # a null anchor places nothing, and would not be written back (docs/motions.md)
            if key in entry and entry[key] is None:
                raise entry.error(f"{what} ({op}): {key!r} is empty; give it a value or leave it out", key)
        if sum(k in entry for k in spec.anchors) != 1:
            raise entry.error(f"{what} ({op}) needs exactly one of {', '.join(spec.anchors)}")
    if entry.get("at", "end") not in ("end", "start"):
        raise entry.error(f"{what}: 'at' is 'end' or 'start' (of the clause's text)", "at")
    if entry.get("part", "text") not in ("text", "heading"):
        raise entry.error(f"{what}: 'part' is 'text' or 'heading' (where the words are)", "part")
    occurrence = entry.get("occurrence")
    if occurrence is None or (occurrence == "all" and op == "replace_words"):
        pass  # the only one, or every occurrence (docs/motions.md)
    elif isinstance(occurrence, bool) or not isinstance(occurrence, int) or occurrence < 1:
        every = " (or 'all', for replace_words)" if op != "replace_words" else " or 'all'"
        raise entry.error(f"{what}: 'occurrence' must be a whole number from 1{every}", "occurrence")
    fields: dict[str, Any] = {"op": op, "line": entry.line, "occurrence": occurrence, "throughout": throughout}
    for key in known.text:
        if key in entry:
            value = entry[key]
            fields[key] = value if value is None or type(value) is str else _text(entry, key, what)
    if op == "insert_clause":
        new = entry["clause"]
        if not isinstance(new, Mapping):
            raise entry.error(f"{what}: 'clause' must be the new clause: {{id, heading, text, ...}}", "clause")
        holder = Seq([new])
        holder.file, holder.line, holder.lines = entry.file, entry.line_of("clause"), [new.line]
        fields["new_clause"] = parse_clause(new, holder, 0, 0, None)
    else:
        clause = entry.get("clause")
        fields["clause"] = clause if clause is None or type(clause) is str else _text(entry, "clause", what)
    if op == "set_provision":
        fields["value"] = entry["value"]
    if op == "replace_text" and "text" not in entry and "heading" not in entry:
        raise entry.error(f"{what} (replace_text) needs 'text'")
    return [Amendment(**fields)]


class _Keys:
    """An operation, and the keys an amendment with it may have, worked out once per file."""

    __slots__ = ("allowed", "allowed_set", "plain", "spec", "text")

    def __init__(self, spec: Operation) -> None:
        self.spec = spec
        self.allowed = ("op", *spec.fields, "wording")
        self.allowed_set = frozenset(self.allowed)
        #: the fields read as text, as declared, then the wording
        self.text = (*(k for k in spec.fields if k not in ("clause", "value", "occurrence", "throughout")), "wording")
        #: the keys whose text, whatever it says, is the field as it is (see _Cache.shapes)
        self.plain = (
            frozenset(("op", "clause", *self.text)) - {"at", "part", "line"}
            if spec.name not in ("insert_clause", "set_provision")
            else frozenset()
        )


class _Cache:
    """What one file's checks worked out once: each operation's keys, and the shapes of
    amendment that passed every check with nothing but text in them.

    A shape is the kind of motion, the operation and the keys in order. Every check
    of an amendment whose keys are all among its operation's ``plain`` keys depends
    on its shape alone once each value is text, so an amendment of a shape met
    before with text values passes them all, and becomes the amendment its fields
    spell; any other goes through :func:`_amendment`, which names what is amiss.
    """

    __slots__ = ("ops", "shapes")

    def __init__(self) -> None:
        self.ops: dict[str, _Keys] = {}
        self.shapes: set[tuple[str, ...]] = set()


_KeyCache = dict[str, _Keys]
_TEXT_ONLY = frozenset((str,))
_TEXT_OR_NONE = frozenset((str, type(None)))
_MOTION_TEXTS = ("title", "proposer", "base", "authority", "source")


def _fields(a: Amendment) -> dict[str, Any]:
    return attrs.asdict(a, recurse=False)


def _urgent(entry: Mapping, kind: str, mid: str) -> bool:
    return bool(entry.get_typed("urgent", bool, f"{kind} {mid}", default=False)) if "urgent" in entry else False


def _motion(entry: Any, file: str, line: int, cache: _Cache) -> Motion:
    if not isinstance(entry, Mapping):
        raise SchemaError("a motion is a mapping with 'motion' (or 'ruling') and 'amendments'", file=file, line=line)
    if not _MOTION_KEY_SET.issuperset(entry):
        entry.check_keys(_MOTION_KEYS, what="motion")  # it names the first unknown key
    kind = "ruling" if "ruling" in entry else "motion"
    if kind == "ruling" and "motion" in entry:
        raise entry.error("a file entry is either a 'motion' or a 'ruling', not both")
    if kind not in entry:
        raise entry.error("a motion needs 'motion: ID' (or 'ruling: ID' for a ruling)")
    mid = entry[kind]
    if type(mid) is not str:
        mid = _text(entry, kind, kind) or ""
    if not mid:
        raise entry.error(f"{kind} id is empty", kind)
    date = None
    if "date" in entry:
        date = entry.get_typed("date", dt.date, f"{kind} {mid}")
        if isinstance(date, dt.datetime):
            date = date.date()
    if kind == "ruling" and not _text(entry, "authority", kind):
        raise entry.error(f"ruling {mid} needs 'authority' (who made it, and when)")
    items = entry.get("amendments")
    if not isinstance(items, Seq) or not items:
        raise entry.error(
            f"{kind} {mid} needs 'amendments': a non-empty list", "amendments" if items is not None else None
        )
    amendments: list[Amendment] = []
    shapes, text_only = cache.shapes, _TEXT_ONLY.issuperset
    for i, item in enumerate(items):
        if type(item) is Mapping and text_only(map(type, item.values())):
            shape = (kind, item.get("op", ""), *item)
            if shape in shapes:  # it passes every check (see _Cache)
                amendments.append(Amendment(**item, line=item.line))
                continue
            amendments.extend(_amendment(item, items, i, mid, kind, cache.ops))
            known = cache.ops.get(shape[1]) if "op" in item else None
            if known is not None and known.plain.issuperset(item):
                shapes.add(shape)
        else:
            amendments.extend(_amendment(item, items, i, mid, kind, cache.ops))
    outcome = entry.get("outcome")
    if type(outcome) is not str:
        outcome = _text(entry, "outcome", kind)
    outcome = outcome or "carried"
    if outcome not in OUTCOMES:
        raise entry.error(f"{kind} {mid}: outcome {outcome!r} is not one of {', '.join(OUTCOMES)}", "outcome")
    if kind == "ruling" and outcome != "carried":
        raise entry.error(f"ruling {mid}: a ruling has no outcome; it binds from its date", "outcome")
    texts = tuple(map(entry.get, _MOTION_TEXTS))
    if _TEXT_OR_NONE.issuperset(map(type, texts)):
        title, proposer, base, authority, source = texts
        urgent = _urgent(entry, kind, mid) if "urgent" in entry else False
    else:  # checked in this order, so that the first amiss is named
        title, proposer, base = (_text(entry, key, kind) for key in _MOTION_TEXTS[:3])
        urgent = _urgent(entry, kind, mid)
        authority, source = (_text(entry, key, kind) for key in _MOTION_TEXTS[3:])
    return Motion(
        id=mid,
        outcome=outcome,
        amendments=tuple(amendments),
        title=title,
        proposer=proposer,
        base=base,
        date=date,
        urgent=urgent,
        kind=kind,
        authority=authority,
        source=source,
        file=file,
        line=entry.line,
    )


def from_data(doc: Any, file: str) -> tuple[Motion, ...]:
    """Motions from located YAML data: one motion or ruling, or a list under
    ``motions:`` (or ``rulings:``).

    Examples
    --------
    >>> text = '''
    ... motion: cut
    ... base: "1"
    ... amendments:
    ...   - {op: replace_words, clause: "Rule 1", old: "15", new: "10"}
    ...   - {wording: "Rule 1: delete 'pounds' and insert 'euros'"}
    ... '''
    >>> from rulebook.io.yamlsrc import parse
    >>> [m.id for m in from_data(parse(text, "cut.yaml"), "cut.yaml")]
    ['cut']
    """
    if not isinstance(doc, Mapping):
        raise SchemaError("a motion file is a mapping: 'motion: ID' ..., or 'motions:' a list", file=file, line=1)
    cache = _Cache()
    for key in ("motions", "rulings"):
        if key in doc:
            doc.check_keys((key,), what="motion file")
            items = doc[key]
            if not isinstance(items, Seq) or not items:
                raise doc.error(f"{key!r} must be a non-empty list of {key}", key)
            motions = tuple(_motion(m, file, items.line_of(i), cache) for i, m in enumerate(items))
            break
    else:
        motions = (_motion(doc, file, 1, cache),)
    seen: dict[str, int] = {}
    for m in motions:
        if m.id in seen:
            raise SchemaError(
                f"{m.kind} id {m.id!r} is used twice in this file (line {seen[m.id]})", file=file, line=m.line
            )
        seen[m.id] = m.line or 0
    return motions


def loads(text: str, file: str = "<string>") -> tuple[Motion, ...]:
    """Load motions from YAML text.

    Examples
    --------
    >>> text = '''
    ... motion: cut
    ... base: "1"
    ... amendments:
    ...   - {op: replace_words, clause: "Rule 1", old: "15", new: "10"}
    ...   - {wording: "Rule 1: delete 'pounds' and insert 'euros'"}
    ... '''
    >>> (m,) = loads(text, "cut.yaml")
    >>> m.id, m.base, [(a.op, a.old, a.new) for a in m.amendments]
    ('cut', '1', [('replace_words', '15', '10'), ('replace_words', 'pounds', 'euros')])
    """
    with gc_paused():
        return from_data(parse(text, file), file)


def load_file(path: str | Path) -> tuple[Motion, ...]:
    """Load motions from a file.

    Examples
    --------
    >>> text = '''
    ... motion: cut
    ... base: "1"
    ... amendments:
    ...   - {op: replace_words, clause: "Rule 1", old: "15", new: "10"}
    ...   - {wording: "Rule 1: delete 'pounds' and insert 'euros'"}
    ... '''
    >>> import tempfile
    >>> from pathlib import Path
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     path = Path(tmp, "cut.yaml")
    ...     _ = path.write_text(text)
    ...     [(m.id, m.file == str(path), m.line) for m in load_file(path)]
    [('cut', True, 2)]
    """
    with gc_paused():
        return from_data(read(path), str(path))


def amendment_data(a: Amendment) -> dict[str, Any]:
    """One amendment as plain data in the motion file format: its ``op`` and the
    fields that operation takes, ``clause`` holding a new clause's data.

    Examples
    --------
    >>> amendment_data(Amendment("replace_words", clause="Rule 1", old="15", new="10"))
    {'op': 'replace_words', 'clause': 'Rule 1', 'old': '15', 'new': '10'}
    """
    out: dict[str, Any] = {"op": a.op}
    for key in OPS[a.op]:
        if key == "clause" and a.op == "insert_clause":
            continue
        value = getattr(a, key)
        if value is not None or (key == "value" and a.op == "set_provision"):  # a null value is still a value
            out[key] = thaw(value)
    if a.new_clause is not None:
        out["clause"] = clause_data(a.new_clause)
    if a.wording is not None:
        out["wording"] = a.wording
    return out


def dump_data(motion: Motion) -> dict[str, Any]:
    """A motion as plain data in the motion file format (wording kept as a comment field).

    Examples
    --------
    >>> text = '''
    ... motion: cut
    ... base: "1"
    ... amendments:
    ...   - {op: replace_words, clause: "Rule 1", old: "15", new: "10"}
    ...   - {wording: "Rule 1: delete 'pounds' and insert 'euros'"}
    ... '''
    >>> dump_data(loads(text)[0])["amendments"][0]
    {'op': 'replace_words', 'clause': 'Rule 1', 'old': '15', 'new': '10'}
    """
    out: dict[str, Any] = {motion.kind: motion.id}
    for key in ("title", "proposer", "base", "date", "authority", "source"):
        value = getattr(motion, key)
        if value is not None:
            out[key] = value
    if motion.urgent:
        out["urgent"] = True
    if not motion.carried:
        out["outcome"] = motion.outcome
    out["amendments"] = [amendment_data(a) for a in motion.amendments]
    return out


def dumps(motions: tuple[Motion, ...] | list[Motion]) -> str:
    """Motions as YAML text: one motion, or a ``motions:`` list.

    Examples
    --------
    >>> text = '''
    ... motion: cut
    ... base: "1"
    ... amendments:
    ...   - {op: replace_words, clause: "Rule 1", old: "15", new: "10"}
    ...   - {wording: "Rule 1: delete 'pounds' and insert 'euros'"}
    ... '''
    >>> print(dumps(loads(text)))
    motion: cut
    base: '1'
    amendments:
    - op: replace_words
      clause: Rule 1
      old: '15'
      new: '10'
    - op: replace_words
      clause: Rule 1
      old: pounds
      new: euros
      wording: 'Rule 1: delete ''pounds'' and insert ''euros'''
    <BLANKLINE>
    """
    data: Any = dump_data(motions[0]) if len(motions) == 1 else {"motions": [dump_data(m) for m in motions]}
    import yaml  # only to write: reading motions does without it (docs/architecture.md, "Speed")

    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)
