"""The release matrix agrees with the static diff; readiness turns runs into evidence."""

from __future__ import annotations

import dataclasses
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.contracts.credentials import Credentials
from skifte.contracts.jobs import merge_matrix, run_matrix
from skifte.contracts.matrix import Cell, Matrix, explains
from skifte.contracts.matrix_cells import _finders
from skifte.contracts.matrix_report import matrix_markdown
from skifte.contracts.readiness import NeedsError, read_needs, readiness, readiness_markdown
from skifte.contracts.runner import open_release
from skifte.diff import Change, Level
from skifte.testenv.faults import ActiveFault
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
    # The liquidator's accounts of a case (1.1.0) may not exist yet, so one run cannot
    # fault 1.0.0's 404; 1.1.0's own environment found them for the same case.
    backward = matrix.cell("1.1.0", "1.0.0")
    accounts = "GET /tvangsoploesningssager/{sagId}/likvidator/opgoerelse"
    assert accounts in backward.predicted and accounts in backward.explained
    assert "found_in_own_release" in backward.failed_checks
    assert all(cell.not_observed == [] for cell in matrix.cells)
    # Each cell's evidence, apart (as CI jobs leave it), merges into the same matrix.
    report_dir = base.report_dir
    for number, evidence in enumerate(sorted((report_dir / "matrix").glob("cell-*.json"))):
        (tmp_path / "jobs" / str(number)).mkdir(parents=True)
        shutil.copy(evidence, tmp_path / "jobs" / str(number))
    merged = merge_matrix(PROJECT_REGISTRY, "tvangsoploesning", [tmp_path / "jobs"], tmp_path / "m")
    assert merged == matrix
    for suffix in ("json", "md", "html"):
        name = f"matrix-tvangsoploesning.{suffix}"
        assert (tmp_path / "m" / name).read_bytes() == (report_dir / name).read_bytes()


def test_a_backward_cell_sees_the_operations_its_environment_lacks(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    # Two releases keep it short: 1.1.0 added inquiries and inventories under an estate.
    registry = tmp_path / "registry"
    for version in ("1.0.0", "1.1.0"):
        shutil.copytree(PROJECT_REGISTRY / "doedsbo" / version, registry / "doedsbo" / version)
    base = dataclasses.replace(
        options(certs, tmp_path, "doedsbo", max_examples=1, phases=("examples", "stateful")),
        registry=registry,
        release=open_release(registry, "doedsbo", None),
    )
    matrix = run_matrix(registry, "doedsbo", base, credentials, say=lambda t: None)
    assert matrix.cell("1.0.0", "1.0.0").passed and matrix.cell("1.1.0", "1.1.0").passed
    backward = matrix.cell("1.1.0", "1.0.0")
    # Other checks may fail too (1.0.0 ignores fields 1.1.0 validates); all are explained.
    assert "known_record_available" in backward.failed_checks
    assert {
        f"{method} /doedsbojournaler/{{doedsbojournalId}}/{collection}"
        for method in ("GET", "POST")
        for collection in ("forespoergsler", "effektfortegnelser")
    } <= set(backward.explained)
    # Reading, changing or deleting an inquiry needs an id 1.0.0 never hands out; its
    # 404 counts because the inquiries' own listing is missing under an estate that is
    # there (and, for reads, because 1.1.0's environment found the seeded inquiries).
    assert backward.not_observed == []
    assert {
        f"{method} /doedsbojournaler/{{doedsbojournalId}}/{collection}/{{{item}Id}}"
        for method in ("GET", "PUT", "DELETE")
        for collection, item in (
            ("forespoergsler", "forespoergsel"),
            ("effektfortegnelser", "effektfortegnelse"),
        )
    } <= set(backward.explained)
    assert matrix.agrees
    assert (
        "1.1.0 → 1.0.0: 10 operation(s) predicted to break, 10 of them failing, 0 not observed;"
    ) in matrix_markdown(matrix)


def test_a_cell_whose_run_could_not_test_proves_nothing() -> None:
    def cell(client: str, environment: str, errors: list[str]) -> Cell:
        return Cell(client, environment, True, [], [], [], [], [], [], "run", errors)

    versions = ["1.0.0", "1.1.0"]
    matrix = Matrix("doedsbo", versions, [cell(c, e, []) for c in versions for e in versions])
    assert matrix.agrees
    matrix.cells[1] = cell("1.0.0", "1.1.0", ["run-2: no operation was tested"])
    assert not matrix.agrees
    text = matrix_markdown(matrix)
    assert "| 1.0.0 | pass | ⚠ error: the run could not test |" in text
    assert "- 1.0.0 → 1.1.0: ⚠ run-2: no operation was tested" in text


def _change(rule: str, level: Level, where: str) -> Change:
    op = "POST /doedsbojournaler/{doedsbojournalId}/krav"
    pointer = "#/paths/~1doedsbojournaler~1{doedsbojournalId}~1krav/post/" + where
    return Change(rule, level, op, "createKrav", pointer, "", "")


@pytest.mark.parametrize("check", ["known_record_available", "found_in_own_release"])
def test_only_a_removed_operation_explains_a_known_record_not_found(check: str) -> None:
    removed = [_change("operation-removed-without-deprecation", "breaking", "")]
    assert explains(removed, check)
    assert explains(removed, "positive_data_acceptance")
    retyped = [_change("response-property-type-changed", "breaking", "responses/201")]
    assert not explains(retyped, check)
    assert explains(retyped, "response_schema_conformance")
    assert not explains([], "response_schema_conformance")


def test_a_request_side_change_explains_what_the_environment_accepts_at_any_level() -> None:
    optional = [_change("parameter-became-optional", "info", "parameters/0")]
    assert explains(optional, "missing_required_header")
    assert explains(optional, "negative_data_rejection")
    # ... but not how it answers: an info change says nothing about a response.
    assert not explains(optional, "response_schema_conformance")
    relaxed = [_change("response-enum-value-removed", "info", "responses/201/content")]
    assert not explains(relaxed, "negative_data_rejection")


def test_a_focused_run_includes_what_finds_the_records_it_needs() -> None:
    operations = [
        "POST /doedsbojournaler",
        "POST /doedsbojournaler/aendringer",
        "GET /doedsbojournaler/{doedsbojournalId}",
        "GET /doedsbojournaler/{doedsbojournalId}/krav",
        "POST /doedsbojournaler/{doedsbojournalId}/forespoergsler",
    ]
    focus = {"POST /doedsbojournaler/{doedsbojournalId}/forespoergsler"}
    assert _finders(focus, operations) == {
        "POST /doedsbojournaler",
        "GET /doedsbojournaler/{doedsbojournalId}",
    }


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
    result = readiness(needs, [report], PROJECT_REGISTRY)
    by_name = {row["need"]: row for row in result["needs"]}
    lookup = by_name["opslag-paa-tvangsoploesning"]
    assert lookup["passed"] and all(op["succeeded"] > 0 for op in lookup["operations"])
    assert lookup["evidence"] == "rehearsal" and result["verdict"] == "rehearsed"
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
            faults=(ActiveFault.parse("server-error:getSag"),),
        ),
        credentials,
    ).report
    assert good is not None and faulty is not None and not faulty.passed
    needs = [n for n in read_needs(NEEDS) if n.name == "opslag-paa-tvangsoploesning"]
    newest_first = [faulty, good]
    result = readiness(needs, newest_first, PROJECT_REGISTRY)
    assert result["needs"][0]["run"] == good.run_id
    assert [r["run"] for r in result["runs"]] == [good.run_id]
