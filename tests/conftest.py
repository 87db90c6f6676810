"""Shared test set-up: hypothesis profiles and paths to the bundled data.

``HYPOTHESIS_PROFILE=ci`` (the default, used by .ci/run) keeps the suite fast;
``HYPOTHESIS_PROFILE=thorough`` runs many more examples for nightly runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
from hypothesis import HealthCheck, settings

from rulebook.history import History, load_history
from rulebook.model import Version

ROOT = Path(__file__).resolve().parent.parent
DATA = Path(__file__).resolve().parent / "data"
LABOUR = ROOT / "rules" / "labour"

settings.register_profile("ci", max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.register_profile("thorough", max_examples=3000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))


@pytest.fixture(scope="session")
def history() -> History:
    """The bundled Labour book's history, loaded once for the tests that share it."""
    return load_history(LABOUR)


@pytest.fixture(scope="session")
def bases(history: History) -> dict[str, Version]:
    """Every version of :func:`history` by label, where motions find their base."""
    return {v.label: v for v in history}
