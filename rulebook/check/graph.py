"""The conflict graph: motions as nodes, findings between them as edges.

Its connected groups of two or more motions are the sets that could be
composited, as a compositing meeting would: each group's motions deal with
the same clauses and must be settled together.

Examples
--------
>>> from rulebook.check.findings import Finding
>>> g = conflict_graph(["a", "b", "c", "d"], [Finding("overlap", ("a", "b"), (), "x"),
...                                            Finding("duplicate", ("b", "c"), (), "y")])
>>> composite_groups(g)
(('a', 'b', 'c'),)
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

import networkx as nx

from rulebook.check.findings import Finding

__all__ = ["composite_groups", "conflict_graph"]


def conflict_graph(motions: Sequence[str], findings: Iterable[Finding]) -> nx.Graph:
    """A graph with a node per motion (attribute ``order``: its position) and
    an edge between every two motions a finding names together (attribute
    ``findings``: those findings).

    Examples
    --------
    >>> from rulebook.check.findings import Finding
    >>> g = conflict_graph(["a", "b"], [Finding("overlap", ("a", "b"), (), "x")])
    >>> [f.kind for f in g.edges["a", "b"]["findings"]]
    ['overlap']
    """
    graph = nx.Graph()
    for i, motion in enumerate(motions):
        graph.add_node(motion, order=i)
    for finding in findings:
        names = list(dict.fromkeys(finding.motions))
        for i, a in enumerate(names):
            for b in names[i + 1 :]:
                if graph.has_edge(a, b):
                    graph.edges[a, b]["findings"].append(finding)
                else:
                    graph.add_edge(a, b, findings=[finding])
    return graph


def composite_groups(graph: nx.Graph) -> tuple[tuple[str, ...], ...]:
    """The connected groups of two or more motions, each in motion order,
    ordered by their first motion.

    Examples
    --------
    >>> composite_groups(conflict_graph(["a", "b"], []))
    ()
    """

    def order(motion: str) -> int:
        return int(graph.nodes[motion].get("order", 0))

    groups = [tuple(sorted(c, key=order)) for c in nx.connected_components(graph) if len(c) > 1]
    return tuple(sorted(groups, key=lambda g: order(g[0])))
