"""Numbering schemes of imported books: the shape of a marker, the levels
chosen from what the document uses, and the ``--numbering`` option.

Examples
--------
>>> parse_numbering("Chapter {n} arabic, Clause {n} upper-roman, arabic, lower-alpha")[1]
Level(style='upper-roman', label='Clause {n}', join=None)
>>> choose_levels([[("chapter", "label", "arabic")] * 3, [(None, "plain", "arabic"), (None, "paren", "lower-alpha")]])
(Level(style='arabic', label='Chapter {n}', join=None), Level(style='arabic', label=None, join=None))
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence

from rulebook.errors import RulebookError
from rulebook.model import STYLES, Level

__all__ = ["Shape", "choose_levels", "label_of", "parse_numbering"]

#: What makes two markers numbers of the same level: (label in lower case or None, wrap, style).
Shape = tuple[str | None, str, str]


def label_of(shape: Shape) -> str | None:
    """The ``label`` a numbering level gets for markers of this shape.

    Examples
    --------
    >>> label_of(("standing order", "label", "arabic")), label_of((None, "paren", "lower-alpha"))
    ('Standing Order {n}', None)
    """
    if shape[0] is None:
        return None
    return " ".join(w[:1].upper() + w[1:] for w in shape[0].split()) + " {n}"


def choose_levels(depths: Sequence[Sequence[Shape]]) -> tuple[Level, ...]:
    """One level per depth: the label and style most markers at that depth have.

    Markers of other shapes at a depth keep their printed numbers (pinned), and
    the import reports them.
    """
    levels = []
    for shapes in depths:
        if not shapes:
            levels.append(Level("arabic"))
            continue
        shape, _ = Counter(shapes).most_common(1)[0]
        levels.append(Level(shape[2], label_of(shape)))
    return tuple(levels)


def parse_numbering(spec: str) -> tuple[Level, ...]:
    """Read ``--numbering``: levels outermost first, separated by commas, each a
    style optionally preceded by its label (``Chapter {n} arabic``; ``{n}`` may
    be left out: ``Chapter arabic``).

    Raises
    ------
    RulebookError
        An entry whose last word is not a style.

    Examples
    --------
    >>> parse_numbering("Rule arabic, arabic, lower-alpha")[0]
    Level(style='arabic', label='Rule {n}', join=None)
    >>> parse_numbering("Rule arabic, letters")
    Traceback (most recent call last):
    ...
    rulebook.errors.RulebookError: --numbering: entry 2 'letters' does not end with a style; use one of arabic, ...
    """
    levels = []
    for i, entry in enumerate((e.strip() for e in spec.split(",")), start=1):
        words = entry.split()
        if not words or words[-1] not in STYLES:
            raise RulebookError(
                f"--numbering: entry {i} {entry!r} does not end with a style; use one of {', '.join(STYLES)}, "
                "e.g. 'Chapter {n} arabic, lower-alpha'"
            )
        label = " ".join(words[:-1]) or None
        if label is not None and "{n}" not in label:
            label += " {n}"
        levels.append(Level(words[-1], label))
    return tuple(levels)
