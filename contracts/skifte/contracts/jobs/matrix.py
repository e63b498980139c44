"""The compatibility matrix as jobs: plan the cells, run one, merge the cells' evidence.

A serial run is the same path: every cell run in turn, then merged. Each cell's
runs and evidence go to `<report dir>/matrix/`; the matrix itself to
`<report dir>/matrix-<api>.md`, `.json` and `.html` (matrix_report.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import replace
from pathlib import Path

from skifte.registry import Registry, Release

from ..credentials import Credentials
from ..matrix import Matrix, judge
from ..matrix_cells import CellEvidence, read_evidence
from ..matrix_cells import run_cell as run_cell_runs
from ..matrix_plan import CellRef, Predictions
from ..matrix_report import write_matrix
from ..runner import RunOptions
from .errors import RunIncomplete, UnusableInput, unusable_input

Say = Callable[[str], None]
MATRIX_RUNS = "matrix"
"""The cells' runs and evidence go in this folder of the report folder, apart from the
runs that readiness reads."""
MATRIX_PHASES = ("examples", "stateful")
"""A cell's broad run: the focused runs where a break is predicted take every phase."""
MATRIX_MAX_EXAMPLES = 2


def matrix_options(
    registry: Path,
    release: Release,
    report_dir: Path,
    certs: Path | None,
    *,
    max_examples: int = MATRIX_MAX_EXAMPLES,
    seed: int = 1,
    progress_seconds: float = 5.0,
) -> RunOptions:
    """What every cell's runs start from, whoever runs the matrix (`contract matrix`,
    `pipeline`, `release`): `run_cell` sets each cell's release and behaviour."""
    return RunOptions(
        registry,
        release,
        report_dir,
        certs,
        max_examples=max_examples,
        seed=seed,
        phases=MATRIX_PHASES,
        progress_seconds=progress_seconds,
    )


def plan_matrix(registry: Path, api: str) -> list[CellRef]:
    """Every cell of `api`'s matrix: each client release × each environment behaviour."""
    return Predictions(Registry(registry), api).cells()


def matrix_cell(registry: Path, api: str, text: str) -> CellRef:
    """The cell `text` (CLIENT:ENV) names, one of the API's releases each."""
    with unusable_input():
        return Predictions(Registry(registry), api).check(CellRef.parse(text))


def run_cell(
    registry: Path,
    api: str,
    cell: CellRef,
    base: RunOptions,
    credentials: Credentials,
    say: Say,
    *,
    predictions: Predictions | None = None,
) -> CellEvidence:
    """One cell's runs (the client's release against the stand-in behaving as the
    environment's), and its evidence, under `<base.report_dir>/matrix/`. `base` gives
    everything but the release and the behaviour."""
    predictions = predictions or Predictions(Registry(registry), api)
    cells = replace(base, report_dir=base.report_dir / MATRIX_RUNS)
    with unusable_input():
        predictions.check(cell)
        try:
            return run_cell_runs(predictions, cell, cells, credentials, say)
        except (OSError, RuntimeError) as exc:
            raise RunIncomplete(f"cell {cell.name} could not complete: {exc}") from exc


def run_matrix(
    registry: Path,
    api: str,
    base: RunOptions,
    credentials: Credentials,
    say: Say,
    *,
    cells: Iterable[CellRef] | None = None,
) -> Matrix:
    """The cells (default: every one) run in turn, then judged and written as the matrix.

    A cell of another release is checked for lost reads against its row's own cell:
    give that cell too (`CellRef(v, v)`) when choosing cells."""
    predictions = Predictions(Registry(registry), api)
    chosen = predictions.cells() if cells is None else list(cells)
    evidence = [
        run_cell(registry, api, cell, base, credentials, say, predictions=predictions)
        for cell in chosen
    ]
    return _write(predictions, evidence, base.report_dir)


def merge_matrix(registry: Path, api: str, places: Iterable[Path], report_dir: Path) -> Matrix:
    """The matrix from the cells' evidence in `places` (folders searched through, or
    files), as cells run apart left it: the same report and verdict as a serial run.
    Every cell must be there, once."""
    places = list(places)
    predictions = Predictions(Registry(registry), api)
    with unusable_input():
        evidence = read_evidence(api, places)
        for seen in evidence:
            predictions.check(seen.ref)
    missing = [c for c in predictions.cells() if c not in {e.ref for e in evidence}]
    if missing:
        names = ", ".join(c.name for c in missing)
        raise UnusableInput(
            f"no evidence of {len(missing)} cell(s) of {api} in {', '.join(map(str, places))}: "
            f"{names} (run them with `skifte contract matrix --api {api} --cell CELL`)"
        )
    return _write(predictions, evidence, report_dir)


def _write(predictions: Predictions, evidence: list[CellEvidence], report_dir: Path) -> Matrix:
    matrix = judge(predictions, evidence)
    write_matrix(matrix, report_dir)
    return matrix
