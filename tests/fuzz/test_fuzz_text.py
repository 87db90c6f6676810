"""Fuzzing what people type: amendment wording and citations.

The wording parser reads the input or raises a
:class:`~rulebook.errors.WordingError` naming the word and column; a citation
resolves to a clause or raises a :class:`~rulebook.errors.CitationError`
naming the nearest citations. Nothing else escapes.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from mutations import CLUB, LABOUR, NOISE, WORDINGS, mutated_text

from rulebook.amend.motion import Amendment
from rulebook.errors import CitationError, WordingError
from rulebook.history import load
from rulebook.io.rulebook import load_file
from rulebook.numbering import all_citations, resolve
from rulebook.strategies import rulebooks

wording = pytest.importorskip("rulebook.amend.wording")

BOOK = load_file(CLUB)
LABOUR_2016 = load(f"{LABOUR}@2016")
CITATIONS = tuple(all_citations(BOOK).values()) + tuple(all_citations(LABOUR_2016).values())[:60]
TYPED = st.text(alphabet=st.sampled_from(" ,.;:'\"-()[]{}aAiIvVxX0123456789RuleChapterClause\t\n"), max_size=40)


@given(mutated_text(WORDINGS) | st.text(max_size=120) | TYPED)
def test_wording_parses_or_names_the_word_and_column(text):
    try:
        parsed = wording.parse_wording(text)
    except WordingError as exc:
        message = str(exc)
        assert "\n" not in message
        assert re.search(r"wording|quotation", message), message
        return
    assert all(isinstance(a, Amendment) for a in parsed)
    # nothing to do is a reading only of a renumbering, which numbering computes (docs/motions.md)
    assert parsed or re.search(r"re-?\s*(number|letter)", text, re.IGNORECASE), text


def test_a_renumbering_alone_asks_for_nothing():
    # found by the thorough profile: the property above said every reading has an amendment
    assert wording.parse_wording("RELETTER") == ()
    assert wording.parse_wording("Renumber accordingly.") == ()


@given(st.sampled_from(WORDINGS), st.integers(0, 200), st.sampled_from(NOISE))
def test_wording_with_noise_inserted_anywhere(text, at, noise):
    at = min(at, len(text))
    try:
        wording.parse_wording(text[:at] + noise + text[at:])
    except WordingError as exc:
        assert "\n" not in str(exc)


@given(st.sampled_from(CITATIONS) | TYPED | st.text(max_size=60), st.data())
def test_a_citation_resolves_or_names_the_nearest(ref, data):
    if data.draw(st.booleans()) and ref:
        ref = data.draw(mutated_text((ref,)))
    for version in (BOOK, LABOUR_2016):
        try:
            clause = resolve(version, ref)
        except CitationError as exc:
            message = str(exc)
            assert "\n" not in message
            assert "stable id or its citation" in message
            continue
        assert clause.id in version


@given(rulebooks(max_depth=4), st.data())
def test_citations_of_generated_books_never_crash_resolution(version, data):
    cites = list(all_citations(version).values())
    ref = data.draw(mutated_text(tuple(cites)) if cites else TYPED)
    try:
        clause = resolve(version, ref)
    except CitationError as exc:
        assert "\n" not in str(exc) and ref not in cites
        return
    assert clause.id in version
    if ref in cites:
        assert all_citations(version)[clause.id] == ref  # a real citation names its own clause
