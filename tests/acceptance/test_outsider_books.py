"""Outsider acceptance: unlabelled numbering, a 5-version history, rendering and unicode.

Fixtures: tests/data/acceptance2/ (written from the documented formats alone; see its README).
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
from click.testing import Result

from tests.acceptance._cli import rb, walk

ACC2 = Path(__file__).resolve().parents[1] / "data" / "acceptance2"
ORCHARD = ACC2 / "orchard"
SHORT = ACC2 / "plain-short.yaml"
MIXED = ACC2 / "mixed.yaml"
PENDING = ACC2 / "pending"


def one_line_error(result: Result) -> str:
    assert result.exit_code == 2, result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


def show_json(book: object, *clause: str) -> dict[str, Any]:
    result = rb("show", book, *clause, "--format", "json")
    assert result.exit_code == 0, result.stderr
    data: dict[str, Any] = json.loads(result.stdout)
    return data


def prov(node: dict[str, Any], name: str) -> Any:
    """A provision's value from `show --format json` (given as {value, set_by?})."""
    entry = node["provisions"][name]
    return entry["value"] if isinstance(entry, dict) and "value" in entry else entry


def citations(book: object) -> dict[str, str]:
    return {c["id"]: c["citation"] for c in walk(show_json(book)["clauses"])}


# (a) unlabelled levels -------------------------------------------------------


def test_only_unlabelled_levels_short_form_cites_with_dots() -> None:
    cites = citations(SHORT)
    assert cites == {
        "plots": "1",
        "plots.size": "1.a",
        "plots.size.half": "1.a.i",
        "plots.rent": "1.b",
        "meetings": "2",
    }
    out = rb("show", SHORT).stdout
    assert "see 1.b." in out  # [[plots.rent]] rendered as its citation


def test_only_unlabelled_levels_mapping_form_same_as_short_form() -> None:
    cites = citations(f"{ORCHARD}@2018")
    assert cites["membres.cotisation"] == "2.b"
    assert cites["membres.cotisation.reduite"] == "2.b.i"
    assert cites["dissolution"] == "6"


def test_unlabelled_then_labelled_level_citation() -> None:
    cites = citations(MIXED)
    assert cites["voices.parts"] == "2.a"
    assert cites["voices.parts.balance"] == "2.a, para 1"
    assert cites["voices.parts.audition"] == "2.a, para 2"
    assert "see 2.a, para 1." in rb("show", MIXED).stdout


@pytest.mark.parametrize(
    ("book", "citation", "clause_id"),
    [
        (SHORT, "1.a.i", "plots.size.half"),
        (MIXED, "2.a, para 1", "voices.parts.balance"),
        (ORCHARD, "2.c.i", "membres.cotisation.reduite"),
    ],
)
def test_citations_accepted_back_by_show_and_blame(book: Path, citation: str, clause_id: str) -> None:
    node = show_json(book, citation)["clauses"][0]
    assert node["id"] == clause_id and node["citation"] == citation
    blame = rb("blame", book, citation)
    assert blame.exit_code == 0, blame.stderr
    assert clause_id in blame.stdout


def test_mixed_numbering_citations_in_motions_explain_apply_check(tmp_path: Path) -> None:
    motions = PENDING / "choir.yaml"
    explained = rb("explain", motions, "--book", MIXED)
    assert explained.exit_code == 0, explained.stderr
    assert "2.a, para 1 (id voices.parts.balance)" in explained.stdout
    assert "2.a, para 3" in explained.stdout  # where the new clause lands
    out = tmp_path / "choir.yaml"
    applied = rb("apply", MIXED, motions, "-o", out)
    assert applied.exit_code == 0, applied.stderr
    cites = citations(out)
    assert cites["voices.parts.warmup"] == "2.a, para 3"
    texts = {c["id"]: c for c in walk(show_json(out)["clauses"])}
    assert "three times the members" in texts["voices.parts.balance"]["text"]
    assert prov(texts["voices.parts.audition"], "choir.audition") is False
    checked = rb("check", MIXED, motions, "--format", "json")
    assert checked.exit_code == 0, checked.stdout
    assert json.loads(checked.stdout)["findings"] == []


def test_provision_question_cites_labelled_deep_level(tmp_path: Path) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text("name: choir.audition\n", encoding="utf-8")
    result = rb("ask", MIXED, "provision", "--facts", facts, "--format", "json")
    assert result.exit_code == 0, result.stderr
    answer = json.loads(result.stdout)
    assert answer["answer"]["value"] is True
    assert answer["because"][0]["clause"] == "2.a, para 2"


# (b) a history of five versions -------------------------------------------------


@pytest.mark.parametrize(
    ("selector", "label"),
    [
        ("", "2022"),
        ("@2018", "2018"),
        ("@2021", "2021"),
        ("@2018-03-01", "2018"),  # the first effective day
        ("@2019-12-31", "2019"),  # between versions
        ("@2020-05-05", "2020"),
        ("@2021-06-15", "2021"),  # the exact effective day
        ("@2030-01-01", "2022"),  # after the last
        ("@ 2020 ", "2020"),
    ],
)
def test_version_by_label_and_date(selector: str, label: str) -> None:
    assert show_json(f"{ORCHARD}{selector}")["version"] == label


@pytest.mark.parametrize("selector", ["@2017-12-31", "@1999", "@2018-02-28"])
def test_version_before_first_or_unknown_is_bad_input(selector: str) -> None:
    message = one_line_error(rb("show", f"{ORCHARD}{selector}"))
    assert "orchard" in message


def test_history_lists_versions_motions_and_rulings_with_authority() -> None:
    result = rb("history", ORCHARD)
    assert result.exit_code == 0, result.stderr
    out = result.stdout
    order = [out.index(label) for label in ("2018", "2019", "2020", "2021", "2022")]
    assert order == sorted(order)
    for name in ("2019-cotisation", "2020-adhesion", "2020-dissolution", "2022-board"):
        assert name in out
    assert "2020-tie" in out and "Conseil, 3 février 2020" in out
    assert "Assemblée générale, 15 juin 2021" in out


def test_history_effects_renumbering_and_rulings() -> None:
    v2019 = citations(f"{ORCHARD}@2019")
    v2020 = citations(f"{ORCHARD}@2020")
    assert v2019["membres.eligibilite"] == "2.a"
    assert v2020["membres.adhesion"] == "2.a"
    assert v2020["membres.eligibilite"] == "2.b"
    assert v2020["membres.cotisation"] == "2.c"
    nodes = {c["id"]: c for c in walk(show_json(ORCHARD)["clauses"])}
    assert "fifteen euros" in nodes["membres.cotisation"]["text"]
    assert nodes["dissolution"]["text"].endswith("pass to the village school.")
    assert prov(nodes["conseil.quorum"], "nec.tie") == "fails"
    assert nodes["conseil.quorum"]["provisions"]["nec.tie"]["set_by"]["authority"] == "Conseil, 3 février 2020"
    assert prov(nodes["conseil.president"], "leadership.incumbent_automatic") is True
    assert prov(nodes["conseil.composition"], "nec.seats")["elected"] == {"seats": 7}
    # the 2018 version is untouched by its successors
    old = {c["id"]: c for c in walk(show_json(f"{ORCHARD}@2018")["clauses"])}
    assert "twelve euros" in old["membres.cotisation"]["text"]
    assert "nec.tie" not in old["conseil.quorum"]["provisions"]


def test_blame_follows_renumbering_and_names_ruling_authority() -> None:
    result = rb("blame", ORCHARD, "2.c")  # citation in the latest version
    assert result.exit_code == 0, result.stderr
    assert "2019-cotisation" in result.stdout and "2020-adhesion" in result.stdout
    ruling = rb("blame", ORCHARD, "conseil.quorum")
    assert "2020-tie" in ruling.stdout and "Conseil, 3 février 2020" in ruling.stdout


# (h) render and HTML diff ---------------------------------------------------------

EXTERNAL = re.compile(r"""(?:src|href)\s*=\s*["'](?:https?:)?//""", re.IGNORECASE)


def assert_self_contained(html: str) -> None:
    assert html.lstrip().lower().startswith("<!doctype html")
    assert not EXTERNAL.search(html), EXTERNAL.search(html)
    assert not re.search(r"<link[^>]+stylesheet", html, re.IGNORECASE)
    assert not re.search(r"<script[^>]+src=", html, re.IGNORECASE)
    assert '<meta charset="utf-8">' in html


def test_diff_html_is_self_contained_and_keeps_unicode(tmp_path: Path) -> None:
    result = rb("diff", f"{ORCHARD}@2018", f"{ORCHARD}@2022", "--format", "html")
    assert result.exit_code == 0, result.stderr
    html = result.stdout
    assert_self_contained(html)
    assert "Règles de la Coopérative du Verger — Community Orchard Rules" in html
    assert "fifteen" in html and "twelve" in html
    assert "Conseil, 3 février 2020" in html


def test_render_marks_motion_changes(tmp_path: Path) -> None:
    site = tmp_path / "site"
    result = rb("render", ORCHARD, "--motions", PENDING / "fee-rise.yaml", PENDING / "cite-selection.yaml", "-o", site)
    assert result.exit_code == 0, result.stderr
    pages = list(site.rglob("*.html"))
    assert pages
    html = (site / "index.html").read_text(encoding="utf-8")
    assert_self_contained(html)
    assert re.search(r"<del[^>]*>\s*fifteen", html) and re.search(r"<ins[^>]*>\s*twenty", html)
    assert "ASSEMBLÉE" in html.upper()


@pytest.mark.skipif(shutil.which("chromium") is None, reason="no chromium")
def test_diff_html_opens_in_headless_chromium(tmp_path: Path) -> None:
    page = tmp_path / "diff.html"
    page.write_text(rb("diff", f"{ORCHARD}@2018", f"{ORCHARD}@2022", "--format", "html").stdout, encoding="utf-8")
    done = subprocess.run(
        ["chromium", "--headless", "--no-sandbox", "--disable-gpu", "--dump-dom", page.as_uri()],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-500:]
    assert "fifteen" in done.stdout and "Coopérative" in done.stdout


# (i) unicode ----------------------------------------------------------------------


def test_unicode_headings_text_round_trip_through_apply(tmp_path: Path) -> None:
    out = tmp_path / "orchard.yaml"
    result = rb("apply", ORCHARD, PENDING / "urgent-dissolution.yaml", "-o", out)
    assert result.exit_code == 0, result.stderr
    data = show_json(out)
    nodes = {c["id"]: c for c in walk(data["clauses"])}
    assert data["title"] == "Règles de la Coopérative du Verger — Community Orchard Rules"
    assert nodes["nom"]["text"] == "The co-operative is called “Le Verger Coopératif” — the Orchard."
    assert nodes["conseil"]["heading"] == "Conseil d’administration"
    assert "two-thirds majority" in nodes["dissolution"]["text"]


def test_accented_stable_ids_are_accepted() -> None:
    result = rb("show", ACC2 / "unicode-ids.yaml", "café.prix")
    assert result.exit_code == 0, result.stderr
    assert "1.a" in result.stdout
