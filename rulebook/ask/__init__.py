"""The scenario engine: questions asked of versions, compared across versions, swept over motions.

Examples
--------
>>> from rulebook.ask import REGISTRY, ask, compare, sweep
>>> [n for n in REGISTRY.names() if n.startswith("nec.")]
['nec.composition', 'nec.vote']
"""

from __future__ import annotations

from rulebook.ask.answer import Answer, Because, Gap, Outcome
from rulebook.ask.compare import Comparison, compare
from rulebook.ask.engine import ask
from rulebook.ask.facts import Fact
from rulebook.ask.registry import REGISTRY, Question, Registry, question
from rulebook.ask.sweep import Sweep, sweep
from rulebook.ask.view import ProvisionView

__all__ = [
    "REGISTRY",
    "Answer",
    "Because",
    "Comparison",
    "Fact",
    "Gap",
    "Outcome",
    "ProvisionView",
    "Question",
    "Registry",
    "Sweep",
    "ask",
    "compare",
    "question",
    "sweep",
]
