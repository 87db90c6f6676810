"""The HTML preview site (rulebook.render.site): contents, anchors, marks, links, atomic output."""

from __future__ import annotations

import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from rulebook.amend.motion import Amendment, Motion
from rulebook.errors import AmendmentError, OutputError
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.model import walk
from rulebook.render.site import check_not_carried, preview_html, publish, render_site
from tests.conftest import LABOUR


class _Page(HTMLParser):
    """Ids, links and the text inside <del> and <ins> of a page."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: dict[str, dict[str, str | None]] = {}
        self.links: list[str] = []
        self.external: list[str] = []
        self.marks: list[tuple[str, str | None, str]] = []  # (tag, data-by, text)
        self._open: list[tuple[str, str | None, list[str]]] = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if a.get("id"):
            self.ids[a["id"]] = a
        if tag == "a" and a.get("href"):
            self.links.append(a["href"])
        for name in ("href", "src"):
            if (a.get(name) or "").startswith(("http:", "https:", "//")):
                self.external.append(a[name])
        if tag in ("del", "ins"):
            self._open.append((tag, a.get("data-by"), []))

    def handle_endtag(self, tag):
        if tag in ("del", "ins") and self._open:
            kind, by, text = self._open.pop()
            self.marks.append((kind, by, "".join(text)))

    def handle_data(self, data):
        for _, _, text in self._open:
            text.append(data)


@pytest.fixture(scope="module")
def labour():
    return load_history(LABOUR)


@pytest.fixture(scope="module")
def preview(labour):
    version = labour.select("2017")
    motions = motion_io.load_file(LABOUR / "motions" / "2018-conference.yaml")
    page = preview_html(version, motions, labour.lineage(version.label))
    parsed = _Page()
    parsed.feed(page)
    return version, page, parsed


def test_every_clause_has_an_anchor_and_the_contents_link_to_them(preview):
    version, page, parsed = preview
    for _, clause in walk(version.clauses):
        assert f"clause-{clause.id}" in parsed.ids
    assert '<nav class="kd-toc" aria-label="Contents">' in page
    toc = page[page.index('<nav class="kd-toc"') : page.index("</nav>")]
    chapters = re.findall(r'href="#(clause-[^"]+)"', toc)
    assert chapters[0] == "clause-" + version.clauses[0].id
    assert all(target in parsed.ids for target in chapters)


def test_every_change_is_marked_and_attributed_to_its_motion(preview):
    _, page, parsed = preview
    inserted = [(by, text) for kind, by, text in parsed.marks if kind == "ins" and by]
    assert any(by == "2018-leadership-nominations" and "5 per cent of CLPs" in text for by, text in inserted)
    assert all(by == "2018-leadership-nominations" for kind, by, _ in parsed.marks if by)
    assert 'id="motion-2018-leadership-nominations"' in page
    assert 'class="kd-by kd-by-motion" href="#motion-2018-leadership-nominations"' in page


def test_every_link_lands_on_an_element_of_the_page_and_none_leaves_it(preview):
    _, _, parsed = preview
    assert parsed.external == []
    internal = [href for href in parsed.links if href.startswith("#")]
    assert internal == parsed.links
    for href in internal:
        assert href[1:] in parsed.ids, href


def test_cross_references_are_links_named_by_the_target_citation(preview):
    version, page, parsed = preview
    refs = re.findall(r'<a class="kd-ref" href="#clause-([^"]+)">([^<]+)</a>', page)
    assert refs
    from rulebook.numbering import citation

    for target, text in refs:
        assert text == citation(version, target)
        assert parsed.ids[f"clause-{target}"]["data-clause"] == target


def test_the_page_is_self_contained_with_a_print_stylesheet(preview):
    _, page, _ = preview
    assert "<style>" in page and "@media print" in page
    assert "<link" not in page and "<script" not in page and "url(" not in page


def test_rulings_in_the_history_are_shown_with_their_authority(labour):
    version = labour.select("2016")
    rulings = [
        *motion_io.load_file(LABOUR / "rulings" / "2016-07-12-nec-incumbent.yaml"),
        *motion_io.load_file(LABOUR / "rulings" / "2016-07-28-foster-v-mcnicol.yaml"),
    ]
    # the court's ruling was made on the NEC's reading: its base is version 2016-07-12
    page = preview_html(version, rulings, {v.label: v for v in labour.versions})
    assert "as amended by 2 rulings" in page
    assert "Authority: NEC, 12 July 2016" in page
    assert "set by ruling" in page and "affirmed by ruling" in page
    parsed = _Page()
    parsed.feed(page)
    # rulings change no words: the only marks are the legend's and the provision's value
    assert [text for kind, by, text in parsed.marks if by] == ["true"]


def test_without_motions_the_site_is_the_version_itself(labour, tmp_path):
    index = render_site(labour.latest, [], tmp_path / "site")
    page = index.read_text()
    assert "Version 2021" in page and 'class="kd-clause kd-unchanged"' in page
    assert '<ins class="kd-ins" title' not in page


def test_render_site_writes_index_html_into_a_new_directory(labour, tmp_path):
    index = render_site(labour.select("2017"), [], tmp_path / "out" / "site")
    assert index == tmp_path / "out" / "site" / "index.html" and index.is_file()
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["site"]  # no staging left behind


def test_a_failing_motion_writes_nothing(labour, tmp_path):
    bad = Motion("bad", [Amendment("replace_words", clause="ch4", old="no such words", new="x")])
    with pytest.raises(AmendmentError, match="bad"):
        render_site(labour.select("2017"), [bad], tmp_path / "site")
    assert list(tmp_path.iterdir()) == []


def test_a_motion_already_carried_is_refused(labour):
    version = labour.select("2018")
    motions = motion_io.load_file(LABOUR / "motions" / "2018-conference.yaml")
    with pytest.raises(AmendmentError, match=r"already carried into version '2018'.*BOOK@2017"):
        check_not_carried(version, motions, labour.lineage("2018"))


def test_publish_replaces_the_site_files_and_keeps_others(tmp_path: Path):
    site = tmp_path / "site"
    site.mkdir()
    (site / "index.html").write_text("old")
    (site / "notes.txt").write_text("mine")
    publish(site, {"index.html": "new"})
    assert (site / "index.html").read_text() == "new" and (site / "notes.txt").read_text() == "mine"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["site"]


def test_publish_refuses_a_file_in_the_way(tmp_path: Path):
    (tmp_path / "site").write_text("a file")
    with pytest.raises(OutputError, match="not a directory"):
        publish(tmp_path / "site", {"index.html": "x"})
    assert (tmp_path / "site").read_text() == "a file"
