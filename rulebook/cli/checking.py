"""``check`` and ``composite``: motions against a book and against each other."""

from __future__ import annotations

import datetime as dt
import json
import sys
from collections.abc import Iterator
from contextlib import contextmanager

import click

from rulebook.check import check as run_check
from rulebook.check import composite as run_composite
from rulebook.check.engine import Progress
from rulebook.check.report import FORMATS, render
from rulebook.cli._books import load_book
from rulebook.cli._output import check_id, force_option, stdout_if_dash
from rulebook.errors import SchemaError
from rulebook.history import split_spec
from rulebook.io import motions as motion_io
from rulebook.io.output import write_text
from rulebook.model import Version

_STAGES = {
    "apply": "applying each motion",
    "pairs": "trying overlapping motions together",
    "groups": "trying groups of motions together",
}


def _date(value: str | None) -> dt.date | None:
    if value is None:
        return None
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise SchemaError(f"--date {value!r} is not a date; write YYYY-MM-DD") from None


@contextmanager
def _progress(enabled: bool) -> Iterator[Progress | None]:
    """A rich progress bar on stderr, only on a terminal."""
    if not enabled or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        MofNCompleteColumn(),
        TimeElapsedColumn(),
        console=Console(stderr=True),
        transient=True,
    )
    tasks: dict[str, int] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = int(bar.add_task(_STAGES.get(stage, stage), total=total))
        bar.update(tasks[stage], completed=done, total=total)  # type: ignore[arg-type]

    with bar:
        yield update


@click.command()
@click.argument("book")
@click.argument("motions", nargs=-1, type=click.Path(dir_okay=False))
@click.option("--format", "fmt", type=click.Choice(FORMATS), default="text", show_default=True, help="Output format.")
@click.option(
    "--date", "day", metavar="YYYY-MM-DD", help="Date of the meeting for motions without one (default: today)."
)
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.pass_context
def check(ctx: click.Context, book: str, motions: tuple[str, ...], fmt: str, day: str | None, quiet: bool) -> None:
    """Check MOTIONS against BOOK (PATH, PATH@LABEL or PATH@YYYY-MM-DD) and
    against each other. Exit 0 when clean, 1 with findings, 2 on bad input.
    With no MOTIONS, check the book alone: warn about provision values that no
    words of their clause state (exit 0)."""
    today = _date(day)
    path, selector = split_spec(book)
    hist = load_book(path)
    version = hist.select(selector)
    if not motions:
        _book_alone(version, fmt)
        return
    loaded = [m for f in motions for m in motion_io.load_file(f)]
    bases = {v.label: v for v in hist}
    with _progress(not quiet) as progress:
        report = run_check(version, loaded, bases=bases, today=today, progress=progress, record=hist.motions)
    text = render(report, fmt)
    if text:
        click.echo(text)
    ctx.exit(0 if report.clean else 1)


@click.command()
@click.argument("book")
@click.argument("motions", nargs=-1, required=True, type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", type=click.Path(dir_okay=False), help="Write the composite motion here (default: stdout)."
)
@click.option(
    "--id", "motion_id", default="composite", callback=check_id, show_default=True, help="Id of the composite motion."
)
@click.option("--title", help="Title of the composite motion.")
@force_option
@click.pass_context
def composite(
    ctx: click.Context,
    book: str,
    motions: tuple[str, ...],
    output: str | None,
    motion_id: str,
    title: str | None,
    force: bool,
) -> None:
    """Write one composite motion holding every change of MOTIONS that does not
    collide, and list the collisions left to settle (exit 1 when there are any)."""
    output = stdout_if_dash(output)
    path, selector = split_spec(book)
    hist = load_book(path)
    version = hist.select(selector)
    loaded = [m for f in motions for m in motion_io.load_file(f)]
    result = run_composite(version, loaded, bases={v.label: v for v in hist}, motion_id=motion_id, title=title)
    notes = [f"collision: {c.message}" for c in result.collisions] + [f"note: {n}" for n in result.notes]
    if result.motion is None:
        for note in notes:
            click.echo(note, err=True)
        click.echo("nothing could be composited: every change collides or none applies", err=True)
        ctx.exit(1)
    assert result.motion is not None
    header = "".join(f"# {line}\n" for line in [f"composite of motions {', '.join(result.included)}", *notes])
    text = header + motion_io.dumps([result.motion])
    motion_io.loads(text, output or "<output>")  # what is written must load again
    if output:
        write_text(output, text, force=force)
        click.echo(
            f"wrote {output}: motion {result.motion.id} with {len(result.motion.amendments)} amendments "
            f"from {len(result.included)} motions",
            err=True,
        )
    else:
        click.echo(text, nl=False)
    for note in notes:
        click.echo(note, err=not output)
    ctx.exit(1 if result.collisions else 0)


def _book_alone(version: Version, fmt: str) -> None:
    """The book's own warnings: values no words of their clause state (docs/provisions.md)."""
    from rulebook.binding import bind_report

    report = bind_report(version)
    warnings = [
        {"clause": r["clause"], "id": r["id"], "value": r["value"], "message": f"{r['value']} = {r['reads']!r} "
         "is not stated by the words of its clause; state it there, or bind it with stated_by (rulebook bind)"}
        for r in report["unstated"]
    ] + [
        {"clause": r["clause"], "id": r["id"], "value": r["value"], "message": f"{r['value']} is no longer "
         f"stated: {r['why']}"}
        for r in report["lost"]
    ]  # fmt: skip
    if fmt == "json":
        keep = ("clause", "id", "value", "ruling")
        ruled = [{k: r[k] for k in keep} for r in report["ruled"]]
        click.echo(json.dumps({"findings": [], "warnings": warnings, "ruled": ruled}, indent=2, ensure_ascii=False))
        return
    for w in warnings:
        click.echo(f"warning: {w['clause']}: {w['message']}")
    n_ruled = len(report["ruled"])
    also = f" ({n_ruled} value(s) set by rulings, which change meaning, not words)" if n_ruled else ""
    click.echo(f"{version.label}: no motions to check; {len(warnings)} warning(s) about the book itself{also}")


COMMANDS = (check, composite)
