"""Hypothesis strategies for rule books, motions, sets of motions and facts.

A rules repository can property-test its own invariants with these: generate
motions against its real book and assert that whatever passes ``check`` keeps
the book sound. The strategies are small by default and shrink to readable
examples: clause ids ``c1``, ``c2``, ..., words from a short vocabulary.

This module needs :mod:`hypothesis` (``pip install 'rulebook[testing]'``).

Examples
--------
>>> from hypothesis import given, settings
>>> from rulebook.numbering import all_citations, resolve
>>> @settings(max_examples=5, database=None)
... @given(rulebooks())
... def test_every_citation_resolves(version):
...     for cid, cite in all_citations(version).items():
...         assert resolve(version, cite).id == cid
>>> test_every_citation_resolves()
"""

try:
    import hypothesis  # noqa: F401
except ImportError as exc:  # pragma: no cover - exercised only without the testing extra
    raise ImportError("rulebook.strategies needs hypothesis; install it with: pip install 'rulebook[testing]'") from exc

from rulebook.strategies.books import numbering_schemes, provision_values, rulebooks
from rulebook.strategies.common import LABELS, PROVISION_NAMES, QUESTIONS, WORDS
from rulebook.strategies.facts import facts
from rulebook.strategies.motions import motion_sets, motions

__all__ = [
    "LABELS",
    "PROVISION_NAMES",
    "QUESTIONS",
    "WORDS",
    "facts",
    "motion_sets",
    "motions",
    "numbering_schemes",
    "provision_values",
    "rulebooks",
]
