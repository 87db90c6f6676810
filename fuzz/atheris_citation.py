"""Coverage-guided fuzzing of citation resolution against the bundled Labour book."""

from __future__ import annotations

from _harness import ROOT, guarded, main

from rulebook.history import load
from rulebook.numbering import resolve

BOOK = load(ROOT / "rules" / "labour")


def _target(text: str) -> None:
    resolve(BOOK, text)


one_input = guarded(_target)
SEEDS = [ROOT / "fuzz" / "seeds" / "citations.txt"]

if __name__ == "__main__":
    main(one_input, SEEDS)
