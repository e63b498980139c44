"""A file a record holds: what an upload is, and the record fields that describe it.

`intake.py` makes `Upload`s of a form's file parts, `seed.py` of its fictitious
documents; handlers.py stores their content beside the record they create.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from skifte.api import Schema

from . import domain


@dataclass(frozen=True)
class Upload:
    filename: str
    content_type: str
    content: bytes


def split_upload(body: Any) -> tuple[dict[str, Any], Upload | None]:
    """A form's fields apart from its file (None when it sends none)."""
    if not isinstance(body, dict):
        return {}, None
    upload = next((v for v in body.values() if isinstance(v, Upload)), None)
    return {k: v for k, v in body.items() if not isinstance(v, Upload)}, upload


def file_fields(upload: Upload, schema: Schema | None) -> dict[str, Any]:
    """The metadata fields of an uploaded file that `schema` shows (name, size, type, and
    a PDF's pages)."""
    props = schema.merged_properties() if schema is not None else {}
    values: dict[str, Any] = {}
    facts: list[tuple[tuple[str, ...], Any]] = [
        (domain.FILE_NAME_FIELDS, upload.filename),
        (domain.FILE_SIZE_FIELDS, len(upload.content)),
        (domain.FILE_TYPE_FIELDS, upload.content_type),
    ]
    pages = pdf_pages(upload.content)
    if pages is not None:
        facts.append((domain.FILE_PAGES_FIELDS, pages))
    for names, value in facts:
        values.update({name: value for name in names if name in props})
    return values


_PAGE_OBJECT = re.compile(rb"/Type\s*/Page(?![a-zA-Z])")


def pdf_pages(content: bytes) -> int | None:
    """How many page objects a PDF holds; None for content that is no PDF, or whose
    pages cannot be counted this way (compressed object streams): the field is then
    filled like any other the stand-in has no value for."""
    if not content.startswith(b"%PDF-"):
        return None
    return len(_PAGE_OBJECT.findall(content)) or None
