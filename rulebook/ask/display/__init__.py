"""Showing answers, comparisons, sweeps and scenario runs: text for terminals, escaped
HTML tables for Jupyter (``_repr_html_``), and ``rich`` renderables (``__rich__``).

The text of an answer is a headline (question, version, status), the key result
in one line, tables (for the built-in questions; any other answer is shown as
dotted paths), then ``because`` (each provision under the clause that carries
it, its value shortened, and who set it) and ``gaps``. Plain text is ASCII and
fits 80 columns; on a terminal the same renderables are drawn with box
characters and colour. The JSON forms hold everything in full.

Versions are shown by :mod:`rulebook.render.notebook`; values in a line by
:func:`rulebook.display.show_value`.

Examples
--------
>>> from rulebook.ask.answer import Answer, Because
>>> a = Answer("provision", "1", "determined", {"name": "x", "value": "<b>", "clause": "Rule 1", "id": "r1"},
...            (Because("Rule 1", "r1", "x", "<b>"),))
>>> "&lt;b&gt;" in answer_html(a) and "<b>" not in answer_html(a)
True
>>> print(answer_text(a))
provision on version 1: determined
x = <b>
  in Rule 1 (id r1)
<BLANKLINE>
because:
  Rule 1 (id r1)
    x = <b>
>>> print(answer_text(Answer("club.fee", "1", "determined", {"total": 30, "per": {"adult": 10}})))
club.fee on version 1: determined
  total:       30
  per.adult:   10
"""

from rulebook.ask.display.answers import answer_html, answer_rich, answer_text, summary
from rulebook.ask.display.common import VALUE_LIMIT, WIDTH, plain, shorten, show_items
from rulebook.ask.display.comparisons import comparison_html, comparison_rich, comparison_text
from rulebook.ask.display.sweeps import scenario_text, sweep_html, sweep_rich, sweep_text
from rulebook.display import show_value

__all__ = [
    "VALUE_LIMIT",
    "WIDTH",
    "answer_html",
    "answer_rich",
    "answer_text",
    "comparison_html",
    "comparison_rich",
    "comparison_text",
    "plain",
    "scenario_text",
    "shorten",
    "show_items",
    "show_value",
    "summary",
    "sweep_html",
    "sweep_rich",
    "sweep_text",
]
