"""Cross-references: ``[[id]]`` rendered as citations, the reference graph, referrers."""

from __future__ import annotations

import networkx as nx

from rulebook.model import Clause, Level, Version, delete_clause, insert_clause
from rulebook.refs import dangling_references, reference_graph, references, referrers, render_refs


def _book() -> Version:
    return Version(
        "club",
        "1",
        [Level("arabic", "Rule {n}"), Level("lower-alpha")],
        [
            Clause("intro", text="See [[fees]] and [[fees.late]]."),
            Clause("fees", text="Dues.", children=[Clause("fees.late", text="Late dues; see [[ fees ]].")]),
            Clause("end", text="No references here."),
        ],
    )


def test_references_are_found_in_order_with_spaces_forgiven():
    assert references("see [[a.b]], then [[ c ]] and [[a.b]]") == ["a.b", "c", "a.b"]
    assert references(None) == []
    assert references("[[]] and [ [x] ] and [[two words]]") == []


def test_a_reference_renders_as_the_targets_current_citation():
    book = _book()
    assert render_refs(book, book.clause("intro").text or "") == "See Rule 2 and Rule 2.a."
    assert render_refs(book, "[[ fees ]]") == "Rule 2"


def test_a_reference_follows_its_target_when_clauses_are_renumbered():
    book = insert_clause(_book(), None, 0, Clause("new", text="First."))
    assert render_refs(book, "[[fees]] [[fees.late]]") == "Rule 3 Rule 3.a"


def test_a_missing_target_is_marked_not_hidden():
    assert render_refs(_book(), "see [[gone]]") == "see [[missing: gone]]"


def test_the_reference_graph_has_an_edge_per_reference_and_citations_on_nodes():
    graph = reference_graph(_book())
    assert isinstance(graph, nx.DiGraph)
    assert set(graph.edges) == {("intro", "fees"), ("intro", "fees.late"), ("fees.late", "fees")}
    assert graph.nodes["fees.late"]["citation"] == "Rule 2.a"
    assert graph.nodes["end"]["citation"] == "Rule 3"


def test_referrers_say_what_refers_to_a_clause():
    book = _book()
    assert referrers(book, "fees") == ["intro", "fees.late"]
    assert referrers(book, "end") == []


def test_dangling_references_appear_after_their_target_is_deleted():
    book = _book()
    assert dangling_references(book) == []
    without = delete_clause(book, "fees")
    assert dangling_references(without) == [("intro", "fees"), ("intro", "fees.late")]
    graph = reference_graph(without)
    assert graph.nodes["fees"]["citation"] is None
