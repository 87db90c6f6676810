"""A model-based test of the whole pipeline (issue 6, point 2).

A hypothesis state machine drafts motions, applies them, diffs versions,
drafts back, saves and loads, checks and asks questions in random order,
against a reference model: plain dicts of clause texts, headings, provisions
and children, edited by a dozen lines of Python per operation. At every step
the library and the model must agree, and no version made so far may have
changed.

Features built in parallel (diff, draft, check, ask) are used when their
modules are importable; their rules are skipped otherwise.
"""

from __future__ import annotations

import copy
import datetime as dt
import importlib
import itertools
import tempfile
from pathlib import Path
from types import ModuleType
from typing import Any

from hypothesis import settings
from hypothesis import strategies as st
from hypothesis.stateful import RuleBasedStateMachine, initialize, invariant, precondition, rule

from rulebook.amend.apply import apply, apply_all
from rulebook.amend.motion import Amendment, Motion
from rulebook.errors import CitationError, RulebookError
from rulebook.io import motions as motion_io
from rulebook.io.rulebook import dump_data, dumps, load_file, save
from rulebook.model import Version, thaw
from rulebook.numbering import resolve_id
from rulebook.strategies import motion_sets, motions, rulebooks

_PUNCT_AFTER = tuple(",.;:)]!?'\"")
_HISTORY = 6  # versions kept: enough to diff and draft between, few enough to recheck each step


def _optional(name: str) -> ModuleType | None:
    try:
        return importlib.import_module(name)
    except ImportError:
        return None


DIFF = _optional("rulebook.diff")
DRAFT = _optional("rulebook.amend.draft")
CHECK = _optional("rulebook.check.engine")
ASK = _optional("rulebook.ask")


# -- the reference model ---------------------------------------------------------


def _strict(value: Any) -> Any:
    """A value compared with its types: ``True``, ``1`` and ``1.0`` differ here, as in YAML."""
    if isinstance(value, dict):
        return ("map", tuple(sorted((str(k), _strict(v)) for k, v in value.items())))
    if isinstance(value, list | tuple):
        return ("seq", tuple(_strict(v) for v in value))
    return (type(value).__name__, value)


class Model:
    """What a rule book says, in plain dicts, and the operations on it."""

    def __init__(self, data: dict[str, Any]) -> None:
        self.texts: dict[str, str | None] = {}
        self.headings: dict[str, str | None] = {}
        self.provisions: dict[str, dict[str, Any]] = {}
        self.children: dict[str | None, list[str]] = {None: []}
        for clause in data["clauses"]:
            self._add(clause, None, len(self.children[None]))

    @classmethod
    def of(cls, version: Version) -> Model:
        """The model of a version, read from its plain data (not from the tree helpers)."""
        return cls(dump_data(version))

    def state(self) -> tuple[Any, ...]:
        provisions = {cid: _strict(held) for cid, held in self.provisions.items()}
        return self.texts, self.headings, provisions, self.children

    def __eq__(self, other: object) -> bool:
        return isinstance(other, Model) and self.state() == other.state()

    def __repr__(self) -> str:
        return f"Model{self.state()!r}"

    def parent(self, cid: str) -> str | None:
        return next(p for p, kids in self.children.items() if cid in kids)

    def _add(self, clause: dict[str, Any], parent: str | None, index: int) -> None:
        cid = clause["id"]
        self.texts[cid] = clause.get("text")
        self.headings[cid] = clause.get("heading")
        self.provisions[cid] = copy.deepcopy(clause.get("provisions", {}))
        self.children[cid] = []
        self.children[parent].insert(index, cid)
        for i, child in enumerate(clause.get("clauses", [])):
            self._add(child, cid, i)

    def _subtree(self, cid: str) -> list[str]:
        out = [cid]
        for child in self.children[cid]:
            out += self._subtree(child)
        return out

    def _place(self, where: str, anchor: str) -> tuple[str | None, int]:
        if where == "into":
            return anchor, len(self.children[anchor])
        parent = self.parent(anchor)
        i = self.children[parent].index(anchor)
        return parent, i + 1 if where == "after" else i

    @staticmethod
    def _find(text: str, phrase: str, occurrence: int | None) -> int:
        def whole(i: int) -> bool:  # no letter or digit glued to either end (docs/motions.md)
            end = i + len(phrase)
            left = i == 0 or not (phrase[0].isalnum() and text[i - 1].isalnum())
            return left and (end == len(text) or not (phrase[-1].isalnum() and text[end].isalnum()))

        starts = [i for i in range(len(text)) if text.startswith(phrase, i) and whole(i)]
        return starts[(occurrence or 1) - 1]

    @staticmethod
    def _cut(text: str, start: int, end: int) -> str:
        before, after = text[:start], text[end:]
        if before.endswith(" ") and (not after or after.startswith((" ", *_PUNCT_AFTER))):
            before = before[:-1]
        elif after.startswith(" ") and (not before or before.endswith(("(", "["))):
            after = after[1:]
        return before + after

    def amend(self, a: Amendment, base: Version) -> None:
        def ref(r: str | None) -> str:
            try:
                return resolve_id(base, r or "")
            except CitationError:
                return (r or "").strip()  # a clause an earlier amendment of the motion added

        if a.op in ("replace_words", "delete_words", "insert_words"):
            cid = ref(a.clause)
            text = self.texts[cid] or ""
            if a.op == "replace_words":
                start = self._find(text, a.old or "", a.occurrence)
                end = start + len(a.old or "")
                text = text[:start] + a.new + text[end:] if a.new else self._cut(text, start, end)
            elif a.op == "delete_words":
                start = self._find(text, a.words or "", a.occurrence)
                text = self._cut(text, start, start + len(a.words or ""))
            elif a.after is not None:
                end = self._find(text, a.after, a.occurrence) + len(a.after)
                words = a.words or ""
                sep = "" if words.startswith(_PUNCT_AFTER) or words[:1].isspace() else " "
                text = text[:end] + sep + words + text[end:]
            else:
                start = self._find(text, a.before or "", a.occurrence)
                words = a.words or ""
                text = text[:start] + words + ("" if words[-1:].isspace() else " ") + text[start:]
            self.texts[cid] = text
        elif a.op == "replace_text":
            cid = ref(a.clause)
            if a.text is not None:
                self.texts[cid] = a.text or None
            if a.heading is not None:
                self.headings[cid] = a.heading or None
        elif a.op == "insert_clause":
            assert a.anchor is not None and a.new_clause is not None
            where, anchor = a.anchor
            parent, index = self._place(where, ref(anchor))
            from rulebook.io.rulebook import _clause_data  # the plain data of the new clause

            self._add(_clause_data(a.new_clause), parent, index)
        elif a.op == "delete_clause":
            cid = ref(a.clause)
            self.children[self.parent(cid)].remove(cid)
            for gone in self._subtree(cid):
                for table in (self.texts, self.headings, self.provisions, self.children):
                    del table[gone]
        elif a.op == "move_clause":
            assert a.anchor is not None
            cid = ref(a.clause)
            where, anchor = a.anchor
            self.children[self.parent(cid)].remove(cid)
            parent, index = self._place(where, ref(anchor))
            self.children[parent].insert(index, cid)
        elif a.op == "set_provision":
            self.provisions[ref(a.clause)][a.name or ""] = thaw(a.value)
        elif a.op == "remove_provision":
            del self.provisions[ref(a.clause)][a.name or ""]
        else:  # pragma: no cover - the strategies draw only the operations above
            raise AssertionError(a.op)

    def applied(self, motion: Motion, base: Version) -> Model:
        out = copy.deepcopy(self)
        for a in motion.amendments:
            out.amend(a, base)
        return out

    def provision_holder(self, name: str) -> str | None:
        return next((cid for cid, held in self.provisions.items() if name in held), None)


# -- the machine -----------------------------------------------------------------


class Pipeline(RuleBasedStateMachine):
    """Versions made so far, each with the text it saved to when made and its model."""

    def __init__(self) -> None:
        super().__init__()
        self.versions: list[tuple[Version, str, Model]] = []
        self.made = 0

    # -- helpers
    @property
    def current(self) -> Version:
        return self.versions[-1][0]

    @property
    def model(self) -> Model:
        return self.versions[-1][2]

    def keep(self, version: Version, model: Model) -> None:
        assert Model.of(version) == model, "the library and the reference model disagree"
        self.versions.append((version, dumps(version), model))
        del self.versions[:-_HISTORY]

    def label(self) -> str:
        self.made += 1
        return f"v{self.made}"

    # -- rules
    @initialize(version=rulebooks(max_depth=3, max_clauses=10, min_clauses=3))
    def start(self, version: Version) -> None:
        self.keep(version, Model.of(version))

    @precondition(lambda self: len(self.current) > 0)
    @rule(data=st.data())
    def amend(self, data: st.DataObject) -> None:
        motion = data.draw(motions(self.current, max_amendments=3), label="motion")
        result = apply(self.current, motion, label=self.label())
        self.keep(result, self.model.applied(motion, self.current))

    @precondition(lambda self: len(self.current) > 0)
    @rule(data=st.data())
    def amend_with_disjoint_motions(self, data: st.DataObject) -> None:
        base = self.current
        group = data.draw(motion_sets(base, "disjoint", max_size=3), label="motions")
        result = apply_all(base, group, label=self.label())
        model = self.model
        for motion in group:
            model = model.applied(motion, base)
        if CHECK is not None:
            report = CHECK.check(base, group, today=dt.date(2030, 1, 1))
            # words and provisions (docs/provisions.md) are findings about one motion, not how they combine
            combined = [f for f in report.findings if f.kind not in ("unstated-provision", "provision-drift")]
            assert not combined, [f.message for f in combined]
        self.keep(result, model)

    @precondition(lambda self: CHECK is not None and len(self.current) > 0)
    @rule(data=st.data())
    def check_shared_motions(self, data: st.DataObject) -> None:
        assert CHECK is not None
        base = self.current
        group = data.draw(motion_sets(base, "shared", max_size=3), label="motions")
        report = CHECK.check(base, group, today=dt.date(2030, 1, 1))
        assert not any(f.kind == "does-not-apply" for f in report.findings)

        def outcome(order: tuple[Motion, ...]) -> Any:
            try:
                return apply_all(base, order).clauses
            except RulebookError:
                return "fails"

        for a, b in itertools.combinations(group, 2):
            if outcome((a, b)) != outcome((b, a)):
                named = [set(f.motions) for f in report.findings]
                assert any({a.id, b.id} <= motions_ for motions_ in named), (a.id, b.id, report.findings)

    @precondition(lambda self: DIFF is not None and len(self.versions) > 1)
    @rule(data=st.data())
    def diff_two_versions(self, data: st.DataObject) -> None:
        assert DIFF is not None
        i, j = data.draw(st.lists(st.integers(0, len(self.versions) - 1), min_size=2, max_size=2), label="pair")
        (old, _, m_old), (new, _, m_new) = self.versions[i], self.versions[j]
        d = DIFF.diff(old, new)
        assert {c.id for c in d.added} == set(m_new.texts) - set(m_old.texts)
        assert {c.id for c in d.deleted} == set(m_old.texts) - set(m_new.texts)
        for cid in set(m_old.texts) & set(m_new.texts):
            entry = d.clause(cid)
            assert (m_old.texts[cid] != m_new.texts[cid]) == (entry is not None and entry.text is not None), cid
            assert (m_old.headings[cid] != m_new.headings[cid]) == (entry is not None and entry.heading is not None)
            real = [p for p in (entry.provisions if entry else ()) if p.kind != "affirmed"]
            assert (_strict(m_old.provisions[cid]) != _strict(m_new.provisions[cid])) == bool(real), (cid, entry)
            if m_old.parent(cid) != m_new.parent(cid):
                assert entry is not None and entry.moved, cid
        # a provision set again to the value it had is "affirmed": reported, though nothing changed
        affirmed_only = all(
            c.status == "kept"
            and not c.moved
            and c.text is None
            and c.heading is None
            and all(p.kind == "affirmed" for p in c.provisions)
            for c in d.clauses
        )
        if m_old == m_new:
            assert d.is_empty or affirmed_only, d.clauses
        else:
            assert not d.is_empty

    @precondition(lambda self: DRAFT is not None and len(self.versions) > 1)
    @rule(data=st.data())
    def draft_back(self, data: st.DataObject) -> None:
        assert DRAFT is not None
        i = data.draw(st.integers(0, len(self.versions) - 2), label="back to")
        target, _, target_model = self.versions[i]
        if target.clauses == self.current.clauses or not self.current.clauses:
            return  # nothing to amend; or no clause to anchor an insertion to (docs/motions.md has no "into the book")
        motion = DRAFT.draft(self.current, target)
        (from_file,) = motion_io.loads(motion_io.dumps([motion]), "drafted.yaml")
        result = apply(self.current, from_file, label=self.label())
        assert result.clauses == target.clauses
        self.keep(result, target_model)

    @rule()
    def save_and_load(self) -> None:
        with tempfile.TemporaryDirectory() as tmp:
            path = Path(tmp) / "book.yaml"
            save(self.current, path)
            again = load_file(path)
        assert again == self.current
        assert Model.of(again) == self.model

    @precondition(lambda self: ASK is not None and any(self.model.provisions.values()))
    @rule(data=st.data())
    def ask_a_provision(self, data: st.DataObject) -> None:
        assert ASK is not None
        names = sorted(name for held in self.model.provisions.values() for name in held)
        name = data.draw(st.sampled_from(names), label="provision")
        answer = ASK.ask(self.current, "provision", {"name": name})
        assert answer.status == "determined"
        expected = self.model.provisions[self.model.provision_holder(name) or ""][name]
        assert _strict(thaw(answer.answer["value"])) == _strict(expected)
        assert answer.answer["id"] == self.model.provision_holder(name)

    # -- invariants
    @invariant()
    def no_version_ever_changes(self) -> None:
        for version, text, _ in self.versions:
            assert dumps(version) == text

    @invariant()
    def the_library_agrees_with_the_model(self) -> None:
        if self.versions:
            assert Model.of(self.current) == self.model


Pipeline.TestCase.settings = settings(
    settings.default,
    max_examples=max(20, settings.default.max_examples // 2),
    stateful_step_count=12 if settings.default.max_examples <= 100 else 30,
)
TestPipeline = Pipeline.TestCase
