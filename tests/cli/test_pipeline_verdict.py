"""The pipeline's exit status follows readiness: a report it could not read fails it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from skifte.cli import app
from tests.cli.contract_stand_in import StandInRuns, stand_in_runs
from tests.conftest import PROJECT_REGISTRY

__all__ = ["stand_in_runs"]  # the fixture, used by name

RELEASE = PROJECT_REGISTRY / "tvangsoploesning" / "1.1.0"
NEEDS = """\
[needs.opslag]
description = "Opslag på sager."
api = "tvangsoploesning"
operations = ["searchSager", "getSag"]
"""


@pytest.fixture
def project(tmp_path: Path, certs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """One API with one release (its matrix is one agreeing cell), certificates configured."""
    shutil.copytree(RELEASE, tmp_path / "specs" / "tvangsoploesning" / RELEASE.name)
    (tmp_path / "skifte.toml").write_text(
        f'registry = "specs"\ncerts = "{certs}"\nclient = "testklient-01"\n', encoding="utf-8"
    )
    (tmp_path / "needs.toml").write_text(NEEDS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("SKIFTE_REGISTRY", "SKIFTE_CLIENT_ID", "SKIFTE_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


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
