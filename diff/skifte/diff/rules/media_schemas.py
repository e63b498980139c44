"""A media type that stays but gains or loses its schema.

A request media type that gains a schema now constrains bodies that were free; losing
one frees them. A response media type that loses its schema no longer promises the
shape readers parse; gaining one only says more.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from skifte.api import MediaType

from ..change import Finding
from ..pairing import OperationPair
from .responses import paired_responses

if TYPE_CHECKING:
    from ..context import DiffContext

REQUEST_MEDIA_TYPE_SCHEMA_ADDED = "request-media-type-schema-added"
REQUEST_MEDIA_TYPE_SCHEMA_REMOVED = "request-media-type-schema-removed"
RESPONSE_MEDIA_TYPE_SCHEMA_ADDED = "response-media-type-schema-added"
RESPONSE_MEDIA_TYPE_SCHEMA_REMOVED = "response-media-type-schema-removed"


def check(ctx: DiffContext) -> Iterator[Finding]:
    for pair in ctx.pairs:
        affects = ctx.symbols.method(pair.base)
        old_body, new_body = pair.base.request_body, pair.revision.request_body
        if old_body is not None and new_body is not None:
            for name, added in _schema_changes(old_body.content, new_body.content):
                rule = (
                    REQUEST_MEDIA_TYPE_SCHEMA_ADDED if added else REQUEST_MEDIA_TYPE_SCHEMA_REMOVED
                )
                where = pair.pointer("requestBody", "content", name)
                yield _finding(rule, pair, where, name, affects)
        for old, new in paired_responses(pair):
            if new is None:
                continue
            for name, added in _schema_changes(old.content, new.content):
                rule = (
                    RESPONSE_MEDIA_TYPE_SCHEMA_ADDED
                    if added
                    else RESPONSE_MEDIA_TYPE_SCHEMA_REMOVED
                )
                where = pair.pointer("responses", new.status, "content", name)
                yield _finding(rule, pair, where, f"{new.status} {name}", affects)


def _schema_changes(
    before: tuple[MediaType, ...], after: tuple[MediaType, ...]
) -> Iterator[tuple[str, bool]]:
    """(media type, whether its schema was added) for each kept media type whose schema
    appeared or disappeared."""
    old = {m.name: m.schema is not None for m in before}
    for media_type in after:
        had = old.get(media_type.name)
        has = media_type.schema is not None
        if had is not None and had != has:
            yield media_type.name, has


def _finding(
    rule: str, pair: OperationPair, pointer: str, target: str, affects: tuple[str, ...]
) -> Finding:
    return Finding(rule, pair.revision, pointer, target, {"target": target}, affects)
