"""The built-in questions (docs/questions.md), one module per family.

Importing this package registers them; :data:`BUILTINS` lists them.
"""

from __future__ import annotations

from rulebook.ask.questions import committee, conference, leadership, provision, shadow_cabinet
from rulebook.ask.registry import Question

__all__ = ["BUILTINS"]

#: The built-in questions, in the order the docs present them.
BUILTINS: tuple[Question, ...] = tuple(
    function.__rulebook_question__  # type: ignore[attr-defined]
    for function in (
        leadership.ballot,
        leadership.nominations_needed,
        committee.composition,
        committee.vote,
        conference.vote,
        conference.rule_change_heard,
        shadow_cabinet.composition,
        provision.provision,
    )
)
