"""`skifte contract run|matrix` and `skifte readiness`: contract tests and their evidence."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import Annotated, Any

import typer
from rich.markup import escape

from ._common import (
    EXIT_FAILED,
    EXIT_UNUSABLE,
    RegistryOption,
    default_certs,
    default_registry,
    err,
    fail,
    out,
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
    certs_dir = certs or (default_certs() if target is None else None)
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
    try:
        outcome = run_contract(options, credentials, say=lambda text: err.print(escape(text)))
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
    report_dir: ReportOption = Path("reports"),
    registry: RegistryOption = None,
) -> None:
    """Every client release against every environment behaviour, checked against the static diff."""
    from skifte.contracts.matrix import matrix_markdown, run_matrix, write_matrix

    registry_path = registry or default_registry()
    credentials, release = _prepare(registry_path, api, certs, client)
    base = _options(
        registry_path, release, report_dir, certs or default_certs(), max_examples, seed
    )
    base = dataclasses.replace(base, phases=("examples", "stateful"))
    matrix = run_matrix(registry_path, api, base, credentials, say=lambda t: err.print(escape(t)))
    write_matrix(matrix, report_dir)
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
        Path,
        typer.Option("--needs", metavar="FILE", help="TOML: need → api and operations."),
    ],
    report_dir: ReportOption = Path("reports"),
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
    import json

    from skifte.contracts.readiness import (
        READY,
        NeedsError,
        needs_are_example,
        read_needs,
        readiness,
        write_readiness,
    )

    try:
        declared = read_needs(needs)
    except NeedsError as exc:
        fail(str(exc), EXIT_UNUSABLE)
    runs = sorted(report_dir.glob("run-*/report.json"))
    reports = [json.loads(p.read_text(encoding="utf-8")) for p in reversed(runs)]
    missing = sorted({n.api for n in declared} - {r["release"].split("@")[0] for r in reports})
    if missing:
        fail(
            f"no contract run for {', '.join(missing)} in {report_dir}: run "
            f"`skifte contract run --api {missing[0]}` first",
            EXIT_UNUSABLE,
        )
    result = readiness(
        declared,
        reports,
        registry or default_registry(),
        test_environments=test_environment or (),
        example=needs_are_example(needs),
    )
    write_readiness(result, report_dir)
    colour = "green" if result["verdict"] == READY else "bold red"
    err.print(f"[{colour}]{result['verdict']}[/]: {escape(result['verdict_text'])}")
    err.print(f"report: {escape(str(report_dir / 'readiness.md'))} (.html, .json)")
    if result["verdict"] != READY:
        raise typer.Exit(EXIT_FAILED)


def _prepare(registry: Path, api: str, certs: Path | None, client: str | None) -> tuple[Any, Any]:
    from skifte.contracts.credentials import CredentialsError, load_credentials
    from skifte.contracts.runner import open_release
    from skifte.testenv.certs import init_certs

    with reported_errors():
        release = open_release(registry, api, None)
    folder = certs or default_certs()
    if not (folder / "ca.pem").exists():
        init_certs(folder)
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
