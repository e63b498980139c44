"""generated/ in this repository is what the registry generates: the CI guard."""

from __future__ import annotations

from typer.testing import CliRunner

from skifte.cli import app
from tests.conftest import PROJECT, PROJECT_REGISTRY


def test_generated_matches_the_registry() -> None:
    result = CliRunner().invoke(
        app,
        [
            "generate",
            "--check",
            "--registry",
            str(PROJECT_REGISTRY),
            "--out",
            str(PROJECT / "generated"),
        ],
    )
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count("current") == 6
