"""``-o`` as careful tools write it (rulebook/io/output.py, docs/limits.md)."""

from __future__ import annotations

import os
import stat
import threading
from pathlib import Path

import pytest
from click.testing import CliRunner

from rulebook.cli import main
from rulebook.errors import OutputError
from rulebook.io import output
from rulebook.io.output import TMP_MARK, umask, write_text
from rulebook.io.rulebook import load_file

CLUB = Path(__file__).resolve().parent / "data" / "club.yaml"
MOTION = "motion: cut\namendments:\n  - {op: replace_words, clause: members.fees, old: '15', new: '10'}\n"


def apply_to(tmp_path: Path, target: Path | str, *extra: str) -> tuple[int, str, str]:
    motion = tmp_path / "cut.yaml"
    motion.write_text(MOTION)
    result = CliRunner().invoke(main, ["apply", str(CLUB), str(motion), "-o", str(target), *extra])
    return result.exit_code, result.stdout, result.stderr


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.iterdir() if TMP_MARK in p.name]


def test_a_symlink_is_followed_and_its_target_replaced(tmp_path: Path) -> None:
    real = tmp_path / "real.yaml"
    real.write_text("old\n")
    link = tmp_path / "link.yaml"
    link.symlink_to(real.name)
    code, _, err = apply_to(tmp_path, link)
    assert code == 0, err
    assert link.is_symlink() and os.readlink(link) == "real.yaml"
    assert load_file(real).clause("members.fees").text.startswith("The annual fee is 10 pounds")
    assert leftovers(tmp_path) == []


def test_an_existing_file_keeps_its_mode(tmp_path: Path) -> None:
    target = tmp_path / "out.yaml"
    target.write_text("old\n")
    target.chmod(0o644)
    assert apply_to(tmp_path, target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o644
    target.chmod(0o660)
    assert apply_to(tmp_path, target)[0] == 0
    assert stat.S_IMODE(target.stat().st_mode) == 0o660


def test_a_new_file_gets_the_umask(tmp_path: Path) -> None:
    old = os.umask(0o027)
    try:
        assert apply_to(tmp_path, tmp_path / "new" / "out.yaml")[0] == 0
    finally:
        os.umask(old)
    assert stat.S_IMODE((tmp_path / "new" / "out.yaml").stat().st_mode) == 0o640
    assert stat.S_IMODE((tmp_path / "new").stat().st_mode) == 0o750


def test_a_read_only_file_is_refused_unless_forced(tmp_path: Path) -> None:
    target = tmp_path / "ro.yaml"
    target.write_text("old\n")
    target.chmod(0o444)
    code, _, err = apply_to(tmp_path, target)
    assert code == 2
    assert err.strip() == f"{target}: is read-only; pass --force to replace it, or choose another path"
    assert target.read_text() == "old\n"
    assert apply_to(tmp_path, target, "--force")[0] == 0
    assert target.read_text().startswith("rulebook: club")
    assert stat.S_IMODE(target.stat().st_mode) == 0o444


def test_a_named_pipe_is_written_through_not_replaced(tmp_path: Path) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    received: list[bytes] = []

    def reader() -> None:
        with open(pipe, "rb") as handle:
            received.append(handle.read())

    thread = threading.Thread(target=reader)
    thread.start()
    code, _, err = apply_to(tmp_path, pipe)
    thread.join(timeout=30)
    assert code == 0, err
    assert stat.S_ISFIFO(pipe.stat().st_mode)
    assert received and received[0].startswith(b"rulebook: club")


def test_dev_null_is_written_to_not_replaced(tmp_path: Path) -> None:
    before = os.stat("/dev/null")
    assert apply_to(tmp_path, "/dev/null")[0] == 0
    assert stat.S_ISCHR(os.stat("/dev/null").st_mode) and os.stat("/dev/null").st_rdev == before.st_rdev


def test_dash_is_standard_output(tmp_path: Path) -> None:
    code, out, err = apply_to(tmp_path, "-")
    assert code == 0 and err == ""
    assert out.startswith("rulebook: club")
    assert not (tmp_path / "-").exists()


def test_a_hard_link_is_rewritten_in_place(tmp_path: Path) -> None:
    first = tmp_path / "a.yaml"
    first.write_text("old\n")
    second = tmp_path / "b.yaml"
    os.link(first, second)
    assert apply_to(tmp_path, second)[0] == 0
    assert first.read_text() == second.read_text() and first.stat().st_ino == second.stat().st_ino


def test_a_directory_is_refused(tmp_path: Path) -> None:
    with pytest.raises(OutputError, match="is a directory"):
        write_text(tmp_path, "x")


def test_the_temporary_file_is_removed_when_writing_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def broken_fsync(fd: int) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(output.os, "fsync", broken_fsync)
    with pytest.raises(OutputError, match="No space left on device"):
        write_text(tmp_path / "out.yaml", "x" * 100_000)
    assert list(tmp_path.iterdir()) == []


def test_the_temporary_file_is_removed_on_an_interrupt(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def interrupted(fd: int) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(output.os, "fsync", interrupted)
    with pytest.raises(KeyboardInterrupt):
        write_text(tmp_path / "out.yaml", "x")
    assert list(tmp_path.iterdir()) == []


def test_render_creates_its_directory_with_the_umask(tmp_path: Path) -> None:
    motion = tmp_path / "cut.yaml"
    motion.write_text(MOTION)
    old = os.umask(0o022)
    try:
        result = CliRunner().invoke(main, ["render", str(CLUB), str(motion), "-o", str(tmp_path / "site")])
    finally:
        os.umask(old)
    assert result.exit_code == 0, result.stderr
    assert stat.S_IMODE((tmp_path / "site").stat().st_mode) == 0o755
    assert stat.S_IMODE((tmp_path / "site" / "index.html").stat().st_mode) == 0o644
    assert leftovers(tmp_path) == []


def test_umask_reads_without_changing() -> None:
    old = os.umask(0o037)
    try:
        assert umask() == 0o037
        assert umask() == 0o037
    finally:
        os.umask(old)


@pytest.mark.skipif(not os.path.exists("/dev/stdout"), reason="no /dev/stdout on this system")
def test_dev_stdout_onto_a_pipe_is_written_through() -> None:
    """/dev/stdout links (through /proc) to a pipe, whose link names no real file: it is
    opened by the name given, never replaced (`rulebook apply BOOK M -o /dev/stdout | less`)."""
    import subprocess
    import sys

    code = "from rulebook.io.output import write_text; write_text('/dev/stdout', 'through the pipe\\n')"
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert (done.returncode, done.stdout, done.stderr) == (0, "through the pipe\n", "")
