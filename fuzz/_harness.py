"""Shared set-up of the atheris harnesses: bytes in, a target called, only
:class:`~rulebook.errors.RulebookError` tolerated.

Each ``atheris_*.py`` beside this file defines ``one_input(data: bytes)`` and
``SEEDS`` (paths of real files to start from) and ends with ``main(...)``.
Run one with atheris installed (``pip install atheris``; see docs/testing.md)::

    python fuzz/atheris_rulebook.py -max_total_time=3600 fuzz/corpus/rulebook

``--make-corpus DIR`` copies the seeds into DIR first.
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Callable, Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:  # run from a checkout without installing
    sys.path.insert(0, str(ROOT))

from rulebook.errors import RulebookError  # noqa: E402

#: Inputs larger than this are cut: the loaders' own limits (docs/testing.md) are tested elsewhere.
MAX_INPUT = 64 * 1024


def text_of(data: bytes) -> str:
    """The fuzzer's bytes as text, as a file read from disk would be (invalid UTF-8 replaced)."""
    return data[:MAX_INPUT].decode("utf-8", "replace")


def guarded(target: Callable[[str], object]) -> Callable[[bytes], None]:
    """A one-input function: calls ``target`` and lets only RulebookError pass, checking its message."""

    def one_input(data: bytes) -> None:
        try:
            target(text_of(data))
        except RulebookError as exc:
            message = str(exc)
            if "\n" in message or not message.strip():
                raise AssertionError(f"a RulebookError must be one line: {message!r}") from exc

    one_input.target = target  # type: ignore[attr-defined]  # the tests call it directly
    return one_input


def main(one_input: Callable[[bytes], None], seeds: Iterable[Path]) -> None:
    """Run the harness under atheris (with ``--make-corpus DIR`` to start a corpus from ``seeds``)."""
    args = sys.argv[:]
    if "--make-corpus" in args:
        i = args.index("--make-corpus")
        corpus = Path(args[i + 1])
        corpus.mkdir(parents=True, exist_ok=True)
        for seed in seeds:
            shutil.copy(seed, corpus / seed.name)
        del args[i : i + 2]
    try:
        import atheris  # type: ignore[import-not-found]
    except ImportError:
        sys.exit("atheris is not installed: pip install atheris (see docs/testing.md)")
    atheris.instrument_all()  # the harness imported rulebook already: instrument what is loaded
    atheris.Setup(args, one_input)
    atheris.Fuzz()
