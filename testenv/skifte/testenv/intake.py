"""A request's body, received within its limit and checked, without stalling other clients.

    receive    a multipart form the operation takes is spooled to disk as it streams in
               (uploads.py), within the upload limit; any other body is read within
               the JSON limit (bodies.py); a body sent to an operation that takes none
               is refused
    check      strict JSON (bodies.py), then the JSON type the release declares for the
               whole body, then openapi-core's validation (validation.py)

Parsing and validating cost CPU in proportion to the body and, for a wrong value,
jsonschema writes the whole value into its message: a body over `INLINE_BODY_BYTES`
is checked in a small worker pool, and a body of the wrong type altogether (an array
where an object belongs) is refused before jsonschema sees it.
"""

from __future__ import annotations

import asyncio
from concurrent.futures import ThreadPoolExecutor
from functools import partial
from typing import Any

from starlette.requests import Request

from skifte.api import Operation, Schema

from .bodies import BadBody, BodyLimits, TooLarge, check_declared_length, parse_json
from .files import Upload
from .uploads import ReceivedForm, file_fields_of, read_form
from .validation import Invalid, RequestValidator

INLINE_BODY_BYTES = 64 * 1024
_HEAVY_WORK = ThreadPoolExecutor(max_workers=2, thread_name_prefix="testenv-body")
"""At most two large bodies at once take CPU from the loop that serves everyone else."""
_JSON_TYPES = {dict: "object", list: "array", str: "string", bool: "boolean", type(None): "null"}
_TYPE_NAMES = {"object": "et objekt", "array": "en liste", "string": "en tekst", "null": "null"}


async def checked_body(
    request: Request,
    op: Operation,
    validator: RequestValidator,
    path_params: dict[str, str],
    query: list[tuple[str, str]],
    limits: BodyLimits,
) -> Any:
    """The parsed body (None without one; a form's files as `Upload`s), or `Invalid`.
    Raises TooLarge past the limit and BadBody for a body that cannot be taken at all."""
    content_type = request.headers.get("content-type", "")
    received = await _receive(request, op, content_type, limits)
    body, checked_type = (
        (received.for_validation, received.content_type)
        if isinstance(received, ReceivedForm)
        else (received, content_type)
    )
    check = partial(
        _parse_and_validate,
        validator,
        _json_body_schema(op),
        method=op.method,
        path=request.url.path,
        path_pattern=op.path,
        path_params=path_params,
        query=query,
        headers=list(request.headers.items()),
        body=body or None,
        content_type=checked_type,
    )
    if len(body) > INLINE_BODY_BYTES:
        checked = await asyncio.get_running_loop().run_in_executor(_HEAVY_WORK, check)
    else:
        checked = check()
    if isinstance(received, ReceivedForm) and not isinstance(checked, Invalid):
        return await _uploads(received)
    return checked


async def _receive(
    request: Request, op: Operation, content_type: str, limits: BodyLimits
) -> bytes | ReceivedForm:
    declared = content_type.split(";")[0].strip().lower()
    content = op.request_body.content if op.request_body is not None else ()
    form = next((m for m in content if m.name == declared == "multipart/form-data"), None)
    length = request.headers.get("content-length")
    if form is not None:
        check_declared_length(length, limits.upload)
        files = file_fields_of(form.schema)
        unsupported = 415 if op.response("415") is not None else 400
        encodings = dict(form.encoding)
        return await read_form(request.headers, request.stream(), files, encodings, unsupported)
    check_declared_length(length, limits.json)
    chunks: list[bytes] = []
    size = 0
    async for chunk in request.stream():
        size += len(chunk)
        if size > limits.json:
            raise TooLarge(limits.json)
        chunks.append(chunk)
    body = b"".join(chunks)
    if body and op.request_body is None:
        raise BadBody(f"{op.method} {op.path} tager ikke imod indhold i forespørgslen")
    return body


def _parse_and_validate(
    validator: RequestValidator,
    schema: Schema | None,
    *,
    body: bytes | None,
    content_type: str,
    **request: Any,
) -> Any:
    media = content_type.split(";")[0].strip().lower()
    is_json = media == "application/json" or media.endswith("+json")
    parsed = parse_json(body) if body and is_json else None
    if parsed is not None and schema is not None and schema.types:
        found = _JSON_TYPES.get(type(parsed), "number")
        allowed = set(schema.types) | ({"number"} if "integer" in schema.types else set())
        if found not in allowed:
            wanted = " eller ".join(_TYPE_NAMES.get(t, t) for t in schema.types)
            return Invalid(None, f"Forespørgslens indhold skal være {wanted}")
    invalid = validator.check(body=body, content_type=content_type, **request)
    if invalid is not None:
        return invalid
    if body and not is_json and not media.startswith("multipart/"):
        return parse_json(body)
    return parsed


def _json_body_schema(op: Operation) -> Schema | None:
    if op.request_body is None:
        return None
    return next((m.schema for m in op.request_body.content if m.is_json), None)


async def _uploads(form: ReceivedForm) -> dict[str, Any]:
    """The form as the handlers take it: each file read from its spool, once valid."""
    parsed: dict[str, Any] = dict(form.fields)
    for name, received in form.files.items():
        content = await received.file.read()
        parsed[name] = Upload(received.filename, received.media_type, content)
    return parsed
