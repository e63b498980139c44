"""What every user meets first: help, the version, options that say what they mean."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from tests.conftest import PROJECT_REGISTRY

runner = CliRunner()


def test_dash_h_is_help_everywhere() -> None:
    for args in ([], ["contract"], ["contract", "run"], ["testenv", "serve"], ["generate"]):
        short, long = runner.invoke(app, [*args, "-h"]), runner.invoke(app, [*args, "--help"])
        assert short.exit_code == 0 and short.stdout == long.stdout, args


def test_the_toolkits_version() -> None:
    result = runner.invoke(app, ["--version"])
    assert result.exit_code == 0 and result.stdout.startswith("skifte ")


def test_completion_can_be_installed() -> None:
    assert "--install-completion" in runner.invoke(app, ["--help"]).stdout


def test_a_release_is_chosen_with_release_and_the_old_spelling_still_works(
    tmp_path: Path,
) -> None:
    base = ["contract", "run", "--api", "doedsbo", "--dry-run", "--registry", str(PROJECT_REGISTRY)]
    base += ["--report-dir", str(tmp_path)]
    new = runner.invoke(app, [*base, "--release", "1.2.0"])
    assert new.exit_code == 0 and "of doedsbo@1.2.0" in new.stderr
    assert "deprecated" not in new.stderr
    old = runner.invoke(app, [*base, "--version", "1.2.0"])
    assert old.exit_code == 0 and "of doedsbo@1.2.0" in old.stderr
    assert "--version here is deprecated: say --release" in old.stderr
    clash = runner.invoke(app, [*base, "--release", "1.2.0", "--version", "1.1.0"])
    assert clash.exit_code == 2 and "disagree" in clash.stderr


def test_an_unknown_fault_is_refused_with_the_known_ones(tmp_path: Path) -> None:
    result = runner.invoke(
        app,
        ["contract", "run", "--api", "doedsbo", "--fault", "bogus", "--report-dir", str(tmp_path)],
    )
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert "unknown fault 'bogus'; known faults: drop-required-property" in result.stderr
    assert not any(tmp_path.iterdir())


def test_a_registry_that_cannot_be_used_is_named(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (tmp_path / "file").write_text("", encoding="utf-8")
    cases = {
        str(tmp_path / "missing"): "does not exist",
        str(empty): "holds no release: file one with `skifte import FILE --api NAME`",
        str(tmp_path / "file"): "is a file, not a folder",
    }
    for root, message in cases.items():
        for command in (["releases"], ["verify"], ["generate", "--check"]):
            result = runner.invoke(app, [*command, "--registry", root])
            assert result.exit_code == 2, (command, root, result.output)
            assert f"the registry {root} (--registry) {message}" in " ".join(result.stderr.split())
    monkeypatch.setenv("SKIFTE_REGISTRY", str(tmp_path / "nowhere"))
    result = runner.invoke(app, ["releases"])
    assert result.exit_code == 2 and "(SKIFTE_REGISTRY) does not exist" in result.stderr
    assert not (tmp_path / "nowhere").exists()
