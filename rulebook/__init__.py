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

import importlib
import sys
import types
from typing import TYPE_CHECKING, Any

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

if TYPE_CHECKING:
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

# Names are imported when first used (PEP 562), so that `import rulebook.model`
# or `rulebook show` loads only what it needs: see docs/architecture.md.
_HOME = {
    "Amendment": "rulebook.amend.motion",
    "Motion": "rulebook.amend.motion",
    "apply": "rulebook.amend.apply",
    "apply_all": "rulebook.amend.apply",
    "draft": "rulebook.amend.draft",
    "explain": "rulebook.amend.explain",
    "parse_wording": "rulebook.amend.wording",
    "write_wording": "rulebook.amend.wording",
    "Answer": "rulebook.ask",
    "Comparison": "rulebook.ask",
    "Sweep": "rulebook.ask",
    "ask": "rulebook.ask",
    "compare": "rulebook.ask",
    "question": "rulebook.ask",
    "sweep": "rulebook.ask",
    "BlameEntry": "rulebook.blame",
    "blame": "rulebook.blame",
    "Composite": "rulebook.check",
    "Finding": "rulebook.check",
    "Report": "rulebook.check",
    "check": "rulebook.check",
    "composite": "rulebook.check",
    "conflict_graph": "rulebook.check",
    "VersionDiff": "rulebook.diff",
    "diff": "rulebook.diff",
    "diff_motions": "rulebook.diff",
    "History": "rulebook.history",
    "Selection": "rulebook.history",
    "Doubt": "rulebook.importing",
    "Imported": "rulebook.importing",
    "import_book": "rulebook.importing",
    "load": "rulebook.history",
    "load_history": "rulebook.history",
    "load_motions": "rulebook.io.motions:load_file",
    "loads_motions": "rulebook.io.motions:loads",
    "dumps": "rulebook.io.rulebook",
    "loads": "rulebook.io.rulebook",
    "save": "rulebook.io.rulebook",
    "Change": "rulebook.model",
    "Clause": "rulebook.model",
    "Invariant": "rulebook.model",
    "Level": "rulebook.model",
    "Version": "rulebook.model",
    "walk": "rulebook.model",
    "all_citations": "rulebook.numbering",
    "citation": "rulebook.numbering",
    "resolve": "rulebook.numbering",
    "dangling_references": "rulebook.refs",
    "reference_graph": "rulebook.refs",
    "referrers": "rulebook.refs",
    "render_refs": "rulebook.refs",
    "render_site": "rulebook.render.site",
    "bind": "rulebook.binding",
    "restate": "rulebook.binding",
    "unbound_leaves": "rulebook.binding",
    "Quantity": "rulebook.quantities",
    "read_quantities": "rulebook.quantities",
    "Stated": "rulebook.statement",
}


def __getattr__(name: str) -> Any:
    home = _HOME.get(name)
    if home is None:
        raise AttributeError(f"module 'rulebook' has no attribute {name!r}")
    module, _, attr = home.partition(":")
    value = getattr(importlib.import_module(module), attr or name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


class _Package(types.ModuleType):
    """This package, keeping its functions ``ask``, ``blame``, ``check`` and ``diff``
    bound although modules of the same names are imported after it."""

    def __setattr__(self, name: str, value: Any) -> None:
        if isinstance(value, types.ModuleType) and name in _HOME and name in __all__:
            return  # the import system binding a submodule: the function keeps the name
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
