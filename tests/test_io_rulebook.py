"""Loading and saving rule book files: every malformed input names its file and line."""

from __future__ import annotations

import re
import textwrap
from pathlib import Path

import pytest

from rulebook.errors import ParseError, RulebookError, SchemaError
from rulebook.io.rulebook import dumps, load_file, loads, save
from rulebook.io.yamlsrc import MAX_DEPTH

DATA = Path(__file__).resolve().parent / "data"

HEAD = """\
rulebook: club
version: "1"
numbering:
  - {style: arabic, label: "Rule {n}"}
  - {style: lower-alpha}
"""


def _load_error(tmp_path: Path, body: str, head: str = HEAD) -> tuple[RulebookError, str]:
    path = tmp_path / "book.yaml"
    path.write_text(head + textwrap.dedent(body), encoding="utf-8")
    with pytest.raises(RulebookError) as info:
        load_file(path)
    return info.value, str(path)


def _assert_at(err: RulebookError, path: str, line: int, *fragments: str) -> None:
    message = str(err)
    assert message.startswith(f"{path}:{line}: "), message
    assert err.file == path and err.line == line
    assert "\n" not in message
    for fragment in fragments:
        assert fragment in message, message


def test_the_fixture_book_loads():
    version = load_file(DATA / "club.yaml")
    assert version.rulebook == "club" and version.label == "1"
    assert version.clause("members.fees").provisions["fees.annual"] == 15
    assert [inv.name for inv in version.invariants] == ["committee-odd", "fee-positive"]


def test_bad_yaml_names_the_line_and_says_what_to_check(tmp_path):
    err, path = _load_error(tmp_path, 'clauses:\n  - id: a\n    text: "unclosed\n  - id: b\n')
    assert isinstance(err, ParseError)
    assert re.match(re.escape(path) + r":\d+: invalid YAML", str(err))
    assert "indentation and quoting" in str(err)


def test_bad_indentation_names_its_line(tmp_path):
    err, path = _load_error(tmp_path, "clauses:\n  - id: a\n   text: x\n")
    assert isinstance(err, ParseError)
    _assert_at(err, path, 8, "invalid YAML")


def test_a_clause_without_an_id(tmp_path):
    err, path = _load_error(tmp_path, "clauses:\n  - id: a\n  - text: no id here\n")
    assert isinstance(err, SchemaError)
    _assert_at(err, path, 8, "clause has no 'id'; add it")


def test_a_duplicate_id_names_both_lines(tmp_path):
    err, path = _load_error(tmp_path, "clauses:\n  - id: a\n    clauses:\n      - id: b\n  - id: b\n")
    _assert_at(err, path, 10, "clause id 'b' is already used on line 9", "unique")


def test_an_invalid_id(tmp_path):
    err, path = _load_error(tmp_path, "clauses:\n  - id: two words\n")
    _assert_at(err, path, 7, "clause id 'two words' is not valid")


def test_an_unknown_numbering_style_suggests_the_nearest(tmp_path):
    head = 'rulebook: club\nversion: "1"\nnumbering:\n  - {style: arabik}\n'
    err, path = _load_error(tmp_path, "clauses: [{id: a}]\n", head)
    _assert_at(err, path, 4, "unknown numbering style 'arabik'", "did you mean 'arabic'?")


def test_a_label_without_a_place_for_the_number(tmp_path):
    head = 'rulebook: club\nversion: "1"\nnumbering:\n  - {style: arabic, label: Rule}\n'
    err, path = _load_error(tmp_path, "clauses: [{id: a}]\n", head)
    _assert_at(err, path, 4, "has no '{n}'")


def test_a_clause_deeper_than_the_numbering_scheme(tmp_path):
    body = "clauses:\n  - id: a\n    clauses:\n      - id: b\n        clauses:\n          - id: c\n"
    err, path = _load_error(tmp_path, body)
    _assert_at(err, path, 11, "clause 'c' sits at depth 3", "only 2 levels", "add a level to 'numbering'")


def test_a_reference_to_an_unknown_id_suggests_the_nearest(tmp_path):
    body = "clauses:\n  - id: fees\n  - id: b\n    text: See [[fess]].\n"
    err, path = _load_error(tmp_path, body)
    _assert_at(err, path, 9, "refers to [[fess]]", "did you mean [[fees]]?")


def test_a_provision_carried_twice_names_both_places(tmp_path):
    body = """\
    clauses:
      - id: a
        provisions: {fee: 5}
      - id: b
        provisions:
          other: 1
          fee: 6
    """
    err, path = _load_error(tmp_path, body)
    _assert_at(err, path, 12, "provision 'fee' is carried by clause 'a' (line 8) and again by 'b'")


@pytest.mark.parametrize(
    ("body", "line", "fragment"),
    [
        ("clauses:\n  - id: a\n    text: 5\n", 8, "'text' must be a string, not a number (5)"),
        ("clauses:\n  - id: a\n    heading: [x]\n", 8, "'heading' must be a string, not a list"),
        ("clauses:\n  - id: a\n    provisions: [fee]\n", 8, "'provisions' must be a mapping"),
        ("clauses:\n  - id: a\n    number: [2]\n", 8, "'number' must be text"),
        ("clauses:\n  - id: a\n    clauses: {id: b}\n", 8, "'clauses' must be a list of clauses"),
        ("clauses:\n  - just text\n", 7, "each clause must be a mapping"),
        ("clauses: {id: a}\n", 6, "'clauses' must be a list of clauses"),
        ("effective: soon\nclauses: [{id: a}]\n", 6, "'effective' must be a date (YYYY-MM-DD)"),
        ("title: [a]\nclauses: [{id: a}]\n", 6, "'title' must be a string"),
    ],
)
def test_wrong_field_types_name_the_field_and_line(tmp_path, body, line, fragment):
    err, path = _load_error(tmp_path, body)
    assert isinstance(err, SchemaError)
    _assert_at(err, path, line, fragment)


def test_a_version_label_must_be_plain(tmp_path):
    head = "rulebook: club\nversion: [1]\nnumbering: [{style: arabic}]\n"
    err, path = _load_error(tmp_path, "clauses: [{id: a}]\n", head)
    _assert_at(err, path, 2, "'version' must be a label")


def test_numbering_must_be_a_non_empty_list(tmp_path):
    head = 'rulebook: club\nversion: "1"\nnumbering: []\n'
    err, path = _load_error(tmp_path, "clauses: [{id: a}]\n", head)
    _assert_at(err, path, 3, "'numbering' must be a list")


def test_an_unknown_clause_key_asks_did_you_mean(tmp_path):
    err, path = _load_error(tmp_path, "clauses:\n  - id: a\n    heding: Fees\n")
    _assert_at(err, path, 8, "unknown key 'heding' in clause", "did you mean 'heading'?")


def test_an_unknown_top_level_key_asks_did_you_mean(tmp_path):
    err, path = _load_error(tmp_path, "titel: The Rules\nclauses: [{id: a}]\n")
    _assert_at(err, path, 6, "unknown key 'titel' in rule book", "did you mean 'title'?")


def test_an_unknown_key_far_from_any_lists_the_allowed_ones(tmp_path):
    err, path = _load_error(tmp_path, "clauses:\n  - id: a\n    zzzzzz: 1\n")
    _assert_at(err, path, 8, "unknown key 'zzzzzz'", "allowed keys: id, number")


def test_a_missing_required_key(tmp_path):
    err, path = _load_error(tmp_path, "", "rulebook: club\nversion: '1'\nclauses: [{id: a}]\n")
    _assert_at(err, path, 1, "rule book has no 'numbering'")


def test_a_duplicate_mapping_key(tmp_path):
    err, path = _load_error(tmp_path, "clauses:\n  - id: a\n    text: x\n    text: y\n")
    _assert_at(err, path, 9, "key 'text' appears twice in this mapping (first on line 8)")


def test_a_file_that_is_not_a_mapping(tmp_path):
    err, path = _load_error(tmp_path, "- a\n- b\n", "")
    _assert_at(err, path, 1, "a rule book file is a mapping")


@pytest.mark.parametrize(
    "tag",
    ["!!python/object/apply:os.system ['true']", "!!python/name:os.system", "!!binary aGVsbG8=", "!custom x"],
)
def test_yaml_tags_that_build_objects_are_refused(tmp_path, tag):
    err, path = _load_error(tmp_path, f"clauses:\n  - id: a\n    text: {tag}\n")
    assert isinstance(err, ParseError)
    assert "is not allowed" in str(err) or "invalid YAML" in str(err)
    assert str(err).startswith(f"{path}:")


def test_merge_keys_are_refused(tmp_path):
    body = "x: &d {text: t}\nclauses:\n  - <<: *d\n    id: a\n"
    err, path = _load_error(tmp_path, body)
    _assert_at(err, path, 8, "merge keys")


def test_nesting_beyond_the_limit_fails_cleanly(tmp_path):
    deep = "[" * (MAX_DEPTH + 5) + "]" * (MAX_DEPTH + 5)
    err, path = _load_error(tmp_path, f"clauses: [{{id: a, provisions: {{x: {deep}}}}}]\n")
    assert isinstance(err, ParseError)
    assert f"nesting deeper than {MAX_DEPTH} levels" in str(err)
    assert str(err).startswith(path)


def test_invariants_are_checked_at_load(tmp_path):
    body = "invariants:\n  - {name: keep, clause: gone}\nclauses: [{id: a}]\n"
    err, path = _load_error(tmp_path, body)
    _assert_at(err, path, 7, "invariant 'keep' names clause 'gone', which does not exist")
    body = "invariants:\n  - {name: both, clause: a, provision: p}\nclauses: [{id: a}]\n"
    err, path = _load_error(tmp_path, body)
    _assert_at(err, path, 7, "exactly one of 'clause' or 'provision'")


def test_a_missing_file_a_directory_and_non_utf8_text(tmp_path):
    with pytest.raises(SchemaError, match="no such file"):
        load_file(tmp_path / "absent.yaml")
    with pytest.raises(SchemaError, match="is a directory"):
        load_file(tmp_path)
    bad = tmp_path / "latin1.yaml"
    bad.write_bytes(HEAD.encode() + "clauses: [{id: a, text: caf\xe9}]\n".encode("latin-1"))
    with pytest.raises(ParseError, match="not UTF-8"):
        load_file(bad)


def test_saving_writes_the_same_format_and_loads_back_equal(tmp_path):
    version = load_file(DATA / "club.yaml")
    target = tmp_path / "out" / "club.yaml"
    save(version, target)
    assert load_file(target) == version
    assert target.read_text(encoding="utf-8") == dumps(version)
    assert [p.name for p in target.parent.iterdir()] == ["club.yaml"]  # no temporary file left behind


def test_saved_text_keeps_pinned_numbers_provisions_and_unicode():
    text = HEAD + textwrap.dedent(
        """\
        effective: 2016-01-01
        clauses:
          - id: a
            number: 2A
            heading: Café rules
            text: "Quoted: 'x' — and [[b]]"
            provisions: {seats: {chair: {seats: 1, voting: false}}, share: 0.2, of: [PLP, EPLP]}
          - id: b
            number: 7
        """
    )
    version = loads(text, "book.yaml")
    assert version.clause("a").number == "2A"
    assert version.clause("b").number == "7"
    again = loads(dumps(version), "again.yaml")
    assert again == version
    assert "Café" in dumps(version)
