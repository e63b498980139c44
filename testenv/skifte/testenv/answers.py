"""The stand-in's answers, each in the shape the release declares for its operation and
status: a handler's result (shaped by the faults aimed at it), an error, a refusal.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from typing import Any

from starlette.responses import Response

from skifte.api import Operation, Schema

from .bodies import quote
from .errors import error_body
from .faults import TOTAL_COUNT, Answer, Fault
from .handlers import Result
from .security import Refusal

MESSAGE_CHARS = 300


def result_response(
    op: Operation, result: Result, faults: list[Fault], base_url: str = ""
) -> Response:
    if result.error is not None:
        return error_response(op, result.status, *result.error)
    status = result.status if op.response(str(result.status)) else success_status(op)
    headers = dict(result.headers)
    if result.media_type is not None:
        return Response(result.body, status, headers, media_type=result.media_type)
    if "Location" in headers and headers["Location"].startswith("/"):
        headers["Location"] = base_url + headers["Location"]  # the spec says format: uri
    if status == 204 or result.body is None:
        return Response(None, status, headers)
    if not any(r.header(TOTAL_COUNT) for r in op.responses):
        headers.pop(TOTAL_COUNT, None)
    answer, schema = Answer(result.body, headers), response_schema(op, status)
    for fault in faults:
        answer = fault.shape(answer, schema)
    return json_response(status, answer.body, answer.headers, answer.media_type)


def refusal_response(op: Operation, refusal: Refusal) -> Response:
    response = error_response(op, refusal.status, refusal.description, None, refusal.error)
    response.headers.update(refusal.headers)
    return response


def error_response(
    op: Operation | None,
    status: int,
    message: str,
    field_name: str | None,
    code: str | None = None,
    *,
    fallback: Schema | None = None,
) -> Response:
    """An error in the shape `op` declares for `status` (else its `default`); outside an
    operation, in the `fallback` shape."""
    schema = fallback
    if op is not None:
        response = op.response(str(status)) or op.response("default")
        media = next((m for m in response.content if m.is_json), None) if response else None
        schema = media.schema if media else None
    message = quote(message, MESSAGE_CHARS)
    field_name = quote(field_name, MESSAGE_CHARS) if field_name else None
    body = error_body(schema, status, message, field_name, code)
    return json_response(status, body)


def success_status(op: Operation) -> int:
    statuses = [r.status for r in op.success_responses if r.status.isdigit()]
    return int(statuses[0]) if statuses else 200


def response_schema(op: Operation, status: int) -> Schema | None:
    response = op.response(str(status))
    if response is None:
        return None
    return next((m.schema for m in response.content if m.is_json), None)


def json_response(
    status: int,
    body: Any,
    headers: Mapping[str, str] | None = None,
    media: str = "application/json",
) -> Response:
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(content, status, dict(headers or {}), media_type=media)
