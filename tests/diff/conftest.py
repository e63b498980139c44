"""Helpers of the diff tests: diff two in-memory specs, run the commands on a small app."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import typer
from typer.testing import CliRunner, Result

from skifte.cli.diff_command import changelog_command, diff_command
from skifte.diff import DiffResult, diff_documents
from skifte.spec import read_spec
from tests.conftest import write_yaml

CORPUS = Path(__file__).parent / "corpus"


def diff_specs(tmp_path: Path, base: dict[str, Any], revision: dict[str, Any]) -> DiffResult:
    old = read_spec(write_yaml(tmp_path / "base.yaml", base), validate=False)
    new = read_spec(write_yaml(tmp_path / "revision.yaml", revision), validate=False)
    return diff_documents(old, new, package="pkg")


def run_command(*args: str) -> Result:
    """The diff commands as `skifte` runs them, on an app of their own."""
    app = typer.Typer()
    app.command("diff")(diff_command)
    app.command("changelog")(changelog_command)
    return CliRunner().invoke(app, list(args))
