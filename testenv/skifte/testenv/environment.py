"""Assembling a stand-in from a registry: which releases, what state, which clients."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from pathlib import Path

from skifte.api import build_api
from skifte.registry import Registry, Release

from .app import ServedApi, TestEnvironment
from .bodies import BodyLimits
from .certs import CLIENTS_FILE, ensure_certs
from .clients import load_clients
from .faults import ActiveFault
from .security import Security
from .seed import seed
from .store import Store

DEFAULT_DATA = Path(".skifte/testenv/data")
DEFAULT_CERTS = Path(".skifte/testenv/certs")


@dataclass(frozen=True)
class Settings:
    registry: Path
    data: Path = DEFAULT_DATA
    create_data: bool = True
    """False: the state folder must hold a database already (a reset of a mistyped
    --data must not create a new one)."""
    certs: Path = DEFAULT_CERTS
    apis: tuple[str, ...] = ()
    """`api@version` to serve; APIs not named serve their latest release."""
    behave_as: tuple[str, ...] = ()
    """`api@version` whose behaviour to serve while publishing the --api spec."""
    faults: tuple[ActiveFault, ...] = ()
    """Violations to commit on purpose (faults.py), read from `--fault` at the command line."""
    seed: int = 1
    token_lifetime: float = 300.0
    rate: float = 50.0
    burst: int = 100
    tls: bool = False
    clients: int = 2
    limits: BodyLimits = field(default_factory=BodyLimits)
    """The largest request bodies accepted (413 past them), JSON and uploads."""
    public_url: str | None = None
    """The base of the URLs the stand-in answers (`Location`); default: the address
    and scheme a request arrived on, never the client's `Host` header."""
    max_failed_logins: int = 10
    failed_login_window: float = 60.0
    """Failed token requests per client id or certificate within the window: 429 past it."""


def served_releases(
    registry: Registry, refs: tuple[str, ...], behave: tuple[str, ...]
) -> list[tuple[Release, Release]]:
    """(published, behaves as) per API: the latest unless named."""
    chosen = {api: registry.releases(api)[-1] for api in registry.apis()}
    for ref in refs:
        release = registry.resolve(ref)
        chosen[release.api] = release
    behaving = dict(chosen)
    for ref in behave:
        release = registry.resolve(ref)
        behaving[release.api] = release
    return [(chosen[api], behaving[api]) for api in sorted(chosen)]


def create_environment(settings: Settings) -> TestEnvironment:
    registry = Registry(settings.registry)
    served = [
        ServedApi(published.api, published.read(), behaving.read())
        for published, behaving in served_releases(registry, settings.apis, settings.behave_as)
    ]
    clients = load_clients(ensure_certs(settings.certs, settings.clients) / CLIENTS_FILE)
    scopes = frozenset(
        scope
        for api in served
        for scheme in build_api(api.behaves_as).security_schemes
        for scope in scheme.scopes
    )
    store = Store(settings.data, create=settings.create_data)
    environment = TestEnvironment(
        apis=served,
        store=store,
        security=Security(
            clients,
            scopes,
            generation=lambda: store.snapshot().generation,
            token_lifetime=settings.token_lifetime,
            rate=settings.rate,
            burst=settings.burst,
            max_failed_logins=settings.max_failed_logins,
            failed_login_window=settings.failed_login_window,
        ),
        faults=settings.faults,
        seed_number=settings.seed,
        tls=settings.tls,
        limits=settings.limits,
        public_url=settings.public_url,
    )
    ensure_seeded(environment)
    return environment


def ensure_seeded(environment: TestEnvironment) -> None:
    if environment.store.meta("seeded") is None:
        clients = sorted(environment.security.clients)
        seed(environment.store, environment.routes, environment.seed_number, clients)
        environment.store.set_meta("seeded", str(environment.seed_number))


def announce_wipe(store: Store, days: int, today: dt.date | None = None) -> dict[str, str]:
    today = today or dt.date.today()
    notice = {
        "announced": today.isoformat(),
        "wipe_after": (today + dt.timedelta(days=days)).isoformat(),
    }
    store.set_meta("notice", json.dumps(notice))
    return notice


def wipe_and_reseed(environment: TestEnvironment) -> None:
    environment.store.wipe()
    environment.security.expire_all()
    ensure_seeded(environment)
