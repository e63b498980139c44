"""What every operation shares: sending with auth and retries, options, raw responses, pages.

`client.py` holds one thin method per operation; each describes its call (a
`Call`) and hands it to `_request`, `_stream` or `_pages` here.
"""

from __future__ import annotations

import asyncio
import copy
import time
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator, Mapping
from contextlib import asynccontextmanager, contextmanager
from types import TracebackType
from typing import Any, Self, TypedDict, TypeVar

import httpx

from ._call import Call
from ._response import AsyncPager, Pager, RawResponse, deliver
from ._retry import DEFAULT_MAX_RETRIES, may_repeat, retry_delay
from ._retry import backoff as _backoff
from .auth import (
    USER_AGENT,
    ClientCertificate,
    ClientCredentials,
    TokenCache,
    token_url_for,
)
from .errors import ApiConnectionError, ApiTimeoutError, error_for

T = TypeVar("T")

DEFAULT_TIMEOUT = 30.0

Timeout = float | httpx.Timeout | None
"""Seconds (or an `httpx.Timeout`); None waits for ever."""


class NotGiven:
    """The default of an option a call may leave to the client (None means something)."""

    def __repr__(self) -> str:
        return "NOT_GIVEN"


NOT_GIVEN = NotGiven()


class CallOptions(TypedDict, total=False):
    """What one call may change, as keywords of every operation's method."""

    timeout: Timeout
    """Seconds (or an `httpx.Timeout`) for this call; None waits for ever."""
    extra_headers: Mapping[str, str]
    """Headers added to this call's request."""
    max_retries: int
    """Retries for this call instead of the client's (0: none)."""


def _http_options(
    base_url: str, certificate: ClientCertificate | None, timeout: Timeout
) -> dict[str, Any]:
    options: dict[str, Any] = {
        "base_url": base_url,
        "timeout": timeout,
        "headers": {"User-Agent": USER_AGENT},
    }
    if certificate is not None:
        options["verify"] = certificate.ssl_context()
    return options


def _list_of(item: Any) -> Any:
    return list[item]


class _BaseClient:
    def __init__(
        self,
        base_url: str,
        credentials: ClientCredentials | None,
        token_url: str | None,
        timeout: Timeout,
        max_retries: int,
        headers: Mapping[str, str] | None,
    ) -> None:
        self._tokens = (
            TokenCache(credentials, token_url_for(base_url, token_url))
            if credentials
            else None
        )
        self._timeout = timeout
        self._max_retries = max_retries
        self._headers = dict(headers or {})
        self._now: Callable[[], float] = time.time

    def with_options(
        self,
        *,
        timeout: Timeout | NotGiven = NOT_GIVEN,
        max_retries: int | None = None,
        extra_headers: Mapping[str, str] | None = None,
    ) -> Self:
        """A copy with other defaults, sharing this client's connections and token.

        Closing either closes the connections of both.
        """
        clone = copy.copy(self)
        if not isinstance(timeout, NotGiven):
            clone._timeout = timeout
        if max_retries is not None:
            clone._max_retries = max_retries
        clone._headers = {**self._headers, **(extra_headers or {})}
        return clone

    def _build(
        self, call: Call, http: httpx.Client | httpx.AsyncClient, options: CallOptions
    ) -> httpx.Request:
        request = call.request(http)
        request.read()  # a body read once can be sent again: retries, a refreshed token
        request.headers.update({**self._headers, **options.get("extra_headers", {})})
        timeout = options["timeout"] if "timeout" in options else self._timeout
        request.extensions["timeout"] = httpx.Timeout(timeout).as_dict()
        return request

    def _retries(self, options: CallOptions) -> int:
        return options.get("max_retries", self._max_retries)


class SyncAPIClient(_BaseClient):
    """What `Client` does besides its operations. `sleep` waits between retries."""

    def __init__(
        self,
        base_url: str,
        *,
        credentials: ClientCredentials | None = None,
        certificate: ClientCertificate | None = None,
        token_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        transport: httpx.BaseTransport | None = None,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        super().__init__(
            base_url, credentials, token_url, timeout, max_retries, headers
        )
        self._http = httpx.Client(
            transport=transport, **_http_options(base_url, certificate, timeout)
        )
        self._sleep = sleep

    def __enter__(self) -> Self:
        return self

    def __exit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        self.close()

    def close(self) -> None:
        self._http.close()

    def _request(self, call: Call, cast_to: type[T], options: CallOptions) -> T:
        return deliver(RawResponse[T](self._send(call, options), cast_to))

    def _raw(self, call: Call, cast_to: Any, options: CallOptions) -> RawResponse[Any]:
        return RawResponse[Any](self._send(call, options), cast_to)

    def _pages(
        self,
        build: Callable[[int], Call],
        item: type[T],
        first_page: int,
        options: CallOptions,
    ) -> Pager[T]:
        many = _list_of(item)
        return Pager(lambda page: self._raw(build(page), many, options), first_page)

    @contextmanager
    def _stream(self, call: Call, options: CallOptions) -> Iterator[httpx.Response]:
        response = self._send(call, options, stream=True)
        try:
            yield response
        finally:
            response.close()

    def _send(
        self, call: Call, options: CallOptions, stream: bool = False
    ) -> httpx.Response:
        # Built once: every attempt sends the same body and the same idempotency key.
        request = self._build(call, self._http, options)
        retries, attempt = self._retries(options), 0
        while True:
            delay: float | None = None
            try:
                response = self._authorised(request, stream)
            except httpx.TimeoutException as exc:
                if attempt >= retries or not may_repeat(request):
                    raise ApiTimeoutError(request, exc) from None
                delay = _backoff(attempt)
            except httpx.TransportError as exc:
                if attempt >= retries or not may_repeat(request):
                    raise ApiConnectionError(request, exc) from None
                delay = _backoff(attempt)
            else:
                if attempt < retries and may_repeat(request):
                    delay = retry_delay(response, attempt, self._now)
                if delay is None:
                    if not response.is_error:
                        return response
                    response.read()
                    response.close()
                    raise error_for(response)
                response.close()
            self._sleep(delay)
            attempt += 1

    def _authorised(self, request: httpx.Request, stream: bool) -> httpx.Response:
        token = self._token()
        if token is not None:
            request.headers["Authorization"] = f"Bearer {token}"
        response = self._http.send(request, stream=stream)
        if (
            response.status_code == 401
            and self._tokens is not None
            and token is not None
        ):
            # Refused before it expired (revoked, server restarted): fetch a new one, once.
            response.close()
            self._tokens.invalidate(token)
            request.headers["Authorization"] = f"Bearer {self._token()}"
            response = self._http.send(request, stream=stream)
        return response

    def _token(self) -> str | None:
        if self._tokens is None:
            return None
        token = self._tokens.current()
        if token is None:
            token = self._tokens.store(
                self._http.send(self._tokens.request(self._http))
            )
        return token


class AsyncAPIClient(_BaseClient):
    """What `AsyncClient` does besides its operations. `sleep` waits between retries."""

    def __init__(
        self,
        base_url: str,
        *,
        credentials: ClientCredentials | None = None,
        certificate: ClientCertificate | None = None,
        token_url: str | None = None,
        timeout: Timeout = DEFAULT_TIMEOUT,
        max_retries: int = DEFAULT_MAX_RETRIES,
        headers: Mapping[str, str] | None = None,
        transport: httpx.AsyncBaseTransport | None = None,
        sleep: Callable[[float], Awaitable[None]] = asyncio.sleep,
    ) -> None:
        super().__init__(
            base_url, credentials, token_url, timeout, max_retries, headers
        )
        self._http = httpx.AsyncClient(
            transport=transport, **_http_options(base_url, certificate, timeout)
        )
        self._sleep = sleep

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(
        self,
        exc_type: type[BaseException] | None,
        exc: BaseException | None,
        tb: TracebackType | None,
    ) -> None:
        await self.aclose()

    async def aclose(self) -> None:
        await self._http.aclose()

    async def _request(self, call: Call, cast_to: type[T], options: CallOptions) -> T:
        return deliver(RawResponse[T](await self._send(call, options), cast_to))

    async def _raw(
        self, call: Call, cast_to: Any, options: CallOptions
    ) -> RawResponse[Any]:
        return RawResponse[Any](await self._send(call, options), cast_to)

    def _pages(
        self,
        build: Callable[[int], Call],
        item: type[T],
        first_page: int,
        options: CallOptions,
    ) -> AsyncPager[T]:
        many = _list_of(item)
        return AsyncPager(
            lambda page: self._raw(build(page), many, options), first_page
        )

    @asynccontextmanager
    async def _stream(
        self, call: Call, options: CallOptions
    ) -> AsyncIterator[httpx.Response]:
        response = await self._send(call, options, stream=True)
        try:
            yield response
        finally:
            await response.aclose()

    async def _send(
        self, call: Call, options: CallOptions, stream: bool = False
    ) -> httpx.Response:
        # Built once: every attempt sends the same body and the same idempotency key.
        request = self._build(call, self._http, options)
        retries, attempt = self._retries(options), 0
        while True:
            delay: float | None = None
            try:
                response = await self._authorised(request, stream)
            except httpx.TimeoutException as exc:
                if attempt >= retries or not may_repeat(request):
                    raise ApiTimeoutError(request, exc) from None
                delay = _backoff(attempt)
            except httpx.TransportError as exc:
                if attempt >= retries or not may_repeat(request):
                    raise ApiConnectionError(request, exc) from None
                delay = _backoff(attempt)
            else:
                if attempt < retries and may_repeat(request):
                    delay = retry_delay(response, attempt, self._now)
                if delay is None:
                    if not response.is_error:
                        return response
                    await response.aread()
                    await response.aclose()
                    raise error_for(response)
                await response.aclose()
            await self._sleep(delay)
            attempt += 1

    async def _authorised(self, request: httpx.Request, stream: bool) -> httpx.Response:
        token = await self._token()
        if token is not None:
            request.headers["Authorization"] = f"Bearer {token}"
        response = await self._http.send(request, stream=stream)
        if (
            response.status_code == 401
            and self._tokens is not None
            and token is not None
        ):
            # Refused before it expired (revoked, server restarted): fetch a new one, once.
            await response.aclose()
            self._tokens.invalidate(token)
            request.headers["Authorization"] = f"Bearer {await self._token()}"
            response = await self._http.send(request, stream=stream)
        return response

    async def _token(self) -> str | None:
        if self._tokens is None:
            return None
        token = self._tokens.current()
        if token is None:
            token = self._tokens.store(
                await self._http.send(self._tokens.request(self._http))
            )
        return token
