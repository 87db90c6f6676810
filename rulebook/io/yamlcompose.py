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

from rulebook.errors import ParseError

__all__ = ["IMPLICIT", "STR", "Loader", "compose"]

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


def compose(text: str, file: str) -> yaml.Node | None:
    """The nodes of ``text`` (``None`` when it has none), composed with :class:`Loader`;
    what libyaml refuses is a :class:`ParseError` naming ``file`` and the line.

    Examples
    --------
    >>> compose("a: [1\\n", "f.yaml")
    Traceback (most recent call last):
    ...
    rulebook.errors.ParseError: f.yaml:2: invalid YAML: did not find expected ',' or ']'; check the indentation...
    """
    try:
        return yaml.compose(text, Loader=Loader)  # type: ignore[no-any-return]
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1 if isinstance(exc.position, int) else None
        code = exc.character if isinstance(exc.character, int) else ord(str(exc.character)[:1] or "\0")
        raise ParseError(
            f"invalid YAML: character #x{code:04x} is not allowed in YAML text; remove it",
            file=file,
            line=line,
        ) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        problem = exc.problem or exc.context or "invalid YAML"
        raise ParseError(
            f"invalid YAML: {problem}; check the indentation and quoting there",
            file=file,
            line=mark.line + 1 if mark else None,
        ) from None
    except yaml.YAMLError as exc:
        raise ParseError(f"invalid YAML: {' '.join(str(exc).split())}", file=file) from None
    except UnicodeEncodeError as exc:  # lone surrogates in a str (never in a file read as UTF-8)
        line = text.count("\n", 0, exc.start) + 1
        raise ParseError(f"invalid text: {exc.reason} (character {exc.start + 1})", file=file, line=line) from None
