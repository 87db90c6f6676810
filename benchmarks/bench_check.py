"""How ``check`` grows with the number of motions: near-linear, not quadratic.

Generates a synthetic book (20,000 clauses by default) and 2,000 motions of
which about half re-amend a clause an earlier motion amended (so they
overlap in small groups), then times :func:`rulebook.check.check` on the
first 250, 500, 1,000 and 2,000 of them in the same run, and prints each time
with its ratio to the previous size (about 2 per doubling is linear; 4 is
quadratic) and to the smallest size::

    python benchmarks/bench_check.py [--clauses 20000] [--sizes 250,500,1000,2000] [--runs 1]
    python benchmarks/bench_check.py --quick     # a smoke test: 2,000 clauses, 25 to 200 motions
"""

from __future__ import annotations

import argparse
import itertools
import statistics
import sys
import time
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate, generate_motions

from rulebook.check import check
from rulebook.io.rulebook import loads


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--clauses", type=int, default=20000)
    parser.add_argument("--sizes", default="250,500,1000,2000", help="motion counts, comma-separated")
    parser.add_argument("--overlap", type=float, default=0.5, help="share of motions that overlap (default 0.5)")
    parser.add_argument("--runs", type=int, default=1, help="runs per size (median)")
    parser.add_argument("--quick", action="store_true", help="small sizes, for a smoke test")
    args = parser.parse_args(argv)
    if args.quick:
        args.clauses, args.sizes = 2000, "25,50,100,200"
    sizes = [int(s) for s in args.sizes.split(",")]

    start = time.perf_counter()
    book = loads(generate(clauses=args.clauses, depth=6, seed=7), "synthetic.yaml")
    motions = generate_motions(book, max(sizes), seed=7, overlap=args.overlap)
    print(f"book: {len(book)} clauses; {len(motions)} motions generated in {time.perf_counter() - start:.1f} s")

    rows = []
    for n in sizes:
        chosen = motions[:n]
        times = []
        for _ in range(args.runs):
            t0 = time.perf_counter()
            report = check(book, chosen)
            times.append(time.perf_counter() - t0)
        rows.append((n, statistics.median(times), report))

    header = ("motions", "seconds", "per motion ms", "x previous", "x first", "findings", "groups")
    widths = (8, 9, 14, 11, 8, 9, 7)
    print(" ".join(f"{h:>{w}}" for h, w in zip(header, widths, strict=True)))
    previous = None
    for n, seconds, report in rows:
        step = f"{seconds / previous:.2f}" if previous else "-"
        print(
            f"{n:>8} {seconds:>9.2f} {1000 * seconds / n:>14.2f} {step:>11} {seconds / rows[0][1]:>8.2f} "
            f"{len(report.findings):>9} {len(report.groups):>7}"
        )
        previous = seconds
    growth = [b[1] / a[1] for a, b in itertools.pairwise(rows)]
    if growth:
        print(f"mean ratio per doubling: {statistics.mean(growth):.2f} (2.0 is linear, 4.0 quadratic)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
