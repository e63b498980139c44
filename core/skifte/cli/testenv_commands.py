"""`skifte testenv init|serve|reset|faults`: the local stand-in for the test environment."""

from __future__ import annotations

import dataclasses
import json
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Annotated
from urllib.parse import urlsplit

import typer
from rich.markup import escape
from rich.panel import Panel

if TYPE_CHECKING:
    from skifte.testenv.bodies import BodyLimits
    from skifte.testenv.environment import Settings

# The stand-in's modules (uvicorn, starlette, cryptography) load only when a testenv
# command runs: every other command starts faster without them.

from ._common import (
    EXIT_UNUSABLE,
    CertsOption,
    FaultOption,
    RegistryOption,
    checked_faults,
    default_certs,
    err,
    fail,
    out,
    registry_root,
    reported_errors,
    stand_in_behaviours,
    testenv_home,
)

app = typer.Typer(
    help="The local stand-in for the external test environment.", no_args_is_help=True
)


DataOption = Annotated[
    Path | None, typer.Option("--data", metavar="DIR", help="State folder (SQLite).")
]
SeedOption = Annotated[int, typer.Option("--seed", help="Seed number of the fictitious data.")]


@app.command("init")
def init_command(
    out_dir: Annotated[Path, typer.Option("--out", metavar="DIR", help="Folder to create.")],
    clients: Annotated[
        int, typer.Option("--clients", min=1, max=50, help="Registered clients.")
    ] = 2,
) -> None:
    """Create a test CA, a server certificate, and per client a certificate, key and credentials."""
    from skifte.testenv.certs import client_files, init_certs

    with reported_errors(unusable=(FileExistsError, ValueError)):
        ids = init_certs(out_dir, clients)
    err.print(f"[green]created[/] {escape(str(out_dir))}: ca.pem, server.pem, server-key.pem")
    for client_id in ids:
        files = client_files(out_dir, client_id)
        err.print(
            f"  {client_id}: {files.cert.name}, {files.key.name}, {files.env.name} (mode 0600)"
        )


@app.command("serve")
def serve_command(
    api: Annotated[
        list[str] | None,
        typer.Option(
            "--api", metavar="API@VERSION", help="Release to serve (default: latest of each API)."
        ),
    ] = None,
    behave_as: Annotated[
        list[str] | None,
        typer.Option(
            "--behave-as",
            metavar="API@VERSION",
            help="Behave as this release, publish the --api one.",
        ),
    ] = None,
    tls: Annotated[
        bool, typer.Option("--tls", help="Require mutual TLS (client certificates).")
    ] = False,
    certs: CertsOption = None,
    data: DataOption = None,
    host: Annotated[str, typer.Option("--host", help="Address to listen on.")] = "127.0.0.1",
    port: Annotated[
        int, typer.Option("--port", help="Port (default 8443 with --tls, else 8080).")
    ] = 0,
    fault: FaultOption = None,
    seed: SeedOption = 1,
    token_lifetime: Annotated[float, typer.Option("--token-lifetime", help="Seconds.")] = 300.0,
    rate_limit: Annotated[
        str,
        typer.Option("--rate-limit", metavar="N/s", help="Per-client requests a second; 0 = none."),
    ] = "50/s",
    max_json_body: Annotated[
        str, typer.Option("--max-json-body", metavar="SIZE", help="Largest JSON body; 413 past it.")
    ] = "256KiB",
    max_upload_body: Annotated[
        str,
        typer.Option("--max-upload-body", metavar="SIZE", help="Largest multipart upload."),
    ] = "20MiB",
    public_url: Annotated[
        str | None,
        typer.Option(
            "--public-url", metavar="URL", help="Base of answered URLs (default: bind address)."
        ),
    ] = None,
    max_failed_logins: Annotated[
        int,
        typer.Option(
            "--max-failed-logins", min=0, help="Per client id or certificate and window; 0 = none."
        ),
    ] = 10,
    failed_login_window: Annotated[
        float, typer.Option("--failed-login-window", min=1.0, help="Seconds.")
    ] = 60.0,
    log_format: Annotated[
        str,
        typer.Option(
            "--log-format", metavar="text|json", help="The request log on stderr: a line each."
        ),
    ] = "text",
    registry: RegistryOption = None,
) -> None:
    """Serve one release of each API: stateful, fictitious data, the real security model."""
    import socket

    import uvicorn

    from skifte.testenv.environment import create_environment
    from skifte.testenv.request_log import RequestLog
    from skifte.testenv.server import uvicorn_config

    with reported_errors(unusable=(ValueError,)):
        request_log = RequestLog(log_format)
    base = _settings(registry, certs, data, seed)
    faults = checked_faults(
        fault, lambda: stand_in_behaviours(base.registry, api or (), behave_as or ())
    )

    settings = dataclasses.replace(
        base,
        apis=tuple(api or ()),
        behave_as=tuple(behave_as or ()),
        faults=faults,
        tls=tls,
        token_lifetime=token_lifetime,
        rate=_rate(rate_limit),
        limits=_limits(max_json_body, max_upload_body),
        public_url=_public_url(public_url),
        max_failed_logins=max_failed_logins,
        failed_login_window=failed_login_window,
    )
    port = port or (8443 if tls else 8080)
    scheme = "https" if tls else "http"
    # Bound before anything is written or "listening" is said, then handed to the server:
    # a busy port is named here.
    listener = socket.socket(socket.AF_INET6 if ":" in host else socket.AF_INET)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)  # not over a live listener
    try:
        listener.bind((host, port))
        listener.listen(2048)
    except OSError as exc:
        listener.close()
        fail(
            f"cannot listen on {host}:{port}: {exc.strerror or exc} (another server there? "
            "choose --port)",
            EXIT_UNUSABLE,
        )
    with reported_errors(unusable=(ValueError,)):
        environment = create_environment(settings)
    environment.request_log = request_log

    for entry in environment.status()["apis"]:
        behaving = entry["behaves_as"]
        drift = f" (behaving as {behaving})" if behaving != entry["published"] else ""
        err.print(f"serving {entry['api']} {entry['published']}{drift}")
    err.print(f"listening on {scheme}://{host}:{port}")
    err.print(f"state: {settings.data}  certificates: {settings.certs}")
    if not tls:
        warning = (
            "[bold]PLAIN HTTP, NO TLS[/]: no client certificates; tokens are bound to none.\n"
            "Fine for a quick local run; the real environment requires mutual TLS (--tls)."
        )
        err.print(Panel(warning, style="bold yellow"))
    certificates = settings.certs if tls else None
    server = uvicorn.Server(uvicorn_config(environment, host, port, certificates))
    server.run(sockets=[listener])


@app.command("reset")
def reset_command(
    notice: Annotated[
        int | None,
        typer.Option(
            "--notice", metavar="DAYS", min=1, max=365, help="Announce a wipe DAYS from today."
        ),
    ] = None,
    now: Annotated[bool, typer.Option("--now", help="Wipe now and reseed.")] = False,
    force: Annotated[
        bool,
        typer.Option(
            "--force", help="With --now: move a broken database aside (kept), start anew."
        ),
    ] = False,
    certs: CertsOption = None,
    data: DataOption = None,
    seed: SeedOption = 1,
    registry: RegistryOption = None,
) -> None:
    """Announce a wipe (visible to clients) or wipe now and reseed deterministically."""
    from skifte.testenv.environment import announce_wipe, create_environment, wipe_and_reseed
    from skifte.testenv.store import Store, StoreError

    if (notice is None) == (not now):
        fail("give exactly one of --notice DAYS and --now", EXIT_UNUSABLE)
    if force and not now:
        fail("--force goes with --now", EXIT_UNUSABLE)
    # A reset never creates state: a mistyped --data must not become a new database.
    settings = dataclasses.replace(_settings(registry, certs, data, seed), create_data=False)
    if notice is not None:
        with reported_errors(unusable=(StoreError,)):
            announced = announce_wipe(Store(settings.data, create=False), notice)
        err.print(f"announced: the test environment is wiped after {announced['wipe_after']}")
        return
    if force:
        settings = _broken_moved_aside(settings)
    with reported_errors(unusable=(ValueError,)):
        environment = create_environment(settings)
    wipe_and_reseed(environment)
    err.print(f"wiped and reseeded (seed {seed}): {environment.store.count()} records")


def _broken_moved_aside(settings: Settings) -> Settings:
    """`reset --now --force`: a database SQLite cannot use is renamed, never deleted."""
    from skifte.testenv.store import DATABASE_FILE, Store, StoreError, move_aside

    if not (settings.data.is_dir() and (settings.data / DATABASE_FILE).is_file()):
        return settings  # nothing to move: the ordinary checks say what is wrong
    try:
        Store(settings.data, create=False).close()
    except StoreError:
        kept = move_aside(settings.data)
        err.print(f"kept the broken database as {escape(str(kept))}")
        return dataclasses.replace(settings, create_data=True)
    return settings


@app.command("faults")
def faults_command(
    as_json: Annotated[bool, typer.Option("--json", help="JSON for machines.")] = False,
) -> None:
    """List the contract violations the stand-in can inject, and the check that catches each."""
    from skifte.testenv.faults import FAULTS

    if as_json:
        sys.stdout.write(json.dumps([f.listing() for f in FAULTS], indent=2) + "\n")
        return
    for fault in FAULTS:
        out.print(f"[bold]{fault.name}[/]  {fault.description}  (caught by {fault.check})")


def _settings(registry: Path | None, certs: Path | None, data: Path | None, seed: int) -> Settings:
    from skifte.testenv.environment import Settings

    return Settings(
        registry=registry_root(registry),
        certs=certs or default_certs(),
        data=data or testenv_home() / "data",
        seed=seed,
    )


def _limits(json_body: str, upload_body: str) -> BodyLimits:
    from skifte.testenv.bodies import BodyLimits, parse_size

    sizes = []
    for option, text in (("--max-json-body", json_body), ("--max-upload-body", upload_body)):
        try:
            sizes.append(parse_size(text))
        except ValueError as exc:
            fail(f"{option} {exc}", EXIT_UNUSABLE)
    return BodyLimits(json=sizes[0], upload=sizes[1])


def _public_url(text: str | None) -> str | None:
    if text is None:
        return None
    parts = urlsplit(text.strip())
    if parts.scheme not in ("http", "https") or not parts.hostname or parts.query or parts.fragment:
        fail(f"--public-url {text!r}: expected http(s)://host[:port][/path]", EXIT_UNUSABLE)
    return text.strip().rstrip("/")


def _rate(text: str) -> float:
    match = re.fullmatch(r"\s*(\d+(?:\.\d+)?)\s*(?:/s)?\s*", text)
    if match is None:
        fail(
            f"--rate-limit {text!r}: expected a number of requests a second, e.g. 50/s",
            EXIT_UNUSABLE,
        )
    return float(match.group(1))
