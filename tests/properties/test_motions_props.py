"""Motion files read the same with the shapes of amendment a file has passed as without.

:func:`rulebook.io.motions.from_data` takes an amendment whose shape (kind of
motion, operation, keys in order) an earlier amendment of the file passed every
check with, and whose values are all text, without checking it again. Files are
drawn whose motions repeat a few shapes with values of every type (text, numbers,
booleans, nulls, lists), valid or not; each must give the same motions (every
field, and the lines) or the same error as when every amendment is checked
(docs/architecture.md, "Speed").
"""

from __future__ import annotations

import datetime
from typing import Any

import attrs
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.motion import OPERATIONS
from rulebook.errors import RulebookError
from rulebook.io import motions as motion_io
from rulebook.io.yamlsrc import parse

_OPS = ["replace_words", "delete_words", "insert_words", "replace_text", "set_provision", "insert_clause",
        "delete_clause", "remove_provision"] * 3 + ["replace_wrods", 3]  # fmt: skip
_KEYS = ["clause", "old", "new", "words", "after", "before", "at", "part", "occurrence", "throughout", "wording",
         "text", "heading", "name", "value", "line", "numbered", "oops"]  # fmt: skip
_VALUES = st.sampled_from(["Rule 1", "x", "Rule 1", "end", "start", "all", "heading", None, 15, 2, True, ["a"], {}])
_TEXT_KEYS = ["title", "proposer", "base", "authority", "source", "urgent", "outcome", "date"]
_MOTION_VALUES = st.sampled_from(["x", "x", "carried", None, 3, True, ["a"], datetime.date(2016, 7, 12)])


@st.composite
def _amendment(draw: st.DrawFn, shapes: list[tuple[Any, tuple[str, ...]]]) -> Any:
    if shapes and draw(st.integers(0, 3)):
        op, keys = draw(st.sampled_from(shapes))  # a shape met before: most are
    else:
        op = draw(st.sampled_from(_OPS))
        spec = OPERATIONS.get(op) if isinstance(op, str) else None
        anchors = (
            draw(st.lists(st.sampled_from(spec.anchors), max_size=2, unique=True)) if spec and spec.anchors else []
        )
        keys = (*spec.required, *anchors) if spec is not None else ()
        keys = tuple(k for k in keys if draw(st.integers(0, 19)))  # (mostly kept)
        if draw(st.integers(0, 3)) == 0:
            keys += tuple(k for k in draw(st.lists(st.sampled_from(_KEYS), max_size=2, unique=True)) if k not in keys)
        if draw(st.integers(0, 29)) == 0:
            keys = ("wording", *keys)  # (no 'op')
        shapes.append((op, keys))
    texts = st.one_of(*[st.sampled_from(["Rule 1", "x", "end", "all", "heading"])] * 6, _VALUES)
    values = {k: draw(texts) for k in keys}
    return values if "wording" in keys[:1] else {"op": op, **values}


@st.composite
def _files(draw: st.DrawFn) -> str:
    shapes: list[tuple[Any, tuple[str, ...]]] = []
    motions = []
    for n in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["motion", "motion", "motion", "ruling"]))
        motion: dict[str, Any] = {kind: f"m{n}"}
        if kind == "ruling" and draw(st.integers(0, 9)):
            motion["authority"] = "NEC"
        if draw(st.integers(0, 2)) == 0:
            for key in draw(st.lists(st.sampled_from(_TEXT_KEYS), max_size=3, unique=True)):
                motion[key] = draw(_MOTION_VALUES)
        motion["amendments"] = draw(st.lists(_amendment(shapes), min_size=1, max_size=5))
        motions.append(motion)
    return yaml.safe_dump({"motions": motions}, sort_keys=False)


def _outcome(text: str) -> Any:
    try:
        motions = motion_io.from_data(parse(text, "m.yaml"), "m.yaml")
    except RulebookError as exc:
        return type(exc), str(exc)
    return [(attrs.astuple(m, recurse=False), m.line, [(a, a.line) for a in m.amendments]) for m in motions]


class _Never(set[tuple[str, ...]]):
    """No shape is ever known: every amendment is checked."""

    def __contains__(self, item: object) -> bool:
        return False


class _Checked(motion_io._Cache):
    def __init__(self) -> None:
        super().__init__()
        self.shapes = _Never()


@given(_files())
def test_shapes_met_before_read_as_when_checked(text: str) -> None:
    fast = _outcome(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(motion_io, "_Cache", _Checked)
        checked = _outcome(text)
    assert fast == checked


@pytest.mark.parametrize(
    ("first", "second"),
    [
        ("{op: insert_words, clause: R, words: w, at: end}", "{op: insert_words, clause: R, words: w, at: x}"),
        ("{op: replace_words, clause: R, old: a, new: b, part: heading}",
         "{op: replace_words, clause: R, old: a, new: b, part: x}"),
        ("{op: replace_words, clause: R, old: a, new: b, occurrence: all}",
         "{op: delete_words, clause: R, words: a, occurrence: all}"),
        ("{op: delete_words, clause: R, words: a, occurrence: 2}",
         "{op: delete_words, clause: R, words: a, occurrence: x}"),
        ("{op: set_provision, clause: R, name: n, value: x}", "{op: set_provision, clause: R, name: n, value: [x]}"),
        ("{op: insert_clause, after: R, clause: {id: a, text: t}}", "{op: insert_clause, after: R, clause: x}"),
        ("{op: replace_words, old: a, new: b, throughout: true}", "{op: replace_words, old: a, new: b, throughout: x}"),
        ("{op: replace_words, clause: R, old: a, new: b}", "{op: replace_words, clause: R, old: a, new: [b]}"),
    ],
)  # fmt: skip
def test_a_shape_with_checked_values_is_checked_each_time(first: str, second: str) -> None:
    text = f"motion: m\namendments:\n- {first}\n- {second}\n- {second}\n"
    fast = _outcome(text)
    with pytest.MonkeyPatch.context() as patch:
        patch.setattr(motion_io, "_Cache", _Checked)
        assert fast == _outcome(text)


@pytest.mark.parametrize(
    ("second", "message"),
    [
        ("{op: replace_words, clause: Rule 2, old: [a], new: b}", "amendment 2 of motion m: 'old' must be text"),
        ("{op: replace_words, clause: Rule 2, old: 15, new: b}", None),
        ("{op: replace_words, clause: ~, old: a, new: b}", "'clause' is empty; give it a value"),
    ],
)
def test_an_amendment_of_a_shape_passed_before_is_still_checked(second: str, message: str | None) -> None:
    text = f"motion: m\namendments:\n- {{op: replace_words, clause: Rule 1, old: a, new: b}}\n- {second}\n"
    if message is None:
        (motion,) = motion_io.loads(text, "m.yaml")
        assert (motion.amendments[1].old, motion.amendments[1].line) == ("15", 4)
    else:
        with pytest.raises(RulebookError, match=message):
            motion_io.loads(text, "m.yaml")


def test_a_shape_passed_in_a_motion_is_checked_again_in_a_ruling() -> None:
    text = (
        "motions:\n- motion: m\n  amendments:\n  - {op: replace_words, clause: Rule 1, old: a, new: b}\n"
        "- ruling: r\n  authority: NEC\n  amendments:\n  - {op: replace_words, clause: Rule 1, old: a, new: b}\n"
    )
    with pytest.raises(RulebookError, match="a ruling may only set_provision or remove_provision"):
        motion_io.loads(text, "m.yaml")
