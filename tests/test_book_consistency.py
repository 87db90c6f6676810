"""A book must be unambiguous and its invariants evaluable: two sibling clauses never carry one number."""

from __future__ import annotations

import pytest

import rulebook
from rulebook import Amendment, Clause, Motion

BOOK = """\
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}]
clauses:
  - {id: a, text: "One."}
  - {id: b, number: "1A", text: "One A."}
  - {id: c, text: "Two."}
"""


def test_a_pinned_number_equal_to_a_positional_one_is_refused_at_load() -> None:
    text = BOOK.replace('number: "1A"', 'number: "2"')  # Rule 1, Rule 2 (pinned), and 'c' is Rule 2 too
    with pytest.raises(rulebook.SchemaError, match=r"^book.yaml:7: clauses 'b' and 'c' would both be numbered '2'"):
        rulebook.loads(text, "book.yaml")


def test_two_equal_pinned_numbers_are_refused_at_load() -> None:
    text = BOOK.replace("{id: c, ", '{id: c, number: "1a", ')
    with pytest.raises(rulebook.SchemaError, match=r"^book.yaml:7: clauses 'b' and 'c' would both be numbered '1a'"):
        rulebook.loads(text, "book.yaml")


@pytest.mark.parametrize(
    "amendment",
    [
        Amendment("insert_clause", after="Rule 2", new_clause=Clause("d", number="1A", text="Again.")),
        Amendment("insert_clause", after="Rule 2", new_clause=Clause("d", number="2", text="Positional clash.")),
    ],
)
def test_a_motion_that_would_number_two_clauses_alike_fails_whole(amendment: Amendment) -> None:
    v = rulebook.loads(BOOK)
    with pytest.raises(rulebook.AmendmentError, match="would both be numbered"):
        rulebook.apply(v, Motion("m", [amendment]))
    assert rulebook.loads(BOOK) == v


def test_inserting_a_clause_can_push_a_number_onto_a_pinned_one() -> None:
    v = rulebook.loads(BOOK.replace('number: "1A"', 'number: "3"'))  # Rule 1, Rule 3 (pinned), Rule 2
    insert = Amendment("insert_clause", before="Rule 1", new_clause=Clause("d", text="New."))
    with pytest.raises(rulebook.AmendmentError, match="'b' and 'c' would both be numbered '3'"):
        rulebook.apply(v, Motion("m", [insert]))
    assert rulebook.apply(v, Motion("m", [Amendment("delete_clause", clause="Rule 1")])).clause("c").number is None


def test_an_invariant_that_cannot_be_evaluated_is_refused_at_load_with_its_line() -> None:
    text = BOOK.replace("clauses:", "invariants:\n  - {name: x, provision: p, min: 3, max: 1}\nclauses:", 1)
    with pytest.raises(rulebook.InvariantSpecError, match=r"^book.yaml:5: invariant 'x': min 3 is greater than max 1"):
        rulebook.loads(text, "book.yaml")
