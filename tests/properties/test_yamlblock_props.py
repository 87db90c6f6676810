"""The fast YAML reader gives what libyaml's reading gives, or nothing (docs/architecture.md, "Speed").

Texts are drawn from a grammar of the block YAML that rule books are written in
and of its near misses (values that resolve to numbers, dates, booleans and
nulls; ``: `` and `` #`` inside values; quotes; multi-line plain scalars; block
scalars with blank lines; flow collections; indentation one off; stray lines),
then perhaps mutated. For every text, :func:`parse_block` returns ``None`` or
values equal to the full path's in every respect: values, their Python types,
and the file and lines of every mapping and list; and it never returns values
for a text the full path refuses.
"""

from __future__ import annotations

from typing import Any

from hypothesis import event, example, given, settings
from hypothesis import strategies as st

from rulebook.errors import ParseError
from rulebook.io.yamlsrc import Mapping, Seq, parse, parse_block

# Keys: plain text, and keys the resolver reads as something else (then str() of it).
_GOOD_KEYS = ["id", "text", "op", "a b", "on", "yes", "No", "null", "~", "1", "012", "0o17", "1.5", "2016-07-12",
              "Chapter {n}", "é", "k", "clauses"]  # fmt: skip
_NEAR_KEYS = ["<<", "=", "a[1]", "x#y", "-x", "a,b", "'q'", '"q"', "?x", "x ", "a:b"]
_KEYS = st.one_of(st.sampled_from(_GOOD_KEYS), st.sampled_from(_GOOD_KEYS), st.sampled_from(_NEAR_KEYS))
# Plain scalars, and near misses: indicators, ': ', ' #', quotes, flow, block headers.
_GOOD_VALUES = ["x", "Rule 2.1", "15 per cent", "yes", "No", "on", "true", "~", "null", "0o17", "012", "0x1F",
                "1_000", "+12", "-3", "-3.5e+2", "1:30:00", "2016-07-12", "2001-12-14 21:59:43.10 -5", "a:b", "a#b",
                "-x", "http://x.y/z", "'it''s'", "''", '"dq"', '"a # b"', '""', "[a, b]", "[3, 2]", "[]", "{}",
                "{a: 1, b: [x, 'y']}", "{op: x, clause: \"Rule 1\"}", "[a, [b, c]]", "Chapter {n}", "[[ref]]",
                "x ", "x  # note", "é ü", "a\u00a0b", "a  b", "#c"]  # fmt: skip
_NEAR_VALUES = ["OFF", "Null", "1e3", ".inf", "-.Inf", ".NaN", "2016-02-30", "=", "<<", "a: b", "a #b", "a:", "-",
                "- x", "'a", '"a\\"b"', '"a\\\\b"', "&a x", "*a", "!!str 1", "!x y", "? x", ": x", "%x", "@x",
                "`x`", ",x", "[a,]", "{a: }", "{a : b}", "[a: b]", "[a", "{a: b} x", "x #", "..."]  # fmt: skip
_VALUES = st.one_of(*[st.sampled_from(_GOOD_VALUES)] * 3, st.sampled_from(_NEAR_VALUES))
# Words of the lines of multi-line scalars (the last ones: near misses).
_WORDS = ["the", "member", "15", "yes", "- item", "a:b", "[a]", "{b}", "'q'", '"q', "é", "#x", "&a", "*b", "!t", "|",
          ">", "%", "@", "? x", ":", "a: b", "# c", "x #y", "---"]  # fmt: skip
_WORD = st.one_of(*[st.sampled_from(_WORDS[:21])] * 3, st.sampled_from(_WORDS))
_HEADER = st.one_of(*[st.sampled_from(["|", "|-", ">", ">-", "| # c", ">-  "])] * 3,
                    st.sampled_from(["|+", ">+", "|2", "|x", ">#"]))  # fmt: skip
_STRAY = ["", " ", "   ", "# note", "  # note", "---", "...", "- x", "k: v", "\tk: v", "k: v\r", "%YAML 1.1", "x"]


@st.composite
def _texts(draw: st.DrawFn) -> str:
    lines: list[str] = []

    def blank_or_comment(indent: int) -> None:
        if draw(st.integers(0, 5)) == 0:
            lines.append(draw(st.sampled_from(["", " " * draw(st.integers(0, 6)), " " * indent + "# c", "#"])))

    def collection(indent: int, depth: int) -> None:
        if draw(st.booleans()):
            mapping(indent, depth)
        else:
            sequence(indent, depth)

    def mapping(indent: int, depth: int) -> None:
        for _ in range(draw(st.integers(1, 3))):
            blank_or_comment(indent)
            key = draw(_KEYS)
            value(" " * indent + key + ":", indent, depth, in_mapping=True)

    def sequence(indent: int, depth: int) -> None:
        for _ in range(draw(st.integers(1, 3))):
            blank_or_comment(indent)
            value(" " * indent + "-", indent, depth, in_mapping=False)

    def value(prefix: str, indent: int, depth: int, in_mapping: bool) -> None:
        kinds = ["plain", "plain", "multi", "block", "empty"] + (["map", "seq", "compact"] if depth < 3 else [])
        kind = draw(st.sampled_from(kinds + (["indentless"] if in_mapping and depth < 3 else [])))
        if kind == "plain":
            lines.append(prefix + " " + draw(_VALUES))
        elif kind == "multi":
            lines.append(prefix + " " + draw(st.one_of(_WORD, st.sampled_from(_GOOD_VALUES[:4]))))
            for _ in range(draw(st.integers(1, 3))):
                if draw(st.integers(0, 3)) == 0:
                    lines.append(" " * draw(st.integers(0, indent + 4)))
                extra = draw(st.integers(0, 3))
                trail = draw(st.sampled_from(["", "", " ", "  # c"]))
                lines.append(" " * (indent + extra) + " ".join(draw(st.lists(_WORD, min_size=1, max_size=3))) + trail)
        elif kind == "block":
            lines.append(prefix + " " + draw(_HEADER))
            inner = indent + draw(st.integers(0, 3))
            for _ in range(draw(st.integers(0, 4))):
                shape = draw(st.integers(0, 5))
                if shape == 0:
                    lines.append(" " * draw(st.integers(0, inner + 2)))
                else:
                    more = draw(st.sampled_from([0, 0, 0, 1, 2])) if shape == 1 else 0
                    lines.append(" " * (inner + more) + draw(st.one_of(_WORD, _VALUES)))
        elif kind == "empty":
            lines.append(prefix + draw(st.sampled_from(["", " ", " # c"])))
        elif kind in ("map", "seq"):
            lines.append(prefix)
            blank_or_comment(indent)
            inner = indent + draw(st.integers(1, 3))
            (mapping if kind == "map" else sequence)(inner, depth + 1)
        elif kind == "indentless":
            lines.append(prefix)
            sequence(indent, depth + 1)
        else:  # a compact collection on the entry's line: "- key: value", "- - x", "key: - x"
            start = len(lines)
            inner = indent + 2
            collection(inner, depth + 1)
            first = lines[start]
            lines[start] = prefix + " " + first[inner:] if len(first) >= inner else prefix + first

    start_indent = draw(st.sampled_from([0, 0, 0, 1, 2]))
    collection(start_indent, 0)
    # mutations: a line indented otherwise, a stray line, trailing spaces, a line left out
    for _ in range(draw(st.sampled_from([0, 0, 0, 1, 2]))):
        if not lines:
            break
        at = draw(st.integers(0, len(lines) - 1))
        how = draw(st.integers(0, 3))
        if how == 0:
            lines[at] = " " * draw(st.integers(0, 2)) + lines[at][draw(st.integers(0, 2)) :]
        elif how == 1:
            lines.insert(at, draw(st.sampled_from(_STRAY)))
        elif how == 2:
            lines[at] += draw(st.sampled_from([" ", "  ", " # c", ":", " x"]))
        else:
            del lines[at]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\n\n", "\n  \n"]))


def _same(fast: Any, full: Any, path: str = "doc") -> None:
    """Equal values, of the same types, located on the same lines (dicts compare keys in order)."""
    assert type(fast) is type(full), f"{path}: {type(fast).__name__} is not {type(full).__name__}"
    if isinstance(full, Mapping):
        assert (fast.file, fast.line, fast.lines) == (full.file, full.line, full.lines), path
        assert list(fast) == list(full), path
        for key in full:
            _same(fast[key], full[key], f"{path}.{key}")
    elif isinstance(full, Seq):
        assert (fast.file, fast.line, fast.lines) == (full.file, full.line, full.lines), path
        assert len(fast) == len(full), path
        for i, (a, b) in enumerate(zip(fast, full, strict=True)):
            _same(a, b, f"{path}[{i}]")
    else:
        assert fast == full or (fast != fast and full != full), f"{path}: {fast!r} != {full!r}"


@settings(max_examples=10 * settings.default.max_examples)
@given(_texts())
@example("a: 1\nb:\n- x\n-  'y''s'\nc: |\n  one\n\n  two\nd: >-\n  folded\n  text\n\n  para\n")
@example("- id: x\n  text: a long\n    text, folded\n\n    with a break\n  on: yes\n")
@example("k: x\n  # a comment ends it\nl: y\n")
@example("k: [3, 2]\nl: {a: 1, b: [x, 'y']}\n")
@example("a: |\n  x\n---\nb: 1\n")
@example("a: |\n  x")  # no line break after the last line: none kept
@example("a: |\n     \n  x\n")  # a blank line wider than the text after it: refused
@example("a: >\n  x\n    more indented\n  y\nb: |\n  x\n    more indented\n")
@example("a: >-\n  x\n\n\n  y\n  z\nb: c:\n")
@example("- k: a b:\n  l: x\n")
@example("k: 'it''s'\nl: \"a # b\"  # c\nm: {a: 'x, y', b: [1, 2]}\n")
@example("- a\n  b\n...\n")
def test_the_fast_reader_gives_the_full_paths_values_or_nothing(text):
    fast = parse_block(text, "f.yaml")
    try:
        full = parse(text, "f.yaml", fast=False)
    except ParseError:
        event("refused")
        assert fast is None, "the fast reader read a text that libyaml refuses"
        return
    event("read by the fast reader" if fast is not None else "left to libyaml")
    if fast is not None:
        _same(fast, full)
