"""``nec.composition`` and ``nec.vote``: the seats of a committee and how its votes come out.

Both read provisions named after the committee: ``nec.seats`` by default, or
``cac.seats`` with the fact ``body: cac``, so the same questions serve any
committee the rules describe.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.ask.engine import ask
>>> v = loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses:
...   - {id: committee, text: "Officers and members.",
...      provisions: {nec.seats: {officers: {seats: 3}, members: {seats: 4},
...                               secretary: {seats: 1, voting: false}}}}
... ''')
>>> a = ask(v, "nec.vote", {"votes": {"officers": {"for": 2, "against": 1}, "members": {"for": 1, "against": 3}}})
>>> a.answer["result"], a.answer["for"], a.answer["against"]
('lost', 3, 4)
>>> a = ask(v, "nec.vote", {"votes": {"officers": {"for": 2, "against": 1}, "members": {"for": 1, "against": 2}}})
>>> a.status, a.answer["result"], a.gaps[0].provision
('undetermined', 'tied', 'nec.tie')
"""

from __future__ import annotations

import difflib
import math
import re
from fractions import Fraction
from typing import Any

import attrs

from rulebook.ask.answer import Gap, Outcome
from rulebook.ask.facts import Fact
from rulebook.ask.probability import SeatChance, margin_distribution, outcome_probabilities
from rulebook.ask.registry import question
from rulebook.ask.view import ProvisionView

__all__ = ["composition", "vote"]

_BODY = re.compile(r"^[A-Za-z0-9_][A-Za-z0-9_.-]*$")
_VOTE_KEYS = ("for", "against", "abstain")


@attrs.frozen
class Section:
    """A section of a committee: its seats and whether they vote."""

    seats: int
    voting: bool = True


def _body(facts: Fact) -> str:
    fact = facts.get("body")
    if fact is None:
        return "nec"
    body = fact.text()
    if not _BODY.match(body):
        raise fact.error(f"{body!r} is not a provision prefix; use a name such as nec or cac")
    return body


def seats(view: ProvisionView, body: str) -> dict[str, Section] | None:
    """The sections of committee ``body`` from its ``BODY.seats`` provision (None if absent)."""
    name = f"{body}.seats"
    value = view.get(name)
    if value is None:
        return None
    if not hasattr(value, "items") or not value:
        raise view.invalid(name, "must map each section to {seats: n, voting: true|false}")
    out: dict[str, Section] = {}
    for section, spec in value.items():
        if isinstance(spec, int) and not isinstance(spec, bool):
            spec = {"seats": spec}
        if not hasattr(spec, "get") or set(spec) - {"seats", "voting"}:
            raise view.invalid(name, f"section {section!r} must be {{seats: n, voting: true|false}}")
        count, voting = spec.get("seats"), spec.get("voting", True)
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise view.invalid(name, f"section {section!r}: seats must be a whole number from 0, not {count!r}")
        if not isinstance(voting, bool):
            raise view.invalid(name, f"section {section!r}: voting must be true or false, not {voting!r}")
        out[str(section)] = Section(count, voting)
    return out


def _summary(sections: dict[str, Section]) -> dict[str, Any]:
    total = sum(s.seats for s in sections.values())
    voting = sum(s.seats for s in sections.values() if s.voting)
    return {
        "sections": {n: {"seats": s.seats, "voting": s.voting} for n, s in sections.items()},
        "total": total,
        "voting": voting,
        "majority": voting // 2 + 1,
    }


@question("nec.composition", facts=("body",))
def composition(view: ProvisionView, facts: Fact) -> Outcome:
    """The sections of a committee, its size, voting seats, and the majority that carries a full vote.

    Examples
    --------
    >>> from rulebook import loads
    >>> from rulebook.ask import ask
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: nec, text: "Four members and a chair, who has a casting vote.",
    ...      provisions: {nec.seats: {members: 4, chair: 1}, nec.tie: chair}}
    ... ''')
    >>> a = ask(v, "nec.composition")
    >>> a.status, a.answer["total"], a.answer["majority"]
    ('determined', 5, 3)
    >>> a = ask(v, "nec.composition", {"body": "cac"})
    >>> a.status, a.gaps[0].provision
    ('undetermined', 'cac.seats')
    """
    body = _body(facts)
    sections = seats(view, body)
    if sections is None:
        return Outcome({"body": body}, [Gap.silent(f"{body}.seats", f"who sits on the {body}")])
    return Outcome({"body": body, **_summary(sections)})


def _section_fact(fact: Fact, name: str, sections: dict[str, Section], body: str) -> Section:
    if name not in sections:
        near = difflib.get_close_matches(name, list(sections), n=1)
        hint = f"did you mean {near[0]!r}?" if near else f"sections: {', '.join(sections)}"
        raise fact.error(f"{body}.seats has no section {name!r}; {hint}")
    return sections[name]


def _votes(facts: Fact, sections: dict[str, Section], body: str) -> dict[str, dict[str, int]]:
    fact = facts.get("votes")
    out: dict[str, dict[str, int]] = {}
    for name, entry in fact.items() if fact is not None else []:
        section = _section_fact(entry, name, sections, body)
        entry.check_keys(_VOTE_KEYS, what=f"the votes of section {name}")
        counts = {k: entry.get(k).integer() if entry.get(k) else 0 for k in _VOTE_KEYS}  # type: ignore[union-attr]
        cast = sum(counts.values())
        if cast and not section.voting:
            raise entry.error(f"section {name!r} of {body}.seats has no vote; drop its votes")
        if cast > section.seats:
            raise entry.error(
                f"{cast} votes ({counts['for']} for, {counts['against']} against, {counts['abstain']} abstaining) "
                f"but section {name!r} has {section.seats} seat(s); at most {section.seats} can vote"
            )
        out[name] = counts
    return out


def _chance(item: Fact) -> SeatChance:
    if isinstance(item.value, int | float) and not isinstance(item.value, bool):
        return SeatChance(item.share())
    item.check_keys(("for", "abstain"), what="a seat's probabilities")
    p_for = item.require("for").share()
    abstain = item.get("abstain")
    p_abstain = abstain.share() if abstain is not None else Fraction(0)
    if p_for + p_abstain > 1:
        raise item.error(f"for ({float(p_for):g}) and abstain ({float(p_abstain):g}) add up to more than 1")
    return SeatChance(p_for, p_abstain)


def _chances(
    facts: Fact, sections: dict[str, Section], votes: dict[str, dict[str, int]], body: str
) -> dict[str, list[SeatChance]]:
    fact = facts.get("probabilities")
    out: dict[str, list[SeatChance]] = {}
    for name, entry in fact.items() if fact is not None else []:
        section = _section_fact(entry, name, sections, body)
        certain = sum(votes.get(name, {}).values())
        free = section.seats - certain
        if not section.voting:
            raise entry.error(f"section {name!r} of {body}.seats has no vote; drop it")
        if isinstance(entry.value, list | tuple):
            chances = [_chance(item) for item in entry.seq()]
        else:
            entry.check_keys(("p_for", "p_abstain", "seats_voting"), what=f"the probabilities of section {name}")
            one = SeatChance(
                entry.require("p_for").share(),
                entry.get("p_abstain").share() if entry.get("p_abstain") else Fraction(0),  # type: ignore[union-attr]
            )
            if one.p_against < 0:
                raise entry.error("p_for and p_abstain add up to more than 1")
            count_fact = entry.get("seats_voting")
            count = count_fact.integer() if count_fact is not None else free
            chances = [one] * count
        if len(chances) > free:
            raise entry.error(
                f"{len(chances)} uncertain seat(s) and {certain} certain vote(s), but section {name!r} "
                f"has {section.seats} seat(s)"
            )
        out[name] = chances
    return out


def _quorum(view: ProvisionView, body: str, voting: int) -> int | None:
    name = f"{body}.quorum"
    value = view.get(name)
    if value is None:
        return None
    if isinstance(value, int) and not isinstance(value, bool) and value >= 0:
        return value
    if hasattr(value, "keys") and set(value) == {"share"}:
        share = value["share"]
        if not isinstance(share, bool) and isinstance(share, int | float) and 0 <= share <= 1:
            return math.ceil(Fraction(repr(share)) * voting)
    raise view.invalid(name, f"must be a number of seats present, or {{share: x}} of the voting seats, not {value!r}")


def _number(value: Fraction) -> int | float:
    return int(value) if value.denominator == 1 else float(value)


@question("nec.vote", facts=("body", "votes", "probabilities", "casting_vote"))
def vote(view: ProvisionView, facts: Fact) -> Outcome:
    """How a vote of a committee comes out, from the votes of each section (or their probabilities).

    Examples
    --------
    >>> from rulebook import loads
    >>> from rulebook.ask import ask
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: nec, text: "Four members and a chair, who has a casting vote.",
    ...      provisions: {nec.seats: {members: 4, chair: 1}, nec.tie: chair}}
    ... ''')
    >>> a = ask(v, "nec.vote", {"votes": {"members": {"for": 2, "against": 2}}, "casting_vote": "for"})
    >>> a.status, a.answer["tie_rule"], a.answer["result"]
    ('determined', 'chair', 'carried')
    >>> ask(v, "nec.vote", {"votes": {"members": {"for": 1, "against": 3}}}).answer["result"]
    'lost'
    """
    body = _body(facts)
    if facts.get("votes") is None and facts.get("probabilities") is None:
        raise facts.error("give 'votes' ({SECTION: {for, against, abstain}}) or 'probabilities' for the vote")
    casting = facts.get("casting_vote")
    casting_vote = casting.text() if casting is not None else None
    if casting is not None and casting_vote not in ("for", "against"):
        raise casting.error(f"must be 'for' or 'against', not {casting_vote!r}")
    sections = seats(view, body)
    if sections is None:
        return Outcome({"body": body}, [Gap.silent(f"{body}.seats", f"who sits on the {body} and who votes")])
    votes = _votes(facts, sections, body)
    chances = _chances(facts, sections, votes, body)
    uncertain = [c for seats_ in chances.values() for c in seats_]
    voting_seats = sum(s.seats for s in sections.values() if s.voting)
    counted = {k: sum(v[k] for v in votes.values()) for k in _VOTE_KEYS}
    present = sum(counted.values()) + len(uncertain)
    expected = {
        "for": counted["for"] + sum((c.p_for for c in uncertain), Fraction(0)),
        "against": counted["against"] + sum((c.p_against for c in uncertain), Fraction(0)),
        "abstain": counted["abstain"] + sum((c.p_abstain for c in uncertain), Fraction(0)),
    }
    answer: dict[str, Any] = {
        "body": body,
        **{k: _number(v) for k, v in expected.items()},
        "present": present,
        "absent": voting_seats - present,
    }
    gaps: list[Gap] = []
    quorum = _quorum(view, body, voting_seats)
    if quorum is not None:
        answer["quorum"] = quorum
    odds = outcome_probabilities(margin_distribution(uncertain), counted["for"] - counted["against"])
    chance = {"carried": odds.carried, "lost": odds.lost, "tied": odds.tied, "inquorate": Fraction(0)}
    if quorum is not None and present < quorum:
        chance = {"carried": Fraction(0), "lost": Fraction(0), "tied": Fraction(0), "inquorate": Fraction(1)}
    elif odds.tied:
        tie_name = f"{body}.tie"
        rule = view.get(tie_name)
        answer["tie_rule"] = rule
        if rule is None:
            gaps.append(Gap.silent(tie_name, f"what happens when a vote of the {body} is tied"))
        elif rule == "fails":
            chance["lost"] += chance["tied"]
            chance["tied"] = Fraction(0)
        elif rule == "chair":
            if casting_vote is not None:
                chance["carried" if casting_vote == "for" else "lost"] += chance["tied"]
                chance["tied"] = Fraction(0)
        else:
            raise view.invalid(tie_name, f"must be 'fails' or 'chair', not {rule!r}")
        if casting_vote is not None and rule != "chair":
            raise casting.error(  # type: ignore[union-attr]
                f"the chair has no casting vote: {tie_name} is {rule if rule is not None else 'not set'}; "
                "drop casting_vote"
            )
    certain = [k for k, p in chance.items() if p == 1]
    answer["result"] = certain[0] if certain else "uncertain"
    if facts.get("probabilities") is not None:
        answer["probability"] = {k: float(p) for k, p in chance.items()}
        answer["probability_exact"] = {k: str(p) for k, p in chance.items()}
    if answer["result"] == "tied" and not gaps and casting_vote is None:
        answer["decided_by"] = "the chair's casting vote (give the fact casting_vote: for|against)"
    return Outcome(answer, gaps)
