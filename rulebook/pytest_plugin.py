"""A pytest plugin that runs scenario files as tests.

A YAML file with a top-level ``scenario:`` key becomes one test when pytest
is pointed at the file itself, when it lies under the ``scenarios/`` directory
of the rootdir (``pytest scenarios/`` runs them all), under another directory
listed in the ``rulebook_scenarios`` ini option, or under a directory with one
of those names given on the command line (``pytest tests/data/scenarios``).
Other YAML files are left alone. A
failing expectation fails the test with the same message as
``rulebook scenario run``; a scenario that cannot be run (bad file, unknown
question, bad facts) fails with the one-line error the CLI would print.

It also runs ``rulebook check`` over a rules repository's pending motions,
one test per motion, when the ini file names them::

    [tool.pytest.ini_options]
    rulebook_book = "rules/labour"                  # PATH, PATH@LABEL or PATH@DATE
    rulebook_motions = ["motions/pending/*.yaml"]   # globs, relative to the rootdir

A motion with findings fails with the same messages as ``rulebook check``; a
book or motion file that cannot be read fails every test with the one-line
error. See docs/checking.md.

Registered through the ``pytest11`` entry point; without it, use
``pytest -p rulebook.pytest_plugin``.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path
from typing import TYPE_CHECKING, Any

import attrs
import pytest

from rulebook.ask.scenarios import ScenarioResult, run
from rulebook.errors import RulebookError
from rulebook.history import History
from rulebook.io.scenarios import load_file, looks_like_scenario

if TYPE_CHECKING:
    from rulebook.check import Report

__all__ = [
    "MotionCheckFailed",
    "MotionCheckItem",
    "ScenarioFailed",
    "ScenarioFile",
    "ScenarioItem",
    "pytest_addoption",
    "pytest_collect_file",
    "pytest_collection_modifyitems",
]

_HISTORIES = pytest.StashKey[dict[str, History]]()


class ScenarioFailed(Exception):
    """A scenario ran, but some of its expectations were not met."""

    def __init__(self, result: ScenarioResult) -> None:
        super().__init__("\n".join(f.message for f in result.failures))
        self.result = result


def _scenario_dirs(config: pytest.Config) -> list[Path]:
    """Directories whose YAML scenario files are collected: the ``rulebook_scenarios``
    ini option (default ``scenarios``, relative to the rootdir), and any directory
    named on the command line whose name is one of those (``pytest my/scenarios``)."""
    configured = [str(d) for d in config.getini("rulebook_scenarios")] or ["scenarios"]
    dirs = [config.rootpath / d for d in configured]
    names = {Path(d).name for d in configured}
    for arg in config.args:
        path = (config.invocation_params.dir / arg.split("::")[0]).resolve()
        if path.is_dir() and path.name in names:
            dirs.append(path)
    return dirs


def _wanted(file_path: Path, parent: pytest.Collector) -> bool:
    if file_path.suffix not in (".yaml", ".yml"):
        return False
    resolved = file_path.resolve()
    under = any(d.resolve() in resolved.parents for d in _scenario_dirs(parent.config))
    return (under or parent.session.isinitpath(file_path)) and looks_like_scenario(file_path)


def pytest_collect_file(file_path: Path, parent: pytest.Collector) -> pytest.Collector | None:
    """Collect scenario files (see the module docstring for which)."""
    if _wanted(file_path, parent):
        collector: ScenarioFile = ScenarioFile.from_parent(parent, path=file_path)
        return collector
    return None


class ScenarioFile(pytest.File):
    """A scenario file: it holds one scenario, so one test."""

    def collect(self) -> Iterator[ScenarioItem]:
        yield ScenarioItem.from_parent(self, name=self.path.stem)


class ScenarioItem(pytest.Item):
    """One scenario, run as a test."""

    def runtest(self) -> None:
        histories = self.config.stash.setdefault(_HISTORIES, {})
        result = run(load_file(self.path, histories))
        if not result.passed:
            raise ScenarioFailed(result)

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, ScenarioFailed | RulebookError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, 0, f"scenario {self.path.name}"


# -- pending motions: `rulebook check` as tests ---------------------------------


@attrs.frozen
class _Checked:
    """The session's one check of the pending motions: its report, or the error that stopped it."""

    report: Report | None = None
    error: RulebookError | None = None

    def result(self) -> Report:
        """The report; the error, raised again, if there is none."""
        if self.report is None:
            assert self.error is not None
            raise self.error
        return self.report


_CHECK_REPORT = pytest.StashKey[_Checked]()


def pytest_addoption(parser: pytest.Parser) -> None:
    """The ini options: where scenario files live; the book and the pending motions to check."""
    parser.addini(
        "rulebook_scenarios",
        "directories (relative to the rootdir) whose YAML scenario files run as tests (default: scenarios)",
        type="linelist",
    )
    parser.addini("rulebook_book", "rule book that pending motions are checked against (PATH[@LABEL|@DATE])")
    parser.addini("rulebook_motions", "globs of pending motion files, relative to the rootdir", type="linelist")


def _pending_files(config: pytest.Config) -> list[Path]:
    root = config.rootpath
    files: dict[Path, None] = {}
    for pattern in config.getini("rulebook_motions"):
        for path in sorted(root.glob(pattern)):
            if path.is_file():
                files[path] = None
    return list(files)


def _check_pending(config: pytest.Config) -> _Checked:
    """Run the check once per session."""
    if _CHECK_REPORT not in config.stash:
        from rulebook.check import check
        from rulebook.history import load_history, split_spec
        from rulebook.io import motions as motion_io

        try:
            path, selector = split_spec(str(config.getini("rulebook_book")))
            history = load_history(config.rootpath / path)
            motions = [m for f in _pending_files(config) for m in motion_io.load_file(f)]
            version = history.select(selector)
            config.stash[_CHECK_REPORT] = _Checked(report=check(version, motions, bases={v.label: v for v in history}))
        except RulebookError as exc:
            config.stash[_CHECK_REPORT] = _Checked(error=exc)
    return config.stash[_CHECK_REPORT]


def pytest_collection_modifyitems(session: pytest.Session, config: pytest.Config, items: list[pytest.Item]) -> None:
    """Add a test per pending motion when ``rulebook_book`` and ``rulebook_motions`` are set."""
    if not config.getini("rulebook_book") or not config.getini("rulebook_motions"):
        return
    from rulebook.io import motions as motion_io

    for path in _pending_files(config):
        try:
            ids = [m.id for m in motion_io.load_file(path)]
        except RulebookError:
            ids = [path.stem]  # the test reports the error
        for motion_id in ids:
            items.append(
                MotionCheckItem.from_parent(session, name=f"rulebook check {motion_id}", motion=motion_id, path=path)
            )


class MotionCheckFailed(Exception):
    """``rulebook check`` found problems with a pending motion."""


class MotionCheckItem(pytest.Item):
    """One pending motion, checked against the book and the other pending motions."""

    def __init__(self, *, motion: str, **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self.motion = motion

    def runtest(self) -> None:
        report = _check_pending(self.config).result()
        found = report.about(self.motion)
        if found:
            raise MotionCheckFailed("\n".join(f"{f.kind}: {f.message}" for f in found))

    def repr_failure(self, excinfo: pytest.ExceptionInfo[BaseException], style: Any = None) -> str:
        if isinstance(excinfo.value, MotionCheckFailed | RulebookError):
            return str(excinfo.value)
        return str(super().repr_failure(excinfo, style=style))

    def reportinfo(self) -> tuple[Path, int | None, str]:
        return self.path, 0, f"rulebook check: motion {self.motion}"
