"""Values that fit a schema: synthesised from nothing, or an existing value made to conform.

Everything the stand-in sends passes through `conform`, so every response is
valid for the release it serves, whatever was stored under an older one, and
shows only the fields that release declares (unless its schema welcomes others).
Synthesis is deterministic (seeded by a key) and fictitious: CPR-shaped values
are never calendar dates, CVR-shaped values start with 9 and pass modulus 11.
"""

from __future__ import annotations

import datetime as dt
import random
import re
import uuid
from typing import Any

from skifte.api import Schema
from skifte.identifiers import fictitious_cpr, fictitious_cvr

_EPOCH = dt.datetime(2024, 1, 1, tzinfo=dt.UTC)
_MAX_DEPTH = 6


def synthesize(schema: Schema | None, key: str, name: str = "", depth: int = 0) -> Any:
    """A value valid for `schema`, the same for the same key."""
    if schema is None:
        return None
    rng = random.Random(f"{key}/{name}")  # noqa: S311 - reproducible on purpose
    example = schema.keyword("example")
    if example is not None and _fits(example, schema):
        return example
    if schema.enum:
        return schema.enum[0]
    if (default := schema.keyword("default")) is not None:
        return default
    if schema.all_of:
        merged: dict[str, Any] = {}
        for part in schema.all_of:
            value = synthesize(part, key, name, depth)
            if isinstance(value, dict):
                merged.update(value)
        return merged | _object(schema, key, depth) if schema.properties else merged
    variants = schema.one_of or schema.any_of
    if variants:
        return synthesize(
            next((v for v in variants if v.types != ("null",)), variants[0]), key, name, depth
        )
    kind = _kind(schema)
    if kind == "object":
        return _object(schema, key, depth)
    if kind == "array":
        if depth >= _MAX_DEPTH or schema.items is None:
            return []
        count = max(int(schema.keyword("minItems", 1) or 0), 1)
        return [synthesize(schema.items, f"{key}/{i}", name, depth + 1) for i in range(count)]
    if kind == "integer":
        return _number(schema, rng, integer=True)
    if kind == "number":
        return float(_number(schema, rng, integer=False))
    if kind == "boolean":
        return False
    if kind == "null":
        return None
    return _string(schema, rng, name)


def conform(value: Any, schema: Schema | None, key: str, name: str = "", depth: int = 0) -> Any:
    """`value` changed as little as needed to be valid for `schema`."""
    if schema is None:
        return value
    if value is None:
        return None if schema.nullable else synthesize(schema, key, name, depth)
    if schema.all_of:
        merged = dict(value) if isinstance(value, dict) else {}
        # A part declaring no properties only constrains (`required`, ...): shaped by it
        # alone, the value would keep what no part declares.
        shaping = [part for part in schema.all_of if not _only_constrains(part)]
        if not shaping and not schema.properties:
            return merged
        result: dict[str, Any] = {}
        for part in shaping:
            shaped = conform(merged, part, key, name, depth)
            if isinstance(shaped, dict):
                result.update(shaped)
        if schema.properties:
            result.update(_conform_object(merged, schema, key, depth))
        return result
    variants = [v for v in (schema.one_of or schema.any_of) if v.types != ("null",)]
    if variants:
        return conform(value, _pick_variant(value, variants, schema), key, name, depth)
    if schema.enum is not None:
        return value if value in schema.enum else schema.enum[0]
    kind = _kind(schema)
    if kind == "object":
        return _conform_object(value if isinstance(value, dict) else {}, schema, key, depth)
    if kind == "array":
        if not isinstance(value, list) or schema.items is None:
            return synthesize(schema, key, name, depth)
        return [
            conform(v, schema.items, f"{key}/{i}", name, depth + 1) for i, v in enumerate(value)
        ]
    if _fits(value, schema):
        return value
    if kind == "string" and isinstance(value, int | float) and not isinstance(value, bool):
        text = f"{value:.2f}" if isinstance(value, float) else str(value)
        return text if _fits(text, schema) else synthesize(schema, key, name, depth)
    if kind in ("number", "integer") and isinstance(value, str):
        try:
            number = float(value)
        except ValueError:
            return synthesize(schema, key, name, depth)
        converted: Any = int(number) if kind == "integer" else number
        return converted if _fits(converted, schema) else synthesize(schema, key, name, depth)
    return synthesize(schema, key, name, depth)


def _object(schema: Schema, key: str, depth: int) -> dict[str, Any]:
    result = {}
    for prop, sub in schema.properties.items():
        if prop in schema.required or (depth < 2 and not sub.keyword("writeOnly")):
            if depth >= _MAX_DEPTH and prop not in schema.required:
                continue
            result[prop] = synthesize(sub, f"{key}/{prop}", prop, depth + 1)
    return result


def known_only(value: Any, schema: Schema | None) -> Any:
    """`value` without the properties `schema` does not declare, at every depth.

    What a release does not know, it does not keep: a field a newer client sends to an
    older environment is accepted (validation allows it) and ignored.
    """
    if schema is None:
        return value
    if isinstance(value, list):
        return [known_only(v, schema.items) for v in value] if schema.items else value
    if not isinstance(value, dict) or schema.one_of or schema.any_of:
        return value  # which variant a value is, validation knew: answers are conformed anyway
    declared = schema.merged_properties()
    if not declared or _welcomes_undeclared(schema):
        return value
    return {k: known_only(v, declared[k]) for k, v in value.items() if k in declared}


def _welcomes_undeclared(schema: Schema) -> bool:
    """Whether the schema, or a part of its allOf, says in writing that others may come."""
    if schema.declares_additional_properties and schema.additional_properties is not False:
        return True
    return any(_welcomes_undeclared(part) for part in schema.all_of)


def _only_constrains(part: Schema) -> bool:
    """An allOf part that adds conditions (`required`, ...) but declares no fields."""
    shapes = part.merged_properties() or part.one_of or part.any_of
    return _kind(part) == "object" and not shapes and not part.declares_additional_properties


def _undeclared_allowed(schema: Schema) -> bool | Schema:
    """What an object may hold besides its properties: what the schema writes, else nothing.

    Left to the default, JSON Schema allows anything, but an environment of a release
    answers with the fields that release knows. An object declaring no properties is
    free-form.
    """
    if schema.declares_additional_properties:
        return schema.additional_properties
    return not schema.properties


def _conform_object(value: dict[str, Any], schema: Schema, key: str, depth: int) -> dict[str, Any]:
    props = schema.properties
    extra = _undeclared_allowed(schema)
    result: dict[str, Any] = {}
    for prop, item in value.items():
        if prop in props:
            if item is None and not props[prop].nullable and prop not in schema.required:
                continue
            result[prop] = conform(item, props[prop], f"{key}/{prop}", prop, depth + 1)
        elif extra is True:
            result[prop] = item
        elif isinstance(extra, Schema):
            result[prop] = conform(item, extra, f"{key}/{prop}", prop, depth + 1)
    for prop in sorted(schema.required - result.keys()):
        if prop in props:
            result[prop] = synthesize(props[prop], f"{key}/{prop}", prop, depth + 1)
    return result


def _pick_variant(value: Any, variants: list[Schema], parent: Schema) -> Schema:
    tag = parent.discriminator
    if tag and isinstance(value, dict):
        for variant in variants:
            allowed = (variant.properties.get(tag) or variant).enum or ()
            if value.get(tag) in allowed:
                return variant
    for variant in variants:
        if _fits(value, variant):
            return variant
    return variants[0]


def _kind(schema: Schema) -> str:
    types = [t for t in schema.types if t != "null"]
    if types:
        return types[0]
    if schema.properties:
        return "object"
    if schema.items is not None:
        return "array"
    return "string" if schema.format else "object"


def _fits(value: Any, schema: Schema) -> bool:
    """A shallow check: type, enum, pattern, length and range (objects are conformed field-wise)."""
    if schema.enum is not None and value not in schema.enum:
        return False
    kind = _kind(schema)
    if value is None:
        return schema.nullable
    if kind == "string":
        if not isinstance(value, str):
            return False
        pattern = schema.keyword("pattern")
        if pattern and not re.search(pattern, value):
            return False
        if len(value) < int(schema.keyword("minLength", 0) or 0):
            return False
        limit = schema.keyword("maxLength")
        return limit is None or len(value) <= int(limit)
    if kind in ("integer", "number"):
        if isinstance(value, bool) or not isinstance(value, int | float):
            return False
        if kind == "integer" and not float(value).is_integer():
            return False
        low, high = schema.keyword("minimum"), schema.keyword("maximum")
        return (low is None or value >= low) and (high is None or value <= high)
    if kind == "boolean":
        return isinstance(value, bool)
    if kind == "array":
        return isinstance(value, list)
    return isinstance(value, dict)


def _number(schema: Schema, rng: random.Random, *, integer: bool) -> int:
    low = schema.keyword("minimum")
    high = schema.keyword("maximum")
    low = int(low) if low is not None else 0
    high = int(high) if high is not None else max(low, 0) + 1000
    return rng.randint(low, max(low, high))


def _string(schema: Schema, rng: random.Random, name: str) -> str:
    fmt = schema.format
    lowered = name.lower()
    unconstrained_id = lowered.endswith("id") and fmt is None and schema.keyword("pattern") is None
    if fmt == "uuid" or unconstrained_id:
        return str(uuid.UUID(int=rng.getrandbits(128), version=4))
    if fmt == "date-time":
        return (
            (_EPOCH + dt.timedelta(minutes=rng.randint(0, 525_600)))
            .isoformat()
            .replace("+00:00", "Z")
        )
    if fmt == "date":
        return (_EPOCH.date() + dt.timedelta(days=rng.randint(0, 365))).isoformat()
    if fmt == "email":
        return f"fiktiv{rng.randint(1, 999)}@example.com"
    if fmt in ("uri", "url"):
        return "https://example.com/fiktiv"
    if "cpr" in lowered:
        return fictitious_cpr(rng)
    if "cvr" in lowered:
        return fictitious_cvr(rng)
    pattern = schema.keyword("pattern")
    if pattern and re.search(pattern, "1.00"):
        return "1.00"
    minimum = int(schema.keyword("minLength", 1) or 1)
    text = f"fiktiv-{lowered or 'tekst'}-{rng.randint(1, 9999)}"
    text = text.ljust(minimum, "x")
    limit = schema.keyword("maxLength")
    return text[: int(limit)] if limit is not None else text
