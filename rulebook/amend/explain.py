"""How a motion's amendments are read, before anything is applied.

:func:`explain` takes a motion (its wording already parsed by the loader) and,
given the version it is drafted against, says for each amendment:

* the operation it is read as, written back in conventional English with
  citations of the base (:func:`~rulebook.amend.wording.write_wording`);
* each clause it names (``clause``, ``after``, ``before``, ``into``), as
  written and as resolved: the stable id and the citation in the base, or the
  clause added by an earlier amendment of the same motion;
* for a new clause, the citation it will have;
* what stops it applying, if anything: a reference that names no clause, a
  phrase that does not occur or occurs twice, a wording that says something
  other than its ``op``. The problems are the messages
  :func:`~rulebook.amend.apply.apply` would raise.

The amendments are tried one after another on a scratch copy of the version
(versions are immutable, so "scratch" costs nothing and nothing is written):
this is how a later amendment that names a clause an earlier one added, or
words an earlier one inserted, is explained correctly.

Examples
--------
>>> from rulebook.model import Clause, Level, Version
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.amend.wording import parse_wording
>>> v = Version("club", "1", [Level("arabic", "Rule {n}")],
...             [Clause("fee", text="The fee is 15 per cent."), Clause("vote", text="Members vote.")])
>>> m = Motion("cut", parse_wording("Rule 1: delete '15' and insert '10'; delete clause Rule 2"), base="1")
>>> print(to_text(explain(m, v)))
motion cut (base 1)
  1. replace_words: Rule 1: delete '15' and insert '10'
     clause 'Rule 1' -> Rule 1 (id fee)
  2. delete_clause: delete clause Rule 2
     clause 'Rule 2' -> Rule 2 (id vote)
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import attrs

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.amend.phrases import count_phrase, edge_reading
from rulebook.amend.wording import parse_wording, write_wording
from rulebook.binding import followed
from rulebook.display import show_value
from rulebook.errors import AmendmentError, CitationError, RulebookError
from rulebook.io.motions import amendment_data
from rulebook.model import Clause, Version, thaw, walk
from rulebook.numbering import citation, resolve_id

__all__ = ["Explanation", "Reading", "Target", "explain", "to_data", "to_text"]

#: The fields of an amendment that name a clause, in the order they are explained
#: (``after`` and ``before`` of ``insert_words`` are phrases, not clauses).
_ROLES = ("clause", "after", "before", "into")


def _roles(a: Amendment) -> tuple[str, ...]:
    """The fields of ``a`` that name a clause."""
    if a.op == "insert_clause":
        roles: tuple[str, ...] = ("after", "before", "into")
    elif a.op == "move_clause":
        roles = _ROLES
    else:
        roles = ("clause",)
    return tuple(r for r in roles if getattr(a, r) is not None)


_SCRATCH = "\x00explain"


@attrs.frozen
class Target:
    """One clause an amendment names, and what it resolves to.

    ``role`` is the field (clause, after, before, into) or ``new`` for the
    clause an ``insert_clause`` adds. ``source`` is ``base`` (resolved in the
    motion's base), ``motion`` (a clause added by an earlier amendment of the
    motion) or ``None`` when it names nothing. ``citation`` is the citation in
    the base, or for a new clause the one it will have.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10"),
    ...                    Amendment("delete_clause", clause="Rule 3")], base="1")
    >>> [r.targets for r in explain(m, v).readings]
    [(Target(role='clause', ref='Rule 1', id='fee', citation='Rule 1', source='base'),),
     (Target(role='clause', ref='Rule 3', id=None, citation=None, source=None),)]
    """

    role: str
    ref: str
    id: str | None = None
    citation: str | None = None
    source: str | None = None


@attrs.frozen
class Reading:
    """How one amendment (``index`` counts from 1) is read.

    ``reads`` is the amendment in conventional English; ``operation`` its
    fields as in a motion file; ``problems`` what stops it applying;
    ``notes`` how punctuation at the edge of a quote was read
    (:func:`~rulebook.amend.phrases.edge_reading`).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10"),
    ...                    Amendment("delete_clause", clause="Rule 3")], base="1")
    >>> first, second = explain(m, v).readings
    >>> first.index, first.reads, first.operation["old"], first.problems
    (1, "Rule 1: delete '15' and insert '10'", '15', ())
    >>> second.reads, second.problems[0].split(";")[0]
    ('delete clause Rule 3', "amendment 2 of motion cut: clause: no clause 'Rule 3' in version '1' of 'club'")
    """

    index: int
    op: str
    reads: str
    targets: tuple[Target, ...]
    wording: str | None = None
    line: int | None = None
    operation: Mapping[str, Any] = attrs.field(factory=dict)
    problems: tuple[str, ...] = ()
    notes: tuple[str, ...] = ()


@attrs.frozen
class Explanation:
    """The readings of every amendment of one motion.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10"),
    ...                    Amendment("delete_clause", clause="Rule 3")], base="1")
    >>> e = explain(m, v)
    >>> e.motion, e.kind, e.base, len(e.readings), e.ok
    ('cut', 'motion', '1', 2, False)
    >>> explain(Motion("cut", m.amendments[:1], base="1"), v).ok
    True
    """

    motion: str
    kind: str
    base: str | None
    readings: tuple[Reading, ...]
    file: str | None = None

    @property
    def ok(self) -> bool:
        """True when every amendment reads cleanly and would apply."""
        return not any(r.problems for r in self.readings)


def _operation(a: Amendment) -> dict[str, Any]:
    """The amendment's fields as they appear in a motion file (no wording)."""
    data = amendment_data(attrs.evolve(a, wording=None))
    return {k: thaw(v) for k, v in data.items()}


def _resolve(base: Version | None, current: Version | None, role: str, ref: str) -> Target:
    if base is None:
        return Target(role, ref)
    try:
        cid = resolve_id(base, ref)
    except CitationError:
        key = ref.strip()
        if current is not None and key in current and key not in base:
            return Target(role, ref, key, citation(current, key), "motion")
        return Target(role, ref)
    return Target(role, ref, cid, citation(base, cid), "base")


def _not_found(base: Version, ref: str) -> str:
    try:
        resolve_id(base, ref)
    except CitationError as exc:
        return exc.message
    return f"{ref!r} names a clause"  # pragma: no cover - only called for references that do not resolve


def _unnamed(clause: Clause) -> Clause:
    """A new clause with its ids (and its sub-clauses') blanked, for comparing what it says."""
    return attrs.evolve(clause, id="unnamed", children=tuple(_unnamed(c) for c in clause.children))


def _same(a: Amendment, b: Amendment, base: Version | None) -> bool:
    """True when two amendments do the same thing once their references are resolved in ``base``."""

    def norm(x: Amendment) -> Amendment:
        changes: dict[str, Any] = {"wording": None}
        for role in _roles(x):
            ref = getattr(x, role)
            if base is not None:
                try:
                    changes[role] = resolve_id(base, ref)
                except CitationError:
                    changes[role] = ref.strip()
        if x.new_clause is not None and x.numbered is not None:
            # a wording names a new clause by the number it will have; its id is in the fields (docs/drafting.md)
            changes["new_clause"] = _unnamed(x.new_clause)
        return attrs.evolve(x, **changes)

    return norm(a) == norm(b)


def _wording_problem(a: Amendment, base: Version | None) -> str | None:
    """A wording kept beside an ``op`` that says something else."""
    if a.wording is None:
        return None
    try:
        parsed = parse_wording(a.wording)
    except RulebookError as exc:
        return f"its wording cannot be read: {exc.message}"
    if any(_same(p, a, base) for p in parsed):
        return None
    return f"its wording reads {'; '.join(write_wording(p, base) for p in parsed)!r}, not what its op says; correct one"


def explain(
    motion: Motion,
    version: Version | None = None,
    *,
    bases: Mapping[str, Version] | None = None,
) -> Explanation:
    """How each amendment of ``motion`` is read and which clause it resolves to.

    With ``version`` (the version the motion would be applied to; its
    ancestors in ``bases``, by label), references are resolved in the motion's
    base and each amendment is tried in turn; without, only the readings are
    given. Raises :class:`~rulebook.errors.AmendmentError` when the motion's
    base is neither ``version`` nor in ``bases``.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15.")])
    >>> m = Motion("m", [Amendment("delete_words", clause="fee", words="20")])
    >>> e = explain(m, v)
    >>> e.ok, e.readings[0].targets[0].citation
    (False, 'Rule 1')
    >>> e.readings[0].problems[0]
    "amendment 1 of motion m: words '20' does not occur in Rule 1 (id fee), which reads 'The fee is 15.'; ..."
    >>> explain(m).readings[0].reads
    "fee: delete '20'"
    """
    base = _base(motion, version, bases)
    # a scratch label, so that citations are always read in the base, never in the half-amended copy
    current = None if version is None else attrs.evolve(version, label=_SCRATCH)
    readings = []
    for i, a in enumerate(motion.amendments):
        targets = [_resolve(base, current, role, getattr(a, role)) for role in _roles(a)]
        problems = []
        for t in targets:
            if t.id is None and base is not None:
                problems.append(f"{motion.where(i)}: {t.role}: {_not_found(base, t.ref)} (the motion's base)")
        wording_problem = _wording_problem(a, base)
        if wording_problem:
            problems.append(wording_problem)
        notes: tuple[str, ...] = ()
        if current is not None and base is not None and not problems:
            notes = _notes(current, targets, a)
            if a.throughout:  # every clause the replacement changes, named as the others are
                targets.extend(_throughout(base, current, a))
            single = attrs.evolve(motion, amendments=(a,), base=base.label)
            before = current
            try:
                current = apply(current, single, bases={base.label: base}, label=_SCRATCH)
            except AmendmentError as exc:
                problems.append(exc.message.replace(single.where(0), motion.where(i), 1))
            else:
                notes += _values_followed(before, current, targets)
                if a.new_clause is not None:
                    cid = a.new_clause.id
                    targets.append(Target("new", cid, cid, citation(current, cid), "motion"))
        elif a.new_clause is not None:
            targets.append(Target("new", a.new_clause.id, a.new_clause.id))
        readings.append(
            Reading(
                index=i + 1,
                op=a.op,
                reads=write_wording(a, base),
                targets=tuple(targets),
                wording=a.wording,
                line=a.line,
                operation=_operation(a),
                problems=tuple(problems),
                notes=notes,
            )
        )
    return Explanation(motion.id, motion.kind, motion.base, tuple(readings), motion.file)


def _throughout(base: Version, current: Version, a: Amendment) -> list[Target]:
    """The clauses whose text has ``a.old`` as whole words: those a replacement throughout changes."""
    found = [c.id for _, c in walk(current.clauses) if c.text and count_phrase(c.text, a.old or "")]
    return [Target("clause", citation(current, cid), cid, citation(current, cid), "base" if cid in base else "motion")
            for cid in found]  # fmt: skip


def _notes(current: Version, targets: list[Target], a: Amendment) -> tuple[str, ...]:
    """How the punctuation at the edges of ``a``'s quotes is read against its clause's text."""
    cid = next((t.id for t in targets if t.role == "clause" and t.id is not None), None)
    if cid is None or cid not in current:
        return ()
    try:
        return edge_reading(current.clause(cid).text or "", a)[1]
    except ValueError:
        return ()  # apply reports it as a problem, naming both readings


def _values_followed(before: Version, after: Version, targets: list[Target]) -> tuple[str, ...]:
    """The provision values that followed the words an amendment changed (docs/provisions.md)."""
    out = []
    for t in targets:
        if t.role != "clause" or t.id is None or t.id not in before or t.id not in after:
            continue
        old, new = before.clause(t.id), after.clause(t.id)
        for name in new.provisions:
            for leaf, was, now, words in followed(name, old, new):
                shown = "unstated" if now is None else show_value(now)
                out.append(f"{leaf} {show_value(was)} -> {shown}, {words}")
    return tuple(out)


def _base(motion: Motion, version: Version | None, bases: Mapping[str, Version] | None) -> Version | None:
    if version is None:
        return None
    if motion.base is None or motion.base == version.label:
        return version
    if bases is not None and motion.base in bases:
        return bases[motion.base]
    known = ", ".join(repr(k) for k in [version.label, *(bases or {})])
    raise AmendmentError(
        f"{motion.where()}: drafted against version {motion.base!r}, which is neither the version it is "
        f"explained against ({version.label!r}) nor one of its ancestors ({known}); correct 'base' or name that version"
    )


def _target_text(t: Target) -> str:
    if t.role == "new":
        return f"new clause {t.id}" + (f" -> {t.citation}" if t.citation else "")
    if t.source == "base":
        return f"{t.role} {t.ref!r} -> {t.citation} (id {t.id})"
    if t.source == "motion":
        return f"{t.role} {t.ref!r} -> {t.citation} (id {t.id}, added by this motion)"
    return f"{t.role} {t.ref!r}"


def to_text(explanations: Explanation | list[Explanation] | tuple[Explanation, ...]) -> str:
    """Explanations as plain text: per amendment its reading, the wording it
    came from when that differs, each clause named, and any problem.

    Examples
    --------
    >>> m = Motion("m", [Amendment("delete_clause", clause="Rule 3")])
    >>> print(to_text(explain(m)))
    motion m
      1. delete_clause: delete clause Rule 3
         clause 'Rule 3'
    """
    items = [explanations] if isinstance(explanations, Explanation) else list(explanations)
    lines: list[str] = []
    for e in items:
        head = f"{e.kind} {e.motion}" + (f" (base {e.base})" if e.base else "")
        lines.append(head)
        for r in e.readings:
            lines.append(f"  {r.index}. {r.op}: {r.reads}")
            if r.wording is not None and r.wording != r.reads:
                lines.append(f"     from the wording: {r.wording}")
            lines.extend(f"     {_target_text(t)}" for t in r.targets)
            lines.extend(f"     NOTE: {n}" for n in r.notes)
            lines.extend(f"     PROBLEM: {p}" for p in r.problems)
    return "\n".join(lines)


def to_data(explanations: Explanation | list[Explanation] | tuple[Explanation, ...]) -> dict[str, Any]:
    """Explanations as JSON-ready data: ``{"motions": [...], "ok": bool}``.

    Examples
    --------
    >>> m = Motion("m", [Amendment("delete_clause", clause="Rule 3")])
    >>> d = to_data(explain(m))
    >>> d["ok"], d["motions"][0]["amendments"][0]["operation"]
    (True, {'op': 'delete_clause', 'clause': 'Rule 3'})
    """
    items = [explanations] if isinstance(explanations, Explanation) else list(explanations)
    motions = []
    for e in items:
        motions.append(
            {
                "motion": e.motion,
                "kind": e.kind,
                "base": e.base,
                "file": e.file,
                "ok": e.ok,
                "amendments": [
                    {
                        "index": r.index,
                        "line": r.line,
                        "op": r.op,
                        "reads": r.reads,
                        "wording": r.wording,
                        "operation": dict(r.operation),
                        "clauses": [attrs.asdict(t) for t in r.targets],
                        "problems": list(r.problems),
                        "notes": list(r.notes),
                    }
                    for r in e.readings
                ],
            }
        )
    return {"motions": motions, "ok": all(m["ok"] for m in motions)}
