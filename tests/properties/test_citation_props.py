"""The tolerant reading of citations never names a different clause than the book's own form."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from rulebook.errors import CitationError
from rulebook.numbering import all_citations, resolve
from rulebook.strategies import rulebooks


def _reworded(cite: str, how: int, labels: list[str]) -> str:
    """One of the ways motions reword a citation: punctuation, case, labels, a leading "In"."""
    if how == 0:
        return "In " + cite
    if how == 1:
        return cite.replace(", ", " ").replace(".", " ")
    if how == 2:
        return cite.lower() + ","
    if how == 3:
        for word in labels:  # the book's label words left out
            cite = re.sub(rf"\b{re.escape(word)}\s*", "", cite)
        return cite
    return re.sub(r"\.([^\W\d_]+)\b", r" (\1)", cite)  # letters in parentheses


@given(rulebooks(max_depth=4, max_clauses=14), st.data())
def test_a_reworded_citation_names_its_clause_or_is_refused(version, data):
    cites = all_citations(version)
    clause_id = data.draw(st.sampled_from(sorted(cites)))
    labels = [w for lv in version.numbering if lv.label for w in re.findall(r"[^\W\d_]+", lv.label.replace("{n}", ""))]
    reworded = _reworded(cites[clause_id], data.draw(st.integers(0, 4)), labels)
    try:
        found = resolve(version, reworded).id
    except CitationError:
        return
    assert found == clause_id or reworded in cites.values() or reworded in version


@given(rulebooks(max_depth=4, max_clauses=14))
def test_the_book_s_own_citations_still_resolve_as_before(version):
    for clause_id, cite in all_citations(version).items():
        assert resolve(version, cite).id == clause_id
