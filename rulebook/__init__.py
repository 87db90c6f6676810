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
from rulebook.amend.draft import draft
from rulebook.amend.explain import explain
from rulebook.amend.motion import Amendment, Motion
from rulebook.amend.wording import parse_wording, write_wording
from rulebook.ask import Answer, Comparison, Sweep, ask, compare, question, sweep
from rulebook.binding import bind, restate, unbound_leaves
from rulebook.blame import BlameEntry, blame
from rulebook.check import Composite, Finding, Report, check, composite, conflict_graph
from rulebook.diff import VersionDiff, diff, diff_motions
from rulebook.errors import (
    AmendmentError,
    CitationError,
    DraftError,
    FactsError,
    HistoryError,
    InvariantSpecError,
    OutputError,
    ParseError,
    QuestionError,
    RulebookError,
    SchemaError,
    VersionError,
    WordingError,
)
from rulebook.history import History, Selection, load, load_history
from rulebook.importing import Doubt, Imported, import_book
from rulebook.io.motions import load_file as load_motions
from rulebook.io.motions import loads as loads_motions
from rulebook.io.rulebook import dumps, loads, save
from rulebook.model import Change, Clause, Invariant, Level, Version, walk
from rulebook.numbering import all_citations, citation, resolve
from rulebook.quantities import Quantity, read_quantities
from rulebook.refs import dangling_references, reference_graph, referrers, render_refs
from rulebook.render.site import render_site
from rulebook.statement import Stated

__all__ = [
    "Amendment",
    "AmendmentError",
    "Answer",
    "BlameEntry",
    "Change",
    "CitationError",
    "Clause",
    "Comparison",
    "Composite",
    "Doubt",
    "DraftError",
    "FactsError",
    "Finding",
    "History",
    "HistoryError",
    "Imported",
    "Invariant",
    "InvariantSpecError",
    "Level",
    "Motion",
    "OutputError",
    "ParseError",
    "Quantity",
    "QuestionError",
    "Report",
    "RulebookError",
    "SchemaError",
    "Selection",
    "Stated",
    "Sweep",
    "Version",
    "VersionDiff",
    "VersionError",
    "WordingError",
    "all_citations",
    "apply",
    "apply_all",
    "ask",
    "bind",
    "blame",
    "check",
    "citation",
    "compare",
    "composite",
    "conflict_graph",
    "dangling_references",
    "diff",
    "diff_motions",
    "draft",
    "dumps",
    "explain",
    "import_book",
    "load",
    "load_history",
    "load_motions",
    "loads",
    "loads_motions",
    "parse_wording",
    "question",
    "read_quantities",
    "reference_graph",
    "referrers",
    "render_refs",
    "render_site",
    "resolve",
    "restate",
    "save",
    "sweep",
    "unbound_leaves",
    "walk",
    "write_wording",
]
