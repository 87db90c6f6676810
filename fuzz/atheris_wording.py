"""Coverage-guided fuzzing of the conventional wording parser, and of writing back what it read."""

from __future__ import annotations

from _harness import ROOT, guarded, main

from rulebook.amend.wording import parse_wording, write_wording


def _target(text: str) -> None:
    for amendment in parse_wording(text):
        write_wording(amendment)


one_input = guarded(_target)
SEEDS = [ROOT / "fuzz" / "seeds" / "wording.txt"]

if __name__ == "__main__":
    main(one_input, SEEDS)
