"""`skifte contract run|matrix` and `skifte readiness`: contract tests and their evidence."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from ._common import (
    EXIT_FAILED,
    EXIT_UNUSABLE,
    FaultOption,
    OldReleaseOption,
    QuietOption,
    RegistryOption,
    ReleaseOption,
    VerboseOption,
    checked_faults,
    config,
    default_certs,
    default_report_dir,
    err,
    fail,
    out,
    progress,
    progress_seconds,
    registry_root,
    release_filter,
    reported_errors,
)

app = typer.Typer(
    help="Contract tests of a test environment with schemathesis.", no_args_is_help=True
)

CertsOption = Annotated[
    Path | None,
    typer.Option(
        "--certs",
        metavar="DIR",
        help="Certificates and credentials, as `testenv init` writes them.",
    ),
]
ReportOption = Annotated[
    Path | None,
    typer.Option("--report-dir", metavar="DIR", help="Where reports go (default: reports/)."),
]


@app.command("run")
def run_command(
    api: Annotated[str, typer.Option("--api", metavar="NAME", help="API name, e.g. doedsbo.")],
    release_version: ReleaseOption = None,
    version: OldReleaseOption = None,
    target: Annotated[
        str | None, typer.Option("--target", metavar="URL", help="Test this environment.")
    ] = None,
    local: Annotated[
        bool, typer.Option("--local", help="Test the local stand-in (the default).")
    ] = False,
    certs: CertsOption = None,
    client: Annotated[
        str | None, typer.Option("--client", help="Client id whose .env file to use.")
    ] = None,
    max_examples: Annotated[
        int, typer.Option("--max-examples", min=1, help="Test cases per operation.")
    ] = 10,
    seed: Annotated[int, typer.Option("--seed", help="Seed: the same seed, the same run.")] = 1,
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
    from skifte.contracts.credentials import CredentialsError, load_credentials
    from skifte.contracts.jobs import ensure_certificates
    from skifte.contracts.runner import RunOptions, open_release, run_contract

    settings = config()
    report_dir = report_dir or default_report_dir()
    if target is None and not (local or fault or behave_as):
        target = settings.text("target")  # the project's environment, unless told --local
    client = client or settings.text("client")
    rate_limit = rate_limit or settings.text("rate-limit")
    if target and (local or fault or behave_as):
        fail(
            "--fault, --behave-as and --local go with the local stand-in, not --target",
            EXIT_UNUSABLE,
        )
    faults = checked_faults(fault)
    registry_path = registry_root(registry)
    certs_dir = certs or (default_certs() if target is None else settings.path("certs"))
    with reported_errors():
        release = open_release(registry_path, api, release_filter(release_version, version))
    if target is None and certs_dir is not None:
        ensure_certificates(certs_dir)
    try:
        credentials = load_credentials(certs_dir, client)
    except CredentialsError as exc:
        fail(str(exc), EXIT_UNUSABLE)
    options = RunOptions(
        registry=registry_path,
        release=release,
        report_dir=report_dir,
        certs=certs_dir,
        target_url=target,
        max_examples=max_examples,
        seed=seed,
        rate_limit=rate_limit,
        workers=workers,
        max_requests=max_requests,
        faults=faults,
        behave_as=behave_as,
        dry_run=dry_run,
        progress_seconds=progress_seconds(verbose),
    )
    say = progress(quiet and not dry_run)  # a dry run's lines are its whole answer
    from skifte.contracts.target import TargetError

    try:
        outcome = run_contract(options, credentials, say=say)
    except TargetError as exc:  # nothing was sent or written
        fail(f"cannot test {target}: {exc}", EXIT_UNUSABLE)
    except (OSError, RuntimeError) as exc:  # no schemathesis, a stand-in that would not start, ...
        fail(f"the contract run could not complete: {exc}", EXIT_FAILED)
    if outcome.report is None:
        return
    _print_summary(outcome.report, report_dir)
    if not outcome.report.passed:
        raise typer.Exit(EXIT_FAILED)


def _print_summary(report: object, report_dir: Path) -> None:
    from skifte.contracts.report import RunReport

    assert isinstance(report, RunReport)
    verdict = "[green]passed[/]" if report.passed else "[bold red]failed[/]"
    err.print(
        f"{verdict} {report.release}: {report.operations['tested']} operations, "
        f"{report.cases_generated} cases, {report.requests['sent']} requests"
    )
    for failure in report.failures:
        what = f"{escape(failure.operation)}: {escape(failure.title)}"
        err.print(f"  [red]{escape(failure.check)}[/] {what}")
    sequences = sum(report.link_sequences.values())
    err.print(
        f"  link sequences: {sequences} across {len(report.link_sequences)} create operations"
    )
    folder = escape(str(report_dir / report.run_id))
    err.print(f"  reports: {folder}/ (report.json, summary.md, report.html, junit.xml)")


@app.command("matrix")
def matrix_command(
    api: Annotated[str, typer.Option("--api", metavar="NAME", help="API name, e.g. doedsbo.")],
    certs: CertsOption = None,
    client: Annotated[
        str | None, typer.Option("--client", help="Client id whose .env to use.")
    ] = None,
    max_examples: Annotated[int, typer.Option("--max-examples", min=1)] = 2,
    seed: Annotated[int, typer.Option("--seed")] = 1,
    report_dir: ReportOption = None,
    registry: RegistryOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """Every client release against every environment behaviour, checked against the static diff."""
    from skifte.contracts.jobs import matrix_job
    from skifte.contracts.matrix import matrix_markdown

    registry_path = registry_root(registry)
    report_dir = report_dir or default_report_dir()
    credentials, release = _prepare(registry_path, api, certs, client or config().text("client"))
    base = _options(
        registry_path, release, report_dir, certs or default_certs(), max_examples, seed
    )
    base = dataclasses.replace(
        base, phases=("examples", "stateful"), progress_seconds=progress_seconds(verbose)
    )
    matrix = matrix_job(registry_path, api, base, credentials, say=progress(quiet))
    out.print(matrix_markdown(matrix), markup=False)
    err.print(f"report: {escape(str(report_dir / f'matrix-{api}.html'))} (.md, .json)")
    if any(cell.errors for cell in matrix.cells):
        err.print("[bold red]runs that could not test[/]: their cells prove nothing")
    if any(cell.unexplained for cell in matrix.cells):
        err.print("[bold red]unexplained drift[/]: failures no predicted change explains")
    if not matrix.agrees:
        raise typer.Exit(EXIT_FAILED)


def readiness_command(
    needs: Annotated[
        Path | None,
        typer.Option(
            "--needs",
            metavar="FILE",
            help="TOML: need → api and operations (default: [tool.skifte] needs).",
        ),
    ] = None,
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
    from skifte.contracts.readiness import READY

    settings = config()
    needs = needs or settings.path("needs")
    if needs is None:
        fail("which needs? give --needs FILE, or needs = FILE in [tool.skifte]", EXIT_UNUSABLE)
    report_dir = report_dir or default_report_dir()
    result = readiness_step(needs, report_dir, registry_root(registry), test_environment or ())
    if result["verdict"] != READY:
        raise typer.Exit(EXIT_FAILED)


def readiness_step(
    needs: Path, report_dir: Path, registry: Path, test_environments: Iterable[str] = ()
) -> dict[str, Any]:
    """The readiness job over every run in `report_dir`, its verdict printed; the pipeline's
    last step too, so both write the same files from the same runs."""
    from skifte.contracts.jobs import NoRunsError, load_run_reports, readiness_job
    from skifte.contracts.readiness import NOT_READY, READY, NeedsError

    declared = [*config().strings("test-environments"), *test_environments]
    try:
        result = readiness_job(
            needs, load_run_reports(report_dir), registry, report_dir, test_environments=declared
        ).result
    except (NeedsError, NoRunsError) as exc:
        fail(str(exc), EXIT_UNUSABLE)
    colour = {READY: "green", NOT_READY: "bold red"}.get(result["verdict"], "yellow")
    err.print(f"[{colour}]{result['verdict']}[/]: {escape(result['verdict_text'])}")
    err.print(f"report: {escape(str(report_dir / 'readiness.md'))} (.html, .json)")
    return result


def _prepare(registry: Path, api: str, certs: Path | None, client: str | None) -> tuple[Any, Any]:
    from skifte.contracts.credentials import CredentialsError, load_credentials
    from skifte.contracts.jobs import ensure_certificates
    from skifte.contracts.runner import open_release

    with reported_errors():
        release = open_release(registry, api, None)
    folder = ensure_certificates(certs or default_certs())
    try:
        return load_credentials(folder, client), release
    except CredentialsError as exc:
        fail(str(exc), EXIT_UNUSABLE)


def _options(
    registry: Path, release: Any, report_dir: Path, certs: Path, max_examples: int, seed: int
) -> Any:
    from skifte.contracts.runner import RunOptions

    return RunOptions(
        registry=registry,
        release=release,
        report_dir=report_dir,
        certs=certs,
        max_examples=max_examples,
        seed=seed,
    )
