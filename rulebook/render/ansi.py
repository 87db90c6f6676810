"""Terminal styles as ANSI escape codes, for renderers that colour text when the
command line asks them to (whether to colour is decided in ``rulebook.cli.color``).

Examples
--------
>>> style("gone", fg="red", strikethrough=True)
'\\x1b[31m\\x1b[9mgone\\x1b[0m'
>>> style("", fg="red")
''
"""

from __future__ import annotations

__all__ = ["style"]

_COLOURS = {"red": 31, "green": 32, "yellow": 33, "blue": 34, "magenta": 35, "cyan": 36}


def style(
    text: str,
    *,
    fg: str | None = None,
    bold: bool = False,
    dim: bool = False,
    underline: bool = False,
    strikethrough: bool = False,
) -> str:
    """``text`` wrapped in the escape codes for these styles, then a reset.

    Parameters
    ----------
    text:
        The text to style; empty text stays empty.
    fg:
        A colour name: red, green, yellow, blue, magenta or cyan.
    bold, dim, underline, strikethrough:
        Styles to add.

    Raises
    ------
    KeyError
        ``fg`` is not one of the colours above.
    """
    if not text:
        return text
    codes = [_COLOURS[fg]] if fg is not None else []
    codes += [code for code, on in ((1, bold), (2, dim), (4, underline), (9, strikethrough)) if on]
    if not codes:
        return text
    return "".join(f"\x1b[{code}m" for code in codes) + text + "\x1b[0m"
