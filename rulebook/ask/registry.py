"""The question registry: questions are plain functions registered by name.

Register your own with the :func:`question` decorator, or, from another
installed package, with an entry point in the group ``rulebook.questions``
(name: the question's name; value: ``module:function``), loaded only when the
question is first asked or the list of questions is needed. The built-in
questions (:mod:`rulebook.ask.questions`) load the same lazy way.

The registry is the one piece of module-level state here, on purpose: a
decorator has to put the function somewhere a later ``ask`` can find it.
Pass your own :class:`Registry` to ``ask`` to keep questions apart.

Examples
--------
>>> registry = Registry()
>>> @question("club.fee", facts=("members",), registry=registry)
... def fee(view, facts):
...     return {"fee": view.get("fees.annual")}
>>> registry.get("club.fee").facts
('members',)
>>> registry.get("club.fe")
Traceback (most recent call last):
...
rulebook.errors.QuestionError: no question 'club.fe'; did you mean 'club.fee'? ...
"""

from __future__ import annotations

import difflib
import importlib
from collections.abc import Callable, Iterable, Mapping
from importlib import metadata
from typing import Any, TypeVar

import attrs

from rulebook.ask.answer import Outcome
from rulebook.ask.facts import Fact
from rulebook.ask.view import ProvisionView
from rulebook.errors import QuestionError

__all__ = ["ENTRY_POINT_GROUP", "REGISTRY", "Question", "QuestionFunction", "Registry", "question"]

#: Entry point group through which installed packages add questions.
ENTRY_POINT_GROUP = "rulebook.questions"
_BUILTINS = "rulebook.ask.questions"

QuestionFunction = Callable[[ProvisionView, Fact], "Outcome | Mapping[str, Any]"]
F = TypeVar("F", bound=Callable[..., Any])


@attrs.frozen
class Question:
    """A registered question: its name, function, and the facts it accepts.

    ``facts`` lists the top-level fact names it accepts (None: any), and
    ``required`` those it cannot do without; both are checked before the
    function runs, so a misspelt fact gets a did-you-mean.

    Examples
    --------
    >>> def fee(view, facts):
    ...     '''The annual fee, and what the members pay in all.'''
    ...     return {"fee": view.get("fees.annual")}
    >>> q = Question("club.fee", fee, facts=("members",))
    >>> q.summary
    'The annual fee, and what the members pay in all.'
    >>> q.check_facts(Fact.root({"member": 40}))
    Traceback (most recent call last):
    ...
    rulebook.errors.FactsError: unknown fact 'member' for question club.fee; did you mean 'members'?
    """

    name: str
    function: QuestionFunction
    facts: tuple[str, ...] | None = None
    required: tuple[str, ...] = ()

    @property
    def summary(self) -> str:
        """The first line of the function's docstring."""
        doc = (self.function.__doc__ or "").strip()
        return doc.splitlines()[0] if doc else ""

    def check_facts(self, facts: Fact) -> None:
        """Refuse unknown and missing top-level facts, before the question runs."""
        if self.facts is not None:
            facts.check_keys(self.facts, what=f"question {self.name}")
        for key in self.required:
            facts.require(key)


def _same_function(a: Callable[..., Any], b: Callable[..., Any]) -> bool:
    return (getattr(a, "__module__", None), getattr(a, "__qualname__", None)) == (
        getattr(b, "__module__", None),
        getattr(b, "__qualname__", None),
    )


class Registry:
    """Questions by name; built-ins and entry points are loaded on first need.

    Examples
    --------
    >>> def fee(view, facts):
    ...     return {"fee": view.get("fees.annual")}
    >>> club = Registry(builtins=False, entry_points=False)
    >>> club.register(Question("club.fee", fee)).name
    'club.fee'
    >>> club.names(), "club.fee" in club
    (['club.fee'], True)
    >>> club.register(Question("club.fee", lambda view, facts: {}))
    Traceback (most recent call last):
    ...
    rulebook.errors.QuestionError: question 'club.fee' is already registered by ...; choose another name ...
    >>> club.unregister("club.fee")
    >>> club.names()
    []
    >>> "provision" in Registry(entry_points=False)  # the built-in questions
    True
    """

    def __init__(self, *, builtins: bool = True, entry_points: bool = True) -> None:
        self._questions: dict[str, Question] = {}
        self._builtins = builtins
        self._use_entry_points = entry_points
        self._all_entry_points_loaded = False

    def register(self, entry: Question, *, replace: bool = False) -> Question:
        """Add a question; a name already taken by another function is an error
        unless ``replace`` (re-defining the same function, as a notebook does, is fine)."""
        known = self._questions.get(entry.name)
        if known is not None and not replace and not _same_function(known.function, entry.function):
            raise QuestionError(
                f"question {entry.name!r} is already registered by "
                f"{known.function.__module__}.{known.function.__qualname__}; choose another name "
                "or pass replace=True"
            )
        self._questions[entry.name] = entry
        return entry

    def unregister(self, name: str) -> None:
        """Remove a question (no error if it is not there)."""
        self._questions.pop(name, None)

    def _load_builtins(self) -> None:
        if not self._builtins:
            return
        self._builtins = False
        module = importlib.import_module(_BUILTINS)
        if self is not REGISTRY:
            for entry in module.BUILTINS:
                self._questions.setdefault(entry.name, entry)

    def _load_entry_point(self, ep: metadata.EntryPoint) -> None:
        try:
            loaded = ep.load()
        except Exception as exc:  # a broken plugin must not take the engine down
            raise QuestionError(
                f"question {ep.name!r} from entry point {ep.value!r} (group {ENTRY_POINT_GROUP}) "
                f"failed to load: {exc}; fix or uninstall that package"
            ) from None
        if ep.name in self._questions:
            return
        entry = getattr(loaded, "__rulebook_question__", None)
        if isinstance(entry, Question):
            self._questions[ep.name] = attrs.evolve(entry, name=ep.name)
        elif callable(loaded):
            self._questions[ep.name] = Question(ep.name, loaded)
        else:
            raise QuestionError(
                f"entry point {ep.value!r} for question {ep.name!r} is not a function; point it at a question function"
            )

    def _entry_points(self, name: str | None = None) -> Iterable[metadata.EntryPoint]:
        if not self._use_entry_points:
            return ()
        found = metadata.entry_points(group=ENTRY_POINT_GROUP)
        return [ep for ep in found if name is None or ep.name == name]

    def get(self, name: str) -> Question:
        """The question called ``name``; an error listing the nearest names if none is."""
        if name not in self._questions:
            self._load_builtins()
        if name not in self._questions:
            for ep in self._entry_points(name):
                self._load_entry_point(ep)
        if name in self._questions:
            return self._questions[name]
        names = self.names()
        near = difflib.get_close_matches(name, names, n=1)
        hint = f"; did you mean {near[0]!r}?" if near else ""
        raise QuestionError(f"no question {name!r}{hint} (questions: {', '.join(names)})")

    def names(self) -> list[str]:
        """Every question's name, sorted (loads all entry points)."""
        self._load_builtins()
        if not self._all_entry_points_loaded:
            self._all_entry_points_loaded = True
            for ep in self._entry_points():
                if ep.name not in self._questions:
                    self._load_entry_point(ep)
        return sorted(self._questions)

    def __contains__(self, name: object) -> bool:
        return isinstance(name, str) and name in self.names()


#: The registry that :func:`question` and ``ask`` use unless given another.
REGISTRY = Registry()


def question(
    name: str,
    *,
    facts: Iterable[str] | None = None,
    required: Iterable[str] = (),
    registry: Registry | None = None,
    replace: bool = False,
) -> Callable[[F], F]:
    """Register the decorated function as question ``name``; the function is returned unchanged.

    The function takes ``(view, facts)``: a
    :class:`~rulebook.ask.view.ProvisionView` of the version and the
    :class:`~rulebook.ask.facts.Fact` root of the facts. It returns an
    :class:`~rulebook.ask.answer.Outcome`, or a plain mapping when the rules
    settle everything. It must read the version only through ``view``, and
    give the same answer for the same reads and facts (sweeps reuse answers).

    Examples
    --------
    >>> from rulebook.ask import ask
    >>> mine = Registry()  # ``club``: the one-rule book every doctest shares (conftest.py)
    >>> @question("fees.due", facts=("years",), required=("years",), registry=mine)
    ... def due(view, facts):
    ...     return {"due": view.get("fees.annual") * int(facts.require("years").number())}
    >>> ask(club, "fees.due", {"years": 2}, registry=mine).answer["due"]
    30
    """

    def register(function: F) -> F:
        entry = Question(name, function, tuple(facts) if facts is not None else None, tuple(required))
        (registry if registry is not None else REGISTRY).register(entry, replace=replace)
        function.__rulebook_question__ = entry  # type: ignore[attr-defined]
        return function

    return register
