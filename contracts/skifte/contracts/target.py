"""Where a run sends its requests: the local stand-in (started and stopped here) or a URL."""

from __future__ import annotations

import logging
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from skifte.api import Api, TokenEndpoint
from skifte.registry import Release

if TYPE_CHECKING:  # the stand-in loads only when a run starts it
    from skifte.testenv.faults import ActiveFault


class TargetError(Exception):
    """The target cannot be used (reachability.py says why): nothing was sent or written."""


# A spec that names no token endpoint: the programme's, on the environment itself.
_DEFAULT_TOKEN_ENDPOINT = TokenEndpoint("/oauth2/token", follows_base_url=True)


@dataclass(frozen=True)
class Target:
    base_url: str
    token_url: str
    local: bool

    @classmethod
    def remote(cls, api: Api, base_url: str) -> Target:
        """An environment at `base_url`, with the spec's token endpoint against it (the
        rule: `skifte.api.TokenEndpoint`)."""
        endpoint = api.token_endpoint() or _DEFAULT_TOKEN_ENDPOINT
        return cls(base_url, endpoint.url_for(base_url), local=False)


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
    token_endpoint: TokenEndpoint | None = None,
) -> Iterator[Target]:
    """The stand-in with mutual TLS on a free loopback port, serving `release`'s spec.

    `token_endpoint` is the release's own (from its model), whose path the stand-in serves.
    """
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
            endpoint = token_endpoint or _DEFAULT_TOKEN_ENDPOINT
            path = endpoint.path or _DEFAULT_TOKEN_ENDPOINT.path
            yield Target(server.base_url, server.base_url + path, local=True)
    finally:
        environment.store.close()
