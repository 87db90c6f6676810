"""The requirement language of nomination thresholds (CONTRACT section 4).

A requirement is ``{share: x, of: [BODIES]}`` (nominations from those bodies
together at least ``x`` times their total size), ``{count: n, of: [BODIES]}``
(at least ``n`` nominations from them), ``{all_of: [REQ, ...]}`` or
``{any_of: [REQ, ...]}``. Shares are read exactly as written (0.15 is 3/20),
so a threshold is never missed by a rounding error.

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
    "Requirement",
    "Share",
    "bodies_of",
    "check",
    "describe",
    "parse_requirement",
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
    """At least ``count`` nominations from ``of`` together.

    Examples
    --------
    >>> req = Count(3, ("affiliates",))
    >>> describe(req), check(req, {"affiliates": 3}, {}).met
    ('at least 3 from affiliates', True)
    """

    count: int
    of: tuple[str, ...]


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
    if keys == {"count", "of"}:
        count = value["count"]
        if isinstance(count, bool) or not isinstance(count, int) or count < 0:
            raise ValueError(f"{where}'count' must be a whole number from 0, not {count!r}")
        return Count(count, _bodies(value["of"], where))
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
        return f"at least {requirement.count} from {'+'.join(requirement.of)}"
    parts = [describe(p) for p in requirement.parts]
    if isinstance(requirement, AllOf):
        return ", and ".join(parts)
    return "either " + " or ".join(parts)


class MissingBody(LookupError):
    """A requirement counts a body whose size the facts do not give."""

    def __init__(self, body: str) -> None:
        super().__init__(body)
        self.body = body


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


def check(requirement: Requirement, nominations: Mapping[str, int], bodies: Mapping[str, int]) -> Check:
    """Whether ``nominations`` (body -> number) meet ``requirement``, given each body's size.

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
        got = sum(nominations.get(b, 0) for b in requirement.of)
        return Check(got >= requirement.count, f"{got} from {'+'.join(requirement.of)} ({requirement.count} needed)")
    checks: list[Check] = []
    missing: MissingBody | None = None
    for part in requirement.parts:
        try:
            checks.append(check(part, nominations, bodies))
        except MissingBody as exc:  # decisive only if the other parts do not settle it
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
