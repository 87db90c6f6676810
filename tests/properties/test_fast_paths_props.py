"""The fast paths of loading and applying give what the plain ones give (docs/architecture.md, "Speed").

- phrases found with ``str.find`` are the matches of the whole-word pattern;
- the YAML loader's trimmed resolver gives every node the tag PyYAML's own
  safe loader gives it, and :func:`parse` the values it builds;
- a version made by applying motions (its clauses re-created only on the way
  down to each change, its maps kept when no id moved) has the maps, paths and
  clauses of the same tree indexed from scratch.
"""

from __future__ import annotations

import yaml
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.apply import apply_all
from rulebook.amend.phrases import phrase_pattern, phrase_starts
from rulebook.binding import _changed
from rulebook.errors import ParseError, RulebookError
from rulebook.io.yamlcompose import Loader
from rulebook.io.yamlsrc import parse
from rulebook.model import Version, walk
from rulebook.strategies import motion_sets, rulebooks

# letters, digits and marks that \w and str.isalnum might read differently
_ALPHABET = st.sampled_from("ab1 .,;-'_é²ⅫÅ\u0301")


@given(st.text(_ALPHABET, max_size=40), st.text(_ALPHABET, max_size=6))
def test_phrase_starts_are_the_matches_of_the_pattern(text, phrase):
    expected = [m.start() for m in phrase_pattern(phrase).finditer(text)] if phrase else []
    assert list(phrase_starts(text, phrase)) == expected


# Plain scalars that resolve to every implicit type, and some that nearly do.
_PLAIN = st.sampled_from(
    ["yes", "No", "on", "OFF", "~", "null", "", "0x1F", "0o17", "017", "1_000", "+12", "-3.5e+2", ".inf", "-.Inf",
     ".NaN", "1:30:00", "190:20:30.15", "2016-07-12", "2001-12-14t21:59:43.10-05:00", "true", "TRUE", "True",
     "=", "<<", "15 per cent", "Rule 2.1", "-", ".", "0b101", "1e3", "12:30", "2016-7-1"]
)  # fmt: skip
_KEYS = st.sampled_from(["id", "text", "a b", "1", "~", "2016-07-12"])  # no "yes": True and 1 are one dict key


@st.composite
def _documents(draw: st.DrawFn, depth: int = 0) -> str:
    """YAML text: block and flow collections of plain, quoted and tagged scalars."""
    kind = draw(st.sampled_from(["plain", "quoted", "tagged", "map", "seq", "flow"] if depth < 3 else ["plain"]))
    pad = "  " * depth
    if kind == "plain":
        return draw(_PLAIN)
    if kind == "quoted":
        return repr(draw(_PLAIN)).replace('"', "'")
    if kind == "tagged":
        return f"!!{draw(st.sampled_from(['str', 'int', 'float', 'bool', 'null']))} {draw(_PLAIN)}"
    if kind == "flow":
        return "[" + ", ".join(draw(st.lists(_PLAIN.filter(lambda s: s and s not in "-<<"), max_size=3))) + "]"
    keys = draw(st.lists(_KEYS, min_size=1, max_size=3, unique=True))
    if kind == "map":
        return "\n" + "".join(f"{pad}{k}: {draw(_documents(depth + 1))}\n" for k in keys)
    return "\n" + "".join(f"{pad}- {draw(_documents(depth + 1)).lstrip()}\n" for _ in keys)


def _tags(node: yaml.Node) -> object:
    if isinstance(node, yaml.ScalarNode):
        return node.tag, node.value
    if isinstance(node, yaml.SequenceNode):
        return node.tag, [_tags(n) for n in node.value]
    return node.tag, [(_tags(k), _tags(v)) for k, v in node.value]


@given(_documents())
def test_the_loader_tags_every_node_as_pyyaml_does(text):
    try:
        expected = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return
    got = yaml.compose(text, Loader=Loader)
    assert (_tags(got) if got else None) == (_tags(expected) if expected else None)
    try:
        value = parse(text, "f.yaml")
    except ParseError:
        return  # refused by a limit (a duplicate key, a number that is not finite, ...)
    assert value == _keys_as_text(yaml.load(text, Loader=yaml.SafeLoader))


def _keys_as_text(value: object) -> object:
    """PyYAML's value with mapping keys as text, as :func:`parse` reads them."""
    if isinstance(value, dict):
        return {str(k): _keys_as_text(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_keys_as_text(v) for v in value]
    return value


@given(st.data())
def test_an_amended_version_is_indexed_as_if_built_afresh(data):
    version = data.draw(rulebooks(max_depth=4, max_clauses=16))
    group = data.draw(motion_sets(version, "disjoint", max_size=3))
    amended = apply_all(version, group)
    fresh = Version(amended.rulebook, amended.label, amended.numbering, amended.clauses)
    assert dict(amended.parents) == dict(fresh.parents)
    assert dict(amended.provision_index) == dict(fresh.provision_index)
    for _, clause in walk(amended.clauses):
        assert amended.clause(clause.id) is clause
        assert amended.path(clause.id) == fresh.path(clause.id)
        assert amended.lineage(clause.id) == fresh.lineage(clause.id)


def _changed_plainly(before, after):
    """The oracle: every clause of ``after`` not shared with ``before``, matched by id, parents first."""
    out = []
    by_id = {c.id: c for c in before}
    for clause in after:
        old = by_id.get(clause.id)
        if old is not clause:
            out.append((old, clause))
            out.extend(_changed_plainly(old.children if old is not None else (), clause.children))
    return out


@given(st.data())
def test_the_changed_clauses_are_found_as_by_a_plain_walk(data):
    version = data.draw(rulebooks(max_depth=4, max_clauses=16))
    group = data.draw(motion_sets(version, "any", max_size=3))
    try:
        amended = apply_all(version, group)
    except RulebookError:
        return
    assert _changed(version.clauses, amended.clauses) == _changed_plainly(version.clauses, amended.clauses)
