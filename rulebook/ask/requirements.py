"""The requirement language of nomination thresholds (docs/questions.md, "The requirement language").

A requirement is ``{share: x, of: [BODIES]}`` (nominations from those bodies
together at least ``x`` times their total size), ``{count: n, of: [BODIES]}``
(at least ``n`` nominations from them), ``{all_of: [REQ, ...]}`` or
``{any_of: [REQ, ...]}``. Shares are read exactly as written (0.15 is 3/20),
so a threshold is never missed by a rounding error.

A count may ask more of the organisations that nominate:
``{count: 3, of: [affiliates], including: {union: 2}, membership: 0.05}`` is
met by at least three of them, at least two of kind ``union``, whose members
together make up at least 5 per cent of the membership of all of ``of``. Those
extra conditions need facts about each nominating organisation (a
:class:`Nominator`) and the whole membership; without them the answer raises
:class:`MissingFacts`, naming what to give (docs/questions.md).

Examples
--------
>>> req = parse_requirement({"all_of": [{"share": 0.1, "of": ["PLP", "EPLP"]},
...                                     {"any_of": [{"share": 0.05, "of": ["CLPs"]},
...                                                 {"count": 3, "of": ["affiliates"]}]}]})
>>> describe(req)
'10% of PLP+EPLP, and either 5% of CLPs or at least 3 from affiliates'
>>> bodies = {"PLP": 229, "EPLP": 20, "CLPs": 632, "affiliates": 20}
>>> result = check(req, {"PLP": 30, "affiliates": 3}, bodies)
>>> result.met, result.detail
(True, '30 of 249 PLP+EPLP (25 needed, 10%); and 3 from affiliates (3 needed)')
>>> check(req, {"PLP": 24, "affiliates": 3}, bodies).met
False
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from fractions import Fraction
from typing import Any

import attrs

from rulebook.ask.facts import as_fraction

__all__ = [
    "AllOf",
    "AnyOf",
    "Check",
    "Count",
    "MissingBody",
    "MissingFacts",
    "Nominator",
    "Requirement",
    "Share",
    "bodies_of",
    "check",
    "describe",
    "parse_requirement",
    "shortfall",
]


@attrs.frozen
class Share:
    """Nominations from ``of`` together at least ``share`` of their total size.

    Examples
    --------
    >>> req = Share(Fraction(3, 20), ("PLP", "EPLP"))
    >>> describe(req), check(req, {"PLP": 37}, {"PLP": 229, "EPLP": 20})
    ('15% of PLP+EPLP', Check(met=False, detail='37 of 249 PLP+EPLP (38 needed, 15%)'))
    """

    share: Fraction
    of: tuple[str, ...]


@attrs.frozen
class Count:
    """At least ``count`` nominations from ``of`` together; optionally at least
    ``including[kind]`` of them of each kind, and with members making up at
    least ``membership`` of the whole membership of ``of``.

    Examples
    --------
    >>> req = Count(3, ("affiliates",))
    >>> describe(req), check(req, {"affiliates": 3}, {}).met
    ('at least 3 from affiliates', True)
    >>> describe(Count(3, ("affiliates",), (("union", 2),), Fraction(1, 20)))
    'at least 3 from affiliates (at least 2 of them union), with 5% of their membership'
    """

    count: int
    of: tuple[str, ...]
    including: tuple[tuple[str, int], ...] = ()
    membership: Fraction | None = None

    @property
    def needs_nominators(self) -> bool:
        """Whether meeting it depends on who the nominators are, not only how many."""
        return bool(self.including) or self.membership is not None


@attrs.frozen
class Nominator:
    """One organisation that nominates: its name, its kind (e.g. ``union``) and its members.

    Examples
    --------
    >>> Nominator("Unite", "union", 1_000_000).kind
    'union'
    """

    name: str
    kind: str | None = None
    members: int | None = None


@attrs.frozen
class AllOf:
    """Every part must be met.

    Examples
    --------
    >>> req = AllOf((Share(Fraction(1, 10), ("PLP",)), Count(3, ("affiliates",))))
    >>> describe(req)
    '10% of PLP, and at least 3 from affiliates'
    >>> check(req, {"PLP": 30, "affiliates": 1}, {"PLP": 229})
    Check(met=False, detail='1 from affiliates (3 needed)')
    """

    parts: tuple[Requirement, ...]


@attrs.frozen
class AnyOf:
    """At least one part must be met.

    Examples
    --------
    >>> req = AnyOf((Share(Fraction(1, 20), ("CLPs",)), Count(3, ("affiliates",))))
    >>> check(req, {"CLPs": 10, "affiliates": 1}, {"CLPs": 632}).detail
    '10 of 632 CLPs (32 needed, 5%) or 1 from affiliates (3 needed)'
    """

    parts: tuple[Requirement, ...]


Requirement = Share | Count | AllOf | AnyOf


def _bodies(value: Any, where: str) -> tuple[str, ...]:
    if isinstance(value, str):
        return (value,)
    if not isinstance(value, Sequence) or not value or not all(isinstance(b, str) for b in value):
        raise ValueError(f"{where}'of' must be a non-empty list of body names such as [PLP, EPLP]")
    return tuple(value)


def parse_requirement(value: Any, where: str = "") -> Requirement:
    """A requirement from its YAML form; ValueError saying what is wrong otherwise.

    Examples
    --------
    >>> parse_requirement({"share": 0.2, "of": ["PLP", "EPLP"]})
    Share(share=Fraction(1, 5), of=('PLP', 'EPLP'))
    >>> parse_requirement({"share": 20, "of": ["PLP"]})
    Traceback (most recent call last):
    ...
    ValueError: 'share' must be a number between 0 and 1 (0.2 for 20 per cent), not 20
    """
    if not isinstance(value, Mapping):
        raise ValueError(f"{where}a requirement is a mapping: {{share, of}}, {{count, of}}, {{all_of}} or {{any_of}}")
    keys = set(value)
    if keys == {"share", "of"}:
        share = value["share"]
        if isinstance(share, bool) or not isinstance(share, int | float) or not 0 <= share <= 1:
            raise ValueError(f"{where}'share' must be a number between 0 and 1 (0.2 for 20 per cent), not {share!r}")
        return Share(as_fraction(share), _bodies(value["of"], where))
    if {"count", "of"} <= keys <= {"count", "of", "including", "membership"}:
        count = value["count"]
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"{where}'count' must be a whole number from 0, not {count!r}")
        return Count(count, _bodies(value["of"], where), *_extras(value, count, where))
    for key, cls in (("all_of", AllOf), ("any_of", AnyOf)):
        if keys == {key}:
            items = value[key]
            if not isinstance(items, Sequence) or isinstance(items, str) or not items:
                raise ValueError(f"{where}{key!r} must be a non-empty list of requirements")
            return cls(tuple(parse_requirement(item, f"{where}{key}[{i}]: ") for i, item in enumerate(items)))
    raise ValueError(
        f"{where}a requirement has the keys share+of, count+of, all_of or any_of, "
        f"not {', '.join(sorted(keys)) or 'none'}"
    )


def _extras(value: Mapping[str, Any], count: int, where: str) -> tuple[tuple[tuple[str, int], ...], Fraction | None]:
    including: list[tuple[str, int]] = []
    given = value.get("including", {})
    if not isinstance(given, Mapping):
        raise ValueError(f"{where}'including' must map a kind to a number, e.g. {{union: 2}}")
    for kind, n in given.items():
        if isinstance(n, bool) or not isinstance(n, int) or not 0 <= n <= count:
            raise ValueError(
                f"{where}'including' {kind}: must be a whole number from 0 to the count {count}, not {n!r}"
            )
        including.append((str(kind), n))
    membership = value.get("membership")
    if membership is not None:
        if isinstance(membership, bool) or not isinstance(membership, int | float) or not 0 <= membership <= 1:
            raise ValueError(f"{where}'membership' must be a share between 0 and 1 (0.05 for 5 per cent)")
        membership = as_fraction(membership)
    return tuple(including), membership


def bodies_of(requirement: Requirement) -> tuple[str, ...]:
    """Every body a requirement counts, in first-mention order.

    Examples
    --------
    >>> bodies_of(AllOf((Share(Fraction(1, 10), ("PLP", "EPLP")), Count(3, ("affiliates", "PLP")))))
    ('PLP', 'EPLP', 'affiliates')
    """
    if isinstance(requirement, Share | Count):
        return requirement.of
    out: list[str] = []
    for part in requirement.parts:
        out.extend(b for b in bodies_of(part) if b not in out)
    return tuple(out)


def _percent(share: Fraction) -> str:
    return f"{float(share * 100):g}%"


def describe(requirement: Requirement) -> str:
    """The requirement in words.

    Examples
    --------
    >>> describe(AnyOf((Share(Fraction(1, 20), ("CLPs",)), Count(3, ("affiliates",)))))
    'either 5% of CLPs or at least 3 from affiliates'
    """
    if isinstance(requirement, Share):
        return f"{_percent(requirement.share)} of {'+'.join(requirement.of)}"
    if isinstance(requirement, Count):
        text = f"at least {requirement.count} from {'+'.join(requirement.of)}"
        if requirement.including:
            text += f" ({', '.join(f'at least {n} of them {kind}' for kind, n in requirement.including)})"
        if requirement.membership is not None:
            text += f", with {_percent(requirement.membership)} of their membership"
        return text
    parts = [describe(p) for p in requirement.parts]
    if isinstance(requirement, AllOf):
        return ", and ".join(parts)
    return "either " + " or ".join(parts)


class MissingBody(LookupError):
    """A requirement counts a body whose size the facts do not give."""

    def __init__(self, body: str) -> None:
        super().__init__(body)
        self.body = body


class MissingFacts(LookupError):
    """A requirement needs facts about the nominators (their kinds or members) that are not given.

    ``facts`` names each missing fact, as a dotted path relative to the
    candidate (``nominators.affiliates``) or the root (``membership.affiliates``).
    """

    def __init__(self, facts: Sequence[str]) -> None:
        super().__init__(", ".join(facts))
        self.facts = tuple(facts)


@attrs.frozen
class Check:
    """Whether a requirement is met, and how (in words).

    Examples
    --------
    >>> check(Count(3, ("affiliates",)), {"affiliates": 2}, {})
    Check(met=False, detail='2 from affiliates (3 needed)')
    """

    met: bool
    detail: str


def _check_count(
    requirement: Count,
    nominations: Mapping[str, int],
    nominators: Mapping[str, Sequence[Nominator]],
    membership: Mapping[str, int],
) -> Check:
    listed = [n for b in requirement.of for n in nominators.get(b, ())]
    known = all(b in nominators for b in requirement.of)
    got = len(listed) if known else sum(nominations.get(b, 0) for b in requirement.of)
    who = "+".join(requirement.of)
    detail = f"{got} from {who} ({requirement.count} needed"
    if got < requirement.count or not requirement.needs_nominators:
        return Check(got >= requirement.count, detail + ")")
    missing = [f"nominators.{b}" for b in requirement.of if b not in nominators]
    if requirement.membership is not None:
        if any(n.members is None for n in listed):
            missing.extend(f"nominators.{b} (members)" for b in requirement.of if b in nominators)
        missing.extend(f"membership.{b}" for b in requirement.of if b not in membership)
    if missing:
        raise MissingFacts(missing)
    met = True
    for kind, n in requirement.including:
        have = sum(1 for x in listed if x.kind == kind)
        met = met and have >= n
        detail += f"; {have} {kind} of {n} needed"
    if requirement.membership is not None:
        total = sum(membership[b] for b in requirement.of)
        members = sum(x.members or 0 for x in listed)
        met = met and members >= requirement.membership * total
        detail += f"; {members} of {total} members, {_percent(requirement.membership)} needed"
    return Check(met, detail + ")")


def check(
    requirement: Requirement,
    nominations: Mapping[str, int],
    bodies: Mapping[str, int],
    nominators: Mapping[str, Sequence[Nominator]] | None = None,
    membership: Mapping[str, int] | None = None,
) -> Check:
    """Whether ``nominations`` (body -> number) meet ``requirement``, given each body's size.

    ``nominators`` lists, for a body, the organisations that nominated (their
    kind and members), and ``membership`` gives each body's whole membership:
    a count with ``including`` or ``membership`` needs them, and raises
    :class:`MissingFacts` naming them when they are missing (unless the count
    alone already falls short, or other parts settle the answer).

    Raises :class:`MissingBody` for a body of a share requirement that
    ``bodies`` does not size, unless the other parts settle the answer
    without it. An all_of explains the part that fails (or all
    parts); an any_of the part that is met (or all parts).

    Examples
    --------
    >>> req = AnyOf((Share(Fraction(1, 20), ("CLPs",)), Count(3, ("affiliates",))))
    >>> check(req, {"affiliates": 3}, {})  # met without sizing CLPs
    Check(met=True, detail='3 from affiliates (3 needed)')
    >>> check(req, {"affiliates": 1}, {})
    Traceback (most recent call last):
    ...
    rulebook.ask.requirements.MissingBody: CLPs
    """
    if isinstance(requirement, Share):
        unsized = [b for b in requirement.of if b not in bodies]
        if unsized:
            raise MissingBody(unsized[0])
        total = sum(bodies[b] for b in requirement.of)
        got = sum(nominations.get(b, 0) for b in requirement.of)
        needed = math.ceil(requirement.share * total)
        return Check(
            got >= requirement.share * total,
            f"{got} of {total} {'+'.join(requirement.of)} ({needed} needed, {_percent(requirement.share)})",
        )
    if isinstance(requirement, Count):
        return _check_count(requirement, nominations, nominators or {}, membership or {})
    checks: list[Check] = []
    missing: MissingBody | MissingFacts | None = None
    for part in requirement.parts:
        try:
            checks.append(check(part, nominations, bodies, nominators, membership))
        except (MissingBody, MissingFacts) as exc:  # decisive only if the other parts do not settle it
            missing = missing or exc
    settled = any(not c.met for c in checks) if isinstance(requirement, AllOf) else any(c.met for c in checks)
    if missing is not None and not settled:
        raise missing
    if isinstance(requirement, AllOf):
        met = all(c.met for c in checks)
        shown = checks if met else [c for c in checks if not c.met]
        return Check(met, "; and ".join(c.detail for c in shown))
    met = any(c.met for c in checks)
    shown = [next(c for c in checks if c.met)] if met else checks
    return Check(met, " or ".join(c.detail for c in shown) if not met else shown[0].detail)


def shortfall(
    requirement: Requirement, nominations: Mapping[str, int], bodies: Mapping[str, int]
) -> tuple[int, list[dict[str, Any]]]:
    """How many more nominations would meet ``requirement``, and a row per share or count in it.

    Each row gives ``needs`` (in words), ``needed``, ``have`` and ``shortfall``.
    An all_of falls short by the sum of its parts' shortfalls, an any_of by the
    smallest. Only numbers are counted: the kinds and members a count may also
    ask for are for :func:`check` to judge. Raises :class:`MissingBody` for a
    share whose bodies are not sized.

    Examples
    --------
    >>> req = parse_requirement({"share": 0.2, "of": ["PLP", "EPLP"]})
    >>> total, rows = shortfall(req, {"PLP": 40}, {"PLP": 231, "EPLP": 20})
    >>> total, rows[0]["needed"], rows[0]["have"]
    (11, 51, 40)
    """
    if isinstance(requirement, Share | Count):
        have = sum(nominations.get(b, 0) for b in requirement.of)
        if isinstance(requirement, Share):
            unsized = [b for b in requirement.of if b not in bodies]
            if unsized:
                raise MissingBody(unsized[0])
            needed = math.ceil(requirement.share * sum(bodies[b] for b in requirement.of))
        else:
            needed = requirement.count
        gap = max(0, needed - have)
        return gap, [{"needs": describe(requirement), "needed": needed, "have": have, "shortfall": gap}]
    results = [shortfall(part, nominations, bodies) for part in requirement.parts]
    rows = [row for _, part_rows in results for row in part_rows]
    gaps = [gap for gap, _ in results]
    return (sum(gaps) if isinstance(requirement, AllOf) else min(gaps)), rows
