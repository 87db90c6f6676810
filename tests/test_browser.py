"""End to end: the HTML preview opened in a real headless Chromium.

The test renders ``rules/labour@2017`` with the 2018 conference motion and a
small motion of its own that deletes words, opens the site's ``index.html``
in Debian's Chromium (installed by ``.ci/run``), and checks in the browser
that deleted words are computed-style struck through, inserted words
underlined (or bold), and that clicking a cross-reference lands on the
clause it names.

Chromium is driven through chromedriver's W3C WebDriver HTTP interface with
the standard library alone (no selenium). Without chromedriver the same checks
run as a script added to a copy of the page, read back with
``chromium --headless --dump-dom``. The test is skipped only when there is no
Chromium.
"""

from __future__ import annotations

import html
import json
import os
import shutil
import socket
import subprocess
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from rulebook.amend.motion import Amendment, Motion
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.render.site import render_site
from tests.conftest import LABOUR

CHROMIUM = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
# RULEBOOK_TEST_NO_WEBDRIVER=1 exercises the --dump-dom way even where chromedriver is installed
CHROMEDRIVER = None if os.environ.get("RULEBOOK_TEST_NO_WEBDRIVER") else shutil.which("chromedriver")
pytestmark = pytest.mark.skipif(
    CHROMIUM is None, reason="no Chromium on PATH (.ci/run installs Debian's chromium and chromium-driver)"
)
FLAGS = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run"]

#: Runs in the page; returns what the test checks, from the browser's own layout and styles.
PROBE = """
const decoration = (el) => getComputedStyle(el).textDecorationLine;
const bold = (el) => parseInt(getComputedStyle(el).fontWeight, 10) >= 600;
const dels = [...document.querySelectorAll("main del")];
const inss = [...document.querySelectorAll("main ins")];
const refs = [...document.querySelectorAll("main a.kd-ref")];
return {
  deleted: dels.map((el) => ({text: el.textContent, decoration: decoration(el), by: el.dataset.by || null})),
  inserted: inss.map((el) => ({text: el.textContent, decoration: decoration(el), bold: bold(el),
                                by: el.dataset.by || null})),
  refs: refs.map((el) => ({href: el.getAttribute("href"), text: el.textContent})),
};
"""

#: After clicking a link: where the browser landed.
LANDED = """
const target = document.querySelector(":target");
const hash = decodeURIComponent(location.hash.slice(1));
const byId = document.getElementById(hash);
return {
  hash: hash,
  target: target ? target.id : null,
  clause: byId ? byId.dataset.clause : null,
  cite: byId ? byId.querySelector(".kd-cite").textContent : null,
  top: byId ? Math.round(byId.getBoundingClientRect().top) : null,
};
"""


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    history = load_history(LABOUR)
    version = history.select("2017")
    shorten = Motion(
        "test-shorten",
        [Amendment("delete_words", clause="Chapter 4, Clause II.2.B.ii", words="each year ")],
        title="A test motion that deletes words",
        base="2017",
    )
    motions = [*motion_io.load_file(LABOUR / "motions" / "2018-conference.yaml"), shorten]
    out = tmp_path_factory.mktemp("browser") / "site"
    return render_site(version, motions, out, bases=history.lineage(version.label))


# -- a minimal WebDriver client --------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class WebDriver:
    """Just enough of the W3C WebDriver protocol: a session, navigation, scripts, clicks."""

    def __init__(self, url: str) -> None:
        self.url = url
        caps = {"capabilities": {"alwaysMatch": {"goog:chromeOptions": {"binary": CHROMIUM, "args": FLAGS}}}}
        self.session = self.call("POST", "/session", caps)["sessionId"]

    def call(self, method: str, path: str, body: dict[str, Any] | None = None) -> Any:
        data = json.dumps(body if body is not None else {}).encode() if method == "POST" else None
        request = urllib.request.Request(
            self.url + path, data=data, method=method, headers={"Content-Type": "application/json"}
        )
        with urllib.request.urlopen(request, timeout=60) as response:
            return json.loads(response.read())["value"]

    def at(self, path: str, body: dict[str, Any] | None = None, method: str = "POST") -> Any:
        return self.call(method, f"/session/{self.session}{path}", body)

    def open(self, url: str) -> None:
        self.at("/url", {"url": url})

    def run(self, script: str, *args: Any) -> Any:
        return self.at("/execute/sync", {"script": script, "args": list(args)})

    def click(self, css: str) -> None:
        found = self.at("/element", {"using": "css selector", "value": css})
        element = next(iter(found.values()))
        self.at(f"/element/{element}/click", {})

    def quit(self) -> None:
        self.at("", method="DELETE")


@pytest.fixture(scope="module")
def browser() -> Iterator[WebDriver | None]:
    if CHROMEDRIVER is None:
        yield None
        return
    port = _free_port()
    process = subprocess.Popen([CHROMEDRIVER, f"--port={port}"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):  # wait for chromedriver to listen
            try:
                urllib.request.urlopen(url + "/status", timeout=1).close()
                break
            except OSError:
                time.sleep(0.1)
        driver = WebDriver(url)
        try:
            yield driver
        finally:
            driver.quit()
    finally:
        process.terminate()
        process.wait(timeout=10)


def _dump_dom_probe(site: Path, tmp_path: Path, click_href: str | None) -> dict[str, Any]:
    """The probe without WebDriver: a copy of the page with the probe as a script."""
    page = site.read_text(encoding="utf-8")
    click = ""
    if click_href is not None:
        click = f"document.querySelector('main a.kd-ref[href=\"{click_href}\"]').click();"
    script = (
        "<script>window.addEventListener('load', () => {"
        "const probe = () => {" + PROBE + "};"
        "const landed = () => {" + LANDED + "};"
        "const first = probe();" + click + "const out = document.createElement('pre');"
        "out.id = 'probe-result'; out.textContent = JSON.stringify({probe: first, landed: landed()});"
        "document.body.appendChild(out);});</script>"
    )
    copy = tmp_path / "probe.html"
    copy.write_text(page.replace("</body>", script + "</body>"), encoding="utf-8")
    assert CHROMIUM is not None
    dom = subprocess.run(
        [CHROMIUM, *FLAGS, "--virtual-time-budget=5000", "--dump-dom", copy.as_uri()],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
        env={**os.environ, "HOME": str(tmp_path)},
    ).stdout
    start = dom.index('<pre id="probe-result">') + len('<pre id="probe-result">')
    return dict(json.loads(html.unescape(dom[start : dom.index("</pre>", start)])))


def _observe(site: Path, browser: WebDriver | None, tmp_path: Path) -> tuple[dict[str, Any], dict[str, Any], str]:
    """What the browser shows, and where clicking the first cross-reference lands."""
    if browser is not None:
        browser.open(site.as_uri())
        probe = browser.run(PROBE)
        href = probe["refs"][0]["href"]
        browser.click(f'main a.kd-ref[href="{href}"]')
        return probe, browser.run(LANDED), href
    probe = _dump_dom_probe(site, tmp_path, None)["probe"]
    href = probe["refs"][0]["href"]
    return probe, _dump_dom_probe(site, tmp_path, href)["landed"], href


def test_the_preview_in_chromium_strikes_deletions_marks_insertions_and_links_land(
    site: Path, browser: WebDriver | None, tmp_path: Path
) -> None:
    probe, landed, href = _observe(site, browser, tmp_path)

    deleted = {d["text"].strip(): d for d in probe["deleted"]}
    assert "each year" in deleted, probe["deleted"]
    assert deleted["each year"]["by"] == "test-shorten"
    assert all("line-through" in d["decoration"] for d in probe["deleted"]), probe["deleted"]

    inserted = [i for i in probe["inserted"] if "5 per cent of CLPs" in i["text"]]
    assert inserted and inserted[0]["by"] == "2018-leadership-nominations"
    assert all("underline" in i["decoration"] or i["bold"] for i in probe["inserted"]), probe["inserted"]

    # a cross-reference, clicked, lands on the clause it names
    assert probe["refs"], "the labour rule book has [[id]] cross-references"
    target_id = href[1:]
    assert landed["hash"] == target_id and landed["target"] == target_id
    assert landed["clause"] == target_id.removeprefix("clause-")
    ref_text = next(r["text"] for r in probe["refs"] if r["href"] == href)
    assert landed["cite"] == ref_text  # the link text is the citation of the clause it lands on


def test_printing_the_preview_gives_numbered_pages_without_navigation(site: Path, tmp_path: Path) -> None:
    """Chromium's own print to PDF (print media, the page's @page rules), read back page by page."""
    pdfminer = pytest.importorskip("pdfminer.high_level")
    pdf = tmp_path / "preview.pdf"
    assert CHROMIUM is not None
    subprocess.run(
        [CHROMIUM, *FLAGS, "--no-pdf-header-footer", f"--print-to-pdf={pdf}", site.as_uri()],
        capture_output=True,
        timeout=180,
        check=True,
        env={**os.environ, "HOME": str(tmp_path)},
    )
    pages = [page for page in pdfminer.extract_text(str(pdf)).split("\f") if page.strip()]
    assert len(pages) > 3, "the labour book prints on several pages"
    for number, page in enumerate(pages, start=1):
        assert f"Page {number} of {len(pages)}" in " ".join(page.split()), f"page {number} has no page number"
    printed = " ".join(" ".join(pages).split())
    assert "Made with rulebook" not in printed  # the footer
    assert "Contents" not in printed  # the navigation (the contents list)
    assert "5 per cent of CLPs" in printed  # the rules themselves are there
