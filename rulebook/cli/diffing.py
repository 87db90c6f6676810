"""``diff``, ``render`` and ``blame``: what changed, previewed and traced."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rulebook.blame import blame as blame_clause
from rulebook.blame import history_diff, resolve_in_history, version_chain
from rulebook.cli.color import use_color
from rulebook.diff import VersionDiff
from rulebook.diff import diff as diff_versions
from rulebook.errors import CitationError
from rulebook.history import load_history, split_spec
from rulebook.io import motions as motion_io
from rulebook.numbering import citation
from rulebook.render import keeling
from rulebook.render.site import render_site


def _same_source(a: str, b: str) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def _diff(old: str, new: str) -> VersionDiff:
    old_path, old_sel = split_spec(old)
    new_path, new_sel = split_spec(new)
    old_history = load_history(old_path)
    if _same_source(old_path, new_path):
        return history_diff(old_history, old_history.select(old_sel).label, old_history.select(new_sel).label)
    return diff_versions(old_history.select(old_sel), load_history(new_path).select(new_sel))


@click.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@click.option("--full", is_flag=True, help="Show the whole amended book, not only the changed clauses.")
def diff(old: str, new: str, fmt: str, full: bool) -> None:
    """What changed from OLD to NEW (each PATH, PATH@LABEL or PATH@YYYY-MM-DD),
    clause by clause and word by word, as a Keeling schedule.

    Two versions of one history are compared step by step, so each change
    names the motion or ruling that made it.
    """
    changes = _diff(old, new)
    if fmt == "json":
        click.echo(keeling.to_json(changes))
    elif fmt == "markdown":
        click.echo(keeling.to_markdown(changes, full=full))
    elif fmt == "html":
        click.echo(keeling.to_html(changes, full=full), nl=False)
    else:
        color = use_color()
        click.echo(keeling.to_text(changes, full=full, color=color), color=color)


@click.command()
@click.argument("book")
@click.argument("more", nargs=-1, type=click.Path(dir_okay=False), metavar="[MOTION]...")
@click.option(
    "--motions",
    "motions",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A motion or ruling file to apply (repeat, or list the files after it).",
)
@click.option(
    "-o",
    "--output",
    type=click.Path(file_okay=False),
    default="rulebook-preview",
    show_default=True,
    help="Directory to write the site into.",
)
def render(book: str, more: tuple[str, ...], motions: tuple[str, ...], output: str) -> None:
    """Write an HTML preview of BOOK (PATH, PATH@LABEL or PATH@YYYY-MM-DD) with
    the motions applied in order, every change marked and attributed; print the
    path of its index.html."""
    path, selector = split_spec(book)
    history = load_history(path)
    version = history.select(selector)
    loaded = [m for f in (*motions, *more) for m in motion_io.load_file(f)]
    index = render_site(version, loaded, output, bases=history.lineage(version.label))
    click.echo(str(index))


@click.command()
@click.argument("book")
@click.argument("clause")
@click.option(
    "--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True, help="Output format."
)
def blame(book: str, clause: str, fmt: str) -> None:
    """The life of CLAUSE (a stable id or citation) across the history of BOOK,
    up to the version BOOK names: each motion or ruling that changed it, with
    the words changed."""
    path, selector = split_spec(book)
    history = load_history(path)
    chain = version_chain(history, selector)
    last = chain[-1]
    try:
        cid = resolve_in_history(chain, clause)
    except CitationError as exc:
        raise exc.located(path) from None
    entries = blame_clause(history, cid, selector)
    cite = citation(last, cid) if cid in last else None
    if fmt == "json":
        data = {
            "rulebook": last.rulebook,
            "version": last.label,
            "id": cid,
            "citation": cite,
            "entries": [e.to_data() for e in entries],
        }
        click.echo(json.dumps(data, indent=2, ensure_ascii=False, default=str))
        return
    where = cite or "deleted"
    title = f"{where} (id {cid}) in {last.rulebook}, version {last.label}"
    color = use_color()
    click.echo(keeling.blame_to_text(entries, title=title, color=color, version=last), color=color)


COMMANDS = (diff, render, blame)
