"""Acceptance: `rulebook draft` and `rulebook explain` (docs/getting-started.md)."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
import yaml

from tests.acceptance._cli import bad_input, rb

ACC = Path(__file__).resolve().parents[1] / "data" / "acceptance"
UNION = ACC / "union"
CLUB = ACC / "club.yaml"
M = ACC / "motions"
BAD = ACC / "bad"


def _plain(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Clauses as in the file: provision values only (not who set them)."""
    out = []
    for node in nodes:
        provisions = {
            k: v["value"] if isinstance(v, dict) and "value" in v else v for k, v in node["provisions"].items()
        }
        out.append({**node, "provisions": provisions, "clauses": _plain(node["clauses"])})
    return out


def tree(book: object) -> list[dict[str, Any]]:
    result = rb("show", book, "--format", "json")
    assert result.exit_code == 0, result.output
    return _plain(json.loads(result.stdout)["clauses"])


def apply_to(tmp_path: Path, name: str, book: object, *motions: object) -> Path:
    out = tmp_path / name
    result = rb("apply", book, *motions, "-o", out)
    assert result.exit_code == 0, result.output
    return out


# --- draft -------------------------------------------------------------------------------


def roundtrip(tmp_path: Path, old: object, new: object) -> Path:
    drafted = tmp_path / "drafted.yaml"
    result = rb("draft", old, new, "-o", drafted)
    assert result.exit_code == 0, result.output
    again = apply_to(tmp_path, "again.yaml", old, drafted)
    assert tree(again) == tree(new)
    return drafted


def test_draft_between_history_versions(tmp_path: Path) -> None:
    drafted = roundtrip(tmp_path, f"{UNION}@2019", f"{UNION}@2020")
    text = drafted.read_text()
    assert "regional committee" in text and "council.women" in text


def test_draft_every_kind_of_change(tmp_path: Path) -> None:
    new = apply_to(
        tmp_path,
        "new.yaml",
        UNION,
        *(M / f for f in ("youth.yaml", "lapse.yaml", "move.yaml", "panel.yaml", "objects.yaml", "provisions.yaml")),
    )
    roundtrip(tmp_path, UNION, new)


def test_draft_deletion(tmp_path: Path) -> None:
    new = apply_to(tmp_path, "new.yaml", UNION, M / "subs-abolish.yaml")
    roundtrip(tmp_path, UNION, new)


def test_draft_ruling_only_change(tmp_path: Path) -> None:
    drafted = roundtrip(tmp_path, f"{UNION}@2020", f"{UNION}@2020-08")
    assert "nec.tie" in drafted.read_text()


def test_drafted_motion_carries_wording_that_reads_back(tmp_path: Path) -> None:
    new = apply_to(tmp_path, "new.yaml", UNION, M / "lapse.yaml", M / "objects.yaml", M / "move.yaml")
    drafted = tmp_path / "drafted.yaml"
    assert rb("draft", UNION, new, "-o", drafted).exit_code == 0
    data = yaml.safe_load(drafted.read_text())
    motion = data if "motion" in data else data["motions"][0]
    assert all("wording" in a for a in motion["amendments"])
    # the wording alone, as a conference paper would print it, gives the same result
    motion["amendments"] = [{"wording": a["wording"]} for a in motion["amendments"]]
    words_only = tmp_path / "words-only.yaml"
    words_only.write_text(yaml.safe_dump(motion, sort_keys=False))
    again = apply_to(tmp_path, "again.yaml", UNION, words_only)
    assert tree(again) == tree(new)


def test_draft_to_stdout_is_a_motion() -> None:
    result = rb("draft", f"{UNION}@2019", f"{UNION}@2020")
    assert result.exit_code == 0
    data = yaml.safe_load(result.stdout)
    assert set(data) >= {"motion", "base", "amendments"} and data["base"] == "2019"


def test_draft_bad_version_writes_nothing(tmp_path: Path) -> None:
    out = tmp_path / "never.yaml"
    bad_input(rb("draft", f"{UNION}@2019", f"{UNION}@1999", "-o", out))
    assert not out.exists()


# --- explain -----------------------------------------------------------------------------


def test_explain_structured_resolves_citations() -> None:
    result = rb("explain", M / "youth.yaml", "--book", UNION)
    assert result.exit_code == 0, result.output
    out = result.stdout
    for needle in ("council.composition", "conf", "name", "council.youth", "conf.emergency", "preamble"):
        assert needle in out


def test_explain_in_the_motions_base() -> None:
    out = rb("explain", M / "old-base.yaml", "--book", UNION).stdout
    assert "council.quorum" in out
    assert "council.women" not in out


@pytest.mark.parametrize("motion", ["objects.yaml", "wording-forms.yaml"])
def test_explain_insert_words_phrase_is_not_a_clause(motion: str) -> None:
    """`after:`/`before:` of insert_words are phrases, not clauses: explain must not
    report them as unknown clauses (apply accepts these motions)."""
    result = rb("explain", M / motion, "--book", UNION)
    assert result.exit_code == 0, result.output
    assert "no clause 'organise workers'" not in result.output


def test_explain_every_wording_form() -> None:
    result = rb("explain", M / "wording-forms.yaml", "--book", UNION, "--format", "json")
    blob = json.loads(result.stdout)
    text = json.dumps(blob)
    for op in ("replace_words", "delete_words", "insert_words", "insert_clause", "delete_clause"):
        assert op in text
    for cid in ("members.subs.rate", "members.lapse", "objects", "council.composition"):
        assert cid in text


def test_explain_without_book() -> None:
    result = rb("explain", M / "wording-forms.yaml")
    assert result.exit_code == 0
    assert "insert_clause" in result.stdout


def test_explain_unknown_clause_names_nearest() -> None:
    result = rb("explain", BAD / "unknown-clause.yaml", "--book", UNION)
    assert result.exit_code in (1, 2)
    assert "Rule 3.9" in result.output and "Rule 3.3" in result.output


def test_explain_malformed() -> None:
    bad_input(rb("explain", BAD / "malformed.yaml"), BAD / "malformed.yaml")


def test_explain_unreadable_wording() -> None:
    result = rb("explain", BAD / "bad-wording.yaml")
    assert result.exit_code in (1, 2)
    assert "frobnicate" in result.output


def test_club_roman_alpha_citations_roundtrip(tmp_path: Path) -> None:
    new = apply_to(tmp_path, "club2.yaml", CLUB, M / "club-fees.yaml")
    nodes = {n["id"]: n for n in _walk(tree(new))}
    assert nodes["membership.fees.senior"]["citation"] == "Article II, Section B.iii"
    assert nodes["membership.fees.family"]["citation"] == "Article II, Section B.iv"
    assert "sixty" in nodes["membership.fees.family"]["text"]
    assert "meetings" not in nodes
    drafted = roundtrip(tmp_path, CLUB, new)
    assert "Article II, Section B.iii" in drafted.read_text()


def _walk(nodes: list[dict[str, Any]]) -> list[dict[str, Any]]:
    out = []
    for node in nodes:
        out.append(node)
        out.extend(_walk(node["clauses"]))
    return out
