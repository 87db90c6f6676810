"""docs/architecture.md draws the layers that `lint-imports` checks: the two stay in step."""

from __future__ import annotations

import re
import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def _contract_layers() -> list[list[str]]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    (layers,) = [c["layers"] for c in config["tool"]["importlinter"]["contracts"] if c["type"] == "layers"]
    return [[m.strip("() ").removeprefix("rulebook.") for m in re.split(r"[|:]", layer)] for layer in layers]


def _documented_layers() -> list[list[str]]:
    text = (ROOT / "docs" / "architecture.md").read_text(encoding="utf-8")
    block = text.split("## The layers, as the code obeys them", 1)[1].split("```text\n", 1)[1].split("```", 1)[0]
    rows = []
    for line in block.splitlines():
        names = re.match(r"^([\w.]+(?:\s*[|:]\s*[\w.]+)*)", line)
        assert names, line
        rows.append([n.strip() for n in re.split(r"[|:]", names.group(1))])
    return rows


def test_the_documented_layers_are_the_checked_layers_in_order() -> None:
    assert _documented_layers() == _contract_layers()


def test_every_module_of_the_package_is_in_a_layer() -> None:
    layered = {m for layer in _contract_layers() for m in layer}
    for path in sorted((ROOT / "rulebook").rglob("*.py")):
        parts = path.relative_to(ROOT / "rulebook").with_suffix("").parts
        if parts in (("__init__",), ("__main__",)):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        if not any(".".join(parts[:n]) in layered for n in range(1, len(parts) + 1)):
            assert path.name == "__init__.py", path  # only a package split across layers may be unlisted,
            assert "import" not in path.read_text(encoding="utf-8"), path  # and it imports nothing


def test_every_command_is_registered_with_the_module_that_defines_it() -> None:
    import importlib

    from rulebook.cli import _HOMES

    modules = {p.stem for p in (ROOT / "rulebook" / "cli").glob("*.py")} - {"__init__", "color"}
    found = {
        command.name: name for name in modules for command in importlib.import_module(f"rulebook.cli.{name}").COMMANDS
    }
    assert found == _HOMES
