"""The exception hierarchy: every error a user can cause is a :class:`RulebookError`.

Each error carries *where* (file and line, or motion, amendment and clause),
*what* is wrong and *what to do*, and formats itself as one line so that the
CLI can print it without a traceback.

Examples
--------
>>> err = ParseError("bad indentation", file="rules/x.yaml", line=3)
>>> str(err)
'rules/x.yaml:3: bad indentation'
>>> isinstance(err, RulebookError), isinstance(err, ValueError)
(True, True)

Errors are not changed once raised: :meth:`RulebookError.located` and
:meth:`RulebookError.with_context` return new ones.
"""

from __future__ import annotations

from typing import Self

__all__ = [
    "AmendmentError",
    "CitationError",
    "DraftError",
    "FactsError",
    "HistoryError",
    "InvariantSpecError",
    "OutputError",
    "ParseError",
    "QuestionError",
    "RulebookError",
    "SchemaError",
    "VersionError",
    "WordingError",
    "clip",
    "escape_controls",
]


class RulebookError(Exception):
    """Base of every error rulebook raises on bad input.

    ``file`` and ``line`` (1-based) say where the problem is when it comes
    from a file; the message says what is wrong and what to do.

    Examples
    --------
    >>> str(RulebookError("no such version", file="rules/labour"))
    'rules/labour: no such version'
    >>> str(RulebookError("plain"))
    'plain'
    """

    def __init__(self, message: str, *, file: str | None = None, line: int | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.file = file
        self.line = line

    def _copy(self, message: str, file: str | None, line: int | None) -> Self:
        # Built field by field, not with copy.copy: a library that registers its own
        # pickling of exceptions (Dask's, for tracebacks) makes copy.copy share the
        # instance dict, and the original would change with the copy.
        other = type(self).__new__(type(self))
        other.args = (message,)
        vars(other).update(vars(self))
        vars(other).update(message=message, file=file, line=line)
        return other

    def located(self, file: str | None, line: int | None = None) -> Self:
        """The same error, with the file (and line) filled in if it did not know them.

        Parameters
        ----------
        file, line:
            Where the problem is, used only where the error has none.

        Returns
        -------
        RulebookError
            A new error of the same class; this one is left as it was.

        Examples
        --------
        >>> err = CitationError("no clause 'Rule 9'")
        >>> str(err.located("club.yaml", 3)), str(err)
        ("club.yaml:3: no clause 'Rule 9'", "no clause 'Rule 9'")
        """
        known_file = self.file if self.file is not None else file
        return self._copy(self.message, known_file, self.line if self.line is not None else line)

    def with_context(self, context: str) -> Self:
        """The same error, its message followed by ``context`` in parentheses.

        Examples
        --------
        >>> str(AmendmentError("no such clause", file="m.yaml").with_context("building version '2'"))
        "m.yaml: no such clause (building version '2')"
        """
        return self._copy(f"{self.message} ({context})", self.file, self.line)

    def __str__(self) -> str:
        where = ""
        if self.file:
            where = self.file if self.line is None else f"{self.file}:{self.line}"
        return escape_controls(f"{where}: {self.message}" if where else self.message)


def escape_controls(text: str) -> str:
    """``text`` on one line that a terminal shows as written: line breaks,
    control characters (ESC, ``\\r``, U+0085, U+2028, ...) and lone surrogates
    are written as escapes, so an id or phrase from a file cannot rewrite the
    error around it.

    Examples
    --------
    >>> escape_controls("clause 'a\\rb' \\x1b[2J")
    "clause 'a\\\\rb' \\\\x1b[2J"
    >>> escape_controls("line one\\nline two")
    'line one\\\\nline two'
    >>> escape_controls("café, 10 per cent")
    'café, 10 per cent'
    """
    if text.isprintable():
        return text
    return "".join(ch if ch.isprintable() or ch == " " else _escape(ch) for ch in text)


def clip(text: str, width: int = 60) -> str:
    """``text`` with control characters escaped (:func:`escape_controls`) and cut to
    ``width`` characters, saying how long it was: an error line never echoes a
    huge path or value (docs/limits.md).

    Examples
    --------
    >>> clip("rules/labour")
    'rules/labour'
    >>> clip("x" * 100, 8)
    'xxxxxxxx... (100 characters)'
    """
    if len(text) <= width:
        return escape_controls(text)
    return escape_controls(text[:width]) + f"... ({len(text)} characters)"


def _escape(ch: str) -> str:
    code = ord(ch)
    if 0xDC80 <= code <= 0xDCFF:  # a byte that was not UTF-8, as Python decodes it (surrogateescape)
        return f"\\x{code - 0xDC00:02x}"
    if ch in "\n\r\t":
        return repr(ch)[1:-1]
    return f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}" if code < 0x10000 else f"\\U{code:08x}"


class ParseError(RulebookError, ValueError):
    """A file is not well-formed YAML, or is too large or too deep."""


class SchemaError(RulebookError, ValueError):
    """A file is YAML but not the rule book, motion, history or scenario format."""


class CitationError(RulebookError, ValueError):
    """A citation or stable id does not name a clause of the version."""


class VersionError(RulebookError):
    """A ``PATH@LABEL`` or ``PATH@DATE`` selects no version."""


class HistoryError(RulebookError, ValueError):
    """``history.yaml`` does not build a consistent chain of versions."""


class AmendmentError(RulebookError, ValueError):
    """An amendment cannot be applied to the version in hand."""


class WordingError(RulebookError, ValueError):
    """Conventional amendment wording that cannot be read."""


class InvariantSpecError(RulebookError, ValueError):
    """An invariant declared in a rule book is not of the documented form."""


class QuestionError(RulebookError):
    """An unknown question, or a question that cannot be asked of a version."""


class FactsError(RulebookError, ValueError):
    """Facts that contradict each other or the rules."""


class DraftError(RulebookError, ValueError):
    """Two versions differ in a way no motion can express (e.g. their numbering schemes)."""


class OutputError(RulebookError):
    """An output file or directory cannot be written."""
