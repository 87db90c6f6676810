"""``diff``, ``render`` and ``blame``: what changed, previewed and traced."""

from __future__ import annotations

import json
from pathlib import Path

import click

from rulebook.amend.carried import check_not_carried
from rulebook.blame import blame as blame_clause
from rulebook.blame import history_diff, resolve_in_history, version_chain
from rulebook.cli._books import load_book
from rulebook.cli.color import use_color
from rulebook.diff import VersionDiff, diff_motions
from rulebook.diff import diff as diff_versions
from rulebook.errors import CitationError
from rulebook.history import split_spec
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import write_atomically
from rulebook.numbering import citation
from rulebook.render import keeling
from rulebook.render.docx import book_docx, keeling_docx, write_docx
from rulebook.render.site import render_site


def _same_source(a: str, b: str) -> bool:
    return Path(a).resolve() == Path(b).resolve()


def _diff(old: str, new: str) -> VersionDiff:
    old_path, old_sel = split_spec(old)
    new_path, new_sel = split_spec(new)
    old_history = load_book(old_path)
    if _same_source(old_path, new_path):
        return history_diff(old_history, old_history.select(old_sel).label, old_history.select(new_sel).label)
    return diff_versions(old_history.select(old_sel), load_book(new_path).select(new_sel))


@click.command()
@click.argument("old")
@click.argument("new")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "markdown", "html", "json", "docx"]),
    default="text",
    show_default=True,
    help="Output format (docx: a Word document with tracked changes, written to -o).",
)
@click.option("--full", is_flag=True, help="Show the whole amended book, not only the changed clauses.")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write to this file (needed for docx).")
def diff(old: str, new: str, fmt: str, full: bool, output: str | None) -> None:
    """What changed from OLD to NEW (each PATH, PATH@LABEL or PATH@YYYY-MM-DD),
    clause by clause and word by word, as a Keeling schedule.

    Two versions of one history are compared step by step, so each change
    names the motion or ruling that made it.
    """
    if fmt == "docx" and not output:
        raise click.UsageError("--format docx writes a Word document: give the file with -o FILE.docx")
    changes = _diff(old, new)
    if fmt == "docx":
        write_docx(keeling_docx(changes, full=full), output or "")
        click.echo(f"wrote {output}", err=True)
        return
    color = False
    if fmt == "json":
        text = keeling.to_json(changes) + "\n"
    elif fmt == "markdown":
        text = keeling.to_markdown(changes, full=full) + "\n"
    elif fmt == "html":
        text = keeling.to_html(changes, full=full)
    else:
        color = use_color() and not output
        text = keeling.to_text(changes, full=full, color=color) + "\n"
    if output:
        write_atomically(Path(output), text)
        click.echo(f"wrote {output}", err=True)
    else:
        click.echo(text, nl=False, color=color)


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
    type=click.Path(),
    default="rulebook-preview",
    show_default=True,
    help="Directory to write the site into (with --format docx: the .docx file).",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["html", "docx"]),
    default="html",
    show_default=True,
    help="docx: the consolidated book, or with motions their Keeling schedule with tracked changes.",
)
def render(book: str, more: tuple[str, ...], motions: tuple[str, ...], output: str, fmt: str) -> None:
    """Write an HTML preview of BOOK (PATH, PATH@LABEL or PATH@YYYY-MM-DD) with
    the motions applied in order, every change marked and attributed; print the
    path of its index.html. With --format docx: a Word document, the book as
    printed or the motions' Keeling schedule as tracked changes."""
    path, selector = split_spec(book)
    history = load_book(path)
    version = history.select(selector)
    loaded = [m for f in (*motions, *more) for m in motion_io.load_file(f)]
    if fmt == "docx":
        target = output if output.endswith(".docx") else f"{output}.docx"
        bases = history.lineage(version.label)
        check_not_carried(version, loaded, bases)
        data = keeling_docx(diff_motions(version, loaded, bases)) if loaded else book_docx(version)
        write_docx(data, target)
        click.echo(target)
        return
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
    history = load_book(path)
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
