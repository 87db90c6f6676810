"""rulebook: version an organisation's rule book and simulate rule changes.

Examples
--------
>>> import rulebook
>>> v = rulebook.loads('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses: [{id: fee, text: "The fee is 15 per cent."}]
... ''')
>>> m = rulebook.Motion("cut", [rulebook.Amendment("replace_words", clause="Rule 1",
...                                                 old="15 per cent", new="10 per cent")])
>>> rulebook.apply(v, m).clause("fee").text
'The fee is 10 per cent.'
"""

from rulebook.amend.apply import apply, apply_all
from rulebook.amend.motion import Amendment, Motion
from rulebook.errors import (
    AmendmentError,
    CitationError,
    FactsError,
    HistoryError,
    InvariantSpecError,
    ParseError,
    QuestionError,
    RulebookError,
    SchemaError,
    VersionError,
    WordingError,
)
from rulebook.history import History, load, load_history
from rulebook.io.motions import load_file as load_motions
from rulebook.io.motions import loads as loads_motions
from rulebook.io.rulebook import dumps, loads, save
from rulebook.model import Change, Clause, Invariant, Level, Version, walk
from rulebook.numbering import all_citations, citation, resolve
from rulebook.refs import dangling_references, reference_graph, referrers, render_refs

__all__ = [
    "Amendment",
    "AmendmentError",
    "Change",
    "CitationError",
    "Clause",
    "FactsError",
    "History",
    "HistoryError",
    "Invariant",
    "InvariantSpecError",
    "Level",
    "Motion",
    "ParseError",
    "QuestionError",
    "RulebookError",
    "SchemaError",
    "Version",
    "VersionError",
    "WordingError",
    "all_citations",
    "apply",
    "apply_all",
    "citation",
    "dangling_references",
    "dumps",
    "load",
    "load_history",
    "load_motions",
    "loads",
    "loads_motions",
    "reference_graph",
    "referrers",
    "render_refs",
    "resolve",
    "save",
    "walk",
]
