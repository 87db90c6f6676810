"""The built-in amendment operations, each declared once with its behaviour.

:data:`rulebook.amend.motion.OPERATIONS` loads :data:`BUILTINS` by name on first
use (this package sits above the registry, since applying and wording an operation
need what lies between). One module per family: :mod:`.words`, :mod:`.clauses`,
:mod:`.provisions`; docs/architecture.md ("Adding to it") shows how to add one.

Examples
--------
>>> [o.name for o in BUILTINS][:2]
['replace_words', 'insert_words']
"""

from __future__ import annotations

from rulebook.amend.operations import clauses, provisions, words

__all__ = ["BUILTINS"]

#: Every built-in operation, in the order docs/motions.md lists them.
BUILTINS = (*words.BUILTINS, *clauses.BUILTINS, *provisions.BUILTINS)
