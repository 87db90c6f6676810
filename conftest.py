"""Names every doctest may use (pytest's ``doctest_namespace``), so that the
Examples in the package do not each build the same small book again; and a
history cache of the test session's own, so that no test writes to the user's.

``club``: a one-rule club book (``Rule 1``, id ``fee``: "The fee is 15 pounds.",
provision ``fees.annual: 15``), as :func:`rulebook.loads` reads it.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from typing import Any

import pytest

CLUB = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}]
clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
"""


@pytest.fixture(autouse=True, scope="session")
def _cache_of_the_session(tmp_path_factory: pytest.TempPathFactory) -> Iterator[None]:
    """The command line's history cache (docs/architecture.md) in a temporary
    directory, for in-process runs and the processes tests start alike."""
    before = os.environ.get("RULEBOOK_CACHE_DIR")
    os.environ["RULEBOOK_CACHE_DIR"] = str(tmp_path_factory.mktemp("history-cache"))
    yield
    if before is None:
        del os.environ["RULEBOOK_CACHE_DIR"]
    else:
        os.environ["RULEBOOK_CACHE_DIR"] = before


@pytest.fixture(autouse=True)
def _club_for_doctests(doctest_namespace: dict[str, Any]) -> None:
    from rulebook import loads

    doctest_namespace["club"] = loads(CLUB, "club.yaml")
