"""Property of the history cache (docs/architecture.md, "The history cache"):
whatever is done to a rule book's files between two loads, the history the
cache gives is the one built afresh, or the same error."""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from rulebook.errors import RulebookError
from rulebook.history import History, load_history
from rulebook.io.cache import HistoryCache

BOOK = (
    'rulebook: club\nversion: "1"\nnumbering: [{{style: arabic, label: "Rule {{n}}"}}]\n'
    'clauses: [{{id: fee, text: "The fee is {fee} pounds."}}]\n'
)
HISTORY = 'versions: [{{version: "{label}", from: "1", motions: [cut.yaml]}}]\n'
CUT = 'motion: cut\nbase: "1"\namendments: [{{op: replace_words, clause: "Rule 1", old: "{old}", new: "{new}"}}]\n'

amounts = st.sampled_from(["10", "15", "20", "99"])
edits = st.one_of(
    st.tuples(st.just("rulebook.yaml"), amounts.map(lambda fee: BOOK.format(fee=fee))),
    st.tuples(st.just("history.yaml"), st.sampled_from(["2", "3", "1"]).map(lambda label: HISTORY.format(label=label))),
    st.tuples(st.just("history.yaml"), st.none()),
    st.tuples(st.just("cut.yaml"), st.tuples(amounts, amounts).map(lambda p: CUT.format(old=p[0], new=p[1]))),
    st.tuples(st.just("cut.yaml"), st.just("motion: [broken\n")),
    st.tuples(st.just("load"), st.none()),
)


def _outcome(load: object) -> tuple[str, object]:
    try:
        history = load()  # type: ignore[operator]
    except RulebookError as exc:
        return "error", str(exc)
    assert isinstance(history, History)
    return "history", (history, history.motions, [v.label for v in history], [v.clauses for v in history])


@given(st.lists(edits, max_size=12))
def test_the_cache_gives_what_a_fresh_build_gives(steps: list[tuple[str, str | None]]) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp, "club")
        root.mkdir()
        (root / "rulebook.yaml").write_text(BOOK.format(fee="15"))
        cache = HistoryCache(Path(tmp, "cache"))
        for name, text in [*steps, ("load", None)]:
            if name == "load":
                assert _outcome(lambda: cache.load(str(root))) == _outcome(lambda: load_history(root))
            elif text is None:
                (root / name).unlink(missing_ok=True)
            else:
                (root / name).write_text(text)
