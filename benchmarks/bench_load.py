"""How long loading a large rule book takes, against plain YAML parsing of the same text.

Generates a synthetic book (:mod:`generate`), then times, in the same run,
:func:`rulebook.io.rulebook.loads` (parse with line numbers, check the schema,
ids, references and provisions, build the frozen model) and plain
``yaml.load(text, Loader=yaml.CSafeLoader)``, the fastest plain YAML loader
PyYAML has (``SafeLoader`` without libyaml). Prints the median of each and the
ratio (runs of the two alternate, and the ratio is the median of the ratios
within each pair, so a busy machine slows both alike). Both are timed again
with Python's cyclic garbage collector paused, which shows how much of either
is the collector walking the many new objects::

    python benchmarks/bench_load.py [--clauses 20000] [--depth 6] [--runs 5] [--profile] [--quick]

``--profile`` also prints the 20 functions with the most cumulative time in
one ``loads`` under :mod:`cProfile`. ``--quick`` uses a 300-clause book and
one run, to check that the benchmark still works (the test suite runs it so).
"""

from __future__ import annotations

import argparse
import cProfile
import gc
import pstats
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate

from rulebook.io.rulebook import loads

PLAIN_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def paired_times(baseline: Callable[[], Any], ours: Callable[[], Any], runs: int) -> tuple[float, float, float]:
    """Median wall times of ``baseline`` and ``ours`` (seconds) and the median of their ratios.

    The two alternate, one run of each per round, so that a machine busy with
    something else slows both alike; the ratio is taken within each round.
    """
    base_times: list[float] = []
    our_times: list[float] = []
    for _ in range(runs):
        for run, times in ((baseline, base_times), (ours, our_times)):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    ratios = [o / b for b, o in zip(base_times, our_times, strict=True)]
    return statistics.median(base_times), statistics.median(our_times), statistics.median(ratios)


def gc_paused(run: Callable[[], Any]) -> Callable[[], Any]:
    """``run`` with the cyclic garbage collector switched off while it runs."""

    def paused() -> Any:
        gc.disable()
        try:
            return run()
        finally:
            gc.enable()

    return paused


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, help="clauses in the book (default 20000; --quick 300)")
    parser.add_argument("--depth", type=int, default=6, help="levels of numbering (default 6)")
    parser.add_argument("--runs", type=int, help="runs of each, the median is shown (default 5; --quick 1)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check the benchmark still runs")
    parser.add_argument("--profile", action="store_true", help="profile one loads() with cProfile")
    args = parser.parse_args(argv)
    args.clauses = args.clauses or (300 if args.quick else 20000)
    args.runs = args.runs or (1 if args.quick else 5)

    text = generate(clauses=args.clauses, depth=args.depth)
    version = loads(text, "synthetic.yaml")
    assert len(version) == args.clauses
    print(f"book: {args.clauses} clauses, {args.depth} levels, {len(text) / 1e6:.1f} MB of YAML")

    def plain() -> Any:
        return yaml.load(text, Loader=PLAIN_LOADER)

    def ours() -> Any:
        return loads(text, "synthetic.yaml")

    rows = (
        ("as is", paired_times(plain, ours, args.runs)),
        ("cyclic GC paused", paired_times(gc_paused(plain), gc_paused(ours), args.runs)),
    )
    plain_name = f"yaml.load ({PLAIN_LOADER.__name__})"
    print(f"median of {args.runs} runs   {plain_name:>24}  {'rulebook loads':>14}  ratio")
    for what, (a, b, ratio) in rows:
        print(f"{what:<18}  {a * 1000:21.0f} ms  {b * 1000:11.0f} ms  {ratio:4.2f}x")

    if args.profile:
        profiler = cProfile.Profile()
        profiler.runcall(loads, text, "synthetic.yaml")
        pstats.Stats(profiler).sort_stats("cumulative").print_stats(20)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
