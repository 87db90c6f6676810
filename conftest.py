"""Names every doctest may use (pytest's ``doctest_namespace``), so that the
Examples in the package do not each build the same small book again.

``club``: a one-rule club book (``Rule 1``, id ``fee``: "The fee is 15 pounds.",
provision ``fees.annual: 15``), as :func:`rulebook.loads` reads it.
"""

from __future__ import annotations

from typing import Any

import pytest

CLUB = """
rulebook: club
version: "1"
numbering: [{style: arabic, label: "Rule {n}"}]
clauses: [{id: fee, text: "The fee is 15 pounds.", provisions: {fees.annual: 15}}]
"""


@pytest.fixture(autouse=True)
def _club_for_doctests(doctest_namespace: dict[str, Any]) -> None:
    from rulebook import loads

    doctest_namespace["club"] = loads(CLUB, "club.yaml")
