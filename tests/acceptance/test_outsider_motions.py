"""Outsider acceptance: wording-only motions, mixed bases, `check`, `composite`, `draft`.

Fixtures: tests/data/acceptance2/ (written from the documented formats alone; see its README).
"""

from __future__ import annotations

import datetime
import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.acceptance._cli import rb, walk

ACC2 = Path(__file__).resolve().parents[1] / "data" / "acceptance2"
ORCHARD = ACC2 / "orchard"
SHORT = ACC2 / "plain-short.yaml"
PENDING = ACC2 / "pending"

CHECKED = [
    "late-board",  # out-of-order (3.a amended by 2022-board, interval 3 years)
    "urgent-dissolution",  # 6 amended in 2020, but urgent: exempt
    "even-committee",  # invariant committee-odd
    "fee-rise",
    "fee-rise-again",  # duplicate of fee-rise, in wording
    "no-student-rate",
    "student-rate-five",  # target-removed
    "drop-fee-clause",
    "cite-selection",  # dangling-reference together
    "ghost-phrase",  # does-not-apply
]


def nodes(book: object) -> dict[str, dict[str, Any]]:
    result = rb("show", book, "--format", "json")
    assert result.exit_code == 0, result.stderr
    return {c["id"]: c for c in walk(json.loads(result.stdout)["clauses"])}


def paths(*names: str) -> list[Path]:
    return [PENDING / f"{name}.yaml" for name in names]


# (c) wording-only motions ----------------------------------------------------------


def test_wording_forms_line_renumber_move_insert(tmp_path: Path) -> None:
    motion = PENDING / "allot.yaml"
    explained = rb("explain", motion, "--book", SHORT)
    assert explained.exit_code == 0, explained.stderr
    for op in ("replace_words", "move_clause", "insert_clause"):
        assert op in explained.stdout
    assert "(id plots.rent)" in explained.stdout and "(id plots.size.half)" in explained.stdout
    out = tmp_path / "allot.yaml"
    assert rb("apply", SHORT, motion, "-o", out).exit_code == 0
    after = nodes(out)
    assert after["plots.rent"]["text"] == "Rent is thirty-five pounds a year."
    assert after["plots.size.half"]["citation"] == "1.b.i"  # moved into 1.b
    assert after["meetings.notice"]["citation"] == "3"
    assert after["meetings.notice"]["text"] == "Notice of the AGM is given — in writing — 14 days ahead."


@pytest.mark.parametrize(
    ("wording", "clause_id", "expected"),
    [
        ("1: delete ‘“Le Verger Coopératif”’ and insert ‘“Le Verger”’", "nom", "called “Le Verger” — the"),
        ("2.c, line 1: delete ‘ — payable in spring’", "membres.cotisation", "euros a year."),
        ("2.c: delete “fifteen euros” and insert “sixteen euros”", "membres.cotisation", "sixteen euros"),
        ("1: after 'the Orchard' insert ' — et rien d’autre'", "nom", "the Orchard — et rien d’autre."),
        ("delete clause 2.c.i and renumber accordingly", "membres.cotisation", None),
    ],
)
def test_wording_with_curly_quotes_and_dashes(
    tmp_path: Path, wording: str, clause_id: str, expected: str | None
) -> None:
    motion = tmp_path / "m.yaml"
    motion.write_text(
        yaml.safe_dump({"motion": "probe", "base": "2022", "amendments": [{"wording": wording}]}, allow_unicode=True),
        encoding="utf-8",
    )
    out = tmp_path / "out.yaml"
    result = rb("apply", ORCHARD, motion, "-o", out)
    assert result.exit_code == 0, result.stderr
    after = nodes(out)
    if expected is None:
        assert "membres.cotisation.reduite" not in after
    else:
        assert expected in after[clause_id]["text"]


def test_motion_list_drafted_on_three_bases(tmp_path: Path) -> None:
    motion = PENDING / "bases.yaml"
    explained = rb("explain", motion, "--book", ORCHARD)
    assert explained.exit_code == 0, explained.stderr
    # "2.b" means the subscription in 2018 and eligibility in 2020
    assert "2.b (id membres.cotisation)" in explained.stdout
    assert "2.b (id membres.eligibilite)" in explained.stdout
    out = tmp_path / "out.yaml"
    result = rb("apply", ORCHARD, motion, "-o", out)
    assert result.exit_code == 0, result.stderr
    after = nodes(out)
    assert (
        after["membres.cotisation"]["text"] == "Each member pays fifteen euros a year or monthly — payable in spring."
    )
    assert after["membres.eligibilite"]["text"].startswith("Any resident may join")
    assert "equipe.selection" not in after
    assert "five members" in after["equipe.taille"]["text"]
    checked = rb("check", ORCHARD, motion, "--format", "json")
    assert checked.exit_code == 0, checked.stdout
    assert json.loads(checked.stdout)["findings"] == []


def test_motion_based_on_a_later_version_is_bad_input(tmp_path: Path) -> None:
    out = tmp_path / "out.yaml"
    result = rb("apply", f"{ORCHARD}@2019", PENDING / "bases.yaml", "-o", out)
    assert result.exit_code == 2
    assert len(result.stderr.strip().splitlines()) == 1
    assert "old-2020" in result.stderr
    assert not out.exists()


# (d) check ---------------------------------------------------------------------------


def check_json(*names: str) -> tuple[int, dict[str, Any]]:
    result = rb("check", ORCHARD, *paths(*names), "--format", "json")
    return result.exit_code, json.loads(result.stdout)


def kinds(report: dict[str, Any]) -> dict[str, list[list[str]]]:
    out: dict[str, list[list[str]]] = {}
    for finding in report["findings"]:
        assert set(finding) >= {"kind", "motions", "clauses", "message"}
        out.setdefault(finding["kind"], []).append(sorted(finding["motions"]))
    return out


def test_check_ten_motions_every_kind() -> None:
    code, report = check_json(*CHECKED)
    assert code == 1
    found = kinds(report)
    assert found["out-of-order"] == [["late-board"]]
    assert found["invariant"] == [["even-committee"]]
    assert found["duplicate"] == [["fee-rise", "fee-rise-again"]]
    assert found["target-removed"] == [["no-student-rate", "student-rate-five"]]
    assert found["dangling-reference"] == [["cite-selection", "drop-fee-clause"]]
    assert found["does-not-apply"] == [["ghost-phrase"]]
    assert set(found) == {
        "out-of-order",
        "invariant",
        "duplicate",
        "target-removed",
        "dangling-reference",
        "does-not-apply",
    }
    named = {m for f in report["findings"] for m in f["motions"]}
    assert "urgent-dissolution" not in named  # urgent: exempt, touches nothing else


def test_check_urgent_is_what_exempts(tmp_path: Path) -> None:
    data = yaml.safe_load((PENDING / "urgent-dissolution.yaml").read_text(encoding="utf-8"))
    del data["urgent"]
    motion = tmp_path / "not-urgent.yaml"
    motion.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    result = rb("check", ORCHARD, motion, "--format", "json")
    assert result.exit_code == 1
    assert kinds(json.loads(result.stdout)) == {"out-of-order": [["urgent-dissolution"]]}
    # the same motion on a date after the interval is in order
    data["date"] = datetime.date(2023, 1, 2)
    motion.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert rb("check", ORCHARD, motion).exit_code == 0


def test_check_three_year_rule_on_depth3_clause_uses_enclosing_part(tmp_path: Path) -> None:
    motion = tmp_path / "students.yaml"
    motion.write_text(
        "motion: students\nbase: '2020'\ndate: 2021-06-01\namendments:\n"
        "  - {op: replace_words, clause: '2.c.i', old: six euros, new: four euros}\n",
        encoding="utf-8",
    )
    result = rb("check", f"{ORCHARD}@2020", motion, "--format", "json")
    assert result.exit_code == 1
    (finding,) = json.loads(result.stdout)["findings"]
    assert finding["kind"] == "out-of-order"
    assert "membres.cotisation" in json.dumps(finding)


def test_quoted_motion_date_is_accepted(tmp_path: Path) -> None:
    motion = tmp_path / "quoted.yaml"
    motion.write_text(
        "motion: q\nbase: '2022'\ndate: '2023-01-02'\namendments:\n"
        "  - {op: delete_words, clause: '6', words: 'three-quarters '}\n",
        encoding="utf-8",
    )
    assert rb("check", ORCHARD, motion).exit_code == 0


def test_check_invariant_min_max_and_clause() -> None:
    code, report = check_json("board-huge", "no-dissolution")
    assert code == 1
    messages = {f["motions"][0]: f["message"] for f in report["findings"] if f["kind"] == "invariant"}
    assert "board-size" in messages["board-huge"]
    assert "keep-dissolution" in messages["no-dissolution"]


def test_check_single_motion_dangling_reference() -> None:
    code, report = check_json("drop-cotisation")
    assert code == 1
    assert kinds(report) == {"dangling-reference": [["drop-cotisation"]]}


def test_check_clean_motions_exit_zero() -> None:
    code, report = check_json("fee-rise", "urgent-dissolution", "cite-selection")
    assert code == 0
    assert report["findings"] == []


def test_check_text_github_junit() -> None:
    args = [ORCHARD, *paths("late-board", "fee-rise", "fee-rise-again")]
    text = rb("check", *args)
    assert text.exit_code == 1
    assert "out-of-order" in text.stdout and "duplicate" in text.stdout
    github = rb("check", *args, "--format", "github")
    assert github.exit_code == 1
    lines = [line for line in github.stdout.splitlines() if line.startswith("::error")]
    assert len(lines) >= 2
    assert any("late-board.yaml" in line for line in lines)
    junit = rb("check", *args, "--format", "junit")
    assert junit.exit_code == 1
    root = ET.fromstring(junit.stdout)
    failures = root.findall(".//failure")
    assert {f.get("type") for f in failures} == {"out-of-order", "duplicate"}


def test_composite_then_apply(tmp_path: Path) -> None:
    comp = tmp_path / "composite.yaml"
    names = [
        "fee-rise",
        "fee-rise-again",
        "even-committee",
        "urgent-dissolution",
        "no-student-rate",
        "student-rate-five",
    ]
    result = rb("composite", ORCHARD, *paths(*names), "-o", comp)
    assert result.exit_code in (0, 1), result.stderr
    assert "no-student-rate" in result.output and "student-rate-five" in result.output  # the collision left
    out = tmp_path / "out.yaml"
    applied = rb("apply", ORCHARD, comp, "-o", out)
    assert applied.exit_code == 0, applied.stderr
    after = nodes(out)
    assert "twenty euros" in after["membres.cotisation"]["text"]
    assert "four members" in after["ag.comite"]["text"]
    assert "two-thirds majority" in after["dissolution"]["text"]
    # the colliding pair is left for people: the student rate is untouched
    assert after["membres.cotisation.reduite"]["text"] == "Students pay six euros a year."


# (g) draft ---------------------------------------------------------------------------


def test_draft_explain_apply_reproduces_target(tmp_path: Path) -> None:
    drafted = tmp_path / "draft.yaml"
    result = rb("draft", f"{ORCHARD}@2018", f"{ORCHARD}@2022", "-o", drafted)
    assert result.exit_code == 0, result.stderr
    motion = yaml.safe_load(drafted.read_text(encoding="utf-8"))
    assert motion["base"] == "2018"
    assert all(a.get("wording") for a in motion["amendments"])
    assert rb("explain", drafted, "--book", f"{ORCHARD}@2018").exit_code == 0
    out = tmp_path / "out.yaml"
    assert rb("apply", f"{ORCHARD}@2018", drafted, "-o", out).exit_code == 0
    got, want = nodes(out), nodes(f"{ORCHARD}@2022")
    assert list(got) == list(want)
    for cid, node in want.items():
        for key in ("citation", "heading", "text"):
            assert got[cid][key] == node[key], (cid, key)
        assert {k: v["value"] for k, v in got[cid]["provisions"].items()} == {
            k: v["value"] for k, v in node["provisions"].items()
        }


def test_draft_wording_alone_reproduces_target(tmp_path: Path) -> None:
    drafted = tmp_path / "draft.yaml"
    assert rb("draft", f"{ORCHARD}@2019", f"{ORCHARD}@2020", "-o", drafted).exit_code == 0
    motion = yaml.safe_load(drafted.read_text(encoding="utf-8"))
    words = [a for a in motion["amendments"] if a["op"] not in ("set_provision", "remove_provision")]
    motion["amendments"] = [{"wording": a["wording"]} for a in words]
    wording_only = tmp_path / "wording.yaml"
    wording_only.write_text(yaml.safe_dump(motion, allow_unicode=True), encoding="utf-8")
    out = tmp_path / "out.yaml"
    result = rb("apply", f"{ORCHARD}@2019", wording_only, "-o", out)
    assert result.exit_code == 0, result.stderr
    got, want = nodes(out), nodes(f"{ORCHARD}@2020")
    # by citation: a drafted wording names new clauses by number, their ids being in the fields (docs/drafting.md)
    assert {v["citation"]: (v["text"], v["heading"]) for v in got.values()} == {
        v["citation"]: (v["text"], v["heading"]) for v in want.values()
    }
