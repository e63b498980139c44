"""Request bodies: what a client sends. Whatever rejects a body the base accepted breaks it."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..change import Finding, Level
from ..pairing import OperationPair
from . import composition
from .facts import Kind, SchemaFact
from .renames import PROPERTY_RENAMED

if TYPE_CHECKING:
    from ..context import DiffContext

REQUEST_BODY_ADDED = "request-body-added"
REQUIRED_REQUEST_BODY_ADDED = "required-request-body-added"
REQUEST_BODY_REMOVED = "request-body-removed"
REQUEST_BODY_BECAME_REQUIRED = "request-body-became-required"
REQUEST_BODY_BECAME_OPTIONAL = "request-body-became-optional"
REQUEST_MEDIA_TYPE_REMOVED = "request-media-type-removed"
REQUEST_MEDIA_TYPE_ADDED = "request-media-type-added"
REQUEST_PROPERTY_ADDED = "request-property-added"
REQUEST_REQUIRED_PROPERTY_ADDED = "request-required-property-added"
REQUEST_PROPERTY_REMOVED = "request-property-removed"
REQUEST_PROPERTY_BECAME_REQUIRED = "request-property-became-required"
REQUEST_PROPERTY_BECAME_OPTIONAL = "request-property-became-optional"
REQUEST_PROPERTY_TYPE_CHANGED = "request-property-type-changed"
REQUEST_PROPERTY_TYPE_WIDENED = "request-property-type-widened"
REQUEST_PROPERTY_BECAME_NULLABLE = "request-property-became-nullable"
REQUEST_PROPERTY_BECAME_NOT_NULLABLE = "request-property-became-not-nullable"
REQUEST_ENUM_VALUE_REMOVED = "request-enum-value-removed"
REQUEST_ENUM_VALUE_ADDED = "request-enum-value-added"
REQUEST_PROPERTY_BECAME_ENUM = "request-property-became-enum"
REQUEST_PROPERTY_FORMAT_CHANGED = "request-property-format-changed"
REQUEST_PROPERTY_PATTERN_ADDED = "request-property-pattern-added"
REQUEST_PROPERTY_PATTERN_CHANGED = "request-property-pattern-changed"
REQUEST_PROPERTY_MAX_DECREASED = "request-property-max-decreased"
REQUEST_PROPERTY_MIN_INCREASED = "request-property-min-increased"
REQUEST_PROPERTY_MAX_LENGTH_DECREASED = "request-property-max-length-decreased"
REQUEST_PROPERTY_MIN_LENGTH_INCREASED = "request-property-min-length-increased"
REQUEST_PROPERTY_MAX_ITEMS_DECREASED = "request-property-max-items-decreased"
REQUEST_PROPERTY_MIN_ITEMS_INCREASED = "request-property-min-items-increased"
REQUEST_PROPERTY_CONSTRAINT_TIGHTENED = "request-property-constraint-tightened"
REQUEST_PROPERTY_CONSTRAINT_RELAXED = "request-property-constraint-relaxed"
REQUEST_ADDITIONAL_PROPERTIES_CLOSED = "request-additional-properties-closed"
REQUEST_ALTERNATIVE_REMOVED = "request-alternative-removed"
REQUEST_ALTERNATIVE_ADDED = "request-alternative-added"

_TIGHTER_LIMIT = {
    "maximum": REQUEST_PROPERTY_MAX_DECREASED,
    "minimum": REQUEST_PROPERTY_MIN_INCREASED,
    "maxLength": REQUEST_PROPERTY_MAX_LENGTH_DECREASED,
    "minLength": REQUEST_PROPERTY_MIN_LENGTH_INCREASED,
    "maxItems": REQUEST_PROPERTY_MAX_ITEMS_DECREASED,
    "minItems": REQUEST_PROPERTY_MIN_ITEMS_INCREASED,
}
_BY_KIND = {
    Kind.PROPERTY_REMOVED: REQUEST_PROPERTY_REMOVED,
    Kind.BECAME_REQUIRED: REQUEST_PROPERTY_BECAME_REQUIRED,
    Kind.BECAME_OPTIONAL: REQUEST_PROPERTY_BECAME_OPTIONAL,
    Kind.NULLABLE_ADDED: REQUEST_PROPERTY_BECAME_NULLABLE,
    Kind.NULLABLE_REMOVED: REQUEST_PROPERTY_BECAME_NOT_NULLABLE,
    Kind.ENUM_VALUE_REMOVED: REQUEST_ENUM_VALUE_REMOVED,
    Kind.ENUM_VALUE_ADDED: REQUEST_ENUM_VALUE_ADDED,
    Kind.ENUM_ADDED: REQUEST_PROPERTY_BECAME_ENUM,
    Kind.ENUM_DROPPED: REQUEST_PROPERTY_CONSTRAINT_RELAXED,
    Kind.ADDITIONAL_CLOSED: REQUEST_ADDITIONAL_PROPERTIES_CLOSED,
    Kind.ADDITIONAL_OPENED: REQUEST_PROPERTY_CONSTRAINT_RELAXED,
    Kind.ALTERNATIVE_REMOVED: REQUEST_ALTERNATIVE_REMOVED,
    Kind.ALTERNATIVE_ADDED: REQUEST_ALTERNATIVE_ADDED,
    Kind.WRAPPED_IN_ONE_OF: composition.REQUEST_WRAPPED_IN_ONE_OF,
    Kind.ALL_OF_MEMBER_ADDED: composition.REQUEST_ALL_OF_MEMBER_ADDED,
    Kind.ALL_OF_MEMBER_REMOVED: composition.REQUEST_ALL_OF_MEMBER_REMOVED,
}


def check(ctx: DiffContext) -> Iterator[Finding]:
    for pair in ctx.pairs:
        yield from _operation(ctx, pair)


def _operation(ctx: DiffContext, pair: OperationPair) -> Iterator[Finding]:
    old, new = pair.base.request_body, pair.revision.request_body
    pointer = pair.pointer("requestBody")
    affects = ctx.symbols.method(pair.base)
    fields = {"target": "body"}
    if old is None or new is None:
        if new is not None:
            rule = REQUIRED_REQUEST_BODY_ADDED if new.required else REQUEST_BODY_ADDED
            yield Finding(rule, pair.revision, pointer, "body", fields, affects)
        elif old is not None:
            yield Finding(REQUEST_BODY_REMOVED, pair.revision, pointer, "body", fields, affects)
        return
    if old.required != new.required:
        rule = REQUEST_BODY_BECAME_REQUIRED if new.required else REQUEST_BODY_BECAME_OPTIONAL
        yield Finding(rule, pair.revision, f"{pointer}/required", "body", fields, affects)
    before = {m.name: m for m in old.content}
    after = {m.name: m for m in new.content}
    for name in before.keys() - after.keys():
        media = {"target": name, "media_type": name}
        yield Finding(REQUEST_MEDIA_TYPE_REMOVED, pair.revision, pointer, name, media, affects)
    for name in after.keys() - before.keys():
        media = {"target": name, "media_type": name}
        yield Finding(REQUEST_MEDIA_TYPE_ADDED, pair.revision, pointer, name, media, affects)
    yield from ctx.content_findings(old.content, new.content, "request", rule_for, pair, pointer)


def rule_for(fact: SchemaFact) -> tuple[str, Level | None] | None:
    """A request body is input: what rejects a body the base accepted breaks writers."""
    kind = fact.kind
    if kind is Kind.PROPERTY_ADDED:
        required = fact.is_required
        return (REQUEST_REQUIRED_PROPERTY_ADDED if required else REQUEST_PROPERTY_ADDED), None
    if kind is Kind.PROPERTY_RENAMED:
        # Writers keep sending the old name: harmless, unless the new name is required.
        return PROPERTY_RENAMED, "breaking" if fact.is_required else "info"
    if kind is Kind.TYPE:
        tightened = fact.tightened
        return (REQUEST_PROPERTY_TYPE_CHANGED if tightened else REQUEST_PROPERTY_TYPE_WIDENED), None
    if kind in (Kind.FORMAT, Kind.PATTERN, Kind.LIMIT):
        if not fact.tightened:
            return REQUEST_PROPERTY_CONSTRAINT_RELAXED, None
        return _constraint(fact), first_set_level(fact)
    return _BY_KIND[kind], None


def _constraint(fact: SchemaFact) -> str:
    if fact.kind is Kind.FORMAT:
        return REQUEST_PROPERTY_FORMAT_CHANGED
    if fact.kind is Kind.PATTERN:
        if fact.detail("old") == "none":
            return REQUEST_PROPERTY_PATTERN_ADDED
        return REQUEST_PROPERTY_PATTERN_CHANGED
    return _TIGHTER_LIMIT.get(fact.detail("keyword"), REQUEST_PROPERTY_CONSTRAINT_TIGHTENED)


WARN_WHEN_FIRST_SET = frozenset({"maxLength", "minItems"})
"""Limits a client rarely reached while they were unbounded: set for the first time, a
warning (as the reference grades them). A first maximum or minimum stays breaking: see
`differences.py`."""


def first_set_level(fact: SchemaFact) -> Level | None:
    if fact.detail("keyword") in WARN_WHEN_FIRST_SET and fact.detail("old") == "none":
        return "warning"
    return None
