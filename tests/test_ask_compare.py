"""What-if: comparing answers across versions or motions, and sweeping combinations of motions."""

from __future__ import annotations

import os

import pytest

from rulebook.amend.motion import Amendment, Motion
from rulebook.ask.compare import compare
from rulebook.ask.sweep import sweep
from rulebook.errors import QuestionError
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.io.yamlsrc import read
from tests.conftest import LABOUR, ROOT

HISTORY = load_history(LABOUR)
CONTEST = read(ROOT / "scenarios" / "facts" / "contest-2016.yaml")


def test_compare_across_the_july_2016_ruling_shows_the_answer_and_the_clause_that_changed() -> None:
    c = compare(
        "leadership.ballot",
        CONTEST,
        HISTORY.select("2016-07-01"),
        HISTORY.select("2016-07-12"),
        right_ancestors=HISTORY.lineage("2016-07-12"),
    )
    assert not c.is_same
    assert "status" in c.changed and "answer.on_ballot" in c.changed
    [added] = [b for b in c.because if b.kind == "added"]
    assert added.provision == "leadership.incumbent_automatic"
    assert added.right is not None and added.right.set_by is not None
    assert added.right.set_by.authority == "NEC, 12 July 2016"
    data = c.to_data()
    assert data["because"]["added"][0]["right"]["clause"] == "Chapter 4, Clause II.2.B.ii"
    text = c.to_text()
    assert "undetermined -> determined" in text and "NEC, 12 July 2016" in text


def test_compare_with_motions_applies_them_to_the_version() -> None:
    motions = motion_io.load_file(LABOUR / "motions" / "2016-conference.yaml")
    version = HISTORY["2016-07-28"]
    c = compare("nec.composition", {}, version, list(motions), bases=HISTORY.lineage("2016-07-28"))
    assert [d.path for d in c.differences if d.path == "answer.voting"] == ["answer.voting"]
    assert {d.path: (d.left, d.right) for d in c.differences}["answer.voting"] == (33, 35)
    [changed] = c.because
    assert changed.kind == "changed" and changed.right is not None
    assert changed.right.set_by is not None and changed.right.set_by.id == "2016-nec-scotland-wales"


def test_compare_of_a_version_with_itself_is_the_same() -> None:
    version = HISTORY.latest
    c = compare("leadership.ballot", CONTEST, version, version)
    assert c.is_same and c.changed == ()
    assert "give the same answer" in c.to_text()


def _threshold(mid: str, share: float, base: str = "2016") -> Motion:
    value = {"share": share, "of": ["PLP", "EPLP"]}
    amendment = Amendment(
        "set_provision",
        clause="ch4.leader-election.nominations.challenge",
        name="leadership.nominations.challenge",
        value=value,
    )
    return Motion(mid, (amendment,), base=base)


def test_sweep_reports_which_combinations_change_the_answer() -> None:
    version = HISTORY["2016"]
    words = Motion("words", (Amendment("replace_text", clause="ch1", text="Changed."),), base="2016")
    automatic = Motion(
        "automatic",
        (
            Amendment(
                "set_provision",
                clause="ch4.leader-election.nominations.challenge",
                name="leadership.incumbent_automatic",
                value=True,
            ),
        ),
        base="2016",
    )
    result = sweep(version, [words, automatic, _threshold("low", 0.1)], "leadership.ballot", CONTEST)
    assert len(result.combinations) == 8
    assert result.baseline.status == "undetermined"
    # the wording motion never matters; automatic settles Corbyn; 10% puts him on by nominations
    [same] = [g for g in result.groups if not g.changes]
    assert ("words",) in same.combinations and () in same.combinations
    settled = {c for g in result.changing for c in g.combinations}
    assert ("automatic",) in settled and ("low",) in settled and ("words",) not in settled
    assert result.evaluations < len(result.combinations)


def test_sweep_with_reuse_gives_what_evaluating_each_version_from_scratch_gives() -> None:
    version = HISTORY["2016-07-28"]
    motions = list(motion_io.load_file(LABOUR / "motions" / "2016-conference.yaml")) + [
        _threshold("t15", 0.15, "2016-07-28"),
        _threshold("t25", 0.25, "2016-07-28"),
    ]
    bases = HISTORY.lineage("2016-07-28")
    fast = sweep(version, motions, "leadership.ballot", CONTEST, bases=bases)
    slow = sweep(version, motions, "leadership.ballot", CONTEST, bases=bases, reuse=False)
    assert [c.passed for c in fast.combinations] == [c.passed for c in slow.combinations]
    assert [c.key() for c in fast.combinations] == [c.key() for c in slow.combinations]
    assert [(g.kind, g.count, set(g.combinations)) for g in fast.groups] == [
        (g.kind, g.count, set(g.combinations)) for g in slow.groups
    ]
    assert fast.applications < slow.applications and fast.evaluations < slow.evaluations


def test_sweep_reports_combinations_that_do_not_apply() -> None:
    version = HISTORY["2016"]
    delete = Motion("delete", (Amendment("delete_clause", clause="ch1.nec.composition"),), base="2016")
    edit = Motion("edit", (Amendment("replace_text", clause="ch1.nec.composition", text="None."),), base="2016")
    result = sweep(version, [delete, edit], "nec.composition", {})
    assert result.combination(["delete", "edit"]).kind == "does-not-apply"
    assert result.combination(["delete"]).answer is not None
    assert result.combination(["delete"]).answer.status == "undetermined"


def test_sweep_calls_progress_once_per_combination() -> None:
    seen: list[int] = []
    sweep(
        HISTORY["2016"],
        [_threshold("a", 0.1), _threshold("b", 0.3)],
        "leadership.ballot",
        CONTEST,
        progress=seen.append,
    )
    assert sum(seen) == 4


def test_sweep_refuses_the_same_motion_twice_and_too_many_motions() -> None:
    m = _threshold("a", 0.1)
    with pytest.raises(QuestionError, match="given twice"):
        sweep(HISTORY["2016"], [m, m], "leadership.ballot", CONTEST)
    with pytest.raises(QuestionError, match="at most 16"):
        sweep(HISTORY["2016"], [_threshold(f"m{i}", 0.1) for i in range(17)], "leadership.ballot", CONTEST)


def test_the_sweep_benchmark_runs_and_agrees_with_evaluating_from_scratch(capsys: pytest.CaptureFixture[str]) -> None:
    import importlib.util

    spec = importlib.util.spec_from_file_location("bench_sweep", ROOT / "benchmarks" / "bench_sweep.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    assert module.main(["--quick"]) == 0
    out = capsys.readouterr().out
    assert "combinations: 16" in out and "speed-up" in out


def test_the_sweep_section_of_the_questions_doc_runs() -> None:
    import doctest

    text = (ROOT / "docs" / "questions.md").read_text()
    section = text[text.index("### Sweeping a whole agenda") :]
    section = section[: section.index("\n## ")]
    test = doctest.DocTestParser().get_doctest(section, {}, "questions.md#sweeping", "docs/questions.md", 0)
    old = os.getcwd()
    os.chdir(ROOT)
    try:
        result = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS).run(test)
    finally:
        os.chdir(old)
    assert result.attempted >= 5 and result.failed == 0


def test_a_dask_cluster_executor_gives_the_same_sweep() -> None:
    distributed = pytest.importorskip("distributed", reason="the dask extra is not installed")
    version = HISTORY["2016"]
    motions = [_threshold("a", 0.1), _threshold("b", 0.3), _threshold("c", 0.15)]
    alone = sweep(version, motions, "leadership.ballot", CONTEST)
    with distributed.Client(processes=False, dashboard_address=None) as client:
        pooled = sweep(version, motions, "leadership.ballot", CONTEST, executor=client.get_executor())
    assert [c.key() for c in alone.combinations] == [c.key() for c in pooled.combinations]
