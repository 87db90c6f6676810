"""Acceptance: `rulebook apply` with every operation of docs/motions.md, the
conventional wording, motions drafted on older bases, and the bad input a user meets."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any

import pytest

from tests.acceptance._cli import bad_input, rb, walk

ACC = Path(__file__).resolve().parents[1] / "data" / "acceptance"
UNION = ACC / "union"
M = ACC / "motions"
BAD = ACC / "bad"


def squash(text: str | None) -> str:
    return " ".join((text or "").split())


def value(provision: Any) -> Any:
    """A provision's value in `show --format json` (bare, or wrapped as {value, set_by})."""
    return provision["value"] if isinstance(provision, dict) and "value" in provision else provision


def applied(tmp_path: Path, *motions: Path, book: str | Path = UNION) -> dict[str, dict[str, Any]]:
    out = tmp_path / "amended.yaml"
    result = rb("apply", book, *motions, "-o", out)
    assert result.exit_code == 0, result.output
    shown = rb("show", out, "--format", "json")
    assert shown.exit_code == 0, shown.output  # the written file loads again
    return {n["id"]: n for n in walk(json.loads(shown.stdout)["clauses"])}


# --- each operation ----------------------------------------------------------------------


def test_replace_words(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "subs-rate.yaml")
    assert "three pounds for full-time" in nodes["members.subs.rate"]["text"]
    assert "two pounds" not in nodes["members.subs.rate"]["text"]


def test_insert_words_after_and_before(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "objects.yaml")
    assert "organise workers and to educate them and to bargain" in squash(nodes["objects"]["text"])
    assert "Amalgamated Union of Skilled Test Workers." in squash(nodes["name"]["text"])


def test_delete_words_and_replace_with_occurrence(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "lapse.yaml")
    assert squash(nodes["members.lapse"]["text"]) == (
        "A member who owes thirteen weeks of subscriptions lapses. "
        "A lapsed member may rejoin after paying the weeks' subscriptions owed."
    )


def test_replace_text_and_set_provision(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "panel.yaml")
    assert nodes["panel.size"]["text"] == "The panel has twelve members."
    assert value(nodes["panel.size"]["provisions"]["shadow_cabinet.size"]) == 12


def test_insert_clause_after_into_before_renumbers(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "youth.yaml")
    assert nodes["preamble"]["citation"] == "Rule 1"
    assert nodes["name"]["citation"] == "Rule 2"
    # a pinned number stays as written (docs/file-format.md), even out of sequence
    assert nodes["political-fund"]["citation"] == "Rule 2A"
    assert nodes["members"]["citation"] == "Rule 4"
    assert nodes["council.youth"]["citation"] == "Rule 5.2"
    assert nodes["council.women"]["citation"] == "Rule 5.3"
    assert nodes["conf.emergency"]["citation"] == "Rule 7.5"
    assert nodes["conf.emergency"]["heading"] == "Emergency motions"
    # a cross-reference in inserted text renders the current citation of its target
    assert "Rule 7.4" in nodes["conf.emergency"]["rendered_text"]


def test_move_clause_renumbers_and_references_follow(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "move.yaml")
    assert nodes["members.lapse"]["citation"] == "Rule 3.1"
    assert nodes["members.eligibility"]["citation"] == "Rule 3.2"
    assert nodes["members.subs.rate"]["citation"] == "Rule 3.3.a"
    assert "subject to Rule 3.3" in nodes["members.eligibility"]["rendered_text"]


def test_set_and_remove_provision(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "provisions.yaml")
    assert value(nodes["gensec.challenge"]["provisions"]["leadership.incumbent_automatic"]) is False
    assert "nec.tie" not in nodes["council.quorum"]["provisions"]
    assert value(nodes["council.quorum"]["provisions"]["nec.quorum"]) == 11


def test_delete_clause(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "subs-abolish.yaml")
    assert "members.subs.rate" not in nodes
    assert nodes["members.subs.hardship"]["citation"] == "Rule 3.2.a"


def test_wording_equals_structured(tmp_path: Path) -> None:
    a = applied(tmp_path, M / "subs-rate.yaml")
    b = applied(tmp_path, M / "subs-rate-wording.yaml")
    assert a["members.subs.rate"]["text"] == b["members.subs.rate"]["text"]


def test_every_wording_form(tmp_path: Path) -> None:
    """A file holding several motions (`motions:`), one per wording form, applied in order."""
    nodes = applied(tmp_path, M / "wording-forms.yaml")
    assert "three pounds" in nodes["members.subs.rate"]["text"]
    assert "organise workers and to educate them" in squash(nodes["objects"]["text"])
    assert "council.youth" in nodes
    assert nodes["council.youth"]["text"] == "One seat is reserved for a young member."
    # the id-less new clause got some id and the same text
    youth = [n for n in nodes.values() if n["text"] == "One seat is reserved for a young member."]
    assert len(youth) == 2
    # "Delete clause Rule 3.3." removed members.lapse (the delete 'more than' went first)
    assert "members.lapse" not in nodes


def test_citations_resolved_in_the_motions_base(tmp_path: Path) -> None:
    """old-base.yaml was drafted on 2019, where Rule 4.2 is the quorum; in the latest
    version Rule 4.2 is council.women. It must still amend the quorum."""
    nodes = applied(tmp_path, M / "old-base.yaml")
    assert nodes["council.quorum"]["text"] == "Twelve members present form a quorum."
    assert value(nodes["council.quorum"]["provisions"]["nec.quorum"]) == 12
    assert nodes["council.women"]["text"] == "At least seven members of the Council shall be women."
    # the ruling's tie provision survives
    assert value(nodes["council.quorum"]["provisions"]["nec.tie"]) == "fails"


def test_several_motions_apply_in_order(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "objects.yaml", M / "lapse.yaml", M / "move.yaml", M / "panel.yaml")
    assert nodes["members.lapse"]["citation"] == "Rule 3.1"
    assert "Skilled" in nodes["name"]["text"]
    assert nodes["panel.size"]["text"] == "The panel has twelve members."


def test_apply_to_stdout_is_a_loadable_book(tmp_path: Path) -> None:
    result = rb("apply", UNION, M / "subs-rate.yaml")
    assert result.exit_code == 0
    path = tmp_path / "out.yaml"
    path.write_text(result.stdout)
    assert "three pounds" in rb("show", path, "Rule 3.2.a").stdout


def test_apply_to_older_version(tmp_path: Path) -> None:
    nodes = applied(tmp_path, M / "old-base.yaml", book=f"{UNION}@2019")
    assert nodes["council.quorum"]["citation"] == "Rule 4.2"
    assert "council.women" not in nodes


# --- bad input: one line, exit 2, nothing written -----------------------------------------


def refused(tmp_path: Path, *args: object, file: Path | None = None) -> str:
    out = tmp_path / "never.yaml"
    line = bad_input(rb("apply", UNION, *args, "-o", out), file)
    assert not out.exists()
    assert list(tmp_path.iterdir()) == []
    return line


def test_phrase_absent(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "phrase-absent.yaml", file=BAD / "phrase-absent.yaml")
    assert "2024-absent" in line and "fortnight" in line
    assert "1" in line and "Rule 3.3" in line and "members.lapse" in line


def test_phrase_twice_without_occurrence(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "lapse-ambiguous.yaml", file=BAD / "lapse-ambiguous.yaml")
    assert "2024-ambiguous" in line and "weeks" in line and "occurrence" in line
    assert re.search(r"amendment 2\b", line), line
    assert "members.lapse" in line


def test_unknown_clause_names_nearest(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "unknown-clause.yaml", file=BAD / "unknown-clause.yaml")
    assert "Rule 3.9" in line
    assert re.search(r"Rule 3\.[123]\b", line), line


def test_base_not_an_ancestor(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "foreign-base.yaml", file=BAD / "foreign-base.yaml")
    assert "1999" in line


def test_base_is_a_later_version(tmp_path: Path) -> None:
    out = tmp_path / "never.yaml"
    line = bad_input(rb("apply", f"{UNION}@2019", BAD / "descendant-base.yaml", "-o", out))
    assert "2020-08" in line
    assert not out.exists()


def test_base_message_lists_each_ancestor_once(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "foreign-base.yaml")
    assert line.count("'2020-08'") <= 2, line  # once as the version applied to, at most once as ancestor
    assert line.count("'2020-08', '2020-08'") == 0, line


def test_malformed_yaml(tmp_path: Path) -> None:
    refused(tmp_path, BAD / "malformed.yaml", file=BAD / "malformed.yaml")


def test_unknown_op_suggests(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "unknown-op.yaml", file=BAD / "unknown-op.yaml")
    assert line.startswith(f"{BAD / 'unknown-op.yaml'}:5:")
    assert "replace_wordz" in line and "replace_words" in line


def test_missing_field(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "missing-field.yaml", file=BAD / "missing-field.yaml")
    assert "new" in line


def test_after_and_before_both_given(tmp_path: Path) -> None:
    refused(tmp_path, BAD / "after-and-before.yaml", file=BAD / "after-and-before.yaml")


def test_unreadable_wording_points_at_word(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "bad-wording.yaml", file=BAD / "bad-wording.yaml")
    assert "frobnicate" in line


def test_motion_applies_whole_or_not_at_all(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "atomic.yaml", file=BAD / "atomic.yaml")
    assert "amendment 2" in line and "ten pounds" in line


def test_failing_motion_leaves_existing_output_untouched(tmp_path: Path) -> None:
    out = tmp_path / "book.yaml"
    out.write_text("precious\n")
    bad_input(rb("apply", UNION, M / "subs-rate.yaml", BAD / "atomic.yaml", "-o", out))
    assert out.read_text() == "precious\n"


def test_ruling_may_not_change_words(tmp_path: Path) -> None:
    line = refused(tmp_path, BAD / "ruling-words.yaml", file=BAD / "ruling-words.yaml")
    assert "replace_words" in line


def test_dangling_reference_refused_naming_motion(tmp_path: Path) -> None:
    line = refused(tmp_path, M / "delete-objects.yaml")
    assert "objects" in line and "political-fund" in line
    assert "2024-no-objects" in line, "the error should name the motion that caused it"


def test_motion_file_missing(tmp_path: Path) -> None:
    out = tmp_path / "never.yaml"
    result = rb("apply", UNION, ACC / "motions" / "no-such.yaml", "-o", out)
    assert result.exit_code == 2
    assert not out.exists()


def test_second_motion_no_longer_applies_after_first(tmp_path: Path) -> None:
    line = refused(tmp_path, M / "subs-rate.yaml", M / "subs-rate-rival.yaml", file=M / "subs-rate-rival.yaml")
    assert "2024-subs-rival" in line and "two pounds" in line


def test_wording_with_curly_quotes_and_ordinal_occurrence(tmp_path: Path) -> None:
    motion = tmp_path / "motion.yaml"
    motion.write_text(
        'motion: curly\nbase: "2020-08"\namendments:\n'
        '  - {wording: "Rule 3.2.a, line 1: delete \u2018two pounds\u2019 and insert \u201cthree pounds\u201d"}\n'
        "  - {wording: \"Rule 3.3: delete the second occurrence of 'weeks' and insert 'months'\"}\n",
        encoding="utf-8",
    )
    out = tmp_path / "out"
    out.mkdir()
    nodes = applied(out, motion)
    assert "three pounds for full-time" in nodes["members.subs.rate"]["text"]
    assert nodes["members.lapse"]["text"].endswith("after paying the months owed.")
    assert "thirteen weeks" in nodes["members.lapse"]["text"]


def test_later_motion_cites_its_base_not_the_renumbered_text(tmp_path: Path) -> None:
    """youth.yaml inserts a preamble as Rule 1, so every Rule moves down one; subs-rate.yaml,
    drafted on the same base, still means members.subs.rate by "Rule 3.2.a"."""
    nodes = applied(tmp_path, M / "youth.yaml", M / "subs-rate.yaml", M / "move.yaml")
    assert "three pounds" in nodes["members.subs.rate"]["text"]
    assert nodes["members.subs.rate"]["citation"] == "Rule 4.3.a"
    assert nodes["members.lapse"]["citation"] == "Rule 4.1"


def test_ruling_file_applies_like_a_motion(tmp_path: Path) -> None:
    nodes = applied(tmp_path, UNION / "rulings" / "2020-08-council-tie.yaml", book=f"{UNION}@2020")
    assert value(nodes["council.quorum"]["provisions"]["nec.tie"]) == "fails"


@pytest.mark.parametrize(
    ("name", "words"),
    [
        ("provision-elsewhere.yaml", "council.quorum"),
        ("remove-absent-provision.yaml", "nec.quorum"),
        ("insert-duplicate-id.yaml", "council.quorum"),
        ("move-into-itself.yaml", "members"),
        ("insert-too-deep.yaml", "members.subs.rate.note"),
    ],
)
def test_structural_mistakes_refused(tmp_path: Path, name: str, words: str) -> None:
    line = refused(tmp_path, BAD / name, file=BAD / name)
    assert line.startswith(f"{BAD / name}:4:"), line
    assert "amendment 1" in line and words in line
