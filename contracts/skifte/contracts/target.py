"""Where a run sends its requests: the local stand-in (started and stopped here) or a URL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit, urlunsplit

from skifte.api import Api, build_api
from skifte.registry import Release

if TYPE_CHECKING:  # the stand-in loads only when a run starts it
    from skifte.testenv.faults import ActiveFault


class TargetError(Exception):
    """The target cannot be used (reachability.py says why): nothing was sent or written."""


@dataclass(frozen=True)
class Target:
    base_url: str
    token_url: str
    local: bool


def declared_token_url(api: Api) -> str:
    return next((s.token_url for s in api.security_schemes if s.token_url), "/oauth2/token")


def token_url(api: Api, base_url: str) -> str:
    """The spec's token endpoint, moved onto `base_url` when it lives on one of its servers."""
    declared = declared_token_url(api)
    parts = urlsplit(declared)
    servers = {urlsplit(s.url)[:2] for s in api.servers}
    if parts[:2] in servers or not parts.netloc:
        base = urlsplit(base_url)
        return urlunsplit((base.scheme, base.netloc, parts.path, "", ""))
    return declared


@contextmanager
def local_target(
    registry: Path,
    release: Release,
    *,
    certs: Path,
    data: Path,
    faults: tuple[ActiveFault, ...] = (),
    behave_as: str | None = None,
    seed: int = 1,
    rate: tuple[float, int] = (200.0, 400),
) -> Iterator[Target]:
    """The stand-in with mutual TLS on a free loopback port, serving `release`'s spec."""
    from skifte.testenv.environment import Settings, create_environment
    from skifte.testenv.server import running

    settings = Settings(
        registry=registry,
        data=data,
        certs=certs,
        apis=(release.ref,),
        behave_as=(behave_as,) if behave_as else (),
        faults=faults,
        seed=seed,
        tls=True,
        rate=rate[0],
        burst=rate[1],
    )
    environment = create_environment(settings)
    logging.getLogger("uvicorn.error").setLevel(
        logging.ERROR
    )  # fuzzing sends odd requests on purpose
    try:
        with running(environment, certs=certs) as server:
            # Locally the token endpoint is the stand-in's, whatever host the spec names:
            # the stand-in's credentials must never travel anywhere else.
            declared = declared_token_url(build_api(release.read()))
            path = urlsplit(declared).path or "/oauth2/token"
            yield Target(server.base_url, server.base_url + path, local=True)
    finally:
        environment.store.close()
