"""`skifte pipeline`: the main job, end to end, on the embedded default.

verify the registry → generate the packages → start the stand-in with mutual TLS and
contract-test the latest release of each API → the compatibility matrix of each API
→ the readiness report. Every step prints where its output went.
"""

from __future__ import annotations

import typer
from rich.markup import escape
from rich.rule import Rule

from ._common import (
    CHECKOUT,
    EXIT_FAILED,
    NeedsOption,
    PackagesOption,
    QuietOption,
    RegistryOption,
    ReportOption,
    VerboseOption,
    config,
    default_certs,
    default_report_dir,
    err,
    open_registry,
    progress,
    progress_seconds,
)
from .contract_steps import (
    contract_step,
    credentials_for,
    matrix_step,
    readiness_step,
    run_options,
)
from .generate_command import default_output, generate_releases
from .registry_commands import verify_registry


def pipeline_command(
    registry: RegistryOption = None,
    out_dir: PackagesOption = None,
    report_dir: ReportOption = None,
    needs: NeedsOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """The whole job: verify, generate, contract-test the stand-in, matrix, readiness.

    Readiness is judged for --needs, else [tool.skifte] needs, else the shipped example.
    """
    from skifte.contracts.jobs import FAILING, matrix_options

    say = progress(quiet)
    report_dir = report_dir or default_report_dir()
    store = open_registry(registry)
    err.print(Rule("1. verify the registry"))
    rows = verify_registry(store)
    err.print(f"[green]ok[/] {len(rows)} release(s) of {len({r['api'] for r in rows})} API(s)")

    err.print(Rule("2. generate models and clients"))
    generate_releases(store, out_dir or default_output())

    err.print(Rule("3. contract-test the stand-in (mutual TLS) with the latest releases"))
    certs = default_certs()
    credentials = credentials_for(certs, None, local=True)
    passed = True
    for api in store.apis():
        release = store.releases(api)[-1]
        err.print(f"{release.ref} against the stand-in ...")
        options = run_options(store.root, release, report_dir, certs, verbose=verbose)
        report = contract_step(options, credentials, say)
        passed = passed and report is not None and report.passed

    err.print(Rule("4. compatibility matrix: every client release × every environment behaviour"))
    for api in store.apis():
        latest = store.releases(api)[-1]
        base = matrix_options(
            store.root, latest, report_dir, certs, progress_seconds=progress_seconds(verbose)
        )
        passed = matrix_step(store.root, api, base, credentials, say).agrees and passed

    err.print(Rule("5. readiness for production access"))
    needs_file = needs or config().path("needs") or CHECKOUT / "contracts" / "needs.example.toml"
    verdict = readiness_step(needs_file, report_dir, store.root)
    err.print(Rule("reports"))
    err.print(f"all reports are in {escape(str(report_dir.resolve()))}/")
    # The pipeline runs against the stand-in: a rehearsal that passed is a pipeline that passed.
    if not passed or verdict in FAILING:
        raise typer.Exit(EXIT_FAILED)
