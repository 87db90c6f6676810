"""Strategies for the facts of the built-in questions."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from hypothesis import strategies as st
from hypothesis.errors import InvalidArgument

from rulebook.model import Version
from rulebook.strategies.common import (
    _BODIES,
    _SECTIONS,
    PROVISION_NAMES,
    QUESTIONS,
    _flip,
    _int,
    _pick,
)

# -- facts ---------------------------------------------------------------------


def _sections(version: Version | None, provision: str) -> dict[str, int] | None:
    value = version.provision(provision) if version is not None else None
    if not isinstance(value, Mapping):
        return None
    out = {}
    for name, entry in value.items():
        seats = entry.get("seats") if isinstance(entry, Mapping) else None
        if isinstance(entry, Mapping) and entry.get("voting", True) is False:
            continue  # a section without a vote casts none
        if isinstance(seats, int) and not isinstance(seats, bool) and seats >= 0:
            out[str(name)] = seats
    return out or None


@st.composite
def facts(draw: st.DrawFn, question: str, version: Version | None = None, body: str = "nec") -> dict[str, Any]:
    """Facts for a built-in question, of the shapes docs/questions.md gives.

    With ``version``, facts follow its provisions where that matters: votes
    per section never exceed the section's seats (``{body}.seats``),
    conference sections are those of ``conference.weights``, and the
    ``provision`` question names a provision the version carries.

    Examples
    --------
    >>> from hypothesis import given, settings
    >>> @settings(max_examples=10, database=None, derandomize=True)
    ... @given(facts("leadership.ballot"))
    ... def test_ballot_facts(f):
    ...     assert sorted(f) == ['bodies', 'candidates', 'vacancy']
    ...     assert all(set(c["nominations"]) <= set(f["bodies"]) for c in f["candidates"])
    >>> test_ballot_facts()
    """
    if question == "leadership.ballot":
        bodies = draw(st.dictionaries(st.sampled_from(_BODIES), st.integers(0, 700), min_size=1, max_size=len(_BODIES)))
        vacancy = _flip(draw)
        count = _int(draw, 1, 4)
        incumbent = None if vacancy or not _flip(draw) else _int(draw, 0, count - 1)
        candidates = []
        for i in range(count):
            nominations = {name: _int(draw, 0, size) for name, size in bodies.items() if _int(draw, 0, 3)}
            candidate: dict[str, Any] = {"name": "ABCD"[i], "nominations": nominations}
            if incumbent == i:
                candidate["incumbent"] = True
            candidates.append(candidate)
        return {"vacancy": vacancy, "bodies": bodies, "candidates": candidates}
    if question in ("nec.composition", "shadow_cabinet.composition"):
        return {"body": body} if question == "nec.composition" and body != "nec" else {}
    if question == "nec.vote":
        seats = _sections(version, f"{body}.seats") or draw(
            st.dictionaries(st.sampled_from(_SECTIONS), st.integers(1, 12), min_size=1, max_size=4)
        )
        votes: dict[str, Any] = {}
        for section, size in seats.items():
            if not _int(draw, 0, 4):
                continue  # a section nobody from attended is absent
            yes = _int(draw, 0, size)
            no = _int(draw, 0, size - yes)
            cast = [yes, no, _int(draw, 0, size - yes - no)]
            votes[section] = dict(zip(("for", "against", "abstain"), cast, strict=True))
        out: dict[str, Any] = {"votes": votes}
        if body != "nec":
            out["body"] = body
        return out
    if question == "conference.vote":
        weights = version.provision("conference.weights") if version is not None else None
        sections = sorted(weights) if isinstance(weights, Mapping) and weights else ["affiliates", "CLPs"]
        result = {}
        for section in sections:
            for_share = _int(draw, 0, 100)
            against = _int(draw, 0, 100 - for_share)
            result[str(section)] = {"for": for_share / 100, "against": against / 100}
        return result
    if question == "provision":
        names = sorted(version.provision_index) if version is not None else []
        return {"name": _pick(draw, names or list(PROVISION_NAMES))}
    raise InvalidArgument(f"no facts strategy for question {question!r}; known: {', '.join(QUESTIONS)}")
