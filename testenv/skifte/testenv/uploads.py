"""multipart/form-data bodies: streamed, spooled to disk, and checked part by part.

starlette's parser spools each file to a temporary file as it arrives (in memory only
up to its first megabyte), so an upload is never held whole while it is received. Then:

    complete     the closing boundary must arrive: a truncated body is refused, not
                 read as the parts that happened to come before the cut
    files        a part the release declares as a file (`format: binary`) must be a file
                 part, with a filename, and not empty
    media type   the type the release declares for it (its `encoding`) must be the part's
                 `Content-Type` and, for the types whose signature is known (PDF), its
                 content: a PNG or an executable sent as `application/pdf` is refused

What openapi-core validates is the form with each file replaced by its first bytes: the
schema says only `string, format: binary` of a file, and the fields beside it are checked
as sent.
"""

from __future__ import annotations

import logging
import uuid
from collections.abc import AsyncGenerator, Mapping
from dataclasses import dataclass

from starlette.datastructures import Headers, UploadFile
from starlette.formparsers import MultiPartException, MultiPartParser

from skifte.api import Schema

from .bodies import BadBody, quote

# A malformed part is answered with 400; python-multipart's log line for each adds nothing.
logging.getLogger("python_multipart").setLevel(logging.ERROR)

SIGNATURES = {"application/pdf": b"%PDF-"}
"""The first bytes every file of a media type starts with."""
_SAMPLE_BYTES = 64
_MAX_PARTS = 32
_FIELD_BYTES = 64 * 1024


@dataclass(frozen=True)
class ReceivedFile:
    name: str
    filename: str
    media_type: str
    file: UploadFile


@dataclass(frozen=True)
class ReceivedForm:
    fields: dict[str, str]
    files: dict[str, ReceivedFile]
    for_validation: bytes
    """The form again as multipart, each file cut to its first bytes (boundary below)."""
    content_type: str


class _CompleteMultiPart(MultiPartParser):
    """starlette's parser, remembering whether the closing boundary arrived."""

    complete = False

    def on_end(self) -> None:
        super().on_end()
        self.complete = True


async def read_form(
    headers: Headers,
    stream: AsyncGenerator[bytes, None],
    file_fields: set[str],
    encodings: Mapping[str, str],
    unsupported_status: int,
) -> ReceivedForm:
    """The form, or BadBody (status 400, or `unsupported_status` for a wrong media type)."""
    parser = _CompleteMultiPart(
        headers, stream, max_files=_MAX_PARTS, max_fields=_MAX_PARTS, max_part_size=_FIELD_BYTES
    )
    try:
        form = await parser.parse()
    except MultiPartException as exc:
        raise BadBody(f"multipart-indholdet kan ikke læses: {exc}") from None
    if not parser.complete:
        raise BadBody("multipart-indholdet er afkortet: den afsluttende grænse mangler")
    fields: dict[str, str] = {}
    files: dict[str, ReceivedFile] = {}
    for key, value in form.multi_items():
        if key in fields or key in files:
            continue  # a repeated part counts by its first, as a repeated query parameter does
        if isinstance(value, str):
            if key in file_fields:
                raise BadBody(f"{quote(key)}: skal sendes som en fil med et filnavn", key)
            fields[key] = value
            continue
        files[key] = await _checked_file(key, value, encodings.get(key), unsupported_status)
    return await _with_validation_body(fields, files)


async def _checked_file(
    key: str, upload: UploadFile, expected: str | None, unsupported_status: int
) -> ReceivedFile:
    if not upload.filename:
        raise BadBody(f"{quote(key)}: filen mangler et filnavn", key)
    declared = (upload.content_type or "application/octet-stream").split(";")[0].strip().lower()
    if expected is not None and declared != expected:
        message = f"{quote(key)}: filen skal sendes som {expected}, ikke {quote(declared)}"
        raise BadBody(message, key, unsupported_status)
    start = await upload.read(_SAMPLE_BYTES)
    await upload.seek(0)
    if not start:
        raise BadBody(f"{quote(key)}: filen er tom", key)
    signature = SIGNATURES.get(declared)
    if signature is not None and not start.startswith(signature):
        message = (
            f"{quote(key)}: indholdet er ikke {declared} (det begynder ikke med {signature!r})"
        )
        raise BadBody(message, key, unsupported_status)
    return ReceivedFile(key, upload.filename, declared, upload)


async def _with_validation_body(
    fields: dict[str, str], files: dict[str, ReceivedFile]
) -> ReceivedForm:
    boundary = f"skifte-{uuid.uuid4().hex}"
    parts: list[bytes] = []
    for name, value in fields.items():
        parts.append(_part(boundary, name, None, None, value.encode("utf-8")))
    for name, received in files.items():
        sample = await received.file.read(_SAMPLE_BYTES)
        await received.file.seek(0)
        parts.append(_part(boundary, name, received.filename, received.media_type, sample))
    body = b"".join(parts) + f"--{boundary}--\r\n".encode()
    return ReceivedForm(fields, files, body, f"multipart/form-data; boundary={boundary}")


def _part(boundary: str, name: str, filename: str | None, media: str | None, data: bytes) -> bytes:
    disposition = f'form-data; name="{_escape(name)}"'
    if filename is not None:
        disposition += f'; filename="{_escape(filename)}"'
    head = f"--{boundary}\r\nContent-Disposition: {disposition}\r\n"
    if media is not None:
        head += f"Content-Type: {media}\r\n"
    return head.encode("utf-8") + b"\r\n" + data + b"\r\n"


def _escape(text: str) -> str:
    return text.replace("\\", "\\\\").replace('"', "%22").replace("\r", "%0D").replace("\n", "%0A")


def file_fields_of(schema: Schema | None) -> set[str]:
    """The properties a multipart schema declares as files (`format: binary`)."""
    if schema is None:
        return set()
    return {name for name, prop in schema.merged_properties().items() if prop.format == "binary"}
