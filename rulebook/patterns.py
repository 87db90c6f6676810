"""Regular expressions compiled when first used.

A module that holds many patterns for rare forms (the notice and printed forms of
motion wording) would compile them all on import, in every process that reads a
motion, although most wordings need none of them (docs/architecture.md, "Speed").
:class:`LazyPattern` compiles on first use; given ``needs``, words the pattern
cannot match without, it answers "no match" at once for a text in ASCII that
lacks one of them, without compiling or matching at all.

Examples
--------
>>> import re
>>> proposal = LazyPattern(r"\\s*proposal\\s+to\\s+(?P<what>\\w+)", re.IGNORECASE, needs=("proposal",))
>>> proposal.match("Delete 'x'") is None, proposal.compiled
(True, False)
>>> proposal.match(" Proposal to rename")["what"]
'rename'
>>> proposal.compiled
True
"""

from __future__ import annotations

import re
from collections.abc import Iterator

__all__ = ["LazyPattern"]


class LazyPattern:
    """``re.compile(source, flags)``, compiled on first use.

    ``needs`` are lower-case words that every match holds (the caller's promise: each
    is a literal, mandatory part of the pattern). For a text in ASCII that lacks one,
    :meth:`match` and :meth:`search` return ``None`` without compiling; other text
    (where case folding goes beyond ASCII, "ſ" matching "s") is always matched.

    Examples
    --------
    >>> p = LazyPattern(r"\\d+")
    >>> p.search("a 12 b")[0], p.sub("#", "a 12 b"), [m[0] for m in p.finditer("1 2")]
    ('12', 'a # b', ['1', '2'])
    """

    __slots__ = ("_compiled", "_flags", "_needs", "_source")

    def __init__(self, source: str, flags: int = 0, *, needs: tuple[str, ...] = ()) -> None:
        self._source = source
        self._flags = flags
        self._needs = needs
        self._compiled: re.Pattern[str] | None = None

    @property
    def compiled(self) -> bool:
        """Whether the pattern has been compiled yet."""
        return self._compiled is not None

    @property
    def pattern(self) -> re.Pattern[str]:
        """The compiled pattern (compiled now if it was not)."""
        if self._compiled is None:
            self._compiled = re.compile(self._source, self._flags)
        return self._compiled

    def _cannot(self, text: str, pos: int) -> bool:
        if not self._needs or not text.isascii():
            return False
        lowered = text[pos:].lower()
        return any(word not in lowered for word in self._needs)

    def match(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """As :meth:`re.Pattern.match`."""
        return None if self._cannot(text, pos) else self.pattern.match(text, pos)

    def search(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """As :meth:`re.Pattern.search`."""
        return None if self._cannot(text, pos) else self.pattern.search(text, pos)

    def fullmatch(self, text: str, pos: int = 0) -> re.Match[str] | None:
        """As :meth:`re.Pattern.fullmatch`."""
        return None if self._cannot(text, pos) else self.pattern.fullmatch(text, pos)

    def finditer(self, text: str) -> Iterator[re.Match[str]]:
        """As :meth:`re.Pattern.finditer`."""
        return self.pattern.finditer(text)

    def sub(self, repl: str, text: str) -> str:
        """As :meth:`re.Pattern.sub` (``repl`` a string)."""
        return self.pattern.sub(repl, text)
