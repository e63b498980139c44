"""`skifte fetch` and `skifte release`: a published release, from its URL to its summary."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape

from skifte.registry import ReleaseConflict

from ._common import (
    EXIT_FAILED,
    ApiOption,
    CertsOption,
    FailOn,
    FailOnOption,
    PackagesOption,
    QuietOption,
    RegistryOption,
    ReportOption,
    VerboseOption,
    default_certs,
    default_report_dir,
    err,
    open_registry,
    progress,
    progress_seconds,
    registry_root,
    reported_errors,
)
from .contract_commands import ClientOption, MaxExamplesOption, SeedOption
from .contract_steps import credentials_for, job_errors
from .generate_command import default_output

TimeoutOption = Annotated[
    float,
    typer.Option(
        "--timeout",
        metavar="SECONDS",
        min=0.001,
        help="How long to wait for the server: to connect, and for each part of its answer.",
    ),
]


def fetch_command(
    url: Annotated[str, typer.Argument(metavar="URL", help="Where the spec is published.")],
    api: ApiOption,
    timeout: TimeoutOption = 30.0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Also print the outcome as JSON on standard output.")
    ] = False,
    registry: RegistryOption = None,
) -> None:
    """Download a published spec (asking only for what changed) and import it when it is new."""
    from skifte.registry.fetch import fetch_release

    store = open_registry(registry, creating=True)
    with reported_errors():  # other content under a filed version: refused, as by import
        fetched = fetch_release(store, url, api, timeout=timeout)
    release = fetched.release
    if fetched.new:
        err.print(
            f"[green]imported[/] {release.ref} from {escape(fetched.url)} → "
            f"{escape(str(release.folder))} (sha256 {release.record.sha256[:12]})",
            soft_wrap=True,
        )
    elif fetched.reason == "not modified":
        err.print(
            f"no new release: {escape(fetched.url)} is unchanged since {release.ref}",
            soft_wrap=True,
        )
    else:
        err.print(
            f"no new release: {escape(fetched.url)} holds {release.ref}, already in the "
            "registry with identical content",
            soft_wrap=True,
        )
    if fetched.warning:
        err.print(f"[yellow]warning:[/] {escape(fetched.warning)}", soft_wrap=True)
    if as_json:
        outcome = {
            "url": fetched.url,
            "new": fetched.new,
            "reason": fetched.reason,
            "release": release.ref,
            "api": release.api,
            "version": release.version,
        }
        sys.stdout.write(json.dumps(outcome, ensure_ascii=False) + "\n")


def release_command(
    source: Annotated[
        str,
        typer.Argument(
            metavar="FILE|URL", help="The new release's spec, or where it is published."
        ),
    ],
    api: ApiOption,
    fail_on: FailOnOption = FailOn.breaking,
    out_dir: PackagesOption = None,
    report_dir: ReportOption = None,
    certs: CertsOption = None,
    client: ClientOption = None,
    max_examples: MaxExamplesOption = 2,  # jobs.MATRIX_MAX_EXAMPLES
    seed: SeedOption = 1,
    timeout: TimeoutOption = 30.0,
    registry: RegistryOption = None,
    quiet: QuietOption = False,
    verbose: VerboseOption = False,
) -> None:
    """A new release end to end: import, diff, generate, contract cell, release summary.

    Each step does its work once: run again, it says "already done" and changes nothing.
    """
    from skifte.contracts.jobs.release import ReleaseOptions, ReleaseStepError, release_job
    from skifte.generator import OutputError

    root = registry_root(registry, creating=True)
    certs = certs or default_certs()
    options = ReleaseOptions(
        registry=root,
        source=source,
        api=api,
        packages=out_dir or default_output(),
        report_dir=report_dir or default_report_dir(),
        certs=certs,
        credentials=lambda: credentials_for(certs, client, local=True),
        timeout=timeout,
        max_examples=max_examples,
        seed=seed,
        progress_seconds=progress_seconds(verbose),
    )
    with job_errors(unusable=(OutputError,), failed=(ReleaseConflict, ReleaseStepError)):
        outcome = release_job(options, say=_step_line, progress=progress(quiet))
    if all(step.status != "done" for step in outcome.steps):
        err.print("nothing to do: every step was already done")
    err.print(f"release summary: {escape(str(outcome.folder / 'summary.md'))}", soft_wrap=True)
    failures = outcome.failures(fail_on.value)
    for failure in failures:
        err.print(f"[bold red]{outcome.release.ref}:[/] {escape(failure)}", soft_wrap=True)
    if failures:
        raise typer.Exit(EXIT_FAILED)


def _step_line(text: str) -> None:
    err.print(escape(text), soft_wrap=True)
