"""Asking questions: the registry, the recorded reads, ``because`` and its rulings."""

from __future__ import annotations

from importlib import metadata
from typing import Any

import pytest

from rulebook.ask.answer import Outcome
from rulebook.ask.engine import ask
from rulebook.ask.facts import Fact
from rulebook.ask.registry import ENTRY_POINT_GROUP, REGISTRY, Registry, question
from rulebook.ask.view import ProvisionView
from rulebook.errors import FactsError, QuestionError
from rulebook.history import load_history
from rulebook.io.rulebook import loads
from tests.conftest import LABOUR

CLUB = loads(
    """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}, {style: lower-alpha}]
clauses:
  - id: fees
    clauses:
      - {id: fees.annual, text: "15 pounds.", provisions: {fees.annual: 15}}
  - {id: committee, text: "Five.", provisions: {nec.seats: {members: {seats: 5}}}}
"""
)


def test_a_registered_function_is_asked_by_name_and_its_reads_become_because() -> None:
    registry = Registry(builtins=False, entry_points=False)

    @question("club.fee", facts=("members",), registry=registry)
    def fee(view: ProvisionView, facts: Fact) -> dict[str, Any]:
        members = facts.require("members").integer()
        return {"total": view.get("fees.annual") * members, "joining": view.get("fees.joining")}

    answer = ask(CLUB, "club.fee", {"members": 3}, registry=registry)
    assert answer.determined
    assert answer.answer["total"] == 45
    assert [(b.clause, b.id, b.provision, b.value) for b in answer.because] == [
        ("Rule 1.a", "fees.annual", "fees.annual", 15)
    ]


def test_a_question_gets_the_function_back_unchanged_and_rejects_a_second_owner_of_its_name() -> None:
    registry = Registry(builtins=False, entry_points=False)

    def first(view: ProvisionView, facts: Fact) -> Outcome:
        return Outcome({})

    def second(view: ProvisionView, facts: Fact) -> Outcome:
        return Outcome({"x": 1})

    assert question("q", registry=registry)(first) is first
    with pytest.raises(QuestionError, match="already registered"):
        question("q", registry=registry)(second)
    question("q", registry=registry, replace=True)(second)
    assert ask(CLUB, "q", registry=registry).answer["x"] == 1


def test_an_unknown_fact_is_refused_with_the_nearest_name() -> None:
    with pytest.raises(FactsError, match=r"unknown fact 'bdy'.*did you mean 'body'"):
        ask(CLUB, "nec.composition", {"bdy": "cac"})


def test_an_unknown_question_suggests_the_nearest() -> None:
    with pytest.raises(QuestionError, match=r"did you mean 'nec.vote'"):
        ask(CLUB, "nec.vot")


def test_a_question_returning_something_else_is_a_question_error() -> None:
    registry = Registry(builtins=False, entry_points=False)
    question("bad", registry=registry)(lambda view, facts: 42)
    with pytest.raises(QuestionError, match="returned int"):
        ask(CLUB, "bad", registry=registry)


def test_questions_load_from_the_entry_point_group(monkeypatch: pytest.MonkeyPatch) -> None:
    def fake(group: str) -> list[metadata.EntryPoint]:
        assert group == ENTRY_POINT_GROUP
        return [metadata.EntryPoint("club.members", "tests.test_ask_engine:plugin_question", ENTRY_POINT_GROUP)]

    monkeypatch.setattr(metadata, "entry_points", lambda group: fake(group))
    registry = Registry()
    assert "club.members" in registry.names()
    assert ask(CLUB, "club.members", registry=registry).answer["seats"] == 5


def plugin_question(view: ProvisionView, facts: Fact) -> dict[str, Any]:
    """A question as another package would ship it (see the entry point test)."""
    return {"seats": view.get("nec.seats")["members"]["seats"]}


def test_a_broken_entry_point_is_a_question_error_naming_it(monkeypatch: pytest.MonkeyPatch) -> None:
    broken = metadata.EntryPoint("club.broken", "no_such_module_xyz:f", ENTRY_POINT_GROUP)
    monkeypatch.setattr(metadata, "entry_points", lambda group: [broken])
    with pytest.raises(QuestionError, match=r"no_such_module_xyz:f.*failed to load"):
        Registry().get("club.broken")


def test_the_builtins_are_registered() -> None:
    assert {
        "leadership.ballot",
        "nec.composition",
        "nec.vote",
        "conference.vote",
        "shadow_cabinet.composition",
        "provision",
    } <= set(REGISTRY.names())


def test_because_names_the_ruling_and_the_earlier_ruling_it_upheld() -> None:
    history = load_history(LABOUR)
    version = history.select("2016-08-01")
    answer = ask(
        version, "provision", {"name": "leadership.incumbent_automatic"}, ancestors=history.lineage("2016-07-28")
    )
    [because] = answer.because
    assert because.set_by is not None and because.set_by.kind == "ruling"
    assert "High Court" in (because.set_by.authority or "")
    assert [(c.authority, v) for c, v in because.earlier] == [("NEC, 12 July 2016", True)]
    data = answer.to_data()["because"][0]
    assert data["clause"] == "Chapter 4, Clause II.2.B.ii"
    assert data["set_by"]["kind"] == "ruling"


def test_because_of_a_provision_the_book_started_with_has_no_setter() -> None:
    answer = ask(CLUB, "provision", {"name": "fees.annual"})
    assert answer.because[0].set_by is None
    assert answer.to_data()["because"][0]["set_by"] is None
