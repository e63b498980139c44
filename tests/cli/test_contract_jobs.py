"""The commands and the pipeline share the contract jobs: the same reports either way;
matrix cells run apart merge into the serial matrix."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from skifte.cli import app
from tests.cli.contract_stand_in import StandInRuns, contract_project, report_set, stand_in_runs
from tests.conftest import snapshot

__all__ = ["stand_in_runs"]  # the fixture, used by name

API = "tvangsoploesning"


@pytest.fixture
def project(tmp_path: Path, certs: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A project of one API with two releases, its certificates configured."""
    return contract_project(tmp_path, certs, monkeypatch, API)


def skifte(*args: str) -> Result:
    return CliRunner().invoke(app, list(args))


def test_the_pipeline_and_the_commands_write_the_same_reports(
    project: Path, stand_in_runs: StandInRuns
) -> None:
    piped = skifte(
        "pipeline", "--out", "generated", "--report-dir", "piped", "--needs", "needs.toml", "-q"
    )
    runs_of_the_pipeline = list(stand_in_runs.options)
    stand_in_runs.numbers = iter(range(1, 1000))
    stand_in_runs.options.clear()
    codes = [
        skifte("contract", "run", "--api", API, "--report-dir", "alone", "-q").exit_code,
        skifte("contract", "matrix", "--api", API, "--report-dir", "alone", "-q").exit_code,
        skifte("readiness", "--needs", "needs.toml", "--report-dir", "alone").exit_code,
    ]
    # The stand-in runs fail every cell of another release with a drift the diff may not
    # explain, and the pipeline exits 1 as the matrix and readiness do.
    assert piped.exit_code == 1 and codes == [0, 1, 1], piped.stderr
    piped_set, alone = report_set(project / "piped"), report_set(project / "alone")
    assert sorted(piped_set) == sorted(alone)
    assert piped_set == alone
    assert {"readiness.json", f"matrix-{API}.json", "run-0001/report.json"} <= set(alone)
    assert f"matrix/cell-{API}-1.0.0-1.1.0.json" in alone
    assert [
        (o.release.ref, o.behave_as, o.max_examples, o.phases) for o in runs_of_the_pipeline
    ] == [(o.release.ref, o.behave_as, o.max_examples, o.phases) for o in stand_in_runs.options]


def test_cells_run_apart_merge_into_the_serial_matrix(
    project: Path, stand_in_runs: StandInRuns
) -> None:
    serial = skifte("contract", "matrix", "--api", API, "--report-dir", "serial", "-q")
    plan = skifte("contract", "matrix", "--api", API, "--plan", "--format", "json")
    assert plan.exit_code == 0, plan.stderr
    include = json.loads(plan.stdout)["include"]
    assert [c["cell"] for c in include] == [
        "1.0.0:1.0.0",
        "1.0.0:1.1.0",
        "1.1.0:1.0.0",
        "1.1.0:1.1.0",
    ]
    assert include[1] == {
        "api": API,
        "cell": "1.0.0:1.1.0",
        "client": "1.0.0",
        "environment": "1.1.0",
    }
    stand_in_runs.numbers = iter(range(1, 1000))
    for job, entry in enumerate(include):  # one CI job each, each with its own folder
        ran = skifte(
            "contract",
            "matrix",
            "--api",
            entry["api"],
            "--cell",
            entry["cell"],
            "--report-dir",
            f"jobs/{job}",
            "-q",
        )
        assert ran.exit_code == 0, ran.stderr
    merged = skifte(
        "contract",
        "matrix",
        "--api",
        API,
        "--merge",
        *(str(p) for p in sorted((project / "jobs").iterdir())),
        "--report-dir",
        "merged",
    )
    assert serial.exit_code == merged.exit_code == 1  # the stand-in runs' drift: no agreement
    assert serial.stdout == merged.stdout
    for suffix in ("json", "md", "html"):
        name = f"matrix-{API}.{suffix}"
        assert (project / "serial" / name).read_bytes() == (project / "merged" / name).read_bytes()
    matrix = json.loads((project / "merged" / f"matrix-{API}.json").read_text(encoding="utf-8"))
    assert [c["failed_checks"] for c in matrix["cells"]] == [
        [],
        ["found_in_own_release", "response_schema_conformance"],
        ["found_in_own_release", "response_schema_conformance"],
        [],
    ]


def test_a_merge_wants_every_cell_once(project: Path, stand_in_runs: StandInRuns) -> None:
    assert (
        skifte(
            "contract", "matrix", "--api", API, "--cell", "1.0.0:1.1.0", "--report-dir", "a", "-q"
        ).exit_code
        == 0
    )
    missing = skifte("contract", "matrix", "--api", API, "--merge", "a", "--report-dir", "m")
    assert missing.exit_code == 2
    assert "no evidence of 3 cell(s)" in missing.stderr and "1.1.0:1.1.0" in missing.stderr
    cell = project / "a" / "matrix" / f"cell-{API}-1.0.0-1.1.0.json"
    shutil.copytree(project / "a", project / "b")
    changed = json.loads(cell.read_text(encoding="utf-8")) | {"runs_passed": True}
    (project / "b" / "matrix" / cell.name).write_text(json.dumps(changed), encoding="utf-8")
    twice = skifte("contract", "matrix", "--api", API, "--merge", "a", "b", "--report-dir", "m")
    assert twice.exit_code == 2 and "twice, with different evidence" in twice.stderr
    (project / "b" / "matrix" / cell.name).write_text("{", encoding="utf-8")
    broken = skifte("contract", "matrix", "--api", API, "--merge", "b", "--report-dir", "m")
    assert broken.exit_code == 2 and "not readable as JSON" in broken.stderr
    assert not (project / "m").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--cell", "1.0.0"], "a cell is CLIENT:ENVIRONMENT"),
        (["--cell", "9.9.9:1.0.0"], "has no release 9.9.9"),
        (["--plan", "--cell", "1.0.0:1.0.0"], "do not go together"),
        (["--format", "json"], "--format goes with --plan"),
        (["--merge"], "--merge takes the folders"),
        (["somewhere"], "go with --merge"),
        (["--merge", "nowhere"], "nowhere does not exist"),
    ],
)
def test_unusable_matrix_options_exit_2_and_write_nothing(
    project: Path, stand_in_runs: StandInRuns, args: list[str], message: str
) -> None:
    before = snapshot(project)
    result = skifte("contract", "matrix", "--api", API, *args)
    assert result.exit_code == 2 and message in result.stderr
    assert snapshot(project) == before and stand_in_runs.options == []


def test_the_stand_in_certificates_are_made_once_and_never_over_other_files(
    project: Path, stand_in_runs: StandInRuns
) -> None:
    fresh = project / "fresh-certs"
    made = skifte("contract", "run", "--api", API, "--certs", str(fresh), "--report-dir", "r")
    assert made.exit_code == 0, made.stderr
    assert (fresh / "ca.pem").is_file() and (fresh / "testklient-01.env").is_file()
    ca = (fresh / "ca.pem").read_bytes()
    again = skifte(
        "contract", "matrix", "--api", API, "--cell", "1.0.0:1.0.0", "--certs", str(fresh)
    )
    assert again.exit_code == 0 and (fresh / "ca.pem").read_bytes() == ca
    other = project / "other"
    other.mkdir()
    (other / "notes.txt").write_text("not certificates", encoding="utf-8")
    refused = skifte("contract", "run", "--api", API, "--certs", str(other), "--report-dir", "x")
    assert refused.exit_code == 2 and "no certificates for the stand-in" in refused.stderr
    assert sorted(p.name for p in other.iterdir()) == ["notes.txt"]
    assert not (project / "x").exists()


def test_a_row_of_the_matrix_runs_alone(
    project: Path, certs: Path, stand_in_runs: StandInRuns
) -> None:
    # The old release's clients against the new release's behaviour, and their own.
    from skifte.contracts.jobs import (
        CellRef,
        RunOptions,
        contract_credentials,
        open_release,
        run_matrix,
    )

    registry = project / "specs"
    base = RunOptions(registry, open_release(registry, API, None), project / "row", certs)
    credentials = contract_credentials(certs, "testklient-01", local=True)
    row = [CellRef("1.0.0", "1.0.0"), CellRef("1.0.0", "1.1.0")]
    matrix = run_matrix(registry, API, base, credentials, lambda text: None, cells=row)
    assert [(c.client, c.environment) for c in matrix.cells] == row
    assert matrix.cell("1.0.0", "1.1.0").failed_checks == [
        "found_in_own_release",
        "response_schema_conformance",
    ]
    markdown = (project / "row" / f"matrix-{API}.md").read_text(encoding="utf-8")
    assert "| 1.1.0 | not run | not run |" in markdown
    assert "not run" in (project / "row" / f"matrix-{API}.html").read_text(encoding="utf-8")
