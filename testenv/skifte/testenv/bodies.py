"""Request bodies as a hostile client may send them: bounded in size, parsed strictly.

size       a limit per kind of body (JSON and forms small, multipart uploads larger),
           checked against `Content-Length` before anything is read and counted
           while the body streams in, so an oversized body is never held whole
JSON       numbers must be finite (`1e999`, `NaN`, `Infinity` would be stored and
           served to every client as JSON no parser reads), text must be valid
           Unicode (a lone surrogate `"\\ud800"` cannot be stored or answered),
           nesting is bounded by the parser's own recursion limit, and no array or
           object holds more than `MAX_ITEMS` values (jsonschema writes a wrong
           value whole into its message, in one call that holds up every thread)
messages   never quote a whole value: a problem names at most `QUOTE_CHARS` of it
"""

from __future__ import annotations

import json
import math
import re
from dataclasses import dataclass
from typing import Any

from starlette.types import Message, Receive

KIB = 1024
MIB = 1024 * KIB
QUOTE_CHARS = 80
MAX_ITEMS = 10_000
SIZE_UNITS = {"": 1, "b": 1, "k": KIB, "kb": KIB, "kib": KIB, "m": MIB, "mb": MIB, "mib": MIB}


@dataclass(frozen=True)
class BodyLimits:
    """The largest body accepted, in bytes, by kind of content."""

    json: int = 256 * KIB
    """JSON and every other body, token requests included."""
    upload: int = 20 * MIB
    """multipart/form-data to an operation that takes it: files are spooled to disk."""

    def for_content_type(self, content_type: str) -> int:
        """The outer bound, before the operation is known."""
        form = content_type.lower().startswith("multipart/form-data")
        return max(self.upload, self.json) if form else self.json


class TooLarge(Exception):
    def __init__(self, limit: int) -> None:
        super().__init__(f"Forespørgslens indhold er større end de tilladte {describe_size(limit)}")
        self.limit = limit


class BadBody(Exception):
    """A body that cannot be accepted: a one-line reason, and the field when there is one."""

    def __init__(self, message: str, field: str | None = None, status: int = 400) -> None:
        super().__init__(message)
        self.message = message
        self.field = field
        self.status = status


def parse_size(text: str) -> int:
    """`1048576`, `512KiB`, `20MiB` (also k/kb/m/mb, any case) as bytes; ValueError otherwise."""
    found = re.fullmatch(r"\s*(\d{1,15})\s*([a-zA-Z]*)\s*", text)
    unit = SIZE_UNITS.get(found.group(2).lower()) if found else None
    if found is None or unit is None or int(found.group(1)) <= 0:
        shown = quote(repr(text), 40)
        raise ValueError(f"{shown}: expected a positive size such as 1048576, 512KiB or 20MiB")
    return int(found.group(1)) * unit


def describe_size(size: int) -> str:
    for unit, factor in (("MiB", MIB), ("KiB", KIB)):
        if size >= factor and size % factor == 0:
            return f"{size // factor} {unit}"
    return f"{size} bytes"


def check_declared_length(content_length: str | None, limit: int) -> None:
    """Refuse before reading when the client says up front the body is too large."""
    declared = (content_length or "").strip()
    if declared.isdigit() and int(declared) > limit:
        raise TooLarge(limit)


def limited_receive(receive: Receive, limit: int) -> Receive:
    """`receive`, raising TooLarge as soon as the body read so far exceeds `limit`."""
    seen = 0

    async def receive_limited() -> Message:
        nonlocal seen
        message = await receive()
        if message["type"] == "http.request":
            seen += len(message.get("body", b""))
            if seen > limit:
                raise TooLarge(limit)
        return message

    return receive_limited


def parse_json(raw: bytes) -> Any:
    """The body as JSON, or BadBody: malformed, not finite, not Unicode, or nested too deep."""
    try:
        value = json.loads(raw, parse_constant=_refuse_constant, parse_float=_finite_float)
    except RecursionError:
        raise BadBody("Forespørgslens indhold er indlejret for dybt") from None
    except _NotFinite as exc:
        raise BadBody(f"Tallet {quote(exc.text)} er ikke et endeligt tal") from None
    except ValueError:  # JSONDecodeError and non-UTF-8 bytes alike
        raise BadBody("Forespørgslens indhold er ikke gyldig JSON") from None
    # Only a body that could hold so many values, or half a surrogate pair (which only a
    # JSON escape can name), is walked.
    escaped = _SURROGATE_ESCAPE.search(raw) is not None
    if escaped or len(raw) > 2 * MAX_ITEMS:
        _check_values(value, escaped)
    return value


def quote(value: object, limit: int = QUOTE_CHARS) -> str:
    """`value` as text for a message, cut to `limit` characters."""
    text = value if isinstance(value, str) else repr(value)
    return text if len(text) <= limit else text[: limit - 1] + "…"


class _NotFinite(ValueError):
    def __init__(self, text: str) -> None:
        super().__init__(text)
        self.text = text


def _refuse_constant(text: str) -> Any:
    raise _NotFinite(text)


def _finite_float(text: str) -> float:
    value = float(text)
    if not math.isfinite(value):
        raise _NotFinite(text)
    return value


_SURROGATE_ESCAPE = re.compile(rb"\\u[dD][89a-fA-F]")


def _lone_surrogate(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return True
    return False


def _check_values(value: Any, surrogates: bool) -> None:
    """Walk a parsed JSON value iteratively (no recursion limit): container sizes and,
    when asked, every string (keys included) for lone surrogates."""
    pending = [value]
    while pending:
        item = pending.pop()
        if isinstance(item, dict | list):
            if len(item) > MAX_ITEMS:
                kind = "Et objekt" if isinstance(item, dict) else "En liste"
                raise BadBody(f"{kind} i forespørgslen har over {MAX_ITEMS} elementer")
            if isinstance(item, dict):
                pending.extend(item.keys())
                pending.extend(item.values())
            else:
                pending.extend(item)
        elif surrogates and isinstance(item, str) and _lone_surrogate(item):
            raise BadBody("Forespørgslens indhold indeholder tekst, der ikke er gyldig Unicode")
