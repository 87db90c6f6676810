"""Acceptance: `rulebook diff`, `rulebook render` and `rulebook blame` on a fresh history
with motions and a ruling (docs/motions.md and docs/getting-started.md)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance._cli import bad_input, rb

ACC = Path(__file__).resolve().parents[1] / "data" / "acceptance"
UNION = ACC / "union"
CLUB = ACC / "club.yaml"
M = ACC / "motions"
BAD = ACC / "bad"
AUTHORITY = "Executive Council, 14 August 2020"


def amended(tmp_path: Path, *motions: Path) -> Path:
    out = tmp_path / "amended.yaml"
    result = rb("apply", UNION, *motions, "-o", out)
    assert result.exit_code == 0, result.output
    return out


# --- diff --------------------------------------------------------------------------------


@pytest.mark.parametrize("fmt", ["text", "markdown", "html", "json"])
def test_diff_every_format_exits_zero(fmt: str) -> None:
    result = rb("diff", f"{UNION}@2019", f"{UNION}@2020-08", "--format", fmt)
    assert result.exit_code == 0, result.output
    assert result.stdout.strip()


def test_diff_text_marks_words_and_renumbering() -> None:
    out = rb("diff", f"{UNION}@2019", f"{UNION}@2020-08").stdout
    assert "branch" in out and "regional committee" in out
    assert "2020-hardship" in out and "2020-women" in out
    assert "Rule 4.3" in out and "Rule 4.2" in out  # the quorum was renumbered
    # unchanged clauses are not listed
    assert "fourteen regional members" not in out


def test_diff_shows_ruling_with_its_authority() -> None:
    for fmt in ("text", "markdown", "html", "json"):
        out = rb("diff", f"{UNION}@2020", f"{UNION}@2020-08", "--format", fmt).stdout
        assert "2020-08-council-tie" in out, fmt
        assert AUTHORITY in out, fmt


def test_diff_html_strikes_deletions_and_marks_insertions() -> None:
    html = rb("diff", f"{UNION}@2019", f"{UNION}@2020", "--format", "html").stdout
    assert re.search(r"<(del|s|strike)\b[^>]*>\s*branch\s*</(del|s|strike)>", html), html[:2000]
    assert re.search(r"<(ins|u)\b[^>]*>\s*regional committee\s*</(ins|u)>", html)


def test_diff_markdown_strikes_deletions() -> None:
    md = rb("diff", f"{UNION}@2019", f"{UNION}@2020", "--format", "markdown").stdout
    assert "~~branch~~" in md


def test_diff_json_is_json_with_both_versions() -> None:
    data: dict[str, Any] = json.loads(rb("diff", f"{UNION}@2019", f"{UNION}@2020-08", "--format", "json").stdout)
    blob = json.dumps(data)
    assert "members.subs.hardship" in blob and "council.women" in blob


def test_diff_against_applied_file(tmp_path: Path) -> None:
    new = amended(tmp_path, M / "move.yaml", M / "lapse.yaml")
    out = rb("diff", UNION, new).stdout
    assert "Rule 3.1" in out and "Rule 3.3" in out
    assert "more than" in out


def test_diff_identical_versions_is_clean() -> None:
    result = rb("diff", CLUB, CLUB)
    assert result.exit_code == 0


def test_diff_bad_version() -> None:
    bad_input(rb("diff", f"{UNION}@2019", f"{UNION}@1999"))


# --- render ------------------------------------------------------------------------------


def test_render_marks_motions_changes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = rb("render", UNION, "--motions", M / "objects.yaml", "--motions", M / "lapse.yaml", "-o", site)
    assert result.exit_code == 0, result.output
    html = (site / "index.html").read_text()
    assert re.search(r"<(ins|u)\b[^>]*>[^<]*educate them[^<]*</(ins|u)>", html)
    assert re.search(r"<(del|s|strike)\b[^>]*>\s*more than\s*</(del|s|strike)>", html)
    assert "2024-objects" in html and "2024-lapse" in html
    assert 'id="' in html  # anchors per clause


def test_render_shows_ruling_with_authority(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert rb("render", f"{UNION}@2020-08", "-o", site).exit_code == 0
    html = (site / "index.html").read_text()
    assert AUTHORITY in html


def test_render_bad_motion_writes_nothing(tmp_path: Path) -> None:
    site = tmp_path / "site"
    bad_input(rb("render", UNION, "--motions", BAD / "phrase-absent.yaml", "-o", site), BAD / "phrase-absent.yaml")
    assert not site.exists()


# --- blame -------------------------------------------------------------------------------


def test_blame_text_names_motion_and_words() -> None:
    result = rb("blame", UNION, "Rule 3.2.b")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "2020-hardship" in out
    assert "branch" in out and "regional committee" in out
    assert "2019" in out and "2020" in out


def test_blame_shows_ruling_and_authority() -> None:
    out = rb("blame", UNION, "council.quorum").stdout
    assert "2020-08-council-tie" in out and AUTHORITY in out


def test_blame_by_citation_of_current_version() -> None:
    a = rb("blame", UNION, "Rule 4.3", "--format", "json")
    b = rb("blame", UNION, "council.quorum", "--format", "json")
    assert a.exit_code == 0 and a.stdout == b.stdout
    assert "2020-women" in a.stdout  # it was renumbered by that motion


def test_blame_unknown_clause() -> None:
    line = bad_input(rb("blame", UNION, "Rule 9"))
    assert "Rule 9" in line and "Rule 7" in line


def test_render_cross_reference_links_to_its_clause(tmp_path: Path) -> None:
    site = tmp_path / "site"
    assert rb("render", UNION, "-o", site).exit_code == 0
    html = (site / "index.html").read_text()
    # political-fund (Rule 2A) refers to [[objects]], Rule 2
    links = re.findall(r'<a\b[^>]*href="#([^"]+)"[^>]*>\s*Rule 2\s*</a>', html)
    assert links
    assert all(f'id="{anchor}"' in html for anchor in links)


def test_render_motions_listed_after_the_option(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = rb("render", UNION, "--motions", M / "objects.yaml", M / "lapse.yaml", "-o", site)
    assert result.exit_code == 0, result.output
    html = (site / "index.html").read_text()
    assert "2024-objects" in html and "2024-lapse" in html


def test_diff_shows_moves_as_moves(tmp_path: Path) -> None:
    new = amended(tmp_path, M / "move.yaml")
    out = rb("diff", UNION, new).stdout
    assert "moved" in out.lower()
    data = json.loads(rb("diff", UNION, new, "--format", "json").stdout)
    assert "moved" in json.dumps(data)
