"""Synthetic rule books and motions for the benchmarks: large, realistic-looking, deterministic.

:func:`generate` writes the YAML text of a rule book of any size and depth
(a numbering scheme with labelled top levels and unlabelled lower ones, clause
text made of rule-book words, ``[[id]]`` cross-references in about one clause
in ten and provisions in about one in twenty). :func:`generate_motions` drafts
motions that are valid against a version of such a book (or of any book).
The same arguments always give the same output.

Run as a script it writes a book to a file::

    python benchmarks/generate.py --clauses 20000 -o /tmp/book.yaml

Other benchmarks, run as ``python benchmarks/NAME.py``, import it with
``from generate import generate, generate_motions``.

Examples
--------
>>> from rulebook.io.rulebook import loads
>>> book = loads(generate(clauses=300, depth=4, seed=1), "synthetic.yaml")
>>> len(book), len(book.numbering)
(300, 4)
>>> generate(clauses=300, depth=4, seed=1) == generate(clauses=300, depth=4, seed=1)
True
"""

from __future__ import annotations

import argparse
import random
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

import yaml

from rulebook.amend.apply import find_phrase
from rulebook.amend.motion import Amendment, Motion
from rulebook.model import Clause, Version, walk
from rulebook.numbering import all_citations
from rulebook.refs import references

__all__ = ["MOTION_OPS", "generate", "generate_motions", "main", "numbering_scheme"]

_Dumper = getattr(yaml, "CSafeDumper", yaml.SafeDumper)

_LABELS = ("Chapter {n}", "Clause {n}")
_UNLABELLED_STYLES = ("arabic", "upper-alpha", "lower-roman", "lower-alpha", "upper-roman")

_NOUNS = (
    "member", "branch", "committee", "conference", "officer", "secretary", "chair", "treasurer",
    "delegate", "motion", "ballot", "nomination", "candidate", "election", "meeting", "quorum",
    "affiliate", "region", "constituency", "council", "executive", "subscription", "vacancy",
    "procedure", "rule", "decision", "appeal", "panel", "register", "report", "agenda", "vote",
    "policy", "forum", "section", "representative", "auditor", "account", "notice", "party",
)  # fmt: skip
_VERBS = (
    "shall elect", "may appoint", "shall consider", "must notify", "may remove", "shall approve",
    "shall convene", "may refer", "shall publish", "must receive", "may delegate", "shall determine",
    "may suspend", "shall report to", "must consult", "shall nominate",
)  # fmt: skip
_QUALIFIERS = (
    "annual", "general", "national", "local", "regional", "standing", "elected", "ordinary",
    "special", "appropriate", "relevant", "full", "affiliated", "individual", "executive",
)  # fmt: skip
_TAILS = (
    "within {d} days of the {q} {n}", "by a majority of those present and voting",
    "in accordance with the procedural guidelines", "subject to the approval of the {q} {n}",
    "no later than {w} weeks before the {q} {n}", "where at least {p} per cent of {ns} agree",
    "unless the {q} {n} decides otherwise", "for a term of {y} years", "at the {q} {n} each year",
    "in writing to the {q} {n}", "on the recommendation of the {q} {n}",
)  # fmt: skip
_HEADINGS = (
    "Membership", "Conduct of meetings", "Elections", "Finance", "Officers", "Party conference",
    "Disciplinary procedures", "Selections", "Affiliated organisations", "Policy making",
    "Regional structures", "Young members", "Local government", "Appeals", "Standing orders",
    "Nominations", "Accounts and audit", "Committees", "Boundaries", "General provisions",
)  # fmt: skip
_BODIES = ("PLP", "EPLP", "CLPs", "affiliates", "members", "delegates")
_PROPOSERS = ("NEC", "Anytown CLP", "Riverside CLP", "Northern region", "Unison", "GMB", "Young members")


def numbering_scheme(depth: int) -> list[dict[str, str]]:
    """The numbering levels :func:`generate` uses: ``Chapter {n}``, ``Clause {n}``, then unlabelled.

    Examples
    --------
    >>> numbering_scheme(4)
    [{'style': 'arabic', 'label': 'Chapter {n}'}, {'style': 'upper-roman', 'label': 'Clause {n}'}, \
{'style': 'arabic'}, {'style': 'upper-alpha'}]
    """
    if depth < 1:
        raise ValueError(f"depth must be at least 1, not {depth}")
    levels: list[dict[str, str]] = []
    for i in range(depth):
        if i < len(_LABELS):
            levels.append({"style": ("arabic", "upper-roman")[i], "label": _LABELS[i]})
        else:
            levels.append({"style": _UNLABELLED_STYLES[(i - len(_LABELS)) % len(_UNLABELLED_STYLES)]})
    return levels


def _plural(noun: str) -> str:
    return noun[:-1] + "ies" if noun.endswith("y") and noun[-2] not in "aeiou" else noun + "s"


def _sentence(rng: random.Random) -> str:
    tail = rng.choice(_TAILS).format(
        d=rng.choice((7, 14, 21, 28, 42)),
        w=rng.choice((2, 4, 6, 8, 12)),
        q=rng.choice(_QUALIFIERS),
        n=rng.choice(_NOUNS),
        ns=_plural(rng.choice(_NOUNS)),
        p=rng.choice((5, 10, 15, 20, 25, 33)),
        y=rng.choice((1, 2, 3, 4)),
    )
    qualifier = rng.choice(_QUALIFIERS)
    article = rng.choice(("a", "the", "each", "any"))
    if article == "a" and qualifier[0] in "aeiou":
        article = "an"
    subject = f"The {rng.choice(_QUALIFIERS)} {rng.choice(_NOUNS)}"
    return f"{subject} {rng.choice(_VERBS)} {article} {qualifier} {rng.choice(_NOUNS)} {tail}."


def _shape(rng: random.Random, budget: int, level: int, depth: int) -> list[int]:
    """Sizes of the subtrees of one run of siblings that together hold ``budget`` clauses."""
    remaining = depth - level
    if remaining == 1:
        return [1] * budget
    fan = budget ** (1 / remaining) * rng.uniform(0.7, 1.4)
    count = max(1, min(budget, round(fan)))
    rest = budget - count
    # Some siblings are leaves; the others share the rest unevenly, as real parts do.
    weights = [0.0 if rng.random() < 0.25 else rng.random() + 0.2 for _ in range(count)]
    if rest and not any(weights):
        weights[rng.randrange(count)] = 1.0
    total = sum(weights)
    shares = [int(rest * w / total) if total else 0 for w in weights]
    heavy = [i for i, w in enumerate(weights) if w]
    for _ in range(rest - sum(shares)):
        shares[rng.choice(heavy)] += 1
    return [1 + s for s in shares]


def _tree(rng: random.Random, budget: int, level: int, depth: int, prefix: str) -> list[dict[str, Any]]:
    out: list[dict[str, Any]] = []
    for k, size in enumerate(_shape(rng, budget, level, depth), start=1):
        word = rng.choice(_NOUNS)
        cid = f"ch{k}" if not prefix else f"{prefix}.{word}{k}"
        node: dict[str, Any] = {"id": cid}
        if size > 1:
            node["clauses"] = _tree(rng, size - 1, level + 1, depth, cid)
        out.append(node)
    return out


def _provision_value(rng: random.Random) -> Any:
    kind = rng.randrange(5)
    if kind == 0:
        return rng.choice((3, 5, 7, 12, 21, 28))
    if kind == 1:
        return {"share": rng.choice((0.05, 0.1, 0.15, 0.2, 0.25)), "of": rng.sample(_BODIES, 2)}
    if kind == 2:
        return {s: {"seats": rng.randint(1, 12)} for s in rng.sample(_BODIES, 3)}
    if kind == 3:
        return rng.random() < 0.5
    return rng.choice(("fails", "chair", "lapses", "referred"))


def _fill(rng: random.Random, nodes: list[dict[str, Any]], level: int, ids: list[str], names: set[str]) -> None:
    for node in nodes:
        children = node.get("clauses")
        if level == 0:
            node["heading"] = rng.choice(_HEADINGS)
        elif level == 1 or (children and rng.random() < 0.3):
            node["heading"] = f"{rng.choice(_QUALIFIERS).title()} {_plural(rng.choice(_NOUNS))}"
        if not children or rng.random() < 0.4:
            text = " ".join(_sentence(rng) for _ in range(rng.randint(1, 3)))
            if rng.random() < 0.10:
                target = rng.choice(ids)
                if target != node["id"]:
                    text += f" See [[{target}]]."
            node["text"] = text
        if rng.random() < 0.05:
            name = f"{node['id'].split('.')[0]}.{rng.choice(_NOUNS)}.{rng.choice(_QUALIFIERS)}"
            while name in names:
                name += "_"
            names.add(name)
            node["provisions"] = {name: _provision_value(rng)}
        # Keep ``clauses`` last, as people write it.
        if children:
            node["clauses"] = node.pop("clauses")
            _fill(rng, children, level + 1, ids, names)


def _ids(nodes: list[dict[str, Any]]) -> list[str]:
    out: list[str] = []
    stack = list(reversed(nodes))
    while stack:
        node = stack.pop()
        out.append(node["id"])
        stack.extend(reversed(node.get("clauses", ())))
    return out


def generate(clauses: int = 20000, depth: int = 6, seed: int = 0) -> str:
    """The YAML text of a synthetic rule book with exactly ``clauses`` clauses on ``depth`` levels.

    Clauses at the two labelled levels have headings; leaves (and some parents)
    have text of one to three sentences. About 10% of texts end with a
    ``[[id]]`` cross-reference to another clause and about 5% of clauses carry a
    provision with a unique dotted name. The same arguments give the same text.

    Examples
    --------
    >>> text = generate(clauses=5, depth=2, seed=0)
    >>> print(text[:text.index("clauses:")].strip())
    rulebook: synthetic
    title: A synthetic rule book of 5 clauses
    version: gen
    effective: 2020-01-01
    source: benchmarks/generate.py, seed 0
    numbering:
    - style: arabic
      label: Chapter {n}
    - style: upper-roman
      label: Clause {n}
    """
    if clauses < 1:
        raise ValueError(f"a rule book needs at least one clause, not {clauses}")
    rng = random.Random(seed)
    tree = _tree(rng, clauses, 0, depth, "")
    _fill(rng, tree, 0, _ids(tree), set())
    book = {
        "rulebook": "synthetic",
        "title": f"A synthetic rule book of {clauses} clauses",
        "version": "gen",
        "effective": "2020-01-01",
        "source": f"benchmarks/generate.py, seed {seed}",
        "numbering": numbering_scheme(depth),
        "clauses": tree,
    }
    text: str = yaml.dump(book, Dumper=_Dumper, sort_keys=False, allow_unicode=True, width=100)
    # The dumper quotes the date as a string; a real book writes it bare.
    return text.replace("effective: '2020-01-01'", "effective: 2020-01-01", 1)


#: The operations :func:`generate_motions` can draft.
MOTION_OPS = ("replace_words", "insert_clause", "delete_clause", "set_provision")

_WORD_SWAPS = {
    "shall": "must", "must": "shall", "may": "shall", "annual": "biennial", "general": "special",
    "majority": "two-thirds majority", "days": "clear days", "weeks": "calendar weeks",
    "local": "regional", "national": "federal", "writing": "writing or by email",
}  # fmt: skip


def _occurrences(text: str, phrase: str) -> int:
    """How many times ``phrase`` occurs in ``text``, counted as amendments count them."""
    try:
        return len(find_phrase(text, phrase, 1)[1])
    except ValueError:
        return 0


def _unique_phrase(rng: random.Random, text: str, avoid: set[str]) -> tuple[str, str] | None:
    """A phrase of 1 to 4 words that occurs exactly once in ``text``, and what to put instead."""
    words = text.split()
    starts = list(range(len(words)))
    rng.shuffle(starts)
    for start in starts:
        for length in (1, 2, 3, 4):
            phrase = " ".join(words[start : start + length]).rstrip(".,;:")
            if not phrase or phrase in avoid or "[[" in phrase or "]]" in phrase:
                continue
            if _occurrences(text, phrase) != 1:
                continue
            first = phrase.split()[0]
            new = phrase.replace(first, _WORD_SWAPS.get(first, f"{first} and {rng.choice(_NOUNS)}"), 1)
            if _occurrences(text.replace(phrase, new), new) == 1:
                return phrase, new
    return None


class _Drafter:
    """Picks targets for generated motions and remembers which clauses are taken."""

    def __init__(self, version: Version, rng: random.Random) -> None:
        self.version = version
        self.rng = rng
        self.cites: dict[str, str] = all_citations(version)
        texts = [(d, c) for d, c in walk(version.clauses)]
        self.worded = [c.id for _, c in texts if c.text]
        referenced = {t for _, c in texts for t in references(c.text)}
        invariant_ids = {inv.clause for inv in version.invariants if inv.clause}
        self.leaves = [
            c.id
            for _, c in texts
            if not c.children and not c.provisions and c.id not in referenced and c.id not in invariant_ids
        ]
        self.all_ids = list(self.cites)
        self.taken: set[str] = set()
        self.replaced: list[tuple[str, str, str]] = []  # (clause id, old, new) of earlier motions

    def name(self, cid: str) -> str:
        # Cite by citation, as drafters do; the id would do as well.
        return self.cites[cid]

    def free(self, pool: list[str], with_parent: bool = False) -> str | None:
        """A clause of ``pool`` no earlier motion touched (nor its parent, ``with_parent``)."""

        def ok(cid: str) -> bool:
            parent = self.version.parents[cid] if with_parent else None
            return cid not in self.taken and parent not in self.taken

        for _ in range(64):
            cid = self.rng.choice(pool)
            if ok(cid):
                return cid
        return next((cid for cid in pool if ok(cid)), None)  # the random probes failed: look at each once

    def take(self, *ids: str | None) -> None:
        self.taken.update(i for i in ids if i is not None)

    def replace_words(self, overlapping: bool) -> Amendment | None:
        if overlapping and self.replaced:
            cid, old, new = self.rng.choice(self.replaced)
            if self.rng.random() < 0.5:  # the same words, changed differently
                return Amendment("replace_words", clause=self.name(cid), old=old, new=f"{new} or otherwise")
            found = _unique_phrase(self.rng, self.version.clause(cid).text or "", {old})
            if found is None:
                return None
            return Amendment("replace_words", clause=self.name(cid), old=found[0], new=found[1])
        target = self.free(self.worded)
        if target is None:
            return None
        found = _unique_phrase(self.rng, self.version.clause(target).text or "", set())
        if found is None:
            self.take(target)
            return None
        self.take(target)
        self.replaced.append((target, *found))
        return Amendment("replace_words", clause=self.name(target), old=found[0], new=found[1])

    def insert_clause(self, index: int) -> Amendment | None:
        anchor = self.free(self.all_ids, with_parent=True)
        if anchor is None:
            return None
        self.take(anchor, self.version.parents[anchor])
        new_id = f"{anchor}.new{index}"
        while new_id in self.version:
            new_id += "x"
        clause = Clause(new_id, text=_sentence(self.rng))
        if self.rng.random() < 0.5:
            return Amendment("insert_clause", new_clause=clause, after=self.name(anchor))
        return Amendment("insert_clause", new_clause=clause, before=self.name(anchor))

    def delete_clause(self) -> Amendment | None:
        if not self.leaves:
            return None
        cid = self.free(self.leaves, with_parent=True)
        if cid is None:
            return None
        self.take(cid, self.version.parents[cid])
        return Amendment("delete_clause", clause=self.name(cid))

    def set_provision(self, index: int) -> Amendment | None:
        cid = self.free(self.all_ids)
        if cid is None:
            return None
        self.take(cid)
        clause = self.version.clause(cid)
        if clause.provisions and self.rng.random() < 0.7:
            name = self.rng.choice(sorted(clause.provisions))
        else:
            name = f"generated.m{index}.{len(self.taken)}"
            while self.version.provision_clause(name) is not None:
                name += "_"
        return Amendment("set_provision", clause=self.name(cid), name=name, value=_provision_value(self.rng))


def generate_motions(
    version: Version,
    n: int,
    seed: int = 0,
    overlap: float = 0.0,
    *,
    ops: Sequence[str] = MOTION_OPS,
    amendments: tuple[int, int] = (1, 2),
) -> list[Motion]:
    """``n`` motions, each valid against ``version`` on its own, drafted against it (``base``).

    Each motion has between ``amendments[0]`` and ``amendments[1]`` amendments
    drawn from ``ops`` (see :data:`MOTION_OPS`): ``replace_words`` of a phrase
    that occurs once in its clause, ``insert_clause`` after or before a clause,
    ``delete_clause`` of a leaf that no text refers to and that carries no
    provision, and ``set_provision`` (changing a provision or adding a new one).
    Clauses are named by their citations in ``version``.

    With ``overlap=0.0`` no two motions touch the same clause (an inserted or
    deleted clause also takes its parent), so the motions apply together, in
    any order, with :func:`rulebook.amend.apply.apply_all`. With ``overlap=p``,
    about a fraction ``p`` of the motions instead re-amend a clause whose words an
    earlier motion replaced (half of them the very same words), so they
    overlap: each still applies to ``version`` alone. Fewer than ``n`` motions
    are returned only when the book runs out of free clauses.

    Examples
    --------
    >>> from rulebook.amend.apply import apply, apply_all
    >>> from rulebook.io.rulebook import loads
    >>> book = loads(generate(clauses=400, depth=4, seed=3))
    >>> motions = generate_motions(book, 20, seed=3)
    >>> len(motions), motions[0].base
    (20, 'gen')
    >>> len(apply_all(book, motions).changes)
    20
    >>> words = generate_motions(book, 5, seed=3, ops=("replace_words",), amendments=(1, 1))
    >>> sorted({a.op for m in words for a in m.amendments})
    ['replace_words']
    >>> clashing = generate_motions(book, 30, seed=3, overlap=0.5, ops=("replace_words",))
    >>> all(apply(book, m) for m in clashing)
    True
    """
    unknown = [op for op in ops if op not in MOTION_OPS]
    if unknown:
        raise ValueError(f"cannot draft {unknown}; the operations are {', '.join(MOTION_OPS)}")
    if not 0.0 <= overlap <= 1.0:
        raise ValueError(f"overlap is a fraction from 0 to 1, not {overlap}")
    rng = random.Random(seed)
    drafter = _Drafter(version, rng)
    motions: list[Motion] = []
    failures = 0
    while len(motions) < n and failures < 50:
        index = len(motions) + 1
        overlapping = overlap > 0 and rng.random() < overlap and bool(drafter.replaced)
        count = 1 if overlapping else rng.randint(*amendments)
        drafted: list[Amendment] = []
        for _ in range(count):
            op = "replace_words" if overlapping else rng.choice(list(ops))
            if op == "replace_words":
                amendment = drafter.replace_words(overlapping)
            elif op == "insert_clause":
                amendment = drafter.insert_clause(index)
            elif op == "delete_clause":
                amendment = drafter.delete_clause()
            else:
                amendment = drafter.set_provision(index)
            if amendment is not None:
                drafted.append(amendment)
        if not drafted:
            failures += 1
            continue
        failures = 0
        motions.append(
            Motion(
                id=f"m{index:05d}",
                amendments=tuple(drafted),
                title=f"Generated motion {index}",
                proposer=rng.choice(_PROPOSERS),
                base=version.label,
            )
        )
    return motions


def main(argv: Sequence[str] | None = None) -> int:
    """Write a synthetic rule book (the command line of this module)."""
    parser = argparse.ArgumentParser(description="Write a synthetic rule book for benchmarks.")
    parser.add_argument("--clauses", type=int, default=20000, help="number of clauses (default 20000)")
    parser.add_argument("--depth", type=int, default=6, help="levels of numbering (default 6)")
    parser.add_argument("--seed", type=int, default=0, help="random seed (default 0)")
    parser.add_argument("-o", "--output", help="file to write (default: stdout)")
    args = parser.parse_args(argv)
    text = generate(clauses=args.clauses, depth=args.depth, seed=args.seed)
    if args.output:
        Path(args.output).write_text(text, encoding="utf-8")
        print(f"wrote {args.output}: {args.clauses} clauses, {len(text):,} bytes", file=sys.stderr)
    else:
        sys.stdout.write(text)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
