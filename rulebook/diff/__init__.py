"""Clause and word diffs between two versions of a rule book.

Clauses are matched by stable id, never by position, so a clause that moves is
a move (not a deletion and an insertion) and a clause whose citation changes
because a sibling was inserted before it is *renumbered*, with its old and new
citation. Changed headings and texts are diffed word by word: the text is cut
into tokens (words, runs of whitespace, punctuation, ``[[id]]`` references) and
the tokens are compared with :class:`difflib.SequenceMatcher`. Each
:class:`WordOp` keeps the exact strings, so joining the old sides gives back
the old text and joining the new sides the new text.

Changes are *attributed* where that is exact: a provision to the motion or
ruling that last set it (``Version.provenance``); everything else to the
motion when the new version was made from the old one by a single motion or
ruling. :func:`diff_chain` and :func:`diff_motions` attribute every word,
clause and provision across several motions by diffing each step.

Unchanged subtrees are shared between versions, so the diff skips any subtree
whose clause objects are identical and whose citation did not change: a diff
of a large book costs little more than the clauses that changed.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> old = Version("club", "1", [Level("arabic", "Rule {n}")],
...               [Clause("fee", text="The fee is 15 pounds."), Clause("dues", text="Pay in May.")])
>>> new = Version("club", "2", [Level("arabic", "Rule {n}")],
...               [Clause("intro", text="Welcome."), Clause("fee", text="The fee is 10 pounds."),
...                Clause("dues", text="Pay in May.")])
>>> d = diff(old, new)
>>> [(c.id, c.events) for c in d.clauses]
[('intro', ('added',)), ('fee', ('text', 'renumbered')), ('dues', ('renumbered',))]
>>> [(op.op, op.old, op.new) for op in d.clauses[1].text if op.op != "equal"]
[('replace', '15', '10')]
>>> d.clauses[2].old_citation, d.clauses[2].new_citation
('Rule 2', 'Rule 3')
>>> diff(old, old).is_empty
True
"""

from rulebook.diff.chain import diff_chain, diff_motions
from rulebook.diff.layout import Row, layout
from rulebook.diff.match import diff, diff_clause, metadata_changes
from rulebook.diff.types import ClauseDiff, ProvisionChange, VersionDiff, change_data
from rulebook.diff.words import WordOp, new_text, old_text, tokenize, word_diff
from rulebook.history import replay

__all__ = [
    "ClauseDiff",
    "ProvisionChange",
    "Row",
    "VersionDiff",
    "WordOp",
    "change_data",
    "diff",
    "diff_chain",
    "diff_clause",
    "diff_motions",
    "layout",
    "metadata_changes",
    "new_text",
    "old_text",
    "replay",
    "tokenize",
    "word_diff",
]
