"""The example in docs/testing.md (a rules repository property-testing its own rules) runs and passes."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def test_the_rules_repository_example_in_the_testing_doc_passes(monkeypatch):
    doc = (ROOT / "docs" / "testing.md").read_text(encoding="utf-8")
    match = re.search(r"```python\n(# tests/test_our_rules\.py.*?)```", doc, re.S)
    assert match, "docs/testing.md lost its example"
    code = match.group(1).replace("max_examples=200", "max_examples=10")
    monkeypatch.chdir(ROOT)  # the example loads "rules/labour" as a rules repository would
    namespace: dict[str, object] = {"__name__": "test_our_rules"}
    exec(compile(code, "docs/testing.md", "exec"), namespace)
    tests = [f for name, f in namespace.items() if name.startswith("test_") and callable(f)]
    assert len(tests) == 2
    for test in tests:
        test()
