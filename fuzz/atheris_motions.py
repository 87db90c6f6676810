"""Coverage-guided fuzzing of motion files: load, then apply to the test club's book."""

from __future__ import annotations

from _harness import ROOT, guarded, main

from rulebook.amend.apply import apply_all
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import load_file

BOOK = load_file(ROOT / "tests" / "data" / "club.yaml")


def _target(text: str) -> None:
    motions = motion_io.loads(text, "fuzzed.yaml")
    apply_all(BOOK, motions)


one_input = guarded(_target)
SEEDS = sorted((ROOT / "rules" / "labour" / "motions").glob("*.yaml")) + sorted(
    (ROOT / "rules" / "labour" / "rulings").glob("*.yaml")
)

if __name__ == "__main__":
    main(one_input, SEEDS)
