"""How quickly the command line answers: whole processes of ``rulebook show``,
``rulebook check`` of one motion and ``rulebook ask`` on the bundled Labour book,
each against ``python -c "import yaml"`` timed in the same run.

Each command is timed twice: with the history cache warm (as on every call but
the first on an unchanged book: docs/architecture.md, "The history cache"), and
with ``--no-cache``, building every version of the book (as the first call does).
The cache lives in a temporary directory of the run's own.

The commands run as a user's Python runs them: writing and reusing bytecode
(``PYTHONDONTWRITEBYTECODE`` is dropped from their environment, else an editable
install would compile every module of the package on every call).

The baseline is the least any Python tool that reads YAML can cost (start the
interpreter, import PyYAML). Each round runs the baseline and each command once,
alternating, and each ratio is the median of the per-round ratios::

    python benchmarks/bench_cli.py [--runs 15]
    python benchmarks/bench_cli.py --quick     # a smoke test: 3 rounds
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
LABOUR = ROOT / "rules" / "labour"


def _one_motion(directory: Path) -> Path:
    """The first motion of the 2016 conference, alone in a file."""
    doc = yaml.safe_load((LABOUR / "motions" / "2016-conference.yaml").read_text(encoding="utf-8"))
    path = directory / "one-motion.yaml"
    path.write_text(yaml.safe_dump({"motions": doc["motions"][:1]}, sort_keys=False), encoding="utf-8")
    return path


def _time(argv: Sequence[str]) -> float:
    start = time.perf_counter()
    subprocess.run(argv, check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def main(argv: Sequence[str] | None = None) -> int:
    """Run the benchmark and print the table."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=15, help="rounds (median of per-round ratios)")
    parser.add_argument("--quick", action="store_true", help="3 rounds, for a smoke test")
    args = parser.parse_args(argv)
    runs = 3 if args.quick else args.runs
    python = sys.executable
    with tempfile.TemporaryDirectory() as tmp:
        motion = _one_motion(Path(tmp))
        os.environ["RULEBOOK_CACHE_DIR"] = str(Path(tmp, "cache"))
        os.environ.pop("RULEBOOK_NO_CACHE", None)
        os.environ.pop("PYTHONDONTWRITEBYTECODE", None)  # as a default Python runs (see the module doc)
        commands: dict[str, list[str]] = {}
        for name, words in (
            ("rulebook show", ["show", str(LABOUR), "Chapter 1"]),
            ("rulebook check (1 motion)", ["check", f"{LABOUR}@2016-07-28", str(motion)]),
            ("rulebook ask", ["ask", f"{LABOUR}@2016-07-28", "nec.composition"]),
        ):
            commands[name] = [python, "-m", "rulebook", *words]
            commands[f"{name}, no cache"] = [python, "-m", "rulebook", "--no-cache", *words]
        baseline = [python, "-c", "import yaml"]
        for argv_ in (baseline, *commands.values()):  # warm the file cache, bytecode and the history cache
            subprocess.run(argv_, check=False, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        base_times: list[float] = []
        times: dict[str, list[float]] = {name: [] for name in commands}
        ratios: dict[str, list[float]] = {name: [] for name in commands}
        for _ in range(runs):
            for name, command in commands.items():
                base = _time(baseline)
                spent = _time(command)
                base_times.append(base)
                times[name].append(spent)
                ratios[name].append(spent / base)
    print(f"baseline: python -c 'import yaml', median {statistics.median(base_times) * 1000:.0f} ms; {runs} rounds")
    print(f"{'command':<38}{'median':>10}{'ratio':>10}")
    for name in commands:
        median = statistics.median(times[name]) * 1000
        print(f"{name:<38}{median:>7.0f} ms{statistics.median(ratios[name]):>9.2f}x")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
