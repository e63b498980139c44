"""`--seed` promises what it does: the same cases for the same answers, not the same run."""

from __future__ import annotations

import pytest
from typer.testing import CliRunner

from skifte.cli import app


@pytest.mark.parametrize("command", [["contract", "run"], ["contract", "matrix"]])
def test_the_seed_help_says_what_it_fixes_and_what_not(command: list[str]) -> None:
    result = CliRunner().invoke(app, [*command, "--help"], env={"COLUMNS": "400"})
    assert result.exit_code == 0
    help_text = " ".join(result.stdout.replace("│", " ").split())
    assert (
        "Seed of schemathesis's data generation: the same seed draws the same cases as long "
        "as the environment answers alike. Two runs are alike, not identical: new record ids, "
        "and what follows from them, differ" in help_text
    )
    assert "reproducible" not in help_text.lower()
