"""``conference.vote``: a card vote of conference, weighted by section.

The facts give each section's vote, as shares (``{CLPs: {for: 0.68,
against: 0.32}}``) or as raw counts (``{CLPs: {for: 123456, against:
98765}}``: whole numbers). Shares for and against may add up to 1 plus at
most ``SUM_TOLERANCE`` (one billionth), so shares computed in floating point
(``1 - 0.978``) are accepted. Each section's *for share* is for / (for +
against); the result is the weighted mean of those shares, by
``conference.weights``. It is carried when it is more than one half, or at
least ``conference.majority`` when the rules set one. For each section the
answer also says how far its for share (alone) would have to move to change
the result, and, for counts, how many votes would have to switch sides.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> from rulebook.ask.engine import ask
>>> v = loads('''
... rulebook: party
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses:
...   - {id: vote, text: "Affiliates and CLPs each hold half the vote.",
...      provisions: {conference.weights: {affiliates: 0.5, CLPs: 0.5}}}
... ''')
>>> a = ask(v, "conference.vote", {"affiliates": {"for": 0.92, "against": 0.08},
...                                "CLPs": {"for": 60, "against": 40}})
>>> a.answer["result"], a.answer["for"]
('carried', 0.76)
>>> a.answer["swing"]["CLPs"]["votes"], a.answer["swing"]["affiliates"]["to"]
(52, 0.4)
"""

from __future__ import annotations

import difflib
import math
from fractions import Fraction
from typing import Any

from rulebook.ask.answer import Gap, Outcome
from rulebook.ask.facts import Fact, as_fraction
from rulebook.ask.registry import question
from rulebook.ask.view import ProvisionView, read_weights

__all__ = ["rule_change_heard", "vote"]

WEIGHTS = "conference.weights"
MAJORITY = "conference.majority"
HALF = Fraction(1, 2)
#: How far above 1 the shares for and against may add up: shares computed in floating
#: point (``1 - 0.978`` is 0.02200000000000002) sum to a hair over 1 (docs/questions.md).
SUM_TOLERANCE = Fraction(1, 10**9)


def _majority(view: ProvisionView) -> tuple[Fraction, bool]:
    """The threshold, and whether the result must be strictly more than it."""
    value = view.get(MAJORITY)
    if value is None:
        return HALF, True
    if isinstance(value, bool) or not isinstance(value, int | float) or not 0 < value <= 1:
        raise view.invalid(MAJORITY, f"must be the share needed to carry, between 0 and 1, not {value!r}")
    return as_fraction(value), False


def _section(fact: Fact, name: str) -> tuple[Fraction, tuple[int, int] | None]:
    """A section's for share, and its (for, against) counts when the facts give counts."""
    fact.check_keys(("for", "against"), what=f"the vote of section {name}")
    yes, no = fact.require("for"), fact.get("against")
    counts = isinstance(yes.value, int) and not isinstance(yes.value, bool)
    counts = counts and no is not None and isinstance(no.value, int) and not isinstance(no.value, bool)
    if counts:
        assert no is not None
        f, a = yes.integer(what=" of votes"), no.integer(what=" of votes")
        if f + a == 0:
            raise fact.error("no votes cast (for and against are both 0); give the votes cast")
        return Fraction(f, f + a), (f, a)
    f_share = yes.share()
    a_share = no.share() if no is not None else 1 - f_share
    if f_share + a_share > 1 + SUM_TOLERANCE:
        raise fact.error(f"shares for ({yes.value}) and against ({no.value if no else ''}) add up to more than 1")
    if f_share + a_share == 0:
        raise fact.error("shares for and against are both 0; give the shares of the votes cast")
    return f_share / (f_share + a_share), None


def _swing(
    share: Fraction, counts: tuple[int, int] | None, weight: Fraction, others: Fraction, total: Fraction,
    threshold: Fraction, strict: bool, carried: bool,
) -> dict[str, Any]:  # fmt: skip
    """How far one section's for share must move, alone, to change the result."""
    if not weight:
        return {"possible": False, "to": None, "by": None, "votes": None}
    boundary = (threshold * total - others) / weight
    # carried (strict): lost iff x <= boundary; carried (at least): lost iff x < boundary;
    # lost (strict): carried iff x > boundary; lost (at least): carried iff x >= boundary.
    if carried:
        possible = boundary >= 0 if strict else boundary > 0
    else:
        possible = boundary < 1 if strict else boundary <= 1
    out: dict[str, Any] = {
        "possible": bool(possible),
        "to": float(boundary) if possible else None,
        "by": float(abs(share - boundary)) if possible else None,
        "direction": "down" if carried else "up",
        "more_than": (not strict) if carried else strict,
        "votes": None,
    }
    if counts is not None and possible:
        f, a = counts
        n = f + a
        if carried:
            new_for = math.floor(boundary * n) if strict else math.ceil(boundary * n) - 1
            out["votes"] = f - new_for if new_for >= 0 else None
        else:
            new_for = math.floor(boundary * n) + 1 if strict else math.ceil(boundary * n)
            out["votes"] = new_for - f if new_for <= n else None
    return out


@question("conference.vote")
def vote(view: ProvisionView, facts: Fact) -> Outcome:
    """Whether a card vote of conference carries, from each section's vote, and what would change it.

    Examples
    --------
    >>> from rulebook import loads
    >>> from rulebook.ask import ask
    >>> v = loads('''
    ... rulebook: party
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: vote, text: "Card vote.", provisions: {conference.weights: {affiliates: 0.5, CLPs: 0.5}}}
    ... ''')
    >>> a = ask(v, "conference.vote",
    ...         {"affiliates": {"for": 0.4, "against": 0.6}, "CLPs": {"for": 0.7, "against": 0.3}})
    >>> a.answer["result"], a.answer["for"], a.answer["swing"]["CLPs"]["to"]
    ('carried', 0.55, 0.6)
    """
    weights = read_weights(view, WEIGHTS, each="section", weight="weight", example="{affiliates: 0.5, CLPs: 0.5}")
    if weights is None:
        return Outcome({}, [Gap.silent(WEIGHTS, "how the sections of conference are weighted in a card vote")])
    for key, fact in facts.items():
        if key not in weights:
            near = difflib.get_close_matches(key, list(weights), n=1)
            hint = f"did you mean {near[0]!r}?" if near else f"sections: {', '.join(weights)}"
            raise fact.error(f"{WEIGHTS} weighs no section {key!r}; {hint}")
    shares: dict[str, tuple[Fraction, tuple[int, int] | None]] = {}
    for name in weights:
        given = facts.get(name)
        if given is None:
            raise facts.error(
                f"no vote given for section {name!r}, which {WEIGHTS} weighs at {float(weights[name]):g}; "
                f"add {name}: {{for: ..., against: ...}}"
            )
        shares[name] = _section(given, name)
    total = sum(weights.values(), Fraction(0))
    weighted = sum((weights[n] * s for n, (s, _) in shares.items()), Fraction(0))
    overall = weighted / total
    threshold, strict = _majority(view)
    carried = overall > threshold if strict else overall >= threshold
    sections: dict[str, Any] = {}
    swing: dict[str, Any] = {}
    for name, (share, counts) in shares.items():
        sections[name] = {"for": float(share), "weight": float(weights[name])}
        if counts is not None:
            sections[name]["votes"] = {"for": counts[0], "against": counts[1]}
        others = weighted - weights[name] * share
        swing[name] = _swing(share, counts, weights[name], others, total, threshold, strict, carried)
    return Outcome(
        {
            "result": "carried" if carried else "lost",
            "for": float(overall),
            "against": float(1 - overall),
            "majority": {"share": float(threshold), "rule": "more than" if strict else "at least"},
            "sections": sections,
            "swing": swing,
        }
    )


DELAY = "conference.rule_change_delay_years"


@question("conference.rule_change_heard", facts=("submitted", "proposer"), required=("submitted", "proposer"))
def rule_change_heard(view: ProvisionView, facts: Fact) -> Outcome:
    """At which year's annual conference a constitutional amendment is first heard.

    Reads ``conference.rule_change_delay_years``: ``{years: n, applies_to:
    [PROPOSERS], not_to: [PROPOSERS]}`` (a rule or a practice). An amendment
    submitted in year Y (before that year's conference, as submission deadlines
    fall) by a proposer it applies to is heard at the conference of Y + n;
    other proposers at that of Y.

    Examples
    --------
    >>> from rulebook import loads
    >>> from rulebook.ask import ask
    >>> v = loads('''
    ... rulebook: party
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: c, text: "Branch rule changes wait a year.",
    ...      provisions: {conference.rule_change_delay_years: {years: 1, applies_to: [branches]}}}
    ... ''')
    >>> a = ask(v, "conference.rule_change_heard", {"submitted": 2016, "proposer": "branches"})
    >>> a.answer["heard_at"], a.answer["delay_years"]
    (2017, 1)
    """
    submitted = facts.require("submitted")
    year = submitted.value.year if hasattr(submitted.value, "year") else submitted.integer(minimum=1)
    proposer = facts.require("proposer").text()
    value = view.get(DELAY)
    if value is None:
        gap = Gap.silent(DELAY, "when a constitutional amendment is first heard after it is submitted")
        return Outcome({"submitted": year, "proposer": proposer}, [gap])
    if not hasattr(value, "get") or not isinstance(value.get("years"), int) or isinstance(value.get("years"), bool):
        raise view.invalid(DELAY, "must be {years: n, applies_to: [PROPOSERS], not_to: [PROPOSERS]}")
    applies_to, not_to = value.get("applies_to"), value.get("not_to") or ()
    applies = proposer not in not_to and (applies_to is None or proposer in applies_to)
    delay = value["years"] if applies else 0
    return Outcome(
        {
            "submitted": year,
            "proposer": proposer,
            "delay_years": delay,
            "heard_at": year + delay,
            "basis": f"{DELAY} {'applies' if applies else 'does not apply'} to {proposer}",
        }
    )
