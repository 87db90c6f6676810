"""The ``stated_by`` key of a clause: which words state which provision values.

Read when a rule book or motion file is loaded, written when a version is
saved (docs/file-format.md, docs/provisions.md)::

    stated_by:
      leadership.nominations.challenge.share: "20 per cent"
      conference.weights.CLPs: {words: "50 per cent", occurrence: 2}
      nec.seats: {from: sub-clauses, names: {ch1.nec.composition.bame: bame_labour}}
      nec.women_minimum: {from: sub-clauses, read: women}
      nec.quorum: {unstated: "the words 'Six' were deleted"}   # written by save

Examples
--------
>>> from rulebook.io.yamlsrc import parse
>>> item = parse('stated_by: {fee.amount: "5 pounds", nec.seats: {from: sub-clauses}}', "b.yaml")
>>> [(s.provision, s.path, s.words, s.source) for s in read_stated_by(item, "fees", {"fee": {"amount": 5}})]
[('fee', ('amount',), '5 pounds', 'words'), ('nec.seats', (), None, 'sub-clauses')]
"""

from __future__ import annotations

from typing import Any

from rulebook.errors import SchemaError
from rulebook.io.yamlsrc import Mapping
from rulebook.model import Clause
from rulebook.statement import Stated

__all__ = ["read_stated_by", "stated_data"]

_READS = ("seats", "women")


def _split(leaf: str, provisions: Any) -> tuple[str, tuple[str | int, ...]] | None:
    """(provision, path) for a dotted leaf name: the longest provision name it starts with."""
    names = sorted((n for n in provisions if leaf == n or leaf.startswith(n + ".")), key=len, reverse=True)
    if not names:
        return None
    name = names[0]
    path: list[str | int] = []
    node = provisions[name]
    for part in leaf[len(name) + 1 :].split(".") if leaf != name else []:
        key: str | int = int(part) if isinstance(node, list | tuple) and part.isdigit() else part
        path.append(key)
        try:
            node = node[key]
        except (KeyError, IndexError, TypeError):
            return None
    return name, tuple(path)


def read_stated_by(item: Mapping, cid: str, provisions: Any) -> list[Stated]:
    """The bindings written under a clause's ``stated_by`` (see the module doc).

    Raises
    ------
    SchemaError
        Naming the file and line: a value that names no provision value, a
        form that is neither words nor ``from: sub-clauses``.
    """
    entries = item.get_typed("stated_by", dict, f"clause {cid!r}", default={})
    out: list[Stated] = []
    for leaf, spec in entries.items():
        line = entries.line_of(leaf) if isinstance(entries, Mapping) else item.line

        def fail(message: str, line: int = line, leaf: str = leaf) -> SchemaError:
            return SchemaError(f"clause {cid!r}: stated_by {leaf}: {message}", file=item.file, line=line)

        if isinstance(spec, dict) and "from" in spec:
            if spec["from"] != "sub-clauses" or set(spec) - {"from", "names", "read"}:
                raise fail("write {from: sub-clauses}, with optional names: {SUB-CLAUSE: SECTION}, read: seats|women")
            names = spec.get("names") or {}
            if not isinstance(names, dict) or not all(isinstance(v, str) for v in names.values()):
                raise fail("names maps sub-clause ids to section names")
            read = spec.get("read", "seats")
            if read not in _READS:
                raise fail(f"read must be seats or women, not {read!r}")
            out.append(Stated(str(leaf), source="sub-clauses", names=dict(names), read=read, explicit=True))
            continue
        if isinstance(spec, dict) and set(spec) == {"unstated"}:
            split = _split(str(leaf), provisions)
            if split is None or not isinstance(spec["unstated"], str):
                raise fail("{unstated: REASON} marks a value of the clause's provisions that its words no longer state")
            out.append(Stated(split[0], split[1], lost=spec["unstated"], explicit=True))
            continue
        if isinstance(spec, dict):
            if set(spec) - {"words", "occurrence"} or not isinstance(spec.get("words"), str):
                raise fail("write the words that state the value, or {words: WORDS, occurrence: N}")
            words, occurrence = spec["words"], spec.get("occurrence")
            if occurrence is not None and (isinstance(occurrence, bool) or not isinstance(occurrence, int)):
                raise fail(f"occurrence must be a whole number from 1, not {occurrence!r}")
        elif isinstance(spec, str | int | float) and not isinstance(spec, bool):
            words, occurrence = str(spec), None
        else:
            raise fail("write the words that state the value, or {words: WORDS, occurrence: N}")
        split = _split(str(leaf), provisions)
        if split is None:
            raise fail(
                "names no value of the clause's provisions; write the provision's name and the keys "
                "down to the number (e.g. leadership.nominations.challenge.share)"
            )
        out.append(Stated(split[0], split[1], words=words, occurrence=occurrence, explicit=True))
    return out


def stated_data(clause: Clause) -> dict[str, Any]:
    """The ``stated_by`` mapping to save for ``clause``: the bindings written explicitly
    or to one occurrence of a phrase said more than once (reading binds only a
    phrase said once), and the values its words no longer state (``{unstated:
    REASON}``); the other bindings are found again when the file is read.

    Examples
    --------
    >>> c = Clause("q", text="Six.", provisions={"q": 6}, stated=[Stated("q", words="Six", explicit=True)])
    >>> stated_data(c)
    {'q': 'Six'}
    """
    out: dict[str, Any] = {}
    for s in clause.stated:
        if s.source == "sub-clauses":
            spec: dict[str, Any] = {"from": "sub-clauses"}
            if s.names:
                spec["names"] = dict(s.names)
            if s.read != "seats":
                spec["read"] = s.read
            out[s.leaf] = spec
        elif not s.is_stated:
            out[s.leaf] = {"unstated": s.lost}
        elif (s.explicit or s.occurrence is not None) and s.words is not None:  # an occurrence is not found again
            out[s.leaf] = s.words if s.occurrence is None else {"words": s.words, "occurrence": s.occurrence}
    return out
