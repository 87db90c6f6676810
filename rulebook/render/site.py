"""The HTML preview: a version with motions applied, as a self-contained static site.

The site is one ``index.html`` with its CSS inline (no scripts, no network, no
CDN), so it can be opened from disk, attached to an e-mail or published as it
is. It holds the title and metadata, a table of contents, a panel of the
motions and rulings with the clauses each changed, and the whole amended rule
book with every change marked (``<del>``/``<ins>``) and attributed to its
motion (the motions are applied one by one and each step diffed). Each clause
has the anchor ``clause-<stable id>``; ``[[id]]`` cross-references are links;
provisions say which motion or ruling set them, rulings with their authority.
A print stylesheet drops the navigation and prints the marks in black.

Examples
--------
>>> import tempfile
>>> from rulebook.model import Clause, Level, Version
>>> from rulebook.amend.motion import Amendment, Motion
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
...             [Clause("fee", text="The fee is 15 pounds; see [[dues]]."), Clause("dues", text="Pay in May.")])
>>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
>>> path = render_site(v, [m], tempfile.mkdtemp())
>>> page = path.read_text()
>>> '<del class="kd-del" title="motion cut (Cut the fee)"' in page
True
>>> '<a class="kd-ref" href="#clause-dues">Rule 2</a>' in page
True
"""

from __future__ import annotations

import os
import shutil
from collections.abc import Iterable, Mapping
from pathlib import Path

from rulebook.amend.carried import check_not_carried
from rulebook.amend.motion import Motion
from rulebook.diff import diff_motions
from rulebook.errors import OutputError, clip
from rulebook.io.output import staging_dir
from rulebook.model import Version
from rulebook.render.keeling import to_html

__all__ = ["check_not_carried", "preview_html", "publish", "render_site"]


def _count(motions: list[Motion]) -> str:
    parts = []
    for kind in ("motion", "ruling"):
        n = sum(1 for m in motions if m.kind == kind)
        if n:
            parts.append(f"{n} {kind}{'s' if n != 1 else ''}")
    return " and ".join(parts)


def preview_html(version: Version, motions: Iterable[Motion], bases: Mapping[str, Version] | None = None) -> str:
    """The preview page of ``version`` with ``motions`` applied in order (``bases``:
    the versions the motions may be drafted against, by label).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> page = preview_html(Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("a", text="x")]), [])
    >>> '<section class="kd-clause kd-unchanged" id="clause-a"' in page
    True
    """
    motions = list(motions)
    check_not_carried(version, motions, bases)
    d = diff_motions(version, motions, bases)
    name = version.title or version.rulebook
    if motions:
        subtitle = f"Version {version.label} as amended by {_count(motions)}"
        title = f"{name}: version {version.label} with {_count(motions)}"
    else:
        subtitle = f"Version {version.label}"
        title = f"{name}: version {version.label}"
    return to_html(d, full=True, title=title, subtitle=subtitle, motions=[m.change for m in motions], toc=True)


def publish(out_dir: str | Path, files: Mapping[str, str]) -> Path:
    """Write ``files`` (name -> text) into ``out_dir`` all at once: they are written
    to a temporary directory beside it first, then moved into place, so a failure
    never leaves a half-written site. Other files in ``out_dir`` are left alone.

    Examples
    --------
    >>> import tempfile
    >>> d = Path(tempfile.mkdtemp()) / "site"
    >>> publish(d, {"index.html": "<p>hi</p>"}).name, (d / "index.html").read_text()
    ('site', '<p>hi</p>')
    """
    target = Path(out_dir)
    where = clip(str(target))
    try:
        if target.exists() and not target.is_dir():
            raise OutputError("exists and is not a directory; choose another output directory (-o DIR)", file=where)
        target.parent.mkdir(parents=True, exist_ok=True)
        staging = staging_dir(target)  # with the umask, so the site is readable as mkdir makes it
    except OSError as exc:  # a name too long, a loop of links, no permission (docs/limits.md)
        raise OutputError(f"cannot write the preview here: {exc.strerror or exc}", file=where) from None
    try:
        for name, text in files.items():
            path = staging / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
        if not target.exists():
            os.replace(staging, target)
            return target
        for name in files:
            (target / name).parent.mkdir(parents=True, exist_ok=True)
            os.replace(staging / name, target / name)
    except OSError as exc:
        raise OutputError(f"cannot write the preview here: {exc.strerror or exc}", file=where) from None
    finally:
        if staging.exists():
            shutil.rmtree(staging, ignore_errors=True)
    return target


def render_site(
    version: Version,
    motions: Iterable[Motion],
    out_dir: str | Path,
    bases: Mapping[str, Version] | None = None,
) -> Path:
    """Write the preview site of ``version`` with ``motions`` into ``out_dir``;
    return the path of its ``index.html``. Nothing is written if a motion fails.

    Examples
    --------
    >>> import tempfile
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> cut = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
    >>> with tempfile.TemporaryDirectory() as tmp:
    ...     index = render_site(v, [cut], tmp)
    ...     index.name, "10" in index.read_text()
    ('index.html', True)
    """
    page = preview_html(version, motions, bases)
    return publish(out_dir, {"index.html": page}) / "index.html"
