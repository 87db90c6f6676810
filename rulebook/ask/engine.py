"""Asking a question of a version: run it on a recording view, then explain the answer.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> v = loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses:
...   - {id: committee, text: "Five members and a chair.",
...      provisions: {nec.seats: {members: {seats: 5}, chair: {seats: 1}}}}
... ''')
>>> answer = ask(v, "nec.composition")
>>> answer.status, answer.answer["total"], answer.answer["majority"]
('determined', 6, 4)
>>> answer.because[0].clause, answer.because[0].provision
('Rule 1', 'nec.seats')
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from typing import Any

import attrs

from rulebook.ask.answer import Answer, Because, Gap, Outcome
from rulebook.ask.facts import Fact
from rulebook.ask.registry import REGISTRY, Question, Registry
from rulebook.ask.view import ABSENT, ProvisionView, Read, Unstated
from rulebook.errors import QuestionError, RulebookError
from rulebook.model import Change, Version
from rulebook.numbering import citation

__all__ = ["Evaluation", "answer_for", "ask", "evaluate", "explain", "resolve_question"]


@attrs.frozen
class Evaluation:
    """One run of a question: its outcome (or the error it raised) and the reads it made.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: nec, text: "Five members.", provisions: {nec.seats: five}}]
    ... ''')
    >>> e = evaluate(resolve_question("nec.composition"), v, Fact.root(None))
    >>> e.outcome is None, type(e.error).__name__, [r.name for r in e.reads]
    (True, 'QuestionError', ['nec.seats'])
    >>> str(e.error).split(":")[0]
    "provision 'nec.seats' in Rule 1 (id nec) of version '1'"
    """

    outcome: Outcome | None
    error: RulebookError | None
    reads: tuple[Read, ...]

    def result(self) -> Outcome:
        """The outcome, or raise the error."""
        if self.error is not None:
            raise self.error
        assert self.outcome is not None
        return self.outcome


def resolve_question(question: str | Question, registry: Registry | None = None) -> Question:
    """The registered :class:`~rulebook.ask.registry.Question` for a name (or the question itself).

    Examples
    --------
    >>> q = resolve_question("provision")
    >>> q.name, q.required, resolve_question(q) is q
    ('provision', ('name',), True)
    """
    if isinstance(question, Question):
        return question
    return (registry or REGISTRY).get(question)


def evaluate(entry: Question, version: Version, facts: Fact) -> Evaluation:
    """Run a question function on ``version`` (facts already checked), keeping its reads.

    A :class:`~rulebook.errors.RulebookError` the question raises is kept, not
    raised, so that sweeps can report it for one combination and go on.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> e = evaluate(resolve_question("provision"), v, Fact.root({"name": "fees.annual"}))
    >>> e.error, e.result().answer["value"]
    (None, 15)
    >>> [(r.kind, r.name) for r in e.reads]
    [('clause', 'fees.annual'), ('value', 'fees.annual')]
    """
    view = ProvisionView(version)
    try:
        result = entry.function(view, facts)
    except RulebookError as exc:
        return Evaluation(None, exc, view.reads)
    if isinstance(result, Outcome):
        return Evaluation(_with_unstated(result, view.reads), None, view.reads)
    if isinstance(result, Mapping):
        return Evaluation(_with_unstated(Outcome(result), view.reads), None, view.reads)
    raise QuestionError(
        f"question {entry.name!r} returned {type(result).__name__}; a question returns an Outcome or a mapping"
    )


def _with_unstated(outcome: Outcome, reads: Iterable[Read]) -> Outcome:
    """The outcome with a gap for each provision read whose clause no longer states it
    (docs/provisions.md): the question saw it as absent, and the gap says which words."""
    lost = [r.result for r in reads if r.kind == "value" and isinstance(r.result, Unstated)]
    if not lost:
        return outcome
    names = {u.name for u in lost}
    kept = [g for g in outcome.gaps if g.provision not in names]
    extra = [Gap(reason, u.name) for u in lost for reason in u.reasons]
    return attrs.evolve(outcome, gaps=(*kept, *extra))


def _earlier(name: str, latest: Change | None, ancestors: Iterable[Version]) -> tuple[tuple[Change, Any], ...]:
    found: list[tuple[Change, Any]] = []
    seen = {latest} if latest is not None else set()
    for ancestor in ancestors:
        change = ancestor.provenance.get(name)
        if change is None or change in seen or ancestor.provision_clause(name) is None:
            continue
        seen.add(change)
        found.append((change, ancestor.provision(name)))
    return tuple(reversed(found))


def explain(
    version: Version,
    reads: Iterable[Read],
    ancestors: Iterable[Version] = (),
    cite: Callable[[Version, str], str] = citation,
) -> tuple[Because, ...]:
    """The ``because`` of an answer: each provision read that the version carries,
    with its clause, value, and the motion or ruling that set it.

    ``ancestors`` (nearest first) adds the earlier changes that set the same
    provision, e.g. a court upholding a ruling. ``cite`` makes citations
    (a :class:`~rulebook.ask.citing.CitationCache` in sweeps).

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> e = evaluate(resolve_question("provision"), v, Fact.root({"name": "fees.annual"}))
    >>> explain(v, e.reads)
    (Because(clause='Rule 1', id='fee', provision='fees.annual', value=15, set_by=None, earlier=()),)
    """
    older = [a for a in ancestors if a is not version]
    out: list[Because] = []
    seen: set[str] = set()
    cited: dict[str, str] = {}
    for read in reads:
        if read.kind != "value" or read.result is ABSENT or isinstance(read.result, Unstated) or read.name in seen:
            continue
        seen.add(read.name)
        cid = version.provision_clause(read.name)
        if cid is None:
            continue
        latest = version.provenance.get(read.name)
        if cid not in cited:
            cited[cid] = cite(version, cid)
        out.append(
            Because(
                clause=cited[cid],
                id=cid,
                provision=read.name,
                value=read.result,
                set_by=latest,
                earlier=_earlier(read.name, latest, older) if older else (),
            )
        )
    return tuple(out)


def answer_for(
    name: str,
    version: Version,
    outcome: Outcome,
    reads: Iterable[Read],
    ancestors: Iterable[Version] = (),
    cite: Callable[[Version, str], str] = citation,
) -> Answer:
    """The :class:`~rulebook.ask.answer.Answer` for an outcome of question ``name`` on ``version``.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> e = evaluate(resolve_question("provision"), v, Fact.root({"name": "fees.annual"}))
    >>> a = answer_for("provision", v, e.result(), e.reads)
    >>> a.question, a.version, a.status, a.because[0].provision
    ('provision', '1', 'determined', 'fees.annual')
    """
    return Answer(
        question=name,
        version=version.label,
        status=outcome.status,
        answer=outcome.answer,
        because=explain(version, reads, ancestors, cite),
        gaps=outcome.gaps,
    )


def ask(
    version: Version,
    question: str | Question,
    facts: Any = None,
    *,
    ancestors: Iterable[Version] | Mapping[str, Version] = (),
    registry: Registry | None = None,
) -> Answer:
    """Answer ``question`` on ``version`` given ``facts`` (a mapping; None for none).

    Parameters
    ----------
    version:
        The version whose provisions the question reads.
    question:
        A registered name (``rulebook.ask.registry``) or a :class:`Question`.
    facts:
        The facts the question needs (docs/questions.md), or None.
    ancestors:
        Versions, nearest first, or ``History.lineage(label)``: then ``because``
        lists the earlier rulings and motions behind a provision.
    registry:
        Where to look the question up; default the built-in registry.

    Returns
    -------
    Answer
        The answer, its status, ``because`` (each provision read, under its
        clause) and ``gaps``.

    Raises
    ------
    QuestionError
        An unknown question.
    FactsError
        Facts that do not fit the question.

    Examples
    --------
    >>> v = club  # the one-rule club book of the doctests (conftest.py)
    >>> a = ask(v, "provision", {"name": "fees.annual"})
    >>> a.status, a.answer["value"], a.answer["clause"]
    ('determined', 15, 'Rule 1')
    """
    entry = resolve_question(question, registry)
    root = Fact.root(facts)
    entry.check_facts(root)
    evaluation = evaluate(entry, version, root)
    older = list(ancestors.values()) if isinstance(ancestors, Mapping) else list(ancestors)
    return answer_for(entry.name, version, evaluation.result(), evaluation.reads, older)
