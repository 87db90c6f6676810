"""Applying motions to write a new version of the book: refused when a motion was
already carried, and when the result would leave a cross-reference to a clause
that no longer exists (naming the motion after which it dangles). This is what
``rulebook apply`` writes; :func:`rulebook.apply_all` itself allows both, since
``rulebook check`` reports them as findings.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from rulebook.amend.apply import apply_all
from rulebook.amend.carried import check_not_carried
from rulebook.amend.motion import Motion
from rulebook.errors import AmendmentError
from rulebook.model import Version
from rulebook.refs import dangling_references

__all__ = ["apply_checked", "first_dangling"]


def first_dangling(
    version: Version, motions: Sequence[Motion], bases: Mapping[str, Version], dangling: tuple[str, str]
) -> Motion | None:
    """The first of ``motions`` (applied in turn to ``version``) after which the
    reference ``dangling`` (referring clause id, missing target id) dangles.

    Examples
    --------
    >>> from rulebook.amend.motion import Amendment
    >>> from rulebook.model import Clause, Level
    >>> v = Version("club", "1", [Level("arabic")], [Clause("a", text="See [[b]]."), Clause("b", text="B.")])
    >>> keep = Motion("keep", [Amendment("replace_words", clause="b", old="B", new="C")])
    >>> cut = Motion("cut", [Amendment("delete_clause", clause="b")])
    >>> first_dangling(v, [keep, cut], {}, ("a", "b")).id
    'cut'
    """
    current = version
    for motion in motions:
        current = apply_all(current, [motion], bases={**bases, current.label: current})
        if dangling in dangling_references(current):
            return motion
    return None


def apply_checked(
    version: Version,
    motions: Sequence[Motion],
    bases: Mapping[str, Version] | None = None,
    label: str | None = None,
) -> Version:
    """``motions`` applied in order to ``version``, as :func:`rulebook.apply_all`,
    refusing what should not be written as a new version of the book.

    Parameters
    ----------
    version:
        The version the motions amend.
    motions:
        Applied in order, all or nothing.
    bases:
        Earlier versions by label, where motions drafted against them resolve
        their citations (e.g. ``History.lineage(version.label)``).
    label:
        The new version's label (default: ``version``'s label and the motions).

    Returns
    -------
    Version
        The amended version.

    Raises
    ------
    AmendmentError
        A motion's outcome is not ``carried`` (docs/file-format.md), it was
        already carried into ``version`` or an ancestor, an
        amendment cannot be applied, or the result refers to a clause that no
        longer exists (the message names the motion after which it dangles).

    Examples
    --------
    >>> from rulebook.amend.motion import Amendment
    >>> from rulebook.model import Clause, Level
    >>> v = Version("club", "1", [Level("arabic")], [Clause("a", text="See [[b]]."), Clause("b", text="B.")])
    >>> apply_checked(v, [Motion("cut", [Amendment("delete_clause", clause="b")])])  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    rulebook.errors.AmendmentError: motion cut: after it, clause 'a' refers to [[b]], which no longer exists; ...
    """
    for m in motions:
        if not m.carried:
            raise AmendmentError(
                f"{m.where()}: its outcome is {m.outcome!r}, so it changes nothing; to see what it would "
                "have done, ask with it in a scenario's 'motions' or in 'rulebook sweep'"
            )
    lookup = dict(bases or {})
    check_not_carried(version, motions, lookup)
    amended = apply_all(version, motions, bases=lookup, label=label)
    dangling = dangling_references(amended)
    if dangling:
        source, target = dangling[0]
        culprit = first_dangling(version, motions, lookup, (source, target))
        where = f"{culprit.where()}: after it, " if culprit is not None else "after the motions, "
        raise AmendmentError(
            f"{where}clause {source!r} refers to [[{target}]], "
            "which no longer exists; amend that reference too (rulebook check lists every such finding)"
        )
    return amended
