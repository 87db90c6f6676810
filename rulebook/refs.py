"""Cross-references: ``[[id]]`` in clause text, rendered as the target's citation.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("b", "1", [Level("arabic", "Rule {n}")],
...             [Clause("a", text="See [[b]]."), Clause("b", text="Fees.")])
>>> render_refs(v, "See [[b]].")
'See Rule 2.'
>>> referrers(v, "b")
['a']
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import TYPE_CHECKING

from rulebook.model import Version, walk
from rulebook.numbering import all_citations, citation

if TYPE_CHECKING:
    import networkx as nx

__all__ = ["REF", "dangling_references", "reference_graph", "references", "referrers", "render_refs"]

REF = re.compile(r"\[\[\s*([^\[\]\s]+)\s*\]\]")


def references(text: str | None) -> list[str]:
    """The ids referred to in a text, in order.

    Examples
    --------
    >>> references("see [[a.b]] and [[ c ]]")
    ['a.b', 'c']
    """
    return REF.findall(text or "")


def render_refs(version: Version, text: str, citations: dict[str, str] | None = None) -> str:
    """``text`` with each ``[[id]]`` replaced by the target's citation in ``version``
    (``[[id]]`` is kept, marked missing, when the target does not exist).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha", "({n})")],
    ...             [Clause("fee", text="Two pounds.", children=[Clause("fee.late", text="Late: see [[fee]].")]),
    ...              Clause("vote", text="Members vote, subject to [[fee.late]] and [[gone]].")])
    >>> render_refs(v, v.clause("vote").text)
    'Members vote, subject to Rule 1, (a) and [[missing: gone]].'
    """
    cites = citations if citations is not None else None

    def sub(m: re.Match[str]) -> str:
        target = m.group(1)
        if target not in version:
            return f"[[missing: {target}]]"
        if cites is not None:
            return cites[target]
        return citation(version, target)

    return REF.sub(sub, text)


def _edges(version: Version) -> Iterator[tuple[str, str]]:
    for _, clause in walk(version.clauses):
        for target in references(clause.text):
            yield clause.id, target


def reference_graph(version: Version) -> nx.DiGraph:
    """A DiGraph with an edge from each referring clause to each clause it cites.

    Nodes carry ``citation`` (None for a missing target).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha", "({n})")],
    ...             [Clause("fee", text="Two pounds.", children=[Clause("fee.late", text="Late: see [[fee]].")]),
    ...              Clause("vote", text="Members vote, subject to [[fee.late]] and [[gone]].")])
    >>> g = reference_graph(v)
    >>> sorted(g.edges)
    [('fee.late', 'fee'), ('vote', 'fee.late'), ('vote', 'gone')]
    >>> g.nodes["fee.late"]["citation"], g.nodes["gone"]["citation"]
    ('Rule 1, (a)', None)
    """
    import networkx as nx  # only the graph needs it; loading a book should not pay for it

    graph = nx.DiGraph()
    cites = all_citations(version)
    for cid, cite in cites.items():
        graph.add_node(cid, citation=cite)
    for source, target in _edges(version):
        if target not in graph:
            graph.add_node(target, citation=None)
        graph.add_edge(source, target)
    return graph


def referrers(version: Version, clause_id: str) -> list[str]:
    """Ids of the clauses whose text refers to ``clause_id``, in document order.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha", "({n})")],
    ...             [Clause("fee", text="Two pounds.", children=[Clause("fee.late", text="Late: see [[fee]].")]),
    ...              Clause("vote", text="Members vote, subject to [[fee.late]] and [[gone]].")])
    >>> referrers(v, "fee.late")
    ['vote']
    """
    return [source for source, target in _edges(version) if target == clause_id]


def dangling_references(version: Version) -> list[tuple[str, str]]:
    """``(referring id, missing id)`` for every reference to a clause that does not exist.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha", "({n})")],
    ...             [Clause("fee", text="Two pounds.", children=[Clause("fee.late", text="Late: see [[fee]].")]),
    ...              Clause("vote", text="Members vote, subject to [[fee.late]] and [[gone]].")])
    >>> dangling_references(v)
    [('vote', 'gone')]
    """
    return [(s, t) for s, t in _edges(version) if t not in version]
