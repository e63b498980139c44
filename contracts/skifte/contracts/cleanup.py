"""After a run: delete exactly the records it created, and nothing else."""

from __future__ import annotations

import contextlib
import ssl
import threading
import time
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from typing import Any

import httpx

from skifte.api import Api
from skifte.api.paths import matches

from .credentials import Credentials
from .ledger import Ledger
from .settings import RUN_HEADER, api_scopes, token_request
from .target import Target
from .token_answer import TokenAnswerError, read_token_answer


@dataclass
class Cleanup:
    deleted: list[str] = field(default_factory=list)
    already_gone: list[str] = field(default_factory=list)
    kept: list[str] = field(default_factory=list)
    """Created records the API offers no way to delete."""
    failed: list[str] = field(default_factory=list)


TOKEN_MARGIN = 30.0
"""Seconds before a token's expiry at which the clean-up no longer trusts it (at most
half of the token's life)."""


class TokenRefused(Exception):
    """The token endpoint gave no usable token."""


class Deleter:
    """The clean-up's own authenticated connection to the target.

    `start` opens it while the run goes (a token, a TLS connection), so that once the
    run ends only the deletes remain. The token is the same grant the run's hooks use,
    held in memory only, fetched again when it has expired or is refused.
    """

    def __init__(
        self,
        base_url: str,
        token_url: str,
        credentials: Credentials,
        scopes: tuple[str, ...],
        run_id: str,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._http = httpx.Client(
            base_url=base_url,
            verify=_tls(credentials),
            timeout=30,
            transport=transport,
            headers={RUN_HEADER: run_id},
        )
        self._token_url = token_url
        self._credentials = credentials
        self._scopes = scopes
        self._token: tuple[str, float] | None = None
        """(token, monotonic time it is good until)."""
        self._lock = threading.Lock()
        self._ready: threading.Thread | None = None

    def start(self) -> None:
        """Authenticate in the background; a failure here is met again by `authenticated`."""

        def authenticate() -> None:
            with contextlib.suppress(*_FAILURES):
                self._bearer()

        self._ready = threading.Thread(target=authenticate, name="skifte-cleanup", daemon=True)
        self._ready.start()

    def check(self) -> None:
        """Fetch a token now; a target that cannot be reached or refuses us is named."""
        from .reachability import TargetError, explain

        try:
            self._bearer()
        except TokenRefused as exc:  # an answer, but no token: what it was says enough
            raise TargetError(str(exc)) from None
        except _FAILURES as exc:
            raise TargetError(explain(exc, self._token_url, self._credentials)) from None

    def authenticated(self) -> bool:
        """Whether a token is at hand: `start`'s, or one fetched now."""
        if self._ready is not None:
            self._ready.join()
        try:
            self._bearer()
        except _FAILURES:
            return False
        return True

    def delete(self, location: str) -> int | None:
        """The DELETE's status; None when the target could not be reached or refused us."""
        try:
            response = self._http.delete(location, headers={"Authorization": self._bearer()})
            if response.status_code == 401:  # expired early, or revoked: once more
                fresh = self._bearer(stale=response.request.headers["Authorization"])
                response = self._http.delete(location, headers={"Authorization": fresh})
        except _FAILURES:
            return None
        return response.status_code

    def close(self) -> None:
        if self._ready is not None:
            self._ready.join()
        self._http.close()

    def _bearer(self, stale: str | None = None) -> str:
        with self._lock:
            held = self._token
            if held is None or time.monotonic() >= held[1] or f"Bearer {held[0]}" == stale:
                held = self._fetch()
                self._token = held
            return f"Bearer {held[0]}"

    def _fetch(self) -> tuple[str, float]:
        credentials = self._credentials
        response = self._http.post(
            self._token_url,
            data=token_request(self._scopes),
            auth=(credentials.client_id, credentials.secret),
        )
        response.raise_for_status()
        try:
            answer = read_token_answer(
                self._token_url,
                response.status_code,
                response.reason_phrase,
                response.headers.get("content-type", ""),
                response.content,
            )
        except TokenAnswerError as exc:
            raise TokenRefused(str(exc)) from None
        token, lifetime = answer.token, answer.expires_in or 60
        # Trusted until shortly before it expires; a short-lived token for half its life.
        return token, time.monotonic() + lifetime - min(TOKEN_MARGIN, lifetime / 2)


_FAILURES = (httpx.HTTPError, TokenRefused)


def deleter_for(api: Api, target: Target, credentials: Credentials, run_id: str) -> Deleter:
    return Deleter(target.base_url, target.token_url, credentials, api_scopes(api), run_id)


def clean_up(ledger: Ledger, api: Api, deleter: Deleter, *, parallel: int = 1) -> Cleanup:
    """`parallel` deletes at a time: more than one only where no one else is served."""
    outcome = Cleanup()
    created = [e["location"] for e in ledger.entries("created")]
    if not created:
        return outcome
    deleted_during_run = {
        e["url_path"]
        for e in ledger.entries("request")
        if e["method"] == "DELETE" and e["status"] < 300
    }
    deletable = [op.path for op in api.operations if op.method == "DELETE"]
    to_delete = []
    for location in dict.fromkeys(created):
        if location in deleted_during_run:
            outcome.already_gone.append(location)
        elif not any(matches(template, location) for template in deletable):
            outcome.kept.append(location)
        else:
            to_delete.append(location)
    if not to_delete:
        return outcome
    if not deleter.authenticated():
        outcome.failed.extend(to_delete)  # cannot authenticate: all remain
        return outcome
    with ThreadPoolExecutor(max_workers=max(parallel, 1)) as pool:
        statuses = list(pool.map(deleter.delete, to_delete))
    for location, status in zip(to_delete, statuses, strict=True):
        bucket = {204: outcome.deleted, 200: outcome.deleted, 404: outcome.already_gone}
        bucket.get(status or 0, outcome.failed).append(location)
    return outcome


def _tls(credentials: Credentials) -> Any:
    if credentials.ca is None and credentials.cert is None:
        return True
    context = ssl.create_default_context(cafile=str(credentials.ca) if credentials.ca else None)
    if credentials.cert is not None:
        context.load_cert_chain(
            str(credentials.cert), str(credentials.key) if credentials.key else None
        )
    return context
