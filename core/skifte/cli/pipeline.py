"""`skifte pipeline`: the main job, end to end, on the embedded default."""

from __future__ import annotations

from rich.rule import Rule

from ._common import RegistryOption, err, open_registry
from .registry_commands import verify_registry


def pipeline_command(registry: RegistryOption = None) -> None:
    """Run the whole job on a registry: verify every release and list them.

    Later stages (generate, diff, contract tests, readiness) join here as they land.
    """
    store = open_registry(registry)
    err.print(Rule("1. verify the registry"))
    rows = verify_registry(store)
    err.print(
        f"[green]ok[/] {len(rows)} release(s) of {len({r['api'] for r in rows})} API(s) verified"
    )
