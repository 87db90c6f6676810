"""``import-motions``: a conference agenda of many rule changes, one motion file each."""

from __future__ import annotations

from pathlib import Path

import click
import yaml

from rulebook.errors import OutputError
from rulebook.io import motions as motion_io
from rulebook.io.agenda import AgendaItem, read_agenda
from rulebook.io.files import path_kind
from rulebook.io.rulebook import write_atomically


@click.command("import-motions")
@click.argument("agenda", type=click.Path(dir_okay=False))
@click.option(
    "-o", "--output", "out_dir", required=True, type=click.Path(file_okay=False), help="Write the motion files here."
)
@click.option("--base", help="The version the motions are drafted against (their 'base').")
def import_motions(agenda: str, out_dir: str, base: str | None) -> None:
    """Read AGENDA (text, Markdown or .docx), a document of numbered rule changes,
    and write one motion file per item to the directory given with -o. Items whose
    wording cannot be read are listed with their file and line; the exit code is
    then 1 (docs/agendas.md)."""
    items = read_agenda(agenda)
    read = [item for item in items if item.problem is None]
    files = _files(read, Path(out_dir))
    target = Path(out_dir)
    if path_kind(target) not in ("dir", "missing"):
        raise OutputError(f"{target}: exists and is not a directory; give -o a directory")
    taken = [str(p) for p in files.values() if p.exists()]
    if taken:
        raise OutputError(f"{taken[0]}: already exists; import into an empty directory or remove it")
    texts = {path: _motion_text(item, base, path) for item, path in files.items()}
    target.mkdir(parents=True, exist_ok=True)
    for path, text in texts.items():
        write_atomically(path, text)
    for item, path in files.items():
        click.echo(f"wrote {path}: motion {item.motion_id} ({item.where})")
    for item in items:
        if item.problem is not None:
            click.echo(f"{item.where}: item {item.number} not imported: {item.problem}")
    click.echo(f"{len(read)} of {len(items)} items imported from {agenda}")
    if len(read) < len(items):
        click.get_current_context().exit(1)


def _files(items: list[AgendaItem], out_dir: Path) -> dict[AgendaItem, Path]:
    """Each item's file, named by its motion id; a second item with the same id gets a suffix."""
    out: dict[AgendaItem, Path] = {}
    seen: dict[str, int] = {}
    for item in items:
        n = seen.get(item.motion_id, 0)
        seen[item.motion_id] = n + 1
        name = item.motion_id if n == 0 else f"{item.motion_id}-{n + 1}"
        out[item] = out_dir / f"{name or 'item'}.yaml"
    return out


def _motion_text(item: AgendaItem, base: str | None, path: Path) -> str:
    """The motion file for an item, checked to load as a motion before anything is written."""
    data = item.data()
    if base is not None:
        data = {"motion": data.pop("motion"), "base": base, **data}
    text = yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=100)
    motion_io.loads(text, str(path))
    return text


COMMANDS = [import_motions]
