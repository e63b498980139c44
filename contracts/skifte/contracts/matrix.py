"""The compatibility matrix: every client release against every environment behaviour.

Each cell is a contract run of release X (the client's contract) against the
stand-in behaving as release Y (matrix_cells.py). The static diff X → Y says where
a client of X should break; the matrix checks the two agree: a predicted break the
run never showed is "not observed", a failure no predicted change explains is
"unexplained drift". Besides the runs' own checks, a cell fails `found_in_own_release`
where a read that found a record against X's environment answers 404 against Y's
(lost_reads.py). Judging works on the cells' evidence alone, so cells run apart
merge into the same matrix as a serial run.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

from skifte.diff import RULES, Change
from skifte.diff.rules.operations import (
    OPERATION_REMOVED,
    OPERATION_REMOVED_WITHOUT_DEPRECATION,
)

from .lost_reads import CHECK as LOST_READ
from .lost_reads import lost_reads
from .matrix_cells import CellEvidence
from .matrix_plan import Predictions


@dataclass
class Cell:
    client: str
    environment: str
    passed: bool
    failed_checks: list[str]
    failing_operations: list[str]
    predicted: list[str]
    """Operations with a breaking change X → Y: a client of X should fail there."""
    explained: list[str]
    unexplained: list[str]
    not_observed: list[str]
    run_id: str
    errors: list[str] = field(default_factory=list)
    """Why a run could not test (no token, nothing tested): such a cell proves nothing."""


@dataclass
class Matrix:
    api: str
    versions: list[str]
    cells: list[Cell] = field(default_factory=list)

    def cell(self, client: str, environment: str) -> Cell:
        found = self.find(client, environment)
        if found is None:
            raise KeyError(f"no cell {client}:{environment}")
        return found

    def find(self, client: str, environment: str) -> Cell | None:
        wanted = (client, environment)
        return next((c for c in self.cells if (c.client, c.environment) == wanted), None)

    @property
    def agrees(self) -> bool:
        return not any(c.unexplained or c.errors for c in self.cells)


def judge(predictions: Predictions, evidence: Iterable[CellEvidence]) -> Matrix:
    """The matrix of the cells given, row by row in release order. A cell of another
    release is checked for lost reads against its row's own cell, when that is given."""
    by_cell = {(e.client, e.environment): e for e in evidence}
    matrix = Matrix(predictions.api, predictions.versions)
    for client in predictions.versions:
        own = by_cell.get((client, client))
        for environment in predictions.versions:
            seen = by_cell.get((client, environment))
            if seen is not None:
                matrix.cells.append(_cell(predictions, seen, own))
    return matrix


def _cell(predictions: Predictions, seen: CellEvidence, own: CellEvidence | None) -> Cell:
    at_operation: dict[str, list[Change]] = {}
    for change in predictions.changes(seen.client, seen.environment):
        if change.operation:
            at_operation.setdefault(change.operation, []).append(change)
    failures = set(seen.failures)
    if own is not None and seen.client != seen.environment:
        lost = lost_reads(set(own.found_reads), seen.missing_reads)
        failures |= {(op, LOST_READ) for op in lost}
    failing = sorted({op for op, _ in failures})
    unexplained = {op for op, check in failures if not explains(at_operation.get(op, []), check)}
    predicted = predictions.predicted(seen.client, seen.environment)
    return Cell(
        client=seen.client,
        environment=seen.environment,
        passed=not failures and seen.runs_passed,
        failed_checks=sorted({check for _, check in failures}),
        failing_operations=failing,
        predicted=predicted,
        explained=[op for op in failing if op not in unexplained],
        unexplained=[op for op in failing if op in unexplained],
        not_observed=[op for op in predicted if op not in failing],
        run_id=", ".join(seen.run_ids),
        errors=list(seen.errors),
    )


LOOKED_FOR = ("breaking", "warning")
"""Levels of change that explain a failing check (a warning can break exhaustive readers)."""

REQUEST_CHECKS = frozenset(
    {
        "negative_data_rejection",
        "positive_data_acceptance",
        "missing_required_header",
        "unsupported_method",
    }
)
"""Checks that judge what the environment accepts. A change to what the operation accepts
explains them at any level: an environment that takes a request without a header the
client's release requires (a change the diff rates info, as it breaks no client) is the
other release, as predicted."""


EXPLAINED_ONLY_BY = {
    # "A known record is not found" says an operation is missing (or a record was lost):
    # of all the changes the diff predicts, only a removed operation explains that.
    "known_record_available": (OPERATION_REMOVED, OPERATION_REMOVED_WITHOUT_DEPRECATION),
    LOST_READ: (OPERATION_REMOVED, OPERATION_REMOVED_WITHOUT_DEPRECATION),
}
"""Checks whose failures only some kinds of change explain."""


def explains(changes: Iterable[Change], check: str) -> bool:
    """Whether the predicted changes at an operation explain a failure of `check` there."""
    only = EXPLAINED_ONLY_BY.get(check)
    if only is not None:
        return any(c.id in only for c in changes)
    return any(
        c.level in LOOKED_FOR or (check in REQUEST_CHECKS and _on_request_side(c)) for c in changes
    )


def _on_request_side(change: Change) -> bool:
    rule = RULES.get(change.id)
    return rule is not None and rule.direction in ("request", "both")
