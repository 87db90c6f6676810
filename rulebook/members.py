"""Reading a committee's members from its sub-clauses: seats, vote, women's places.

A composition may be declared as "the sub-clauses of this clause"
(docs/provisions.md): each sub-clause names one section of members, and its
words say how many seats it has ("twelve members elected by...", "One youth
member...", "The treasurer of the Party." is one), whether they vote ("who
shall not vote", "without a vote", "non-voting") and how many must be women
("at least six of them women").

Examples
--------
>>> read_member("Division I: twelve members elected by the unions, at least six of them women.")
Member(seats=12, voting=True, women=6)
>>> read_member("Two members chosen by councillors, of whom one or more is a woman.").women
1
>>> read_member("The general secretary, who shall not vote.")
Member(seats=1, voting=False, women=None)
>>> read_member("Members elected by the branches.").seats is None
True
"""

from __future__ import annotations

import functools
import math
import re
from fractions import Fraction
from typing import Any

import attrs

from rulebook.model import Clause
from rulebook.quantities import read_quantities
from rulebook.statement import Stated

__all__ = ["Member", "members_value", "read_member", "section_name"]

# "Division I:", "(a)", "Section 3 -": a short label before the words proper.
_LABEL = re.compile(r"^\s*(?:\(?[\w.]+\)|[^:.;]{1,24}:)\s*")
_NO_VOTE = re.compile(
    r"\b(?:(?:shall|does|do|will|may)\s+not\s+vote|without\s+(?:a\s+)?vote|non-voting|no\s+vote|"
    r"not\s+entitled\s+to\s+vote|no\s+voting\s+rights?)\b",
    re.IGNORECASE,
)
_WOMEN = re.compile(
    r"\bat\s+least\s+(?P<n>\S+(?:[-\s]\S+){0,2}?)\s+of\s+(?:them|whom)\s+(?:(?:shall|must)\s+be\s+|are\s+|is\s+)?"
    r"(?:a\s+)?wom[ae]n\b"
    r"|\bof\s+whom\s+(?P<m>\S+)\s+or\s+more\s+(?:are|is|must\s+be|shall\s+be)\s+(?:a\s+)?wom[ae]n\b",
    re.IGNORECASE,
)
# Words about how many of the members are women, read or not ("of whom a fair number are women").
_ABOUT_WOMEN = re.compile(r"\bof\s+(?:them|whom)\b[^.;]{0,40}?\bwom[ae]n\b", re.IGNORECASE)
_SINGULAR = re.compile(r"^(?:the|a|an|whoever)\s", re.IGNORECASE)
_SEATS_WITHIN = 2  # the number of seats opens the words ("twelve members", "The three members")


@attrs.frozen
class Member:
    """What a member sub-clause says: ``seats`` (None when the words do not
    say), whether they vote, and the minimum number of women (None: none set,
    or, with ``women_unread``, words about women that say no number)."""

    seats: int | None
    voting: bool = True
    women: int | None = None
    women_unread: bool = attrs.field(default=False, repr=False)


def read_member(text: str | None) -> Member:
    """Read one member sub-clause: its seats, vote and women's minimum.

    The seats are the first number written near the start (after a label
    such as "Division I:"), not one bounded by "at least"; words that start
    with "The", "A", "An" or "Whoever" and give no number name one seat.

    Examples
    --------
    >>> read_member("Three frontbench Commons members, nominated by the Shadow Cabinet.").seats
    3
    >>> read_member("One youth member elected by Young Labour.")
    Member(seats=1, voting=True, women=None)
    """
    return _read_member((text or "").strip())


# Each version of a book reads its members again, most of them unchanged: read each once.
@functools.lru_cache(maxsize=1024)
def _read_member(words: str) -> Member:
    voting = _NO_VOTE.search(words) is None
    label = _LABEL.match(words)
    body_start = label.end() if label else 0
    body = words[body_start:]
    seats = None
    for q in read_quantities(body):
        if len(body[: q.start].split()) >= _SEATS_WITHIN:
            break
        if q.kind == "number" and q.bound is None and q.unit is None and isinstance(q.value, int):
            seats = q.value
            break
        break
    if seats is None and _SINGULAR.match(body):
        first_number = read_quantities(body)
        if not first_number or len(body[: first_number[0].start].split()) >= _SEATS_WITHIN:
            seats = 1
    women = _women(words, seats)
    return Member(seats, voting, women, women_unread=women is None and _ABOUT_WOMEN.search(words) is not None)


def _women(words: str, seats: int | None) -> int | None:
    """The women's minimum: a number ("six or more"), or a share of the seats
    ("at least half of them"), rounded up as "at least" asks."""
    w = _WOMEN.search(words)
    found = read_quantities(w.group("n") or w.group("m")) if w is not None else ()
    if not found:
        return None
    value = found[0].value
    if found[0].kind == "number" and isinstance(value, int):
        return value
    if found[0].kind == "share" and isinstance(value, Fraction) and seats is not None:
        return math.ceil(value * seats)
    return None


def section_name(clause_id: str, parent_id: str) -> str:
    """The section a member sub-clause names: its id after the parent's (or its last part), ``-`` as ``_``.

    Examples
    --------
    >>> section_name("ch1.nec.composition.deputy-leader", "ch1.nec.composition")
    'deputy_leader'
    >>> section_name("nec-scotland", "ch1.nec")
    'nec_scotland'
    """
    name = clause_id[len(parent_id) + 1 :] if clause_id.startswith(parent_id + ".") else clause_id.rsplit(".", 1)[-1]
    return name.replace("-", "_")


def members_value(clause: Clause, stated: Stated) -> tuple[Any, str | None]:
    """The value a ``from: sub-clauses`` provision counts from ``clause``'s sub-clauses,
    and, when a sub-clause cannot be read, why not (the value is then None).

    Examples
    --------
    >>> c = Clause("nec", children=[Clause("nec.chair", text="The chair."),
    ...                             Clause("nec.clps", text="Six members elected by CLPs.")])
    >>> members_value(c, Stated("nec.seats", source="sub-clauses"))
    ({'chair': {'seats': 1, 'voting': True}, 'clps': {'seats': 6, 'voting': True}}, None)
    """
    out: dict[str, Any] = {}
    for child in clause.children:
        name = stated.names.get(child.id) or section_name(child.id, clause.id)
        member = read_member(child.text)
        words = (child.text or "").strip() or "(no words)"
        if stated.read == "women":
            if member.women_unread:
                return None, f"sub-clause {child.id} ({words!r}) does not say how many of its members are women"
            if member.women is not None:
                out[name] = member.women
            continue
        if member.seats is None:
            return None, f"sub-clause {child.id} ({words!r}) does not say how many seats it has"
        out[name] = {"seats": member.seats, "voting": member.voting}
    return out, None
