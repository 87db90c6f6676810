"""A lazily compiled pattern answers as the pattern compiled at once (rulebook/patterns.py):
its `needs` words only ever pass over texts the pattern cannot match. (Each notice form is also
read end to end from a real example in tests/test_wording_sixth_set.py, which a wrong `needs`
would break.)"""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from rulebook import history
from rulebook.amend.wording import edits, grammar, notices, phrases, printed, reader, writer
from rulebook.patterns import LazyPattern

_MODULES = {module.__name__: module for module in (notices, printed, edits, grammar, phrases, reader, writer, history)}
_LAZY = sorted(
    ((module.__name__, name) for module in _MODULES.values() for name, value in vars(module).items()
     if isinstance(value, LazyPattern)),
)  # fmt: skip
_WORDS = ["current", "Proposed", "new", "FOLLOWING", "read", "that", "Amended", "follows", "changing", "change",
          "proposal", "Section 8:02", "Article XII.", "to read:", "as follows:", ":", "\n", " ", "'x'", "“y”", "be",
          "removed", "add", "insert", "the", "sections", "to", "Rule 3", "ſ", "K"]  # fmt: skip
_TEXTS = st.lists(st.sampled_from(_WORDS) | st.text(max_size=4), max_size=14).map("".join)


@pytest.mark.parametrize(("module", "name"), _LAZY)
@given(text=_TEXTS)
def test_a_lazy_pattern_matches_as_the_compiled_one(module: str, name: str, text: str) -> None:
    lazy = getattr(_MODULES[module], name)
    eager = re.compile(lazy.pattern.pattern, lazy.pattern.flags)
    for pos in (0, min(1, len(text))):
        assert _span(lazy.match(text, pos)) == _span(eager.match(text, pos))
        assert _span(lazy.search(text, pos)) == _span(eager.search(text, pos))


def _span(found: re.Match[str] | None) -> tuple[int, int] | None:
    return None if found is None else found.span()
