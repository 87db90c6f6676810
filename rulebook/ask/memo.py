"""Reusing answers: a question that reads the same provision values gives the same answer.

Questions are deterministic in what they read (docs/questions.md: they read only the
version's provisions and the facts), so an evaluation can be filed under the
sequence of reads it made. The memo is a trie: each node asks one read
(``value`` of a provision, ``clause`` that carries it, ...) and branches on
what a version shows there. Looking a version up replays those reads, a few
dictionary lookups, and lands on an earlier evaluation exactly when the
question would have made the same reads and so given the same answer.

Examples
--------
>>> from rulebook.model import Clause, Level, Version, replace_clause, evolve_clause
>>> from rulebook.ask.engine import evaluate, resolve_question
>>> from rulebook.ask.facts import Fact
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
...             [Clause("c", provisions={"nec.seats": {"members": {"seats": 5}}}), Clause("other", text="x")])
>>> q, facts = resolve_question("nec.composition"), Fact.root({})
>>> memo = AnswerMemo()
>>> memo.lookup(v) is None
True
>>> memo.store(evaluate(q, v, facts))
>>> w = replace_clause(v, evolve_clause(v.clause("other"), text="y"))
>>> memo.lookup(w).outcome.answer["total"], memo.hits
(5, 1)
"""

from __future__ import annotations

from typing import Any

from rulebook.ask.engine import Evaluation
from rulebook.ask.view import observe
from rulebook.model import Version, typed_key

__all__ = ["AnswerMemo"]


class _Node:
    __slots__ = ("children", "evaluation", "key")

    def __init__(self) -> None:
        self.key: tuple[str, str] | None = None
        self.children: dict[Any, _Node] = {}
        self.evaluation: Evaluation | None = None


class AnswerMemo:
    """Evaluations of one question with one set of facts, filed by the reads they made."""

    def __init__(self) -> None:
        self._root = _Node()
        self.hits = 0
        self.misses = 0

    def lookup(self, version: Version) -> Evaluation | None:
        """The evaluation the question would repeat on ``version``, if one is filed."""
        node = self._root
        while node.evaluation is None:
            if node.key is None:
                self.misses += 1
                return None
            # typed: a read that saw 0 must not answer for one that sees false
            seen = typed_key(observe(version, *node.key))
            child = node.children.get(seen)
            if child is None:
                self.misses += 1
                return None
            node = child
        self.hits += 1
        return node.evaluation

    def store(self, evaluation: Evaluation) -> None:
        """File an evaluation under its reads (ignored if the question is not
        deterministic in its reads, which would make the memo unsafe)."""
        node = self._root
        for read in evaluation.reads:
            if node.evaluation is not None:
                return
            if node.key is None:
                node.key = read.key
            elif node.key != read.key:
                return
            node = node.children.setdefault(typed_key(read.result), _Node())
        if node.key is None and not node.children:
            node.evaluation = evaluation
