"""Answers: what a question found, why (the provisions behind it), and what the rules leave open.

An :class:`Answer` is ``determined`` when the rules settle everything the facts
need, ``undetermined`` when they are silent on something: its ``gaps`` then
say what, and its ``answer`` holds what is settled. ``because`` lists every
provision the question read, with the clause that carries it and the ruling or
motion that last set it.

Examples
--------
>>> a = Answer("provision", "2016", "undetermined", {}, (),
...            (Gap("no clause carries provision 'nec.tie'", provision="nec.tie"),))
>>> a.to_data()["gaps"]
[{'message': "no clause carries provision 'nec.tie'", 'provision': 'nec.tie'}]
>>> print(a.to_text())
provision on version 2016: UNDETERMINED
gaps:
  - no clause carries provision 'nec.tie'
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs
from immutabledict import immutabledict

from rulebook.diff import change_data
from rulebook.display import Displayable
from rulebook.model import Change, as_tuple, freeze, thaw

__all__ = ["DETERMINED", "UNDETERMINED", "Answer", "Because", "Gap", "Outcome", "change_data"]

DETERMINED = "determined"
UNDETERMINED = "undetermined"


@attrs.frozen
class Gap:
    """Something the facts need on which the rules are silent.

    ``provision`` names the provision whose absence leaves it open, if one does.

    Examples
    --------
    >>> Gap.silent("nec.tie", "what happens on a tied vote").message
    'the rules do not say what happens on a tied vote (no provision nec.tie)'
    """

    message: str
    provision: str | None = None

    @classmethod
    def silent(cls, provision: str, what: str) -> Gap:
        """The rules do not say ``what``: no clause carries ``provision``."""
        return cls(f"the rules do not say {what} (no provision {provision})", provision)

    def to_data(self) -> dict[str, Any]:
        """``{"message", "provision"}``."""
        return {"message": self.message, "provision": self.provision}


def _freeze_value(value: Any) -> Any:
    if isinstance(value, immutabledict | int | float | str | bool) or value is None:
        return value  # provision values come frozen from the version
    return freeze(value)


@attrs.frozen
class Because:
    """A provision an answer rests on: the clause (citation and id), its value,
    the motion or ruling that last set it (None: the text the book started
    with), and, when the version's ancestors are known, ``earlier`` changes
    that set it before (oldest first, each with the value it set).

    Examples
    --------
    >>> nec = Change("ruling", "r1", authority="NEC, 12 July 2016")
    >>> b = Because("Rule 1", "fee", "fees.annual", 10, Change("motion", "cut"), earlier=((nec, 15),))
    >>> b.to_data()["set_by"]["id"], b.to_data()["earlier"][0]["value"]
    ('cut', 15)
    """

    clause: str
    id: str
    provision: str
    value: Any = attrs.field(converter=_freeze_value)
    set_by: Change | None = None
    earlier: tuple[tuple[Change, Any], ...] = ()

    def to_data(self) -> dict[str, Any]:
        """``{"clause", "id", "provision", "value", "set_by", "earlier"}``."""
        return {
            "clause": self.clause,
            "id": self.id,
            "provision": self.provision,
            "value": thaw(self.value),
            "set_by": change_data(self.set_by),
            "earlier": [{**(change_data(c) or {}), "value": thaw(v)} for c, v in self.earlier],
        }


def _freeze_answer(value: Any) -> Any:
    if isinstance(value, immutabledict):  # already frozen (by an Outcome): share it
        return value
    return freeze(dict(value) if isinstance(value, Mapping) else value)


@attrs.frozen
class Outcome:
    """What a question function returns: its answer and the gaps it found.

    A question may return a plain mapping instead: an outcome with no gaps.

    Examples
    --------
    >>> Outcome({"total": 3}).status
    'determined'
    """

    answer: Mapping[str, Any] = attrs.field(converter=_freeze_answer)
    gaps: tuple[Gap, ...] = attrs.field(default=(), converter=as_tuple)

    @property
    def status(self) -> str:
        """``undetermined`` when there are gaps, else ``determined``."""
        return UNDETERMINED if self.gaps else DETERMINED


@attrs.frozen
class Answer(Displayable):
    """A question's answer on one version (docs/questions.md).

    ``to_data()`` is the JSON form ``{"question", "version", "status",
    "answer", "because", "gaps"}``; ``to_text()`` is for terminals; in Jupyter
    it shows as HTML tables and in ``rich`` as a table.

    Examples
    --------
    >>> a = Answer("provision", "1", "determined", {"value": 15}, (), ())
    >>> a.to_data()["answer"], a.status
    ({'value': 15}, 'determined')
    """

    question: str
    version: str
    status: str
    answer: Mapping[str, Any] = attrs.field(converter=_freeze_answer)
    because: tuple[Because, ...] = attrs.field(default=(), converter=as_tuple)
    gaps: tuple[Gap, ...] = attrs.field(default=(), converter=as_tuple)

    PRESENTER = "rulebook.ask.display:answer"

    @property
    def determined(self) -> bool:
        """Whether the rules settle the question on these facts."""
        return self.status == DETERMINED

    def to_data(self) -> dict[str, Any]:
        """The answer as JSON-ready data."""
        return {
            "question": self.question,
            "version": self.version,
            "status": self.status,
            "answer": thaw(self.answer),
            "because": [b.to_data() for b in self.because],
            "gaps": [g.to_data() for g in self.gaps],
        }
