"""The limits of docs/limits.md as properties that do not depend on timing:
the work is bounded by counting it (the pieces handed to the wrapper, the bytes
read, the steps up the parent map), never by a clock."""

from __future__ import annotations

import os
import textwrap
import threading

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st
from pyrsistent import pmap

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.errors import AmendmentError, ParseError, RulebookError, escape_controls
from rulebook.io.yamlsrc import MAX_INT_DIGITS, parse, read_bounded
from rulebook.model import Clause, Level, Version, walk
from rulebook.render import book as render_book

WORDS = st.text(alphabet="ab -.,\t\n", max_size=300) | st.builds(
    lambda parts: " ".join(parts), st.lists(st.text(alphabet="ab.", min_size=1, max_size=400), max_size=8)
)


@given(WORDS, st.integers(1, 60))
def test_wrap_hands_textwrap_only_bounded_pieces(text, width):
    """Each line is sliced off a piece of bounded length, so wrapping is linear in the text."""
    wrapper = render_book._Wrapper(width=width)
    pieces = wrapper._split_chunks(text)
    assert "".join(pieces) == "".join(textwrap.TextWrapper(width=width)._split_chunks(text))
    assert max((len(p) for p in pieces), default=0) <= max(3 * (width + 1), render_book.LONG_WORD)


@given(WORDS, st.integers(1, 60), st.integers(5, 60))
def test_wrap_fills_lines_as_textwrap_does(text, width, long_word):
    """With long words cut early (a small LONG_WORD), the lines are textwrap's, but for
    where a hyphen inside a long word ends a line; and an indent as wide as the line
    leaves one column (textwrap itself loops for ever on ``wrap(" b", 1, initial_indent="  ")``,
    which the thorough fuzz run found)."""
    original = render_book.LONG_WORD
    render_book.LONG_WORD = long_word
    try:
        ours = render_book.wrap(text, width, initial_indent="  ", subsequent_indent=" ")
    finally:
        render_book.LONG_WORD = original
    theirs = textwrap.wrap(text, max(width, 3), initial_indent="  ", subsequent_indent=" ")
    if "-" not in text:
        assert ours == theirs
    assert "".join(ours).replace(" ", "") == "".join(theirs).replace(" ", "")


@given(st.text())
def test_escaped_errors_are_one_printable_line(text):
    shown = escape_controls(text)
    assert shown.isprintable()
    assert "\n" not in shown and "\r" not in shown
    if text.isprintable():
        assert shown == text


@given(
    st.sampled_from(("", "-", "+")),
    st.sampled_from(("", "0x", "0b", "0", "0o")),
    st.text(alphabet="0123456789abcdef_:.", min_size=1, max_size=3000),
)
def test_any_number_literal_is_a_bounded_value_or_a_located_error(sign, base, digits):
    try:
        doc = parse(f"v: {sign}{base}{digits}\n", "f.yaml")
    except ParseError as exc:
        assert str(exc).startswith("f.yaml:1: ")
        assert len(str(exc)) < 300  # the literal is never echoed in full
        return
    value = doc["v"]
    if isinstance(value, int):
        assert abs(value) < 10**MAX_INT_DIGITS


@given(st.integers(0, 64), st.integers(0, 64))
def test_a_read_is_bounded_whatever_the_file(tmp_path_factory, size, limit):
    path = tmp_path_factory.mktemp("read") / "f.yaml"
    path.write_bytes(b"x" * size)
    if size <= limit:
        assert read_bounded(path, limit) == b"x" * size
    else:
        with pytest.raises(ParseError, match="file larger than"):
            read_bounded(path, limit)


def test_an_endless_pipe_is_read_only_up_to_the_limit():
    read_end, write_end = os.pipe()
    written = [0]

    def writer():
        try:
            while True:
                written[0] += os.write(write_end, b"y" * 4096)
        except OSError:  # the reader closed its end: the read stopped
            pass
        finally:
            os.close(write_end)

    thread = threading.Thread(target=writer)
    thread.start()
    try:
        with pytest.raises(ParseError, match="file larger than 1000 bytes"):
            read_bounded(f"/dev/fd/{read_end}", 1000)
    finally:
        os.close(read_end)
    thread.join(timeout=30)
    assert not thread.is_alive()
    assert written[0] < 1 << 20  # only what fits in the pipe's buffer was ever written


def test_a_walk_up_a_corrupt_parent_map_stops():
    v = Version("b", "1", [Level("arabic")], [Clause("a")])
    corrupt = attrs.evolve(v, maps=(pmap({"a": "b", "b": "a"}), pmap()))
    with pytest.raises(RulebookError, match="its own ancestor"):
        corrupt.path("a")


IDS = st.sampled_from(("a", "b", "c", "x"))
TREES = st.recursive(
    st.builds(lambda i: Clause(i, text="T."), IDS),
    lambda inner: st.builds(lambda i, kids: Clause(i, text="T.", children=kids), IDS, st.lists(inner, max_size=3)),
    max_leaves=6,
)


@given(TREES, st.sampled_from(("structured", "wording")))
def test_a_new_clause_leaves_every_id_unique_or_is_refused(clause, how):
    book = Version("b", "1", [Level("arabic")] * 4, [Clause("x", text="X.")])
    if how == "structured":
        amendment = Amendment("insert_clause", after="x", new_clause=clause)
    else:
        import json

        from rulebook.amend.wording import write_wording
        from rulebook.errors import RulebookError as Refused
        from rulebook.io import motions as motion_io

        wording = write_wording(Amendment("insert_clause", after="x", new_clause=clause))
        try:
            (motion,) = motion_io.loads(f"motion: m\namendments:\n  - wording: {json.dumps(wording)}\n", "m.yaml")
        except Refused as exc:  # read when loaded: refused there, on one line
            assert "\n" not in str(exc)
            return
        amendment = motion.amendments[0]
    try:
        after = apply(book, Motion("m", [amendment]))
    except AmendmentError as exc:
        assert "\n" not in str(exc)
        return
    ids = [c.id for _, c in walk(after.clauses)]
    assert len(ids) == len(set(ids)) == len(after)
    for cid in ids:
        after.path(cid)  # every walk up ends
