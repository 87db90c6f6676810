"""The fast paths of reading YAML and clauses refuse what the plain ones refused,
with the same messages, at the same limits (docs/limits.md)."""

from __future__ import annotations

import pytest

from rulebook.errors import ParseError, RulebookError
from rulebook.io import yamlsrc
from rulebook.io.rulebook import loads
from rulebook.io.yamlsrc import MAX_DEPTH, parse


@pytest.mark.parametrize("container", ["list", "mapping"])
def test_plain_text_at_the_depth_limit_is_read_and_below_it_refused(container):
    def nested(levels: int) -> str:
        inner = "x"
        for _ in range(levels):
            inner = f"[{inner}]" if container == "list" else f"{{k: {inner}}}"
        return inner

    assert parse(nested(MAX_DEPTH), "f.yaml") is not None  # the text sits at depth MAX_DEPTH: allowed
    with pytest.raises(ParseError, match=rf"^f\.yaml:1: nesting deeper than {MAX_DEPTH} levels"):
        parse(nested(MAX_DEPTH + 1), "f.yaml")


def test_plain_text_counts_towards_the_number_of_values(monkeypatch):
    monkeypatch.setattr(yamlsrc, "MAX_NODES", 5)
    assert parse("a: b\nc: d\n", "f.yaml") == {"a": "b", "c": "d"}  # 5 values: the mapping, 2 keys, 2 texts
    with pytest.raises(ParseError, match=r"^f\.yaml:3: more than 5 values"):
        parse("a: b\nc: d\ne: f\n", "f.yaml")
    with pytest.raises(ParseError, match=r"^f\.yaml:5: more than 5 values"):
        parse("- a\n- b\n- c\n- d\n- e\n", "f.yaml")  # the list and 4 items are 5


_BOOK_HEAD = 'rulebook: club\nversion: "1"\nnumbering: [arabic, lower-alpha]\nclauses:\n'


@pytest.mark.parametrize(
    ("clause", "message"),
    [
        ("{id: a, heading: ~}", "clause 'a': 'heading' must be a string, not empty (None)"),
        ("{id: a, heading: 5}", "clause 'a': 'heading' must be a string, not a number (5)"),
        ("{id: a, text: [x]}", "clause 'a': 'text' must be a string, not a list"),
        ("{id: a, text: 2016-01-01}", "clause 'a': 'text' must be a string, not a date (YYYY-MM-DD) (datetime.date("),
        ("{id: a, txt: x}", "unknown key 'txt' in clause; did you mean 'text'?"),
        ("{text: x}", "clause has no 'id'; add it"),
        ("{id: a, provisions: [1]}", "clause 'a': 'provisions' must be a mapping, not a list"),
        ("{id: a, text: 'see [[b]]'}", "clause 'a' refers to [[b]], which is no clause of this rule book"),
    ],
)
def test_a_clause_that_is_not_plain_is_refused_as_before(clause, message):
    """The clause reader checks keys, heading and text in full only when they are not plain text."""
    with pytest.raises(RulebookError) as err:
        loads(f"{_BOOK_HEAD}  - {clause}\n", "f.yaml")
    assert str(err.value).startswith(f"f.yaml:5: {message}")


def test_a_clause_with_empty_provisions_or_bindings_loads():
    version = loads(f"{_BOOK_HEAD}  - {{id: a, text: Six., provisions: ~, stated_by: ~}}\n", "f.yaml")
    assert version.clause("a").provisions == {} and version.clause("a").text == "Six."
