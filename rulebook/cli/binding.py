"""``bind``: which words of a book state its provision values, and which values no words state."""

from __future__ import annotations

import json
import sys

import attrs
import click

from rulebook.binding import bind_report
from rulebook.cli._books import load_book
from rulebook.history import split_spec
from rulebook.io.rulebook import dumps, write_atomically
from rulebook.model import Clause, replace_clause

__all__ = ["COMMANDS"]


def _explicit(clause: Clause) -> Clause:
    return attrs.evolve(
        clause,
        stated=tuple(attrs.evolve(s, explicit=True) for s in clause.stated),
        children=tuple(_explicit(c) for c in clause.children),
    )


@click.command()
@click.argument("book")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the version, every binding written out.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
@click.option("--strict", is_flag=True, help="Exit 1 when some provision value is not stated by its words.")
def bind(book: str, output: str | None, fmt: str, strict: bool) -> None:
    """Which words of BOOK (PATH, PATH@LABEL or PATH@YYYY-MM-DD) state each
    provision value, and which values no words state (docs/provisions.md)."""
    path, selector = split_spec(book)
    version = load_book(path).choose(selector).version
    report = bind_report(version)
    if output:
        explicit = version
        for clause in version.clauses:
            explicit = replace_clause(explicit, _explicit(clause))
        write_atomically(output, dumps(explicit))
    if fmt == "json":
        click.echo(json.dumps(report, indent=2, ensure_ascii=False, default=str))
    else:
        click.echo(
            f"version {version.label}: {len(report['stated'])} value(s) stated by words, "
            f"{len(report['unstated'])} not stated, {len(report['lost'])} no longer stated, "
            f"{len(report['ruled'])} set by a ruling"
        )
        for row in report["stated"]:
            at = f" (occurrence {row['occurrence']})" if row.get("occurrence") else ""
            click.echo(f"  stated    {row['value']} = {row['words']!s}{at}  in {row['clause']}")
        for row in report["unstated"]:
            hint = (
                f"; {len(row['phrases'])} phrases say {row['reads']!r}: add stated_by with occurrence"
                if row["phrases"]
                else "; no words of the clause say it"
            )
            click.echo(f"  warning: {row['value']} = {row['reads']!r} in {row['clause']} is not stated{hint}")
        for row in report["lost"]:
            click.echo(f"  lost      {row['value']} in {row['clause']}: {row['why']}")
        for row in report["ruled"]:
            click.echo(f"  ruled     {row['value']} = {row['reads']!r} in {row['clause']}, by ruling {row['ruling']}")
        if output:
            click.echo(f"wrote {output}", err=True)
    if strict and (report["unstated"] or report["lost"]):
        sys.exit(1)


COMMANDS = [bind]
