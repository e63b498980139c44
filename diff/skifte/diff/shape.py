"""A schema flattened for comparison: what values it accepts, whatever way the spec wrote it.

`allOf` members are merged into one view, `null` alternatives and 3.0 `nullable`
become one `nullable` flag, a lone remaining `oneOf`/`anyOf` member is merged
like `allOf`, and a missing `type` is inferred from the keywords that imply one.
So `$ref` and inline, 3.0 `nullable` and 3.1 `type: [x, "null"]`, compare equal.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from skifte.api import Schema

from .nesting import MAX_DEPTH, TooDeep

UPPER_LIMITS = ("maxLength", "maxItems", "maxProperties")
LOWER_LIMITS = ("minLength", "minItems", "minProperties")


@dataclass(frozen=True)
class Bound:
    """A numeric bound: `maximum`/`minimum`, exclusive as 3.0 booleans or 3.1 numbers say."""

    value: float
    exclusive: bool

    def tighter_than(self, other: Bound | None, *, upper: bool) -> bool:
        """Does this bound reject a value `other` allows (None: no bound at all)?"""
        if other is None:
            return True
        if self.value != other.value:
            return self.value < other.value if upper else self.value > other.value
        return self.exclusive and not other.exclusive


@dataclass(frozen=True)
class Member:
    """A property as its object sees it."""

    schema: Schema
    declared_in: str | None
    """The component schema whose `properties` list it, when there is one."""
    read_only: bool
    write_only: bool


@dataclass
class Shape:
    component: str | None
    types: frozenset[str] | None = None
    """JSON types allowed besides null; None means any."""
    nullable: bool = False
    enum: dict[str, Any] | None = None
    """Allowed values by canonical JSON text; None means no enum."""
    format: str | None = None
    pattern: str | None = None
    maximum: Bound | None = None
    minimum: Bound | None = None
    limits: dict[str, float] = field(default_factory=dict)
    """maxLength, minItems, multipleOf, ...; uniqueItems as 1."""
    properties: dict[str, Member] = field(default_factory=dict)
    required: set[str] = field(default_factory=set)
    additional: bool | Schema = True
    items: Schema | None = None
    alternatives: tuple[Schema, ...] = ()
    alternative_keyword: str = "oneOf"
    all_of: tuple[Schema, ...] = ()
    """The node's own `allOf` members (already merged above), to tell members added."""


def canonical(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, default=str)


def json_type(value: Any) -> str:
    if isinstance(value, bool):
        return "boolean"
    if isinstance(value, int):
        return "integer"
    if isinstance(value, float):
        return "number"
    if isinstance(value, str):
        return "string"
    if isinstance(value, list):
        return "array"
    return "object" if isinstance(value, dict) else "null"


def build_shape(schema: Schema) -> Shape:
    shape = Shape(component=schema.component)
    _merge(shape, schema, schema.component, set(), 0)
    shape.all_of = schema.all_of
    if shape.component is None:
        shape.component = _wrapped_component(schema, 0)
    return shape


def _merge(
    shape: Shape, schema: Schema, declared_in: str | None, seen: set[int], depth: int
) -> None:
    if schema.key in seen:  # an allOf cycle adds nothing new
        return
    if depth >= MAX_DEPTH:
        raise TooDeep(schema.component or declared_in)
    seen.add(schema.key)
    owner = schema.component or declared_in
    _merge_types(shape, schema)
    _merge_values(shape, schema)
    _merge_limits(shape, schema)
    if schema.declares("properties"):
        for name, child in schema.properties.items():
            if name not in shape.properties:
                read_only, write_only = child.keyword("readOnly"), child.keyword("writeOnly")
                shape.properties[name] = Member(child, owner, read_only is True, write_only is True)
    shape.required |= {str(name) for name in schema.required}
    _merge_additional(shape, schema)
    if shape.items is None and schema.declares("items"):
        shape.items = schema.items
    if schema.declares("allOf"):
        for member in schema.all_of:
            _merge(shape, member, owner, seen, depth + 1)
    if schema.declares("oneOf") or schema.declares("anyOf"):
        _merge_alternatives(shape, schema, owner, seen, depth)


def _merge_alternatives(
    shape: Shape, schema: Schema, owner: str | None, seen: set[int], depth: int
) -> None:
    alternatives = []
    for alternative in schema.one_of + schema.any_of:
        if alternative.types == ("null",):
            shape.nullable = True
        else:
            alternatives.append(alternative)
    if len(alternatives) == 1:
        _merge(shape, alternatives[0], owner, seen, depth + 1)
    elif alternatives and not shape.alternatives:
        shape.alternatives = tuple(alternatives)
        shape.alternative_keyword = "oneOf" if schema.one_of else "anyOf"
        _merge_alternative_types(shape, alternatives)


def _merge_types(shape: Shape, schema: Schema) -> None:
    declared = set(schema.types)
    if "null" in declared:
        shape.nullable = True
        declared.discard("null")
    only_null = schema.keyword("type") in ("null", ["null"])
    if not declared and not only_null:
        declared = _implied_types(schema)
        if not declared:
            return
    if shape.types is None:
        shape.types = frozenset(declared)
        return
    both = shape.types & declared
    # An integer is a number: integer in one member and number in another leaves integer.
    if ("number" in shape.types and "integer" in declared) or (
        "integer" in shape.types and "number" in declared
    ):
        both |= {"integer"}
    shape.types = frozenset(both)


def _merge_alternative_types(shape: Shape, alternatives: list[Schema]) -> None:
    """Without a `type` of its own, a oneOf/anyOf allows what its members allow together."""
    if shape.types is not None:
        return
    union: set[str] = set()
    for alternative in alternatives:
        declared = (set(alternative.types) - {"null"}) or _implied_types(alternative)
        if not declared:
            return
        union |= declared
    shape.types = frozenset(union)


def _implied_types(schema: Schema) -> set[str]:
    if any(schema.declares(k) for k in ("properties", "additionalProperties", "required")):
        return {"object"}
    if schema.declares("items"):
        return {"array"}
    values = schema.keyword("enum")
    if not isinstance(values, list) and schema.declares("const"):
        values = [schema.keyword("const")]
    if isinstance(values, list) and values:
        return {json_type(v) for v in values if v is not None}
    return set()


def _merge_values(shape: Shape, schema: Schema) -> None:
    values = schema.keyword("enum")
    if not isinstance(values, list) and schema.declares("const"):
        values = [schema.keyword("const")]
    if isinstance(values, list):
        if None in values:
            shape.nullable = True
        allowed = {canonical(v): v for v in values if v is not None}
        if shape.enum is not None:
            allowed = {k: v for k, v in allowed.items() if k in shape.enum}
        shape.enum = allowed
    if shape.format is None and isinstance(found := schema.keyword("format"), str):
        shape.format = found
    if shape.pattern is None and isinstance(found := schema.keyword("pattern"), str):
        shape.pattern = found


def _merge_limits(shape: Shape, schema: Schema) -> None:
    maximum = _bound(schema, "maximum", "exclusiveMaximum")
    minimum = _bound(schema, "minimum", "exclusiveMinimum")
    shape.maximum = _tighter(shape.maximum, maximum, upper=True)
    shape.minimum = _tighter(shape.minimum, minimum, upper=False)
    for keyword in (*UPPER_LIMITS, *LOWER_LIMITS, "multipleOf"):
        value = schema.keyword(keyword)
        if _is_number(value):
            old = shape.limits.get(keyword)
            if old is None or keyword == "multipleOf":
                shape.limits[keyword] = float(value)
            else:
                tight = min if keyword in UPPER_LIMITS else max
                shape.limits[keyword] = tight(old, float(value))
    if schema.keyword("uniqueItems") is True:
        shape.limits["uniqueItems"] = 1.0


def _bound(schema: Schema, inclusive: str, exclusive: str) -> Bound | None:
    """3.0: `maximum` with `exclusiveMaximum: true`; 3.1: `exclusiveMaximum` is the number."""
    limit, flag = schema.keyword(inclusive), schema.keyword(exclusive)
    found = []
    if _is_number(limit):
        found.append(Bound(float(limit), flag is True))
    if _is_number(flag):
        found.append(Bound(float(flag), True))
    upper = inclusive == "maximum"
    best = None
    for bound in found:
        best = _tighter(best, bound, upper=upper)
    return best


def _tighter(a: Bound | None, b: Bound | None, *, upper: bool) -> Bound | None:
    if a is None or b is None:
        return a or b
    if a.value != b.value:
        return a if a.tighter_than(b, upper=upper) else b
    return Bound(a.value, a.exclusive or b.exclusive)


def _merge_additional(shape: Shape, schema: Schema) -> None:
    if not schema.declares("additionalProperties") and not schema.declares("unevaluatedProperties"):
        return
    extra = schema.additional_properties
    if schema.keyword("unevaluatedProperties") is False:
        extra = False
    if extra is False or shape.additional is False:
        shape.additional = False
    elif not isinstance(extra, bool):
        shape.additional = extra


def _wrapped_component(schema: Schema, depth: int) -> str | None:
    """`allOf: [$ref]` or `anyOf: [$ref, null]` around a component stands for that component."""
    if not any(schema.declares(k) for k in ("allOf", "oneOf", "anyOf")):
        return None
    if depth >= MAX_DEPTH:
        raise TooDeep(schema.component)
    wrapped = [s for s in schema.all_of + schema.one_of + schema.any_of if s.types != ("null",)]
    if len(wrapped) == 1 and not schema.properties:
        return wrapped[0].component or _wrapped_component(wrapped[0], depth + 1)
    return None


def _is_number(value: Any) -> bool:
    return isinstance(value, int | float) and not isinstance(value, bool)
