"""One home for presenting things: how a value is written in a line, and the
display methods (``to_text``, ``str``, ``to_json``, Jupyter's ``_repr_html_`` and
rich's ``__rich__``) that versions, answers, comparisons and sweeps share.

A type that mixes in :class:`Displayable` names the module and prefix of the
functions that draw it (``PRESENTER = "rulebook.render.notebook:version"`` means
``version_text``, ``version_html`` and ``version_rich`` there). That module is
imported when a value is first shown, so the model and the engines never import
rich or the renderers above them (see docs/architecture.md).

Examples
--------
>>> show_value({"share": 0.2, "of": ("PLP", "EPLP")}), show_value(None), show_value(True)
('{share: 0.2, of: [PLP, EPLP]}', 'null', 'true')
>>> show_value(["PLP", "EPLP"], listing=True), show_value([], listing=True)
('PLP, EPLP', '(none)')
"""

from __future__ import annotations

import importlib
from collections.abc import Callable, Mapping
from typing import Any, ClassVar

from rulebook.errors import clip

__all__ = ["Displayable", "clip", "printable", "show_value"]


def show_value(value: Any, listing: bool = False) -> str:
    """A provision value as a drafter writes it in YAML flow style: mappings in
    braces, lists in brackets, ``true``/``false``/``null``, dates as ``YYYY-MM-DD``.

    Parameters
    ----------
    value:
        Any provision value, frozen (``immutabledict``, tuples) or plain.
    listing:
        Write a top-level list as its items joined by commas (``(none)`` when
        empty), as a line of an answer reads best.

    Returns
    -------
    str
        The value on one line.

    Examples
    --------
    >>> show_value({"seats": 3, "from": ["CLP", "TU"]})
    '{seats: 3, from: [CLP, TU]}'
    >>> import datetime
    >>> show_value(datetime.date(2016, 7, 1)), show_value([[1, 2]], listing=True)
    ('2016-07-01', '[1, 2]')
    """
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{k}: {show_value(v)}" for k, v in value.items()) + "}"
    if isinstance(value, list | tuple):
        if listing:
            return ", ".join(show_value(v) for v in value) if value else "(none)"
        return "[" + ", ".join(show_value(v) for v in value) + "]"
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return "null"
    if hasattr(value, "isoformat"):
        return str(value.isoformat())
    return str(value)


def printable(text: str) -> str:
    r"""``text`` with control characters escaped, so that a message naming it stays on one line.

    Examples
    --------
    >>> printable("rules/\nlabour")
    'rules/\\nlabour'
    """
    return "".join(c if c.isprintable() else repr(c)[1:-1] for c in text)


class Displayable:
    """Mix-in for the display methods of a result type with ``to_data``.

    A subclass sets ``PRESENTER`` to ``"module:prefix"``; ``prefix_text``,
    ``prefix_html`` and ``prefix_rich`` (and ``prefix_data`` when the type has no
    ``to_data`` of its own) in that module each take the value.

    Examples
    --------
    >>> from rulebook import loads
    >>> v = loads('rulebook: club\\nversion: "1"\\nnumbering: [arabic]\\nclauses: [{id: a, text: Hello.}]\\n')
    >>> print(v.to_text())
    1  Hello.
    >>> "<td>Hello.</td>" in v._repr_html_()
    True
    """

    __slots__ = ()
    PRESENTER: ClassVar[str]

    def _presenter(self, how: str) -> Callable[..., Any]:
        module, _, prefix = self.PRESENTER.partition(":")
        function: Callable[..., Any] = getattr(importlib.import_module(module), f"{prefix}_{how}")
        return function

    def to_data(self) -> Any:
        """JSON-ready data (``prefix_data`` of the presenter, unless the type defines its own)."""
        return self._presenter("data")(self)

    def to_json(self, indent: int | None = 2) -> str:
        """:meth:`to_data` as JSON text."""
        import json  # here, not at the top: most runs never write JSON (docs/architecture.md, "Speed")

        return json.dumps(self.to_data(), indent=indent, ensure_ascii=False)

    def to_text(self) -> str:
        """Plain text: ASCII, 80 columns."""
        text: str = self._presenter("text")(self)
        return text

    def __str__(self) -> str:
        return self.to_text()

    def _repr_html_(self) -> str:  # Jupyter
        shown: str = self._presenter("html")(self)
        return shown

    def __rich__(self) -> Any:  # rich.print and rich consoles
        return self._presenter("rich")(self)
