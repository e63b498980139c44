"""A run's report.json that cannot be read is named with its reason and counts as no run:
readiness never crashes on it, and is never ready because of it."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.contracts.credentials import Credentials
from tests.cli.contract_stand_in import StandInRuns
from tests.conftest import PROJECT_REGISTRY, snapshot
from tests.contracts.conftest import options

TEST_ENVIRONMENT = "https://api.test-minskiftesag.net"  # the release's own server: evidence
NEEDS = """\
[needs.opslag-paa-tvangsoploesning]
api = "tvangsoploesning"
operations = ["searchSager", "getSag"]
"""
SHAPE = "not a run report as `skifte contract run` writes it: "
Corrupt = Callable[[str], str]
"""A good report's text → the text of a broken one."""


def _replaced(change: Callable[[dict[str, Any]], object]) -> Corrupt:
    def corrupt(text: str) -> str:
        data = json.loads(text)
        change(data)
        return json.dumps(data)

    return corrupt


CORRUPTIONS: dict[str, tuple[Corrupt, str]] = {
    "truncated": (
        lambda text: text[: len(text) // 2],
        "cut short (truncated): ",
    ),
    "not JSON": (lambda text: "<html>502 Bad Gateway</html>", "not JSON: Expecting value"),
    "empty": (lambda text: "", "empty"),
    "a list": (lambda text: f"[{text}]", SHAPE + "it holds a list, not an object"),
    "a field missing": (
        _replaced(lambda data: data.pop("by_operation")),
        SHAPE + "it lacks by_operation",
    ),
    "a count of the wrong type": (
        _replaced(lambda data: data.__setitem__("data", {**data["data"], "created": "17"})),
        SHAPE + "data.created is a string, not a number",
    ),
    "an operation's counts not an object": (
        _replaced(
            lambda data: data.__setitem__("by_operation", {"GET /tvangsoploesningssager": [1]})
        ),
        SHAPE + "by_operation['GET /tvangsoploesningssager'] is a list, not an object",
    ),
    "a release the registry lacks": (
        _replaced(lambda data: data.__setitem__("release", "tvangsoploesning@9.9.9")),
        "its release tvangsoploesning@9.9.9 is not in the registry",
    ),
}


def _good_run(tmp_path: Path) -> Path:
    """A passed run against the test environment that proves the needs: its report.json."""
    opts = replace(
        options(Path("/nonexistent"), tmp_path, "tvangsoploesning"),
        target_url=TEST_ENVIRONMENT,
    )
    outcome = StandInRuns()(opts, Credentials("testklient", "hemmelig-noegle-1"))
    assert outcome.report is not None
    return tmp_path / "reports" / outcome.report.run_id / "report.json"


def _broken_run(report_dir: Path, name: str, text: str) -> Path:
    path = report_dir / name / "report.json"
    path.parent.mkdir(parents=True)
    path.write_text(text, encoding="utf-8")
    return path


def _readiness(tmp_path: Path) -> tuple[int, str]:
    needs = tmp_path / "needs.toml"
    if not needs.exists():
        needs.write_text(NEEDS, encoding="utf-8")
    result = CliRunner().invoke(
        app,
        [
            *("readiness", "--needs", str(needs), "--report-dir", str(tmp_path / "reports")),
            *("--registry", str(PROJECT_REGISTRY)),
        ],
    )
    assert result.exception is None or isinstance(result.exception, SystemExit)
    return result.exit_code, " ".join(result.stderr.split())  # rich wraps long lines


def test_the_good_run_alone_is_ready(tmp_path: Path) -> None:
    _good_run(tmp_path)
    code, stderr = _readiness(tmp_path)
    assert code == 0, stderr


@pytest.mark.parametrize("kind", sorted(CORRUPTIONS))
def test_a_newer_report_that_cannot_be_read_keeps_readiness_from_ready(
    kind: str, tmp_path: Path
) -> None:
    good = _good_run(tmp_path)
    corrupt, reason = CORRUPTIONS[kind]
    broken = _broken_run(good.parent.parent, "run-9999", corrupt(good.read_text(encoding="utf-8")))

    code, stderr = _readiness(tmp_path)

    assert code == 1, stderr
    assert "unreadable evidence: Not ready: a run's report could not be read" in stderr
    assert f"not counted: {broken}: {reason}" in stderr
    written = json.loads((good.parent.parent / "readiness.json").read_text(encoding="utf-8"))
    assert written["verdict"] == "unreadable evidence" and written["ready"] is False
    assert len(written["unusable_reports"]) == 1
    assert written["unusable_reports"][0].startswith(f"{broken}: {reason}")
    assert [run["run"] for run in written["runs"]] == [good.parent.name]  # not the broken one
    markdown = (good.parent.parent / "readiness.md").read_text(encoding="utf-8")
    assert f"- `{broken}: {reason}" in markdown
    page = (good.parent.parent / "readiness.html").read_text(encoding="utf-8")
    assert "Run reports that could not be read" in page and str(broken) in page
    assert '<p class="verdict fail"><strong>Not ready: a run' in page  # red, as not ready is


@pytest.mark.parametrize("kind", ["truncated", "a field missing"])
def test_a_need_backed_only_by_an_unreadable_report_has_no_run(kind: str, tmp_path: Path) -> None:
    good = _good_run(tmp_path)
    corrupt, reason = CORRUPTIONS[kind]
    text = corrupt(good.read_text(encoding="utf-8"))
    good.write_text(text, encoding="utf-8")
    report_dir = good.parent.parent
    before = snapshot(report_dir)

    code, stderr = _readiness(tmp_path)

    assert code == 2, stderr
    assert "Traceback" not in stderr
    assert (
        f"error: no usable contract run for tvangsoploesning in {report_dir}: run `skifte "
        f"contract run --api tvangsoploesning` first; not counted, {good}: {reason}"
    ) in stderr
    assert snapshot(report_dir) == before  # no readiness report, nothing changed
