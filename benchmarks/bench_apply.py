"""Applying many motions against applying the same change as a unified diff with ``git apply``.

Generates a synthetic book and 2,000 motions that touch disjoint clauses, each
replacing words in one or two clauses (:mod:`generate`), and times, in the same
run:

- :func:`rulebook.amend.apply.apply_all` of the motions (citations resolved,
  phrases found and checked to occur once, the new version built);
- the same after parsing the motions from their YAML text, and the parsing
  alone (:func:`rulebook.io.motions.loads`);
- ``git apply`` of the equivalent unified diff on a one-clause-per-line dump
  of the book (``id<TAB>heading<TAB>text``), in a fresh directory outside any
  repository, process start included, and for reference ``git apply`` of a
  one-hunk diff (mostly process start).

The five alternate, one run of each per round, and each ratio is the median
of the ratios within a round, so a machine busy with something else slows all
alike. It checks that both routes give the same text and prints the medians
and the ratios::

    python benchmarks/bench_apply.py [--clauses 20000] [--depth 6] [--motions 2000] [--runs 3] [--profile] [--quick]

``--profile`` also prints the 20 functions with the most cumulative time in a
``cProfile`` of one parse of the motions and one ``apply_all``.

``--quick`` uses a 400-clause book, 20 motions and one run, to check that the
benchmark still works (the test suite runs it so).
"""

from __future__ import annotations

import argparse
import cProfile
import difflib
import os
import pstats
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import attrs

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate, generate_motions

from rulebook.amend.apply import apply_all
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import loads
from rulebook.model import Version, walk


def dump_lines(version: Version) -> str:
    """One line per clause, in document order: ``id<TAB>heading<TAB>text``."""
    return "".join(f"{c.id}\t{c.heading or ''}\t{c.text or ''}\n" for _, c in walk(version.clauses))


def timed(run: Callable[[], Any]) -> tuple[float, Any]:
    """Wall time of one call of ``run`` (seconds), and its result."""
    start = time.perf_counter()
    result = run()
    return time.perf_counter() - start, result


def git_apply(work: Path, old: str, patch: str, name: str) -> tuple[float, str]:
    """Time of one ``git apply`` of ``patch`` to a fresh copy of ``old`` under ``work``, and the patched text."""
    env = {**os.environ, "GIT_CEILING_DIRECTORIES": str(work.parent)}  # never inside a repository
    tree = work / name
    tree.mkdir()
    (tree / "book.txt").write_text(old, encoding="utf-8")
    (tree / "patch.diff").write_text(patch, encoding="utf-8")
    seconds, _ = timed(lambda: subprocess.run(["git", "apply", "patch.diff"], cwd=tree, env=env, check=True))
    return seconds, (tree / "book.txt").read_text(encoding="utf-8")


def unified_diff(old: str, new: str) -> str:
    """A unified diff of ``book.txt`` from ``old`` to ``new``, as ``git diff`` writes it."""
    return "".join(
        difflib.unified_diff(old.splitlines(keepends=True), new.splitlines(keepends=True), "a/book.txt", "b/book.txt")
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, help="clauses in the book (default 20000; --quick 400)")
    parser.add_argument("--depth", type=int, default=6, help="levels of numbering (default 6)")
    parser.add_argument("--motions", type=int, help="motions to apply (default 2000; --quick 20)")
    parser.add_argument("--runs", type=int, help="runs of each, the median is shown (default 3; --quick 1)")
    parser.add_argument("--profile", action="store_true", help="profile parsing the motions, then apply_all")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check the benchmark still runs")
    args = parser.parse_args(argv)
    args.clauses = args.clauses or (400 if args.quick else 20000)
    args.motions = args.motions or (20 if args.quick else 2000)
    args.runs = args.runs or (1 if args.quick else 3)
    if shutil.which("git") is None:
        parser.error("git is not installed; this benchmark compares against `git apply`")

    book = loads(generate(clauses=args.clauses, depth=args.depth), "synthetic.yaml")
    motions = generate_motions(book, args.motions, seed=2, ops=("replace_words",), amendments=(1, 2))
    assert len(motions) == args.motions, "the book ran out of clauses to amend"
    amendments = sum(len(m.amendments) for m in motions)
    motions_yaml = motion_io.dumps(motions)

    amended = apply_all(book, motions)
    old, new = dump_lines(book), dump_lines(amended)
    patch = unified_diff(old, new)
    old_lines, new_lines = old.splitlines(keepends=True), new.splitlines(keepends=True)
    first = next(i for i, (a, b) in enumerate(zip(old_lines, new_lines, strict=True)) if a != b)
    one_hunk = unified_diff(old, "".join([*old_lines[:first], new_lines[first], *old_lines[first + 1 :]]))

    # One run of each per round, so that a machine busy with something else slows all alike.
    times: dict[str, list[float]] = {"ours": [], "parsed": [], "loads": [], "git": [], "git_one": []}
    work = Path(tempfile.mkdtemp(prefix="bench-apply-"))
    try:
        for i in range(args.runs):
            # Each run gets the book as freshly loaded, nothing derived from it kept
            # (citation indexes, found paths), as a new process would have it.
            fresh = attrs.evolve(book)
            seconds, result = timed(lambda fresh=fresh: apply_all(fresh, motions))
            assert result == amended, "apply_all is not deterministic"
            times["ours"].append(seconds)
            fresh = attrs.evolve(book)
            times["parsed"].append(
                timed(lambda fresh=fresh: apply_all(fresh, motion_io.loads(motions_yaml, "m.yaml")))[0]
            )
            times["loads"].append(timed(lambda: motion_io.loads(motions_yaml, "m.yaml"))[0])
            seconds, patched = git_apply(work, old, patch, f"whole{i}")
            assert patched == new, "git apply and apply_all disagree"
            times["git"].append(seconds)
            times["git_one"].append(git_apply(work, old, one_hunk, f"one{i}")[0])
    finally:
        shutil.rmtree(work)
    ours, parsed, parse_only, git, git_one = (
        statistics.median(times[k]) for k in ("ours", "parsed", "loads", "git", "git_one")
    )

    def ratio(key: str) -> float:
        return statistics.median(a / b for a, b in zip(times[key], times["git"], strict=True))

    hunks = sum(line.startswith("@@") for line in patch.splitlines())
    print(f"book: {args.clauses} clauses, {len(old) / 1e6:.1f} MB as one line per clause")
    print(f"motions: {len(motions)}, {amendments} word replacements; diff: {hunks} hunks, "
          f"{len(patch) / 1e6:.1f} MB")  # fmt: skip
    print(f"median of {args.runs} runs")
    print(f"  apply_all                          {ours * 1000:8.0f} ms")
    print(f"  parse motions YAML + apply_all     {parsed * 1000:8.0f} ms")
    print(f"  parse motions YAML (motions.loads) {parse_only * 1000:8.0f} ms")
    print(f"  git apply (the whole diff)         {git * 1000:8.0f} ms")
    print(f"  git apply (one hunk: start-up)     {git_one * 1000:8.0f} ms")
    print(f"ratio apply_all / git apply:         {ratio('ours'):8.2f}x")
    print(f"ratio parse + apply_all / git apply: {ratio('parsed'):8.2f}x")
    print(f"ratio parse alone / git apply:       {ratio('loads'):8.2f}x")
    if args.profile:
        profiler = cProfile.Profile()
        parsed_motions = profiler.runcall(motion_io.loads, motions_yaml, "m.yaml")
        profiler.runcall(apply_all, book, parsed_motions)
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
