"""Reading and changing what schemathesis hands the hooks: its cases and responses."""

from __future__ import annotations

from typing import Any

from schemathesis import Case as GenericCase
from schemathesis import Response

Case = GenericCase[Any]


def with_header(headers: Any, name: str, value: str) -> Any:
    """The case's headers plus one; the mapping type schemathesis uses is kept."""
    updated = headers.copy() if headers is not None else {}
    updated[name] = value
    return updated


def header(response: Response, name: str) -> str | None:
    """A response header's first value; `name` in lower case."""
    for key, values in response.headers.items():
        if key.lower() == name:
            return str(values[0] if isinstance(values, list) else values)
    return None


def json_body(response: Response) -> Any:
    try:
        return response.json()
    except Exception:
        return None
