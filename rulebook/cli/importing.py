"""``import`` and ``export``: a rule book from its published text, and to Akoma Ntoso (``docs/import.md``)."""

from __future__ import annotations

from pathlib import Path

import click

from rulebook.cli._books import load_book
from rulebook.errors import OutputError
from rulebook.history import split_spec
from rulebook.importing import FORMATS, format_report, import_book
from rulebook.io.rulebook import dumps, loads, write_atomically
from rulebook.render.akn import to_akn


@click.command("import")
@click.argument("file", type=click.Path(dir_okay=False))
@click.option("-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False),
              help="Directory to write rulebook.yaml (and import-report.txt) into.")  # fmt: skip
@click.option(
    "--numbering", help="The scheme, outermost level first, e.g. 'Chapter {n} arabic, upper-roman, lower-alpha'."
)
@click.option("--name", "name", help="Machine name of the rule book (default: from FILE's name).")
@click.option("--label", default="1", show_default=True, help="Label of the imported version.")
@click.option(
    "--from", "fmt", type=click.Choice(sorted(set(FORMATS.values()))), help="Format of FILE (default: from its name)."
)
def import_(file: str, out_dir: str, numbering: str | None, name: str | None, label: str, fmt: str | None) -> None:
    """Import the rule book in FILE (.txt, .md, .html, .docx, .pdf, Akoma Ntoso .xml) into DIR as rule book YAML.

    Prints every doubtful spot (FILE:LINE: what was guessed) and exits 1 when
    there is any, 0 when the import is clean."""
    target = Path(out_dir)
    if (target / "history.yaml").exists():
        raise OutputError(
            "holds a history.yaml, whose versions are built on the rulebook.yaml an import would replace; "
            "import into a new directory",
            file=str(target),
        )
    got = import_book(file, numbering=numbering, rulebook=name, label=label, fmt=fmt)
    text = dumps(got.version)
    loads(text, str(target / "rulebook.yaml"))  # what is written must load again
    report = format_report(got.doubts)
    write_atomically(target / "rulebook.yaml", text)
    write_atomically(target / "import-report.txt", report + "\n" if report else "")
    if report:
        click.echo(report)
    levels = len(got.version.numbering)
    click.echo(
        f"wrote {target / 'rulebook.yaml'}: {len(got.version)} clauses in {levels} level{'s' * (levels != 1)}; "
        + (f"{len(got.doubts)} doubtful spot{'s' * (len(got.doubts) != 1)} to check" if got.doubts else "clean"),
        err=True,
    )
    if got.doubts:
        raise click.exceptions.Exit(1)


@click.command()
@click.argument("book")
@click.option("--format", "fmt", type=click.Choice(["akn"]), default="akn", show_default=True,
              help="akn: an Akoma Ntoso 3.0 XML document.")  # fmt: skip
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here (default: stdout).")
def export(book: str, fmt: str, output: str | None) -> None:
    """Export a version of BOOK (PATH, PATH@LABEL or PATH@YYYY-MM-DD) for other tools:
    Akoma Ntoso 3.0 XML, which `rulebook import FILE.xml` reads back."""
    path, selector = split_spec(book)
    version = load_book(path).select(selector)
    text = to_akn(version)
    if output:
        write_atomically(Path(output), text)
        click.echo(f"wrote {output}: version {version.label}, {len(version)} clauses", err=True)
    else:
        click.echo(text, nl=False)


COMMANDS = (import_, export)
