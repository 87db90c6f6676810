"""Akoma Ntoso 3.0: the export validates against the OASIS schema and imports back to the same version."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import given, settings

from rulebook.cli import main
from rulebook.history import load_history
from rulebook.importing import import_book
from rulebook.model import Version
from rulebook.render.akn import to_akn
from rulebook.strategies import rulebooks

etree = pytest.importorskip("lxml.etree")

ROOT = Path(__file__).resolve().parent.parent
SCHEMA = ROOT / "tests" / "data" / "akn-schema" / "akomantoso30.xsd"
LABOUR = ROOT / "rules" / "labour"


@pytest.fixture(scope="module")
def schema():
    return etree.XMLSchema(etree.parse(str(SCHEMA)))


def _valid(schema, xml: str) -> None:
    if not schema.validate(etree.fromstring(xml.encode("utf-8"))):
        raise AssertionError("\n".join(f"{e.line}: {e.message}" for e in list(schema.error_log)[:5]))


def test_the_labour_book_exports_as_valid_akoma_ntoso(schema):
    xml = to_akn(load_history(LABOUR).latest)
    _valid(schema, xml)
    assert '<chapter eId="ch4">' in xml and 'eId="ch4.leader-election"' in xml


@settings(max_examples=15, deadline=None)
@given(rulebooks(max_depth=4))
def test_generated_books_export_valid_and_import_back_equal(schema, book: Version) -> None:
    xml = to_akn(book)
    _valid(schema, xml)
    from rulebook.importing.akn import from_akn

    again = from_akn(xml, "book.xml")
    assert again.clauses == book.clauses and again.numbering == book.numbering
    assert (again.rulebook, again.label, again.title) == (book.rulebook, book.label, book.title)


def test_an_act_from_another_tool_imports_from_its_hierarchy(tmp_path):
    xml = f"""<?xml version="1.0"?>
<akomaNtoso xmlns="{"http://docs.oasis-open.org/legaldocml/ns/akn/3.0"}"><act name="statute"><meta/>
<preface><p><docTitle>Guild Statutes</docTitle></p></preface><body>
<chapter eId="chp_1"><num>1</num><heading>Members</heading>
  <paragraph eId="chp_1__para_1"><num>(a)</num><content><p>Weavers may join.</p></content></paragraph>
  <paragraph eId="chp_1__para_2"><num>(c)</num>
    <content><p>See <ref href="#chp_1__para_1">above</ref>.</p></content></paragraph>
</chapter></body></act></akomaNtoso>"""
    path = tmp_path / "guild.xml"
    path.write_text(xml)
    got = import_book(path)
    v = got.version
    assert v.title == "Guild Statutes"
    assert [(lv.style, lv.label) for lv in v.numbering] == [("arabic", "Chapter {n}"), ("lower-alpha", None)]
    assert [c.number for c in v.clauses[0].children] == [None, "c"]
    assert v.clause("chp_1__para_2").text == "See [[chp_1__para_1]]."


def test_cli_export_then_import_round_trips(tmp_path):
    runner = CliRunner()
    out = tmp_path / "labour.xml"
    assert runner.invoke(main, ["export", str(LABOUR), "--format", "akn", "-o", str(out)]).exit_code == 0
    done = runner.invoke(main, ["import", str(out), "-o", str(tmp_path / "again")])
    assert done.exit_code == 0, done.output
    assert load_history(tmp_path / "again").latest.clauses == load_history(LABOUR).latest.clauses
