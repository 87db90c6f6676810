"""Conference agendas: a document of many rule changes, read into one motion each.

An agenda prints each rule change as a numbered item: a number and a title, then
perhaps the proposer and the clause amended, then the instructions (the layout is
in docs/agendas.md). :func:`read_agenda` reads plain text, Markdown or a Word
``.docx`` file into lines, finds the items and reads each one's instructions with
:func:`~rulebook.amend.wording.parse_wording`. Every item comes back, read or not:
an item whose wording cannot be read carries the reason and its file and line, so
that nothing is dropped silently.

Examples
--------
>>> text = '''
... 1. Rule D.3 Service Groups
... Proposed by: Eastern Region
... Rule D.3.1.1, delete "Water" and insert "Water and Environment"
...
... 2. Rule I Disciplinary Action
... Clause: Rule I 8.5
... Add at end "up to a maximum of 36 months;
... '''
>>> first, second = agenda_items(text.splitlines(), "agenda.txt")
>>> first.motion_id, first.proposer, first.wording, first.problem
('1-eastern-region', 'Eastern Region', 'Rule D.3.1.1, delete "Water" and insert "Water and Environment"', None)
>>> second.where, second.problem is not None
('agenda.txt:8', True)
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import attrs

from rulebook.amend.wording import parse_wording
from rulebook.errors import RulebookError, SchemaError, clip
from rulebook.io.files import path_kind

__all__ = ["AgendaItem", "agenda_items", "read_agenda", "read_lines"]

#: The file types an agenda may be, by suffix.
FORMATS = (".txt", ".md", ".markdown", ".docx")

_HEADER = re.compile(
    r"""^\s*(?:\#{1,6}\s*)?(?:\*\*)?                       # a Markdown heading or bold
    (?:(?:rule\s+change|motion|item|proposition|resolution|constitutional\s+amendment|amendment)\s+)?
    (?:no\.?\s*|\#)?(?P<number>\d{1,4}[A-Za-z]?|[A-Z]{1,2}\d{1,4})   # 12, 12a, #01, F46
    \s*(?:[.:)]|\s[–—-])\s*(?P<title>.*?)(?:\*\*)?\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
_PROPOSER = re.compile(
    r"^\s*(?:proposed\s+by|proposer|submitted\s+by|moved\s+by|mover)\s*[:–—-]?\s*(?P<who>.+?)\s*$", re.I
)
_CLAUSE = re.compile(r"^\s*(?:clause|rule|article|section)\s*:\s*(?P<ref>.+?)\s*$", re.I)
_CITATION_ONLY = re.compile(
    r"^\s*(?:chapter|clause|rule|article|section|schedule|bye-?law|appendix)\b[\w\s.,()–-]*$", re.I
)
_VERB = re.compile(r"\b(?:delete|insert|add|replace|leave|remove|substitute|change|amend|renumber|move)\b", re.I)
#: A line that ends the clause as it now reads and starts the instructions ("Amendment:").
_AMENDMENT = re.compile(r"^\s*(?:proposed\s+)?(?:amendment|rule\s+change)s?\s*:?\s*$", re.I)
_AFTERWORD = re.compile(r"^\s*(?:supporting\s+arguments?|reasons?|explanation|rationale|notes?)\s*(?::|$)", re.I)


@attrs.frozen
class AgendaItem:
    """One numbered item of an agenda and how its wording was read.

    ``problem`` is None when the wording was read; then ``wording`` is what the
    motion file keeps (the clause printed above the instructions is put in front
    of them when they name none).
    """

    number: str
    title: str
    proposer: str | None
    clause: str | None
    wording: str
    file: str
    line: int
    problem: str | None = None

    @property
    def where(self) -> str:
        return f"{self.file}:{self.line}"

    @property
    def motion_id(self) -> str:
        """The motion's id: the item's number and its proposer (``12-bristol-west-clp``), or ``item-12``."""
        who = _slug(self.proposer or "")
        return f"{_slug(self.number)}-{who}" if who else f"item-{_slug(self.number)}"

    def data(self) -> dict[str, Any]:
        """The motion file's content, as docs/motions.md writes one."""
        out: dict[str, Any] = {"motion": self.motion_id}
        if self.title:
            out["title"] = self.title
        if self.proposer:
            out["proposer"] = self.proposer
        out["source"] = f"agenda item {self.number} ({self.where})"
        out["amendments"] = [{"wording": self.wording}]
        return out


def _slug(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", plain.lower()).strip("-")


def read_lines(path: str | Path) -> list[str]:
    """The agenda's lines: a text or Markdown file as it is, a ``.docx`` one paragraph a line.

    Raises
    ------
    SchemaError
        The file is missing, not one of the formats, or not a readable ``.docx``.
    """
    p = Path(path)
    if p.suffix.lower() not in FORMATS:
        raise SchemaError(
            f"an agenda is a text, Markdown or .docx file ({', '.join(FORMATS)}), not {p.suffix or 'no suffix'!r}",
            file=str(p),
        )
    if path_kind(p) != "file":
        raise SchemaError("no such agenda file", file=clip(str(p)))
    if p.suffix.lower() != ".docx":
        try:
            return p.read_text(encoding="utf-8").splitlines()
        except UnicodeDecodeError as e:
            raise SchemaError(f"not UTF-8 text ({e.reason}); save the agenda as UTF-8", file=str(p)) from None
    return _docx_lines(p)


def _docx_lines(path: Path) -> list[str]:
    try:
        import docx  # python-docx: the optional "docx" extra (docs/dependencies.md)
    except ImportError:
        raise SchemaError(
            "reading .docx needs python-docx; pip install 'rulebook[docx]', or save the agenda as text",
            file=str(path),
        ) from None
    try:
        document = docx.Document(str(path))
    except Exception as e:  # python-docx raises zipfile, KeyError or its own errors for a bad file
        raise SchemaError(
            f"not a readable .docx file ({type(e).__name__}); save it again from Word", file=str(path)
        ) from None
    lines: list[str] = []
    for paragraph in document.paragraphs:
        lines.extend(paragraph.text.splitlines() or [""])
    return lines


def _strip_markdown(line: str) -> str:
    return re.sub(r"^\s*(?:>\s*)?(?:[-*+]\s+)?", "", line).replace("**", "").replace("__", "")


def agenda_items(lines: Sequence[str], file: str) -> list[AgendaItem]:
    """The numbered items of an agenda's lines, each read or with the reason it could not be.

    A line is an item's header when it is a number (or a code such as ``F46``)
    followed by ``.``, ``:``, ``)`` or a dash and the title, alone on its line after
    a blank line or at the start, optionally as a Markdown heading or after "Rule
    change", "Motion" or "Item". When the document has numbered Markdown headings,
    only those are headers, so numbered instructions inside an item stay with it.
    """
    headed = any(re.match(r"^\s*#{1,6}\s", ln) and _HEADER.match(ln) for ln in lines)
    starts: list[int] = []
    for i, line in enumerate(lines):
        if not _HEADER.match(line):
            continue
        if headed and not re.match(r"^\s*#{1,6}\s", line):
            continue
        if i == 0 or not lines[i - 1].strip() or headed:
            starts.append(i)
    items = []
    for n, start in enumerate(starts):
        end = starts[n + 1] if n + 1 < len(starts) else len(lines)
        items.append(_item(lines, start, end, file))
    return items


def _item(lines: Sequence[str], start: int, end: int, file: str) -> AgendaItem:
    m = _HEADER.match(lines[start])
    assert m is not None
    proposer = clause = None
    body: list[str] = []
    body_line = start + 2
    for i in range(start + 1, end):
        raw = lines[i]
        line = _strip_markdown(raw)
        if _AFTERWORD.match(line):
            break
        if _AMENDMENT.match(line):
            body = []  # what came before was the clause as it reads, not instructions
            continue
        if not body and (pm := _PROPOSER.match(line)):
            proposer = pm.group("who")
            continue
        if not body and (cm := _CLAUSE.match(line)):
            clause = cm.group("ref")
            continue
        if not body and clause is None and _CITATION_ONLY.match(line) and not _VERB.search(line):
            clause = line.strip().rstrip(".,:")
            continue
        if not body and not line.strip():
            continue
        if not body:
            body_line = i + 1
        body.append(line.rstrip())
    instruction = "\n".join(body).strip()
    number, title = m.group("number"), m.group("title").strip()
    if not instruction:
        return AgendaItem(
            number, title, proposer, clause, "", file, start + 1, problem="the item has no instructions under its title"
        )
    wording, problem = _read(instruction, clause)
    return AgendaItem(number, title, proposer, clause, wording, file, body_line, problem)


def _read(instruction: str, clause: str | None) -> tuple[str, str | None]:
    """The wording a motion file keeps for these instructions, or why they cannot be read.

    Instructions that name their clause are kept as printed; otherwise the clause the
    item prints above them is put in front, as the conventional form writes it.
    """
    try:
        amendments = parse_wording(instruction)
    except RulebookError as e:
        if clause is None:
            return instruction, str(e)
    else:
        if all(a.clause is not None or a.anchor is not None for a in amendments):
            return instruction, None
        if clause is None:
            return instruction, (
                "the instructions name no clause and the item prints none; "
                "add a line 'Clause: ...' under the item's title or cite the clause in the instructions"
            )
    wording = f"{clause}: {instruction}"
    try:
        parse_wording(wording)
    except RulebookError as e:
        return wording, str(e)
    return wording, None


def read_agenda(path: str | Path) -> list[AgendaItem]:
    """Every numbered item of the agenda at ``path`` (see :func:`agenda_items`).

    Raises
    ------
    SchemaError
        The file cannot be read, or holds no numbered item at all.
    """
    lines = read_lines(path)
    items = agenda_items(lines, str(path))
    if not items:
        raise SchemaError(
            "no numbered item found; start each rule change with its number and title, "
            "such as '12. Rule D.3 Service Groups'",
            file=str(path),
        )
    return items
