"""`rulebook check` and `rulebook composite` on the command line, the report formats,
and the pytest plugin's check of pending motions."""

from __future__ import annotations

import json
import shutil
import xml.etree.ElementTree as ET

import pytest
from click.testing import CliRunner

from rulebook.cli import main
from rulebook.io import motions as motion_io
from tests.conftest import DATA, LABOUR

BOOK = f"{LABOUR}@2016-07-01"
CONFERENCE_2016 = str(LABOUR / "motions" / "2016-conference.yaml")
# The NEC's incumbent clarification, never shown carried: a pending motion, as check expects.
PENDING_2016 = str(LABOUR / "motions" / "2016-not-carried.yaml")
CONFLICT = str(DATA / "check" / "conflicting-2016.yaml")

pytest_plugins = ["pytester"]


def invoke(*args: str):
    return CliRunner().invoke(main, list(args))


def test_check_of_the_2016_conference_motions_is_clean():
    result = invoke("check", BOOK, CONFERENCE_2016, PENDING_2016)
    assert result.exit_code == 0, result.output
    assert result.output.strip() == "checked 4 motions against version 2016-practice: no findings"


def test_check_reports_exactly_the_deliberate_conflict_as_text():
    result = invoke("check", BOOK, CONFERENCE_2016, PENDING_2016, CONFLICT)
    assert result.exit_code == 1
    assert "1 finding (1 overlap)" in result.output
    assert "overlap: motions 2016-clp-incumbent-nominated and 2016-incumbent-on-ballot both amend the words" in (
        result.output
    )
    assert "could be composited:\n    2016-incumbent-on-ballot, 2016-clp-incumbent-nominated" in result.output


def test_check_reports_exactly_the_deliberate_conflict_as_json():
    result = invoke("check", BOOK, CONFERENCE_2016, PENDING_2016, CONFLICT, "--format", "json")
    assert result.exit_code == 1
    data = json.loads(result.output)
    assert [(f["kind"], f["motions"]) for f in data["findings"]] == [
        ("overlap", ["2016-clp-incumbent-nominated", "2016-incumbent-on-ballot"])
    ]
    assert data["findings"][0]["clauses"] == [
        {"clause": "Chapter 4, Clause II.2.B.ii", "id": "ch4.leader-election.nominations.challenge"}
    ]
    assert data["composite"] == [["2016-incumbent-on-ballot", "2016-clp-incumbent-nominated"]]


def test_check_reports_exactly_the_deliberate_conflict_as_github_annotations():
    result = invoke("check", BOOK, CONFERENCE_2016, PENDING_2016, CONFLICT, "--format", "github")
    assert result.exit_code == 1
    lines = result.output.splitlines()
    assert len(lines) == 2
    assert lines[0].startswith(f"::error file={CONFLICT},line=11,title=rulebook check%3A overlap::motions ")
    assert lines[1].startswith(f"::error file={PENDING_2016},line=27,")


def test_check_reports_exactly_the_deliberate_conflict_as_junit():
    result = invoke("check", BOOK, CONFERENCE_2016, PENDING_2016, CONFLICT, "--format", "junit")
    assert result.exit_code == 1
    root = ET.fromstring(result.output.split("\n", 1)[1])
    cases = root.findall("testsuite/testcase")
    assert len(cases) == 5
    failed = {c.get("name"): c.find("failure").get("type") for c in cases if c.find("failure") is not None}
    assert failed == {"2016-incumbent-on-ballot": "overlap", "2016-clp-incumbent-nominated": "overlap"}
    assert root.get("failures") == "2"


def test_check_of_a_missing_motion_file_is_bad_input():
    result = invoke("check", BOOK, "no/such/motion.yaml")
    assert result.exit_code == 2
    assert "no/such/motion.yaml: no such file" in result.output
    assert "Traceback" not in result.output


def test_check_with_a_bad_date_is_bad_input():
    result = invoke("check", BOOK, CONFERENCE_2016, "--date", "2016-13-01")
    assert result.exit_code == 2
    assert "--date '2016-13-01' is not a date" in result.output


def test_a_motion_to_the_2018_conference_amending_a_part_changed_in_2017_is_out_of_order():
    result = invoke("check", f"{LABOUR}@2017", str(DATA / "check" / "out-of-order-2018.yaml"), "--quiet")
    assert result.exit_code == 1
    assert result.output.count("out-of-order:") == 1
    bundled = invoke("check", f"{LABOUR}@2017", str(LABOUR / "motions" / "2018-conference.yaml"))
    assert bundled.exit_code == 0, bundled.output


def test_composite_of_the_2016_motions_holds_all_of_them(tmp_path):
    out = tmp_path / "composite.yaml"
    result = invoke("composite", BOOK, CONFERENCE_2016, PENDING_2016, "-o", str(out))
    assert result.exit_code == 0, result.output
    (motion,) = motion_io.load_file(out)
    assert motion.base == "2016-practice"
    assert out.read_text().startswith("# composite of motions 2016-nec-scotland-wales, 2016-clause-v-devolved-leaders")
    assert invoke("apply", BOOK, str(out)).exit_code == 0


def test_composite_leaves_out_two_rewordings_of_the_same_quoted_words(tmp_path):
    out = tmp_path / "composite.yaml"
    result = invoke("composite", BOOK, CONFERENCE_2016, PENDING_2016, CONFLICT, "-o", str(out))
    assert result.exit_code == 1, result.output
    assert (
        "collision: motions 2016-incumbent-on-ballot and 2016-clp-incumbent-nominated both change "
        "'a nomination short of that threshold is null and void.'" in result.output
    )
    (motion,) = motion_io.load_file(out)
    assert all("null and void" not in (a.wording or "") for a in motion.amendments)


def test_composite_lists_collisions_and_exits_1(tmp_path):
    clash = tmp_path / "clash.yaml"
    clash.write_text(
        """
motions:
  - motion: a
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.challenge, old: "20 per cent", new: "15 per cent"}
      - {op: replace_words, clause: ch4.leader-election.nominations.vacancy, old: "15 per cent", new: "12 per cent"}
  - motion: b
    amendments:
      - {op: replace_words, clause: ch4.leader-election.nominations.challenge, old: "20 per cent", new: "25 per cent"}
"""
    )
    out = tmp_path / "composite.yaml"
    result = invoke("composite", BOOK, str(clash), "-o", str(out))
    assert result.exit_code == 1
    assert "collision: motions a and b both change '20 per cent' in Chapter 4, Clause II.2.B.ii" in result.output
    (motion,) = motion_io.load_file(out)
    assert [a.wording for a in motion.amendments] == ["Chapter 4, Clause II.2.B.i: delete '15' and insert '12'"]


def test_the_pytest_plugin_checks_pending_motions(pytester: pytest.Pytester):
    shutil.copytree(LABOUR, pytester.path / "rules" / "labour")
    pending = pytester.mkdir("pending")
    shutil.copy(CONFERENCE_2016, pending / "nec.yaml")
    shutil.copy(PENDING_2016, pending / "nec-pending.yaml")
    shutil.copy(CONFLICT, pending / "clp.yaml")
    pytester.makeini("[pytest]\nrulebook_book = rules/labour@2016-07-01\nrulebook_motions = pending/*.yaml\n")
    result = pytester.runpytest("-p", "no:cacheprovider")
    result.assert_outcomes(passed=3, failed=2)
    result.stdout.fnmatch_lines(["*overlap: motions 2016-clp-incumbent-nominated and 2016-incumbent-on-ballot*"])
