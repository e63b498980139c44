"""The jobs behind the command line, one function each.

`skifte contract run`, `contract matrix`, `readiness` and `pipeline` call these, so
each job writes the same files however it is started; the command modules only
parse options, call a job and turn its result into an exit status.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

from .credentials import Credentials
from .matrix import Matrix, run_matrix, write_matrix
from .readiness import needs_are_example, read_needs, readiness, write_readiness
from .report import RunReport
from .runner import RunOptions

Say = Callable[[str], None]
MATRIX_RUNS = "matrix"
"""The matrix's cell runs go in this folder of the report folder, apart from the runs
that readiness reads."""


def ensure_certificates(folder: Path) -> Path:
    """The stand-in's test CA and client certificates, made on first use."""
    if not (folder / "ca.pem").exists():
        from skifte.testenv.certs import init_certs

        init_certs(folder)
    return folder


def load_run_reports(report_dir: Path) -> list[RunReport]:
    """Every run's report in `report_dir`, newest first."""
    paths = sorted(report_dir.glob("run-*/report.json"), reverse=True)
    return [RunReport.from_dict(json.loads(p.read_text(encoding="utf-8"))) for p in paths]


def matrix_job(
    registry: Path, api: str, base: RunOptions, credentials: Credentials, say: Say
) -> Matrix:
    """Every client release against every behaviour; the cell runs under matrix/, the
    matrix itself as matrix-<api>.md, .json and .html in the report folder."""
    cells = replace(base, report_dir=base.report_dir / MATRIX_RUNS)
    matrix = run_matrix(registry, api, cells, credentials, say=say)
    write_matrix(matrix, base.report_dir)
    return matrix


class NoRunsError(Exception):
    """An API the needs name has no contract run to judge it by."""


@dataclass(frozen=True)
class ReadinessOutcome:
    result: dict[str, Any]
    files: list[Path]


def readiness_job(
    needs_file: Path,
    reports: list[RunReport],
    registry: Path,
    report_dir: Path,
    *,
    test_environments: Iterable[str] = (),
) -> ReadinessOutcome:
    """The readiness report from the runs (newest first): readiness.md, .html and .json.

    Raises NeedsError for an unusable needs file, NoRunsError when a needed API has no run.
    """
    needs = read_needs(needs_file)
    missing = sorted({n.api for n in needs} - {r.release.split("@")[0] for r in reports})
    if missing:
        raise NoRunsError(
            f"no contract run for {', '.join(missing)} in {report_dir}: run "
            f"`skifte contract run --api {missing[0]}` first"
        )
    result = readiness(
        needs,
        reports,
        registry,
        test_environments=test_environments,
        example=needs_are_example(needs_file),
    )
    return ReadinessOutcome(result, write_readiness(result, report_dir))
