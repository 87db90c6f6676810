"""The examples in the core docs run and print exactly what the docs show.

Each doc is replayed in a fresh directory (with ``rules/`` linked to the
bundled rule books): a ```` ```yaml ```` block whose first line is a comment
naming a path (``# club/rulebook.yaml``) is written to that file; in a
```` ```console ```` block each ``$ rulebook ...`` line is run and must print
the lines that follow it (stdout and stderr, at 100 columns), ``$ echo $?``
must print the previous command's exit code, and ``cp``, ``mkdir``, ``ls`` and
``cat`` lines run as they are (to set up files); a ```` ```pycon ```` block runs
as a doctest (the blocks of one doc share a namespace). ``RULEBOOK_UPDATE_DOCS=1 pytest tests/test_docs_core.py``
rewrites the shown output from what the commands print now.

The other snippets are checked too. A ```` ```yaml ```` block without a file
name must load as what it shows: a rule book, a motion (or ruling), a
``history.yaml``, or a fragment of a rule book or of a clause (completed into
a minimal book and loaded). In a ```` ```sh ```` block the whole block must be
valid shell, and each command that runs ``rulebook`` (also as
``.venv/bin/rulebook`` or ``python -m rulebook``) must exit 0; the install
lines (``python3 -m venv``, ``pip install``) are left to ``.ci/run``, which
installs the same way on every run.
"""

from __future__ import annotations

import doctest
import os
import re
import shlex
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest
import yaml
from click.testing import CliRunner

from rulebook.cli import main
from rulebook.errors import RulebookError
from rulebook.io import motions as motion_io
from rulebook.io import rulebook as book_io
from rulebook.io.yamlsrc import Mapping, parse

ROOT = Path(__file__).resolve().parent.parent
DOCS = (
    "getting-started.md",
    "numbering.md",
    "file-format.md",
    "architecture.md",
    "dependencies.md",
    "drafting.md",
    "motions.md",
    "keeling.md",
    "provisions.md",
)
_BLOCK = re.compile(r"^```(\w+)\n(.*?)^```\n", re.MULTILINE | re.DOTALL)
_FILE = re.compile(r"^# ([\w./-]+\.ya?ml)\n")
_MINIMAL_BOOK = {"rulebook": "snippet", "version": "1", "numbering": ["arabic"], "clauses": [{"id": "a"}]}
_BOOK_KEYS = ("rulebook", "title", "version", "effective", "source", "numbering", "invariants", "clauses")
_CLAUSE_KEYS = ("id", "number", "heading", "text", "provisions", "stated_by", "clauses")
_HISTORY_KEYS = ("version", "effective", "from", "motions", "rulings", "not_carried", "title", "note")
_FILE_COMMANDS = ("cp", "mkdir", "ls", "cat")
_INSTALL = re.compile(r"^(python3? -m venv|\S*pip install)\b")
_RULEBOOK = re.compile(r"^(?:\S*/)?(?:rulebook|python3? -m rulebook)(?: |$)")


def _run(command: str, runner: CliRunner) -> tuple[str, int]:
    args = shlex.split(command)
    if args[0] in _FILE_COMMANDS:  # setting up files, e.g. a copy of a book to break
        done = subprocess.run(args, capture_output=True, text=True, check=False)
        return done.stdout + done.stderr, done.returncode
    assert args[0] == "rulebook", f"only rulebook, {', '.join(_FILE_COMMANDS)} can be replayed, not {command!r}"
    result = runner.invoke(main, args[1:], prog_name="rulebook", catch_exceptions=False)
    return result.output, result.exit_code


def _replay_console(block: str, runner: CliRunner) -> str:
    """The block with each command's output as it is now."""
    out: list[str] = []
    last_code = 0
    for chunk in re.split(r"^(?=\$ )", block, flags=re.MULTILINE):
        if not chunk:
            continue
        command = chunk.splitlines()[0][2:]
        if command == "echo $?":
            printed = f"{last_code}\n"
        else:
            printed, last_code = _run(command, runner)
        out.append(f"$ {command}\n{printed}")
    return "".join(out)


def _check_yaml_snippet(body: str, where: str) -> None:
    """An unnamed YAML example loads as the kind of file it shows."""
    doc: Any = parse(body, where)  # the strict parser: no tags, no duplicate keys
    assert isinstance(doc, Mapping), f"{where}: a YAML example should be a mapping"
    if "rulebook" in doc:
        book_io.loads(body, where)
        return
    if {"motion", "motions", "ruling"} & set(doc):
        motion_io.loads(body, where)
        return
    if "versions" in doc:
        doc.check_keys(("versions",), what="history")
        for entry in doc["versions"]:
            entry.check_keys(_HISTORY_KEYS, ("version",), what="history entry")
        return
    plain = yaml.safe_load(body)  # plain dicts and lists, to complete and dump again
    if set(plain) <= set(_CLAUSE_KEYS):
        book = {**_MINIMAL_BOOK, "numbering": ["arabic"] * 8, "clauses": [{"id": "snippet", **plain}]}
    else:
        unknown = set(plain) - set(_BOOK_KEYS)
        assert not unknown, f"{where}: {sorted(unknown)} are keys of no rule book, clause, motion or history"
        book = {**_MINIMAL_BOOK, **plain}
    book_io.loads(yaml.safe_dump(book, sort_keys=False), where)


def _check_shell(body: str, where: str, runner: CliRunner) -> None:
    """A shell block is valid shell, and its ``rulebook`` commands exit 0."""
    if shutil.which("bash"):
        syntax = subprocess.run(["bash", "-n"], input=body, text=True, capture_output=True, check=False)
        assert syntax.returncode == 0, f"{where}: not valid shell: {syntax.stderr}"
    for line in body.splitlines():
        command = line.split(" #", 1)[0].strip()
        if not command or command.startswith("#") or _INSTALL.match(command):
            continue
        assert _RULEBOOK.match(command), f"{where}: the test cannot check {command!r}; show it in a console block"
        args = shlex.split(command)
        args = args[3:] if args[0].startswith("python") else args[1:]
        result = runner.invoke(main, args, prog_name="rulebook", catch_exceptions=False)
        assert result.exit_code == 0, f"{where}: {command!r} exited {result.exit_code}: {result.output}"


def _replay(doc: Path, workdir: Path) -> str:
    """The doc's text with every console block's output replaced by what it prints now."""
    text = doc.read_text(encoding="utf-8")
    (workdir / "rules").symlink_to(ROOT / "rules")
    runner = CliRunner()
    namespace: dict[str, object] = {}  # the Python examples of one doc share their names, as in a session
    pieces: list[str] = []
    pos = 0
    for match in _BLOCK.finditer(text):
        lang, body = match.group(1), match.group(2)
        pieces.append(text[pos : match.start(2)])
        pos = match.end(2)
        named = _FILE.match(body)
        where = f"{doc.name}:{text.count(chr(10), 0, match.start()) + 1}"
        if lang == "yaml" and named:
            target = workdir / named.group(1)
            target.parent.mkdir(parents=True, exist_ok=True)
            target.write_text(body, encoding="utf-8")
        elif lang == "yaml":
            _check_yaml_snippet(body, where)
        elif lang == "sh":
            _check_shell(body, where, runner)
        elif lang == "console":
            body = _replay_console(body, runner)
        elif lang == "pycon":
            test = doctest.DocTestParser().get_doctest(body, namespace, doc.name, str(doc), 0)
            doctest_runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
            doctest_runner.run(test, clear_globs=False)
            namespace.update(test.globs)  # the DocTest ran in a copy of the namespace
            assert doctest_runner.failures == 0, f"a Python example in {doc.name} failed (see the output above)"
        pieces.append(body)
    pieces.append(text[pos:])
    return "".join(pieces)


@pytest.mark.parametrize("name", DOCS)
def test_the_doc_shows_what_its_commands_print(name: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = ROOT / "docs" / name
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("COLUMNS", "100")
    replayed = _replay(doc, tmp_path)
    if os.environ.get("RULEBOOK_UPDATE_DOCS"):
        doc.write_text(replayed, encoding="utf-8")
    assert replayed == doc.read_text(encoding="utf-8"), (
        f"docs/{name} no longer shows what its commands print; "
        "run RULEBOOK_UPDATE_DOCS=1 pytest tests/test_docs_core.py and review the diff"
    )


def test_a_doc_whose_shown_output_is_stale_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    doc = tmp_path / "stale.md"
    doc.write_text(
        "```yaml\n# one.yaml\nrulebook: one\nversion: '1'\nnumbering: [arabic]\nclauses: [{id: a, text: Hi.}]\n```\n\n"
        "```console\n$ rulebook show one.yaml\n1  Hello.\n```\n",
        encoding="utf-8",
    )
    work = tmp_path / "work"
    work.mkdir()
    monkeypatch.chdir(work)
    replayed = _replay(doc, work)
    assert "1  Hi.\n" in replayed and replayed != doc.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    "snippet",
    [
        "numbering:\n  - {style: arabic, lable: 'Rule {n}'}\n",  # a misspelt key in a fragment
        "id: x\ntxt: A clause whose text key is misspelt.\n",  # not a clause, nor a rule book
        "motion: m\namendments:\n  - {op: replace_word, clause: a, old: x, new: y}\n",  # an unknown operation
        "rulebook: r\nversion: '1'\nnumbering: [arabic]\nclauses: [{id: a, text: 'See [[b]].'}]\n",
    ],
)
def test_a_yaml_example_that_does_not_load_is_caught(snippet: str) -> None:
    with pytest.raises((AssertionError, RulebookError)):
        _check_yaml_snippet(snippet, "doc.md:1")


def test_a_shell_example_whose_command_fails_is_caught(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.chdir(tmp_path)
    _check_shell("python3 -m venv .venv\n.venv/bin/pip install .\n.venv/bin/rulebook --help\n", "doc.md:1", CliRunner())
    with pytest.raises(AssertionError, match="exited 2"):
        _check_shell(".venv/bin/rulebook show nowhere.yaml\n", "doc.md:1", CliRunner())
    with pytest.raises(AssertionError, match="cannot check"):
        _check_shell("make install\n", "doc.md:1", CliRunner())
