"""`false` is not `0` and `true` is not `1`: a provision changed between them is a change."""

from __future__ import annotations

import rulebook
from rulebook import Amendment, Motion
from rulebook.model import Clause

BOOK = """\
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}]
invariants:
  - {name: deposit-bounded, provision: deposit, min: -1000, max: 1000}
clauses:
  - {id: c1, provisions: {deposit: 0}}
  - {id: c2}
"""


def test_clauses_with_false_and_zero_differ() -> None:
    assert Clause("a", provisions={"x": 0}) != Clause("a", provisions={"x": False})
    assert Clause("a", provisions={"x": 1}) == Clause("a", provisions={"x": 1.0})


def test_setting_zero_to_false_is_seen_by_check() -> None:
    v = rulebook.loads(BOOK)
    to_false = Motion("m2", [Amendment("set_provision", clause="Rule 1", name="deposit", value=False)], base="1")
    again = Motion("m3", [Amendment("set_provision", clause="Rule 1", name="deposit", value=False)], base="1")
    unrelated = Motion("m1", [Amendment("delete_clause", clause="Rule 2")], base="1")
    kinds = sorted({f.kind for f in rulebook.check(v, [unrelated, to_false, again]).findings})
    assert kinds == ["duplicate", "invariant"]
