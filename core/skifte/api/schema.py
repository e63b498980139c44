"""A read-only view of a JSON Schema inside a spec, following `$ref`s on demand.

Views are lazy, so recursive schemas cost nothing until walked; a walker that
must stop on cycles compares `ref`s (the component a view came from).
"""

from __future__ import annotations

import copy
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import unquote

from skifte.spec import unescape_token

from .schema_text import COMPONENT_SCHEMAS, RefsMemo, SchemaText


class Resolver:
    """Looks up local `$ref`s in one document (the loader has checked they all resolve)."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document
        self._refs: RefsMemo = {}

    def lookup(self, ref: str) -> Any:
        node: Any = self._document
        body = unquote(ref).removeprefix("#").lstrip("/")
        for token in body.split("/") if body else []:
            token = unescape_token(token)
            node = node[int(token)] if isinstance(node, list) else node[token]
        return node

    def resolve(self, node: Any) -> tuple[Any, str | None]:
        """Follow a chain of `$ref`s; return the target and the last ref followed."""
        ref = None
        seen: set[str] = set()
        while isinstance(node, Mapping) and isinstance(node.get("$ref"), str):
            ref = node["$ref"]
            if ref in seen:  # a $ref cycle with no schema in it: treat as empty
                return {}, ref
            seen.add(ref)
            node = self.lookup(ref)
        return node, ref

    def schema(self, node: Any) -> Schema:
        raw, ref = self.resolve(node)
        return Schema(raw if isinstance(raw, Mapping) else {}, ref, self)

    def text(self, node: Any) -> SchemaText:
        return SchemaText(node, self._refs)

    def component_text(self, name: str) -> SchemaText | None:
        """A component schema's text as written (a `$ref` in it not followed), if there is one."""
        try:
            return self.text(self.lookup(COMPONENT_SCHEMAS + name))
        except (KeyError, IndexError, TypeError):
            return None


@dataclass(frozen=True, eq=False)
class Schema:
    """Views are built once per node and kept: the document under them never changes.

    Only `skifte.api` reads the node itself; everyone else asks the view.
    """

    _raw: Mapping[str, Any] = field(repr=False)
    ref: str | None
    """The `$ref` this view was reached through, e.g. `#/components/schemas/krav`."""
    resolver: Resolver = field(repr=False)

    @property
    def key(self) -> int:
        """Which node of the document this view shows: views of one node share it.

        Stable while the model of the API lives (the model keeps the document).
        """
        return id(self._raw)

    @property
    def text(self) -> SchemaText:
        return self.resolver.text(self._raw)

    def declares(self, keyword: str) -> bool:
        """Whether `keyword` is written here, rather than left to its default."""
        return keyword in self._raw

    def written(self, without: Collection[str] = ()) -> Any:
        """A copy of the schema as written (`$ref`s inside not followed), for tools that
        take JSON Schema whole; keys in `without` are left out at every level."""
        if not without:
            return copy.deepcopy(self._raw)
        return _copy_without(self._raw, without)

    @property
    def component(self) -> str | None:
        """The component schema's name, when this view is one."""
        if self.ref and self.ref.startswith(COMPONENT_SCHEMAS):
            return unescape_token(unquote(self.ref[len(COMPONENT_SCHEMAS) :]))
        return None

    @cached_property
    def types(self) -> tuple[str, ...]:
        """The JSON types allowed (3.1 lists; 3.0 `nullable` adds "null")."""
        declared = self._raw.get("type")
        types = list(declared) if isinstance(declared, list) else [declared] if declared else []
        if self._raw.get("nullable") is True and "null" not in types:
            types.append("null")
        return tuple(str(t) for t in types)

    @property
    def nullable(self) -> bool:
        return "null" in self.types or any(s.types == ("null",) for s in self.any_of + self.one_of)

    @property
    def format(self) -> str | None:
        value = self._raw.get("format")
        return str(value) if value is not None else None

    @cached_property
    def enum(self) -> tuple[Any, ...] | None:
        values = self._raw.get("enum")
        if isinstance(values, list):
            return tuple(values)
        if "const" in self._raw:
            return (self._raw["const"],)
        return None

    @cached_property
    def properties(self) -> dict[str, Schema]:
        props = self._raw.get("properties")
        if not isinstance(props, Mapping):  # malformed: the generator reports where
            return {}
        return {name: self.resolver.schema(node) for name, node in props.items()}

    @cached_property
    def required(self) -> frozenset[str]:
        required = self._raw.get("required")
        return (
            frozenset(r for r in required if isinstance(r, str))
            if isinstance(required, list)
            else frozenset()
        )

    @cached_property
    def items(self) -> Schema | None:
        node = self._raw.get("items")
        return self.resolver.schema(node) if isinstance(node, Mapping) else None

    @cached_property
    def additional_properties(self) -> bool | Schema:
        node = self._raw.get("additionalProperties", True)
        return self.resolver.schema(node) if isinstance(node, Mapping) else bool(node)

    @property
    def declares_additional_properties(self) -> bool:
        """Whether `additionalProperties` is written, rather than left to its default (any)."""
        return "additionalProperties" in self._raw

    @cached_property
    def all_of(self) -> tuple[Schema, ...]:
        return self._list("allOf")

    @cached_property
    def one_of(self) -> tuple[Schema, ...]:
        return self._list("oneOf")

    @cached_property
    def any_of(self) -> tuple[Schema, ...]:
        return self._list("anyOf")

    @property
    def discriminator(self) -> str | None:
        disc = self._raw.get("discriminator")
        return str(disc["propertyName"]) if isinstance(disc, Mapping) else None

    def merged_properties(self) -> dict[str, Schema]:
        """Own properties and those of `allOf` parts: what an object of this schema may hold."""
        props = dict(self.properties)
        for part in self.all_of:
            props.update(part.merged_properties())
        return props

    def merged_required(self) -> frozenset[str]:
        """Own `required` and that of every `allOf` part."""
        required = set(self.required)
        for part in self.all_of:
            required |= part.merged_required()
        return frozenset(required)

    def keyword(self, name: str, default: Any = None) -> Any:
        """Any other keyword as written (minimum, pattern, readOnly, ...)."""
        return self._raw.get(name, default)

    def _list(self, keyword: str) -> tuple[Schema, ...]:
        nodes = self._raw.get(keyword)
        return tuple(self.resolver.schema(n) for n in nodes) if isinstance(nodes, list) else ()


def _copy_without(node: Any, without: Collection[str]) -> Any:
    if isinstance(node, Mapping):
        return {k: _copy_without(v, without) for k, v in node.items() if k not in without}
    if isinstance(node, list):
        return [_copy_without(v, without) for v in node]
    return node
