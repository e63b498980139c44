"""`skifte pipeline`: the main job, end to end, on the embedded default.

verify the registry → generate the packages → start the stand-in with mutual TLS and
contract-test the latest release of each API → the compatibility matrix of each API
→ the readiness report. Every step prints where its output went.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.rule import Rule

from ._common import (
    CHECKOUT,
    EXIT_FAILED,
    EXIT_UNUSABLE,
    QuietOption,
    RegistryOption,
    VerboseOption,
    config,
    default_certs,
    default_report_dir,
    err,
    fail,
    open_registry,
    out,
    progress,
    progress_seconds,
)
from .contract_commands import readiness_step
from .generate_command import default_output, generate_releases
from .registry_commands import verify_registry


def pipeline_command(
    registry: RegistryOption = None,
    out_dir: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR", help="Where packages go (default: generated/)."),
    ] = None,
    report_dir: Annotated[
        Path | None,
        typer.Option("--report-dir", metavar="DIR", help="Where reports go (default: reports/)."),
    ] = None,
    needs: Annotated[
        Path | None,
        typer.Option("--needs", metavar="FILE", help="API needs (default: the shipped example)."),
    ] = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """The whole job: verify, generate, contract-test the stand-in, matrix, readiness."""
    from skifte.contracts.credentials import CredentialsError, load_credentials
    from skifte.contracts.jobs import ensure_certificates, matrix_job
    from skifte.contracts.matrix import matrix_markdown
    from skifte.contracts.readiness import NOT_READY
    from skifte.contracts.report import RunReport
    from skifte.contracts.runner import RunOptions, run_contract

    say = progress(quiet)
    report_dir = report_dir or default_report_dir()
    store = open_registry(registry)
    err.print(Rule("1. verify the registry"))
    rows = verify_registry(store)
    err.print(f"[green]ok[/] {len(rows)} release(s) of {len({r['api'] for r in rows})} API(s)")

    err.print(Rule("2. generate models and clients"))
    generate_releases(store, out_dir or default_output())

    err.print(Rule("3. contract-test the stand-in (mutual TLS) with the latest releases"))
    certs = ensure_certificates(default_certs())
    try:
        credentials = load_credentials(certs, "testklient-01")
    except CredentialsError as exc:
        fail(str(exc), EXIT_UNUSABLE)
    reports: list[RunReport] = []
    for api in store.apis():
        release = store.releases(api)[-1]
        options = RunOptions(
            registry=store.root,
            release=release,
            report_dir=report_dir,
            certs=certs,
            progress_seconds=progress_seconds(verbose),
        )
        err.print(f"{release.ref} against the stand-in ...")
        report = run_contract(options, credentials, say=say, progress=say).report
        assert report is not None
        reports.append(report)
        verdict = "[green]passed[/]" if report.passed else "[bold red]failed[/]"
        sequences = sum(report.link_sequences.values())
        err.print(
            f"{verdict} {release.ref}: {report.cases_generated} cases, {report.requests['sent']} "
            f"requests, {sequences} link sequences → {escape(str(report_dir / report.run_id))}"
        )

    err.print(Rule("4. compatibility matrix: every client release × every environment behaviour"))
    agree = True
    for api in store.apis():
        base = RunOptions(
            registry=store.root,
            release=store.releases(api)[-1],
            report_dir=report_dir,
            certs=certs,
            max_examples=2,
            phases=("examples", "stateful"),
            progress_seconds=progress_seconds(verbose),
        )
        matrix = matrix_job(store.root, api, base, credentials, say=say)
        out.print(matrix_markdown(matrix), markup=False)
        agree = agree and matrix.agrees

    err.print(Rule("5. readiness for production access"))
    needs_file = needs or config().path("needs") or CHECKOUT / "contracts" / "needs.example.toml"
    result = readiness_step(needs_file, report_dir, store.root)
    err.print(Rule("reports"))
    err.print(f"all reports are in {escape(str(report_dir.resolve()))}/")
    # The pipeline runs against the stand-in: a rehearsal that passed is a pipeline that passed.
    if not (all(r.passed for r in reports) and agree and result["verdict"] != NOT_READY):
        raise typer.Exit(EXIT_FAILED)
