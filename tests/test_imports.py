"""What a command or a module loads: the command line answers at once only if
`rulebook show` and the model leave the heavy libraries alone (docs/architecture.md)."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

import pytest

LABOUR = Path(__file__).resolve().parent.parent / "rules" / "labour"
HEAVY = ("click", "networkx", "jinja2", "rich")

_LOADED = """
import sys
{code}
print(" ".join(sorted({{name.split(".")[0] for name in sys.modules}})))
"""


def _loaded(code: str) -> set[str]:
    out = subprocess.run(
        [sys.executable, "-c", _LOADED.format(code=code)], capture_output=True, text=True, check=True
    ).stdout
    return set(out.split("\n")[-2].split())


def test_the_model_imports_no_command_line_graph_template_or_terminal_library() -> None:
    loaded = _loaded("import rulebook.model")
    assert "rulebook" in loaded
    assert loaded.isdisjoint(HEAVY), loaded & set(HEAVY)


def test_rulebook_show_imports_neither_networkx_nor_jinja2_nor_rich() -> None:
    code = f"from rulebook.cli import main\nmain(['show', {str(LABOUR)!r}, 'Chapter 1'], standalone_mode=False)"
    loaded = _loaded(code)
    assert "click" in loaded  # it did run the command line
    assert loaded.isdisjoint({"networkx", "jinja2", "rich"}), loaded & {"networkx", "jinja2", "rich"}


def test_rulebook_show_as_text_imports_neither_json_nor_html() -> None:
    """Each costs about a millisecond of every first call; only JSON output and Markdown need them."""
    argv = ["--no-cache", "show", str(LABOUR), "Chapter 1"]
    code = f"from rulebook.cli import main\nmain({argv!r}, standalone_mode=False)"
    loaded = _loaded(code)
    assert "rulebook" in loaded and "click" in loaded  # it did run the command (no PyYAML: see below)
    assert loaded.isdisjoint({"json", "html"}), loaded & {"json", "html"}


def test_rulebook_show_no_cache_leaves_the_history_cache_unimported() -> None:
    """``--no-cache`` builds the history afresh: the cache's module, and pickle, are not needed."""
    code = (
        "import sys\nfrom rulebook.cli import main\n"
        f"main(['--no-cache', 'show', {str(LABOUR)!r}, 'Chapter 1'], standalone_mode=False)\n"
        "print('cache' if 'rulebook.io.cache' in sys.modules else 'no cache')"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Chapter 1" in out  # it did show the chapter
    assert out.splitlines()[-1] == "no cache"
    assert "pickle" not in _loaded(code)


def test_a_cold_rulebook_show_loads_neither_the_wording_writer_nor_the_tolerant_citer_nor_shutil() -> None:
    """The bundled book's motions include English wording, which is read, not written; its
    citation forms are checked without the tolerant reader of citations, which the strict
    citations of the chapter shown never need; the width comes from the environment or the
    terminal (docs/architecture.md, "Speed")."""
    code = (
        "import sys\nfrom rulebook.cli import main\n"
        f"main(['--no-cache', 'show', {str(LABOUR)!r}, 'Chapter 1'], standalone_mode=False)\n"
        "print(sorted(m for m in sys.modules if m in ('shutil', 'rulebook.amend.wording.grammar', "
        "'rulebook.amend.wording.writer', 'rulebook.citing', 'rulebook.citeforms')))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert "Chapter 1" in out  # it did show the chapter
    assert out.splitlines()[-1] == "['rulebook.amend.wording.grammar', 'rulebook.citeforms']"  # wording, forms read


def test_a_version_still_shows_itself_in_a_notebook_and_in_rich() -> None:
    loaded = _loaded(
        "import rulebook\n"
        "v = rulebook.loads('rulebook: c\\nversion: \"1\"\\nnumbering: [arabic]\\nclauses: [{id: a, text: Hi.}]\\n')\n"
        "assert '<td>Hi.</td>' in v._repr_html_() and v.__rich__().row_count == 1"
    )
    assert "rich" in loaded


def test_rulebook_show_from_the_history_cache_neither_parses_yaml_nor_applies_motions(tmp_path: Path) -> None:
    """On an unchanged book the second `show` takes the history from the cache
    (docs/architecture.md, "The history cache"): no YAML reader, no motion machinery."""
    code = (
        "import os\n"
        f"os.environ['RULEBOOK_CACHE_DIR'] = {str(tmp_path)!r}\n"
        "from rulebook.cli import main\n"
        f"main(['show', {str(LABOUR)!r}, 'Chapter 1'], standalone_mode=False)\n"
    )
    _loaded(code)  # the first run builds the history and keeps it
    assert len(list(tmp_path.glob("*.pickle"))) == 1
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys\n"
            f"os.environ['RULEBOOK_CACHE_DIR'] = {str(tmp_path)!r}\n"
            "from rulebook.cli import main\n"
            f"main(['show', {str(LABOUR)!r}, 'Chapter 1'], standalone_mode=False)\n"
            "print(sorted(m for m in sys.modules if m == 'yaml' or m.startswith('rulebook.amend.a')))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    assert "Chapter 1" in out  # it did show the chapter
    assert out.splitlines()[-1] == "[]"


def _show(*words: str, env: dict[str, str]) -> tuple[str, list[str]]:
    """What ``rulebook WORDS`` prints, and the modules named yaml (or yaml.*) it loaded."""
    out = subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys\n"
            f"os.environ.update({env!r})\n"
            "from rulebook.cli import main\n"
            f"main({list(words)!r}, standalone_mode=False)\n"
            "print(sorted(m for m in sys.modules if m.split('.')[0] == 'yaml'))",
        ],
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    printed, _, modules = out.rstrip("\n").rpartition("\n")
    return printed, ast.literal_eval(modules)


def test_a_cold_rulebook_show_of_the_bundled_book_imports_no_yaml(tmp_path: Path) -> None:
    """The first `show` on a book builds every version from its YAML and motions:
    the fast reader and its plain scalars need no PyYAML (docs/architecture.md, "Speed")."""
    env = {"RULEBOOK_CACHE_DIR": str(tmp_path)}
    for how in (["--no-cache"], []):
        printed, yaml_modules = _show(*how, "show", str(LABOUR), "Chapter 1", env=env)
        assert "Chapter 1" in printed
        assert yaml_modules == [], how
    printed, yaml_modules = _show("show", str(LABOUR), "Chapter 1", env={**env, "RULEBOOK_NO_CACHE": "1"})
    assert "Chapter 1" in printed and yaml_modules == []
    assert len(list(tmp_path.glob("*.pickle"))) == 1  # written by the one run that used the cache


@pytest.mark.parametrize(
    ("clause", "provisions"),
    [
        ("{id: fee, text: The fee is 31 pounds., provisions: {fees.annual: 0x1F, fees.late: 1_000}}",
         {"fees.annual": 31, "fees.late": 1000}),  # rarer numbers: the fast reader has PyYAML build them
        ("&c {id: fee, text: The fee is 15 pounds., provisions: {fees.annual: 15, fees.late: 1:30}}",
         {"fees.annual": 15, "fees.late": 90}),  # an anchor: the whole file is libyaml's
    ],
)  # fmt: skip
def test_a_book_that_needs_pyyaml_still_reads_as_before(tmp_path: Path, clause: str, provisions: dict) -> None:
    path = tmp_path / "club.yaml"
    path.write_text(f"rulebook: club\nversion: '1'\nnumbering: [arabic]\nclauses:\n  - {clause}\n")
    code = (
        "from rulebook.io.rulebook import load_file\n"
        f"assert dict(load_file({str(path)!r}).clauses[0].provisions) == {provisions!r}\n"
    )
    assert "yaml" in _loaded(code)  # PyYAML was imported to read it
