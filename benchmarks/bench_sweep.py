"""Sweeping a question over every combination of k pending motions (2**k versions) on the bundled book.

Takes the Labour book as it stood before the 2016 conference (version
``2016-07-28``) and k motions drafted against it (default 12): the four motions
of the 2016 conference, the two shadow cabinet models of ``scenarios/motions/``,
three that change the nomination thresholds, and word-only motions drafted by
:mod:`generate` to make up the number. It asks ``leadership.ballot`` with the
2016 contest's nominations (``scenarios/facts/contest-2016.yaml``) of all 2**k
combinations, and times, in the same run:

- :func:`rulebook.ask.sweep.sweep` as users run it: versions built along a prefix
  tree (one application per combination) and answers reused when a combination
  shows the question the same provision values;
- the same sweep from scratch (``reuse=False``): each combination built by
  applying its motions to the book and the question asked afresh.

It checks that both give the same groups of combinations and prints the times
and the speed-up::

    python benchmarks/bench_sweep.py [-k 12] [--runs 1] [--quick]

Then it sweeps a whole agenda (default 40 motions, 2**40 combinations),
factored into blocks, and prints its time against the goal of 5 s and as a
ratio to the sweep from scratch measured above.

``--quick`` sweeps 4 motions once, to check that the benchmark still works (the
test suite runs it so).
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parent))

from generate import generate_motions

from rulebook.amend.motion import Amendment, Motion
from rulebook.ask.sweep import Sweep, sweep
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.io.yamlsrc import read
from rulebook.model import Version

ROOT = Path(__file__).resolve().parent.parent
BOOK = ROOT / "rules" / "labour"
LABEL = "2016-07-28"
QUESTION = "leadership.ballot"
CHALLENGE = "ch4.leader-election.nominations.challenge"
VACANCY = "ch4.leader-election.nominations.vacancy"


def threshold_motions(base: str) -> list[Motion]:
    """Three motions on the nomination thresholds, drafted against ``base``."""

    def threshold(mid: str, clause: str, name: str, share: float) -> Motion:
        value = {"share": share, "of": ["PLP", "EPLP"]}
        return Motion(mid, (Amendment("set_provision", clause=clause, name=name, value=value),), base=base)

    return [
        threshold("challenge-15", CHALLENGE, "leadership.nominations.challenge", 0.15),
        threshold("challenge-25", CHALLENGE, "leadership.nominations.challenge", 0.25),
        threshold("vacancy-10", VACANCY, "leadership.nominations.vacancy", 0.10),
    ]


def pending_motions(version: Version, k: int) -> list[Motion]:
    """``k`` motions drafted against ``version``: real, modelled, then generated."""
    found = list(motion_io.load_file(BOOK / "motions" / "2016-conference.yaml"))
    for name in ("shadow-cabinet-plp.yaml", "shadow-cabinet-thirds.yaml"):
        found.extend(motion_io.load_file(ROOT / "scenarios" / "motions" / name))
    found.extend(threshold_motions(version.label))
    if len(found) < k:
        found.extend(generate_motions(version, k - len(found), seed=12, ops=("replace_words",), amendments=(1, 1)))
    return found[:k]


def timed(run: Callable[[], Any], runs: int) -> tuple[float, Any]:
    """The median time of ``runs`` calls, and the last result."""
    times = []
    result = None
    for _ in range(runs):
        start = time.perf_counter()
        result = run()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def summary(result: Sweep) -> list[tuple[Any, ...]]:
    """What two sweeps must agree on: each group's result, count and combinations."""
    return sorted(
        (g.kind, g.problem or "", str(g.answer.to_data()["answer"]) if g.answer else "", g.count,
         sorted(g.combinations))
        for g in result.groups
    )  # fmt: skip


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print its figures."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("-k", type=int, default=12, help="number of motions (default 12: 4096 combinations)")
    parser.add_argument("--runs", type=int, default=1, help="runs of each side; the median is reported")
    parser.add_argument("--agenda", type=int, default=40, help="motions of the whole-agenda sweep (default 40)")
    parser.add_argument("--quick", action="store_true", help="4 motions, one run: check the benchmark works")
    args = parser.parse_args(argv)
    k = 4 if args.quick else args.k
    runs = 1 if args.quick else args.runs

    history = load_history(BOOK)
    version = history[LABEL]
    bases = history.lineage(LABEL)
    motions = pending_motions(version, k)
    facts = read(ROOT / "scenarios" / "facts" / "contest-2016.yaml")

    def fast() -> Sweep:
        return sweep(version, motions, QUESTION, facts, bases=bases)

    def scratch() -> Sweep:
        return sweep(version, motions, QUESTION, facts, bases=bases, reuse=False)

    fast_time, fast_result = timed(fast, runs)
    scratch_time, scratch_result = timed(scratch, runs)
    if summary(fast_result) != summary(scratch_result):
        print("MISMATCH: the sweep with reuse and the sweep from scratch disagree", file=sys.stderr)
        return 1

    combos = len(fast_result.combinations)
    print(f"book: {BOOK.relative_to(ROOT)}@{LABEL} ({len(version)} clauses); question: {QUESTION}")
    print(f"motions: {len(motions)} ({', '.join(m.id for m in motions)})")
    print(f"combinations: {combos}; groups: {len(fast_result.groups)}, of which change the answer: "
          f"{len(fast_result.changing)}")  # fmt: skip
    print(f"sweep with reuse:   {fast_time:8.3f} s  ({fast_result.applications} motions applied, "
          f"question evaluated {fast_result.evaluations} times)")  # fmt: skip
    print(f"sweep from scratch: {scratch_time:8.3f} s  ({scratch_result.applications} motions applied, "
          f"question evaluated {scratch_result.evaluations} times)")  # fmt: skip
    print(f"speed-up: {scratch_time / fast_time:.1f}x (same results)")

    agenda = pending_motions(version, 6 if args.quick else args.agenda)
    agenda_time, agenda_result = timed(lambda: sweep(version, agenda, QUESTION, facts, bases=bases), runs)
    print(f"whole agenda: {len(agenda)} motions ({len(agenda_result.combinations)} combinations), "
          f"{len(agenda_result.blocks)} blocks, decided by {len(agenda_result.deciding)}: "
          f"{', '.join(agenda_result.deciding)}")  # fmt: skip
    print(
        f"sweep of the whole agenda: {agenda_time:8.3f} s (goal: 5 s), "
        f"{agenda_time / scratch_time:.2f}x the {len(motions)}-motion sweep from scratch "
        f"({agenda_result.applications} motions applied, question evaluated {agenda_result.evaluations} times)"
    )
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
