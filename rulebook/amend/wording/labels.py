"""A new clause's own number and id: the id derived for a clause a wording
names none for, the number a block of new text starts with (dropped: the
rule book computes numbers), and a range of clauses cited as one ("Rules 4
to 6").

Examples
--------
>>> strip_number("K.2 Branches meet monthly."), clause_range("Rules 4 to 6")
('Branches meet monthly.', ['Rule 4', 'Rule 5', 'Rule 6'])
"""

from __future__ import annotations

import functools
import re

from rulebook.amend.wording.reader import CLAUSE_WORDS, looks_like_number

__all__ = ["clause_range", "derived_id", "numeric_label", "own_number_dropped", "strip_number"]


# Compiled on first use, as few runs need it (docs/architecture.md, "Speed").
@functools.cache
def _range_of_clauses() -> re.Pattern[str]:
    return re.compile(
        r"^(?P<unit>[A-Za-z-]+?)s\s+(?P<o>\(?)(?P<a>\d+|[a-z])(?P<c>\)?)\s+to\s+(?P=o)(?P<b>\d+|[a-z])(?P=c)$"
    )


#: A longer range is more likely a misprint than a list of clauses to delete.
_LONGEST_RANGE = 26


def derived_id(statement: str, words: str) -> str:
    """The id given to a new clause whose wording names none: a slug of the
    first words of ``words`` (its heading or text) and six hex digits of a
    hash of the whole ``statement``.

    Examples
    --------
    >>> derived_id("insert new clause after Rule 2: 'Members may vote.'", "Members may vote.")
    'members-may-vote-6aeab2'
    """
    import hashlib  # here: only a wording that inserts a clause needs it, and `show` starts quicker

    slug = "-".join(re.findall(r"[a-z0-9]+", words.lower())[:4]) or "clause"
    digest = hashlib.sha256(" ".join(statement.split()).encode()).hexdigest()[:6]
    return f"{slug}-{digest}"


def strip_number(text: str, number: str | None = None) -> str:
    """A block of new clause text without its own leading number ("K.2 Branches ..."):
    the number is the clause's place, computed by the rule book, not words of it. The
    number is the end of ``number`` (the clause's citation, "Chapter 2, Clause IV,
    section 3 B") written again, or a lone word that can only be a number.

    Examples
    --------
    >>> strip_number("K.2 Branches meet monthly."), strip_number("(f) the treasurer"), strip_number("A member")
    ('Branches meet monthly.', 'the treasurer', 'A member')
    >>> strip_number("3 B New text.", "Chapter 2, Clause IV, section 3 B")
    'New text.'
    >>> strip_number("Section 1.\\n\\nI. Any person", "Article III, Section 1.I")
    'Any person'
    >>> strip_number("(i) A team has a name. (ii) It has a leader.", "Rule 9.1, subrule (8)")
    '(i) A team has a name. (ii) It has a leader.'
    """
    cited = [w.strip("().:,").lower() for w in (number or "").split()]
    # "Section 1.\n\nI. Any person ..." for "Article III, Section 1.I": the citation's parts on their own lines
    parted = re.sub(r"^(\S+\s+[0-9A-Za-z]{1,4})\.\s*\n\s*([0-9A-Za-z]{1,4}\.)[ \t]", r"\1.\2 ", text.strip())
    for written in dict.fromkeys((text.strip(), parted)):
        words = re.split(r"[ \t]+", written)
        for k in range(min(4, len(words) - 1, len(cited)), 0, -1):
            if [w.strip("().:,").lower() for w in words[:k]] == cited[-k:]:
                return " ".join(words[k:]).strip().lstrip("–—-:").strip()
    words = re.split(r"[ \t]+", text.strip())
    first = words[0]
    if first.startswith("(") and re.search(r"\s\([0-9A-Za-z]{1,5}\)\s", " ".join(words[1:])):
        return text.strip()  # "(i) ... (ii) ...": the first of the text's own items, not its number
    if len(words) > 1 and looks_like_number(first) and numeric_label(first):
        return " ".join(words[1:]).strip().lstrip("–—-:").strip()
    return text.strip()


def own_number_dropped(text: str, own: str) -> str:
    """Quoted new text without the clause's own number in front ("K.2 Text", "1.3.4No branch ..."
    for Rule D.1.3.4); other text is kept whole, as quoted."""
    bare = own.strip("().:")
    for number in (own.strip(".:"), bare, re.sub(r"^[A-Za-z]+\.?\s*", "", bare)):  # "(h) Text" for clause (h)
        if number and text.startswith(number) and not text[len(number) : len(number) + 1].isdigit():
            rest = text[len(number) :].lstrip(".):–—- ")
            if rest:
                return rest
    return text


def clause_range(ref: str) -> list[str]:
    """ "subsections (3) to (7)", "Rules 4 to 6", "paragraphs (b) to (d)": each clause of a
    range of plain numbers or single letters, with the singular word; [] for anything else."""
    m = _range_of_clauses().match(ref.strip())
    if m is None or m["unit"].lower() not in CLAUSE_WORDS:
        return []
    first, last = m["a"], m["b"]
    if first.isdigit() != last.isdigit():
        return []
    lo, hi = (int(first), int(last)) if first.isdigit() else (ord(first), ord(last))
    if not 0 < hi - lo < _LONGEST_RANGE:
        return []
    label = (lambda n: str(n)) if first.isdigit() else chr
    return [f"{m['unit']} {m['o']}{label(n)}{m['c']}" for n in range(lo, hi + 1)]


def numeric_label(word: str) -> bool:
    """A leading number only when it cannot be a word: it has a digit or brackets."""
    return any(c.isdigit() for c in word) or word.startswith("(") or word.endswith(")")
