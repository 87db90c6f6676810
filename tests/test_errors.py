"""The error hierarchy: a located or annotated error is a new error, the original untouched."""

from __future__ import annotations

import copyreg
from typing import Any

import pytest

from rulebook.errors import AmendmentError, CitationError


def _sharing(err: CitationError) -> tuple[Any, ...]:
    """A reduction that, like Dask's (tblib's) pickling of exceptions, hands
    ``copy.copy`` the original's own instance dict."""
    return (_rebuilt, (type(err), err.args, err))


def _rebuilt(cls: type[CitationError], args: tuple[Any, ...], original: CitationError) -> CitationError:
    out = cls.__new__(cls)
    out.args = args
    out.__dict__ = original.__dict__
    return out


def test_locating_an_error_leaves_the_original_as_it_was() -> None:
    err = AmendmentError("no such clause", line=4)
    located = err.located("m.yaml", 9)
    assert (str(located), str(err)) == ("m.yaml:4: no such clause", "no such clause")
    assert type(located) is AmendmentError and located.args == ("no such clause",)
    assert str(err.with_context("building version '2'")) == "no such clause (building version '2')"
    assert err.file is None and err.message == "no such clause"


def test_an_error_is_copied_apart_even_when_a_library_takes_over_exception_pickling(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(copyreg.dispatch_table, CitationError, _sharing)
    err = CitationError("no clause 'Rule 9'")
    located = err.located("club.yaml", 3)
    assert str(located) == "club.yaml:3: no clause 'Rule 9'"
    assert str(err) == "no clause 'Rule 9'" and err.file is None
