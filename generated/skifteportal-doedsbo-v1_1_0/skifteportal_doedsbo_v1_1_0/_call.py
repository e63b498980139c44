"""What the sync and async clients share: describing a call and reading its answer."""

from __future__ import annotations

import datetime
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from typing import IO, Any, TypeVar
from urllib.parse import quote
from uuid import UUID

import httpx
from pydantic import TypeAdapter, ValidationError

from .errors import ResponseFormatError

T = TypeVar("T")

FileContent = bytes | IO[bytes] | tuple[str, bytes | IO[bytes], str]
"""A file to upload: its bytes, an open binary file, or (filename, content, content type)."""

TOTAL_COUNT_HEADER = "x-total-count"
_PATH_PARAMETER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class Call:
    """One API call, before it becomes an HTTP request."""

    method: str
    path: str
    """The path template, e.g. `/doedsbojournaler/{doedsbojournalId}`."""
    path_params: Mapping[str, Any] = field(default_factory=dict)
    query: Mapping[str, Any] = field(default_factory=dict)
    headers: Mapping[str, Any] = field(default_factory=dict)
    cookies: Mapping[str, Any] = field(default_factory=dict)
    json: Any = None
    files: Mapping[str, tuple[str, bytes | IO[bytes], str]] | None = None
    data: Mapping[str, str] | None = None
    content: bytes | None = None
    headers_extra: Mapping[str, str] = field(default_factory=dict)
    """Fixed headers of the operation, e.g. the content type of a raw body."""

    def request(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        # Each `{name}` is replaced by the value alone: no format-string features.
        path = _PATH_PARAMETER.sub(
            lambda m: (
                quote(_text(self.path_params[m[1]]), safe="")
                if m[1] in self.path_params
                else m[0]
            ),
            self.path,
        )
        headers = {k: _text(v) for k, v in self.headers.items() if v is not None}
        cookies = [(k, _text(v)) for k, v in self.cookies.items() if v is not None]
        if cookies:
            headers["Cookie"] = "; ".join(
                f"{k}={quote(v, safe='')}" for k, v in cookies
            )
        return http.build_request(
            self.method,
            path,
            params=[(k, _text(v)) for k, v in _pairs(self.query)],
            headers={**headers, **self.headers_extra},
            json=self.json,
            files=self.files,
            data=self.data,
            content=self.content,
        )


_ADAPTERS: dict[Any, TypeAdapter[Any]] = {}


def adapter(annotation: Any) -> TypeAdapter[Any]:
    """One TypeAdapter per type: building them is the costly part of validation."""
    found = _ADAPTERS.get(annotation)
    if found is None:
        found = _ADAPTERS[annotation] = TypeAdapter(annotation)
    return found


def dump(annotation: Any, value: Any) -> Any:
    """A body as JSON data: wire names, only the fields that were set."""
    return adapter(annotation).dump_python(
        value, mode="json", by_alias=True, exclude_unset=True
    )


def parse(annotation: type[T], response: httpx.Response) -> T:
    try:
        result: T = adapter(annotation).validate_json(response.content)
    except ValidationError as exc:
        raise ResponseFormatError(response, exc) from None
    return result


def total_count(response: httpx.Response) -> int | None:
    try:
        return int(response.headers[TOTAL_COUNT_HEADER])
    except (KeyError, ValueError):
        return None


def file_part(
    name: str, content: FileContent, content_type: str
) -> tuple[str, bytes | IO[bytes], str]:
    if isinstance(content, tuple):
        return content
    filename = getattr(content, "name", None)
    return (
        str(filename).rsplit("/", 1)[-1] if filename else name,
        content,
        content_type,
    )


def form_value(value: Any) -> str:
    return _text(value)


def _pairs(query: Mapping[str, Any]) -> list[tuple[str, Any]]:
    pairs: list[tuple[str, Any]] = []
    for name, value in query.items():
        if value is None:
            continue
        if isinstance(value, list | tuple):
            pairs.extend((name, item) for item in value)
        else:
            pairs.append((name, value))
    return pairs


def _text(value: Any) -> str:
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, Enum):
        return str(value.value)
    if isinstance(value, datetime.date | datetime.datetime):
        return value.isoformat()
    if isinstance(value, UUID):
        return str(value)
    return str(value)
