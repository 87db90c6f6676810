"""Properties of the quantity reader: what is written in words or figures reads back exactly."""

from __future__ import annotations

from fractions import Fraction

from hypothesis import given
from hypothesis import strategies as st

from rulebook.quantities import _starts, _starts_any_case, in_words, read_quantities

FILLER = st.lists(st.sampled_from(["members", "of", "the", "party", "shall", "elect", "by", "ballot"]), max_size=4)


@given(st.integers(0, 999), FILLER, FILLER, st.booleans())
def test_a_number_in_words_or_figures_reads_back(n: int, before: list[str], after: list[str], figures: bool) -> None:
    written = str(n) if figures else in_words(n)
    text = " ".join([*before, written, *after])
    (q,) = read_quantities(text)
    assert (q.kind, q.value, q.text) == ("number", n, written)
    assert text[q.start : q.end] == written


@given(st.integers(0, 100), st.integers(0, 99), st.sampled_from([" per cent", " percent", "%"]), FILLER)
def test_a_percentage_reads_back_as_an_exact_share(whole: int, hundredths: int, sign: str, after: list[str]) -> None:
    figure = f"{whole}.{hundredths:02d}" if hundredths else str(whole)
    (q,) = read_quantities(" ".join(["support of", figure + sign, *after]))
    assert q.kind == "share"
    assert q.value == Fraction(figure) / 100


@given(st.integers(1, 9), st.integers(2, 10))
def test_a_fraction_in_words_reads_back(num: int, den: int) -> None:
    names = {2: "half", 3: "third", 4: "quarter", 5: "fifth", 6: "sixth", 7: "seventh", 8: "eighth", 10: "tenth"}
    if num >= den or den not in names or (den == 2 and num > 1):
        return
    word = names[den] + ("s" if num > 1 and den != 2 else "")
    (q,) = read_quantities(f"a majority of {in_words(num)}-{word} of those voting")
    assert (q.kind, q.value) == ("share", Fraction(num, den))


# words that open a quantity, near misses, and letters that fold into ASCII ones (Kelvin sign, long s)
_PIECES = st.sampled_from(
    ["a", "An", "AT", "six", "Seventy", "twice", "half", "no", "not", "up", "one", "ſix", "\u212aey", "sixes", "x",
     "12", ".5", "a1", "_2", "٣", "İ", "ı", "-", " ", ".", ",", "\n"]
)  # fmt: skip


@given(st.lists(_PIECES, max_size=12))
def test_where_a_quantity_can_begin_is_found_as_case_by_case(pieces):
    """Lower-cased ASCII text is searched case-sensitively (rulebook.quantities._starts)."""
    text = "".join(pieces)
    assert [m.start() for m in _starts(text)] == [m.start() for m in _starts_any_case().finditer(text)]
