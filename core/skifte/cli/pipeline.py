"""`skifte pipeline`: the main job, end to end, on the embedded default."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.rule import Rule

from ._common import RegistryOption, err, open_registry
from .generate_command import default_output, generate_releases
from .registry_commands import verify_registry


def pipeline_command(
    registry: RegistryOption = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", metavar="DIR", help="Where packages go (default: generated/)."),
    ] = None,
) -> None:
    """Run the whole job on a registry: verify every release, then generate its packages."""
    store = open_registry(registry)
    err.print(Rule("1. verify the registry"))
    rows = verify_registry(store)
    err.print(f"[green]ok[/] {len(rows)} release(s) of {len({r['api'] for r in rows})} API(s)")
    err.print(Rule("2. generate models and clients"))
    generate_releases(store, out or default_output())
