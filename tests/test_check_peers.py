"""The collision tests of Antragsgrün and OpenSlides, translated into rule books and motions
(`tests/data/peers/`, each case naming the peer's file and test): `check` and `composite`
give one verdict on each, and it is the peer's, except where docs/checking.md says why not."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import yaml

from rulebook.check import check, composite
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import loads

PEERS = Path(__file__).parent / "data" / "peers"
DOCS = Path(__file__).parents[1] / "docs" / "checking.md"
COLLIDING = ("overlap", "target-removed")


def cases() -> list[Any]:
    out = []
    for path in sorted(PEERS.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        for case in data["cases"]:
            out.append(pytest.param(data, case, id=f"{path.stem}:{case['name']}"))
    return out


def build(case: dict[str, Any]):
    book = {"rulebook": "peer", "version": "1", "numbering": [{"style": "arabic", "label": "Rule {n}"}], **case["book"]}
    version = loads(yaml.safe_dump(book, allow_unicode=True), "book.yaml")
    motions = list(motion_io.loads(yaml.safe_dump({"motions": case["motions"]}, allow_unicode=True), "motions.yaml"))
    return version, motions


@pytest.mark.parametrize(("source", "case"), cases())
def test_check_and_composite_give_the_peers_verdict(source, case):
    version, motions = build(case)
    report = check(version, motions)
    result = composite(version, motions)
    by_check = {frozenset(f.motions) for f in report.findings if f.kind in COLLIDING}
    by_composite = {frozenset(c.motions) for c in result.collisions}
    assert by_check == by_composite, ([f.message for f in report.findings], [c.message for c in result.collisions])
    verdict = case.get("rulebook", case["peer"])
    if verdict == "merge":
        expected: set[frozenset[str]] = set()
    else:
        expected = {frozenset(p) for p in case.get("pairs", [[m["motion"] for m in case["motions"]]])}
    assert by_check == expected, [f.message for f in report.findings]
    if "kind" in case:
        assert {f.kind for f in report.findings} == {case["kind"]}
    if "contested" in case:
        assert any(case["contested"] in c.message for c in result.collisions), [c.message for c in result.collisions]
        assert any(case["contested"] in f.message for f in report.findings)
    merged = result.version or version
    printed = "\n".join(f"{c.id} {c.text or ''}" for c in _walk(merged))
    for words in case.get("composited", []):
        assert words in printed, printed
    if "note" in case:
        assert case["note"] in result.notes
        assert case["note"] in report.notes
    if verdict != case["peer"]:
        assert f"- **{case['differs']}.**" in DOCS.read_text(encoding="utf-8"), "a deliberate difference is documented"
    assert source["repo"] and case["test"]


def _walk(version):
    from rulebook.model import walk

    return [c for _, c in walk(version.clauses)]
