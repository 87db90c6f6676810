"""A word diff of a long rewritten clause: ``rulebook.diff.word_diff`` of a
20,000-word clause against a rewrite of it, and against the same clause with one
word changed throughout, each against cutting both texts into tokens (the least
a word diff must do) timed in the same run::

    python benchmarks/bench_diff.py [--words 20000] [--runs 3]
    python benchmarks/bench_diff.py --quick     # a smoke test: 2,000 words
"""

from __future__ import annotations

import argparse
import random
import statistics
import time
from collections.abc import Callable, Sequence

from rulebook.diff import tokenize, word_diff

_WORDS = [
    "member",
    "party",
    "rule",
    "conference",
    "clause",
    "shall",
    "may",
    "elected",
    "committee",
    "national",
    "executive",
    "vote",
]


def _text(n: int, seed: int) -> str:
    rng = random.Random(seed)
    return " ".join(rng.choice(_WORDS) + ("." if i % 17 == 16 else "") for i in range(n))


def _median(work: Callable[[], object], runs: int) -> float:
    times = []
    for _ in range(runs):
        start = time.perf_counter()
        work()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--words", type=int, default=20000)
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--quick", action="store_true", help="2,000 words, for a smoke test")
    args = parser.parse_args(argv)
    n = 2000 if args.quick else args.words
    old = _text(n, 1)
    cases = {"rewritten": _text(n, 2), "one word changed throughout": old.replace("member", "person")}
    print(f"clause: {n} words; median of {args.runs} runs")
    print(f"{'case':<30}{'tokenize':>10}{'word_diff':>12}{'ratio':>10}")
    for name, new in cases.items():
        base = _median(lambda new=new: (tokenize(old), tokenize(new)), args.runs)
        spent = _median(lambda new=new: word_diff(old, new), args.runs)
        print(f"{name:<30}{base * 1000:>7.0f} ms{spent * 1000:>9.0f} ms{spent / base:>9.1f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
