"""`skifte upgrade-check`: which places of an integrator's code break on a newer release."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from ._common import (
    EXIT_FAILED,
    FailOn,
    FailOnOption,
    GeneratedOption,
    RegistryOption,
    open_registry,
    reported_errors,
)
from .generate_command import default_output


class CheckFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    junit = "junit"
    githubactions = "githubactions"


def upgrade_check_command(
    code: Annotated[
        Path,
        typer.Option("--code", metavar="DIR", help="The integrator's code (a folder of Python)."),
    ],
    base: Annotated[
        str,
        typer.Option("--from", metavar="API@V", help="The release the code is written for."),
    ],
    revision: Annotated[
        str, typer.Option("--to", metavar="API@V", help="The release the code moves to.")
    ],
    output_format: Annotated[
        CheckFormat,
        typer.Option(
            "--format", help="How to print the places (githubactions: annotations on the lines)."
        ),
    ] = CheckFormat.text,
    fail_on: FailOnOption = FailOn.breaking,
    generated: GeneratedOption = None,
    cache: Annotated[
        Path | None,
        typer.Option(
            "--cache",
            metavar="DIR",
            help="mypy's cache and the package copy (default: in the system's temp folder).",
        ),
    ] = None,
    registry: RegistryOption = None,
) -> None:
    """List the places in --code that break on --to, each with the change that explains it.

    A place is as bad as the change that explains it (for --fail-on, a break is
    breaking). Each release's package is read from --generated, else where it is installed.
    """
    from skifte.contracts.jobs.upgrade import (
        FORMATS,
        TypeCheckError,
        UpgradeCheckError,
        upgrade_check,
    )

    with reported_errors(unusable=(UpgradeCheckError, TypeCheckError)):
        store = open_registry(registry)
        check = upgrade_check(code, base, revision, store, generated or default_output(), cache)
    sys.stdout.write(FORMATS[output_format.value](check))
    sys.stdout.flush()
    if check.fails(fail_on.value):
        raise typer.Exit(EXIT_FAILED)
