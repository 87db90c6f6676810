"""The fast YAML reader on the files users have: every YAML file in the
repository reads the same by both paths, and the fast reader is taken for the
bundled book, its motions, the benchmarks' books and what ``motions.dumps``
writes (docs/architecture.md, "Speed").
"""

from __future__ import annotations

import importlib.util
from pathlib import Path

import pytest

from rulebook.errors import ParseError
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import loads
from rulebook.io.yamlsrc import MAX_DEPTH, parse, parse_block
from tests.properties.test_yamlblock_props import _same

ROOT = Path(__file__).resolve().parents[1]
_spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

_FILES = sorted(
    path
    for pattern in ("*.yaml", "*.yml")
    for path in ROOT.rglob(pattern)
    if not any(part.startswith(".") for part in path.relative_to(ROOT).parts)
)
_LABOUR = sorted((ROOT / "rules" / "labour").rglob("*.yaml"))


def test_the_repository_has_yaml_files_to_compare():
    assert len(_FILES) > 100 and len(_LABOUR) > 10


@pytest.mark.parametrize("path", _FILES, ids=lambda p: str(p.relative_to(ROOT)))
def test_every_yaml_file_reads_the_same_by_both_paths(path):
    text = path.read_text(encoding="utf-8")
    fast = parse_block(text, str(path))
    try:
        full = parse(text, str(path), fast=False)
    except ParseError:
        assert fast is None
        return
    if fast is not None:
        _same(fast, full)


@pytest.mark.parametrize("path", _LABOUR, ids=lambda p: str(p.relative_to(ROOT)))
def test_the_fast_reader_reads_the_bundled_book_and_its_motions(path):
    text = path.read_text(encoding="utf-8")
    fast = parse_block(text, str(path))
    assert fast is not None, "the fast reader left a file of the bundled book to libyaml"
    _same(fast, parse(text, str(path), fast=False))


@pytest.mark.parametrize(("clauses", "depth", "seed"), [(300, 4, 1), (600, 6, 0), (200, 2, 5)])
def test_the_fast_reader_reads_generated_books_and_dumped_motions(clauses, depth, seed):
    text = generate.generate(clauses=clauses, depth=depth, seed=seed)
    fast = parse_block(text, "book.yaml")
    assert fast is not None
    _same(fast, parse(text, "book.yaml", fast=False))
    book = loads(text, "book.yaml")
    for ops in (generate.MOTION_OPS, ("replace_words",)):
        dumped = motion_io.dumps(generate.generate_motions(book, 20, seed=seed, ops=ops, amendments=(1, 3)))
        fast = parse_block(dumped, "m.yaml")
        assert fast is not None
        _same(fast, parse(dumped, "m.yaml", fast=False))


@pytest.mark.parametrize(
    "text",
    [
        "a: &x 1\nb: *x\n",  # anchors and aliases
        "a: !!str 1\n",  # tags
        "--- \na: 1\n",  # document markers
        "a: 1\n---\nb: 2\n",
        "a: |\n  x\n...\n",
        "- a\n--- b\n",
        "a:\n  b\n--- c\n",
        "a:\tb\n",  # tabs
        "a: b\r\n",  # carriage returns
        "\ufeffa: 1\n",  # a byte order mark
        "? a\n: b\n",  # a complex key
        "a: 1\na: 2\n",  # a duplicate key (the full path names both lines)
        'a: "\\x41"\n',  # an escape
        "a: [1,\n  2]\n",  # a flow collection over two lines
        "a: |2\n   x\n",  # an indentation indicator
        "a: b: c\n",  # ': ' in a plain value
        "a: x\n  # a comment\n  y\n",  # a line after the comment that ends a plain scalar
        "",  # empty
        "just text\n",  # a scalar document
    ],
)
def test_the_fast_reader_leaves_what_it_does_not_read_to_libyaml(text):
    assert parse_block(text, "f.yaml") is None


def test_the_fast_reader_leaves_deep_nesting_to_the_full_paths_limit():
    deep = "".join(" " * i + "k:\n" for i in range(MAX_DEPTH + 5)) + " " * (MAX_DEPTH + 5) + "k: v\n"
    assert parse_block(deep, "f.yaml") is None
    with pytest.raises(ParseError, match=f"nesting deeper than {MAX_DEPTH} levels"):
        parse(deep, "f.yaml")
