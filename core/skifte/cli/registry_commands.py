"""`skifte import`, `releases`, `export` and `verify`: the registry from the command line."""

from __future__ import annotations

import json
import sys
from pathlib import Path
from typing import Annotated

import typer
from rich.markup import escape
from rich.table import Table

from skifte.api import build_api
from skifte.registry import Registry, Release
from skifte.spec import SpecDocument

from ._common import (
    EXIT_FAILED,
    ApiFilterOption,
    ApiOption,
    RegistryOption,
    err,
    open_registry,
    out,
    reported_errors,
)


def import_command(
    file: Annotated[Path, typer.Argument(help="The spec as published (.txt, .yaml or .json).")],
    api: ApiOption,
    registry: RegistryOption = None,
) -> None:
    """Validate a published spec and file it in the registry under its info.version."""
    with reported_errors():
        imported = open_registry(registry, creating=True).import_spec(file, api)
    release = imported.release
    if imported.added:
        err.print(
            f"[green]imported[/] {release.ref} → {escape(str(release.folder))} "
            f"(sha256 {release.record.sha256[:12]})"
        )
    else:
        err.print(
            f"{release.ref} is already in the registry with identical content: " "nothing to do"
        )


def releases_command(
    api: ApiFilterOption = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON for machines.")] = False,
    registry: RegistryOption = None,
) -> None:
    """List the registry's releases: API, version, operations, hash, import date."""
    with reported_errors():
        rows = [_summary(release) for release in open_registry(registry).releases(api)]
    if as_json:
        sys.stdout.write(json.dumps(rows, indent=2, ensure_ascii=False) + "\n")
    else:
        out.print(_table(rows))


def export_command(
    ref: Annotated[str, typer.Argument(metavar="API@VERSION", help="e.g. doedsbo@1.3.0")],
    output: Annotated[
        Path | None,
        typer.Option("--out", "-o", metavar="FILE", help="Write here (default: standard output)."),
    ] = None,
    registry: RegistryOption = None,
) -> None:
    """Write a release's spec exactly as stored, e.g. as a .txt to publish or re-import."""
    with reported_errors():
        content = open_registry(registry).resolve(ref).spec_path.read_bytes()
    if output is None:
        sys.stdout.buffer.write(content)
    else:
        output.write_bytes(content)


def verify_command(registry: RegistryOption = None) -> None:
    """Re-validate every release (record, hash, spec) and print the registry's table."""
    verify_registry(open_registry(registry))


def verify_registry(registry: Registry) -> list[dict[str, object]]:
    """Shared with the pipeline: print problems and the table; exit 1 on any problem.

    What interrupted imports left behind is removed first (and reported); what cannot
    be removed is a problem like a broken release.
    """
    _remove_incomplete(registry)
    rows, broken = [], 0
    for verified in registry.verify():
        if verified.problems or verified.release is None or verified.document is None:
            broken += 1
            err.print(f"[bold red]invalid:[/] {escape(str(verified.folder))}")
            for problem in verified.problems:
                err.print(f"  {escape(problem)}", soft_wrap=True)
        else:
            rows.append(_summary(verified.release, verified.document))
    out.print(_table(rows, title=f"Registry {registry.root}"))
    if broken:
        err.print(f"[bold red]{broken} release(s) failed verification[/]")
        raise typer.Exit(EXIT_FAILED)
    if not rows:
        err.print(f"[yellow]the registry {escape(str(registry.root))} holds no releases[/]")
    return rows


def _remove_incomplete(registry: Registry) -> None:
    try:
        removed, kept = registry.remove_incomplete()
    except OSError as exc:
        err.print(f"[yellow]cannot remove what interrupted imports left:[/] {escape(str(exc))}")
        return
    for entry in removed:
        err.print(f"removed {escape(str(entry.folder))}: {entry.describe()}")
    for entry in kept:
        err.print(f"[yellow]kept[/] {escape(str(entry.folder))}: it holds files no import writes")


def _summary(release: Release, document: SpecDocument | None = None) -> dict[str, object]:
    record = release.record
    return {
        "api": record.api,
        "version": record.version,
        "title": record.title,
        "openapi": record.openapi,
        "operations": len(build_api(document or release.read()).operations),
        "sha256": record.sha256,
        "content_sha256": record.content_sha256,
        "published_file": record.published_file,
        "imported": record.imported,
    }


def _table(rows: list[dict[str, object]], title: str | None = None) -> Table:
    table = Table(title=title)
    for column in ("API", "version", "operations", "sha256", "imported"):
        table.add_column(column, justify="right" if column == "operations" else "left")
    for row in rows:
        table.add_row(
            str(row["api"]),
            str(row["version"]),
            str(row["operations"]),
            str(row["sha256"])[:12],
            str(row["imported"]),
        )
    return table
