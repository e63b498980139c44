"""OAuth2 client credentials over the run's mutual TLS: the first token fetched while
schemathesis loads the spec, refreshed before expiry and after a 401."""

from __future__ import annotations

import threading
from concurrent.futures import Future
from typing import Any

import requests
import schemathesis

from ..ledger import AUTH_FAILED
from ..settings import token_request
from ..token_answer import TokenAnswerError, read_token_answer
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
    """A token, or TokenAnswerError saying what the endpoint answered instead. schemathesis
    reports only that authentication failed: the reason goes in the ledger, from where the
    run's report shows it."""
    data = token_request(run.settings.scopes)
    url = run.settings.token_url
    try:
        response = run.send("POST", url, data=data, auth=(run.client_id, run.secret))
    except requests.RequestException as exc:
        run.ledger.write(
            AUTH_FAILED, message=f"no answer from the token endpoint {url}: {type(exc).__name__}"
        )
        raise
    try:
        answer = read_token_answer(
            url,
            response.status_code,
            response.reason or "",
            response.headers.get("content-type", ""),
            response.content,
        )
    except TokenAnswerError as exc:
        run.ledger.write(AUTH_FAILED, message=str(exc))
        raise
    return answer.token


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
