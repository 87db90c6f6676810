"""``draft`` and ``explain``: writing a motion from an edited rule book, and
previewing how a motion is read."""

from __future__ import annotations

import json
import re

import click

from rulebook.amend.apply import apply
from rulebook.amend.draft import draft as draft_motion
from rulebook.amend.explain import Explanation, to_data, to_text
from rulebook.amend.explain import explain as explain_motion
from rulebook.cli._books import load_book
from rulebook.cli._output import check_id, force_option, stdout_if_dash
from rulebook.errors import DraftError, OutputError
from rulebook.history import History, split_spec
from rulebook.io import motions as motion_io
from rulebook.io.output import write_text
from rulebook.model import Version


def _version(spec: str) -> tuple[History, Version]:
    path, selector = split_spec(spec)
    hist = load_book(path)
    return hist, hist.select(selector)


def _slug(text: str) -> str:
    return "-".join(re.findall(r"[A-Za-z0-9]+", text)).lower() or "draft"


@click.command()
@click.argument("old")
@click.argument("new")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the motion here (default: stdout).")
@click.option(
    "--id", "motion_id", callback=check_id, help="The motion's id (default: draft-OLD-to-NEW, from the labels)."
)
@click.option("--title", help="The motion's title.")
@force_option
def draft(old: str, new: str, output: str | None, motion_id: str | None, title: str | None, force: bool) -> None:
    """A motion that turns OLD into NEW (each PATH, PATH@LABEL or
    PATH@YYYY-MM-DD), minimal at word level, each amendment with its
    conventional wording (citations as in OLD)."""
    output = stdout_if_dash(output)
    old_history, old_version = _version(old)
    _, new_version = _version(new)
    mid = motion_id or f"draft-{_slug(old_version.label)}-to-{_slug(new_version.label)}"
    try:
        motion = draft_motion(old_version, new_version, motion_id=mid, title=title)
    except DraftError as exc:
        raise exc.located(split_spec(new)[0]) from None
    text = motion_io.dumps([motion])
    # what is written must load again and apply to OLD, giving NEW
    (again,) = motion_io.loads(text, output or "<output>")
    amended = apply(old_version, again, bases=old_history.lineage(old_version.label))
    if amended.clauses != new_version.clauses:  # pragma: no cover - draft checks this itself
        raise OutputError(f"the drafted motion does not reproduce {new}; please report this")
    header = (
        f"# drafted by `rulebook draft {old} {new}`: applied to {old_version.label!r} gives {new_version.label!r}\n"
    )
    if output:
        try:
            write_text(output, header + text, force=force)
        except OSError as exc:
            raise OutputError(f"cannot write the motion: {exc.strerror or exc}", file=output) from None
        n = len(motion.amendments)
        click.echo(f"wrote {output}: motion {mid}, {n} amendment{'s' if n != 1 else ''}", err=True)
    else:
        click.echo(header + text, nl=False)


@click.command()
@click.argument("motion_file", metavar="MOTION", type=click.Path(dir_okay=False))
@click.option(
    "--book",
    help="The rule book (PATH or PATH@LABEL): references are resolved in each motion's base there. "
    "Without @LABEL each motion is tried on its own base.",
)
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)
def explain(motion_file: str, book: str | None, fmt: str) -> None:
    """How each amendment of MOTION, wording included, is read, and which
    clause (citation and id) it resolves to, before anything is applied.

    Exits 1 when an amendment names no clause or would not apply."""
    motions = motion_io.load_file(motion_file)
    explanations: list[Explanation] = []
    if book is None:
        explanations = [explain_motion(m) for m in motions]
    else:
        path, selector = split_spec(book)
        hist = load_book(path)
        for m in motions:
            if selector is None and m.base is not None and m.base in hist:
                version = hist[m.base]
            else:
                version = hist.select(selector)
            explanations.append(explain_motion(m, version, bases=hist.lineage(version.label)))
    if fmt == "json":
        click.echo(json.dumps(to_data(explanations), indent=2, ensure_ascii=False))
    else:
        click.echo(to_text(explanations))
    if not all(e.ok for e in explanations):
        raise SystemExit(1)


COMMANDS = (draft, explain)
