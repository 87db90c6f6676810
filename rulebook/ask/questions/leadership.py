"""``leadership.ballot``: which candidates for leader reach the ballot.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.ask.engine import ask
>>> v = loads('''
... rulebook: party
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses:
...   - {id: challenge, text: "A challenger needs 20 per cent of MPs.",
...      provisions: {leadership.nominations.challenge: {share: 0.2, of: [MPs]}}}
... ''')
>>> facts = {"vacancy": False, "bodies": {"MPs": 100},
...          "candidates": [{"name": "Ann", "incumbent": True, "nominations": {"MPs": 10}},
...                         {"name": "Bob", "nominations": {"MPs": 20}}]}
>>> a = ask(v, "leadership.ballot", facts)
>>> a.status, a.answer["on_ballot"], a.answer["undetermined"]
('undetermined', ('Bob',), ('Ann',))
>>> a.gaps[0].message
'the rules do not say whether a challenged incumbent must be nominated (no provision leadership.incumbent_automatic)'
"""

from __future__ import annotations

from typing import Any

import attrs

from rulebook.ask.answer import Gap, Outcome
from rulebook.ask.facts import Fact
from rulebook.ask.registry import question
from rulebook.ask.requirements import (
    MissingBody,
    MissingFacts,
    Nominator,
    Requirement,
    check,
    describe,
    parse_requirement,
    shortfall,
)
from rulebook.ask.view import ProvisionView

__all__ = ["ballot", "nominations_needed"]

VACANCY = "leadership.nominations.vacancy"
CHALLENGE = "leadership.nominations.challenge"
AUTOMATIC = "leadership.incumbent_automatic"


@attrs.frozen
class Candidate:
    """A candidate as the facts give them."""

    name: str
    incumbent: bool
    nominations: dict[str, int]
    fact: Fact
    nominators: dict[str, tuple[Nominator, ...]] = attrs.field(factory=dict)


def _nominators(
    given: Fact | None, bodies: dict[str, int], nominations: dict[str, int]
) -> dict[str, tuple[Nominator, ...]]:
    """Each body's nominating organisations (name, kind, members), where the facts list them."""
    out: dict[str, tuple[Nominator, ...]] = {}
    for body, items in given.items() if given is not None else []:
        if body not in bodies:
            raise items.error(f"nominators from {body!r}, which is not among the bodies; add its size to 'bodies'")
        listed: list[Nominator] = []
        for item in items.seq():
            item.check_keys(("name", "kind", "members"), what=f"nominator {item.path}")
            kind, members = item.get("kind"), item.get("members")
            listed.append(
                Nominator(
                    item.require("name").text(),
                    kind.text() if kind is not None else None,
                    members.integer(what=" (its affiliated members)") if members is not None else None,
                )
            )
        if body in nominations and nominations[body] != len(listed):
            raise items.error(
                f"lists {len(listed)} nominators from {body!r} but nominations.{body} is {nominations[body]}; "
                "make them agree (or give only the list)"
            )
        if len(listed) > bodies[body]:
            raise items.error(f"lists {len(listed)} nominators, more than the size of {body} ({bodies[body]})")
        out[body] = tuple(listed)
    return out


def _bodies(fact: Fact) -> dict[str, int]:
    return {name: size.integer(what=" (the size of the body)") for name, size in fact.items()}


def _candidates(fact: Fact, bodies: dict[str, int], vacancy: bool) -> list[Candidate]:
    out: list[Candidate] = []
    seen: dict[str, str] = {}
    for item in fact.seq():
        item.check_keys(("name", "incumbent", "nominations", "nominators"), what=f"candidate {item.path}")
        name = item.require("name").text()
        if name in seen:
            raise item.require("name").error(f"candidate {name!r} is listed twice (also {seen[name]}); list each once")
        seen[name] = item.path
        incumbent_fact = item.get("incumbent")
        incumbent = incumbent_fact.boolean() if incumbent_fact is not None else False
        if incumbent and vacancy:
            raise incumbent_fact.error(  # type: ignore[union-attr]
                f"candidate {name!r} is marked incumbent, but the fact vacancy is true; "
                "with a vacancy there is no incumbent: set vacancy: false or drop incumbent"
            )
        nominations: dict[str, int] = {}
        given = item.get("nominations")
        for body, count in given.items() if given is not None else []:
            if body not in bodies:
                raise count.error(
                    f"nominations from {body!r}, which is not among the bodies "
                    f"({', '.join(bodies) or 'none'}); add its size to the fact 'bodies'"
                )
            nominations[body] = count.integer(maximum=bodies[body], what=f" (the size of {body})")
        nominators = _nominators(item.get("nominators"), bodies, nominations)
        out.append(Candidate(name, incumbent, nominations, item, nominators))
    incumbents = [c for c in out if c.incumbent]
    if len(incumbents) > 1:
        raise incumbents[1].fact.error(
            f"{incumbents[0].name!r} and {incumbents[1].name!r} are both marked incumbent; only one can be"
        )
    return out


def _requirement(view: ProvisionView, name: str) -> Requirement | None:
    value = view.get(name)
    if value is None:
        return None
    try:
        return parse_requirement(value)
    except ValueError as exc:
        raise view.invalid(name, str(exc)) from None


def _membership(facts: Fact) -> dict[str, int]:
    given = facts.get("membership")
    if given is None:
        return {}
    return {body: size.integer(what=" (the whole membership of the body)") for body, size in given.items()}


def _assess(
    candidate: Candidate, name: str, requirement: Requirement, bodies: dict[str, int], facts: Fact
) -> dict[str, Any]:
    row: dict[str, Any] = {"requirement": name, "needs": describe(requirement)}
    try:
        result = check(requirement, candidate.nominations, bodies, candidate.nominators, _membership(facts))
    except MissingBody as exc:
        raise facts.require("bodies").error(
            f"no size for {exc.body!r}, which {name} ({describe(requirement)}) counts; add {exc.body}: <size>"
        ) from None
    except MissingFacts as exc:
        paths = [p if p.startswith("membership.") else f"{candidate.fact.path}.{p}" for p in exc.facts]
        row.update(met=None, detail=None, missing=paths)
        return row
    row.update(met=result.met, detail=result.detail)
    return row


@question(
    "leadership.ballot",
    facts=("vacancy", "bodies", "candidates", "membership"),
    required=("vacancy", "bodies", "candidates"),
)
def ballot(view: ProvisionView, facts: Fact) -> Outcome:
    """Which candidates reach the ballot for leader, given their nominations.

    Examples
    --------
    >>> from rulebook import loads
    >>> from rulebook.ask import ask
    >>> v = loads('''
    ... rulebook: party
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: ldr, text: "15 per cent of MPs.",
    ...      provisions: {leadership.nominations.vacancy: {share: 0.15, of: [MPs]}}}
    ... ''')
    >>> a = ask(v, "leadership.ballot", {"vacancy": True, "bodies": {"MPs": 200},
    ...     "candidates": [{"name": "Ann", "nominations": {"MPs": 30}}, {"name": "Bob", "nominations": {"MPs": 29}}]})
    >>> a.status, a.answer["on_ballot"], a.answer["excluded"]
    ('determined', ('Ann',), ('Bob',))
    >>> a.answer["candidates"]["Bob"]["detail"]
    '29 of 200 MPs (30 needed, 15%)'
    """
    vacancy = facts.require("vacancy").boolean()
    bodies = _bodies(facts.require("bodies"))
    candidates = _candidates(facts.require("candidates"), bodies, vacancy)
    gaps: list[Gap] = []
    rows: dict[str, dict[str, Any]] = {}
    requirements: dict[str, Requirement | None] = {}

    def needs(name: str, what: str) -> Requirement | None:
        if name not in requirements:
            requirements[name] = _requirement(view, name)
            if requirements[name] is None:
                gaps.append(Gap.silent(name, what))
        return requirements[name]

    for candidate in candidates:
        if vacancy:
            role, name, what = "candidate", VACANCY, "what nominations a candidate needs when there is a vacancy"
        else:
            role, name = ("incumbent", CHALLENGE) if candidate.incumbent else ("challenger", CHALLENGE)
            what = "what nominations a challenger needs when there is no vacancy"
        row: dict[str, Any] = {"role": role, "nominations": sum(candidate.nominations.values())}
        automatic = view.get(AUTOMATIC) if candidate.incumbent else None
        if candidate.incumbent and automatic is not None and not isinstance(automatic, bool):
            raise view.invalid(AUTOMATIC, f"must be true or false, not {automatic!r}")
        if automatic is True:
            row.update(on_ballot=True, basis=f"{AUTOMATIC} is true: the incumbent needs no nominations")
            rows[candidate.name] = row
            continue
        requirement = needs(name, what)
        if requirement is None:
            row.update(on_ballot=None, basis=f"no provision {name}")
            rows[candidate.name] = row
            continue
        row.update(_assess(candidate, name, requirement, bodies, facts))
        if row["met"] is None:
            gaps.append(
                Gap(
                    f"whether {candidate.name} meets {name} depends on facts not given: "
                    f"{', '.join(row['missing'])} (which nominators are of which kind, their members, "
                    "and the whole membership)",
                    name,
                )
            )
            row.update(on_ballot=None, basis=f"{name} needs facts about the nominators that are not given")
            rows[candidate.name] = row
            continue
        if candidate.incumbent and automatic is None:
            if row["met"]:
                row.update(
                    on_ballot=True, basis="has the nominations a challenger needs, so is on the ballot either way"
                )
            else:
                gaps.append(Gap.silent(AUTOMATIC, "whether a challenged incumbent must be nominated"))
                row.update(on_ballot=None, basis=f"short of {name}, and the rules are silent on whether that matters")
        else:
            row.update(on_ballot=row["met"], basis=f"{'meets' if row['met'] else 'does not meet'} {name}")
        rows[candidate.name] = row

    answer = {
        "on_ballot": [n for n, r in rows.items() if r["on_ballot"] is True],
        "excluded": [n for n, r in rows.items() if r["on_ballot"] is False],
        "undetermined": [n for n, r in rows.items() if r["on_ballot"] is None],
        "candidates": rows,
    }
    return Outcome(answer, gaps)


@question(
    "leadership.nominations_needed",
    facts=("vacancy", "bodies", "candidate", "membership"),
    required=("vacancy", "bodies", "candidate"),
)
def nominations_needed(view: ProvisionView, facts: Fact) -> Outcome:
    """How many nominations a candidate would need, how many they have, and the shortfall.

    With a vacancy the candidate is measured against the vacancy requirement;
    without one against the challenge requirement, the incumbent too: the
    question is what the incumbent would have needed had the rules asked it of
    him. ``required`` says whether they do (false when
    ``leadership.incumbent_automatic`` is true; null when the rules are silent).
    ``needed`` and ``have`` are given when the requirement has one part;
    ``parts`` has a row for each share or count in it.

    Examples
    --------
    >>> from rulebook import loads
    >>> from rulebook.ask import ask
    >>> v = loads(\"\"\"
    ... rulebook: party
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: c, text: "Challengers need 20 per cent of MPs; the leader is on the ballot.",
    ...      provisions: {leadership.nominations.challenge: {share: 0.2, of: [MPs]},
    ...                   leadership.incumbent_automatic: true}}
    ... \"\"\")
    >>> a = ask(v, "leadership.nominations_needed", {"vacancy": False, "bodies": {"MPs": 251},
    ...     "candidate": {"name": "Ann", "incumbent": True, "nominations": {"MPs": 40}}})
    >>> a.answer["needed"], a.answer["have"], a.answer["shortfall"], a.answer["met"], a.answer["required"]
    (51, 40, 11, False, False)
    """
    vacancy = facts.require("vacancy").boolean()
    bodies = _bodies(facts.require("bodies"))
    holder = Fact([facts.require("candidate").value], "candidate", facts.file, facts.line)
    (candidate,) = _candidates(holder, bodies, vacancy)
    name = VACANCY if vacancy else CHALLENGE
    requirement = _requirement(view, name)
    if requirement is None:
        what = "what nominations a candidate needs when there is " + ("a vacancy" if vacancy else "no vacancy")
        return Outcome({"candidate": candidate.name, "requirement": name}, [Gap.silent(name, what)])
    required: bool | None = True
    if candidate.incumbent:
        automatic = view.get(AUTOMATIC)
        required = None if automatic is None else automatic is not True
    row = _assess(candidate, name, requirement, bodies, facts)
    gap, parts = shortfall(requirement, candidate.nominations, bodies)
    answer: dict[str, Any] = {
        "candidate": candidate.name,
        "requirement": name,
        "needs": row["needs"],
        "needed": parts[0]["needed"] if len(parts) == 1 else None,
        "have": parts[0]["have"] if len(parts) == 1 else None,
        "shortfall": gap,
        "met": row["met"],
        "detail": row["detail"],
        "parts": parts,
        "required": required,
    }
    gaps: list[Gap] = []
    if row["met"] is None:
        missing = ", ".join(row["missing"])
        gaps.append(Gap(f"whether {candidate.name} meets {name} depends on facts not given: {missing}", name))
    if required is None:
        gaps.append(Gap.silent(AUTOMATIC, "whether a challenged incumbent must be nominated"))
    return Outcome(answer, gaps)
