"""Inputs for the fuzz tests: real files to start from, and ways to break them.

Text mutations work on characters (insert YAML punctuation, delete, duplicate,
swap lines, inject tags and aliases); structural mutations work on the parsed
data (replace a value by one of another type, delete a key, misspell a key,
add an unknown one) and dump it again, so they reach deeper than the parser.
"""

from __future__ import annotations

import copy
from pathlib import Path
from typing import Any

import yaml
from hypothesis import strategies as st

from rulebook.errors import RulebookError

ROOT = Path(__file__).resolve().parents[2]
CLUB = ROOT / "tests" / "data" / "club.yaml"
LABOUR = ROOT / "rules" / "labour"


def _read(*paths: Path) -> tuple[str, ...]:
    return tuple(p.read_text(encoding="utf-8") for p in paths if p.is_file())


BOOKS = _read(CLUB, ROOT / "tests" / "data" / "acceptance" / "club.yaml")
MOTIONS = _read(*sorted((LABOUR / "motions").glob("*.yaml")), *sorted((LABOUR / "rulings").glob("*.yaml"))) + (
    'motion: raise\nbase: "1"\ntitle: Raise the fee\ndate: 2021-05-01\namendments:\n'
    '  - {op: replace_words, clause: "Rule 2.2", old: "15 pounds", new: "20 pounds"}\n'
    "  - {wording: \"Rule 2.3: delete 'by March' and insert 'by April'\"}\n"
    "  - {op: insert_clause, after: Rule 3.1, clause: {id: committee.term, text: Two years., provisions: {t: 2}}}\n"
    "  - {op: set_provision, clause: Rule 3.2, name: committee.tie, value: fails}\n"
    "  - {op: move_clause, clause: Rule 2.3, before: Rule 2.1}\n"
    "  - {op: delete_words, clause: Rule 1, words: Model, occurrence: 1}\n",
)
HISTORIES = _read(LABOUR / "history.yaml") + (
    'versions:\n  - {version: "2", effective: 2021-01-01, from: "1", motions: [m.yaml]}\n',
)
WORDINGS = (
    "Rule 2.2: delete '15 pounds' and insert '20 pounds'",
    "Rule 2.3: delete 'by March'",
    "Rule 1: after 'Model' insert 'Sports'",
    "Rule 1: before 'Club' insert 'Sports'",
    "insert new clause committee.term after Rule 3.1: 'Two years.' with provisions {term: 2}",
    "delete clause Rule 3.2",
    "Chapter 4, Clause II.2.B.i: delete '15 per cent' and insert '10 per cent'",
    "Rule 3.2: set provision committee.tie to 'fails'",
)

#: Pieces of YAML (and of things YAML must not do) that text mutations insert.
NOISE = (
    ":", "-", "- ", " ", "  ", "\n", "\n  ", "[", "]", "{", "}", ",", "'", '"', "&a ", "*a", "&a [x, x]", "#",
    "|", ">", "? ", "\t", "~", "null", "0x1F", "1e999", ".nan", "-.inf", "2016-02-30", "2016-01-01 12:00:00",
    "<<: *a", "%YAML 1.1\n", "---\n", "...\n", "\x00", "\x7f", "\u2028", "\ufeff", "é", "\U0001f600",
    "!!python/object/apply:os.system ['false']", "!!python/name:os.system", "!!binary aGk=", "!!set {a}",
    "!local x", "[[", "]]", "[[gone]]", "{n}", "99999999999999999999999", "yes", "on", "=",
    # hostile values (docs/limits.md): bad standard tags, huge numbers, escapes, unselectable labels
    "!!bool abc", '!!int ""', '!!float ""', '!!timestamp ""', "!!str [x]", "!!map x", "0x" + "f" * 1200,
    "0b" + "1" * 400, "1:" * 200 + "1.5", "9" * 5000, "\r", "\x1b[2J", "\x85", "@", "../../etc/passwd",
)  # fmt: skip

_SCALARS = (
    st.none()
    | st.booleans()
    | st.integers(-(2**70), 2**70)
    | st.floats(allow_nan=True)
    | st.text(max_size=12)
    | st.dates()
    | st.sampled_from(("arabic", "Rule {n}", "[[c1]]", "Rule 1", "replace_words", "members.fees", ""))
)
VALUES = st.recursive(
    _SCALARS,
    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3),
    max_leaves=6,
)


@st.composite
def mutated_text(draw: st.DrawFn, seeds: tuple[str, ...]) -> str:
    """One of ``seeds`` with one to four character-level mutations."""
    text = draw(st.sampled_from(seeds))
    for _ in range(draw(st.integers(1, 4))):
        i = draw(st.integers(0, len(text)))
        j = draw(st.integers(i, min(len(text), i + 40)))
        how = draw(st.sampled_from(("insert", "delete", "duplicate", "replace", "swap-lines", "truncate")))
        if how == "insert":
            text = text[:i] + draw(st.sampled_from(NOISE) | st.text(max_size=4)) + text[i:]
        elif how == "delete":
            text = text[:i] + text[j:]
        elif how == "duplicate":
            text = text[:j] + text[i:j] + text[j:]
        elif how == "replace":
            text = text[:i] + draw(st.sampled_from(NOISE)) + text[j:]
        elif how == "truncate":
            text = text[:i]
        else:
            lines = text.split("\n")
            a = draw(st.integers(0, len(lines) - 1))
            b = draw(st.integers(0, len(lines) - 1))
            lines[a], lines[b] = lines[b], lines[a]
            text = "\n".join(lines)
    return text


def _slots(data: Any, out: list[tuple[Any, Any]]) -> list[tuple[Any, Any]]:
    """Every (container, key or index) in a parsed document."""
    if isinstance(data, dict):
        for key, value in data.items():
            out.append((data, key))
            _slots(value, out)
    elif isinstance(data, list):
        for i, value in enumerate(data):
            out.append((data, i))
            _slots(value, out)
    return out


@st.composite
def restructured(draw: st.DrawFn, seeds: tuple[str, ...]) -> str:
    """One of ``seeds``, parsed, with one to three structural changes, dumped again."""
    data = copy.deepcopy(yaml.safe_load(draw(st.sampled_from(seeds))))
    for _ in range(draw(st.integers(1, 3))):
        slots = _slots(data, [])
        if not slots:
            break
        holder, key = draw(st.sampled_from(slots))
        how = draw(st.sampled_from(("value", "delete", "misspell", "extra", "twin")))
        if how == "value" or not isinstance(holder, dict):
            if how == "delete" and isinstance(holder, list):
                del holder[key]
            else:
                holder[key] = draw(VALUES)
        elif how == "delete":
            del holder[key]
        elif how == "misspell":
            value = holder.pop(key)
            holder[str(key)[:-1] + draw(st.sampled_from("aexs_"))] = value
        elif how == "extra":
            holder[draw(st.text(min_size=1, max_size=8))] = draw(VALUES)
        else:  # the same subtree twice: duplicate ids and provisions
            container = next((v for v in holder.values() if isinstance(v, list) and v), None)
            if container is not None:
                container.append(copy.deepcopy(container[0]))
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False)


def inputs(seeds: tuple[str, ...]) -> st.SearchStrategy[str]:
    """Generated and mutated inputs for one loader."""
    return (
        mutated_text(seeds) | restructured(seeds) | st.text(max_size=200) | st.builds(yaml.safe_dump, VALUES).map(str)
    )


def assert_located(exc: RulebookError, file: str) -> None:
    """A loader's error names the file, is one line, and says something."""
    message = str(exc)
    assert message.startswith(file), message
    assert "\n" not in message, message
    assert len(message) > len(file) + 5, message
