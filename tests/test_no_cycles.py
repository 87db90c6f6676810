"""Loading and applying leave no reference cycles behind.

Both pause the cyclic garbage collector while they work (docs/architecture.md,
"Speed"), so everything they make must be freed by reference counting alone:
a cycle per edit (a self-calling closure, a whole YAML loader kept for its
constructors) would pile up until the collector ran, and then cost a full
collection of the book.
"""

from __future__ import annotations

import gc
import importlib.util
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from rulebook.amend.apply import apply_all
from rulebook.history import load_history
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import loads

ROOT = Path(__file__).resolve().parents[1]
BOOK = ROOT / "rules" / "labour"
_spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)


@pytest.fixture
def collector_paused() -> Iterator[None]:
    gc.collect()
    gc.disable()
    try:
        yield
    finally:
        gc.enable()


def _cycles_left(run: Callable[[], Any]) -> int:
    """Objects in cycles that ``run`` left (what came before is collected first)."""
    gc.collect()
    result = run()
    found = gc.collect()
    del result
    return found


def test_loading_and_applying_leave_no_cycles(collector_paused):
    text = generate.generate(clauses=300, depth=4)
    book = loads(text, "book.yaml")
    motions = generate.generate_motions(book, 20, seed=1, ops=("replace_words",), amendments=(1, 2))
    motions_text = motion_io.dumps(motions)
    apply_all(book, motion_io.loads(motions_text, "m.yaml"))  # the first time imports what they need: no garbage
    assert _cycles_left(lambda: loads(text, "book.yaml")) == 0
    assert _cycles_left(lambda: apply_all(book, motions)) == 0
    assert _cycles_left(lambda: motion_io.loads(motions_text, "m.yaml")) == 0


def test_building_the_labour_history_leaves_no_cycles(collector_paused):
    load_history(BOOK)  # the first time imports the modules it needs, which is not garbage
    assert _cycles_left(lambda: load_history(BOOK)) == 0
