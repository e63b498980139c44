"""Errors raised by the Api til dødsbojournaler client.

    ApiError                    the API answered with an error status
    ├── BadRequestError         400
    ├── UnauthorizedError       401 (after one token refresh)
    ├── ForbiddenError          403
    ├── NotFoundError           404
    ├── ConflictError           409
    ├── RateLimitedError        429, with `retry_after`
    └── ServerError             5xx
    TokenError                  the token endpoint refused the client's credentials
    ResponseFormatError         a success response that does not match the contract

Messages carry the method, the path and the error body's text; never a query
string, a token or a secret.
"""

from __future__ import annotations

from typing import Any

import httpx
from pydantic import ValidationError

from .models import Fejl

ErrorBody = Fejl

_REQUEST_ID_HEADERS = ("x-request-id", "x-correlation-id", "request-id")
_BODY_LIMIT = 500


class ApiError(Exception):
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
        try:
            self.retry_after: float | None = float(response.headers["retry-after"])
        except (KeyError, ValueError):
            self.retry_after = None


class ServerError(ApiError):
    """5xx: the server failed."""


class TokenError(Exception):
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


class ResponseFormatError(Exception):
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


def _request_id(response: httpx.Response, error: ErrorBody | None) -> str | None:
    for header in _REQUEST_ID_HEADERS:
        if header in response.headers:
            return response.headers[header]
    value = getattr(error, "request_id", None)
    return value if isinstance(value, str) else None
