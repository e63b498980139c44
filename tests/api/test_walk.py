"""The structural schema walker: keywords by position, data never read as schemas."""

from __future__ import annotations

from typing import Any

import pytest

from skifte.api.walk import SchemaShapeError, iter_schemas, map_schemas

KEYWORDS = ["format", "type", "items", "enum", "default", "required", "properties"]
KEYWORDS += ["nullable", "$ref", "allOf", "title", "description", "example"]


def _schema() -> dict[str, Any]:
    return {
        "type": "object",
        "properties": {k: {"type": "string", "example": {k: k}} for k in KEYWORDS},
        "allOf": [{"properties": {"format": {"items": {"enum": [{"format": "email"}]}}}}],
        "default": {"properties": {"$ref": "#/nowhere"}, "format": {"a": 1}},
        "x-data": {"items": {"format": "email"}},
    }


def test_only_schema_positions_are_visited() -> None:
    pointers = [p for p, _ in iter_schemas(_schema())]
    assert "#/properties/format" in pointers and "#/properties/$ref" in pointers
    assert "#/allOf/0/properties/format/items" in pointers
    # the `properties` map itself, data under default/example/enum/x-… are not schemas
    assert "#/properties" not in pointers
    assert "#/properties/default" in pointers and "#/properties/example" in pointers
    data = ("#/default", "#/x-data", "#/properties/format/example", "/enum/")
    assert not [p for p in pointers if any(d in p for d in data)]


def test_rewrite_reaches_schemas_and_copies_data_untouched() -> None:
    original = _schema()

    def drop_format(schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        schema.pop("format", None)
        return schema | {"x-at": pointer}

    out = map_schemas(original, drop_format, "#/components/schemas/K")
    assert set(out["properties"]) == set(KEYWORDS)  # a property called format stays
    assert out["properties"]["format"]["x-at"] == "#/components/schemas/K/properties/format"
    assert out["default"] == original["default"] and out["x-data"] == original["x-data"]
    assert out["allOf"][0]["properties"]["format"]["items"]["enum"] == [{"format": "email"}]
    assert out["properties"]["$ref"]["example"] == {"$ref": "$ref"}
    assert original == _schema()  # the input is never changed
    out["default"]["format"]["a"] = 2
    assert original["default"]["format"]["a"] == 1  # data is copied, not shared


@pytest.mark.parametrize(
    ("schema", "pointer"),
    [
        ({"properties": ["a"]}, "#/x/properties"),
        ({"allOf": {"a": {}}}, "#/x/allOf"),
        ({"properties": {"a": {"items": 3}}}, "#/x/properties/a/items"),
        ({"properties": {"a/b": {"not": "x"}}}, "#/x/properties/a~1b/not"),
    ],
)
def test_a_malformed_schema_names_its_place(schema: dict[str, Any], pointer: str) -> None:
    with pytest.raises(SchemaShapeError) as error:
        map_schemas(schema, lambda s, p: s, "#/x")
    assert error.value.pointer == pointer
    assert pointer in str(error.value)
