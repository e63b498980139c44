"""What a contract command and `pipeline` share: each step calls one job of the
application layer (`skifte.contracts.jobs`), prints what it did, and turns the job's
errors into an exit status. So the pipeline writes the reports the commands write."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING, Any

from rich.markup import escape

from ._common import (
    ErrorTypes,
    config,
    err,
    out,
    progress_seconds,
    reported_errors,
)

if TYPE_CHECKING:
    from skifte.contracts.jobs import CellRef, Matrix, RunOptions, RunReport
    from skifte.registry import Release


@contextmanager
def job_errors(unusable: ErrorTypes = (), failed: ErrorTypes = ()) -> Iterator[None]:
    """A job's errors as a message and an exit status: 2 for unusable input, 1 for a run
    that could not finish."""
    from skifte.contracts.jobs import RunIncomplete, UnusableInput

    with reported_errors((*unusable, UnusableInput), (*failed, RunIncomplete)):
        yield


def run_options(
    registry: Path, release: Release, report_dir: Path, certs: Path | None, **settings: Any
) -> RunOptions:
    """A contract run's options as the command line gives them (a matrix's come from
    `matrix_options`): `settings` are RunOptions' fields, `verbose` the progress pace."""
    from skifte.contracts.jobs import RunOptions

    seconds = progress_seconds(bool(settings.pop("verbose", False)))
    return RunOptions(
        registry=registry,
        release=release,
        report_dir=report_dir,
        certs=certs,
        progress_seconds=seconds,
        **settings,
    )


def open_api(registry: Path, api: str, version: str | None = None) -> Release:
    from skifte.contracts.jobs import open_release

    with reported_errors():
        return open_release(registry, api, version)


def credentials_for(certs: Path | None, client: str | None, *, local: bool) -> Any:
    """The client's credentials: --client, else [tool.skifte] client, else the first found."""
    from skifte.contracts.jobs import contract_credentials

    with job_errors():
        return contract_credentials(certs, client or config().text("client"), local=local)


def contract_step(
    options: RunOptions, credentials: Any, say: Callable[[str], None]
) -> RunReport | None:
    """The contract-run job, and its verdict printed (none for a dry run)."""
    from skifte.contracts.jobs import run_contract

    with job_errors():
        report = run_contract(options, credentials, say=say).report
    if report is None:
        return None
    verdict = "[green]passed[/]" if report.passed else "[bold red]failed[/]"
    err.print(
        f"{verdict} {report.release}: {report.operations['tested']} operations, "
        f"{report.cases_generated} cases, {report.requests['sent']} requests"
    )
    for failure in report.failures:
        what = f"{escape(failure.operation)}: {escape(failure.title)}"
        err.print(f"  [red]{escape(failure.check)}[/] {what}")
    for error in report.errors:  # what kept the run from testing, e.g. no token
        err.print(f"  [bold red]could not test:[/] {escape(error)}", soft_wrap=True)
    sequences = sum(report.link_sequences.values())
    err.print(
        f"  link sequences: {sequences} across {len(report.link_sequences)} create operations"
    )
    folder = escape(str(options.report_dir / report.run_id))
    err.print(f"  reports: {folder}/ (report.json, summary.md, report.html, junit.xml)")
    return report


def cell_step(
    registry: Path,
    api: str,
    cell: CellRef,
    base: RunOptions,
    credentials: Any,
    say: Callable[[str], None],
) -> None:
    """One cell's job; its verdict comes when the cells are merged."""
    from skifte.contracts.jobs import MATRIX_RUNS, run_cell

    with job_errors():
        evidence = run_cell(registry, api, cell, base, credentials, say)
    where = escape(str(base.report_dir / MATRIX_RUNS / evidence.file_name))
    failing = len({operation for operation, _ in evidence.failures})
    errors = f", [bold red]{len(evidence.errors)} error(s)[/]" if evidence.errors else ""
    err.print(f"cell {cell.name}: {failing} operation(s) failing{errors}; evidence: {where}")
    err.print(f"merge the cells with `skifte contract matrix --api {escape(api)} --merge DIR...`")


def matrix_step(
    registry: Path, api: str, base: RunOptions, credentials: Any, say: Callable[[str], None]
) -> Matrix:
    """The serial matrix job, printed."""
    from skifte.contracts.jobs import run_matrix

    with job_errors():
        matrix = run_matrix(registry, api, base, credentials, say)
    print_matrix(matrix, base.report_dir)
    return matrix


def print_matrix(matrix: Matrix, report_dir: Path) -> None:
    from skifte.contracts.jobs import matrix_markdown

    out.print(matrix_markdown(matrix), markup=False)
    where = escape(str(report_dir / f"matrix-{matrix.api}.html"))
    err.print(f"report: {where} (.md, .json)")
    if any(cell.errors for cell in matrix.cells):
        err.print("[bold red]runs that could not test[/]: their cells prove nothing")
    if any(cell.unexplained for cell in matrix.cells):
        err.print("[bold red]unexplained drift[/]: failures no predicted change explains")


def readiness_step(
    needs: Path, report_dir: Path, registry: Path, test_environments: Iterable[str] = ()
) -> str:
    """The readiness job over every run in `report_dir`, its verdict printed and returned."""
    from skifte.contracts.jobs import verdict_tone, write_readiness

    declared = [*config().strings("test-environments"), *test_environments]
    with job_errors():
        outcome = write_readiness(needs, report_dir, registry, test_environments=declared)
    colour = {"pass": "green", "fail": "bold red"}.get(verdict_tone(outcome.verdict), "yellow")
    err.print(f"[{colour}]{outcome.verdict}[/]: {escape(outcome.result['verdict_text'])}")
    for unusable in outcome.result["unusable_reports"]:
        err.print(f"  [yellow]not counted:[/] {escape(unusable)}", soft_wrap=True)
    err.print(f"report: {escape(str(report_dir / 'readiness.md'))} (.html, .json)")
    return outcome.verdict
