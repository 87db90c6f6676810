"""Keeling schedules: the amended text in context, deletions struck through and
insertions marked, each change attributed to its motion or ruling when known.

Formats:

- **text**: without colour, deletions as ``[-deleted-]`` and insertions as
  ``{+inserted+}`` (the ``git diff --word-diff`` convention); with colour,
  deletions red and struck through, insertions green and underlined.
- **markdown**: ``~~deleted~~`` and ``<ins>inserted</ins>``.
- **html**: a self-contained page, ``<del class="kd-del">`` and
  ``<ins class="kd-ins">``, each with a tooltip naming its motion.
- **json**: :meth:`rulebook.diff.VersionDiff.to_data`.

A moved clause is shown where it now stands ("moved from Rule 3.2.a") with a
stub where it stood; a clause renumbered by other changes says what it was
("formerly Rule 2.2"). By default only the changed clauses are shown, under
the headings of the parts that hold them; ``full=True`` shows the whole book.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.diff import diff_motions
>>> v = Version("club", "1", [Level("arabic", "Rule {n}"), Level("arabic")],
...     [Clause("fees", heading="Fees", children=[Clause("fees.rate", text="The fee is 15 pounds.")])])
>>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1.1", old="15", new="10")], title="Cut the fee")
>>> print(to_text(diff_motions(v, [m])))
Keeling schedule: club, version 1 -> 1+cut
Motions: motion cut (Cut the fee)
<BLANKLINE>
Rule 1  FEES
  Rule 1.1  The fee is [-15-]{+10+} pounds.  [cut]
>>> print(to_markdown(diff_motions(v, [m])).splitlines()[-1])
**Rule 1.1** The fee is ~~15~~<ins>10</ins> pounds. *(cut)*
"""

from rulebook.display import show_value
from rulebook.render.keeling.markdown import to_data, to_json, to_markdown
from rulebook.render.keeling.page import TEMPLATES, anchor, environment, to_html
from rulebook.render.keeling.schedule import Piece, Shown, attribution, describe, pieces, schedule, value_pieces
from rulebook.render.keeling.text import DELETE_MARKS, INSERT_MARKS, blame_to_text, marked_text, to_text

__all__ = [
    "DELETE_MARKS",
    "INSERT_MARKS",
    "TEMPLATES",
    "Piece",
    "Shown",
    "anchor",
    "attribution",
    "blame_to_text",
    "describe",
    "environment",
    "marked_text",
    "pieces",
    "schedule",
    "show_value",
    "to_data",
    "to_html",
    "to_json",
    "to_markdown",
    "to_text",
    "value_pieces",
]
