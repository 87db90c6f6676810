"""Attribution across steps: the diff of several versions in a row (or of motions
applied in turn), each change given to the step that made it."""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from itertools import pairwise

import attrs

from rulebook.amend.motion import Motion
from rulebook.diff.match import diff, sole_change
from rulebook.diff.types import ClauseDiff, ProvisionChange, VersionDiff
from rulebook.diff.words import WordOp, _compose
from rulebook.history import replay
from rulebook.model import Change, Version

# -- attribution across steps -----------------------------------------------


def diff_chain(versions: Sequence[Version], changes: Sequence[Change | None] | None = None) -> VersionDiff:
    """The diff from the first version to the last, every change attributed to the
    step that made it: ``changes[i]`` made ``versions[i + 1]`` from ``versions[i]``
    (default: the one motion or ruling each version records, when its parent is
    the version before).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> v = Version("b", "1", [Level("arabic", "Rule {n}")], [Clause("x", text="a fee of 5 pounds")])
    >>> m1 = Motion("m1", [Amendment("replace_words", clause="x", old="5", new="6")])
    >>> m2 = Motion("m2", [Amendment("replace_words", clause="x", old="fee", new="charge")])
    >>> d = diff_motions(v, [m1, m2])
    >>> [(op.old, op.new, op.by.id) for op in d.clauses[0].text if op.op != "equal"]
    [('fee', 'charge', 'm2'), ('5', '6', 'm1')]
    """
    if not versions:
        raise ValueError("diff_chain needs at least one version")
    first, last = versions[0], versions[-1]
    bys = list(changes) if changes is not None else [sole_change(a, b) for a, b in pairwise(versions)]
    if len(bys) != len(versions) - 1:
        raise ValueError(f"{len(versions)} versions need {len(versions) - 1} changes, not {len(bys)}")
    if len(versions) <= 2 and changes is None:
        return diff(first, last)
    steps = [diff(a, b) for a, b in pairwise(versions)]
    touched: dict[str, list[tuple[int, ClauseDiff]]] = {}
    for i, step in enumerate(steps):
        for cd in step.clauses:
            touched.setdefault(cd.id, []).append((i, cd))
    overall = diff(first, last)
    clauses = []
    for cd in overall.clauses:
        history = touched.get(cd.id, [])
        own = [(i, s) for i, s in history if s.changed] or history
        heading, text = cd.heading, cd.text
        if heading is not None:
            heading = _compose_field(versions, own, bys, cd.id, "heading")
        if text is not None:
            text = _compose_field(versions, own, bys, cd.id, "text")
        provisions = tuple(
            attrs.evolve(p, by=_provision_by(p, own, bys) or p.by, steps=_provision_steps(p, own, bys))
            for p in cd.provisions
        )
        by = tuple(dict.fromkeys(b for i, _ in own if (b := bys[i]) is not None))
        clauses.append(attrs.evolve(cd, heading=heading, text=text, provisions=provisions, by=by))
    changes = tuple(dict.fromkeys(b for b in bys if b is not None))
    return VersionDiff(first, last, tuple(clauses), overall.metadata, changes)


def _field(version: Version, clause_id: str, name: str) -> str:
    if clause_id not in version:
        return ""
    value: str | None = getattr(version.clause(clause_id), name)
    return value or ""


def _compose_field(
    versions: Sequence[Version],
    own: list[tuple[int, ClauseDiff]],
    bys: list[Change | None],
    clause_id: str,
    name: str,
) -> tuple[WordOp, ...]:
    steps = [i for i, cd in own if getattr(cd, name) is not None]
    texts = [_field(versions[0], clause_id, name)] + [_field(versions[i + 1], clause_id, name) for i in steps]
    return _compose(texts, [bys[i] for i in steps])


def _provision_by(p: ProvisionChange, own: list[tuple[int, ClauseDiff]], bys: list[Change | None]) -> Change | None:
    for i, cd in reversed(own):
        for q in cd.provisions:
            if q.name == p.name:
                return bys[i] or q.by
    return None


def _provision_steps(
    p: ProvisionChange, own: list[tuple[int, ClauseDiff]], bys: list[Change | None]
) -> tuple[tuple[str, Change], ...]:
    steps: list[tuple[str, Change]] = []
    for i, cd in own:
        for q in cd.provisions:
            by = bys[i] or q.by
            if q.name == p.name and by is not None:
                steps.append((q.kind, by))
    return tuple(steps)


def diff_motions(
    version: Version, motions: Iterable[Motion], bases: Mapping[str, Version] | None = None
) -> VersionDiff:
    """The diff that ``motions``, applied in order, make to ``version``, each change
    attributed to its motion (see :func:`diff_chain`).

    Examples
    --------
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.model import Clause, Level, Version
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> cut = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")])
    >>> [(op.old, op.new, op.by.id) for op in diff_motions(v, [cut]).clauses[0].text if op.op != "equal"]
    [('15', '10', 'cut')]
    """
    return diff_chain(list(replay(version, motions, bases)))
