"""Load scenario files (docs/questions.md): a question, its facts, the version
to ask it of, and what the answer is expected to be.

```yaml
scenario: incumbent-challenged-2016
rulebook: ../rules/labour@2016-07-01   # relative to this file
motions: []                            # paths relative to this file, or inline motions
question: leadership.ballot
facts: {vacancy: false, ...}           # or a path to a YAML file of facts
expect: {status: undetermined}         # dotted paths into the answer's JSON
compare: {rulebook: ../rules/labour@2016-07-13, expect: {same: false}}
```

Everything is resolved when the file is loaded: the versions, their
ancestors, and the motions; errors name the scenario file and line.

Examples
--------
>>> import pathlib, tempfile
>>> tmp = tempfile.TemporaryDirectory()
>>> d = pathlib.Path(tmp.name)
>>> _ = (d / "book.yaml").write_text('''
... rulebook: club
... version: "1"
... numbering: [{style: arabic, label: "Rule {n}"}]
... clauses: [{id: fee, text: "Five pounds.", provisions: {fees.annual: 5}}]
... ''')
>>> _ = (d / "fee.yaml").write_text('''
... scenario: fee
... rulebook: book.yaml
... question: provision
... facts: {name: fees.annual}
... expect: {answer.value: 5}
... ''')
>>> s = load_file(d / "fee.yaml")
>>> s.name, s.left.version.label, s.expect[0].path, s.expect[0].line
('fee', '1', 'answer.value', 6)
>>> tmp.cleanup()
"""

from __future__ import annotations

import re
from collections.abc import Mapping as AbcMapping
from pathlib import Path
from typing import Any

import attrs

from rulebook.amend.motion import Motion
from rulebook.errors import RulebookError, SchemaError, clip
from rulebook.history import History, load_history, split_spec
from rulebook.io import motions as motion_io
from rulebook.io.files import path_kind
from rulebook.io.yamlsrc import Mapping, Seq, read
from rulebook.model import Version, freeze

__all__ = ["DEFAULT_TOLERANCE", "Expectation", "Scenario", "Side", "load_file", "looks_like_scenario"]

#: Largest difference at which two non-integer numbers still match, unless a scenario sets ``tolerance``.
DEFAULT_TOLERANCE = 1e-9

_KEYS = ("scenario", "title", "description", "note", "rulebook", "motions", "question", "facts", "expect",
         "compare", "tolerance")  # fmt: skip
_COMPARE_KEYS = ("rulebook", "motions", "expect")
_SCENARIO_LINE = re.compile(r"^scenario\s*:", re.MULTILINE)


@attrs.frozen
class Expectation:
    """One expected value: a dotted path into the JSON answer (or comparison) and the value.

    Examples
    --------
    >>> Expectation("answer.on_ballot", ["Ann"], line=7)
    Expectation(path='answer.on_ballot', value=('Ann',), line=7)
    """

    path: str
    value: Any = attrs.field(converter=freeze)
    line: int | None = None


@attrs.frozen
class Side:
    """A version to ask the question of: the version named, its ancestors, and motions to apply first.

    Examples
    --------
    >>> from rulebook.model import Clause, Level
    >>> old = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="Five pounds.")])
    >>> new = Version("club", "2", old.numbering, [Clause("fee", text="Six pounds.")])
    >>> side = Side("rules@2", new, ancestors=(old,))
    >>> list(side.bases), side.motions
    (['2', '1'], ())
    """

    spec: str
    version: Version
    ancestors: tuple[Version, ...] = ()
    motions: tuple[Motion, ...] = ()

    @property
    def bases(self) -> dict[str, Version]:
        """The version and its ancestors by label: where the motions' bases are found."""
        return {v.label: v for v in (self.version, *self.ancestors)}


@attrs.frozen
class Scenario:
    """A loaded scenario file: the question, facts, version(s) and expectations.

    ``left`` is the version the question is asked of; ``right`` the one it is
    compared with (None without ``compare``), and ``compare_expect`` what the
    comparison must show.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> d = Path(tmp.name)
    >>> _ = (d / "book.yaml").write_text('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "Five pounds.", provisions: {fees.annual: 5}}]
    ... ''')
    >>> _ = (d / "fee.yaml").write_text('''
    ... scenario: fee
    ... rulebook: book.yaml
    ... question: provision
    ... facts: {name: fees.annual}
    ... expect: {answer.value: 5}
    ... compare:
    ...   motions:
    ...     - motion: raise
    ...       base: "1"
    ...       amendments: [{op: set_provision, clause: fee, name: fees.annual, value: 6}]
    ...   expect: {changed: [answer.value]}
    ... ''')
    >>> s = load_file(d / "fee.yaml")
    >>> s.name, s.question, s.facts["name"], s.line, s.question_line
    ('fee', 'provision', 'fees.annual', 2, 4)
    >>> s.left.spec, s.right.spec, [m.id for m in s.right.motions]
    ('book.yaml', 'book.yaml + motions', ['raise'])
    >>> s.compare_expect
    (Expectation(path='changed', value=('answer.value',), line=12),)
    >>> tmp.cleanup()
    """

    name: str
    file: str
    line: int
    question: str
    facts: Any
    left: Side
    expect: tuple[Expectation, ...] = ()
    right: Side | None = None
    compare_expect: tuple[Expectation, ...] = ()
    title: str | None = None
    tolerance: float = DEFAULT_TOLERANCE
    question_line: int | None = None


def looks_like_scenario(path: str | Path) -> bool:
    """Whether a YAML file has a top-level ``scenario:`` key (read cheaply, without parsing).

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> d = Path(tmp.name)
    >>> _ = (d / "book.yaml").write_text('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "Five pounds.", provisions: {fees.annual: 5}}]
    ... ''')
    >>> _ = (d / "fee.yaml").write_text('''
    ... scenario: fee
    ... rulebook: book.yaml
    ... question: provision
    ... facts: {name: fees.annual}
    ... expect: {answer.value: 5}
    ... ''')
    >>> looks_like_scenario(d / "fee.yaml"), looks_like_scenario(d / "book.yaml")
    (True, False)
    >>> looks_like_scenario(d / "missing.yaml")
    False
    >>> tmp.cleanup()
    """
    try:
        with open(path, encoding="utf-8", errors="replace") as handle:
            head = handle.read(1_000_000)
    except OSError:
        return False
    return bool(_SCENARIO_LINE.search(head))


def _histories_key(path: Path) -> str:
    try:
        return str(path.resolve())
    except (OSError, ValueError):  # a NUL, a name too long: load_history says what is wrong with it
        return str(path)


def _side(spec: str, doc: Mapping, key: str, here: Path, histories: dict[str, History]) -> Side:
    raw_path, selector = split_spec(spec)
    target = here / raw_path
    cache_key = _histories_key(target)
    try:
        if cache_key not in histories:
            histories[cache_key] = load_history(target)
        history = histories[cache_key]
        version = history.select(selector)
    except RulebookError as exc:
        raise SchemaError(
            f"rulebook {clip(spec)!r} (resolved to {clip(str(target))}): {exc}", file=doc.file, line=doc.line_of(key)
        ) from None
    return Side(spec, version, tuple(history.ancestors(version.label)))


def _motions(value: Any, doc: Mapping, key: str, here: Path) -> tuple[Motion, ...]:
    if value is None:
        return ()
    if not isinstance(value, Seq):
        raise doc.error(f"{key!r} must be a list of motion files (relative to this file) or inline motions", key)
    out: list[Motion] = []
    for i, item in enumerate(value):
        if isinstance(item, str):
            path = here / item
            if path_kind(path) != "file":
                raise SchemaError(
                    f"motion file {item!r} not found (looked for {path})", file=value.file, line=value.line_of(i)
                )
            out.extend(motion_io.load_file(path))
        elif isinstance(item, Mapping):
            out.extend(motion_io.from_data(item, value.file))
        else:
            raise SchemaError(
                "a motion is a file path or an inline motion mapping", file=value.file, line=value.line_of(i)
            )
    ids = [m.id for m in out]
    for i, mid in enumerate(ids):
        if mid in ids[:i]:
            raise doc.error(f"motion {mid!r} is listed twice; list each motion once", key)
    return tuple(out)


def _expectations(value: Any, doc: Mapping, key: str) -> tuple[Expectation, ...]:
    if value is None:
        return ()
    if not isinstance(value, Mapping):
        raise doc.error(f"{key!r} must map dotted paths (status, answer.on_ballot, ...) to expected values", key)
    return tuple(Expectation(str(path), expected, value.line_of(path)) for path, expected in value.items())


def _facts(value: Any, doc: Mapping, here: Path) -> Any:
    if value is None:
        return {}
    if isinstance(value, str):
        path = here / value
        if path_kind(path) != "file":
            raise doc.error(f"facts file {value!r} not found (looked for {path})", "facts")
        value = read(path)
    if not isinstance(value, AbcMapping):
        raise doc.error(
            "'facts' must be a mapping of fact names to values (or a path to a YAML file of facts)", "facts"
        )
    return value


def from_data(doc: Any, file: str, histories: dict[str, History] | None = None) -> Scenario:
    """A scenario from located YAML data read from ``file``."""
    histories = {} if histories is None else histories
    if not isinstance(doc, Mapping):
        raise SchemaError("a scenario file is a mapping with 'scenario', 'rulebook' and 'question'", file=file, line=1)
    doc.check_keys(_KEYS, ("scenario", "rulebook", "question"), what="scenario")
    name = doc["scenario"]
    if isinstance(name, bool) or not isinstance(name, str | int | float):
        raise doc.error("'scenario' must be the scenario's name", "scenario")
    here = Path(file).parent
    spec = doc.get_typed("rulebook", str, f"scenario {name}")
    left = _side(spec, doc, "rulebook", here, histories)
    left = attrs.evolve(left, motions=_motions(doc.get("motions"), doc, "motions", here))
    tolerance = doc.get_typed("tolerance", (int, float), f"scenario {name}", default=DEFAULT_TOLERANCE)
    if tolerance < 0:
        raise doc.error("'tolerance' must be 0 or more", "tolerance")
    right = None
    compare_expect: tuple[Expectation, ...] = ()
    spec_compare = doc.get("compare")
    if spec_compare is not None:
        if not isinstance(spec_compare, Mapping):
            raise doc.error(
                "'compare' must be {rulebook: ...} or {motions: [...]} (with an optional expect)", "compare"
            )
        spec_compare.check_keys(_COMPARE_KEYS, what="compare")
        if "rulebook" not in spec_compare and "motions" not in spec_compare:
            raise spec_compare.error("'compare' needs 'rulebook' (another version) or 'motions' (to apply)")
        if "rulebook" in spec_compare:
            other = spec_compare.get_typed("rulebook", str, "compare")
            right = _side(other, spec_compare, "rulebook", here, histories)
            right = attrs.evolve(right, motions=_motions(spec_compare.get("motions"), spec_compare, "motions", here))
        else:
            extra = _motions(spec_compare.get("motions"), spec_compare, "motions", here)
            right = attrs.evolve(left, spec=f"{left.spec} + motions", motions=left.motions + extra)
        compare_expect = _expectations(spec_compare.get("expect"), spec_compare, "expect")
    return Scenario(
        name=str(name),
        file=file,
        line=doc.line_of("scenario"),
        question=doc.get_typed("question", str, f"scenario {name}"),
        facts=_facts(doc.get("facts"), doc, here),
        left=left,
        expect=_expectations(doc.get("expect"), doc, "expect"),
        right=right,
        compare_expect=compare_expect,
        title=doc.get_typed("title", str, f"scenario {name}"),
        tolerance=float(tolerance),
        question_line=doc.line_of("question"),
    )


def load_file(path: str | Path, histories: dict[str, History] | None = None) -> Scenario:
    """Load a scenario file; ``histories`` caches rule books shared by several scenarios.

    Examples
    --------
    >>> import tempfile
    >>> from pathlib import Path
    >>> tmp = tempfile.TemporaryDirectory()
    >>> d = Path(tmp.name)
    >>> _ = (d / "book.yaml").write_text('''
    ... rulebook: club
    ... version: "1"
    ... numbering: [{style: arabic, label: "Rule {n}"}]
    ... clauses: [{id: fee, text: "Five pounds.", provisions: {fees.annual: 5}}]
    ... ''')
    >>> _ = (d / "fee.yaml").write_text('''
    ... scenario: fee
    ... rulebook: book.yaml
    ... question: provision
    ... facts: {name: fees.annual}
    ... expect: {answer.value: 5}
    ... ''')
    >>> s = load_file(d / "fee.yaml")
    >>> s.left.version.label, s.expect
    ('1', (Expectation(path='answer.value', value=5, line=6),))
    >>> _ = (d / "bad.yaml").write_text("scenario: bad\\nrulebook: book.yaml\\n")
    >>> load_file(d / "bad.yaml")
    Traceback (most recent call last):
    ...
    rulebook.errors.SchemaError: .../bad.yaml:1: scenario has no 'question'...
    >>> tmp.cleanup()
    """
    return from_data(read(path), str(path), histories)
