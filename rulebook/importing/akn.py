"""Reading an Akoma Ntoso 3.0 document back into a version (docs/import.md, "Akoma Ntoso").

A document that rulebook wrote carries its numbering scheme, pinned numbers
and provisions in ``<proprietary>``, and imports to an equal version. Any
other Akoma Ntoso act or document is read from its hierarchy: each element
with a ``<num>`` is a clause (its ``eId`` the id), each depth labelled for its
element (``chapter`` gives ``Chapter {n}``; ``hcontainer`` and ``paragraph``
none) and styled as its numbers are; ``<ref href="#eId">`` becomes ``[[eId]]``.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> from rulebook.render.akn import to_akn
>>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha")],
...     [Clause("fee", heading="Fees", text="Ten pounds; see [[fee.late]].", provisions={"fee": 10},
...             children=[Clause("fee.late", text="Late payers pay double.")])])
>>> from_akn(to_akn(v), "club.xml") == v
True
"""

from __future__ import annotations

import json
import re
from collections import Counter
from typing import Any

from lxml import etree

from rulebook.errors import RulebookError
from rulebook.importing.markers import style_candidates
from rulebook.io.rulebook import ID_PATTERN
from rulebook.model import Clause, Level, Version
from rulebook.render.akn import AKN, RB

__all__ = ["from_akn", "is_akn"]

_NOT_CLAUSES = frozenset({"num", "heading", "subheading", "content", "intro", "wrapUp", "crossHeading"})
_UNLABELLED = frozenset({"hcontainer", "paragraph", "subparagraph", "point", "list", "indent", "alinea"})


def is_akn(text: str) -> bool:
    """Whether a text is an Akoma Ntoso document (its root element in the Akoma Ntoso namespace).

    Examples
    --------
    >>> is_akn('<akomaNtoso xmlns="http://docs.oasis-open.org/legaldocml/ns/akn/3.0"/>'), is_akn("<html/>")
    (True, False)
    """
    return "<akomaNtoso" in text[:2000] and AKN in text[:4000]


def _local(node: Any) -> str:
    return str(etree.QName(node).localname) if isinstance(node.tag, str) else ""


def _text(block: Any, exact: bool) -> str:
    """The words of a ``<p>``, references as ``[[id]]`` (spaces kept as they are when ``exact``)."""
    out = [block.text or ""]
    for child in block:
        href = child.get("href", "") if _local(child) == "ref" else ""
        if href.startswith("#") and ID_PATTERN.match(href[1:]):
            out.append(f"[[{href[1:]}]]")
        else:
            out.append("".join(child.itertext()))
        out.append(child.tail or "")
    joined = "".join(out)
    return joined if exact else " ".join(joined.split())


def _words(node: Any, exact: bool) -> str | None:
    paras = [_text(p, exact) for p in node.iter(f"{{{AKN}}}p")]
    joined = "\n\n".join(p for p in paras if p)
    return joined or None


class _Reader:
    def __init__(self, exact: bool) -> None:
        self.exact = exact  # a document rulebook wrote: its words are exactly the clause's
        self.count = 0
        self.depth_names: list[Counter[str]] = []
        self.depth_tokens: list[list[str]] = []
        self.numbers: dict[str, str] = {}

    def clause(self, node: Any, depth: int) -> Clause:
        self.count += 1
        cid = node.get("eId") or f"clause{self.count}"
        while len(self.depth_names) <= depth:
            self.depth_names.append(Counter())
            self.depth_tokens.append([])
        self.depth_names[depth][_local(node)] += 1
        heading = text = None
        children = []
        for child in node:
            name = _local(child)
            if name == "num":
                token = (
                    re.sub(r"[^\w]", "", "".join(child.itertext()).split()[-1])
                    if "".join(child.itertext()).split()
                    else ""
                )
                self.numbers[cid] = token
                self.depth_tokens[depth].append(token)
            elif name == "heading":
                heading = " ".join("".join(child.itertext()).split()) or None
            elif name in ("content", "intro"):
                text = _words(child, self.exact)
            elif name and name not in _NOT_CLAUSES:
                children.append(self.clause(child, depth + 1))
        return Clause(cid, heading=heading, text=text, children=tuple(children))


def _levels(reader: _Reader) -> tuple[Level, ...]:
    out = []
    for names, tokens in zip(reader.depth_names, reader.depth_tokens, strict=True):
        name = names.most_common(1)[0][0]
        label = None if name in _UNLABELLED else f"{name.capitalize()} {{n}}"
        styles = Counter(s for t in tokens for s in style_candidates(t)[:1])
        out.append(Level(styles.most_common(1)[0][0] if styles else "arabic", label))
    return tuple(out)


def from_akn(text: str, file: str) -> Version:
    """The version an Akoma Ntoso document holds (see the module docs).

    Raises
    ------
    RulebookError
        Not well-formed XML, or no ``<body>`` or ``<mainBody>``.
    """
    parser = etree.XMLParser(resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(text.encode("utf-8"), parser)
    except etree.XMLSyntaxError as exc:
        raise RulebookError(f"not well-formed XML: {exc}", file=file, line=exc.lineno) from None
    body = next(root.iter(f"{{{AKN}}}body", f"{{{AKN}}}mainBody"), None)
    if body is None:
        raise RulebookError("an Akoma Ntoso document without <body> or <mainBody>; nothing to import", file=file)
    book = next(root.iter(f"{{{RB}}}rulebook"), None)
    reader = _Reader(exact=book is not None)
    clauses = tuple(reader.clause(node, 0) for node in body if _local(node) and _local(node) not in _NOT_CLAUSES)
    name = re.sub(r"[^\w-]+", "-", file.rsplit("/", 1)[-1].rsplit(".", 1)[0].lower()) or "rulebook"
    if book is None:
        from rulebook.importing.pins import pin_printed

        levels = _levels(reader) or (Level("arabic"),)
        title = next((" ".join(t.itertext()) for t in root.iter(f"{{{AKN}}}docTitle")), None)
        return Version(name, "1", levels, pin_printed(clauses, levels, reader.numbers), title=title,
                       source=f"Imported from {file.rsplit('/', 1)[-1]}")  # fmt: skip
    levels = tuple(Level(e.get("style", "arabic"), e.get("label")) for e in book.iter(f"{{{RB}}}level"))
    pins = {e.get("clause"): e.get("number") for e in book.iter(f"{{{RB}}}pinned")}
    held: dict[str, dict[str, Any]] = {}
    for e in book.iter(f"{{{RB}}}provision"):
        held.setdefault(e.get("clause", ""), {})[e.get("name", "")] = json.loads(e.text or "null")

    def restore(clause: Clause) -> Clause:
        return Clause(clause.id, heading=clause.heading, text=clause.text, provisions=held.get(clause.id, {}),
                      children=tuple(restore(c) for c in clause.children), number=pins.get(clause.id))  # fmt: skip

    return Version(
        book.get("name", name),
        book.get("version", "1"),
        levels,
        tuple(restore(c) for c in clauses),
        title=book.get("title"),
        source=book.get("source"),
    )
