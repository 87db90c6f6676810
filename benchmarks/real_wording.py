"""How much real amendment wording ``parse_wording`` reads as its authors meant.

Reads every instruction of the corpus in ``tests/data/real-wording/`` (its format
is in that folder's README), parses its wording and classifies it: read as meant,
refused, or MISREAD (read into something else). Prints one row per kind of source
and the share read as meant::

    python benchmarks/real_wording.py            # the table
    python benchmarks/real_wording.py --list     # and every instruction not read as meant

``tests/test_real_wording.py`` uses the same functions, so the table and the test
cannot disagree.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import attrs
import yaml

from rulebook.amend.motion import Amendment
from rulebook.amend.wording import parse_wording
from rulebook.errors import RulebookError

CORPUS = Path(__file__).resolve().parent.parent / "tests" / "data" / "real-wording"

READ, REFUSED, MISREAD = "read", "refused", "MISREAD"
#: Amendment fields a reader never writes in ``means``: kept for people, or derived.
_IGNORED = {"wording", "line"}
#: A refusal names where it stopped, as docs/motions.md promises.
_WHERE = re.compile(r"\bcolumn \d+|\bat the end\b")


@attrs.frozen
class Item:
    """One instruction of the corpus, with where it came from."""

    file: str
    index: int
    kind: str
    wording: str
    means: tuple[Mapping[str, Any], ...] | None
    clause_text: str | None

    @property
    def where(self) -> str:
        return f"{self.file} #{self.index + 1}"


@attrs.frozen
class Outcome:
    """How one item was read: ``READ``, ``REFUSED`` or ``MISREAD``, and why."""

    item: Item
    verdict: str
    detail: str = ""


def load_corpus(folder: Path = CORPUS) -> list[Item]:
    """Every instruction of every source file in ``folder``, in file order."""
    items = []
    for path in sorted(folder.glob("*.yaml")):
        doc = yaml.safe_load(path.read_text(encoding="utf-8"))
        for i, entry in enumerate(doc["instructions"]):
            means = entry["means"]
            items.append(
                Item(
                    file=path.name,
                    index=i,
                    kind=doc["source"]["kind"],
                    wording=entry["wording"],
                    means=None if means is None else tuple(means),
                    clause_text=entry.get("clause_text"),
                )
            )
    return items


def squash(value: Any) -> Any:
    """Text with runs of whitespace made one space and the edges trimmed."""
    return " ".join(value.split()) if isinstance(value, str) else value


def _actual(amendment: Amendment) -> dict[str, Any]:
    """The fields an amendment sets, as a ``means`` entry would write them."""
    fields: dict[str, Any] = {}
    for field in attrs.fields(type(amendment)):
        value = getattr(amendment, field.name)
        if field.name in _IGNORED or value is None:
            continue
        if field.name == "new_clause":
            fields["clause"] = {k: v for k in ("heading", "text") if (v := getattr(value, k)) is not None}
            continue
        fields[field.name] = value
    # Fields a grammar may add for forms the model has no field for yet (README).
    for extra in ("numbered", "at", "part", "throughout"):
        value = getattr(amendment, extra, None)
        if value is not None:
            fields[extra] = value
    return fields


def _expected(entry: Mapping[str, Any]) -> dict[str, Any]:
    fields = {k: v for k, v in entry.items() if v is not None}
    if entry["op"] == "insert_clause":
        anchor_fields = {k: v for k, v in fields.items() if k != "clause"}
        anchor_fields["clause"] = dict(entry.get("clause") or {})
        return anchor_fields
    return fields


def differences(amendments: Sequence[Amendment], means: Sequence[Mapping[str, Any]]) -> list[str]:
    """How ``amendments`` differ from ``means``: empty when they agree."""
    if len(amendments) != len(means):
        ops = [a.op for a in amendments]
        return [f"{len(amendments)} operations {ops}, expected {len(means)} {[m['op'] for m in means]}"]
    found = []
    for n, (amendment, entry) in enumerate(zip(amendments, means, strict=True), 1):
        got, want = _actual(amendment), _expected(entry)
        for key in sorted(set(got) | set(want)):
            g, w = got.get(key), want.get(key)
            if isinstance(g, dict) and isinstance(w, dict):
                g = {k: squash(v) for k, v in (g or {}).items()}
                w = {k: squash(v) for k, v in (w or {}).items()}
            if squash(g) != squash(w):
                found.append(f"operation {n}: {key} is {g!r}, expected {w!r}")
    return found


def classify(item: Item) -> Outcome:
    """Parse ``item``'s wording and say how it was read."""
    try:
        amendments = parse_wording(item.wording)
    except RulebookError as e:
        return Outcome(item, REFUSED, str(e))
    if item.means is None:
        return Outcome(item, MISREAD, f"read as {[a.op for a in amendments]}, but no operation says this")
    diffs = differences(amendments, item.means)
    return Outcome(item, MISREAD, "; ".join(diffs)) if diffs else Outcome(item, READ)


def refusal_problems(outcome: Outcome) -> list[str]:
    """Why a refusal's message falls short of docs/motions.md: one line, naming the column (or the end)."""
    problems = []
    if "\n" in outcome.detail:
        problems.append("the message is more than one line")
    if not _WHERE.search(outcome.detail):
        problems.append("the message does not name the column or the end")
    return problems


def table(outcomes: Sequence[Outcome]) -> Iterator[str]:
    """Rows of counts per kind of source, then the share read as meant."""
    kinds = sorted({o.item.kind for o in outcomes})
    yield f"{'source kind':<20}{'items':>7}{'read':>7}{'refused':>9}{'MISREAD':>9}{'no op says it':>15}"
    for kind in [*kinds, "all"]:
        mine = [o for o in outcomes if kind in ("all", o.item.kind)]
        count = Counter(o.verdict for o in mine)
        unsaid = sum(1 for o in mine if o.item.means is None)
        yield (f"{kind:<20}{len(mine):>7}{count[READ]:>7}{count[REFUSED]:>9}{count[MISREAD]:>9}{unsaid:>15}")
    yield f"read as meant: {share(outcomes):.1%} of {sum(1 for o in outcomes if o.item.means is not None)}"


def share(outcomes: Sequence[Outcome]) -> float:
    """The share of instructions an operation can express that were read as meant."""
    expressible = [o for o in outcomes if o.item.means is not None]
    return sum(1 for o in expressible if o.verdict == READ) / len(expressible)


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--list", action="store_true", help="also list every instruction not read as meant")
    parser.add_argument("--quick", action="store_true", help="the same (kept for the benchmark smoke test)")
    args = parser.parse_args(argv)
    outcomes = [classify(item) for item in load_corpus()]
    for row in table(outcomes):
        print(row)
    if args.list:
        for o in outcomes:
            if o.verdict != READ:
                print(
                    f"{o.verdict:<8} {o.item.where}: {o.item.wording.splitlines()[0][:90]}\n         {o.detail[:300]}"
                )
    return 0


if __name__ == "__main__":
    sys.exit(main())
