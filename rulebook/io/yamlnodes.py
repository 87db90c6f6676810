"""libyaml's nodes turned into located values: the full path of
:func:`rulebook.io.yamlsrc.parse`, and the plain scalars :mod:`rulebook.io.yamlplain`
leaves to PyYAML's constructors. Only these paths import PyYAML
(docs/architecture.md, "Speed").

Examples
--------
>>> from rulebook.io.yamlcompose import compose
>>> from rulebook.io.yamlsrc import Mapping, Seq
>>> source = Source("f.yaml", Mapping, Seq, max_depth=200, max_nodes=1000, max_aliased=100)
>>> doc = source.value(compose("a: 0x1F\\nb: [x, 1:30]\\n", "f.yaml"))
>>> doc, doc.line_of("b"), type(doc).__name__
({'a': 31, 'b': ['x', 90]}, 2, 'Mapping')
>>> source.plain("tag:yaml.org,2002:float", "-.inf", 3)
Traceback (most recent call last):
...
rulebook.errors.ParseError: f.yaml:3: number '-.inf' is not finite; a rule book counts with finite numbers, write one
"""

from __future__ import annotations

from typing import Any

import yaml

from rulebook.errors import ParseError
from rulebook.io.yamlcompose import STR as _STR
from rulebook.io.yamlplain import bounded, too_long, unreadable

__all__ = ["Source"]

_SAFE_TAGS = {
    "tag:yaml.org,2002:str",
    "tag:yaml.org,2002:int",
    "tag:yaml.org,2002:float",
    "tag:yaml.org,2002:bool",
    "tag:yaml.org,2002:null",
    "tag:yaml.org,2002:timestamp",
    "tag:yaml.org,2002:map",
    "tag:yaml.org,2002:seq",
}

_COLLECTION_TAGS = {"tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"}
_KINDS = {
    "tag:yaml.org,2002:str": "text",
    "tag:yaml.org,2002:int": "a number",
    "tag:yaml.org,2002:float": "a number",
    "tag:yaml.org,2002:bool": "true or false",
    "tag:yaml.org,2002:null": "an empty value",
    "tag:yaml.org,2002:timestamp": "a date",
}


class Source:
    """Turns the nodes of one file into located values: ``mapping`` and ``seq``
    (``yamlsrc.Mapping`` and ``Seq``, given by :mod:`rulebook.io.yamlsrc`, which
    imports this module only when it needs it), within the limits it gives
    (docs/limits.md)."""

    def __init__(
        self, file: str, mapping: type[Any], seq: type[Any], *, max_depth: int, max_nodes: int, max_aliased: int
    ) -> None:
        self.file = file
        self.mapping_type, self.seq_type = mapping, seq
        self.max_depth, self.max_nodes, self.max_aliased = max_depth, max_nodes, max_aliased
        self._constructor = yaml.constructor.SafeConstructor()  # its scalar constructors; a whole loader is a cycle
        self._count = 0
        self._aliased = 0
        self._seen: set[int] = set()

    def value(self, node: yaml.Node, depth: int = 0, aliased: bool = False) -> Any:
        line = node.start_mark.line + 1
        if depth > self.max_depth:
            raise ParseError(
                f"nesting deeper than {self.max_depth} levels; flatten the file", file=self.file, line=line
            )
        self._count += 1
        if self._count > self.max_nodes:
            raise ParseError(
                f"more than {self.max_nodes} values (aliases expand each time they are used); split the file",
                file=self.file,
                line=line,
            )
        tag = node.tag
        kind = type(node)
        if tag == _STR and kind is yaml.ScalarNode and not aliased:
            return node.value  # most values are plain text: what SafeConstructor would build, without its calls
        if tag not in _SAFE_TAGS:
            raise ParseError(f"YAML tag {tag!r} is not allowed; use plain values", file=self.file, line=line)
        if kind is not yaml.ScalarNode:
            if tag != ("tag:yaml.org,2002:map" if kind is yaml.MappingNode else "tag:yaml.org,2002:seq"):
                raise ParseError(
                    f"YAML tag {_short(tag)} does not fit this value; use plain values", file=self.file, line=line
                )
            aliased = aliased or id(node) in self._seen  # the composer shares an aliased node
            self._seen.add(id(node))
        if aliased:
            self._aliased += 1
            if self._aliased > self.max_aliased:
                raise ParseError(
                    f"aliases ('*name') expand to more than {self.max_aliased} values; write the values out",
                    file=self.file,
                    line=line,
                )
        if kind is yaml.MappingNode:
            return self._mapping(node, line, depth, aliased)
        if kind is yaml.SequenceNode:
            seq = self.seq_type()
            seq.file, seq.line, seq.lines = self.file, line, []
            append, append_line, value = seq.append, seq.lines.append, self.value
            fast, scalar, max_nodes = (
                not aliased and depth < self.max_depth,
                yaml.ScalarNode,
                self.max_nodes,
            )  # as in _mapping
            for item in node.value:
                if fast and item.tag == _STR and type(item) is scalar and self._count < max_nodes:
                    self._count += 1
                    append(item.value)
                else:
                    append(value(item, depth + 1, aliased))
                append_line(item.start_mark.line + 1)
            return seq
        return self.scalar(node, line)

    def _mapping(self, node: yaml.Node, line: int, depth: int, aliased: bool) -> Any:
        out = self.mapping_type()
        lines: dict[str, int] = {}
        out.file, out.line, out.lines = self.file, line, lines
        value, scalar, max_nodes = self.value, yaml.ScalarNode, self.max_nodes
        # Plain text under an unaliased collection within the depth limit is what
        # value() would return as it is, counted as it would count it: taken here,
        # without a call per node (most values in a rule book are plain text).
        fast = not aliased and depth < self.max_depth
        for key_node, value_node in node.value:
            kline = key_node.start_mark.line + 1
            if fast and key_node.tag == _STR and type(key_node) is scalar and self._count < max_nodes:
                self._count += 1
                key = key_node.value
            else:
                if key_node.tag == "tag:yaml.org,2002:merge":
                    raise ParseError(
                        "YAML merge keys ('<<') are not supported; write the keys out", file=self.file, line=kline
                    )
                key = value(key_node, depth + 1, aliased)
                if type(key) is not str:
                    if isinstance(key, dict | list):
                        raise ParseError("a mapping key must be plain text", file=self.file, line=kline)
                    key = str(key)
            if key in out:
                raise ParseError(
                    f"key {key!r} appears twice in this mapping (first on line {lines[key]}); keep one",
                    file=self.file,
                    line=kline,
                )
            if fast and value_node.tag == _STR and type(value_node) is scalar and self._count < max_nodes:
                self._count += 1
                out[key] = value_node.value
            else:
                out[key] = value(value_node, depth + 1, aliased)
            lines[key] = kline
        return out

    def plain(self, tag: str, text: str, line: int) -> Any:
        """A plain scalar of ``tag`` on ``line``, as :meth:`value` builds it (for the forms
        :mod:`rulebook.io.yamlplain` leaves to PyYAML)."""
        mark = yaml.Mark(self.file, 0, line - 1, 0, "", 0)
        return self.value(yaml.ScalarNode(tag, text, mark, mark))

    def scalar(self, node: yaml.Node, line: int) -> Any:
        """A plain value, its tag checked against its kind and numbers bounded
        (docs/limits.md): PyYAML's constructors raise all sorts of exceptions on
        values such as ``!!bool abc`` or ``!!int ""``, so every failure is caught here."""
        kind = _KINDS.get(node.tag, "value")
        if not isinstance(node, yaml.ScalarNode) or node.tag in _COLLECTION_TAGS:
            raise ParseError(
                f"YAML tag {_short(node.tag)} does not fit this value; use plain values", file=self.file, line=line
            )
        text = node.value
        if kind == "a number":
            too_long(text, self.file, line)
        try:
            value = self._constructor.construct_object(node)
        except (yaml.YAMLError, ValueError, TypeError, KeyError, IndexError, AttributeError, OverflowError) as exc:
            why = str(exc) if isinstance(exc, ValueError) and str(exc) else f"not {kind}"
            raise unreadable(text, why, self.file, line) from None
        return bounded(value, text, self.file, line)


def _short(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")
