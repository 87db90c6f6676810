"""Akoma Ntoso 3.0 (OASIS LegalDocML) export of a version, so a rule book can
move to legislative tools (docs/import.md, "Akoma Ntoso").

The book is an ``<act name="rulebook">``: each clause a hierarchical element
named for its level's label (``chapter``, ``clause``, ``article``, ``section``,
``part``, ``rule``, ``paragraph``; ``hcontainer`` for other or unlabelled
levels) with its stable id as ``eId``, its printed number in ``<num>``, its
heading in ``<heading>`` and its words in ``<content>`` (or ``<intro>`` before
its children); ``[[id]]`` references are ``<ref href="#id">``. What Akoma Ntoso
has no place for (the numbering scheme, pinned numbers, provisions) goes in
``<proprietary>`` in rulebook's own namespace, so the import restores the
version exactly.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", heading="Fees", text="See [[fee]].")])
>>> xml = to_akn(v)
>>> '<rule eId="fee">' in xml, '<ref href="#fee">Rule 1</ref>' in xml
(True, True)
"""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

from lxml import etree

from rulebook.model import Clause, Level, Version, thaw
from rulebook.numbering import all_citations, numbers
from rulebook.refs import REF

__all__ = ["AKN", "RB", "element_for", "to_akn"]

AKN = "http://docs.oasis-open.org/legaldocml/ns/akn/3.0"
RB = "urn:rulebook:akn:1"
_ELEMENTS = ("chapter", "clause", "article", "section", "part", "rule", "paragraph", "title", "division")


def element_for(level: Level) -> str:
    """The Akoma Ntoso element for clauses of a level: its label's word when
    Akoma Ntoso has an element of that name, else ``hcontainer``.

    Examples
    --------
    >>> element_for(Level("upper-roman", "Clause {n}")), element_for(Level("arabic"))
    ('clause', 'hcontainer')
    """
    if level.label:
        word = level.label.replace("{n}", "").strip().lower()
        if word in _ELEMENTS:
            return word
    return "hcontainer"


def _a(tag: str) -> str:
    return f"{{{AKN}}}{tag}"


def _r(tag: str) -> str:
    return f"{{{RB}}}{tag}"


def _paragraph(parent: Any, version: Version, text: str, cites: dict[str, str]) -> None:
    p = etree.SubElement(parent, _a("p"))
    last: Any = None
    pos = 0
    for m in REF.finditer(text):
        chunk = text[pos : m.start()]
        if last is None:
            p.text = (p.text or "") + chunk
        else:
            last.tail = (last.tail or "") + chunk
        target = m.group(1)
        last = etree.SubElement(p, _a("ref"), href=f"#{target}")
        last.text = cites.get(target, target)
        pos = m.end()
    if last is None:
        p.text = (p.text or "") + text[pos:]
    else:
        last.tail = (last.tail or "") + text[pos:]


def _clause(parent: Any, version: Version, clause: Clause, number: str, depth: int, cites: dict[str, str]) -> None:
    level = version.numbering[depth]
    name = element_for(level)
    node = etree.SubElement(parent, _a(name), eId=clause.id)
    if name == "hcontainer":
        node.set("name", f"level{depth + 1}")
    etree.SubElement(node, _a("num")).text = number
    if clause.heading is not None:
        etree.SubElement(node, _a("heading")).text = clause.heading
    if clause.children:
        if clause.text:
            intro = etree.SubElement(node, _a("intro"))
            for para in clause.text.split("\n\n"):
                _paragraph(intro, version, para, cites)
        level_below = version.numbering[depth + 1]
        for child, child_number in zip(clause.children, numbers(clause.children, level_below), strict=True):
            _clause(node, version, child, child_number, depth + 1, cites)
    else:
        content = etree.SubElement(node, _a("content"))
        for para in (clause.text or "").split("\n\n"):
            _paragraph(content, version, para, cites)


def _frbr(parent: Any, tag: str, this: str, uri: str, date: str, extra: dict[str, str] | None = None) -> None:
    node = etree.SubElement(parent, _a(tag))
    etree.SubElement(node, _a("FRBRthis"), value=this)
    etree.SubElement(node, _a("FRBRuri"), value=uri)
    etree.SubElement(node, _a("FRBRdate"), date=date, name="version")
    etree.SubElement(node, _a("FRBRauthor"), href="#rulebook")
    if tag == "FRBRWork":
        etree.SubElement(node, _a("FRBRcountry"), value="xx")
    if tag == "FRBRExpression":
        etree.SubElement(node, _a("FRBRlanguage"), language="eng")


def _proprietary(meta: Any, version: Version) -> None:
    prop = etree.SubElement(meta, _a("proprietary"), source="#rulebook")
    book = etree.SubElement(prop, _r("rulebook"), name=version.rulebook, version=version.label)
    if version.title is not None:
        book.set("title", version.title)
    if version.source is not None:
        book.set("source", version.source)
    for level in version.numbering:
        entry = etree.SubElement(book, _r("level"), style=level.style)
        if level.label is not None:
            entry.set("label", level.label)
    stack = list(reversed(version.clauses))
    while stack:
        clause = stack.pop()
        if clause.number is not None:
            etree.SubElement(book, _r("pinned"), clause=clause.id, number=clause.number)
        for name, value in clause.provisions.items():
            held = etree.SubElement(book, _r("provision"), clause=clause.id, name=name)
            held.text = json.dumps(thaw(value), default=str, sort_keys=True)
        stack.extend(reversed(clause.children))


def to_akn(version: Version) -> str:
    """The version as an Akoma Ntoso 3.0 document (see the module docs)."""
    date = (version.effective or dt.date(1900, 1, 1)).isoformat()
    slug = re.sub(r"[^\w-]+", "-", version.rulebook)
    work = f"/akn/xx/act/rulebook/{slug}"
    root = etree.Element(_a("akomaNtoso"), nsmap={None: AKN, "rb": RB})
    act = etree.SubElement(root, _a("act"), name="rulebook")
    meta = etree.SubElement(act, _a("meta"))
    ident = etree.SubElement(meta, _a("identification"), source="#rulebook")
    _frbr(ident, "FRBRWork", f"{work}/main", work, date)
    _frbr(ident, "FRBRExpression", f"{work}/eng@{date}/main", f"{work}/eng@{date}", date)
    _frbr(ident, "FRBRManifestation", f"{work}/eng@{date}/main.xml", f"{work}/eng@{date}/main.xml", date)
    refs = etree.SubElement(meta, _a("references"), source="#rulebook")
    etree.SubElement(refs, _a("TLCOrganization"), eId="rulebook", href="/ontology/organization/rulebook",
                     showAs="rulebook")  # fmt: skip
    _proprietary(meta, version)
    if version.title:
        preface = etree.SubElement(act, _a("preface"))
        etree.SubElement(etree.SubElement(preface, _a("p")), _a("docTitle")).text = version.title
    body = etree.SubElement(act, _a("body"))
    cites = all_citations(version)
    if version.clauses:
        for clause, number in zip(version.clauses, numbers(version.clauses, version.numbering[0]), strict=True):
            _clause(body, version, clause, number, 0, cites)
    data: bytes = etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)
    return data.decode("utf-8")
