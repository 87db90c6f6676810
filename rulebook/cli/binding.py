"""``bind``: which words of a book state its provision values, and which values no words state."""

from __future__ import annotations

import json
import sys
from typing import Any

import attrs
import click

from rulebook.binding import get_leaf, unbound_leaves
from rulebook.history import load_history, split_spec
from rulebook.io.rulebook import dumps, write_atomically
from rulebook.model import Clause, Version, replace_clause, walk
from rulebook.numbering import citation
from rulebook.quantities import matches, read_quantities

__all__ = ["COMMANDS", "bind_report"]


def bind_report(version: Version) -> dict[str, Any]:
    """What ``rulebook bind`` reports: ``stated`` (value -> words), ``unstated``
    (values no words state, with the phrases that say the same value when
    there are several, so that ``stated_by`` can pick one by occurrence) and
    ``lost`` (values whose words a motion made unreadable).

    Examples
    --------
    >>> from rulebook.io.rulebook import loads
    >>> v = loads('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses:
    ...   - {id: q, text: "Six form a quorum; 5 per cent and 5 per cent.", provisions: {q: 6, s: {a: 0.05}, f: 9}}
    ... ''')
    >>> r = bind_report(v)
    >>> r["stated"][0]["value"], r["stated"][0]["words"]
    ('q', 'Six')
    >>> [(u["value"], u["phrases"]) for u in r["unstated"]]
    [('s.a', ['5 per cent', '5 per cent']), ('f', [])]
    """
    stated: list[dict[str, Any]] = []
    unstated: list[dict[str, Any]] = []
    lost: list[dict[str, Any]] = []
    for _, clause in walk(version.clauses):
        for s in clause.stated:
            row: dict[str, Any] = {"clause": citation(version, clause.id), "id": clause.id, "value": s.leaf}
            if not s.is_stated:
                lost.append({**row, "why": s.lost})
            elif s.source == "sub-clauses":
                stated.append({**row, "words": f"the sub-clauses ({s.read})"})
            else:
                value = get_leaf(clause.provisions[s.provision], s.path)
                stated.append({**row, "words": s.words, "occurrence": s.occurrence, "reads": value})
    for cid, name, path, leaf in unbound_leaves(version):
        if any(s.provision == name and s.path == path for s in version.clause(cid).stated):
            continue
        phrases = [q.text for q in read_quantities(version.clause(cid).text) if matches(leaf, q)]
        dotted = ".".join([name, *(str(p) for p in path)])
        unstated.append(
            {"clause": citation(version, cid), "id": cid, "value": dotted, "reads": leaf, "phrases": phrases}
        )
    return {"version": version.label, "stated": stated, "unstated": unstated, "lost": lost}


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
    version = load_history(path).choose(selector).version
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
            f"{len(report['unstated'])} not stated, {len(report['lost'])} no longer stated"
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
        if output:
            click.echo(f"wrote {output}", err=True)
    if strict and (report["unstated"] or report["lost"]):
        sys.exit(1)


COMMANDS = [bind]
