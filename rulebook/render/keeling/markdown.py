"""A Keeling schedule as markdown, and as JSON data."""

from __future__ import annotations

import json
from collections.abc import Iterable
from typing import Any

from rulebook.diff import VersionDiff
from rulebook.render.keeling.schedule import (
    Piece,
    _by,
    _by_ids,
    _header,
    _heading_pieces,
    _notes,
    _provisions,
    _text_pieces,
    attribution,
    schedule,
)

# -- markdown --------------------------------------------------------------------

_MD_SPECIAL = str.maketrans({c: "\\" + c for c in "\\`*_~[]<"})


def _md(text: str) -> str:
    return text.translate(_MD_SPECIAL)


def _md_pieces(items: Iterable[Piece]) -> str:
    out = []
    for piece in items:
        text = _md(piece.text)
        if not text.strip():
            out.append(text if piece.kind != "del" else "")
        elif piece.kind == "del":
            out.append(f"~~{text}~~")
        elif piece.kind == "ins":
            out.append(f"<ins>{text}</ins>")
        else:
            out.append(text)
    return "".join(out)


def to_markdown(d: VersionDiff, *, full: bool = False) -> str:
    """A Keeling schedule in markdown: ``~~deleted~~``, ``<ins>inserted</ins>``.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.diff import diff_motions
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
    >>> print(to_markdown(diff_motions(v, [m])))
    # Keeling schedule: club, version 1 -> 1+cut
    <BLANKLINE>
    Motions: motion cut (Cut the fee)
    <BLANKLINE>
    **Rule 1** The fee is ~~15~~<ins>10</ins> pounds. *(cut)*
    """
    title, lines = _header(d)
    out = [f"# Keeling schedule: {_md(title)}", ""]
    out += [*(_md(line) + "  " for line in lines), ""] if lines else []
    shown_rows = schedule(d, full=full)
    if not shown_rows:
        out += ["No changes.", ""]
    for shown in shown_rows:
        row = shown.row
        cite = _md(row.citation)
        if row.role != "present":
            cite = f"~~{cite}~~"
        elif row.diff and row.diff.status == "added":
            cite = f"<ins>{cite}</ins>"
        heading = _md_pieces(_heading_pieces(d, shown))
        text = _md_pieces(_text_pieces(d, shown))
        notes = _notes(shown)
        by = _by(shown)
        tail = (f" *({_md('; '.join(notes))})*" if notes else "") + (f" *({_md(_by_ids(by))})*" if by else "")
        if heading:
            out += [f"{'#' * min(row.depth + 2, 6)} {cite} {heading}{tail}", ""]
            if text:
                out += [text, ""]
        else:
            out += [f"**{cite}** {text}{tail}".rstrip(), ""]
        for p in _provisions(d, shown):
            value = _md_pieces(p.value) + (" (affirmed, value unchanged)" if p.kind == "affirmed" else "")
            who = attribution(p.kind, p.by, p.steps)
            by_text = f" *({_md(who)})*" if who else ""
            out += [f"- provision `{p.name}`: {value}{by_text}"]
        if _provisions(d, shown):
            out.append("")
    return "\n".join(out).rstrip("\n")


# -- json ----------------------------------------------------------------------------


def to_data(d: VersionDiff) -> dict[str, Any]:
    """The diff as JSON-ready data (see :meth:`rulebook.diff.VersionDiff.to_data`).

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.diff import diff_motions
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
    >>> data = to_data(diff_motions(v, [m]))
    >>> data["new"]["version"], data["summary"]["text"]
    ('1+cut', 1)
    >>> [(op["op"], op["by"]) for op in data["clauses"][0]["text"]]
    [('equal', None), ('replace', 'cut'), ('equal', None)]
    """
    return d.to_data()


def to_json(d: VersionDiff) -> str:
    """The diff as a JSON document.

    Examples
    --------
    >>> from rulebook.model import Clause, Level, Version
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> from rulebook.diff import diff_motions
    >>> v = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("fee", text="The fee is 15 pounds.")])
    >>> m = Motion("cut", [Amendment("replace_words", clause="Rule 1", old="15", new="10")], title="Cut the fee")
    >>> import json
    >>> json.loads(to_json(diff_motions(v, [m])))["changes"][0]["id"]
    'cut'
    """
    return json.dumps(to_data(d), indent=2, ensure_ascii=False, default=str)
