"""Coverage-guided fuzzing of the rule book loader: ``loads`` then a save/load round trip."""

from __future__ import annotations

from _harness import ROOT, guarded, main

from rulebook.io.rulebook import dumps, loads


def _target(text: str) -> None:
    version = loads(text, "fuzzed.yaml")
    saved = dumps(version)
    if dumps(loads(saved, "saved.yaml")) != saved:
        raise AssertionError("a loaded book does not save and load to the same text")


one_input = guarded(_target)
SEEDS = [ROOT / "tests" / "data" / "club.yaml", ROOT / "rules" / "labour" / "rulebook.yaml"]

if __name__ == "__main__":
    main(one_input, SEEDS)
