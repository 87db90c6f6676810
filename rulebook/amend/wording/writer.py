"""Writing amendments back in the conventional wording :func:`parse_wording` reads.

:func:`write_wording` writes every operation in the forms listed in
docs/motions.md, quoting phrases so that they read back exactly.

Examples
--------
>>> from rulebook.amend.motion import Amendment
>>> write_wording(Amendment("replace_words", clause="Rule 2", old="15 per cent", new="10 per cent"))
"Rule 2: delete '15 per cent' and insert '10 per cent'"
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Any

import yaml

from rulebook.amend.motion import Amendment
from rulebook.amend.wording.reader import names_number
from rulebook.errors import WordingError
from rulebook.io.rulebook import clause_data
from rulebook.model import Clause, Version, thaw
from rulebook.numbering import citation

__all__ = ["write_wording"]

#: Words that would be read as keywords where a new clause's id stands.
KEYWORDS = frozenset(("after", "before", "into", "at", "to", "as", "a", "headed", "numbered", "with", "reading"))


def _quote(phrase: str) -> str:
    """A phrase in quotes that :func:`parse_wording` reads back exactly: in
    ``'`` unless it holds a single quote mark, then in ``"``; holding both
    kinds, in ``'`` with each single mark doubled.

    Examples
    --------
    >>> print(_quote("10 per cent"), _quote("the member's fee"), _quote('''it's "so"'''))
    '10 per cent' "the member's fee" 'it''s "so"'
    """
    if not any(c in phrase for c in "'‘’"):
        return f"'{phrase}'"
    if not any(c in phrase for c in '"“”'):
        return f'"{phrase}"'
    return "'" + re.sub("(['‘’])", r"\1\1", phrase) + "'"


class _FlowDumper(yaml.SafeDumper):
    """Dumps values on one line; strings plain only where plain YAML reads them back as the same word."""


_PLAIN_WORD = re.compile(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    if _PLAIN_WORD.match(data) and yaml.safe_load(data) == data and not data.endswith("."):
        style = None
    else:
        style = "'" if data.isprintable() else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


_FlowDumper.add_representer(str, _represent_str)


def _flow(value: Any) -> str:
    """A value as one-line YAML flow text (a string alone is always quoted, so
    that the running text after it cannot be mistaken for part of it).

    Examples
    --------
    >>> _flow({"share": 0.1, "of": ["PLP", "EPLP"]})
    '{share: 0.1, of: [PLP, EPLP]}'
    >>> _flow("fails")
    "'fails'"
    """
    plain = thaw(value)
    if isinstance(plain, str):
        style = "'" if plain.isprintable() else '"'
        dumper_text = yaml.dump(plain, Dumper=yaml.SafeDumper, default_style=style, width=1 << 30, allow_unicode=True)
        return dumper_text.strip()
    text = yaml.dump(plain, Dumper=_FlowDumper, default_flow_style=True, width=1 << 30, allow_unicode=True,
                     sort_keys=False)  # fmt: skip
    text = text.strip()
    if text.endswith("..."):
        text = text[:-3].rstrip()
    return text


def _occurrence(n: int | str | None) -> str:
    if n == "all":
        return " (every occurrence)"
    return "" if n is None else f" (occurrence {n})"


def write_wording(amendment: Amendment, version: Version | None = None) -> str:
    """The conventional English for an amendment; with ``version``, clause ids
    are written as their citations in it (references that are not ids of
    ``version`` are written as they are).

    Examples
    --------
    >>> write_wording(Amendment("insert_words", clause="fees", after="5 pounds", words="a year"))
    "fees: after '5 pounds' insert 'a year'"
    >>> write_wording(Amendment("move_clause", clause="fees", before="members"))
    'move clause fees before members'
    >>> write_wording(Amendment("set_provision", clause="fees", name="fee", value=5))
    'fees: set provision fee to 5'
    """

    def ref(r: str | None) -> str:
        r = r or ""
        if version is not None and r in version:
            return citation(version, r)
        return r

    a = amendment
    op = a.op
    if op == "replace_words" and a.throughout:
        return f"replace {_quote(a.old or '')} with {_quote(a.new or '')} throughout the rule book"
    if op == "replace_words" and a.part == "heading":
        old = _quote(a.old or "") + _occurrence(a.occurrence)
        return f"Amend the heading of {ref(a.clause)}: replace {old} with {_quote(a.new or '')}"
    if op == "replace_words":
        old = _quote(a.old or "") + _occurrence(a.occurrence)
        return f"{ref(a.clause)}: delete {old} and insert {_quote(a.new or '')}"
    if op == "delete_words":
        return f"{ref(a.clause)}: delete {_quote(a.words or '')}{_occurrence(a.occurrence)}"
    if op == "insert_words" and a.at is not None:
        return f"{ref(a.clause)}: at the {'start' if a.at == 'start' else 'end'} insert {_quote(a.words or '')}"
    if op == "insert_words":
        where, anchor = ("after", a.after) if a.after is not None else ("before", a.before)
        at = _quote(anchor or "") + _occurrence(a.occurrence)
        return f"{ref(a.clause)}: {where} {at} insert {_quote(a.words or '')}"
    if op == "replace_text":
        if (a.text, a.heading) == ("", None) or (a.text, a.heading) == (None, ""):
            return f"{ref(a.clause)}: delete the {'text' if a.text == '' else 'heading'}"
        parts = []
        if a.text is not None:
            parts.append(f"the text with {_quote(a.text)}")
        if a.heading is not None:
            parts.append(f"the heading with {_quote(a.heading)}")
        return f"{ref(a.clause)}: replace " + " and ".join(parts or ["the text with ''"])
    if op == "insert_clause":
        return _write_insert_clause(a, ref, version)
    if op == "delete_clause":
        cited = ref(a.clause)
        # "delete clause 17" keeps "clause" as part of the citation (docs/motions.md)
        return f"delete {cited}" if names_number(cited) else f"delete clause {cited}"
    if op == "move_clause":
        where, anchor = a.anchor or ("after", "")
        place = "to the end of" if where == "into" else where
        return f"move clause {ref(a.clause)} {place} {ref(anchor)}"
    if op == "set_provision":
        return f"{ref(a.clause)}: set provision {_name(a.name or '')} to {_flow(a.value)}"
    if op == "remove_provision":
        return f"{ref(a.clause)}: remove provision {_name(a.name or '')}"
    raise WordingError(f"no conventional wording for operation {op!r}")


def _name(name: str) -> str:
    plain = name and not re.search(r"[\s,;:()'\"‘’“”]", name) and not name.endswith(".")
    return name if plain else _quote(name)


def _write_insert_clause(a: Amendment, ref: Callable[[str | None], str], version: Version | None) -> str:
    clause = a.new_clause or Clause("")
    where, anchor = a.anchor or ("after", "")
    place = "at the end of" if where == "into" else where
    cid = clause.id
    named = cid.lower() in KEYWORDS or names_number(cid)
    head = f"insert new clause with id {cid}" if named else f"insert new clause {cid}"
    if a.numbered is not None:
        # named by the citation it will have, as printed motions name it; the id stays in the
        # structured fields (docs/drafting.md)
        head = f"insert new {_unit(a, version)}"
    parts = [head]
    if clause.heading is not None:
        parts.append(f"headed {_quote(clause.heading)}")
    if clause.number is not None:
        parts.append(f"numbered {_quote(clause.number)}")
    parts.append(f"{place} {ref(anchor)}")
    if a.numbered is not None:
        parts.append(f"as {a.numbered}")
    out = " ".join(parts)
    if clause.text is not None:
        out += f": {_quote(clause.text)}"
    if clause.provisions:
        out += f" with provisions {_flow(clause.provisions)}"
    if clause.children:
        children = [clause_data(c) for c in clause.children]
        out += f" with sub-clauses {_flow(_unnamed(children) if a.numbered is not None else children)}"
    return out


def _unnamed(items: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """Sub-clauses as data without their ids, which the reader derives (docs/drafting.md)."""
    return [{k: (_unnamed(v) if k == "clauses" else v) for k, v in item.items() if k != "id"} for item in items]


def _depth(a: Amendment, version: Version | None) -> int | None:
    """How deep the new clause will sit (0 at the top), when ``version`` holds its anchor."""
    where, anchor = a.anchor or ("after", "")
    if version is None or anchor not in version:
        return None
    return len(version.path(anchor)) - (0 if where == "into" else 1)


def _unit(a: Amendment, version: Version | None) -> str:
    return "sub-clause" if (_depth(a, version) or 0) > 0 else "clause"
