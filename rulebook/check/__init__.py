"""Checking motions: findings, the conflict graph, compositing and reports.

Examples
--------
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.model import Clause, Level, Version
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
>>> check(v, [Motion("a", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])]).clean
True
"""

from rulebook.check.composite import Collision, Composite, composite
from rulebook.check.engine import Report, check
from rulebook.check.findings import KINDS, ClauseRef, Finding, Location
from rulebook.check.graph import composite_groups, conflict_graph

__all__ = [
    "KINDS",
    "ClauseRef",
    "Collision",
    "Composite",
    "Finding",
    "Location",
    "Report",
    "check",
    "composite",
    "composite_groups",
    "conflict_graph",
]
