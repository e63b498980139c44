"""`skifte diff` and `skifte changelog`: what changed between releases, and how badly."""

from __future__ import annotations

import sys
from enum import StrEnum
from pathlib import Path
from typing import Annotated

import typer

from skifte.gc_pause import paused_gc

from ._common import (
    EXIT_FAILED,
    ApiOption,
    FailOn,
    FailOnOption,
    RegistryOption,
    err,
    open_registry,
    reported_errors,
)


class OutputFormat(StrEnum):
    text = "text"
    markdown = "markdown"
    json = "json"
    junit = "junit"
    githubactions = "githubactions"


def diff_command(
    base: Annotated[
        str, typer.Argument(metavar="BASE", help="Spec file, or a release: api@version.")
    ],
    revision: Annotated[
        str, typer.Argument(metavar="REVISION", help="Spec file, or a release: api@version.")
    ],
    output_format: Annotated[
        OutputFormat, typer.Option("--format", help="How to print the changes.")
    ] = OutputFormat.text,
    fail_on: FailOnOption = FailOn.breaking,
    ignore: Annotated[
        Path | None,
        typer.Option(
            "--ignore",
            metavar="FILE",
            help="Accepted changes, one `ID METHOD /path` per line (skifte's or oasdiff's ids).",
        ),
    ] = None,
    registry: RegistryOption = None,
) -> None:
    """Classify every change from BASE to REVISION: breaking, warning or info."""
    # Loaded by the commands that diff only.
    from skifte.diff import FORMATS, IgnoreFileError, diff_sides, load_side, read_ignore_file

    with reported_errors(unusable=(IgnoreFileError,)):
        accepted = read_ignore_file(ignore) if ignore is not None else None
    # Two large documents live until the command ends: the collector would only walk them.
    with reported_errors(), paused_gc(collect=False):
        store = open_registry(registry)
        old, new = load_side(base, store), load_side(revision, store)
        result = diff_sides(old, new)
    if accepted is not None:
        before = len(result.changes)
        result, unused = accepted.apply(result)
        err.print(
            f"ignored {before - len(result.changes)} change(s) listed in {ignore}",
            markup=False,
            soft_wrap=True,
        )
        for line in accepted.unknown:
            err.print(
                f"{ignore}:{line.number}: names no rule skifte reports: {line.text}",
                markup=False,
                soft_wrap=True,
            )
        for line in unused:
            err.print(
                f"{ignore}:{line.number}: matches no change: {line.text}",
                markup=False,
                soft_wrap=True,
            )
    sys.stdout.write(FORMATS[output_format.value](result))
    sys.stdout.flush()
    if result.fails(fail_on.value):
        raise typer.Exit(EXIT_FAILED)


def changelog_command(
    api: ApiOption,
    registry: RegistryOption = None,
) -> None:
    """Markdown changelog of an API: every consecutive pair of its releases, diffed."""
    from skifte.diff import registry_changelog

    with reported_errors():
        text = registry_changelog(open_registry(registry), api)
    sys.stdout.write(text)
