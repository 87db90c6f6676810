"""Memory of a long history against one version: unchanged subtrees should be shared.

Loads a synthetic book (:mod:`generate`), then builds a history of 200
versions, each the previous one with one motion applied that replaces a few
words of one clause (:func:`rulebook.amend.apply.apply`). Measures with
:mod:`tracemalloc`, in the same run, the memory that one version and the whole
history keep alive and the peak while each is built, prints both and their
ratio (200 independent copies would cost 200x), and the time the 199 motions
take to apply (measured without tracemalloc, which slows allocation)::

    python benchmarks/bench_memory.py [--clauses 20000] [--depth 6] [--versions 200] [--quick]

``--quick`` uses a 300-clause book and 10 versions, to check that the
benchmark still works (the test suite runs it so).
"""

from __future__ import annotations

import argparse
import gc
import itertools
import sys
import time
import tracemalloc
from collections.abc import Sequence
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate, generate_motions

from rulebook.amend.apply import apply
from rulebook.amend.motion import Motion
from rulebook.io.rulebook import loads
from rulebook.model import Version


def build_history(base: Version, motions: Sequence[Motion]) -> list[Version]:
    """``base`` and each later version: the one before it with the next motion applied."""
    versions = [base]
    bases = {base.label: base}
    for i, motion in enumerate(motions, start=1):
        versions.append(apply(versions[-1], motion, bases=bases, label=f"{base.label}.{i}"))
    return versions


def traced(text: str, motions: Sequence[Motion]) -> tuple[int, int, list[Version]]:
    """(bytes kept alive, peak bytes) of loading ``text`` and applying ``motions`` one by one."""
    gc.collect()
    tracemalloc.start()
    try:
        versions = build_history(loads(text, "synthetic.yaml"), motions)
        gc.collect()
        kept, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    return kept, peak, versions


def mb(n: float) -> str:
    return f"{n / 2**20:7.1f} MiB"


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clauses", type=int, help="clauses in the book (default 20000; --quick 300)")
    parser.add_argument("--depth", type=int, default=6, help="levels of numbering (default 6)")
    parser.add_argument("--versions", type=int, help="versions in the history (default 200; --quick 10)")
    parser.add_argument("--quick", action="store_true", help="tiny sizes, to check the benchmark still runs")
    args = parser.parse_args(argv)
    args.clauses = args.clauses or (300 if args.quick else 20000)
    args.versions = args.versions or (10 if args.quick else 200)

    text = generate(clauses=args.clauses, depth=args.depth)
    base = loads(text, "synthetic.yaml")
    motions = generate_motions(base, args.versions - 1, seed=1, ops=("replace_words",), amendments=(1, 1))
    assert len(motions) == args.versions - 1, "the book ran out of clauses to amend"

    start = time.perf_counter()
    history = build_history(base, motions)
    build = time.perf_counter() - start
    assert all(a != b for a, b in itertools.pairwise(history)), "a motion changed nothing"

    one_kept, one_peak, _ = traced(text, ())
    all_kept, all_peak, versions = traced(text, motions)
    assert len(versions) == args.versions
    assert versions[-1] != versions[0]

    print(f"book: {args.clauses} clauses, {args.depth} levels; history: {args.versions} versions, one motion each")
    print(f"{'':24}{'one version':>14}{f'{args.versions} versions':>16}   ratio")
    print(f"{'kept alive':24}{mb(one_kept):>14}{mb(all_kept):>16}   {all_kept / one_kept:5.2f}x")
    print(f"{'peak while building':24}{mb(one_peak):>14}{mb(all_peak):>16}   {all_peak / one_peak:5.2f}x")
    extra = all_kept - one_kept
    copies = one_kept * args.versions
    print(f"the {len(motions)} later versions add {mb(extra).strip()} ({extra / len(motions) / 1024:.1f} KiB each); "
          f"{args.versions} independent copies would keep {mb(copies).strip()}")  # fmt: skip
    print(f"ratio history / {args.versions} independent copies: {all_kept / copies:.4f}x")
    print(f"applying the {len(motions)} motions: {build * 1000:.0f} ms ({build / len(motions) * 1e6:.0f} µs a motion)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
