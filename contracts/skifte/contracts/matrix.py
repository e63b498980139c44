"""`skifte contract matrix`: every client release against every environment behaviour.

Each cell is a contract run of release X (the client's contract) against the
stand-in behaving as release Y. The static diff X → Y says where a client of X
should break; the matrix checks the two agree: a predicted break the run never
showed is "not observed", a failure no predicted change explains is "unexplained
drift".
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from pathlib import Path

from skifte.api import build_api
from skifte.api.python_names import package_name
from skifte.diff import diff_documents
from skifte.registry import Registry

from .credentials import Credentials
from .report import RunReport
from .runner import PHASES, RunOptions, run_contract


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


@dataclass
class Matrix:
    api: str
    versions: list[str]
    cells: list[Cell] = field(default_factory=list)

    def cell(self, client: str, environment: str) -> Cell:
        return next(c for c in self.cells if (c.client, c.environment) == (client, environment))

    @property
    def agrees(self) -> bool:
        return not any(c.unexplained for c in self.cells)


def run_matrix(
    registry: Path,
    api: str,
    base: RunOptions,
    credentials: Credentials,
    say: Callable[[str], None] = print,
) -> Matrix:
    releases = Registry(registry).releases(api)
    matrix = Matrix(api, [r.version for r in releases])
    for client in releases:
        model = build_api(client.read())
        creates = {str(op.operation_id) for op in model.operations if op.response("201")}
        by_label = {op.key: str(op.operation_id) for op in model.operations}
        for environment in releases:
            say(f"{client.version} against {environment.version} ...")
            changes = diff_documents(
                client.read(), environment.read(), package=package_name(api, client.version)
            ).changes
            predicted = sorted(
                {c.operation for c in changes if c.level == "breaking" and c.operation}
            )
            expected = {c.operation for c in changes if c.level in LOOKED_FOR and c.operation}
            # A broad run finds drift nobody predicted; a focused one, with every phase and
            # the creates that make records to read, looks hard where a break is predicted.
            options = replace(base, release=client, behave_as=environment.ref)
            reports = [_run(options, credentials)]
            focus = {by_label[op] for op in predicted if op in by_label}
            if focus:
                focused = replace(
                    options,
                    operation_ids=tuple(sorted(focus | creates)),
                    phases=PHASES,
                    max_examples=max(base.max_examples, 5),
                )
                reports.append(_run(focused, credentials))
            failing = sorted({f.operation for r in reports for f in r.failures})
            matrix.cells.append(
                Cell(
                    client=client.version,
                    environment=environment.version,
                    passed=all(r.passed for r in reports),
                    failed_checks=sorted({c for r in reports for c in r.failed_checks}),
                    failing_operations=failing,
                    predicted=predicted,
                    explained=[op for op in failing if op in expected],
                    unexplained=[op for op in failing if op not in expected],
                    not_observed=[op for op in predicted if op not in failing],
                    run_id=", ".join(r.run_id for r in reports),
                )
            )
    return matrix


LOOKED_FOR = ("breaking", "warning")
"""Levels of change that explain a failing check (a warning can break exhaustive readers)."""


def _run(options: RunOptions, credentials: Credentials) -> RunReport:
    report = run_contract(options, credentials, say=lambda text: None).report
    assert report is not None, "only a dry run has no report"
    return report


def matrix_markdown(matrix: Matrix) -> str:
    header = "| client \\ environment | " + " | ".join(matrix.versions) + " |"
    lines = [
        f"# Compatibility matrix: {matrix.api}",
        "",
        header,
        "|---|" + "---|" * len(matrix.versions),
    ]
    for client in matrix.versions:
        row = [client]
        for environment in matrix.versions:
            cell = matrix.cell(client, environment)
            if cell.passed:
                row.append("pass")
            else:
                mark = " ⚠ unexplained" if cell.unexplained else ""
                row.append(", ".join(cell.failed_checks) + mark)
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "Predicted by `skifte diff` (breaking) and seen by the contract run:", ""]
    for cell in matrix.cells:
        if cell.client == cell.environment:
            continue
        which = f" ({', '.join(cell.unexplained)})" if cell.unexplained else ""
        lines.append(
            f"- {cell.client} → {cell.environment}: {len(cell.predicted)} operation(s) predicted "
            f"to break, {len(cell.explained)} failing as explained, {len(cell.not_observed)} "
            f"not observed, {len(cell.unexplained)} unexplained{which}"
        )
    return "\n".join(lines) + "\n"
