"""Readiness never overclaims: stand-in runs are rehearsals, the example needs get no verdict."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from skifte.cli import app
from skifte.contracts.credentials import Credentials
from skifte.contracts.readiness import needs_are_example, read_needs, readiness
from skifte.testenv.environment import create_environment
from skifte.testenv.server import running
from tests.conftest import PROJECT, PROJECT_REGISTRY
from tests.contracts.conftest import options, run
from tests.testenv.conftest import settings

EXAMPLE = PROJECT / "contracts" / "needs.example.toml"
OWN_NEEDS = """\
[needs.opslag-paa-tvangsoploesning]
description = "Opslag på virksomheder under tvangsopløsning."
api = "tvangsoploesning"
operations = ["searchSager", "getSag"]
"""


def _own_needs(folder: Path) -> Path:
    path = folder / "needs.toml"
    path.write_text(OWN_NEEDS, encoding="utf-8")
    return path


def _readiness_cli(needs: Path, report_dir: Path, *extra: str) -> tuple[int, str]:
    result = CliRunner().invoke(
        app,
        [
            "readiness",
            "--needs",
            str(needs),
            "--report-dir",
            str(report_dir),
            "--registry",
            str(PROJECT_REGISTRY),
            *extra,
        ],
    )
    return result.exit_code, result.stderr


def test_the_shipped_example_says_it_is_one() -> None:
    assert needs_are_example(EXAMPLE)
    assert not needs_are_example(PROJECT / "pyproject.toml")


def test_stand_in_runs_are_a_rehearsal_never_ready(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    opts = options(certs, tmp_path, "tvangsoploesning", max_examples=1, phases=("examples",))
    report = run(opts, credentials).report
    assert report is not None and report.passed and report.local
    report_dir = tmp_path / "reports"

    code, stderr = _readiness_cli(_own_needs(tmp_path), report_dir)
    assert code == 1, stderr
    assert "rehearsed" in stderr and "no evidence from the test environment" in stderr
    written = json.loads((report_dir / "readiness.json").read_text(encoding="utf-8"))
    assert written["verdict"] == "rehearsed" and written["ready"] is False
    assert written["runs"][0]["evidence"] == "rehearsal"
    markdown = (report_dir / "readiness.md").read_text(encoding="utf-8")
    assert "Ready." not in markdown and "no evidence from the test environment" in markdown
    # Declaring the stand-in's URL changes nothing: the run started that stand-in itself.
    code, _ = _readiness_cli(_own_needs(tmp_path), report_dir, "--test-environment", report.target)
    assert code == 1

    needs = [n for n in read_needs(EXAMPLE) if n.api == "tvangsoploesning"]
    example = readiness(needs, [report], PROJECT_REGISTRY, example=True)
    assert example["verdict"] == "example needs" and not example["ready"]
    assert "shipped example" in example["verdict_text"]


def test_a_run_against_the_declared_test_environment_is_evidence(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    # The stand-in, started apart from the run, plays the test environment the user declares.
    environment = create_environment(settings(certs, tmp_path / "env-data", tls=True))
    try:
        with running(environment, certs=certs) as server:
            opts = options(
                certs,
                tmp_path,
                "tvangsoploesning",
                max_examples=1,
                phases=("examples",),
                target_url=server.base_url,
            )
            report = run(opts, credentials).report
    finally:
        environment.store.close()
    assert report is not None and report.passed and not report.local
    report_dir = tmp_path / "reports"
    needs = _own_needs(tmp_path)

    code, stderr = _readiness_cli(needs, report_dir)
    assert code == 1 and "rehearsed" in stderr  # an undeclared URL is no evidence

    code, stderr = _readiness_cli(needs, report_dir, "--test-environment", server.base_url + "/")
    assert code == 0, stderr
    written = json.loads((report_dir / "readiness.json").read_text(encoding="utf-8"))
    assert written["verdict"] == "ready" and written["ready"] is True
    assert written["needs"][0]["evidence"] == "test environment"
    assert written["needs"][0]["run"] == report.run_id
