"""What a call answers besides its parsed body: raw responses and pages.

`client.with_raw_response.<operation>(...)` answers a `RawResponse`: status,
headers, request id, and `.parse()` for the body. `iter_…` methods answer a
`Pager` that yields every item and exposes `total` (the `X-Total-Count`).
"""

from __future__ import annotations

import functools
from collections.abc import AsyncIterator, Awaitable, Callable, Iterator
from contextvars import ContextVar
from typing import Any, Generic, ParamSpec, TypeVar, cast

import httpx

from ._call import parse
from .errors import request_id

T = TypeVar("T")
P = ParamSpec("P")

TOTAL_COUNT_HEADER = "x-total-count"

# Set while a raw-response wrapper runs its method: the client hands the response
# over here instead of parsing it.
_CAPTURE: ContextVar[list[RawResponse[Any]] | None] = ContextVar(
    "_CAPTURE", default=None
)


class RawResponse(Generic[T]):
    """One answer of the API, before its body is parsed."""

    def __init__(self, response: httpx.Response, cast_to: Any) -> None:
        self.http_response = response
        self._cast_to = cast_to

    @property
    def status_code(self) -> int:
        return self.http_response.status_code

    @property
    def headers(self) -> httpx.Headers:
        return self.http_response.headers

    @property
    def request_id(self) -> str | None:
        return request_id(self.http_response)

    @property
    def total_count(self) -> int | None:
        """`X-Total-Count`: how many items all pages of a list hold together."""
        return total_count(self.http_response)

    @property
    def content(self) -> bytes:
        return self.http_response.content

    def parse(self) -> T:
        """The body as the operation's return type (raises ResponseFormatError)."""
        if self._cast_to is None or self._cast_to is type(None):
            return cast(T, None)
        if self._cast_to is bytes:
            return cast(T, self.http_response.content)
        return cast(T, parse(self._cast_to, self.http_response))

    def __repr__(self) -> str:
        request = self.http_response.request
        return f"<RawResponse {request.method} {request.url.path} → {self.status_code}>"


def deliver(raw: RawResponse[T]) -> T:
    """The parsed body, or None after handing `raw` to a raw-response wrapper."""
    captured = _CAPTURE.get()
    if captured is None:
        return raw.parse()
    captured.append(raw)
    return cast(T, None)


def raw_response(method: Callable[P, T]) -> Callable[P, RawResponse[T]]:
    """`method`, answering the `RawResponse` instead of the parsed body."""

    @functools.wraps(method)
    def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        captured: list[RawResponse[Any]] = []
        token = _CAPTURE.set(captured)
        try:
            method(*args, **kwargs)
        finally:
            _CAPTURE.reset(token)
        return cast(RawResponse[T], captured[-1])

    return call


def async_raw_response(
    method: Callable[P, Awaitable[T]],
) -> Callable[P, Awaitable[RawResponse[T]]]:
    """`method`, answering the `RawResponse` instead of the parsed body."""

    @functools.wraps(method)
    async def call(*args: P.args, **kwargs: P.kwargs) -> RawResponse[T]:
        captured: list[RawResponse[Any]] = []
        token = _CAPTURE.set(captured)
        try:
            await method(*args, **kwargs)
        finally:
            _CAPTURE.reset(token)
        return cast(RawResponse[T], captured[-1])

    return call


def total_count(response: httpx.Response) -> int | None:
    try:
        return int(response.headers[TOTAL_COUNT_HEADER])
    except (KeyError, ValueError):
        return None


class Pager(Iterator[T]):
    """Every item of a paged list, fetched page by page until `X-Total-Count` are read.

    `total` is the server's count once the first page is read (None before, or
    when the server sends none); `last_response` is the latest page's answer.
    """

    def __init__(
        self, fetch: Callable[[int], RawResponse[list[T]]], first_page: int
    ) -> None:
        self._fetch = fetch
        self._page = first_page
        self._items: Iterator[T] = iter(())
        self._seen = 0
        self._done = False
        self.total: int | None = None
        self.last_response: RawResponse[list[T]] | None = None

    def __iter__(self) -> Pager[T]:
        return self

    def __next__(self) -> T:
        while True:
            item = next(self._items, _END)
            if item is not _END:
                return cast(T, item)
            if self._done:
                raise StopIteration
            self._take(self._fetch(self._page))

    def _take(self, raw: RawResponse[list[T]]) -> None:
        items = raw.parse()
        self.last_response, self.total = raw, raw.total_count
        self._items, self._seen, self._page = (
            iter(items),
            self._seen + len(items),
            self._page + 1,
        )
        self._done = not items or (self.total is not None and self._seen >= self.total)


class AsyncPager(AsyncIterator[T]):
    """`Pager` for the async client: `async for item in client.iter_…(...)`."""

    def __init__(
        self, fetch: Callable[[int], Awaitable[RawResponse[list[T]]]], first_page: int
    ) -> None:
        self._fetch = fetch
        self._sync = Pager[T](_unreachable, first_page)

    @property
    def total(self) -> int | None:
        return self._sync.total

    @property
    def last_response(self) -> RawResponse[list[T]] | None:
        return self._sync.last_response

    def __aiter__(self) -> AsyncPager[T]:
        return self

    async def __anext__(self) -> T:
        pager = self._sync
        while True:
            item = next(pager._items, _END)
            if item is not _END:
                return cast(T, item)
            if pager._done:
                raise StopAsyncIteration
            pager._take(await self._fetch(pager._page))


_END = object()


def _unreachable(page: int) -> RawResponse[Any]:
    raise AssertionError("an AsyncPager fetches its pages itself")
