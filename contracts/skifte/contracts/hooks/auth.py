"""OAuth2 client credentials over the run's mutual TLS: the first token fetched while
schemathesis loads the spec, refreshed before expiry and after a 401."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Any

import schemathesis

from ..settings import token_request
from .messages import Case, with_header
from .state import RunState


def register(run: RunState) -> None:
    @schemathesis.auth(refresh_interval=run.settings.token_refresh, retry_on=[401])
    class ClientCredentialsAuth:
        """The client-credentials grant over the same mutual TLS the API calls use."""

        def get(self, case: Case, context: Any) -> str:
            with run.lock:
                early, run.early_token = run.early_token, None
            return early.result() if early is not None else fetch_token(run)

        def set(self, case: Case, data: str, context: Any) -> None:
            case.headers = with_header(case.headers, "Authorization", f"Bearer {data}")


def fetch_token(run: RunState) -> str:
    data = token_request(run.settings.scopes)
    response = run.send("POST", run.settings.token_url, data=data, auth=(run.client_id, run.secret))
    if response.status_code != 200:
        error = (
            response.json().get("error")
            if response.headers.get("content-type", "").startswith("application/json")
            else None
        )
        raise RuntimeError(
            f"the token endpoint refused the client: {response.status_code} {error or ''}"
        )
    return str(response.json()["access_token"])


def fetch_early(run: RunState) -> Future[str]:
    """The first token, fetched in the background; kept in memory only."""
    future: Future[str] = Future()

    def fetch() -> None:
        try:
            future.set_result(fetch_token(run))
        except Exception as exc:  # handed to the first get(), which raises it there
            future.set_exception(exc)

    threading.Thread(target=fetch, name="skifte-token", daemon=True).start()
    return future
