"""An operation declared once is picked up everywhere (docs/architecture.md, "Adding to it").

``upper_words`` (upper-casing a phrase) is declared in this module only, with its
apply function, footprint, wording and strategy, and registered for each test alone:
applying, motion files, footprints and checks, the wording writer and the motion
strategies all take it without a change to the package.
"""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from rulebook.amend.apply import Step, apply
from rulebook.amend.motion import OPERATIONS, OPS, RULING_OPS, Amendment, Motion, Operation
from rulebook.amend.wording import write_wording
from rulebook.check import check
from rulebook.check.footprint import WORD_OPS, footprint
from rulebook.errors import AmendmentError, SchemaError
from rulebook.io.motions import amendment_data, loads
from rulebook.model import Clause, Level, Version, evolve_clause, replace_clause
from rulebook.strategies import motions, rulebooks
from rulebook.strategies.common import _pick
from rulebook.strategies.motions import Builder


def apply_upper_words(self: Step, v: Version, a: Amendment) -> Version:
    cid, a = self.read(v, a)
    text, start, end = self.phrase(v, cid, a.words or "", a.nth, "words")
    return replace_clause(v, evolve_clause(v.clause(cid), text=text[:start] + text[start:end].upper() + text[end:]))


def draw_upper_words(builder: Builder) -> tuple[Amendment, set[str]] | None:
    if not builder.texts():
        return None
    cid = _pick(builder.draw, builder.texts())
    words, occurrence = builder.phrase(cid)
    return Amendment("upper_words", clause=builder.ref(cid), words=words, occurrence=occurrence), {cid}


UPPER_WORDS = Operation(
    "upper_words",
    ("clause", "words", "occurrence"),
    ("clause", "words"),
    footprint="words",
    apply=apply_upper_words,
    wording="{clause:ref}: put {words:quote}{occurrence:occurrence} in capitals",
    strategy=draw_upper_words,
)

BOOK = Version(
    "club",
    "1",
    [Level("arabic", "Rule {n}")],
    [Clause("fee", text="The fee is due in May."), Clause("dues", text="Dues are paid in May.")],
)


@pytest.fixture
def upper_words() -> Iterator[Operation]:
    with OPERATIONS.registered(UPPER_WORDS):
        yield UPPER_WORDS


def test_an_operation_is_unknown_until_registered_and_again_after() -> None:
    assert "upper_words" not in OPERATIONS
    with OPERATIONS.registered(UPPER_WORDS):
        assert list(OPS)[-1] == "upper_words"
        assert "upper_words" in WORD_OPS
        assert "upper_words" not in RULING_OPS
    assert "upper_words" not in OPS and "upper_words" not in WORD_OPS
    with pytest.raises(AmendmentError, match="unknown operation 'upper_words'"):
        Amendment("upper_words", clause="Rule 1", words="May")


def test_a_name_taken_is_refused() -> None:
    with pytest.raises(AmendmentError, match="'replace_words' is already registered"):
        OPERATIONS.register(Operation("replace_words", ("clause",), ("clause",)))
    assert OPERATIONS["replace_words"].apply is not None


def test_apply_uses_the_declared_function(upper_words: Operation) -> None:
    motion = Motion("shout", [Amendment("upper_words", clause="Rule 1", words="due in May")])
    assert apply(BOOK, motion).clause("fee").text == "The fee is DUE IN MAY."
    missing = Motion("shout", [Amendment("upper_words", clause="Rule 1", words="June")])
    with pytest.raises(AmendmentError, match="amendment 1 of motion shout: words 'June'"):
        apply(BOOK, missing)


def test_a_ruling_may_not_use_an_operation_not_declared_for_rulings(upper_words: Operation) -> None:
    ruling = Motion("r", [Amendment("upper_words", clause="Rule 1", words="May")], kind="ruling")
    with pytest.raises(AmendmentError, match="a ruling changes what rules mean"):
        apply(BOOK, ruling)


def test_motion_files_read_and_write_it_from_its_fields(upper_words: Operation) -> None:
    text = "motion: shout\namendments:\n  - {op: upper_words, clause: Rule 2, words: May}\n"
    (motion,) = loads(text, "m.yaml")
    assert apply(BOOK, motion).clause("dues").text == "Dues are paid in MAY."
    assert amendment_data(motion.amendments[0]) == {"op": "upper_words", "clause": "Rule 2", "words": "May"}
    with pytest.raises(SchemaError, match="'words'"):
        loads(text.replace(", words: May", ""), "m.yaml")


def test_the_writer_fills_the_declared_template(upper_words: Operation) -> None:
    a = Amendment("upper_words", clause="dues", words="paid in May", occurrence=1)
    assert write_wording(a) == "dues: put 'paid in May' (occurrence 1) in capitals"
    assert write_wording(a, BOOK) == "Rule 2: put 'paid in May' (occurrence 1) in capitals"


def test_its_footprint_is_the_declared_kind_and_check_finds_the_collision(upper_words: Operation) -> None:
    shout = Motion("shout", [Amendment("upper_words", clause="Rule 1", words="May")])
    move = Motion("june", [Amendment("replace_words", clause="Rule 1", old="May", new="June")])
    elsewhere = Motion("dues", [Amendment("upper_words", clause="Rule 2", words="May")])
    fp = footprint(BOOK, shout, apply(BOOK, shout))
    assert ("text", "fee") in fp.reads and ("text", "fee") in fp.writes
    findings = check(BOOK, [shout, move, elsewhere]).findings
    assert {f.motions for f in findings} == {("shout", "june")}


def test_strategies_draw_it_and_the_drawn_motions_apply(upper_words: Operation) -> None:
    @settings(max_examples=15, database=None, derandomize=True)
    @given(st.data())
    def drawn(data: st.DataObject) -> None:
        version = data.draw(rulebooks(min_clauses=2, references=False))
        motion = data.draw(motions(version, ops=["upper_words"]))
        assert {a.op for a in motion.amendments} == {"upper_words"}
        apply(version, motion)

    drawn()
