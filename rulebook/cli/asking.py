"""``ask``, ``scenario run`` and ``sweep``: the scenario engine on the command line."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Iterator
from concurrent.futures import Executor, ProcessPoolExecutor
from contextlib import contextmanager
from typing import Any

import click

from rulebook.ask.display import answer_rich, scenario_text, sweep_rich
from rulebook.ask.engine import ask as ask_question
from rulebook.ask.scenarios import run_paths
from rulebook.ask.sweep import sweep as sweep_motions
from rulebook.cli._books import load_book
from rulebook.cli.color import use_color
from rulebook.errors import FactsError, SchemaError
from rulebook.history import History, Selection, split_spec
from rulebook.io import motions as motion_io
from rulebook.io.yamlsrc import parse, read
from rulebook.model import Version

TEXT_JSON = click.Choice(["text", "json"])


def _terminal() -> bool:
    """Tables drawn with box characters and colour only when the colour policy says so
    (``rulebook.cli.color``); otherwise the text is plain ASCII at 80 columns."""
    return use_color()


def _echo(text: Callable[[], str], fancy: Callable[[], Any]) -> None:
    if _terminal():
        from rich.console import Console

        Console(highlight=False, emoji=False, force_terminal=True).print(fancy())
    else:
        click.echo(text())


def _version(book: str) -> tuple[History, Version]:
    history, chosen = _choose(book)
    return history, chosen.version


def _choose(book: str) -> tuple[History, Selection]:
    """The history and the version chosen, warning on stderr when the date lies beyond the record."""
    path, selector = split_spec(book)
    history = load_book(path)
    chosen = history.choose(selector)
    if chosen.warning:
        click.echo(f"warning: {chosen.warning}", err=True)
    return history, chosen


def _set(facts: dict[str, Any], dotted: str, value: Any, pair: str) -> None:
    keys = dotted.split(".")
    node = facts
    for key in keys[:-1]:
        node = node.setdefault(key, {})
        if not isinstance(node, dict):
            raise FactsError(f"--fact {pair}: {key!r} is already set to a value, not a mapping")
    node[keys[-1]] = value


def _facts(facts_file: str | None, pairs: tuple[str, ...]) -> Any:
    """Facts from ``--facts FILE`` and ``--fact KEY=VALUE`` (VALUE in YAML; KEY may be dotted)."""
    facts: Any = read(facts_file) if facts_file else {}
    if facts is None:
        facts = {}
    if not isinstance(facts, dict):
        raise FactsError("a facts file is a mapping of fact names to values", file=facts_file, line=1)
    for pair in pairs:
        key, sep, raw = pair.partition("=")
        if not sep or not key.strip():
            raise FactsError(f"--fact {pair!r}: write KEY=VALUE, e.g. --fact vacancy=false or --fact bodies.PLP=229")
        _set(facts, key.strip(), parse(raw, f"--fact {key.strip()}") if raw.strip() else None, pair)
    return facts


@click.command()
@click.argument("book")
@click.argument("question")
@click.option("--facts", "facts_file", type=click.Path(dir_okay=False), help="A YAML file of facts.")
@click.option(
    "--fact",
    "pairs",
    multiple=True,
    metavar="KEY=VALUE",
    help="One fact (VALUE in YAML; KEY may be dotted, e.g. bodies.PLP=229). Repeatable.",
)
@click.option("--format", "fmt", type=TEXT_JSON, default="text", show_default=True, help="Output format.")
def ask(book: str, question: str, facts_file: str | None, pairs: tuple[str, ...], fmt: str) -> None:
    """Answer QUESTION on BOOK (PATH, PATH@LABEL or PATH@YYYY-MM-DD) given the facts.

    Questions: leadership.ballot, leadership.nominations_needed, nec.composition,
    nec.vote, conference.vote, conference.rule_change_heard,
    shadow_cabinet.composition, provision, and any registered by installed
    packages (docs/questions.md).
    """
    history, chosen = _choose(book)
    version = chosen.version
    answer = ask_question(version, question, _facts(facts_file, pairs), ancestors=history.ancestors(version.label))
    if fmt == "json":
        data = {**answer.to_data(), "record": chosen.to_data()}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        _echo(answer.to_text, lambda: answer_rich(answer))


@click.group()
def scenario() -> None:
    """Scenario files: a question, its facts, a version and the expected answer."""


@scenario.command("run")
@click.argument("paths", nargs=-1, required=True, type=click.Path())
@click.option("--format", "fmt", type=TEXT_JSON, default="text", show_default=True, help="Output format.")
@click.option("-v", "--verbose", is_flag=True, help="Show every answer in full.")
@click.pass_context
def run(ctx: click.Context, paths: tuple[str, ...], fmt: str, verbose: bool) -> None:
    """Run scenario files (a directory runs every scenario file in it) and check their
    expectations: exit 1 if any fails."""
    results = run_paths(paths)
    if not results:
        raise SchemaError(f"no scenario files (YAML with a top-level 'scenario:' key) in {', '.join(paths)}")
    failed = sum(not r.passed for r in results)
    if fmt == "json":
        data = {"scenarios": [r.to_data() for r in results], "passed": len(results) - failed, "failed": failed}
        click.echo(json.dumps(data, indent=2, ensure_ascii=False))
    else:
        for result in results:
            text = scenario_text(result, verbose)
            if _terminal():
                mark, rest = text[:4], text[4:]
                text = click.style(mark, fg="red" if mark == "FAIL" else "green", bold=True) + rest
            click.echo(text)
        click.echo(f"{len(results) - failed} passed, {failed} failed")
    if failed:
        ctx.exit(1)


@contextmanager
def _progress(total: int | None, quiet: bool) -> Iterator[Callable[[int], None] | None]:
    if quiet or not sys.stderr.isatty():
        yield None
        return
    from rich.console import Console
    from rich.progress import Progress

    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("combinations", total=total)
        yield lambda n: bar.advance(task, n)


@contextmanager
def _executor(jobs: int) -> Iterator[Executor | None]:
    if jobs == 1:
        yield None
        return
    with ProcessPoolExecutor(max_workers=jobs) as pool:
        yield pool


@click.command()
@click.argument("book")
@click.argument("question")
@click.argument("more", nargs=-1, type=click.Path(dir_okay=False), metavar="[MOTION]...")
@click.option(
    "-m",
    "--motions",
    "motion_files",
    multiple=True,
    type=click.Path(dir_okay=False),
    help="A motion file (may hold several motions). Repeatable; files after BOOK QUESTION count too.",
)
@click.option("--facts", "facts_file", type=click.Path(dir_okay=False), help="A YAML file of facts.")
@click.option("--fact", "pairs", multiple=True, metavar="KEY=VALUE", help="One fact, as for ask. Repeatable.")
@click.option("--format", "fmt", type=TEXT_JSON, default="text", show_default=True, help="Output format.")
@click.option("-q", "--quiet", is_flag=True, help="No progress bar.")
@click.option(
    "-j", "--jobs", type=click.IntRange(min=1), default=1, show_default=True,
    help="Processes that answer the deciding combinations (the result is the same).",
)  # fmt: skip
def sweep(
    book: str, question: str, more: tuple[str, ...], motion_files: tuple[str, ...], facts_file: str | None,
    pairs: tuple[str, ...], fmt: str, quiet: bool, jobs: int,
) -> None:  # fmt: skip
    """Ask QUESTION of BOOK with every combination of the motions passing or falling,
    and report which motions decide the answer and which combinations change it."""
    history, version = _version(book)
    motions = [m for f in (*motion_files, *more) for m in motion_io.load_file(f)]
    if not motions:
        raise SchemaError("no motions to sweep; give motion files with --motions FILE (or after QUESTION)")
    facts = _facts(facts_file, pairs)
    with _progress(None, quiet) as progress, _executor(jobs) as executor:
        result = sweep_motions(
            version, motions, question, facts, bases=history.lineage(version.label),
            ancestors=history.ancestors(version.label), progress=progress, executor=executor,
        )  # fmt: skip
    if fmt == "json":
        click.echo(result.to_json())
    else:
        _echo(result.to_text, lambda: sweep_rich(result))


COMMANDS = (ask, scenario, sweep)
