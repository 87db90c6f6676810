"""Coverage-guided fuzzing of motion files: load, then apply to the version of the
bundled Labour book each file's first motion names as its base (the latest if none)."""

from __future__ import annotations

from _harness import ROOT, guarded, main

from rulebook.amend.apply import apply_all
from rulebook.history import load_history
from rulebook.io import motions as motion_io

HISTORY = load_history(ROOT / "rules" / "labour")


def _target(text: str) -> None:
    motions = motion_io.loads(text, "fuzzed.yaml")
    base = motions[0].base if motions and motions[0].base in HISTORY else HISTORY.latest.label
    apply_all(HISTORY[base], motions, bases=HISTORY.lineage(base))


one_input = guarded(_target)
SEEDS = sorted((ROOT / "rules" / "labour" / "motions").glob("*.yaml")) + sorted(
    (ROOT / "rules" / "labour" / "rulings").glob("*.yaml")
)

if __name__ == "__main__":
    main(one_input, SEEDS)
