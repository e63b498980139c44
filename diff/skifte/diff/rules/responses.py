"""Responses: what a client reads. Whatever the base's readers cannot read now breaks them.

Statuses pair exactly, or with the revision's range (`2XX`) that covers them. A
success status or media type that disappears leaves callers without the answer
they parse; error statuses come and go as information.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from skifte.api import Response

from ..change import Finding, Level
from ..pairing import OperationPair
from . import composition
from .facts import Kind, SchemaFact
from .renames import PROPERTY_RENAMED

if TYPE_CHECKING:
    from ..context import DiffContext

RESPONSE_SUCCESS_STATUS_REMOVED = "response-success-status-removed"
RESPONSE_SUCCESS_STATUS_ADDED = "response-success-status-added"
RESPONSE_NON_SUCCESS_STATUS_REMOVED = "response-non-success-status-removed"
RESPONSE_NON_SUCCESS_STATUS_ADDED = "response-non-success-status-added"
RESPONSE_MEDIA_TYPE_REMOVED = "response-media-type-removed"
RESPONSE_HEADER_REMOVED = "response-header-removed"
RESPONSE_REQUIRED_HEADER_REMOVED = "response-required-header-removed"
RESPONSE_HEADER_BECAME_OPTIONAL = "response-header-became-optional"
RESPONSE_PROPERTY_ADDED = "response-property-added"
RESPONSE_REQUIRED_PROPERTY_REMOVED = "response-required-property-removed"
RESPONSE_OPTIONAL_PROPERTY_REMOVED = "response-optional-property-removed"
RESPONSE_PROPERTY_BECAME_OPTIONAL = "response-property-became-optional"
RESPONSE_PROPERTY_BECAME_REQUIRED = "response-property-became-required"
RESPONSE_PROPERTY_TYPE_CHANGED = "response-property-type-changed"
RESPONSE_PROPERTY_TYPE_NARROWED = "response-property-type-narrowed"
RESPONSE_PROPERTY_BECAME_NULLABLE = "response-property-became-nullable"
RESPONSE_PROPERTY_BECAME_NOT_NULLABLE = "response-property-became-not-nullable"
RESPONSE_ENUM_VALUE_ADDED = "response-enum-value-added"
RESPONSE_ENUM_VALUE_REMOVED = "response-enum-value-removed"
RESPONSE_PROPERTY_FORMAT_CHANGED = "response-property-format-changed"
RESPONSE_PROPERTY_CONSTRAINT_TIGHTENED = "response-property-constraint-tightened"
RESPONSE_PROPERTY_CONSTRAINT_RELAXED = "response-property-constraint-relaxed"
RESPONSE_ALTERNATIVE_ADDED = "response-alternative-added"
RESPONSE_ALTERNATIVE_REMOVED = "response-alternative-removed"

_BY_KIND = {
    Kind.PROPERTY_ADDED: RESPONSE_PROPERTY_ADDED,
    Kind.BECAME_OPTIONAL: RESPONSE_PROPERTY_BECAME_OPTIONAL,
    Kind.BECAME_REQUIRED: RESPONSE_PROPERTY_BECAME_REQUIRED,
    Kind.NULLABLE_ADDED: RESPONSE_PROPERTY_BECAME_NULLABLE,
    Kind.NULLABLE_REMOVED: RESPONSE_PROPERTY_BECAME_NOT_NULLABLE,
    Kind.ENUM_VALUE_ADDED: RESPONSE_ENUM_VALUE_ADDED,
    Kind.ENUM_VALUE_REMOVED: RESPONSE_ENUM_VALUE_REMOVED,
    Kind.ENUM_ADDED: RESPONSE_PROPERTY_CONSTRAINT_TIGHTENED,
    Kind.ALTERNATIVE_REMOVED: RESPONSE_ALTERNATIVE_REMOVED,
    Kind.ALL_OF_MEMBER_ADDED: composition.RESPONSE_ALL_OF_MEMBER_ADDED,
    Kind.ALL_OF_MEMBER_REMOVED: composition.RESPONSE_ALL_OF_MEMBER_REMOVED,
}


def check(ctx: DiffContext) -> Iterator[Finding]:
    for pair in ctx.pairs:
        yield from _operation(ctx, pair)


def paired_responses(pair: OperationPair) -> Iterator[tuple[Response, Response | None]]:
    """Each base response with its revision response (None when gone)."""
    after = {r.status: r for r in pair.revision.responses}
    for old in pair.base.responses:
        yield old, after.get(old.status) or after.get(_range(old.status))


def _operation(ctx: DiffContext, pair: OperationPair) -> Iterator[Finding]:
    affects = ctx.symbols.method(pair.base)
    covered = set()
    for old, new in paired_responses(pair):
        if new is not None:
            covered.add(new.status)
            yield from _response(ctx, pair, old, new)
            continue
        yield _status_finding(pair, old, added=False, affects=affects)
    for new in pair.revision.responses:
        if new.status not in covered:
            yield _status_finding(pair, new, added=True, affects=affects)


_STATUS_RULES = {  # (added, success) → rule
    (False, True): RESPONSE_SUCCESS_STATUS_REMOVED,
    (True, True): RESPONSE_SUCCESS_STATUS_ADDED,
    (False, False): RESPONSE_NON_SUCCESS_STATUS_REMOVED,
    (True, False): RESPONSE_NON_SUCCESS_STATUS_ADDED,
}


def _status_finding(
    pair: OperationPair, response: Response, *, added: bool, affects: tuple[str, ...]
) -> Finding:
    """A status the base answered and the revision does not (or the other way round)."""
    rule = _STATUS_RULES[added, response.is_success]
    where = pair.pointer("responses", response.status)
    fields = {"target": response.status, "status": response.status}
    return Finding(rule, pair.revision, where, response.status, fields, affects)


def _response(
    ctx: DiffContext, pair: OperationPair, old: Response, new: Response
) -> Iterator[Finding]:
    where = pair.pointer("responses", new.status)
    affects = ctx.symbols.method(pair.base)
    before = {m.name: m for m in old.content}
    after = {m.name: m for m in new.content}
    if old.is_success:
        for name in before.keys() - after.keys():
            target = f"{old.status} {name}"
            fields = {"target": target, "status": old.status, "media_type": name}
            yield Finding(
                RESPONSE_MEDIA_TYPE_REMOVED, pair.revision, where, target, fields, affects
            )
    headers = {h.name.lower(): h for h in new.headers}
    for header in old.headers:
        kept = headers.get(header.name.lower())
        if kept is None:
            rule = RESPONSE_REQUIRED_HEADER_REMOVED if header.required else RESPONSE_HEADER_REMOVED
        elif header.required and not kept.required:
            rule = RESPONSE_HEADER_BECAME_OPTIONAL
        else:
            continue
        target = f"header:{header.name}"
        fields = {"target": target, "status": old.status, "header": header.name}
        yield Finding(rule, pair.revision, f"{where}/headers", target, fields, affects)
    yield from ctx.content_findings(old.content, new.content, "response", rule_for, pair, where)


def rule_for(fact: SchemaFact) -> tuple[str, Level | None] | None:
    """A response is output: what hands readers a value the base never sent breaks them."""
    kind = fact.kind
    if kind is Kind.PROPERTY_REMOVED:
        if fact.was_required:
            return RESPONSE_REQUIRED_PROPERTY_REMOVED, None
        return RESPONSE_OPTIONAL_PROPERTY_REMOVED, None
    if kind is Kind.PROPERTY_RENAMED:
        return PROPERTY_RENAMED, "breaking" if fact.was_required else "warning"
    if kind is Kind.TYPE:
        loosened = fact.loosened
        return (
            RESPONSE_PROPERTY_TYPE_CHANGED if loosened else RESPONSE_PROPERTY_TYPE_NARROWED
        ), None
    if kind is Kind.FORMAT and fact.tightened and fact.loosened:
        return RESPONSE_PROPERTY_FORMAT_CHANGED, None
    if kind in (Kind.FORMAT, Kind.PATTERN, Kind.LIMIT):
        # Generated models validate these: values outside the old limits fail to parse.
        if fact.loosened:
            # A pattern is a warning only: see `differences.py`.
            return RESPONSE_PROPERTY_CONSTRAINT_RELAXED, "warning" if kind is Kind.PATTERN else None
        return RESPONSE_PROPERTY_CONSTRAINT_TIGHTENED, None
    if kind is Kind.ALTERNATIVE_ADDED:
        # A new oneOf member is a shape readers cannot parse; anyOf members may overlap.
        level: Level = "breaking" if fact.detail("keyword") == "oneOf" else "warning"
        return RESPONSE_ALTERNATIVE_ADDED, level
    if kind in (Kind.ADDITIONAL_CLOSED, Kind.ADDITIONAL_OPENED, Kind.WRAPPED_IN_ONE_OF):
        return None  # readers ignore fields they do not know; new members are reported
    if kind is Kind.ENUM_DROPPED:
        return RESPONSE_PROPERTY_CONSTRAINT_RELAXED, "warning"
    return _BY_KIND[kind], None


def _range(status: str) -> str:
    return f"{status[0]}XX" if len(status) == 3 and status[0].isdigit() else status
