"""Phrases are found as whole words: one absent as whole words is refused, never applied."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.apply import apply
from rulebook.amend.motion import Amendment, Motion
from rulebook.errors import AmendmentError
from rulebook.model import Clause, Level, Version

# few letters, so that phrases often occur inside longer words; no '[' (cross-references)
_ALPHABET = st.sampled_from("ab1 .,;-'")
_TEXTS = st.text(_ALPHABET, max_size=40)
_PHRASES = st.text(_ALPHABET, min_size=1, max_size=6)


def _whole(text: str, phrase: str) -> bool:
    """The oracle, written plainly: some occurrence with no letter or digit glued to either end."""
    for i in range(len(text) - len(phrase) + 1):
        if text[i : i + len(phrase)] != phrase:
            continue
        left = i == 0 or not (phrase[0].isalnum() and text[i - 1].isalnum())
        end = i + len(phrase)
        right = end == len(text) or not (phrase[-1].isalnum() and text[end].isalnum())
        if left and right:
            return True
    return False


def _present(text: str, phrase: str) -> bool:
    """Present as whole words, or (a stray mark inside the closing quote) without its final mark."""
    bare = phrase[:-1].rstrip()
    return _whole(text, phrase) or (phrase[-1] in ".,;:" and bool(bare) and _whole(text, bare))


@given(_TEXTS, _PHRASES, st.sampled_from(["replace_words", "delete_words", "insert_words"]))
def test_a_phrase_not_present_as_whole_words_is_refused(text, phrase, op):
    version = Version("club", "1", [Level("arabic", "Rule {n}")], [Clause("r", text=text or None)])
    if op == "replace_words":
        a = Amendment(op, clause="r", old=phrase, new="zz")
    elif op == "delete_words":
        a = Amendment(op, clause="r", words=phrase)
    else:
        a = Amendment(op, clause="r", after=phrase, words="zz")
    try:
        out = apply(version, Motion("m", [a]))
    except AmendmentError:
        return
    assert _present(text, phrase), f"{phrase!r} is not in {text!r} as whole words, yet {op} applied"
    assert out.clause("r").text != text or op == "replace_words"
