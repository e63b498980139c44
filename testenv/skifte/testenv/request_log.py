"""One line per request the stand-in answered, as a mock server's console shows them.

Method, path (never the query string), status, the client it was for, how long it
took, and for a refusal the reason the client was given. Never a header value, a
body, a token or a secret: what a line holds is chosen field by field here.
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import threading
from dataclasses import dataclass
from typing import TextIO

from starlette.responses import Response

FORMATS = ("text", "json")
_REASON_CHARS = 200


@dataclass(frozen=True)
class Entry:
    method: str
    path: str
    status: int
    client: str
    milliseconds: float
    reason: str


class RequestLog:
    def __init__(self, form: str = "text", stream: TextIO | None = None) -> None:
        if form not in FORMATS:
            raise ValueError(f"unknown log format {form!r}; known: {', '.join(FORMATS)}")
        self._form = form
        self._stream = stream or sys.stderr
        self._lock = threading.Lock()

    def record(self, entry: Entry) -> None:
        line = self._json(entry) if self._form == "json" else self._text(entry)
        with self._lock:
            self._stream.write(line + "\n")
            self._stream.flush()

    def _text(self, e: Entry) -> str:
        reason = f"  {e.reason}" if e.reason else ""
        return f"{e.method:<6} {e.path} {e.status} {e.client} {e.milliseconds:.1f}ms{reason}"

    def _json(self, e: Entry) -> str:
        when = dt.datetime.now(dt.UTC).isoformat(timespec="milliseconds")
        fields = {
            "time": when,
            "method": e.method,
            "path": e.path,
            "status": e.status,
            "client": e.client,
            "ms": round(e.milliseconds, 1),
        }
        if e.reason:
            fields["reason"] = e.reason
        return json.dumps(fields, ensure_ascii=False)


def refusal_reason(response: Response) -> str:
    """Why a 4xx was given, as the client was told: the error body's message and field,
    the OAuth error description, or the WWW-Authenticate challenge."""
    if not 400 <= response.status_code < 500:
        return ""
    reason = ""
    try:
        body = json.loads(bytes(response.body))
    except (ValueError, TypeError):
        body = None
    if isinstance(body, dict):
        message = body.get("besked") or body.get("error_description") or body.get("error")
        field = body.get("felt")
        reason = f"{message} ({field})" if message and field else str(message or "")
    if not reason:
        reason = response.headers.get("www-authenticate", "")
    return " ".join(reason.split())[:_REASON_CHARS]
