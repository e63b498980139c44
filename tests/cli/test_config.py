"""[tool.skifte] / skifte.toml: a project's defaults, overridden by the command line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.cli.config import load_config
from tests.conftest import PROJECT_REGISTRY

runner = CliRunner()


@pytest.fixture
def project(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """An integrator's project folder with its own registry, worked in from a subfolder."""
    shutil.copytree(PROJECT_REGISTRY / "tvangsoploesning", tmp_path / "apis" / "tvangsoploesning")
    (tmp_path / "src").mkdir()
    monkeypatch.chdir(tmp_path / "src")
    monkeypatch.delenv("SKIFTE_REGISTRY", raising=False)
    monkeypatch.setenv("SKIFTE_CLIENT_ID", "fiktiv-klient")
    monkeypatch.setenv("SKIFTE_CLIENT_SECRET", "fiktiv-hemmelighed")
    return tmp_path


def test_pyproject_settings_are_the_defaults(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (project / "pyproject.toml").write_text(
        '[project]\nname = "x"\n\n[tool.skifte]\nregistry = "apis"\nreport-dir = "out/reports"\n'
        'rate-limit = "3/s"\ntarget = "https://api.test-minskiftesag.net"\n',
        encoding="utf-8",
    )
    config = load_config()
    assert config.source == project / "pyproject.toml"
    assert config.path("registry") == project / "apis"
    listed = runner.invoke(app, ["releases", "--json"])
    assert listed.exit_code == 0, listed.output
    assert '"api": "tvangsoploesning"' in listed.stdout and "doedsbo" not in listed.stdout
    # The configured target and rate, unless the command line says otherwise.
    dry = runner.invoke(app, ["contract", "run", "--api", "tvangsoploesning", "--dry-run"])
    assert dry.exit_code == 0, dry.output
    assert "would send to https://api.test-minskiftesag.net at 3/s" in dry.stderr
    faster = runner.invoke(
        app, ["contract", "run", "--api", "tvangsoploesning", "--dry-run", "--rate-limit", "1/s"]
    )
    assert "at 1/s" in faster.stderr
    monkeypatch.delenv("SKIFTE_CLIENT_ID")  # the stand-in's own clients, from its certificates
    local = runner.invoke(
        app, ["contract", "run", "--api", "tvangsoploesning", "--dry-run", "--local"]
    )
    assert "would send to https://127.0.0.1" in local.stderr


def test_skifte_toml_wins_and_flags_override_it(project: Path, tmp_path: Path) -> None:
    (project / "pyproject.toml").write_text('[tool.skifte]\nregistry = "nowhere"\n', "utf-8")
    (project / "skifte.toml").write_text('registry = "apis"\n', encoding="utf-8")
    assert load_config().path("registry") == project / "apis"
    listed = runner.invoke(app, ["releases", "--json", "--registry", str(PROJECT_REGISTRY)])
    assert '"api": "doedsbo"' in listed.stdout


def test_readiness_takes_its_needs_from_the_project(project: Path) -> None:
    (project / "skifte.toml").write_text('registry = "apis"\n', encoding="utf-8")
    missing = runner.invoke(app, ["readiness"])
    assert missing.exit_code == 2 and "give --needs FILE, or needs = FILE" in missing.stderr
    (project / "skifte.toml").write_text(
        'registry = "apis"\nneeds = "needs.toml"\nreport-dir = "r"\n', encoding="utf-8"
    )
    (project / "needs.toml").write_text(
        '[needs.opslag]\napi = "tvangsoploesning"\noperations = ["getSag"]\n', encoding="utf-8"
    )
    no_runs = runner.invoke(app, ["readiness"])
    assert (
        no_runs.exit_code == 2
        and f"no contract run for tvangsoploesning in {project / 'r'}"
        in (no_runs.stderr.replace("\n", ""))
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('registy = "apis"\n', "unknown setting registy"),
        ("registry = 3\n", "registry must be a non-empty string"),
        ('test-environments = "https://x"\n', "test-environments must be a list of strings"),
        ("registry = \n", "skifte.toml"),
    ],
)
def test_a_broken_configuration_is_named(project: Path, text: str, message: str) -> None:
    (project / "skifte.toml").write_text(text, encoding="utf-8")
    result = runner.invoke(app, ["releases"])
    assert result.exit_code == 2 and "Traceback" not in result.output
    assert message in result.stderr.replace("\n", "") and str(project) in result.stderr.replace(
        "\n", ""
    )
