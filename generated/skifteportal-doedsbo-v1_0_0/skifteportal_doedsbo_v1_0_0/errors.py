"""Errors raised by the Api til dødsbojournaler client: one tree, one base.

    DoedsboError                every error this package raises
    ├── ApiError                the API answered with an error status
    │   ├── BadRequestError     400
    │   ├── UnauthorizedError   401 (after one token refresh)
    │   ├── ForbiddenError      403
    │   ├── NotFoundError       404
    │   ├── ConflictError       409
    │   ├── RateLimitedError    429, with `retry_after`
    │   └── ServerError         5xx
    ├── ApiConnectionError      no answer: refused, reset, TLS failure (after retries)
    │   └── ApiTimeoutError     no answer in time (after retries)
    ├── TokenError              the token endpoint refused the client's credentials
    ├── ResponseFormatError     a success response that does not match the contract
    └── CertificateError        a certificate, key or CA file missing, unreadable or invalid

Messages carry the method, the URL without its query and the error body's text;
never a query string, a token or a secret.
"""

from __future__ import annotations

import time
from typing import Any

import httpx
from pydantic import ValidationError

from ._retry import retry_after
from .models import Fejl

ErrorBody = Fejl

_REQUEST_ID_HEADERS = ("x-request-id", "x-correlation-id", "request-id")
_BODY_LIMIT = 500


class DoedsboError(Exception):
    """Base of every error this package raises."""


class ApiError(DoedsboError):
    """The API answered with an error status."""

    def __init__(self, response: httpx.Response, error: ErrorBody | None) -> None:
        self.status_code = response.status_code
        self.error = error
        """The parsed error body, or None when the body was not the API's error format."""
        self.body = _text(response)
        self.method = response.request.method
        self.path = response.request.url.path
        self.request_id = _request_id(response, error)
        super().__init__(self._message())

    def _message(self) -> str:
        detail = self.body if len(self.body) <= 200 else self.body[:199] + "…"
        request = f" (request id {self.request_id})" if self.request_id else ""
        return f"{self.method} {self.path} → {self.status_code}{request}: {detail}"


class BadRequestError(ApiError):
    """400: the request broke the contract; `error` usually names the field."""


class UnauthorizedError(ApiError):
    """401: no valid token, even after fetching a fresh one."""


class ForbiddenError(ApiError):
    """403: the client may not do this (scope, or another client's record)."""


class NotFoundError(ApiError):
    """404: no such record, or not visible to this client."""


class ConflictError(ApiError):
    """409: the request conflicts with the record's state."""


class RateLimitedError(ApiError):
    """429: too many requests; wait `retry_after` seconds."""

    def __init__(self, response: httpx.Response, error: ErrorBody | None) -> None:
        super().__init__(response, error)
        self.retry_after: float | None = retry_after(response, time.time)
        """Seconds the server asked the client to wait, from `Retry-After`."""


class ServerError(ApiError):
    """5xx: the server failed."""


class ApiConnectionError(DoedsboError):
    """No answer from the API: the connection was refused or reset, or TLS failed."""

    def __init__(
        self, request: httpx.Request, cause: Exception, reason: str = ""
    ) -> None:
        self.method = request.method
        self.url = safe_url(request.url)
        """Scheme, host, port and path: never the query, user information or a token."""
        self.cause = cause
        super().__init__(
            f"{self.method} {self.url}: {reason or 'no connection'} ({type(cause).__name__})"
        )


class ApiTimeoutError(ApiConnectionError):
    """The API did not answer in time."""

    def __init__(self, request: httpx.Request, cause: Exception) -> None:
        super().__init__(request, cause, "timed out")


class CertificateError(DoedsboError):
    """A certificate, key or CA file is missing, unreadable or not a valid one."""

    def __init__(self, path: str, reason: str) -> None:
        self.path = path
        super().__init__(f"{path}: {reason}")


class TokenError(DoedsboError):
    """The token endpoint refused: carries the OAuth error code, never the credentials."""

    def __init__(
        self, status_code: int, error: str | None, description: str | None
    ) -> None:
        self.status_code = status_code
        self.error = error
        self.description = description
        text = ": ".join(part for part in (error, description) if part)
        super().__init__(
            f"token request failed with {status_code}" + (f" ({text})" if text else "")
        )


class ResponseFormatError(DoedsboError):
    """A success response whose body does not match the contract."""

    def __init__(
        self, response: httpx.Response, cause: ValidationError | ValueError
    ) -> None:
        self.status_code = response.status_code
        self.method = response.request.method
        self.path = response.request.url.path
        super().__init__(
            f"{self.method} {self.path} → {self.status_code}: unexpected body: {cause}"
        )


_BY_STATUS: dict[int, type[ApiError]] = {
    400: BadRequestError,
    401: UnauthorizedError,
    403: ForbiddenError,
    404: NotFoundError,
    409: ConflictError,
    429: RateLimitedError,
}


def error_for(response: httpx.Response) -> ApiError:
    """The typed error for an error response, with its body parsed when it can be."""
    kind = _BY_STATUS.get(response.status_code)
    if kind is None:
        kind = ServerError if response.status_code >= 500 else ApiError
    return kind(response, _parse_error(response))


def _parse_error(response: httpx.Response) -> ErrorBody | None:
    try:
        return Fejl.model_validate_json(response.content)
    except ValidationError:
        return None


def _text(response: httpx.Response) -> str:
    try:
        text = response.text
    except (UnicodeDecodeError, httpx.ResponseNotRead):
        return ""
    return text[:_BODY_LIMIT]


def request_id(response: httpx.Response) -> str | None:
    """The server's id for this request, from the first of the usual headers it sends."""
    for header in _REQUEST_ID_HEADERS:
        if header in response.headers:
            return response.headers[header]
    return None


def safe_url(url: httpx.URL) -> str:
    """The URL to show in a message: no query, no user information."""
    port = f":{url.port}" if url.port is not None else ""
    return f"{url.scheme}://{url.host}{port}{url.path}"


def _request_id(response: httpx.Response, error: ErrorBody | None) -> str | None:
    value = getattr(error, "request_id", None)
    return request_id(response) or (value if isinstance(value, str) else None)
