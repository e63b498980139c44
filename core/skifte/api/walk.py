"""Walk raw JSON Schemas by their structure, the one way the project reads or rewrites them.

A schema's keywords say what their values are: `properties` maps property names to
schemas, `allOf` lists schemas, `items` is a schema, while `enum`, `const`,
`default`, `example(s)` and every other keyword (`x-…` included) are data. Only
schema positions are visited, so a property called `format`, `$ref` or `enum`
is never mistaken for a keyword, and data is copied, never rewritten.
"""

from __future__ import annotations

import copy
from collections.abc import Callable, Iterator, Mapping
from typing import Any

from skifte.spec import escape_token

SCHEMA_MAPS = frozenset(
    {"properties", "patternProperties", "$defs", "definitions", "dependentSchemas"}
)
"""Keywords whose value maps names (not keywords) to schemas."""
SCHEMA_LISTS = frozenset({"allOf", "anyOf", "oneOf", "prefixItems"})
SCHEMA_VALUES = frozenset(
    {
        "items",  # a list of schemas in older drafts: handled as a list
        "additionalItems",
        "additionalProperties",
        "unevaluatedItems",
        "unevaluatedProperties",
        "propertyNames",
        "contentSchema",
        "not",
        "if",
        "then",
        "else",
        "contains",
    }
)


class SchemaShapeError(ValueError):
    """A keyword that holds schemas holds something else; `pointer` says where."""

    def __init__(self, message: str, pointer: str) -> None:
        super().__init__(f"{message} at {pointer}")
        self.reason = message
        self.pointer = pointer


def child_schemas(schema: Mapping[str, Any], pointer: str) -> Iterator[tuple[str, Any]]:
    """The (pointer, node) of every schema directly inside `schema`, in document order.

    Boolean schemas (`true`/`false`) are yielded as they are; anything else where a
    schema must be raises `SchemaShapeError`.
    """
    for key, value in schema.items():
        here = f"{pointer}/{escape_token(key)}"
        if key in SCHEMA_MAPS:
            if not isinstance(value, Mapping):
                raise SchemaShapeError(f"`{key}` must map names to schemas", here)
            for name, node in value.items():
                yield f"{here}/{escape_token(str(name))}", _schema(node, here, name)
        elif key in SCHEMA_LISTS or (key == "items" and isinstance(value, list)):
            if not isinstance(value, list):
                raise SchemaShapeError(f"`{key}` must be a list of schemas", here)
            for index, node in enumerate(value):
                yield f"{here}/{index}", _schema(node, here, index)
        elif key in SCHEMA_VALUES:
            yield here, _schema(value, pointer, key)


def _schema(node: Any, parent: str, name: object) -> Any:
    if isinstance(node, Mapping | bool):
        return node
    raise SchemaShapeError("expected a schema", f"{parent}/{escape_token(str(name))}")


def iter_schemas(schema: Any, pointer: str = "#") -> Iterator[tuple[str, Mapping[str, Any]]]:
    """Every schema object at or below `schema` (pre-order), with its JSON pointer."""
    stack = [(pointer, schema)]
    while stack:
        here, node = stack.pop()
        if not isinstance(node, Mapping):
            continue
        yield here, node
        stack.extend(reversed(list(child_schemas(node, here))))


Rewrite = Callable[[dict[str, Any], str], dict[str, Any]]


def map_schemas(schema: Any, rewrite: Rewrite, pointer: str = "#") -> Any:
    """A copy of `schema` with `rewrite(copy, pointer)` applied to every schema object.

    Children are rewritten first; `rewrite` gets a fresh dict it may change and
    returns the schema to put in its place. Data keywords are deep-copied untouched.
    """
    if not isinstance(schema, Mapping):
        return copy.deepcopy(schema)
    children = dict(child_schemas(schema, pointer))  # checks the shape, names the place
    out: dict[str, Any] = {}
    for key, value in schema.items():
        here = f"{pointer}/{escape_token(key)}"
        if key in SCHEMA_MAPS:
            out[key] = {}
            for name in value:
                at = f"{here}/{escape_token(str(name))}"
                out[key][name] = map_schemas(children[at], rewrite, at)
        elif key in SCHEMA_LISTS or (key == "items" and isinstance(value, list)):
            out[key] = [
                map_schemas(children[f"{here}/{i}"], rewrite, f"{here}/{i}")
                for i in range(len(value))
            ]
        elif key in SCHEMA_VALUES:
            out[key] = map_schemas(children[here], rewrite, here)
        else:
            out[key] = copy.deepcopy(value)
    return rewrite(out, pointer)
