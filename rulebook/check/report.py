"""A check's report as text, JSON, GitHub Actions annotations or JUnit XML.

Examples
--------
>>> import networkx as nx
>>> from rulebook.amend.motion import Amendment, Motion
>>> from rulebook.check.engine import Report
>>> from rulebook.check.findings import Finding, Location
>>> m = Motion("a", [Amendment("delete_clause", clause="x")], file="m.yaml", line=1)
>>> f = Finding("does-not-apply", ("a",), (), "motion a does not apply", (Location("a", "m.yaml", 3),))
>>> print(to_github(Report("1", (m,), (f,), nx.Graph())))
::error file=m.yaml,line=3,title=rulebook check%3A does-not-apply::motion a does not apply
"""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from collections import Counter

from rulebook.check.engine import Report
from rulebook.check.findings import Location

__all__ = ["FORMATS", "render", "to_github", "to_json", "to_junit", "to_text"]

FORMATS = ("text", "json", "github", "junit")


def to_text(report: Report) -> str:
    """A report for people: each finding, the groups that could be composited, and notes on the
    same change made by several motions.

    Examples
    --------
    >>> import networkx as nx
    >>> print(to_text(Report("2016", (), (), nx.Graph())))
    checked 0 motions against version 2016: no findings
    """
    n = len(report.motions)
    head = f"checked {n} motion{'s' if n != 1 else ''} against version {report.version}"
    notes = [f"note: {n}" for n in report.notes]
    if report.clean:
        return "\n".join([f"{head}: no findings", *notes])
    counts = Counter(f.kind for f in report.findings)
    summary = ", ".join(f"{c} {k}" for k, c in counts.items())
    lines = [f"{head}: {len(report.findings)} finding{'s' if len(report.findings) != 1 else ''} ({summary})", ""]
    for finding in report.findings:
        lines.append(f"{finding.kind}: {finding.message}")
        for loc in finding.locations:
            if loc.file:
                lines.append(f"    {loc.motion}: {loc.file}" + (f":{loc.line}" if loc.line else ""))
    if report.groups:
        lines.append("")
        lines.append("could be composited:")
        lines.extend(f"    {', '.join(group)}" for group in report.groups)
    lines.extend(["", *notes] if notes else [])
    return "\n".join(lines)


def to_json(report: Report) -> str:
    """``{"findings": [...], ...}`` (docs/checking.md) with ``composite`` groups.

    Examples
    --------
    >>> import networkx as nx
    >>> json.loads(to_json(Report("1", (), (), nx.Graph())))["findings"]
    []
    """
    return json.dumps(report.to_data(), indent=2, ensure_ascii=False)


def _escape_data(text: str) -> str:
    return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def _escape_property(text: str) -> str:
    return _escape_data(text).replace(":", "%3A").replace(",", "%2C")


def to_github(report: Report) -> str:
    """GitHub Actions workflow commands: an ``::error`` annotation per motion of
    each finding, at its motion file and line. Empty when clean.

    Examples
    --------
    >>> import networkx as nx
    >>> to_github(Report("1", (), (), nx.Graph()))
    ''
    """
    lines = []
    for finding in report.findings:
        located: list[Location | None] = [loc for loc in finding.locations if loc.file]
        for loc in located or [None]:
            props = []
            if loc is not None and loc.file:
                props.append(f"file={_escape_property(loc.file)}")
                if loc.line:
                    props.append(f"line={loc.line}")
            props.append(f"title={_escape_property('rulebook check: ' + finding.kind)}")
            lines.append(f"::error {','.join(props)}::{_escape_data(finding.message)}")
    return "\n".join(lines)


def to_junit(report: Report) -> str:
    """JUnit XML: one test case per motion, failing with each finding that names it.

    Examples
    --------
    >>> import networkx as nx
    >>> from rulebook.amend.motion import Amendment, Motion
    >>> m = Motion("a", [Amendment("delete_clause", clause="x")], file="m.yaml", line=1)
    >>> print(to_junit(Report("1", (m,), (), nx.Graph())))  # doctest: +NORMALIZE_WHITESPACE
    <?xml version="1.0" encoding="utf-8"?>
    <testsuites name="rulebook check" tests="1" failures="0">
      <testsuite name="rulebook check against version 1" tests="1" failures="0" errors="0" skipped="0">
        <testcase classname="m.yaml" name="a" file="m.yaml" line="1" />
      </testsuite>
    </testsuites>
    """
    failing = 0
    suite = ET.Element("testsuite", name=f"rulebook check against version {report.version}")
    for motion in report.motions:
        attrs = {"classname": motion.file or "motions", "name": motion.id}
        if motion.file:
            attrs["file"] = motion.file
        if motion.line:
            attrs["line"] = str(motion.line)
        case = ET.SubElement(suite, "testcase", attrs)
        found = report.about(motion.id)
        if found:
            failing += 1
        for finding in found:
            failure = ET.SubElement(case, "failure", type=finding.kind, message=finding.message)
            failure.text = f"{finding.kind}: {finding.message}"
    total = str(len(report.motions))
    suite.attrib.update(tests=total, failures=str(failing), errors="0", skipped="0")
    root = ET.Element("testsuites", name="rulebook check", tests=total, failures=str(failing))
    root.append(suite)
    ET.indent(root)
    return '<?xml version="1.0" encoding="utf-8"?>\n' + ET.tostring(root, encoding="unicode")


def render(report: Report, fmt: str) -> str:
    """The report in one of :data:`FORMATS`.

    Examples
    --------
    >>> import networkx as nx
    >>> render(Report("1", (), (), nx.Graph()), "text")
    'checked 0 motions against version 1: no findings'
    """
    renderers = {"text": to_text, "json": to_json, "github": to_github, "junit": to_junit}
    return renderers[fmt](report)
