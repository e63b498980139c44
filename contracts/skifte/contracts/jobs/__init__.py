"""The application layer: the jobs behind the command line, one function each.

`skifte contract run`, `contract matrix`, `readiness`, `pipeline` (and whatever else
wants a contract run, a matrix cell or a readiness report) call these, so a job
writes the same files however it is started. The command modules only parse
options, call a job and turn its result into an exit status; they reach the
contract runs through this package alone (tests/test_layers.py).

Errors a job raises: `UnusableInput` (bad input: nothing was run or written; exit 2
on the command line), `RunIncomplete` (a run started and could not finish; exit 1),
and the registry's own errors for an unknown release.
"""

from __future__ import annotations

from ..matrix import Cell, Matrix
from ..matrix_cells import CellEvidence
from ..matrix_plan import CellRef, ci_plan
from ..matrix_report import matrix_markdown
from ..readiness import FAILING, NOT_READY, READY, verdict_tone
from ..report import RunReport
from ..runner import RunOptions, RunOutcome, open_release
from .errors import RunIncomplete, UnusableInput
from .matrix import (
    MATRIX_MAX_EXAMPLES,
    MATRIX_PHASES,
    MATRIX_RUNS,
    matrix_cell,
    matrix_options,
    merge_matrix,
    plan_matrix,
    run_cell,
    run_matrix,
)
from .readiness import NoRunsError, ReadinessOutcome, load_run_reports, write_readiness
from .run import contract_credentials, ensure_certificates, run_contract

__all__ = [
    "FAILING",
    "MATRIX_MAX_EXAMPLES",
    "MATRIX_PHASES",
    "MATRIX_RUNS",
    "NOT_READY",
    "READY",
    "Cell",
    "CellEvidence",
    "CellRef",
    "Matrix",
    "NoRunsError",
    "ReadinessOutcome",
    "RunIncomplete",
    "RunOptions",
    "RunOutcome",
    "RunReport",
    "UnusableInput",
    "ci_plan",
    "contract_credentials",
    "ensure_certificates",
    "load_run_reports",
    "matrix_cell",
    "matrix_markdown",
    "matrix_options",
    "merge_matrix",
    "open_release",
    "plan_matrix",
    "run_cell",
    "run_contract",
    "run_matrix",
    "verdict_tone",
    "write_readiness",
]
