"""`skifte contract matrix`: every client release against every environment behaviour.

Each cell is a contract run of release X (the client's contract) against the
stand-in behaving as release Y. The static diff X → Y says where a client of X
should break; the matrix checks the two agree: a predicted break the run never
showed is "not observed", a failure no predicted change explains is "unexplained
drift". Besides the runs' own checks, a cell fails `found_in_own_release` where a
read that found a record against X's environment answers 404 against Y's
(lost_reads.py).
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path

from skifte.api import build_api
from skifte.api.paths import segments
from skifte.api.python_names import package_name
from skifte.diff import RULES, Change, diff_documents
from skifte.diff.rules.operations import (
    OPERATION_REMOVED,
    OPERATION_REMOVED_WITHOUT_DEPRECATION,
)
from skifte.registry import Registry

from .credentials import Credentials
from .files import write_texts
from .lost_reads import CHECK as LOST_READ
from .lost_reads import found_reads, lost_reads
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
    errors: list[str] = field(default_factory=list)
    """Why a run could not test (no token, nothing tested): such a cell proves nothing."""


@dataclass
class Matrix:
    api: str
    versions: list[str]
    cells: list[Cell] = field(default_factory=list)

    def cell(self, client: str, environment: str) -> Cell:
        return next(c for c in self.cells if (c.client, c.environment) == (client, environment))

    @property
    def agrees(self) -> bool:
        return not any(c.unexplained or c.errors for c in self.cells)


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
        creates = {op.key for op in model.operations if op.response("201")}
        by_label = {op.key: str(op.operation_id) for op in model.operations}
        changes = {
            environment.version: diff_documents(
                client.read(), environment.read(), package=package_name(api, client.version)
            ).changes
            for environment in releases
        }
        predicted = {
            version: sorted({c.operation for c in found if c.level == "breaking" and c.operation})
            for version, found in changes.items()
        }
        runs: dict[str, list[RunReport]] = {}
        for environment in releases:
            say(f"{client.version} against {environment.version} ...")
            # A broad run finds drift nobody predicted; a focused one, with every phase, the
            # creates that make records to read and the operations that find the records
            # the others work under, looks hard where a break is predicted. Against its own
            # release the client looks where any other release is predicted to break: what
            # it finds there, the others must find too (lost_reads.py).
            options = replace(base, release=client, behave_as=environment.ref)
            reports = [_run(options, credentials, say)]
            own = environment.version == client.version
            aims = (
                [op for ops in predicted.values() for op in ops]
                if own
                else predicted[environment.version]
            )
            focus = {op for op in aims if op in by_label}
            if focus:
                focus |= creates
                focus |= _finders(focus, by_label)
                focused = replace(
                    options,
                    operation_ids=tuple(sorted(by_label[op] for op in focus)),
                    phases=PHASES,
                    max_examples=max(base.max_examples, 5),
                )
                reports.append(_run(focused, credentials, say))
            runs[environment.version] = reports
        found = found_reads(_folders(base, runs[client.version]))
        for environment in releases:
            reports = runs[environment.version]
            at_operation: dict[str, list[Change]] = {}
            for change in changes[environment.version]:
                if change.operation:
                    at_operation.setdefault(change.operation, []).append(change)
            failures = {(f.operation, f.check) for r in reports for f in r.failures}
            if environment.version != client.version:
                lost = lost_reads(found, _folders(base, reports))
                failures |= {(op, LOST_READ) for op in lost}
            failing = sorted({op for op, _ in failures})
            unexplained = {
                op for op, check in failures if not explains(at_operation.get(op, []), check)
            }
            matrix.cells.append(
                Cell(
                    client=client.version,
                    environment=environment.version,
                    passed=not failures and all(r.passed for r in reports),
                    failed_checks=sorted({check for _, check in failures}),
                    failing_operations=failing,
                    predicted=predicted[environment.version],
                    explained=[op for op in failing if op not in unexplained],
                    unexplained=[op for op in failing if op in unexplained],
                    not_observed=[op for op in predicted[environment.version] if op not in failing],
                    run_id=", ".join(r.run_id for r in reports),
                    errors=[e for r in reports for e in _errors(r)],
                )
            )
    return matrix


def _folders(base: RunOptions, reports: list[RunReport]) -> list[Path]:
    return [base.report_dir / report.run_id for report in reports]


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


def _path_segments(label: str) -> tuple[str, ...]:
    """`GET /a/{b}/c` → ("a", "{b}", "c")."""
    return tuple(segments(label.split(" ", 1)[1]))


def _finders(labels: set[str], operations: Iterable[str]) -> set[str]:
    """Operations on a path above one of `labels`' paths: they find (or show) the records
    the deeper operations need, e.g. the estate search before a claim under an estate."""
    paths = {_path_segments(label) for label in labels}
    found = set()
    for label in operations:
        path = _path_segments(label)
        if any(len(path) < len(deeper) and deeper[: len(path)] == path for deeper in paths):
            found.add(label)
    return found


def _errors(report: RunReport) -> list[str]:
    """Why a run tested nothing; an error on a few operations leaves the others' evidence."""
    if report.operations.get("tested", 0) > 0:
        return []
    return [f"{report.run_id}: no operation was tested", *report.errors]


def _run(options: RunOptions, credentials: Credentials, say: Callable[[str], None]) -> RunReport:
    # Of the run's own lines only its progress: the matrix names each cell itself.
    report = run_contract(options, credentials, say=lambda text: None, progress=say).report
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
            if cell.errors:
                row.append("⚠ error: the run could not test")
            elif cell.passed:
                row.append("pass")
            else:
                mark = " ⚠ unexplained" if cell.unexplained else ""
                row.append(", ".join(cell.failed_checks) + mark)
        lines.append("| " + " | ".join(row) + " |")
    lines += ["", "Predicted by `skifte diff` (breaking) and seen by the contract run:", ""]
    for cell in matrix.cells:
        if cell.errors:
            lines.append(f"- {cell.client} → {cell.environment}: ⚠ {'; '.join(cell.errors)}")
            continue
        if cell.client == cell.environment:
            continue
        which = f" ({', '.join(cell.unexplained)})" if cell.unexplained else ""
        observed = len(cell.predicted) - len(cell.not_observed)
        lines.append(
            f"- {cell.client} → {cell.environment}: {len(cell.predicted)} operation(s) "
            f"predicted to break, {observed} of them failing, {len(cell.not_observed)} not "
            f"observed; {len(cell.failing_operations)} failing in all, "
            f"{len(cell.unexplained)} unexplained{which}"
        )
    return "\n".join(lines) + "\n"


def write_matrix(matrix: Matrix, report_dir: Path) -> dict[str, Path]:
    """matrix-<api>.md, .json and .html, from the same matrix."""
    from .pages import matrix_page

    data = asdict(matrix) | {"agrees": matrix.agrees}
    return write_texts(
        report_dir,
        {
            f"matrix-{matrix.api}.md": matrix_markdown(matrix),
            f"matrix-{matrix.api}.json": json.dumps(data, indent=2, ensure_ascii=False) + "\n",
            f"matrix-{matrix.api}.html": matrix_page(matrix),
        },
    )
