"""``apply_all`` gives what applying each motion in turn gives (docs/architecture.md, "Speed").

``apply_all`` holds the edits of word-only motions back and builds one version
for many; the oracle here is the plain loop it replaced: :func:`apply` folded
over the motions, each resolving its citations in its base. Both must give
versions equal in everything a version holds (clauses with their bindings, the
two maps, provenance, label, parent, changes), or fail with the same message.
"""

from __future__ import annotations

import contextlib
import importlib.util
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
from hypothesis import given
from hypothesis import strategies as st

from rulebook.amend.apply import apply, apply_all
from rulebook.amend.motion import Amendment, Motion
from rulebook.binding import BindingError, bind
from rulebook.errors import RulebookError
from rulebook.io.rulebook import loads
from rulebook.model import Clause, Level, Version, typed_key, walk
from rulebook.statement import Stated
from rulebook.strategies import motion_sets, rulebooks

ROOT = Path(__file__).resolve().parents[2]
_spec = importlib.util.spec_from_file_location("generate", ROOT / "benchmarks" / "generate.py")
assert _spec is not None and _spec.loader is not None
generate = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(generate)

WORD_OPS = ("replace_words", "insert_words", "delete_words", "replace_text")


def one_by_one(
    version: Version, motions: Sequence[Motion], bases: Mapping[str, Version] | None = None, label: str | None = None
) -> Version:
    """The reference: each motion applied with :func:`apply` to the result of the one before."""
    lookup = dict(bases or {})
    lookup.setdefault(version.label, version)
    current, done = version, []
    for motion in motions:
        current = apply(current, motion, bases=lookup)
        done.append(current.changes[0])
    return attrs.evolve(
        current,
        label=label or (current.label if len(done) == 1 else f"{version.label}+{len(done)} motions"),
        parent=version.label,
        changes=tuple(done),
    )


def _outcome(run: Any) -> tuple[str, Any]:
    try:
        return "ok", run()
    except RulebookError as exc:
        return type(exc).__name__, str(exc)


def _content(version: Version) -> tuple[Any, ...]:
    """Everything a version holds, the bindings (left out of ``==``) included."""
    clauses = [
        (depth, c.id, c.heading, c.text, typed_key(c.provisions), c.number, c.stated)
        for depth, c in walk(version.clauses)
    ]
    return (
        version,
        version.label,
        version.parent,
        version.changes,
        dict(version.provenance),
        dict(version.parents),
        dict(version.provision_index),
        clauses,
    )


def assert_same_as_one_by_one(version: Version, motions: Sequence[Motion], **kwargs: Any) -> None:
    expected = _outcome(lambda: one_by_one(version, motions, **kwargs))
    got = _outcome(lambda: apply_all(version, motions, **kwargs))
    if expected[0] == "ok":
        assert got[0] == "ok", got
        assert _content(got[1]) == _content(expected[1])
        for _, clause in walk(got[1].clauses):
            assert got[1].clause(clause.id) is clause  # the paths and the tree agree
    else:
        assert got == expected


def _bound(version: Version) -> Version:
    """``version`` with every clause's provisions bound to the words that state them."""

    def build(clause: Clause) -> Clause:
        return bind(attrs.evolve(clause, children=tuple(build(c) for c in clause.children)))

    return Version(version.rulebook, version.label, version.numbering, [build(c) for c in version.clauses])


def _rebased(draw: st.DrawFn, motions: Sequence[Motion]) -> list[Motion]:
    """Some motions drafted against the version in hand (no base), so they resolve there."""
    return [attrs.evolve(m, base=None) if draw(st.booleans()) else m for m in motions]


@given(st.data())
def test_word_motions_apply_together_as_one_by_one(data):
    version = data.draw(rulebooks(max_depth=4, max_clauses=14))
    if data.draw(st.booleans()):
        version = _bound(version)
    group = data.draw(motion_sets(version, data.draw(st.sampled_from(["any", "shared"])), max_size=4, ops=WORD_OPS))
    group = _rebased(data.draw, data.draw(st.permutations(group)))
    assert_same_as_one_by_one(version, group)


@given(st.data())
def test_any_motions_apply_together_as_one_by_one(data):
    version = data.draw(rulebooks(max_depth=4, max_clauses=14))
    if data.draw(st.booleans()):
        version = _bound(version)
    group = data.draw(motion_sets(version, "any", max_size=4, max_amendments=3))
    group = _rebased(data.draw, data.draw(st.permutations(group)))
    assert_same_as_one_by_one(version, group, label=data.draw(st.sampled_from([None, "2"])))


_OPS_MIXES = [
    ("replace_words",),
    ("replace_words", "set_provision"),
    ("replace_words", "insert_clause", "delete_clause"),
    generate.MOTION_OPS,
]


@given(
    st.integers(0, 10_000),
    st.sampled_from(_OPS_MIXES),
    st.sampled_from([0.0, 0.3, 0.8]),
    st.booleans(),
)
def test_generated_motions_apply_together_as_one_by_one(seed, ops, overlap, shuffled):
    book = loads(generate.generate(clauses=120, depth=4, seed=seed % 7), "synthetic.yaml")
    motions = generate.generate_motions(book, 12, seed=seed, overlap=overlap, ops=ops, amendments=(1, 3))
    if shuffled:
        motions = motions[::-1]
    assert_same_as_one_by_one(book, motions)


@given(st.data())
def test_a_later_motion_may_resolve_in_an_ancestor_or_the_version_in_hand(data):
    version = data.draw(rulebooks(max_depth=3, max_clauses=10))
    first = data.draw(motion_sets(version, "any", min_size=1, max_size=2, ops=WORD_OPS))
    middle = one_by_one(version, first) if _outcome(lambda: one_by_one(version, first))[0] == "ok" else version
    later = data.draw(motion_sets(middle, "any", min_size=1, max_size=2, ops=WORD_OPS))
    later = [attrs.evolve(m, id=f"later{i}") for i, m in enumerate(later)]
    bases = {middle.label: middle} if middle is not version else None
    assert_same_as_one_by_one(version, [*first, *later], bases=bases)


# Books whose words state their provisions, and motions that reword, set, insert and delete them.
_NUMBERS = ["two", "Six", "7", "12", "15 per cent", "3 years", "Eight"]
_TEMPLATES = ["The quorum is {} members.", "Dues are {} of income.", "{} members elected by CLPs.", "A term of {}."]


@st.composite
def bound_books(draw: st.DrawFn) -> Version:
    """A version of a few clauses whose words state their numbers (bound), some
    counting their sub-clauses' seats (``from: sub-clauses``)."""
    count = iter(range(1000))

    def leaf(seats: bool = False) -> Clause:
        n = next(count)
        number = draw(st.sampled_from(_NUMBERS))
        text = (_TEMPLATES[2] if seats else draw(st.sampled_from(_TEMPLATES))).format(number)
        value = loads_value(number)
        provisions = {f"p{n}": value} if value is not None and draw(st.booleans()) else {}
        return bind(Clause(f"c{n}", text=text, provisions=provisions))

    def parent(depth: int) -> Clause:
        n = next(count)
        counted = [Stated(f"s{n}", source="sub-clauses")] if draw(st.booleans()) else []
        children = tuple(
            parent(depth + 1) if depth < 1 and not counted and draw(st.booleans()) else leaf(seats=bool(counted))
            for _ in range(draw(st.integers(1, 3)))
        )
        clause = Clause(f"c{n}", text=draw(st.sampled_from(["The committee:", "Six form a quorum.", None])))
        clause = attrs.evolve(clause, children=children, provisions={f"q{n}": 6} if clause.text else {})
        try:
            return bind(clause, counted)
        except BindingError:
            return bind(clause)

    clauses = [parent(0) if draw(st.booleans()) else leaf() for _ in range(draw(st.integers(1, 3)))]
    return Version("club", "1", [Level("arabic", "Rule {n}"), Level("lower-alpha"), Level("lower-roman")], clauses)


def loads_value(words: str) -> Any:
    """The value a number's words state (None for a share or a term: kept simple)."""
    return {"two": 2, "Six": 6, "7": 7, "12": 12, "Eight": 8}.get(words)


@st.composite
def rewording_motions(draw: st.DrawFn, version: Version, motion_id: str) -> Motion:
    clauses = [c for _, c in walk(version.clauses)]
    if not clauses:  # every clause deleted: a motion that fails
        return Motion(motion_id, [Amendment("replace_words", clause="Rule 1", old="members", new="people")])
    worded = [c for c in clauses if c.text] or clauses
    amendments = []
    for _ in range(draw(st.integers(1, 3))):
        clause = draw(st.sampled_from(worded))
        said = next((w for w in _NUMBERS if clause.text and w in clause.text), None) or "members"
        other = draw(st.sampled_from(_NUMBERS))
        op = draw(st.sampled_from(["replace", "replace", "reword", "text", "delete", "insert", "set", "new", "drop"]))
        if op == "reword" and clause.text and "elected" in clause.text:  # the same seats in other words
            amendments.append(Amendment("replace_words", clause=clause.id, old="elected", new="chosen"))
        elif op == "replace":
            amendments.append(Amendment("replace_words", clause=clause.id, old=said, new=other))
        elif op == "text":
            text = draw(st.sampled_from(_TEMPLATES)).format(other)
            amendments.append(Amendment("replace_text", clause=clause.id, text=text))
        elif op == "delete":
            amendments.append(Amendment("delete_words", clause=clause.id, words=said))
        elif op == "insert":
            amendments.append(Amendment("insert_words", clause=clause.id, words="at least", before=said))
        elif op == "set" and clause.provisions:
            name = draw(st.sampled_from(sorted(clause.provisions)))
            amendments.append(Amendment("set_provision", clause=clause.id, name=name, value=draw(st.integers(1, 9))))
        elif op == "new":
            new = Clause(f"new{motion_id}", text=f"The quorum is {other} members.", provisions={f"n{motion_id}": 3})
            amendments.append(Amendment("insert_clause", new_clause=new, after=clause.id))
        elif op == "drop" and not clause.children and len(clauses) > 1:
            amendments.append(Amendment("delete_clause", clause=clause.id))
    if not amendments:
        amendments.append(Amendment("replace_words", clause=clauses[0].id, old="members", new="people"))
    return Motion(motion_id, amendments)


@given(st.data())
def test_bound_values_follow_their_words_as_one_by_one(data):
    version = data.draw(bound_books())
    current, group = version, []
    for i in range(data.draw(st.integers(1, 4))):
        motion = data.draw(rewording_motions(current, f"m{i}"))  # drafted with the words of the version in hand
        group.append(attrs.evolve(motion, base=data.draw(st.sampled_from([version.label, None]))))
        with contextlib.suppress(RulebookError):  # a motion that fails makes the whole group fail
            current = apply(current, group[-1], bases={version.label: version})
    assert_same_as_one_by_one(version, group)
