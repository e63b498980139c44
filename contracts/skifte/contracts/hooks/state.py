"""What the hooks of one contract run share: made once, by `set_up`, handed to every hook."""

from __future__ import annotations

import threading
from collections.abc import Mapping
from concurrent.futures import Future
from dataclasses import dataclass, field
from http.cookiejar import DefaultCookiePolicy
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import requests

from ..credentials import ID_VARIABLE, SECRET_VARIABLE
from ..ledger import Ledger
from ..records import KnownRecords, PathIndex
from ..settings import HookSettings


@dataclass
class RunState:
    settings: HookSettings
    client_id: str
    secret: str = field(repr=False)
    ledger: Ledger
    records: KnownRecords
    lock: threading.Lock = field(default_factory=threading.Lock)
    """Guards the sets below: schemathesis's workers run hooks side by side."""
    seen_cprs: set[str] = field(default_factory=set)
    """CPR-shaped values the environment sent: the run may send them back."""
    seen_ids: set[str] = field(default_factory=set)
    created: set[str] = field(default_factory=set)
    """Ids of the records this run created (a 201's `Location`)."""
    looked: dict[str, int] = field(default_factory=dict)
    """Record path → the status a look at it got, where asking again would tell nothing new."""
    sent: int = 0
    early_token: Future[str] | None = None
    """The first token, fetched while schemathesis loads the spec; taken by the first case."""
    _sessions: threading.local = field(default_factory=threading.local)

    @classmethod
    def open(cls, settings: HookSettings, environ: Mapping[str, str]) -> RunState:
        """The run's ledger and path index opened, its client read from `environ`."""
        client_id, secret = environ.get(ID_VARIABLE), environ.get(SECRET_VARIABLE)
        if not (client_id and secret):
            raise RuntimeError(
                f"{ID_VARIABLE} and {SECRET_VARIABLE} are not set: the hooks run inside "
                "`skifte contract run`"
            )
        return cls(
            settings,
            client_id,
            secret,
            Ledger(Path(settings.ledger)),
            KnownRecords(PathIndex.read(Path(settings.paths))),
        )

    @property
    def base_path(self) -> str:
        return urlsplit(self.settings.base_url).path.rstrip("/")

    def spend_one(self) -> bool:
        """One request of the run's budget; False once it is spent."""
        with self.lock:
            self.sent += 1
            budget = self.settings.max_requests
            return budget is None or self.sent <= budget

    def send(self, method: str, url: str, **options: Any) -> requests.Response:
        """The hooks' own calls (token, a look at a record), over the run's TLS.

        requests, not httpx: schemathesis sends with requests, so its process loads no
        second HTTP library for the few calls the hooks make themselves. One session per
        thread keeps its connection open (a look costs no new TLS handshake) and keeps no
        cookie; TLS settings go with every call (a session's `verify` loses to
        REQUESTS_CA_BUNDLE).
        """
        settings = self.settings
        cert = (settings.cert, settings.key) if settings.cert and settings.key else settings.cert
        return self._session().request(
            method, url, verify=settings.ca or True, cert=cert, timeout=30, **options
        )

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._sessions, "session", None)
        if session is None:
            session = requests.Session()
            session.cookies.set_policy(DefaultCookiePolicy(allowed_domains=[]))  # none kept
            self._sessions.session = session
        return session
