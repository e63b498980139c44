"""What the sync and async clients share: describing a call and reading its answer."""

from __future__ import annotations

import datetime
import mimetypes
import os
import re
import warnings
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import Enum
from pathlib import Path
from typing import IO, Any, TypeVar
from urllib.parse import quote
from uuid import UUID

import httpx
from pydantic import TypeAdapter, ValidationError

from .errors import ResponseFormatError

T = TypeVar("T")

FileContent = (
    bytes
    | IO[bytes]
    | os.PathLike[str]
    | tuple[str, bytes | IO[bytes]]
    | tuple[str, bytes | IO[bytes], str]
)
"""A file to upload: a path, an open binary file, (file name, content[, content type]) or bytes."""
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


def file_part(
    content: FileContent, content_type: str
) -> tuple[str, bytes | IO[bytes], str]:
    """A multipart file part that keeps the caller's file name.

    The name comes from the tuple, the path or the open file; bare bytes are
    sent as `upload` with the extension of the content type (`upload.pdf`).
    """
    if isinstance(content, tuple):
        return (
            content[0],
            content[1],
            content[2] if len(content) == 3 else content_type,
        )
    if isinstance(content, os.PathLike):
        path = Path(content)
        return (path.name, path.read_bytes(), content_type)
    filename = getattr(content, "name", None)
    if isinstance(filename, str) and filename:
        return (os.path.basename(filename), content, content_type)
    extension = mimetypes.guess_extension(content_type.split(";")[0].strip()) or ""
    return (f"upload{extension}", content, content_type)


def warn_deprecated(what: str) -> None:
    warnings.warn(
        f"{what} is deprecated in the specification", DeprecationWarning, stacklevel=4
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
