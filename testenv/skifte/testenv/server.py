"""Serving the stand-in with uvicorn, with or without mutual TLS.

uvicorn does not pass the client certificate to the application, so a small
protocol subclass adds the ASGI TLS extension (`client_cert_chain`) to every
request's scope: token binding needs it. The protocol is uvicorn's httptools one
(C parser; the pure-Python h11 one costs about a sixth more CPU per request).
"""

from __future__ import annotations

import asyncio
import socket
import ssl
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import uvicorn
from starlette.types import ASGIApp, Receive, Scope, Send
from uvicorn.protocols.http.httptools_impl import HttpToolsProtocol

from .certs import CA_FILE, SERVER_CERT_FILE, SERVER_KEY_FILE


class _ClientCertificateProtocol(HttpToolsProtocol):
    """HTTP/1.1 with the peer certificate put into each request's scope."""

    def connection_made(self, transport: asyncio.Transport) -> None:  # type: ignore[override]
        super().connection_made(transport)
        ssl_object = transport.get_extra_info("ssl_object")
        der = ssl_object.getpeercert(binary_form=True) if ssl_object is not None else None
        pem = ssl.DER_cert_to_PEM_cert(der) if der else None
        inner: ASGIApp = self.app

        async def with_certificate(scope: Scope, receive: Receive, send: Send) -> None:
            if ssl_object is not None:
                extensions = dict(scope.get("extensions") or {})
                extensions["tls"] = {"client_cert_chain": [pem] if pem else [], "server_cert": None}
                scope = {**scope, "extensions": extensions}
            await inner(scope, receive, send)

        self.app = with_certificate


@dataclass(frozen=True)
class Listening:
    base_url: str
    port: int


def uvicorn_config(
    app: ASGIApp, host: str, port: int, certs: Path | None, *, log_level: str = "warning"
) -> uvicorn.Config:
    options: dict[str, Any] = {
        "host": host,
        "port": port,
        "log_level": log_level,
        "http": _ClientCertificateProtocol,
        "lifespan": "off",
        "access_log": False,
        # Nothing stands in front of the stand-in: a client must not set its scheme or address.
        "proxy_headers": False,
    }
    if certs is not None:
        options.update(
            ssl_certfile=str(certs / SERVER_CERT_FILE),
            ssl_keyfile=str(certs / SERVER_KEY_FILE),
            ssl_ca_certs=str(certs / CA_FILE),
            ssl_cert_reqs=ssl.CERT_REQUIRED,
        )
    return uvicorn.Config(app, **options)


def free_port(host: str = "127.0.0.1") -> int:
    with socket.socket() as probe:
        probe.bind((host, 0))
        return int(probe.getsockname()[1])


@contextmanager
def running(
    app: ASGIApp, *, certs: Path | None = None, host: str = "127.0.0.1", port: int | None = None
) -> Iterator[Listening]:
    """Serve `app` in a background thread for the duration of the block."""
    port = port or free_port(host)
    server = uvicorn.Server(uvicorn_config(app, host, port, certs, log_level="error"))
    thread = threading.Thread(target=server.run, name=f"testenv:{port}", daemon=True)
    thread.start()
    for _ in range(500):
        if server.started or not thread.is_alive():
            break
        threading.Event().wait(0.01)
    if not server.started:
        raise RuntimeError(f"the test environment did not start on {host}:{port}")
    scheme = "https" if certs is not None else "http"
    try:
        yield Listening(f"{scheme}://{host}:{port}", port)
    finally:
        server.should_exit = True
        thread.join(timeout=10)
