"""A number read back into a position gives what the index of the run's numbers gives
(docs/architecture.md, "Speed").

When no sibling of a run pins its number, :mod:`rulebook.numbering` reads a
number of a citation back into the sibling's position (:func:`position_of`)
instead of indexing every number of the run. These check it against the
index, token by token (numbers in any case, past the end, written with
leading zeros or as no roman numeral is written, and not numbers at all), and
whole citations read with and without it, pinned numbers included.
"""

from __future__ import annotations

from unittest import mock

from hypothesis import given
from hypothesis import strategies as st

from rulebook.errors import RulebookError
from rulebook.model import Clause, Level, Version
from rulebook.numbering import _find, _number_index, all_citations, format_number, position_of, resolve_id
from rulebook.strategies import rulebooks

_STYLES = st.sampled_from(["arabic", "upper-roman", "lower-roman", "upper-alpha", "lower-alpha"])
_CASES = st.sampled_from([str.lower, str.upper, str.title, str.swapcase, lambda s: s])


@st.composite
def _tokens(draw: st.DrawFn, style: str, count: int) -> str:
    how = draw(st.sampled_from(["a number", "near", "other style", "junk"]))
    n = draw(st.integers(1, count + 30))
    if how == "a number":
        return draw(_CASES)(format_number(n, style))
    if how == "near":
        number = format_number(n, style)
        return draw(st.sampled_from(["0" + number, number + number[-1], number[:-1] or "0", "IIII", "VX", "IL", "aa"]))
    if how == "other style":
        return format_number(n, draw(_STYLES))
    return draw(st.text(st.sampled_from("0123456789ivxlcdmIVXLCDMabzAZ²Ⅻİ "), min_size=0, max_size=6))


def _by_index(siblings: tuple[Clause, ...], level: Level, token: str) -> tuple[int, Clause] | None:
    exact, folded, where = _number_index(siblings, level)
    found = exact.get(token) or folded.get(token.lower())
    return None if found is None else (where[found.id], found)


@given(st.data())
def test_a_number_read_back_names_the_sibling_the_index_names(data):
    style = data.draw(_STYLES)
    count = data.draw(st.integers(1, 90) | st.integers(900, 4000))  # short runs looked up, long ones parsed
    token = data.draw(_tokens(style, count))
    siblings = tuple(Clause(f"c{i}") for i in range(count))
    expected = _by_index(siblings, Level(style), token)
    assert position_of(token, style, count) == (None if expected is None else expected[0] + 1)


@given(st.data())
def test_a_step_finds_what_the_index_finds_pinned_numbers_or_not(data):
    style = data.draw(_STYLES)
    count = data.draw(st.integers(1, 12))
    pins = st.one_of(st.none(), st.none(), st.sampled_from(["1A", "2", "ii", "B", "b", "IV", "10", " 3", "x"]))
    siblings = tuple(Clause(f"c{i}", number=data.draw(pins)) for i in range(count))
    level = Level(style)
    for _ in range(3):
        token = data.draw(_tokens(style, count))
        assert _find({}, "", siblings, level, token) == _by_index(siblings, level, token)


def _reading(version: Version, ref: str) -> tuple[str, str]:
    try:
        return "ok", resolve_id(version, ref)
    except RulebookError as exc:
        return type(exc).__name__, str(exc)


@given(st.data())
def test_a_citation_resolves_as_with_every_run_indexed(data):
    version = data.draw(rulebooks(max_depth=4, max_clauses=14))
    cited = list(all_citations(version).values())
    ref = data.draw(st.sampled_from(cited))
    ref = data.draw(
        st.sampled_from(
            [ref, ref.lower(), ref.upper(), ref + ".9", ref + ".a", ref[:-1], ref.replace(", ", "."), ref + "0", "1.0"]
        )
    )
    fast = _reading(version, ref)
    with mock.patch("rulebook.numbering._unpinned", lambda siblings, level: False):
        assert fast == _reading(Version(version.rulebook, version.label, version.numbering, version.clauses), ref)


@given(st.data())
def test_a_citation_in_the_books_own_form_resolves_as_level_by_level(data):
    version = data.draw(rulebooks(max_depth=4, max_clauses=14))
    cited = list(all_citations(version).values())
    ref = data.draw(st.sampled_from(cited))
    change = data.draw(st.sampled_from(["as is", "lower", "upper", "spaces", "no commas", "more", "less", "dots"]))
    ref = {
        "as is": ref,
        "lower": ref.lower(),
        "upper": ref.upper(),
        "spaces": ref.replace(" ", "  ").replace(".", " . "),
        "no commas": ref.replace(",", ""),
        "more": ref + data.draw(st.sampled_from([".1", ".a", " 2", ", Clause 3", "(b)", ".9"])),
        "less": ref[:-1],
        "dots": ref.replace(", ", "."),
    }[change]
    fast = _reading(version, ref)
    with mock.patch("rulebook.numbering._read_own_form", lambda v, text: None):
        assert fast == _reading(version, ref)
