"""The pipeline's exit status follows readiness: a report it could not read fails it."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from skifte.cli import app
from tests.cli.contract_stand_in import StandInRuns, contract_project, stand_in_runs

__all__ = ["stand_in_runs"]  # the fixture, used by name


@pytest.fixture
def project(tmp_path: Path, certs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One API with one release (its matrix is one agreeing cell)."""
    return contract_project(tmp_path, certs, monkeypatch, "tvangsoploesning/1.1.0")


def _pipeline() -> Result:
    return CliRunner().invoke(
        app, ["pipeline", "--out", "generated", "--report-dir", "reports", "--needs", "needs.toml"]
    )


def test_a_rehearsal_passes_and_a_corrupt_report_beside_it_fails(
    project: Path, stand_in_runs: StandInRuns
) -> None:
    passed = _pipeline()
    assert passed.exit_code == 0, passed.stderr
    assert "rehearsed" in passed.stderr
    corrupt = project / "reports" / "run-20261129T000000Z-0000" / "report.json"
    corrupt.parent.mkdir()
    corrupt.write_text('{"api": "tvangsoploesning", ', encoding="utf-8")  # cut short
    failed = _pipeline()
    assert failed.exit_code == 1, failed.stderr
    assert "unreadable evidence" in failed.stderr
    assert "not counted" in failed.stderr and corrupt.parent.name in failed.stderr
