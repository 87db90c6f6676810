"""How the work on hostile inputs grows with their size: it must stay linear.

Times, in the same run, wrapping one long word for ``show``
(:func:`rulebook.render.book.wrap`) against ``textwrap.wrap`` of as many
characters of ordinary words (linear), and reading a YAML file holding one
long number or phrase against ``yaml.compose`` of the same text, at sizes
doubling from the first. Linear work keeps each ratio about the same as the
size doubles; quadratic work doubles it. Prints each size, both medians and
the ratio::

    python benchmarks/bench_hostile.py [--size 1000000] [--steps 3] [--runs 3] [--quick]

``--quick`` uses 20,000 characters and one run, to check that the benchmark
still works (the test suite runs it so).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import textwrap
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))

from rulebook.errors import ParseError
from rulebook.io.yamlsrc import parse
from rulebook.render.book import wrap


def paired(baseline: Callable[[], Any], ours: Callable[[], Any], runs: int) -> tuple[float, float, float]:
    """Median times of ``baseline`` and ``ours`` (seconds), and the median of their ratios (alternating runs)."""
    base: list[float] = []
    mine: list[float] = []
    for _ in range(runs):
        for run, times in ((baseline, base), (ours, mine)):
            start = time.perf_counter()
            run()
            times.append(time.perf_counter() - start)
    ratios = [o / max(b, 1e-9) for b, o in zip(base, mine, strict=True)]
    return statistics.median(base), statistics.median(mine), statistics.median(ratios)


def _ordinary(n: int) -> str:
    """``n`` characters of ordinary words, which ``textwrap`` wraps in linear time."""
    return ("rule " * (n // 5 + 1))[:n]


def _parse(text: str) -> Any:
    try:
        return parse(text, "bench.yaml")
    except ParseError:  # a long number is refused: the time to refuse is what counts
        return None


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--size", type=int, help="characters at the first size (default 1000000; --quick 20000)")
    parser.add_argument("--steps", type=int, default=3, help="sizes, each double the one before (default 3)")
    parser.add_argument("--runs", type=int, help="runs of each, the median is shown (default 3; --quick 1)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check the benchmark still runs")
    args = parser.parse_args(argv)
    size = args.size or (20_000 if args.quick else 1_000_000)
    runs = args.runs or (1 if args.quick else 3)
    print(f"median of {runs} runs, sizes doubling from {size} characters")
    print(f"{'input':<28} {'characters':>10}  {'baseline':>10}  {'rulebook':>10}  ratio")
    for step in range(args.steps):
        n = size * 2**step
        word = "x" * n
        ordinary = _ordinary(n)
        base, ours, ratio = paired(lambda t=ordinary: textwrap.wrap(t, 80), lambda w=word: wrap(w, 80), runs)
        print(f"{'show: one long word':<28} {n:>10}  {base * 1000:7.1f} ms  {ours * 1000:7.1f} ms  {ratio:.2f}x")
        for what, text in (
            ("yaml: one long number", "a: " + "1" * n + "\n"),
            ("yaml: one long phrase", f"a: '{word}'\n"),
        ):
            base, ours, ratio = paired(
                lambda t=text: yaml.compose(t, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader)),
                lambda t=text: _parse(t),
                runs,
            )
            print(f"{what:<28} {n:>10}  {base * 1000:7.1f} ms  {ours * 1000:7.1f} ms  {ratio:.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
