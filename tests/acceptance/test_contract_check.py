"""Acceptance: `rulebook check` and `rulebook composite` (docs/getting-started.md and docs/checking.md)."""

from __future__ import annotations

import json
import re
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import Result

from tests.acceptance._cli import bad_input, rb

ACC = Path(__file__).resolve().parents[1] / "data" / "acceptance"
UNION = ACC / "union"
M = ACC / "motions"
BAD = ACC / "bad"


def check(*motions: str, book: object = UNION, code: int | None = None) -> list[dict[str, Any]]:
    result = rb("check", book, *(M / m for m in motions), "--format", "json")
    assert result.exit_code in (0, 1), result.output
    data: dict[str, Any] = json.loads(result.stdout)
    findings: list[dict[str, Any]] = data["findings"]
    for f in findings:
        assert set(f) >= {"kind", "motions", "clauses", "message"}
        assert f["kind"] in (
            "does-not-apply",
            "overlap",
            "target-removed",
            "dangling-reference",
            "invariant",
            "duplicate",
            "out-of-order",
            "unstated-provision",  # extensions: words and provisions (docs/provisions.md)
            "provision-drift",
        )
    assert result.exit_code == (1 if findings else 0)
    if code is not None:
        assert result.exit_code == code
    return findings


def kinds(findings: list[dict[str, Any]]) -> set[str]:
    return {f["kind"] for f in findings}


def test_disjoint_motions_are_clean() -> None:
    assert check("objects.yaml", "panel.yaml", "lapse.yaml", "youth.yaml", code=0) == []


def test_same_words_overlap() -> None:
    findings = check("subs-rate.yaml", "subs-rate-rival.yaml", code=1)
    assert kinds(findings) == {"overlap"}
    (f,) = findings
    assert sorted(f["motions"]) == ["2024-subs-rate", "2024-subs-rival"]
    assert "members.subs.rate" in json.dumps(f["clauses"])


def test_structured_and_wording_duplicate() -> None:
    findings = check("subs-rate.yaml", "subs-rate-wording.yaml", code=1)
    assert "duplicate" in kinds(findings)


def test_delete_vs_amend_target_removed() -> None:
    findings = check("subs-rate.yaml", "subs-abolish.yaml", code=1)
    assert "target-removed" in kinds(findings)


def test_move_vs_amend_target_removed() -> None:
    findings = check("move.yaml", "lapse.yaml", code=1)
    assert "target-removed" in kinds(findings)


def test_dangling_reference() -> None:
    findings = check("delete-objects.yaml", code=1)
    assert kinds(findings) == {"dangling-reference"}
    assert "political-fund" in json.dumps(findings[0]["clauses"])


@pytest.mark.parametrize(("motion", "invariant"), [("weights.yaml", "weights-whole"), ("soc-even.yaml", "soc-odd")])
def test_invariant(motion: str, invariant: str) -> None:
    findings = check(motion, code=1)
    # a value set against the words that state it is also drift (docs/provisions.md)
    assert kinds(findings) - {"provision-drift"} == {"invariant"}
    assert any(invariant in f["message"] for f in findings if f["kind"] == "invariant")


def test_three_year_rule_out_of_order() -> None:
    findings = check("early.yaml", code=1)
    assert kinds(findings) == {"out-of-order"}
    assert "members.subs" in json.dumps(findings[0]["clauses"])


def test_three_year_rule_urgent_is_exempt() -> None:
    assert check("urgent.yaml", code=0) == []


def test_three_year_rule_after_interval_is_fine() -> None:
    assert check("subs-rate.yaml", code=0) == []


def test_does_not_apply() -> None:
    result = rb("check", UNION, BAD / "phrase-absent.yaml", "--format", "json")
    assert result.exit_code == 1
    (f,) = json.loads(result.stdout)["findings"]
    assert f["kind"] == "does-not-apply" and f["motions"] == ["2024-absent"]


def test_base_not_an_ancestor_is_reported() -> None:
    """subs-rate.yaml is drafted on 2020-08; checked against 2019 it cannot apply
    (`apply` refuses it), so check must not call it clean."""
    result = rb("check", f"{UNION}@2019", M / "subs-rate.yaml", "--format", "json")
    assert result.exit_code in (1, 2), result.output
    if result.exit_code == 1:
        assert kinds(json.loads(result.stdout)["findings"]) == {"does-not-apply"}


def test_motion_drafted_on_older_base() -> None:
    assert check("old-base.yaml", "provisions.yaml", code=0) == []


def test_malformed_motion_is_bad_input() -> None:
    bad_input(rb("check", UNION, BAD / "malformed.yaml"), BAD / "malformed.yaml")


def test_text_format() -> None:
    result = rb("check", UNION, M / "subs-rate.yaml", M / "subs-rate-rival.yaml")
    assert result.exit_code == 1
    assert "overlap" in result.stdout and "2024-subs-rival" in result.stdout


def test_github_format() -> None:
    result = rb("check", UNION, M / "subs-rate.yaml", M / "subs-rate-rival.yaml", "--format", "github")
    assert result.exit_code == 1
    lines = [ln for ln in result.stdout.splitlines() if ln.strip()]
    assert lines and all(re.match(r"::(error|warning|notice)\b", ln) for ln in lines)
    assert "subs-rate.yaml" in result.stdout


def test_junit_format() -> None:
    result = rb("check", UNION, M / "subs-rate.yaml", M / "subs-rate-rival.yaml", "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.stdout)
    assert len(root.findall(".//failure")) >= 1
    clean = rb("check", UNION, M / "objects.yaml", "--format", "junit")
    assert clean.exit_code == 0
    assert ET.fromstring(clean.stdout).findall(".//failure") == []


# --- composite ---------------------------------------------------------------------------


def composite(tmp_path: Path, *motions: str) -> tuple[Result, Path]:
    out = tmp_path / "composite.yaml"
    result = rb("composite", UNION, *(M / m for m in motions), "-o", out)
    assert result.exit_code in (0, 1), result.output
    return result, out


def test_composite_of_disjoint_motions_applies(tmp_path: Path) -> None:
    result, out = composite(tmp_path, "objects.yaml", "panel.yaml", "lapse.yaml")
    assert result.exit_code == 0
    amended = tmp_path / "amended.yaml"
    assert rb("apply", UNION, out, "-o", amended).exit_code == 0
    text = rb("show", amended).stdout
    assert "educate them" in text and "twelve members" in text and "owes thirteen" in text


def test_composite_leaves_out_colliding_changes(tmp_path: Path) -> None:
    """subs-rate ('three pounds') and subs-rival ('two pounds fifty') change the same
    words: check calls it an overlap, so the composite must list the collision and
    hold neither change (never a merged 'three pounds fifty')."""
    result, out = composite(tmp_path, "subs-rate.yaml", "subs-rate-rival.yaml", "objects.yaml", "panel.yaml")
    assert result.exit_code == 1, result.output
    assert "2024-subs-rival" in result.output and "2024-subs-rate" in result.output
    amended = tmp_path / "amended.yaml"
    assert rb("apply", UNION, out, "-o", amended).exit_code == 0
    rate = rb("show", amended, "members.subs.rate").stdout
    assert "three pounds fifty" not in " ".join(rate.split())
    assert "educate them" in rb("show", amended, "objects").stdout


def test_composite_delete_vs_amend_collision(tmp_path: Path) -> None:
    result, out = composite(tmp_path, "subs-rate.yaml", "subs-abolish.yaml", "panel.yaml")
    assert result.exit_code == 1
    assert "collision: motions 2024-subs-rate and 2024-subs-abolish collide on Rule 3.2.a" in result.output
    data = yaml.safe_load(out.read_text())
    motion = data if "motion" in data else data["motions"][0]
    assert all("members.subs.rate" not in json.dumps(a) for a in motion["amendments"])


def test_composite_bad_motion_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "composite.yaml"
    bad_input(rb("composite", UNION, M / "objects.yaml", BAD / "malformed.yaml", "-o", out), BAD / "malformed.yaml")
    assert not out.exists()


def test_part_depth_declared_by_the_book() -> None:
    """With the default part depth (2) Rule 3.1 is its own part, untouched since 2019;
    union-depth1 declares conference.rule_change_part_depth: 1, so Rule 3 as a whole
    (amended in 2020 by 2020-hardship) is closed until 2023."""
    assert check("eligibility-2022.yaml", code=0) == []
    findings = check("eligibility-2022.yaml", book=ACC / "union-depth1", code=1)
    assert kinds(findings) == {"out-of-order"}
    assert "2020-hardship" in findings[0]["message"]


def test_out_of_order_names_only_motions_that_touched_the_part() -> None:
    findings = check("eligibility-2022.yaml", book=ACC / "union-depth1", code=1)
    # 2020-women amended Rule 4, not Rule 3
    assert "2020-women" not in findings[0]["message"], findings[0]["message"]


def test_order_dependent_inserts_and_delete_vs_amend_in_one_file() -> None:
    findings = check("wording-forms.yaml", code=1)
    pairs = {(f["kind"], tuple(sorted(f["motions"]))) for f in findings}
    assert ("overlap", ("w-new-clause", "w-new-clause-no-id")) in pairs
    assert ("target-removed", ("w-delete", "w-delete-clause")) in pairs
    involved = {m for f in findings for m in f["motions"]}
    assert "w-replace" not in involved and "w-after" not in involved


def test_overlap_message_names_the_right_parent() -> None:
    (f,) = [f for f in check("wording-forms.yaml") if f["kind"] == "overlap"]
    # both new clauses go into Rule 4 (id council); council.youth is one of them, not their parent
    assert "inside Rule 4.3 (id council.youth)" not in f["message"], f["message"]


def test_result_names_what_could_be_composited() -> None:
    result = rb("check", UNION, M / "subs-rate.yaml", M / "subs-rate-rival.yaml", M / "panel.yaml")
    assert result.exit_code == 1
    assert "composit" in result.stdout.lower()
    assert "2024-subs-rate" in result.stdout and "2024-subs-rival" in result.stdout


def test_ruling_and_renumbering_do_not_close_a_part() -> None:
    """Rule 4.3 (the quorum) was renumbered by a 2020 motion and given a tie rule by a
    2020 ruling, but conference never amended its words: a 2021 motion is in order."""
    assert check("quorum-2021.yaml", code=0) == []
    # with parts at depth 1, Rule 4 as a whole was amended by 2020-women
    findings = check("quorum-2021.yaml", book=ACC / "union-depth1", code=1)
    assert kinds(findings) == {"out-of-order"}


def test_composite_of_motions_on_different_bases(tmp_path: Path) -> None:
    result, out = composite(tmp_path, "old-base.yaml", "objects.yaml")
    assert result.exit_code == 0, result.output
    amended = tmp_path / "amended.yaml"
    assert rb("apply", UNION, out, "-o", amended).exit_code == 0
    assert "Twelve members" in rb("show", amended, "council.quorum").stdout
    assert "At least seven" in rb("show", amended, "council.women").stdout


def test_composite_to_stdout_is_a_motion() -> None:
    result = rb("composite", UNION, M / "objects.yaml", M / "panel.yaml")
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    assert data["motion"] == "composite" and data["amendments"]


def test_mixed_set_reports_each_pair_once() -> None:
    result = rb(
        "check",
        UNION,
        BAD / "phrase-absent.yaml",
        *(M / m for m in ("subs-rate.yaml", "subs-rate-rival.yaml", "subs-abolish.yaml", "panel.yaml")),
        "--format",
        "json",
    )
    assert result.exit_code == 1
    findings = json.loads(result.stdout)["findings"]
    pairs = sorted((f["kind"], tuple(sorted(f["motions"]))) for f in findings)
    assert pairs == [
        ("does-not-apply", ("2024-absent",)),
        ("overlap", ("2024-subs-rate", "2024-subs-rival")),
        ("target-removed", ("2024-subs-abolish", "2024-subs-rate")),
        ("target-removed", ("2024-subs-abolish", "2024-subs-rival")),
    ]
    assert all("2024-panel" not in f["motions"] for f in findings)
