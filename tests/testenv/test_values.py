"""Values made to conform show only what the schema declares, unless it welcomes more."""

from __future__ import annotations

from typing import Any

from skifte.api import Resolver, Schema
from skifte.testenv.values import conform, known_only

COMPONENTS = {
    "components": {
        "schemas": {
            "data": {
                "type": "object",
                "required": ["tekst"],
                "properties": {
                    "tekst": {"type": "string"},
                    "kreditor": {"type": "object", "properties": {"navn": {"type": "string"}}},
                },
            },
            "post": {
                "allOf": [
                    {"$ref": "#/components/schemas/data"},
                    {"type": "object", "properties": {"postId": {"type": "string"}}},
                    {"required": ["postId"]},
                ]
            },
        }
    }
}
DATA = {"$ref": "#/components/schemas/data"}
POST = {"$ref": "#/components/schemas/post"}
SENT = {"tekst": "fiktiv", "kreditor": {"navn": "Fiktiv A/S", "land": "DK"}, "ny": "ukendt"}


def _schema(node: dict[str, Any]) -> Schema:
    return Resolver(COMPONENTS).schema(node)


def test_undeclared_properties_are_dropped_at_every_depth() -> None:
    shown = conform(SENT, _schema(DATA), key="k")
    assert shown == {"tekst": "fiktiv", "kreditor": {"navn": "Fiktiv A/S"}}


def test_an_allof_shows_what_its_parts_declare() -> None:
    shown = conform({**SENT, "postId": "p-1"}, _schema(POST), key="k")
    assert shown == {"tekst": "fiktiv", "kreditor": {"navn": "Fiktiv A/S"}, "postId": "p-1"}


def test_written_additional_properties_are_honoured() -> None:
    props = {"tekst": {"type": "string"}}
    opened = _schema({"type": "object", "properties": props, "additionalProperties": True})
    typed = _schema(
        {"type": "object", "properties": props, "additionalProperties": {"type": "integer"}}
    )
    closed = _schema({"type": "object", "properties": props, "additionalProperties": False})
    assert conform({"tekst": "a", "ny": "b"}, opened, "k") == {"tekst": "a", "ny": "b"}
    assert conform({"tekst": "a", "antal": 3}, typed, "k") == {"tekst": "a", "antal": 3}
    assert conform({"tekst": "a", "ny": "b"}, closed, "k") == {"tekst": "a"}


def test_a_free_form_object_keeps_everything() -> None:
    free = {"a": 1, "b": [2]}
    assert conform(free, _schema({"type": "object"}), "k") == free
    assert conform(free, _schema({"allOf": [{"type": "object"}, {"required": ["a"]}]}), "k") == free


def test_known_only_drops_without_filling_in() -> None:
    stored = known_only({"kreditor": SENT["kreditor"], "ny": "ukendt"}, _schema(POST))
    assert stored == {"kreditor": {"navn": "Fiktiv A/S"}}  # nothing made up for `tekst`
    listed = known_only([{"tekst": "a", "ny": 1}], _schema({"type": "array", "items": DATA}))
    assert listed == [{"tekst": "a"}]
