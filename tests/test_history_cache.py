"""The history cache (docs/architecture.md, "The history cache"): a cached
history is used only while every file it was built from reads the same, errors
are never cached, and a cache that cannot be trusted or used is passed over."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

import rulebook.io.cache as cache_module
from rulebook.cli import main
from rulebook.errors import RulebookError
from rulebook.history import History, load_history
from rulebook.io.cache import HistoryCache
from tests.conftest import LABOUR

BOOK = """\
rulebook: club
version: "1"
effective: 2020-01-01
numbering: [{style: arabic, label: "Rule {n}"}]
clauses: [{id: fee, text: "The fee is 15 pounds."}]
"""
HISTORY = 'versions: [{version: "2", effective: 2021-01-01, from: "1", motions: [cut.yaml]}]\n'
CUT = 'motion: cut\nbase: "1"\namendments: [{op: replace_words, clause: "Rule 1", old: "15", new: "10"}]\n'


def _club(root: Path, history: bool = True) -> Path:
    root.mkdir(parents=True, exist_ok=True)
    (root / "rulebook.yaml").write_text(BOOK)
    if history:
        (root / "history.yaml").write_text(HISTORY)
        (root / "cut.yaml").write_text(CUT)
    return root


def _same(a: History, b: History) -> None:
    """Equal as histories, and in what equality leaves out (motions, not carried)."""
    assert a == b
    assert a.motions == b.motions and a.not_carried == b.not_carried
    assert [v.label for v in a] == [v.label for v in b]


@pytest.fixture
def builds(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Each path the cache had to build (not found, or found stale)."""
    calls: list[str] = []

    def counted(path: str) -> History:
        calls.append(path)
        return load_history(path)

    monkeypatch.setattr(cache_module, "load_history", counted)
    return calls


def test_a_cached_history_is_the_history_built_afresh(tmp_path: Path, builds: list[str]) -> None:
    cache = HistoryCache(tmp_path / "cache")
    first = cache.load(str(LABOUR))
    second = cache.load(str(LABOUR))
    assert builds == [str(LABOUR)]  # the second came from the cache
    _same(second, load_history(LABOUR))
    _same(first, second)
    assert second is not first
    for version in second:
        assert version.provenance == load_history(LABOUR)[version.label].provenance


@pytest.mark.parametrize("name", ["rulebook.yaml", "history.yaml", "cut.yaml"])
def test_an_edit_to_any_file_read_is_seen_even_with_the_same_size_and_time(
    tmp_path: Path, builds: list[str], name: str
) -> None:
    root = _club(tmp_path / "club")
    cache = HistoryCache(tmp_path / "cache")
    cache.load(str(root))
    target = root / name
    info = target.stat()
    edited = {
        "rulebook.yaml": BOOK.replace("15 pounds", "15 shekel"),
        "history.yaml": HISTORY.replace('"2"', '"3"'),
        "cut.yaml": CUT.replace('new: "10"', 'new: "12"'),
    }[name]
    assert len(edited) == len(target.read_text())
    target.write_text(edited)
    os.utime(target, ns=(info.st_atime_ns, info.st_mtime_ns))  # a clock that did not move
    history = cache.load(str(root))
    assert len(builds) == 2
    _same(history, load_history(root))
    assert history.latest.clause("fee").text == load_history(root).latest.clause("fee").text


def test_a_file_that_was_missing_and_appears_is_seen(tmp_path: Path, builds: list[str]) -> None:
    root = _club(tmp_path / "club", history=False)
    cache = HistoryCache(tmp_path / "cache")
    assert cache.load(str(root)).labels == ["1"]
    assert cache.load(str(root)).labels == ["1"]
    assert len(builds) == 1
    (root / "history.yaml").write_text(HISTORY)
    (root / "cut.yaml").write_text(CUT)
    assert cache.load(str(root)).labels == ["1", "2"]
    assert len(builds) == 2


def test_a_file_deleted_is_the_error_it_is_without_the_cache(tmp_path: Path) -> None:
    root = _club(tmp_path / "club")
    cache = HistoryCache(tmp_path / "cache")
    cache.load(str(root))
    (root / "cut.yaml").unlink()
    with pytest.raises(RulebookError) as cached:
        cache.load(str(root))
    with pytest.raises(RulebookError) as fresh:
        load_history(root)
    assert str(cached.value) == str(fresh.value)


def test_errors_are_never_cached(tmp_path: Path, builds: list[str]) -> None:
    root = _club(tmp_path / "club")
    (root / "cut.yaml").write_text(CUT.replace('old: "15"', 'old: "99"'))
    cache = HistoryCache(tmp_path / "cache")
    for _ in range(2):
        with pytest.raises(RulebookError, match="99"):
            cache.load(str(root))
    assert len(builds) == 2
    assert not list((tmp_path / "cache").glob("*.pickle"))
    (root / "cut.yaml").write_text(CUT)
    assert cache.load(str(root)).latest.clause("fee").text == "The fee is 10 pounds."


def test_a_damaged_entry_is_passed_over(tmp_path: Path, builds: list[str]) -> None:
    root = _club(tmp_path / "club")
    cache = HistoryCache(tmp_path / "cache")
    cache.load(str(root))
    (entry,) = (tmp_path / "cache").glob("*.pickle")
    for damage in (b"", b"not a pickle", entry.read_bytes()[:100]):
        entry.write_bytes(damage)
        _same(cache.load(str(root)), load_history(root))
    assert len(builds) == 4


def test_an_entry_others_could_have_written_is_never_read(tmp_path: Path, builds: list[str]) -> None:
    root = _club(tmp_path / "club")
    cache = HistoryCache(tmp_path / "cache")
    cache.load(str(root))
    (tmp_path / "cache").chmod(0o777)
    cache.load(str(root))
    assert len(builds) == 2
    (tmp_path / "cache").chmod(0o700)
    (entry,) = (tmp_path / "cache").glob("*.pickle")
    entry.chmod(0o666)
    cache.load(str(root))
    assert len(builds) == 3


def test_a_history_built_by_other_code_is_not_used(
    tmp_path: Path, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _club(tmp_path / "club")
    cache = HistoryCache(tmp_path / "cache")
    cache.load(str(root))
    monkeypatch.setattr(cache_module, "code_state", lambda: ("another version of rulebook",))
    cache.load(str(root))
    assert len(builds) == 2


def test_a_path_spelt_differently_has_its_own_entry(
    tmp_path: Path, builds: list[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    _club(tmp_path / "club")
    cache = HistoryCache(tmp_path / "cache")
    monkeypatch.chdir(tmp_path)
    by_name = cache.load("club")
    by_path = cache.load(str(tmp_path / "club"))
    assert (by_name.source, by_path.source) == ("club", str(tmp_path / "club"))
    assert len(builds) == 2
    assert cache.load("club").source == "club"
    assert len(builds) == 2


def test_a_book_read_from_a_pipe_is_not_cached(tmp_path: Path, builds: list[str]) -> None:
    fifo = tmp_path / "book.yaml"
    os.mkfifo(fifo)
    cache = HistoryCache(tmp_path / "cache")
    pid = os.fork()
    if pid == 0:  # pragma: no cover - the writer
        with open(fifo, "w") as handle:
            handle.write(BOOK)
        os._exit(0)
    try:
        assert cache.load(str(fifo)).latest.clause("fee").text == "The fee is 15 pounds."
    finally:
        os.waitpid(pid, 0)
    assert not list((tmp_path / "cache").glob("*.pickle"))


def test_a_cache_that_cannot_be_written_changes_nothing(tmp_path: Path, builds: list[str]) -> None:
    root = _club(tmp_path / "club")
    blocked = tmp_path / "blocked"
    blocked.write_text("a file where the cache directory would be")
    cache = HistoryCache(blocked / "cache")
    _same(cache.load(str(root)), load_history(root))
    _same(cache.load(str(root)), load_history(root))
    assert len(builds) == 2


def test_the_command_line_uses_the_cache_and_can_be_told_not_to(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    root = _club(tmp_path / "club")
    runner = CliRunner()
    store = tmp_path / "cache"
    env = {"RULEBOOK_CACHE_DIR": str(store)}
    off = runner.invoke(main, ["--no-cache", "show", str(root), "Rule 1"], env=env)
    assert off.exit_code == 0 and "10 pounds" in off.output
    assert not store.exists()
    off = runner.invoke(main, ["show", str(root), "Rule 1"], env={**env, "RULEBOOK_NO_CACHE": "1"})
    assert off.exit_code == 0 and not store.exists()
    on = runner.invoke(main, ["show", str(root), "Rule 1"], env=env)
    assert on.exit_code == 0 and on.output == off.output
    assert len(list(store.glob("*.pickle"))) == 1
    (root / "cut.yaml").write_text(CUT.replace('new: "10"', 'new: "11"'))
    again = runner.invoke(main, ["show", str(root), "Rule 1"], env=env)
    assert again.exit_code == 0 and "11 pounds" in again.output


def test_the_bundled_book_shown_from_the_cache_reads_the_same(tmp_path: Path) -> None:
    copy = tmp_path / "labour"
    shutil.copytree(LABOUR, copy)
    runner = CliRunner()
    env = {"RULEBOOK_CACHE_DIR": str(tmp_path / "cache")}
    outputs = {
        runner.invoke(main, ["--color", "never", "show", str(copy), "Chapter 1"], env=e).output
        for e in (env, env, {"RULEBOOK_NO_CACHE": "1"})
    }
    assert len(outputs) == 1


def test_entries_not_written_for_a_month_go_when_another_is_written(tmp_path: Path, builds: list[str]) -> None:
    directory = tmp_path / "cache"
    cache = HistoryCache(directory)
    one, two = _club(tmp_path / "one"), _club(tmp_path / "two")
    cache.load(str(one))
    (old_entry,) = directory.glob("*.pickle")
    month = cache_module.STALE_AFTER + 60
    os.utime(old_entry, (old_entry.stat().st_atime - month, old_entry.stat().st_mtime - month))
    leftover = directory / ".tmp-cut-off.pickle"  # a write that was cut off, hours ago
    leftover.write_bytes(b"half")
    os.utime(leftover, (leftover.stat().st_atime - 7200, leftover.stat().st_mtime - 7200))
    foreign = directory / "notes.txt"  # not the cache's: left alone, however old
    foreign.write_text("mine")
    os.utime(foreign, (0, 0))
    cache.load(str(two))  # a write: the stale entry and the leftover go
    assert not old_entry.exists() and not leftover.exists() and foreign.exists()
    assert len(list(directory.glob("*.pickle"))) == 1
    cache.load(str(one))  # built again, as if never cached
    assert builds == [str(one), str(two), str(one)]


def test_a_cache_hit_removes_nothing(tmp_path: Path, builds: list[str]) -> None:
    directory = tmp_path / "cache"
    cache = HistoryCache(directory)
    one = _club(tmp_path / "one")
    cache.load(str(one))
    (entry,) = directory.glob("*.pickle")
    stale = entry.with_name("0" * 16 + ".pickle")
    stale.write_bytes(b"")
    os.utime(stale, (0, 0))
    cache.load(str(one))  # from the cache: nothing is written, nothing pruned
    assert builds == [str(one)] and stale.exists()
