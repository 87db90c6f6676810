"""Plain scalars resolved and built without PyYAML give what PyYAML gives
(docs/architecture.md, "Speed").

For arbitrary texts, drawn towards numbers, dates, signs, underscores, colons,
dots and the boolean and null words in any case: :func:`resolve` gives the tag
PyYAML's resolver table gives, and :func:`common` gives the value the full path
builds with PyYAML's constructors (same value, same type, same sign of a zero),
or the same error, or leaves the text to PyYAML (``RARE``).
"""

from __future__ import annotations

from typing import Any

import pytest
from hypothesis import event, example, given
from hypothesis import strategies as st

from rulebook.errors import ParseError
from rulebook.io.yamlcompose import IMPLICIT
from rulebook.io.yamlnodes import Source
from rulebook.io.yamlplain import RARE, RESOLVERS, common, resolve
from rulebook.io.yamlsrc import MAX_ALIASED, MAX_DEPTH, MAX_NODES, Mapping, Seq

_LIMITS = {"max_depth": MAX_DEPTH, "max_nodes": MAX_NODES, "max_aliased": MAX_ALIASED}


def _pyyaml_tag(text: str) -> str | None:
    """The tag PyYAML's table gives plain ``text`` (``None``: text)."""
    for tag, regexp in IMPLICIT.get(text[:1], ()):
        if regexp.match(text):
            return str(tag)
    return None


def _built(tag: str, text: str) -> tuple[str, Any]:
    """What the full path builds from plain ``text`` of ``tag``: the value, or the error."""
    try:
        return "value", Source("f.yaml", Mapping, Seq, **_LIMITS).plain(tag, text, 7)
    except ParseError as exc:
        return "error", str(exc)


def _ours(tag: str, text: str) -> tuple[str, Any]:
    try:
        return "value", common(tag, text, "f.yaml", 7)
    except ParseError as exc:
        return "error", str(exc)


def _typed(outcome: tuple[str, Any]) -> tuple[str, type, str]:
    """An outcome compared by type and ``repr`` too: ``True`` is not ``1``, nor ``-0.0`` ``0.0``."""
    kind, value = outcome
    return kind, type(value), repr(value)


def test_the_first_characters_and_the_types_tried_are_pyyamls():
    assert set(RESOLVERS) == set(IMPLICIT)
    for first, types in RESOLVERS.items():
        assert [tag for tag, _ in types] == [tag for tag, _ in IMPLICIT[first]], first


def _cases(word: str) -> set[str]:
    """``word`` in every mix of small and capital letters."""
    out = {""}
    for c in word:
        out = {w + v for w in out for v in {c.lower(), c.upper()}}
    return out


_WORDS = ("yes", "no", "true", "false", "on", "off", "null", "y", "n", ".inf", "-.inf", ".nan")
_CORPUS = sorted(
    {w for word in _WORDS for w in _cases(word)}
    | {"~", "", "<", "<<", "<<<", "=", "==", "!", "&", "*", "0", "-0", "+0", "00", "012", "08", "-017", "0x", "0x1F",
       "0X1F", "0b", "0b12", "0o7", "1_0", "_1", "1__0.5", "1_0.5", "1.", ".5", "._5", ".", "-.", "-.5", "1e3", "1.0e3",
       "1.0e+3", "1.0E-3", "1:30", "1:60", "0:30", "1:30.5", "-1:30", "+1:5:09", "15", "-15", "+15", "0.05", "-0.0",
       "1" * 101, "9" * 400 + ".5", "2016-07-12", "2016-7-12", "2016-02-30", "0000-01-01", "2016-07-12T10:00:00",
       "2016-07-12 10:00:00 Z", "2016-07-12 10:00:00\t-5", "2016-07-12  1:02:03.5 +01:00", "2016-07-12\t1:02:03",
       "2016-07-12t1:02", "Rule 2", "15 per cent", "é"}
)  # fmt: skip


def test_words_and_numbers_near_the_types_resolve_and_are_built_as_pyyaml_does() -> None:
    happened = {_check(text + end) for text in _CORPUS for end in ("", "\n", " ", "\n\n")}
    tags = ("bool", "float", "int", "merge", "null", "timestamp", "value", "yaml")
    built = {f"{t}: built (value)" for t in ("bool", "float", "int", "null", "timestamp")}
    errors = {f"{t}: built (error)" for t in ("float", "int", "timestamp")}
    assert happened == {"text"} | built | errors | {f"{t}: left to PyYAML" for t in tags if t != "null"}


def _any_case(word: str) -> st.SearchStrategy[str]:
    return st.lists(st.booleans(), min_size=len(word), max_size=len(word)).map(
        lambda upper: "".join(c.upper() if u else c for c, u in zip(word, upper, strict=True))
    )


_WORD = st.sampled_from(
    ["yes", "no", "true", "false", "on", "off", "null", "~", "y", "n", ".inf", ".nan", "inf"]
).flatmap(_any_case)
_DIGITS = st.text("0123456789", min_size=1, max_size=6)
_SIGN = st.sampled_from(["", "+", "-"])
_NUMBER = st.one_of(
    st.integers().map(str),
    st.integers(-(10**120), 10**120).map(str),
    st.floats(allow_nan=False).map(repr),
    st.tuples(_SIGN, _DIGITS, st.sampled_from(["", ".", "._"]), st.text("0123456789_", max_size=4),
              st.sampled_from(["", "e+3", "E-12", "e3", "e"])).map("".join),
    st.tuples(_SIGN, st.sampled_from(["0x", "0b", "0o", "0"]), st.text("0123456789abcF_", max_size=5)).map("".join),
    st.tuples(_SIGN, _DIGITS, st.lists(st.text("0123456789", min_size=1, max_size=3).map(":{}".format), max_size=3),
              st.sampled_from(["", ".5", "."])).map(lambda t: t[0] + t[1] + "".join(t[2]) + t[3]),
)  # fmt: skip
_TIME = st.sampled_from(["", "", "", "T10:00:00", " 21:59:43.10 -5", "t1:02:03Z", "  1:02:03.5 +01:00", "\t1:02:03"])
_DATE = st.one_of(
    st.tuples(st.integers(0, 2100), st.integers(0, 13), st.integers(0, 32), _TIME).map(
        lambda t: f"{t[0]:04}-{t[1]:02}-{t[2]:02}{t[3]}"
    ),
    st.tuples(st.text("0123456789", min_size=4, max_size=4), _DIGITS, _DIGITS, _TIME).map(
        lambda t: f"{t[0]}-{t[1][:2]}-{t[2][:2]}{t[3]}"
    ),
)
_PIECE = st.one_of(
    _WORD,
    _NUMBER,
    _DATE,
    st.sampled_from(
        ["<<", "<", "=", "==", "!", "&", "*", "", " ", "_", ".", ":", "-", "+", "\n", "\t", "x", "é", "Rule 2"]
    ),
    st.text("0123456789+-._:eEx Tt\n", max_size=8),
)
_TEXT = st.one_of(
    _WORD,
    _PIECE,
    st.lists(_PIECE, min_size=2, max_size=3).map("".join),
    st.tuples(_PIECE, st.sampled_from(["\n", "\n\n", " "])).map("".join),
    st.text(max_size=6),
)
# Longer than the limits: a number of more than 100 digits, or 1000 characters, or one too large for a float.
_LONG = st.sampled_from(["1" * 101, "-" + "9" * 100, "1" * 1001, "9" * 400 + ".5", "0." + "0" * 999, "1" * 1000])


@given(st.one_of(_TEXT, _TEXT, _LONG))
@example("0.05")
@example("-0.0")
@example("2016-02-30")
@example("0000-01-01")
@example("1_000")
@example("yes\n")
@example("012")
@example("1:30")
def test_a_plain_scalar_resolves_and_is_built_as_pyyaml_does(text: str) -> None:
    event(_check(text))


def _check(text: str) -> str:
    """Check ``text``; what happened to it."""
    tag = resolve(text)
    assert tag == _pyyaml_tag(text), text
    if tag is None:
        return "text"
    ours = _ours(tag, text)
    if ours == ("value", RARE):
        return f"{tag.rsplit(':', 1)[1]}: left to PyYAML"
    assert _typed(ours) == _typed(_built(tag, text)), text
    return f"{tag.rsplit(':', 1)[1]}: built ({ours[0]})"


@pytest.mark.parametrize(
    ("text", "value"),
    [("15", 15), ("-0", 0), ("+7", 7), ("0.5", 0.5), ("-1.", -1.0), ("2016-07-12", "2016-07-12"), ("ON", True),
     ("no", False), ("Off", False), ("~", None), ("NULL", None), ("", None)],
)  # fmt: skip
def test_the_common_forms_are_built_here(text: str, value: Any) -> None:
    tag = resolve(text)
    assert tag is not None
    built = common(tag, text, "f.yaml", 1)
    assert (str(built) if tag.endswith("timestamp") else built) == value
    assert _typed(("value", built)) == _typed(_built(tag, text))


@pytest.mark.parametrize("text", ["0x1F", "-0x_1", "012", "0b101", "1_000", "+12_3", "1:30", "1.5e+3", ".5", ".inf",
                                  "2001-12-14 21:59:43.10 -5", "2016-7-12 1:00:00", "<<", "="])  # fmt: skip
def test_the_rarer_forms_are_left_to_pyyaml(text: str) -> None:
    tag = resolve(text)
    assert tag is not None
    assert common(tag, text, "f.yaml", 1) is RARE
