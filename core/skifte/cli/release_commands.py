"""`skifte fetch` and `skifte release`: a published release, from its URL to its summary."""

from __future__ import annotations

import json
import sys
from typing import Annotated

import typer
from rich.markup import escape

from skifte.registry import ReleaseConflict

from ._common import EXIT_UNUSABLE, RegistryOption, err, fail, open_registry, reported_errors

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
    api: Annotated[str, typer.Option("--api", metavar="NAME", help="API name, e.g. doedsbo.")],
    timeout: TimeoutOption = 30.0,
    as_json: Annotated[
        bool, typer.Option("--json", help="Also print the outcome as JSON on standard output.")
    ] = False,
    registry: RegistryOption = None,
) -> None:
    """Download a published spec (asking only for what changed) and import it when it is new."""
    from skifte.registry.fetch import fetch_release

    store = open_registry(registry, creating=True)
    with reported_errors():
        try:
            fetched = fetch_release(store, url, api, timeout=timeout)
        except ReleaseConflict as exc:
            # The published file is no usable release: it needs a version of its own.
            fail(str(exc), EXIT_UNUSABLE)
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
