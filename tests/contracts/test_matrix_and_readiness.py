"""The release matrix agrees with the static diff; readiness turns runs into evidence."""

from __future__ import annotations

import dataclasses
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.contracts.credentials import Credentials
from skifte.contracts.matrix import matrix_markdown, run_matrix
from skifte.contracts.readiness import NeedsError, read_needs, readiness, readiness_markdown
from tests.conftest import PROJECT, PROJECT_REGISTRY
from tests.contracts.conftest import options, run

NEEDS = PROJECT / "contracts" / "needs.example.toml"


def test_matrix_agrees_with_the_diff(certs: Path, tmp_path: Path, credentials: Credentials) -> None:
    base = options(
        certs, tmp_path, "tvangsoploesning", max_examples=2, phases=("examples", "stateful")
    )
    matrix = run_matrix(PROJECT_REGISTRY, "tvangsoploesning", base, credentials, say=lambda t: None)
    assert matrix.versions == ["1.0.0", "1.1.0"]
    assert matrix.cell("1.0.0", "1.0.0").passed and matrix.cell("1.1.0", "1.1.0").passed
    assert matrix.agrees
    for cell in matrix.cells:
        assert set(cell.failing_operations) == set(cell.explained) | set(cell.unexplained)
        if cell.client == cell.environment:
            assert cell.predicted == [] and cell.failing_operations == []
    assert "| 1.0.0 | pass |" in matrix_markdown(matrix)


def test_the_example_needs_cover_every_need_of_the_domain() -> None:
    needs = {n.name: n for n in read_needs(NEEDS)}
    assert set(needs) == {
        "opslag-paa-doedsbo",
        "krav",
        "tilgodehavender",
        "forespoergsler",
        "effektfortegnelser",
        "upload-af-dokumentation",
        "opslag-paa-tvangsoploesning",
        "paa-vegne-af-likvidator",
        "krav-og-tilgodehavender-i-tvangsoploesning",
    }
    assert "uploadBilag" in needs["upload-af-dokumentation"].operations


def test_broken_needs_files_are_named(tmp_path: Path) -> None:
    path = tmp_path / "needs.toml"
    path.write_text("[needs.krav]\ndescription = 'no api'\n", encoding="utf-8")
    with pytest.raises(NeedsError, match="must name an api"):
        read_needs(path)
    path.write_text("not toml = = =", encoding="utf-8")
    with pytest.raises(NeedsError, match=str(path)):
        read_needs(path)


def test_readiness_from_a_run(certs: Path, tmp_path: Path, credentials: Credentials) -> None:
    report = run(options(certs, tmp_path, "tvangsoploesning", max_examples=2), credentials).report
    assert report is not None and report.passed
    needs = [n for n in read_needs(NEEDS) if n.api == "tvangsoploesning"]
    result = readiness(needs, [dataclasses.asdict(report)], PROJECT_REGISTRY)
    by_name = {row["need"]: row for row in result["needs"]}
    lookup = by_name["opslag-paa-tvangsoploesning"]
    assert lookup["ready"] and all(op["succeeded"] > 0 for op in lookup["operations"])
    assert [s["holds"] for s in result["statements"]] == [True, True, True]
    text = readiness_markdown(result)
    assert "Only fictitious data was sent" in text and report.run_id in text


def test_dry_run_sends_nothing_and_options_are_checked(tmp_path: Path) -> None:
    runner = CliRunner()
    dry = runner.invoke(
        app,
        [
            "contract",
            "run",
            "--api",
            "doedsbo",
            "--dry-run",
            "--report-dir",
            str(tmp_path / "r"),
            "--registry",
            str(PROJECT_REGISTRY),
        ],
    )
    assert dry.exit_code == 0, dry.stderr
    assert "nothing was sent" in dry.stderr and "--rate-limit" in dry.stderr
    assert not (tmp_path / "r").exists()
    mixed = runner.invoke(
        app,
        [
            "contract",
            "run",
            "--api",
            "doedsbo",
            "--target",
            "https://x.invalid",
            "--fault",
            "server-error",
            "--registry",
            str(PROJECT_REGISTRY),
        ],
    )
    assert mixed.exit_code == 2
    missing = runner.invoke(
        app, ["readiness", "--needs", str(NEEDS), "--report-dir", str(tmp_path)]
    )
    assert missing.exit_code == 2 and "no contract run" in missing.stderr


def test_fault_and_drift_runs_are_no_readiness_evidence(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    good = run(
        options(certs, tmp_path, "tvangsoploesning", max_examples=1, phases=("examples",)),
        credentials,
    ).report
    faulty = run(
        options(
            certs,
            tmp_path,
            "tvangsoploesning",
            max_examples=1,
            phases=("examples",),
            faults=("server-error:getSag",),
        ),
        credentials,
    ).report
    assert good is not None and faulty is not None and not faulty.passed
    needs = [n for n in read_needs(NEEDS) if n.name == "opslag-paa-tvangsoploesning"]
    newest_first = [dataclasses.asdict(faulty), dataclasses.asdict(good)]
    result = readiness(needs, newest_first, PROJECT_REGISTRY)
    assert result["needs"][0]["run"] == good.run_id
    assert [r["run"] for r in result["runs"]] == [good.run_id]
