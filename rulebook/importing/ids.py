"""Readable stable ids for imported clauses, from their numbers and heading words.

A clause's id is the numbers of its ancestors, a dot, and its own part: the
label and number (``chapter4``, ``2``, ``b``) and, when it has a heading, up
to three of its words (``chapter4.clause2-procedural-rules``). An id met
twice gets ``-2``, ``-3``.

Examples
--------
>>> id_part("Chapter {n}", "4", "Elections of Party Officers")
'chapter4-elections-party-officers'
>>> id_part(None, "B", None)
'b'
>>> unique("rule1", {"rule1"})
'rule1-2'
"""

from __future__ import annotations

import re

__all__ = ["id_part", "unique"]

_STOP_WORDS = "a an and the of for to in on at by or with its their his her be is are"
_STOP = frozenset(_STOP_WORDS.split())


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[^\W_]+", text.lower()))


def id_part(label: str | None, number: str, heading: str | None) -> str:
    """One clause's part of an id (see the module docs)."""
    head = _slug(label.replace("{n}", "")) if label else ""
    part = head + _slug(number)
    if heading:
        words = [w for w in re.findall(r"[^\W_]+", heading.lower()) if w not in _STOP][:3]
        if words:
            part = f"{part}-{'-'.join(words)}" if part else "-".join(words)
    return part or "clause"


def unique(candidate: str, taken: set[str]) -> str:
    """``candidate``, or it with the first free ``-N`` suffix."""
    if candidate not in taken:
        return candidate
    n = 2
    while f"{candidate}-{n}" in taken:
        n += 1
    return f"{candidate}-{n}"
