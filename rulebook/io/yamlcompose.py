"""libyaml's safe composer (PyYAML's, where libyaml is missing), its resolver
cut to what a plain file uses: :mod:`rulebook.io.yamlsrc` composes every file with it.

The composer asks the resolver about every node. PyYAML's own resolver also
tracks the path of each node, for path resolvers that this loader never
registers (nor does it register resolvers for any first character, ``None``).
Tracking nothing, and resolving a scalar with one look-up by its first
character, gives the same tags in less time (docs/architecture.md, "Speed").

Examples
--------
>>> node = yaml.compose("a: yes\\nb: '5'\\nc: 2016-07-12\\n", Loader=Loader)
>>> [(k.value, v.tag.rsplit(":", 1)[1]) for k, v in node.value]
[('a', 'bool'), ('b', 'str'), ('c', 'timestamp')]
"""

from __future__ import annotations

import operator
from typing import Any

import yaml

__all__ = ["IMPLICIT", "STR", "Loader"]

#: The tag of plain text, the most common value by far.
STR = "tag:yaml.org,2002:str"

_BaseLoader: Any = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
#: The implicit resolvers by first character: the tag of a plain scalar is the
#: first whose pattern matches, else :data:`STR` (``io/yamlblock.py`` reads it too).
IMPLICIT: dict[str | None, list[tuple[str, Any]]] = _BaseLoader.yaml_implicit_resolvers


class Loader(_BaseLoader):  # type: ignore[misc]
    """The safe loader whose resolver tracks no paths (see the module doc)."""

    # Called for every node with (parent, index) and () respectively: builtins
    # that ignore what they are given, so that no Python frame is entered.
    descend_resolver = operator.is_
    ascend_resolver = tuple

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if implicit[0]:
                for tag, regexp in IMPLICIT.get(value[:1], ()):
                    if regexp.match(value):
                        return tag  # type: ignore[no-any-return]
            return STR
        return str(super().resolve(kind, value, implicit))
