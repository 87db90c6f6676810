"""``show``, ``history`` and ``apply``: reading versions and writing amended ones."""

from __future__ import annotations

import os
import sys

import click

from rulebook.cli._books import load_book
from rulebook.cli._output import check_label, force_option, stdout_if_dash
from rulebook.cli.color import use_color
from rulebook.errors import CitationError
from rulebook.history import split_spec
from rulebook.numbering import resolve
from rulebook.render.book import to_data, to_markdown, to_text

FORMAT = click.Choice(["text", "markdown", "json"])


def terminal_columns(fallback: int = 100) -> int:
    """The width to print at: ``COLUMNS`` when it is a positive whole number, else the width of
    the terminal on standard output, else ``fallback`` (the answer of ``shutil.get_terminal_size``,
    without importing :mod:`shutil` and the compression modules it loads: docs/architecture.md, "Speed").

    Examples
    --------
    >>> terminal_columns() > 0
    True
    """
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    try:
        measured = os.get_terminal_size(sys.__stdout__.fileno()).columns  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):  # no standard output, or not a terminal
        return fallback
    return measured or fallback


def _style(text: str, kind: str) -> str:
    return click.style(text, bold=True) if kind == "heading" else click.style(text, fg="cyan")


@click.command()
@click.argument("book")
@click.argument("clause", required=False)
@click.option("--format", "fmt", type=FORMAT, default="text", show_default=True, help="Output format.")
@click.option("--raw-html", is_flag=True, help="markdown: leave HTML in the text as it is (escaped by default).")
def show(book: str, clause: str | None, fmt: str, raw_html: bool) -> None:
    """Print a version of BOOK (PATH, PATH@LABEL or PATH@YYYY-MM-DD), or one
    CLAUSE (a citation or stable id) and its children."""
    path, selector = split_spec(book)
    chosen = load_book(path).choose(selector)
    version = chosen.version
    try:
        cid = resolve(version, clause).id if clause else None
    except CitationError as exc:
        raise exc.located(path) from None
    if chosen.warning:
        click.echo(f"warning: {chosen.warning}", err=True)
    if fmt == "json":
        import json  # here, not at the top: most runs print text (docs/architecture.md, "Speed")

        data = {**to_data(version, cid), "record": chosen.to_data()}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    elif fmt == "markdown":
        click.echo(to_markdown(version, cid, raw_html=raw_html))
    else:
        width = terminal_columns()
        color = use_color()
        click.echo(to_text(version, cid, width=width, style=_style if color else None), color=color)


@click.command()
@click.argument("book")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def history(book: str, fmt: str) -> None:
    """List the versions of BOOK with their dates, motions and rulings."""
    path, _ = split_spec(book)
    hist = load_book(path)
    data = hist.to_data()
    rows = data["versions"]
    known = data["known_until"]
    if fmt == "json":
        import json

        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
        return
    for row in rows:
        effective = row["effective"] or "(no date)"
        origin = f" from {row['from']}" if row["from"] else " (base)"
        size = f"{row['clauses']} clause{'' if row['clauses'] == 1 else 's'}"
        click.echo(f"{row['version']:<18} in force {effective}{origin}, {size}")
        for c in row["changes"]:
            if c["kind"] == "ruling":
                click.echo(f"    ruling  {c['id']}: {c['title'] or ''} [{c['authority']}]")
            else:
                click.echo(f"    motion  {c['id']}: {c['title'] or ''}")
        for m in row["not_carried"]:
            click.echo(f"    {m['outcome']:<9}{m['id']}: {m['title'] or ''} (not carried; changes nothing)")
    if known:
        click.echo(f"record ends: {known} (version {hist.latest.label}); later dates show that version, unverified")


@click.command()
@click.argument("book")
@click.argument("motions", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the amended version here (default: stdout)."
)
@click.option("--label", callback=check_label, help="Label of the new version (default: BOOK's label + motions).")
@force_option
def apply(book: str, motions: tuple[str, ...], output: str | None, label: str | None, force: bool) -> None:
    """Apply MOTIONS in order to BOOK and write the amended version as rule book YAML."""
    from rulebook.amend.checked import apply_checked  # not loaded for show and history
    from rulebook.io import motions as motion_io
    from rulebook.io.output import write_text
    from rulebook.io.rulebook import dumps, loads

    output = stdout_if_dash(output)
    path, selector = split_spec(book)
    hist = load_book(path)
    version = hist.select(selector)
    loaded = [m for f in motions for m in motion_io.load_file(f)]
    amended = apply_checked(version, loaded, bases=hist.lineage(version.label), label=label)
    text = dumps(amended)
    loads(text, output or "<output>")  # what is written must load again
    if output:
        write_text(output, text, force=force)
        click.echo(f"wrote {output}: version {amended.label}, {len(amended)} clauses", err=True)
    else:
        click.echo(text, nl=False)


COMMANDS = (show, history, apply)
