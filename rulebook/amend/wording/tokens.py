"""The tokens of an amendment wording, read on demand at any position.

Words, quoted phrases, ``, ; : . ( )``, dashes, and the plain text that runs
to the end of an instruction after a colon or dash. Quotes may be straight,
curly, doubled (``''…''`` and ````…''``), mixed (``‘…'``) and nested: inside a
quote, a quote mark that opens (after a space, before a letter) opens an inner
quote, which its closing mark ends; a ``'`` or ``’`` between letters is an
apostrophe, and the closing mark written twice stands for itself.
See :mod:`rulebook.amend.wording` for the grammar over these tokens.

Examples
--------
>>> lex = Lexer("After ‘elections.’ (line 2) add: ‘a ‘due diligence’ check’")
>>> [lex.token(p).value for p in (0, 6, 19)]
['After', 'elections.', '(']
>>> lex.token(33).value
'a ‘due diligence’ check'
"""

from __future__ import annotations

import attrs

from rulebook.errors import WordingError

__all__ = ["EXAMPLE", "Lexer", "Token", "is_break"]

EXAMPLE = "e.g. \"Chapter 4, Clause II.2: delete '15 per cent' and insert '10 per cent'\""
#: Each opening mark and the marks that may close it (drafters mix curly and straight).
CLOSERS = {"'": "'’", '"': "\"”", "‘": "’'", "“": "”\"", "’": "’'", "”": "”\"", "`": "'’"}  # fmt: skip
_OPENERS = "'\"‘“`"
_SINGLE = "'‘’"
_DOUBLE = '"“”'
DASHES = ("-", "–", "—")


@attrs.frozen
class Token:
    """One token: ``kind`` is word, quoted, ``, ; : . ( )``, dash or end."""

    kind: str
    text: str  # the source text of the token
    value: str  # the word, or a quoted phrase's content
    start: int
    end: int

    @property
    def key(self) -> str:
        """The word lowered, for keyword matching ('' for other tokens)."""
        return self.value.lower() if self.kind == "word" else ""


def is_break(source: str, i: int) -> bool:
    """True when position i is the end, white space or closing punctuation."""
    return i >= len(source) or source[i].isspace() or source[i] in ",;:.)"


class Lexer:
    """Tokens of one wording, read on demand at any position."""

    def __init__(self, source: str) -> None:
        self.source = source
        # The token read at each position: the grammar looks ahead and backtracks, reading
        # the same few positions many times over (a token depends only on the source and position).
        self._read: dict[int, Token] = {}

    def skip(self, pos: int) -> int:
        src = self.source
        while pos < len(src) and src[pos].isspace():
            pos += 1
        return pos

    def error(self, pos: int, expected: str) -> WordingError:
        """One line naming the word and column where reading stopped, what was expected and a form that works."""
        src = self.source
        pos = self.skip(pos)
        shown = " ".join(src.split())
        if len(shown) > 200:
            shown = shown[:197] + "..."
        if pos >= len(src):
            where = "at the end"
        else:
            word_no = len(src[:pos].split()) + 1
            word = src[pos:].split()[0]
            where = f"at word {word_no} ({word!r}, column {pos + 1})"
        return WordingError(f'cannot read the wording "{shown}" {where}: expected {expected}; {EXAMPLE}')

    def token(self, pos: int) -> Token:
        """The token at ``pos`` (after any white space there)."""
        tok = self._read.get(pos)
        if tok is None:
            tok = self._read[pos] = self._token(pos)
        return tok

    def _token(self, pos: int) -> Token:
        src = self.source
        pos = self.skip(pos)
        if pos >= len(src):
            return Token("end", "", "", pos, pos)
        c = src[pos]
        if c in _OPENERS or (c in "’”" and pos + 1 < len(src) and not src[pos + 1].isspace()) or self.reversed(pos):
            if c == "`" and not src.startswith("``", pos):
                return self.word(pos)
            return self.quoted(pos)
        if c in ",;()":
            return Token(c, c, c, pos, pos + 1)
        if c in "—–" and pos > 0 and not src[pos - 1].isspace() and (is_break(src, pos + 1) or src[pos + 1] in CLOSERS):
            return Token("dash", c, c, pos, pos + 1)
        if c in DASHES and (is_break(src, pos + 1) or src[pos + 1] in CLOSERS) and (pos == 0 or src[pos - 1].isspace()):
            return Token("dash", c, c, pos, pos + 1)
        if c == ":" and src[pos + 1 : pos + 2] in DASHES:
            return Token(":", src[pos : pos + 2], c, pos, pos + 2)  # ":-" introduces what follows
        if c == ":" and (is_break(src, pos + 1) or src[pos + 1] in CLOSERS):
            return Token(":", c, c, pos, pos + 1)
        if c == "." and is_break(src, pos + 1):
            return Token(".", c, c, pos, pos + 1)
        return self.word(pos)

    def word(self, pos: int) -> Token:
        src = self.source
        end = pos
        while end < len(src):
            ch = src[end]
            if ch.isspace() or ch in ",;()":
                break
            if ch == ":" and (is_break(src, end + 1) or src[end + 1] in CLOSERS or src[end + 1] in DASHES):
                break
            if ch == "." and is_break(src, end + 1):
                break
            if ch in "—–" and end > pos and (is_break(src, end + 1) or src[end + 1] in CLOSERS):
                break  # "insert— 'words'": the dash introduces what follows
            if end > pos and src[pos:end].isalpha() and self.reversed(end):
                break  # "delete” the words”": the quote opens after the verb (not "12” to 14”")
            end += 1
        end = max(end, pos + 1)
        return Token("word", src[pos:end], src[pos:end], pos, end)

    def reversed(self, pos: int) -> bool:
        """A closing double mark typed for the opening one: ``”`` before a space, with
        no quote open (this is outside any), and another ``”`` or ``"`` later to close it
        (``Delete ” Brandon House” and ...``)."""
        src = self.source
        return (
            src[pos : pos + 1] == "”"
            and pos + 1 < len(src)
            and src[pos + 1].isspace()
            and any(src.find(m, pos + 1) > 0 for m in '”"')
        )

    def quoted(self, pos: int) -> Token:
        """A quoted phrase from ``pos``; nested quotes are kept in its value."""
        src = self.source
        double = src.startswith("``", pos) or (
            src.startswith("''", pos) and not is_break(src, pos + 2) and src.find("''", pos + 2) > 0
        )
        if double and not src.startswith("'''", pos):
            return self._doubled(pos)
        opener = src[pos]
        closers = CLOSERS[opener]
        family = _SINGLE if opener in _SINGLE else _DOUBLE
        out: list[str] = []
        depth = 0
        i = pos + 1
        while i < len(src):
            ch = src[i]
            prev = src[i - 1]
            nxt = src[i + 1] if i + 1 < len(src) else ""
            if ch in family:
                if nxt == ch:
                    out.append(ch)  # a mark of the quote's kind written twice stands for itself
                    i += 2
                    continue
                if ch in "'’" and prev.isalnum() and nxt.isalnum():
                    out.append(ch)  # an apostrophe: the member's fee
                    i += 1
                    continue
                if (prev.isspace() or prev == "(") and not is_break(src, i + 1) and ch not in "’”":
                    depth += 1  # an inner quote opens: ‘a ‘due diligence’ check’
                elif depth and ch not in "‘“":
                    depth -= 1
                elif ch in closers or (ch == opener and not depth and (not nxt or nxt in ".,;:" or nxt.isspace())):
                    # (an opening mark where the closing one belongs, as a typing slip, closes too)
                    value = "".join(out)
                    if opener == "”" and value[:1].isspace():
                        value = value.lstrip()  # "” Brandon House”": the space after a reversed mark is not quoted
                    return Token("quoted", src[pos : i + 1], value, pos, i + 1)
            out.append(ch)
            i += 1
        raise self.unclosed(pos, closers[0])

    def _doubled(self, pos: int) -> Token:
        src = self.source
        end = src.find("''", pos + 2)
        if end < 0:
            raise self.unclosed(pos, "''")
        return Token("quoted", src[pos : end + 2], src[pos + 2 : end], pos, end + 2)

    def unclosed(self, pos: int, closer: str) -> WordingError:
        src = self.source
        return WordingError(
            f"the quotation that opens at word {len(src[:pos].split()) + 1} (column {pos + 1}) of the wording "
            f'"{" ".join(src.split())[:200]}" is never closed; close it with {closer}'
        )

    def rest(self, pos: int) -> tuple[str, int]:
        """Unquoted new text from ``pos`` to the end of the instruction, and where it ends;
        a stray closing quote mark at its end, with no mark opening it, is dropped."""
        src = self.source
        start = self.skip(pos)
        text = src[start:].strip()
        if text[:1] in DASHES and text[1:2].isspace():
            text = text[1:].strip()  # a block set out as a bullet: "– Each regional committee ..."
        if text[-1:] in "’”'\"" and not any(o in text for o in "‘“'\"" if CLOSERS.get(o, "")[:1] == text[-1]):
            text = text[:-1].rstrip()
        return text, len(src)
