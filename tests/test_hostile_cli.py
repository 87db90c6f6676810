"""Every reproduction of a hostile input (docs/limits.md) ends with exit 0, 1 or 2,
at most one line on stderr and no traceback, run as a user runs it: a
subprocess of ``python -m rulebook``. The timeout is generous on purpose (these
end in well under a second); it only turns a hang into a failure.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

DATA = Path(__file__).resolve().parent / "data"
CLUB = DATA / "club.yaml"
SELF_LOOP = (
    "motion: m1\namendments:\n"
    "  - wording: \"insert new clause zz after Rule 1: 'X.' with sub-clauses [{id: zz, text: 'Y.'}]\"\n"
)


def rulebook(*args: str | bytes, stdin: str | None = None, pass_fds: tuple[int, ...] = ()) -> tuple[int, str, str]:
    """Run the CLI; return exit code, stdout and stderr (decoded)."""
    result = subprocess.run(
        [sys.executable, "-m", "rulebook", *args],
        capture_output=True,
        timeout=60,
        input=stdin.encode() if stdin is not None else None,
        pass_fds=pass_fds,
        check=False,
    )
    return result.returncode, result.stdout.decode(errors="replace"), result.stderr.decode(errors="replace")


def one_line(code: int, stderr: str, allowed: tuple[int, ...] = (2,)) -> str:
    assert code in allowed, (code, stderr)
    assert "Traceback" not in stderr
    lines = stderr.splitlines()
    assert code != 2 or len(lines) == 1, stderr
    return lines[0] if lines else ""


@pytest.fixture
def book(tmp_path: Path) -> Path:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "rulebook.yaml").write_text(CLUB.read_text())
    return folder


# -- 1. a new clause that repeats its own id ------------------------------------


def test_a_wording_whose_sub_clause_repeats_the_new_id_is_refused_by_apply_naming_the_motion(
    book: Path, tmp_path: Path
) -> None:
    motion = tmp_path / "loop.yaml"
    motion.write_text(SELF_LOOP)
    line = one_line(*rulebook("apply", str(book), str(motion))[::2])
    assert line.startswith(f"{motion}:3: amendment 1 of motion m1: the new clause uses the id 'zz' twice")
    assert "<output>" not in line


@pytest.mark.parametrize("command", ["check", "composite", "render", "explain"])
def test_the_same_wording_ends_every_command_that_reads_motions(book: Path, tmp_path: Path, command: str) -> None:
    motion = tmp_path / "loop.yaml"
    motion.write_text(SELF_LOOP)
    args = {
        "check": ["check", str(book), str(motion)],
        "composite": ["composite", str(book), str(motion)],
        "render": ["render", str(book), str(motion), "-o", str(tmp_path / "site")],
        "explain": ["explain", str(motion), "--book", str(book)],
    }[command]
    code, out, err = rulebook(*args)
    one_line(code, err, (1, 2))
    assert "twice" in out + err
    assert not (tmp_path / "site").exists()  # render never writes a page with duplicate ids


def test_the_structured_insert_clause_is_refused_the_same_way(book: Path, tmp_path: Path) -> None:
    motion = tmp_path / "loop.yaml"
    motion.write_text(
        "motion: m1\namendments:\n"
        "  - {op: insert_clause, after: name, clause: {id: zz, text: X, clauses: [{id: zz, text: Y}]}}\n"
    )
    line = one_line(*rulebook("apply", str(book), str(motion))[::2])
    assert line.startswith(f"{motion}:")
    assert "'zz'" in line


# -- 2. no tracebacks from YAML values, numbers or arguments ---------------------


@pytest.mark.parametrize(
    "value",
    ["!!bool abc", '!!int ""', '!!float ""', '!!timestamp ""', "!!str [1]", "!!map x", "2020-02-30"],
)
def test_a_standard_tag_with_a_bad_value_is_one_line_with_file_and_line(tmp_path: Path, value: str) -> None:
    facts = tmp_path / "facts.yaml"
    facts.write_text(f"name: fees.annual\nother: {value}\n")
    line = one_line(*rulebook("ask", str(CLUB), "provision", "--facts", str(facts))[::2])
    assert line.startswith(f"{facts}:2: ")


@pytest.mark.parametrize(
    "literal",
    ["0x" + "f" * 5000, "0" + "7" * 5000, "0b" + "1" * 20000, "1:" * 3000 + "1", "9" * 5000, "1:" * 400 + "1.5"],
)
def test_huge_numbers_are_refused_everywhere_they_can_be_written(book: Path, tmp_path: Path, literal: str) -> None:
    (book / "rulebook.yaml").write_text(CLUB.read_text().replace('version: "1"', f"version: {literal}"))
    one_line(*rulebook("show", str(book))[::2])
    motion = tmp_path / "m.yaml"
    motion.write_text(
        f"motion: m\namendments:\n  - {{op: delete_words, clause: name, words: club, occurrence: {literal}}}\n"
    )
    assert one_line(*rulebook("apply", str(CLUB), str(motion))[::2]).startswith(f"{motion}:3: ")
    provision = tmp_path / "p.yaml"
    provision.write_text(
        f"motion: p\namendments:\n  - {{op: set_provision, clause: name, name: x, value: {literal}}}\n"
    )
    assert one_line(*rulebook("apply", str(CLUB), str(provision))[::2]).startswith(f"{provision}:3: ")
    assert one_line(*rulebook("ask", str(CLUB), "provision", "--fact", f"name={literal}")[::2]).startswith(
        "--fact name"
    )


def test_a_huge_occurrence_in_a_wording_is_a_wording_error(tmp_path: Path) -> None:
    motion = tmp_path / "m.yaml"
    motion.write_text(f"motion: m\namendments:\n  - wording: \"Rule 1: delete 'club' (occurrence {'9' * 5000})\"\n")
    line = one_line(*rulebook("apply", str(CLUB), str(motion))[::2])
    assert line.startswith(f"{motion}:3: amendment 1 of motion m: cannot read the wording")


def test_an_undecodable_argument_is_refused_with_its_byte(tmp_path: Path) -> None:
    motion = tmp_path / "m.yaml"
    motion.write_text("motion: m\namendments:\n  - {op: delete_words, clause: name, words: Model}\n")
    code, _, err = rulebook("apply", str(CLUB), str(motion), "--label", os.fsdecode(b"L\xff"))
    assert (
        one_line(code, err) == r"rulebook: argument 5 is not UTF-8 text (L\xff at character 2); pass arguments as UTF-8"
    )


# -- 4. bounded reads ---------------------------------------------------------------


@pytest.mark.parametrize("device", ["/dev/zero", "/dev/urandom"])
def test_endless_devices_are_refused_as_book_motion_and_facts(device: str) -> None:
    if not Path(device).exists():
        pytest.skip(f"no {device} here")
    for args in (("show", device), ("apply", str(CLUB), device), ("ask", str(CLUB), "provision", "--facts", device)):
        line = one_line(*rulebook(*args)[::2])
        assert line == f"{device}: is a device that does not end, not a file; give the path of a YAML file"


def test_a_book_read_from_a_pipe_within_the_limit_works() -> None:
    read_end, write_end = os.pipe()
    os.write(write_end, CLUB.read_bytes())  # the club book fits the pipe's buffer
    os.close(write_end)
    try:
        code, out, err = rulebook("show", f"/dev/fd/{read_end}", pass_fds=(read_end,))
    finally:
        os.close(read_end)
    assert (code, err) == (0, "")
    assert out.startswith("Rule 1  NAME")


# -- 5. nothing quadratic -----------------------------------------------------------


def test_show_wraps_a_clause_of_one_long_word(tmp_path: Path) -> None:
    book = tmp_path / "long.yaml"
    book.write_text(CLUB.read_text().replace("The club shall be called the Model Club.", "x" * 2_000_000))
    code, out, err = rulebook("show", str(book))
    assert (code, err) == (0, "")
    assert max(len(line) for line in out.splitlines()) <= 100


# -- 6. smaller ------------------------------------------------------------------------


def test_control_characters_from_a_file_are_escaped_in_the_error(tmp_path: Path) -> None:
    motion = tmp_path / "m.yaml"
    motion.write_text('motion: m\namendments:\n  - {op: delete_words, clause: "x\\ry\\e[2J\\u2028z\\x85", words: a}\n')
    line = one_line(*rulebook("apply", str(CLUB), str(motion))[::2])
    assert "\r" not in line and "\x1b" not in line and "\u2028" not in line and "\x85" not in line
    assert line.startswith(f"{motion}:3: ")


def test_option_errors_name_the_option(tmp_path: Path) -> None:
    motion = tmp_path / "m.yaml"
    motion.write_text("motion: m\namendments:\n  - {op: delete_words, clause: name, words: Model}\n")
    line = one_line(*rulebook("apply", str(CLUB), str(motion), "--label", "v@2")[::2])
    assert line.startswith("rulebook apply: Invalid value for '--label': version label 'v@2' contains '@'")
    line = one_line(*rulebook("composite", str(CLUB), str(motion), "--id", " ")[::2])
    assert line.startswith("rulebook composite: Invalid value for '--id'")


@pytest.mark.parametrize("entry", ["../secret.yaml", "/etc/passwd", "sub/../../secret.yaml"])
def test_history_files_outside_the_book_are_refused_without_reading_them(tmp_path: Path, entry: str) -> None:
    folder = tmp_path / "book"
    folder.mkdir()
    (folder / "rulebook.yaml").write_text(CLUB.read_text())
    (tmp_path / "secret.yaml").write_text("TOP SECRET first line\n")
    (folder / "history.yaml").write_text(f'versions:\n  - version: "2"\n    motions: ["{entry}"]\n')
    line = one_line(*rulebook("show", str(folder))[::2])
    assert line.startswith(f"{folder / 'history.yaml'}:3: motion file {entry!r} is outside the rule book's directory")
    assert "SECRET" not in line and "root:" not in line


def test_markdown_escapes_html_unless_asked_for_raw(tmp_path: Path) -> None:
    book = tmp_path / "b.yaml"
    book.write_text(CLUB.read_text().replace("The club shall be called the Model Club.", "<script>x()</script> & co"))
    code, out, _ = rulebook("show", str(book), "--format", "markdown")
    assert code == 0 and "&lt;script&gt;x()&lt;/script&gt; &amp; co" in out and "<script>" not in out
    code, out, _ = rulebook("show", str(book), "--format", "markdown", "--raw-html")
    assert code == 0 and "<script>x()</script> & co" in out


def test_show_of_a_device_says_so(tmp_path: Path) -> None:
    line = one_line(*rulebook("show", "/dev/null")[::2])
    assert line.startswith("/dev/null:1: a rule book file is a mapping")  # read (empty), not "directory has no ..."


@pytest.mark.parametrize("label", ["v@2", " v2"])
def test_labels_that_can_never_be_selected_are_refused_at_load(book: Path, label: str) -> None:
    (book / "history.yaml").write_text(f'versions:\n  - version: "{label}"\n    motions: []\n')
    line = one_line(*rulebook("show", str(book))[::2])
    assert line.startswith(f"{book / 'history.yaml'}:2: version label {label!r}")
    (book / "history.yaml").unlink()
    (book / "rulebook.yaml").write_text(CLUB.read_text().replace('version: "1"', f'version: "{label}"'))
    line = one_line(*rulebook("show", str(book))[::2])
    assert line.startswith(f"{book / 'rulebook.yaml'}:3: version label {label!r}")


def test_the_hostile_benchmark_runs_and_prints_its_ratios() -> None:
    result = subprocess.run(
        [sys.executable, str(DATA.parent.parent / "benchmarks" / "bench_hostile.py"), "--quick", "--steps", "2"],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    assert result.returncode == 0 and not result.stderr, result.stderr
    assert "show: one long word" in result.stdout and "yaml: one long number" in result.stdout
    assert result.stdout.count("x\n") == 6  # a ratio on every row
