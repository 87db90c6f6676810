"""From the outline to a rule book version: levels, numbers, ids, headings and text.

Each depth gets the label and style most of its markers have; a clause whose
printed number is not the one its position gives keeps it as a pinned
``number`` (so it cites as printed), and a number printed twice gets ``bis``,
``ter``, ... so citations stay distinct (``docs/import.md``).

Examples
--------
>>> from rulebook.importing.lines import Line
>>> from rulebook.importing.outline import build_outline
>>> out = build_outline([Line("Rule 1 Name", 1), Line("The club is the Chess Club.", 2), Line("Rule 3 Fees", 3),
...                      Line("Five pounds.", 4)], "club.txt")
>>> v, doubts = assemble(out, "club.txt", rulebook="club", label="1")
>>> [(c.id, c.number, c.heading) for c in v.clauses]
[('rule1-name', None, 'Name'), ('rule3-fees', '3', 'Fees')]
>>> [d.message for d in doubts]
['Rule 3 is numbered 3 where 2 comes next; kept the printed number']
"""

from __future__ import annotations

from collections.abc import Sequence

from rulebook.importing.content import heading_and_text
from rulebook.importing.ids import id_part, unique
from rulebook.importing.outline import Draft, Outline
from rulebook.importing.report import Doubt
from rulebook.importing.scheme import Shape, choose_levels, label_of
from rulebook.io.rulebook import ID_PATTERN
from rulebook.model import Clause, Level, Version
from rulebook.numbering import format_number

__all__ = ["PREAMBLE_NUMBER", "assemble", "place_footnotes"]

#: The pinned number of the clause that keeps unnumbered text found before the first numbered clause.
PREAMBLE_NUMBER = "0"
_REPEATS = ("bis", "ter", "quater", "quinquies", "sexies", "septies", "octies", "novies", "decies")


def _depth_shapes(root: Draft) -> list[list[Shape]]:
    out: list[list[Shape]] = []
    stack = [(c, 0) for c in root.children]
    while stack:
        draft, depth = stack.pop()
        while len(out) <= depth:
            out.append([])
        out[depth].append(draft.shape)
        stack.extend((c, depth + 1) for c in draft.children)
    return out


def _cite_part(level: Level, number: str) -> str:
    return level.label.replace("{n}", number) if level.label else number


def _a(style: str) -> str:
    return f"{'an' if style[0] in 'aeiou' else 'a'} {style}"


class _Builder:
    def __init__(self, file: str, levels: Sequence[Level]) -> None:
        self.file = file
        self.levels = levels
        self.ids: set[str] = set()
        self.paths: set[str] = set()
        self.doubts: list[Doubt] = []

    def doubt(self, draft: Draft, message: str) -> None:
        where = draft.line
        self.doubts.append(Doubt(self.file, where.line if where else None, message, page=where.page if where else None))

    def numbers(self, drafts: list[Draft], depth: int) -> list[str | None]:
        level = self.levels[depth]
        counter = 0
        seen: set[str] = set()
        out: list[str | None] = []
        for draft in drafts:
            expected = format_number(counter + 1, level.style)
            own_label = label_of(draft.shape)
            printed = _cite_part(Level(draft.shape[2], own_label), draft.token)
            if draft.token == expected and own_label == level.label and expected.casefold() not in seen:
                counter += 1
                number = None
                key = expected
            else:
                number = draft.token
                base = number
                n = 0
                while number.casefold() in seen and n < len(_REPEATS):
                    number = base + _REPEATS[n]
                    n += 1
                key = number
                if own_label != level.label:
                    self.doubt(draft, f"{printed} sits at a level labelled {level.label or 'without a label'}; "
                               f"kept the number {number!r} (it cites as {_cite_part(level, number)})")  # fmt: skip
                elif number == base and draft.token.casefold() not in seen and not draft.implied:
                    style = (
                        ""
                        if draft.shape[2] == level.style
                        else f" ({_a(draft.shape[2])} number at {_a(level.style)} level)"
                    )
                    said = f"{printed} is numbered {draft.token} where {expected} comes next{style}"
                    self.doubt(draft, f"{said}; kept the printed number")
            seen.add(key.casefold())
            out.append(number)
        return out

    def clauses(self, drafts: list[Draft], depth: int, parent: str | None) -> tuple[Clause, ...]:
        """The clauses of one run of siblings; ``parent`` is the numbers-only id of their parent,
        so heading words appear once in an id, for the clause that has the heading."""
        if not drafts:
            return ()
        out = []
        for draft, number in zip(drafts, self.numbers(drafts, depth), strict=True):
            heading, text = heading_and_text(draft)
            bare = id_part(label_of(draft.shape), draft.token, None)
            path = f"{parent}.{bare}" if parent else bare
            if draft.anchor and ID_PATTERN.match(draft.anchor) and draft.anchor not in self.ids:
                cid = draft.anchor
            else:
                own = id_part(label_of(draft.shape), draft.token, heading)
                cid = unique(f"{parent}.{own}" if parent else own, self.ids | self.paths)
            self.ids.add(cid)
            self.paths.add(path)
            children = self.clauses(draft.children, depth + 1, path)
            out.append(Clause(cid, heading=heading, text=text, children=children, number=number))
        return tuple(out)


def assemble(
    outline: Outline,
    file: str,
    *,
    rulebook: str,
    label: str,
    given: tuple[Level, ...] | None = None,
) -> tuple[Version, list[Doubt]]:
    """The version an outline describes, and the doubts met building it.

    Unnumbered text before the first numbered clause becomes a clause
    ``preamble`` pinned ``0`` (reported), so that no words are lost.
    """
    shapes = _depth_shapes(outline.root)
    levels = given if given is not None and len(given) >= len(shapes) else choose_levels(shapes)
    if given is not None and len(given) < len(shapes):
        levels = given + choose_levels(shapes)[len(given) :]
    builder = _Builder(file, levels)
    clauses = builder.clauses(outline.root.children, 0, None)
    preamble_heading, preamble = heading_and_text(outline.root)
    if preamble or preamble_heading:
        first = outline.root.paragraphs[0][1][0]
        builder.doubts.append(
            Doubt(
                file,
                first.line,
                f"unnumbered text before the first numbered clause kept as clause 'preamble' "
                f"numbered {PREAMBLE_NUMBER!r}; move or delete it",
                page=first.page,
            )
        )
        taken = {c.number.casefold() for c in clauses if c.number is not None}
        number = next(PREAMBLE_NUMBER + r for r in ("", *_REPEATS) if (PREAMBLE_NUMBER + r).casefold() not in taken)
        pid = unique("preamble", {c.id for c in clauses})
        clauses = (Clause(pid, heading=preamble_heading, text=preamble, number=number), *clauses)
    version = Version(
        rulebook=rulebook,
        label=label,
        numbering=levels or (Level("arabic"),),
        clauses=clauses,
        title=outline.title,
        source=f"Imported from {file.rsplit('/', 1)[-1]}",
    )
    return version, builder.doubts


def place_footnotes(version: Version, notes: dict[str, str]) -> Version:
    """Each footnote's text put after its mark (``[^1]``, ``[1]``) in the clauses that cite it.

    Examples
    --------
    >>> v = Version("b", "1", [Level("arabic")], [Clause("a", text="Fees[^1] apply.")])
    >>> place_footnotes(v, {"1": "Set by the AGM."}).clause("a").text
    'Fees (note 1: Set by the AGM.) apply.'
    """
    if not notes:
        return version
    import re

    import attrs

    mark = re.compile(r"\[\^?(" + "|".join(re.escape(k) for k in notes) + r")\]")

    def visit(clause: Clause) -> Clause:
        text = mark.sub(lambda m: f" (note {m.group(1)}: {notes[m.group(1)]})", clause.text) if clause.text else None
        return attrs.evolve(clause, text=text, children=tuple(visit(c) for c in clause.children))

    return attrs.evolve(version, clauses=tuple(visit(c) for c in version.clauses))
