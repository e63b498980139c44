"""A read-only view of a JSON Schema inside a spec, following `$ref`s on demand.

Views are lazy, so recursive schemas cost nothing until walked; a walker that
must stop on cycles compares `ref`s (the component a view came from).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any
from urllib.parse import unquote

from skifte.spec import unescape_token

COMPONENT_SCHEMAS = "#/components/schemas/"


class Resolver:
    """Looks up local `$ref`s in one document (the loader has checked they all resolve)."""

    def __init__(self, document: Mapping[str, Any]) -> None:
        self._document = document

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


@dataclass(frozen=True, eq=False)
class Schema:
    """Views are built once per node and kept: the document under them never changes."""

    raw: Mapping[str, Any] = field(repr=False)
    ref: str | None
    """The `$ref` this view was reached through, e.g. `#/components/schemas/krav`."""
    resolver: Resolver = field(repr=False)

    @property
    def component(self) -> str | None:
        """The component schema's name, when this view is one."""
        if self.ref and self.ref.startswith(COMPONENT_SCHEMAS):
            return unescape_token(unquote(self.ref[len(COMPONENT_SCHEMAS) :]))
        return None

    @cached_property
    def types(self) -> tuple[str, ...]:
        """The JSON types allowed (3.1 lists; 3.0 `nullable` adds "null")."""
        declared = self.raw.get("type")
        types = list(declared) if isinstance(declared, list) else [declared] if declared else []
        if self.raw.get("nullable") is True and "null" not in types:
            types.append("null")
        return tuple(str(t) for t in types)

    @property
    def nullable(self) -> bool:
        return "null" in self.types or any(s.types == ("null",) for s in self.any_of + self.one_of)

    @property
    def format(self) -> str | None:
        value = self.raw.get("format")
        return str(value) if value is not None else None

    @cached_property
    def enum(self) -> tuple[Any, ...] | None:
        values = self.raw.get("enum")
        if isinstance(values, list):
            return tuple(values)
        if "const" in self.raw:
            return (self.raw["const"],)
        return None

    @cached_property
    def properties(self) -> dict[str, Schema]:
        props = self.raw.get("properties")
        if not isinstance(props, Mapping):  # malformed: the generator reports where
            return {}
        return {name: self.resolver.schema(node) for name, node in props.items()}

    @cached_property
    def required(self) -> frozenset[str]:
        required = self.raw.get("required")
        return (
            frozenset(r for r in required if isinstance(r, str))
            if isinstance(required, list)
            else frozenset()
        )

    @cached_property
    def items(self) -> Schema | None:
        node = self.raw.get("items")
        return self.resolver.schema(node) if isinstance(node, Mapping) else None

    @cached_property
    def additional_properties(self) -> bool | Schema:
        node = self.raw.get("additionalProperties", True)
        return self.resolver.schema(node) if isinstance(node, Mapping) else bool(node)

    @property
    def declares_additional_properties(self) -> bool:
        """Whether `additionalProperties` is written, rather than left to its default (any)."""
        return "additionalProperties" in self.raw

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
        disc = self.raw.get("discriminator")
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
        return self.raw.get(name, default)

    def _list(self, keyword: str) -> tuple[Schema, ...]:
        nodes = self.raw.get(keyword)
        return tuple(self.resolver.schema(n) for n in nodes) if isinstance(nodes, list) else ()
