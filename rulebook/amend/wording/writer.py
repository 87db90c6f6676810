"""Writing amendments back in the conventional wording :func:`parse_wording` reads.

:func:`write_wording` writes every operation in the forms listed in
docs/motions.md, quoting phrases so that they read back exactly.

Examples
--------
>>> from rulebook.amend.motion import OPERATIONS, Amendment
>>> write_wording(Amendment("replace_words", clause="Rule 2", old="15 per cent", new="10 per cent"))
"Rule 2: delete '15 per cent' and insert '10 per cent'"
"""

from __future__ import annotations

import functools
import re
import string
from collections.abc import Callable, Mapping, Sequence
from typing import TYPE_CHECKING, Any

from rulebook.amend.motion import OPERATIONS, Amendment
from rulebook.errors import WordingError
from rulebook.model import Version, thaw
from rulebook.numbering import citation
from rulebook.patterns import LazyPattern

if TYPE_CHECKING:
    import yaml

__all__ = ["KEYWORDS", "flow", "occurrence", "provision_name", "quote", "write_wording"]

#: Words that would be read as keywords where a new clause's id stands.
KEYWORDS = frozenset(("after", "before", "into", "at", "to", "as", "a", "headed", "numbered", "with", "reading"))


def quote(phrase: str) -> str:
    """A phrase in quotes that :func:`parse_wording` reads back exactly: in
    ``'`` unless it holds a single quote mark, then in ``"``; holding both
    kinds, in ``'`` with each single mark doubled.

    Examples
    --------
    >>> print(quote("10 per cent"), quote("the member's fee"), quote('''it's "so"'''))
    '10 per cent' "the member's fee" 'it''s "so"'
    """
    if not any(c in phrase for c in "'‘’"):
        return f"'{phrase}'"
    if not any(c in phrase for c in '"“”'):
        return f'"{phrase}"'
    return "'" + re.sub("(['‘’])", r"\1\1", phrase) + "'"


@functools.cache
def _flow_dumper() -> type[yaml.SafeDumper]:
    """The dumper of :func:`flow`, made when first needed: PyYAML is imported
    only to write (docs/architecture.md, "Speed")."""
    import yaml

    class FlowDumper(yaml.SafeDumper):
        """Dumps values on one line; strings plain only where plain YAML reads them back as the same word."""

    FlowDumper.add_representer(str, _represent_str)
    return FlowDumper


_PLAIN_WORD = LazyPattern(r"^[A-Za-z_][A-Za-z0-9_.-]*$")


def _represent_str(dumper: yaml.SafeDumper, data: str) -> yaml.ScalarNode:
    import yaml

    if _PLAIN_WORD.match(data) and yaml.safe_load(data) == data and not data.endswith("."):
        style = None
    else:
        style = "'" if data.isprintable() else '"'
    return dumper.represent_scalar("tag:yaml.org,2002:str", data, style=style)


def flow(value: Any) -> str:
    """A value as one-line YAML flow text (a string alone is always quoted, so
    that the running text after it cannot be mistaken for part of it).

    Examples
    --------
    >>> flow({"share": 0.1, "of": ["PLP", "EPLP"]})
    '{share: 0.1, of: [PLP, EPLP]}'
    >>> flow("fails")
    "'fails'"
    """
    import yaml

    plain = thaw(value)
    if isinstance(plain, str):
        style = "'" if plain.isprintable() else '"'
        dumper_text = yaml.dump(plain, Dumper=yaml.SafeDumper, default_style=style, width=1 << 30, allow_unicode=True)
        return dumper_text.strip()
    text = yaml.dump(plain, Dumper=_flow_dumper(), default_flow_style=True, width=1 << 30, allow_unicode=True,
                     sort_keys=False)  # fmt: skip
    text = text.strip()
    if text.endswith("..."):
        text = text[:-3].rstrip()
    return text


def occurrence(n: int | str | None) -> str:
    """Which occurrence of a phrase is meant, as written after it (nothing for the only one).

    Examples
    --------
    >>> occurrence(2), occurrence("all"), occurrence(None)
    (' (occurrence 2)', ' (every occurrence)', '')
    """
    if n == "all":
        return " (every occurrence)"
    return "" if n is None else f" (occurrence {n})"


class _Template(string.Formatter):
    """Fills a wording template from an amendment: each field is one of its attributes,
    written as its format spec says (see :func:`write_wording`)."""

    def __init__(self, ref: Callable[[str | None], str]) -> None:
        self.ref = ref

    def get_value(self, key: int | str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> Any:
        return getattr(args[0], str(key))

    def format_field(self, value: Any, format_spec: str) -> str:
        if format_spec == "ref":
            return self.ref(value)
        if format_spec == "quote":
            return quote(value or "")
        if format_spec == "occurrence":
            return occurrence(value)
        if format_spec == "flow":
            return flow(value)
        if format_spec == "name":
            return provision_name(value or "")
        if format_spec:
            raise WordingError(f"unknown format {format_spec!r} in a wording template; use ref, quote, occurrence, "
                               "flow or name")  # fmt: skip
        return "" if value is None else str(value)


def write_wording(amendment: Amendment, version: Version | None = None) -> str:
    """The conventional English for an amendment; with ``version``, clause ids
    are written as their citations in it (references that are not ids of
    ``version`` are written as they are).

    Each operation declares its wording (:class:`~rulebook.amend.motion.Operation`):
    a function of the amendment and of ``ref`` (which writes a clause reference), or
    a template whose fields are the amendment's attributes, each written as its
    format spec says: ``ref`` a clause reference, ``quote`` a phrase in quotes,
    ``occurrence`` `` (occurrence N)`` when one is given, ``flow`` a value as YAML
    flow text, ``name`` a provision name; with no spec, as it is.

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

    operation = OPERATIONS.get(amendment.op)
    wording = operation.wording if operation is not None else None
    if wording is None:
        raise WordingError(f"no conventional wording for operation {amendment.op!r}")
    if isinstance(wording, str):
        return _Template(ref).format(wording, amendment)
    return wording(amendment, ref)


def provision_name(name: str) -> str:
    """A provision's name as wordings write it: plain, or quoted when it holds spaces or marks.

    Examples
    --------
    >>> print(provision_name("nec.tie"), provision_name("the tie"))
    nec.tie 'the tie'
    """
    plain = name and not re.search(r"[\s,;:()'\"‘’“”]", name) and not name.endswith(".")
    return name if plain else quote(name)
