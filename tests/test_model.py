"""The immutable model: clauses, versions, and the tree edits that share subtrees."""

from __future__ import annotations

import attrs
import pytest
from immutabledict import immutabledict

from rulebook.errors import CitationError
from rulebook.model import (
    Clause,
    Level,
    Version,
    delete_clause,
    evolve_clause,
    freeze,
    insert_clause,
    replace_clause,
    thaw,
    walk,
)


def _book() -> Version:
    return Version(
        "club",
        "1",
        [Level("arabic", "Rule {n}"), Level("arabic"), Level("lower-alpha")],
        [
            Clause("a", heading="A", children=[Clause("a.1", text="one", provisions={"fee": 5}), Clause("a.2")]),
            Clause("b", heading="B", children=[Clause("b.1", children=[Clause("b.1.x", provisions={"q": [1, 2]})])]),
        ],
    )


def test_clauses_and_versions_are_frozen():
    book = _book()
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        book.label = "2"  # type: ignore[misc]
    with pytest.raises(attrs.exceptions.FrozenInstanceError):
        book.clauses[0].text = "x"  # type: ignore[misc]
    with pytest.raises(TypeError):
        book.clause("a.1").provisions["fee"] = 6  # type: ignore[index]


def test_provision_values_are_frozen_recursively_and_thaw_back():
    value = {"of": ["PLP", "EPLP"], "share": 0.2, "nested": {"x": [1, {"y": 2}]}}
    frozen = freeze(value)
    assert isinstance(frozen, immutabledict)
    assert frozen["of"] == ("PLP", "EPLP")
    assert thaw(frozen) == value
    clause = Clause("c", provisions=value)
    assert clause.provisions["nested"]["x"][1]["y"] == 2
    assert hash(clause.provisions["of"]) == hash(("PLP", "EPLP"))


def test_lookups_by_id_path_and_lineage():
    book = _book()
    assert book.clause("b.1.x").id == "b.1.x"
    assert book.path("b.1.x") == (1, 0, 0)
    assert [c.id for c in book.lineage("b.1.x")] == ["b", "b.1", "b.1.x"]
    assert [c.id for c in book.siblings("a.2")] == ["a.1", "a.2"]
    assert [c.id for c in book.siblings("b")] == ["a", "b"]
    assert "a.2" in book and "zz" not in book
    assert len(book) == 6


def test_an_unknown_id_raises_a_citation_error_naming_the_version():
    with pytest.raises(CitationError, match=r"no clause with id 'zz' in version '1'"):
        _book().clause("zz")
    with pytest.raises(CitationError):
        _book().siblings("zz")


def test_the_provision_index_names_the_carrying_clause():
    book = _book()
    assert book.provision_clause("fee") == "a.1"
    assert book.provision("q") == (1, 2)
    assert book.provision("absent") is None
    assert book.provision_clause("absent") is None


def test_walk_visits_in_document_order_with_depth():
    assert [(d, c.id) for d, c in walk(_book().clauses)] == [
        (0, "a"),
        (1, "a.1"),
        (1, "a.2"),
        (0, "b"),
        (1, "b.1"),
        (2, "b.1.x"),
    ]


def test_walk_handles_trees_deeper_than_the_recursion_limit():
    node = Clause("leaf")
    for i in range(3000):
        node = Clause(f"n{i}", children=[node])
    assert sum(1 for _ in walk((node,))) == 3001


def test_replacing_a_clause_leaves_the_old_version_alone_and_shares_siblings():
    book = _book()
    newer = replace_clause(book, evolve_clause(book.clause("a.1"), text="uno"))
    assert newer.clause("a.1").text == "uno"
    assert book.clause("a.1").text == "one"
    assert newer.clauses[1] is book.clauses[1]  # the untouched subtree is shared
    assert newer.clause("a.2") is book.clause("a.2")


def test_replacing_provisions_updates_the_index():
    book = _book()
    newer = replace_clause(book, evolve_clause(book.clause("a.1"), provisions={"dues": 1}))
    assert newer.provision_clause("dues") == "a.1"
    assert newer.provision_clause("fee") is None
    assert book.provision_clause("fee") == "a.1"


def test_inserting_a_clause_indexes_its_whole_subtree():
    book = _book()
    new = Clause("c", children=[Clause("c.1", provisions={"seats": 3})])
    newer = insert_clause(book, None, 1, new)
    assert [c.id for c in newer.clauses] == ["a", "c", "b"]
    assert newer.parents["c.1"] == "c"
    assert newer.provision_clause("seats") == "c.1"
    assert "c" not in book
    nested = insert_clause(book, "b.1", 0, Clause("b.1.w"))
    assert [c.id for c in nested.clause("b.1").children] == ["b.1.w", "b.1.x"]


def test_deleting_a_clause_removes_its_subtree_and_provisions():
    book = _book()
    newer = delete_clause(book, "b")
    assert [c.id for c in newer.clauses] == ["a"]
    assert "b.1.x" not in newer and "b.1" not in newer
    assert newer.provision_clause("q") is None
    assert len(newer) == 3
    assert len(book) == 6


def test_equality_is_by_content_not_by_history():
    book = _book()
    changed = replace_clause(book, evolve_clause(book.clause("a.1"), text="uno"))
    back = replace_clause(changed, evolve_clause(changed.clause("a.1"), text="one"))
    assert back == book
    assert attrs.evolve(book, parent="0") == book
    assert attrs.evolve(book, label="2") != book


def test_a_level_refuses_an_unknown_style():
    with pytest.raises(ValueError):
        Level("greek")


def test_evolving_a_clauses_words_keeps_every_other_field():
    from rulebook.statement import Stated

    full = Clause(
        "a", heading="H", text="Six.", provisions={"q": 6}, children=[Clause("a.1")], number="2A", stated=[Stated("q")]
    )
    for changes in ({"text": "Seven."}, {"heading": None}, {"number": "3"}, {"text": "x", "heading": "y"}):
        quick = evolve_clause(full, **changes)
        slow = attrs.evolve(full, **changes)
        names = [f.name for f in attrs.fields(Clause)]
        assert [getattr(quick, n) for n in names] == [getattr(slow, n) for n in names]
    # evolve_clause names these fields in this order: a new field must be added there too
    assert names == ["id", "heading", "text", "provisions", "children", "number", "stated"]
