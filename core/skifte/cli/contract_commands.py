"""`skifte contract run|matrix` and `skifte readiness`: contract tests and their evidence."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape

from ._common import (
    CHECKOUT,
    EXIT_FAILED,
    EXIT_UNUSABLE,
    RegistryOption,
    default_registry,
    err,
    fail,
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
    Path, typer.Option("--report-dir", metavar="DIR", help="Where reports go.")
]


def _home() -> Path:
    base = CHECKOUT if (CHECKOUT / "pyproject.toml").is_file() else Path()
    return base / ".skifte" / "testenv" / "certs"


@app.command("run")
def run_command(
    api: Annotated[str, typer.Option("--api", metavar="NAME", help="API name, e.g. doedsbo.")],
    version: Annotated[
        str | None, typer.Option("--version", metavar="V", help="Release (default: latest).")
    ] = None,
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
    fault: Annotated[
        list[str] | None,
        typer.Option(
            "--fault", metavar="NAME[:operationId]", help="With --local: a violation to inject."
        ),
    ] = None,
    behave_as: Annotated[
        str | None,
        typer.Option(
            "--behave-as", metavar="API@VERSION", help="With --local: the environment's behaviour."
        ),
    ] = None,
    report_dir: ReportOption = Path("reports"),
    dry_run: Annotated[
        bool, typer.Option("--dry-run", help="Print what would be sent, send nothing.")
    ] = False,
    registry: RegistryOption = None,
) -> None:
    """Contract-test an environment against one release: all checks, stateful links, reports."""
    from skifte.contracts.credentials import CredentialsError, load_credentials
    from skifte.contracts.runner import RunOptions, open_release, run_contract

    if target and (local or fault or behave_as):
        fail(
            "--fault, --behave-as and --local go with the local stand-in, not --target",
            EXIT_UNUSABLE,
        )
    registry_path = registry or default_registry()
    certs_dir = certs or (_home() if target is None else None)
    with reported_errors():
        release = open_release(registry_path, api, version)
    if target is None and certs_dir is not None and not (certs_dir / "ca.pem").exists():
        from skifte.testenv.certs import init_certs

        init_certs(certs_dir)
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
        faults=tuple(fault or ()),
        behave_as=behave_as,
        dry_run=dry_run,
    )
    outcome = run_contract(options, credentials, say=lambda text: err.print(escape(text)))
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
