"""Flattened schemas: one view of what a schema accepts, however the spec spelled it."""

from __future__ import annotations

from typing import Any

from skifte.api import Resolver
from skifte.diff.shape import Bound, build_shape


def _shape(node: dict[str, Any], schemas: dict[str, Any] | None = None) -> Any:
    document = {"components": {"schemas": schemas or {}}}
    return build_shape(Resolver(document).schema(node))


def test_nullable_spellings_agree() -> None:
    spellings: list[dict[str, Any]] = [
        {"type": "string", "nullable": True},
        {"type": ["string", "null"]},
        {"anyOf": [{"type": "string"}, {"type": "null"}]},
        {"oneOf": [{"type": "null"}, {"type": "string"}]},
    ]
    shapes = [_shape(s) for s in spellings]
    assert {(s.types, s.nullable, s.alternatives) for s in shapes} == {
        (frozenset({"string"}), True, ())
    }


def test_all_of_merges_properties_required_and_limits() -> None:
    schemas = {"base": {"type": "object", "required": ["a"], "properties": {"a": {}}}}
    shape = _shape(
        {
            "allOf": [
                {"$ref": "#/components/schemas/base"},
                {"required": ["b"], "properties": {"b": {}}, "maxProperties": 5},
            ],
            "maxProperties": 3,
        },
        schemas,
    )
    assert set(shape.properties) == {"a", "b"} and shape.required == {"a", "b"}
    assert shape.properties["a"].declared_in == "base" and shape.properties["b"].declared_in is None
    assert shape.limits["maxProperties"] == 3 and shape.types == frozenset({"object"})


def test_exclusive_bounds_in_both_versions() -> None:
    assert _shape({"minimum": 1, "exclusiveMinimum": True}).minimum == Bound(1, True)
    assert _shape({"exclusiveMinimum": 1}).minimum == Bound(1, True)
    assert _shape({"maximum": 5, "exclusiveMaximum": 4}).maximum == Bound(4, True)


def test_types_are_inferred_where_the_spec_leaves_them_out() -> None:
    assert _shape({"properties": {"a": {}}}).types == frozenset({"object"})
    assert _shape({"items": {}}).types == frozenset({"array"})
    assert _shape({"enum": ["a", 1]}).types == frozenset({"string", "integer"})
    assert _shape({}).types is None
    assert _shape({"allOf": [{"type": "number"}, {"type": "integer"}]}).types == frozenset(
        {"integer"}
    )


def test_a_wrapper_stands_for_its_component() -> None:
    schemas = {"x": {"type": "object"}}
    wrapped = _shape({"allOf": [{"$ref": "#/components/schemas/x"}], "nullable": True}, schemas)
    assert wrapped.component == "x" and wrapped.nullable
