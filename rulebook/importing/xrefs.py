"""Textual cross-references in imported text turned into ``[[id]]`` references.

A phrase such as ``see Clause 3.2`` or ``under Chapter 4, Clause II.2``
becomes a reference when it is, word for word, the citation of exactly one
clause of the imported book; anything else stays as text. Where the word
before the number is not a label of the book (``clause 3.2`` in a book
numbered ``3.2``), only the number becomes the reference, so the text reads
as before.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("b", "1", [Level("arabic", "Rule {n}"), Level("arabic")],
...             [Clause("r1", children=[Clause("r1.1", text="As in Rule 2.1, and rule 9.")]),
...              Clause("r2", children=[Clause("r2.1", text="Fees.")])])
>>> link_references(v).clause("r1.1").text
'As in [[r2.1]], and rule 9.'
"""

from __future__ import annotations

import re

import attrs

from rulebook.importing.markers import LABEL_WORDS
from rulebook.model import Clause, Version
from rulebook.numbering import all_citations
from rulebook.refs import REF

__all__ = ["link_references", "unbracket"]

_NUM = r"(?:\d{1,4}[A-Za-z]?|[IVXLCDM]{1,7}|[ivxlcdm]{1,7}|[A-Za-z])"


def _pattern(words: list[str]) -> re.Pattern[str]:
    alternation = "|".join(re.escape(w) for w in sorted(set(words), key=len, reverse=True))
    part = rf"(?:(?:{alternation})\s+{_NUM}|\({_NUM}\))"
    tail = rf"(?:\.{_NUM}\b|\({_NUM}\)|,\s*(?:{alternation})\s+{_NUM}\b)*"
    return re.compile(rf"\b(?P<word>{alternation})\s+(?P<number>{_NUM}\b{tail})|(?P<whole>{part}{tail})")


def _normal(text: str) -> str:
    return " ".join(text.replace(",", ", ").split()).casefold()


def unbracket(version: Version) -> tuple[Version, list[str]]:
    """The version with text written ``[[...]]`` that names no clause written ``[...]``
    (it would read as a broken cross-reference), and the citations of the clauses changed.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("b", "1", [Level("arabic")], [Clause("a", text="Write [[name]] here.")])
    >>> again, changed = unbracket(v)
    >>> again.clause("a").text, changed
    ('Write [name] here.', ['1'])
    """
    cites = all_citations(version)
    changed: list[str] = []

    def visit(clause: Clause) -> Clause:
        text = clause.text
        if text and REF.search(text):
            fixed = REF.sub(lambda m: m.group(0) if m.group(1) in version else f"[{m.group(1)}]", text)
            if fixed != text:
                changed.append(cites[clause.id])
                text = fixed
        return attrs.evolve(clause, text=text, children=tuple(visit(c) for c in clause.children))

    return attrs.evolve(version, clauses=tuple(visit(c) for c in version.clauses)), changed


def link_references(version: Version) -> Version:
    """The version with every unambiguous textual citation turned into ``[[id]]``."""
    cites = all_citations(version)
    by_text: dict[str, list[str]] = {}
    for cid, cite in cites.items():
        by_text.setdefault(_normal(cite), []).append(cid)
    labels = [lv.label.replace("{n}", "").strip() for lv in version.numbering if lv.label and lv.label.strip() != "{n}"]
    words = [w for w in {*labels, *LABEL_WORDS} if w]
    words += [w.lower() for w in words] + [w.upper() for w in words]
    pattern = _pattern(words)
    own = {w.casefold() for w in labels}

    def sub(m: re.Match[str]) -> str:
        text = m.group(0).rstrip(".")
        trail = m.group(0)[len(text) :]
        word = m.group("word")
        if word is not None and word.casefold() not in own:
            number = m.group("number").rstrip(".")
            hits = by_text.get(_normal(number), [])
            if len(hits) == 1:
                return f"{word} [[{hits[0]}]]" + m.group("number")[len(number) :] + trail
            return m.group(0)
        hits = by_text.get(_normal(text), [])
        return f"[[{hits[0]}]]{trail}" if len(hits) == 1 else m.group(0)

    def visit(clause: Clause) -> Clause:
        text = pattern.sub(sub, clause.text) if clause.text else clause.text
        children = tuple(visit(c) for c in clause.children)
        if text == clause.text and all(a is b for a, b in zip(children, clause.children, strict=True)):
            return clause
        return attrs.evolve(clause, text=text, children=children)

    return attrs.evolve(version, clauses=tuple(visit(c) for c in version.clauses))
