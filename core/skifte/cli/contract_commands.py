"""`skifte contract run|matrix` and `skifte readiness`: contract tests and their evidence.

Each command parses its options, calls one job of the application layer
(`skifte.contracts.jobs`) through its step (contract_steps.py, which `pipeline`
calls too) and maps the result to an exit status.
"""

from __future__ import annotations

import json
from enum import StrEnum
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from ._common import (
    EXIT_FAILED,
    EXIT_UNUSABLE,
    ApiOption,
    CertsOption,
    FaultOption,
    NeedsOption,
    OldReleaseOption,
    QuietOption,
    RegistryOption,
    ReleaseOption,
    ReportOption,
    VerboseOption,
    checked_faults,
    config,
    default_certs,
    default_report_dir,
    fail,
    progress,
    progress_seconds,
    registry_root,
    release_filter,
    stand_in_behaviours,
)
from .contract_steps import (
    cell_step,
    contract_step,
    credentials_for,
    job_errors,
    matrix_step,
    open_api,
    print_matrix,
    readiness_step,
    run_options,
)

if TYPE_CHECKING:
    from skifte.contracts.jobs import CellRef

app = typer.Typer(
    help="Contract tests of a test environment with schemathesis.", no_args_is_help=True
)

ClientOption = Annotated[
    str | None, typer.Option("--client", help="Client id whose .env file to use.")
]
MaxExamplesOption = Annotated[
    int, typer.Option("--max-examples", min=1, help="Test cases per operation.")
]
SeedOption = Annotated[
    int,
    typer.Option(
        "--seed",
        help="Seed of schemathesis's data generation: the same seed draws the same cases as "
        "long as the environment answers alike. Two runs are alike, not identical: new record "
        "ids, and what follows from them, differ (README: Contract tests).",
    ),
]


@app.command("run")
def run_command(
    api: ApiOption,
    release_version: ReleaseOption = None,
    version: OldReleaseOption = None,
    target: Annotated[
        str | None, typer.Option("--target", metavar="URL", help="Test this environment.")
    ] = None,
    local: Annotated[
        bool, typer.Option("--local", help="Test the local stand-in (the default).")
    ] = False,
    certs: CertsOption = None,
    client: ClientOption = None,
    max_examples: MaxExamplesOption = 10,
    seed: SeedOption = 1,
    rate_limit: Annotated[
        str | None,
        typer.Option("--rate-limit", metavar="N/s", help="Default 10/s remote, none locally."),
    ] = None,
    workers: Annotated[
        int, typer.Option("--workers", min=1, max=4, help="Concurrent workers.")
    ] = 1,
    max_requests: Annotated[
        int | None, typer.Option("--max-requests", min=1, help="Request budget.")
    ] = None,
    fault: FaultOption = None,
    behave_as: Annotated[
        str | None,
        typer.Option(
            "--behave-as", metavar="API@VERSION", help="With --local: the environment's behaviour."
        ),
    ] = None,
    report_dir: ReportOption = None,
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be sent, send nothing.")
    ] = False,
    registry: RegistryOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Contract-test an environment against one release: all checks, stateful links, reports."""
    settings = config()
    report_dir = report_dir or default_report_dir()
    if target is None and not (local or fault or behave_as):
        target = settings.text("target")  # the project's environment, unless told --local
    if target and (local or fault or behave_as):
        fail(
            "--fault, --behave-as and --local go with the local stand-in, not --target",
            EXIT_UNUSABLE,
        )
    registry_path = registry_root(registry)
    certs_dir = certs or (default_certs() if target is None else settings.path("certs"))
    release = open_api(registry_path, api, release_filter(release_version, version))
    behaviour = [behave_as] if behave_as else []
    faults = checked_faults(  # a run calls the tested API alone: only its operations count
        fault, lambda: stand_in_behaviours(registry_path, [release.ref], behaviour, release.api)
    )
    credentials = credentials_for(certs_dir, client, local=target is None)
    options = run_options(
        registry_path,
        release,
        report_dir,
        certs_dir,
        target_url=target,
        max_examples=max_examples,
        seed=seed,
        rate_limit=rate_limit or settings.text("rate-limit"),
        workers=workers,
        max_requests=max_requests,
        faults=faults,
        behave_as=behave_as,
        dry_run=dry_run,
        verbose=verbose,
    )
    report = contract_step(options, credentials, progress(quiet and not dry_run))
    if report is not None and not report.passed:  # a dry run's lines are its whole answer
        raise typer.Exit(EXIT_FAILED)


class PlanFormat(StrEnum):
    text = "text"
    json = "json"


@app.command("matrix")
def matrix_command(
    api: ApiOption,
    plan: Annotated[
        bool,
        typer.Option("--plan", help="Print the cells (CLIENT:ENV), run nothing."),
    ] = False,
    plan_format: Annotated[
        PlanFormat,
        typer.Option(
            "--format",
            help='With --plan: json prints a CI matrix strategy, {"include": [{"cell": ...}]}.',
        ),
    ] = PlanFormat.text,
    cell: Annotated[
        str | None,
        typer.Option(
            "--cell",
            metavar="CLIENT:ENV",
            help="Run this cell only; its evidence goes to the report folder's matrix/.",
        ),
    ] = None,
    merge: Annotated[
        bool,
        typer.Option("--merge", help="Merge the cells' evidence in DIR... into the matrix."),
    ] = False,
    places: Annotated[
        list[Path] | None,
        typer.Argument(metavar="[DIR...]", help="With --merge: folders (or files) of evidence."),
    ] = None,
    certs: CertsOption = None,
    client: ClientOption = None,
    max_examples: MaxExamplesOption = 2,  # jobs.MATRIX_MAX_EXAMPLES
    seed: SeedOption = 1,
    report_dir: ReportOption = None,
    registry: RegistryOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Every client release against every environment behaviour, checked against the static diff.

    Serially by default; or spread over CI jobs: --plan lists the cells, --cell runs
    one, --merge makes the matrix of their evidence, the same as a serial run's.
    """
    from skifte.contracts.jobs import matrix_cell, matrix_options, merge_matrix, plan_matrix

    given = {"--plan": plan, "--cell": cell is not None, "--merge": merge}
    modes = [name for name, on in given.items() if on]
    if len(modes) > 1:
        fail(f"{' and '.join(modes)} do not go together: choose one", EXIT_UNUSABLE)
    if plan_format is not PlanFormat.text and not plan:
        fail("--format goes with --plan", EXIT_UNUSABLE)
    if places and not merge:
        fail(f"what is {places[0]}? folders of cell evidence go with --merge", EXIT_UNUSABLE)
    if merge and not places:
        fail("--merge takes the folders of the cells' evidence: --merge DIR...", EXIT_UNUSABLE)
    registry_path = registry_root(registry)
    report_dir = report_dir or default_report_dir()
    release = open_api(registry_path, api)
    if plan:
        cells = plan_matrix(registry_path, api)
        _print_plan(api, cells, plan_format)
        return
    if merge:
        with job_errors():
            matrix = merge_matrix(registry_path, api, places or [], report_dir)
        print_matrix(matrix, report_dir)
        if not matrix.agrees:
            raise typer.Exit(EXIT_FAILED)
        return
    chosen = None
    if cell is not None:
        with job_errors():
            chosen = matrix_cell(registry_path, api, cell)
    certs = certs or default_certs()
    credentials = credentials_for(certs, client, local=True)
    base = matrix_options(
        registry_path,
        release,
        report_dir,
        certs,
        max_examples=max_examples,
        seed=seed,
        progress_seconds=progress_seconds(verbose),
    )
    if chosen is not None:
        cell_step(registry_path, api, chosen, base, credentials, progress(quiet))
        return
    if not matrix_step(registry_path, api, base, credentials, progress(quiet)).agrees:
        raise typer.Exit(EXIT_FAILED)


def _print_plan(api: str, cells: list[CellRef], plan_format: PlanFormat) -> None:
    from skifte.contracts.jobs import ci_plan

    if plan_format is PlanFormat.json:
        # One line: `echo "cells=$(skifte contract matrix --plan --format json ...)" >>
        # $GITHUB_OUTPUT` takes it as it is.
        print(json.dumps(ci_plan(api, cells), separators=(",", ":")))
    else:
        print("\n".join(c.name for c in cells))


def readiness_command(
    needs: NeedsOption = None,
    report_dir: ReportOption = None,
    registry: RegistryOption = None,
    test_environment: Annotated[
        list[str] | None,
        typer.Option(
            "--test-environment",
            metavar="URL",
            help="A URL that is the real test environment (repeatable); runs against it are "
            "evidence. The release's own servers always count.",
        ),
    ] = None,
) -> None:
    """The readiness report for production access, from the latest contract run of each API.

    Exit 0 only when ready: every need passed in the test environment. Runs against the
    local stand-in are rehearsals and never make a verdict of ready.
    """
    from skifte.contracts.jobs import READY

    needs = needs or config().path("needs")
    if needs is None:
        fail("which needs? give --needs FILE, or needs = FILE in [tool.skifte]", EXIT_UNUSABLE)
    report_dir = report_dir or default_report_dir()
    verdict = readiness_step(needs, report_dir, registry_root(registry), test_environment or ())
    if verdict != READY:
        raise typer.Exit(EXIT_FAILED)
