"""The document datamodel-code-generator reads: only schemas, every one already named.

Component schemas are renamed to their class names, inline bodies the plan hoisted
and inline enums and objects (see `skifte.api.inline_classes`) become components of
their own, so the tool never has to invent (number) a name. Schemas are rewritten
through the one structural walker (`skifte.api.walk`): data such as `enum`,
`default` or `example` values is copied, never read as schemas.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import unquote

from skifte.api.naming import unique
from skifte.api.python_names import PythonNames, enum_member_name, inline_classes_below
from skifte.api.walk import SchemaShapeError, map_schemas
from skifte.spec import escape_token

from .plan import PackagePlan

SCHEMAS = "#/components/schemas/"
# Formats whose pydantic types need extra packages or reject values a server may send.
_LENIENT_FORMATS = {"email", "idn-email", "hostname", "idn-hostname"}
# Keywords about the property rather than its type: they stay where an inline class was.
_FIELD_KEYWORDS = (
    "description",
    "default",
    "deprecated",
    "readOnly",
    "writeOnly",
    "nullable",
    "example",
    "examples",
)
_TYPE_ONLY = {"default", "deprecated", "readOnly", "writeOnly"}


def prepared_document(
    document: Mapping[str, Any], names: PythonNames, plan: PackagePlan
) -> tuple[dict[str, Any], dict[str, str]]:
    """(document for the tool, class name → JSON pointer of its schema in the spec)."""
    wire_schemas = (document.get("components") or {}).get("schemas") or {}
    owners: list[tuple[str, Any, str | None]] = [
        (names.classes[w], raw, f"{SCHEMAS}{escape_token(w)}")
        for w, raw in sorted(wire_schemas.items())
    ]
    # Only ever a whole multipart body (see the plan): its inline classes, not itself.
    classless = {names.classes[w] for w in wire_schemas if w not in plan.classes}
    hoisted = [(h.name, h.schema.written()) for h in plan.hoisted]
    hoisted_keys = {h.name: h.schema.key for h in plan.hoisted}
    owners += [(name, raw, None) for name, raw in hoisted]  # located if need be
    inline = list(names.inline_classes)
    taken = {*names.classes.values(), *(c.name for c in inline), *(h.name for h in plan.hoisted)}
    inline += inline_classes_below(hoisted, taken)
    hoist: dict[str, dict[str, str]] = {}
    for found in inline:
        hoist.setdefault(found.owner, {})[found.pointer] = found.name
    renames = {escape_token(w): c for w, c in names.classes.items()}

    schemas: dict[str, Any] = {}
    where: dict[str, str] = {}
    for name, raw, base in owners:
        extracted: dict[str, Any] = {}
        at = base or "#"
        places = {at + rel.removeprefix("#"): n for rel, n in hoist.get(name, {}).items()}
        # Pointers are the spec's own, so a SchemaShapeError names the place in the file.
        try:
            rewritten = map_schemas(raw, _Rewrite(renames, places, extracted), at)
        except SchemaShapeError as exc:
            if base is not None:
                raise
            body = _locate(document, hoisted_keys[name])
            raise SchemaShapeError(exc.reason, body + exc.pointer[1:]) from None
        if name not in classless:
            schemas[name] = rewritten
        schemas.update(extracted)
        if base is not None:
            where[name] = base
            where.update({n: p for p, n in places.items()})
    components = dict(document.get("components") or {})
    components["schemas"] = dict(sorted(schemas.items()))
    prepared = {"openapi": document["openapi"], "info": document["info"], "paths": {}}
    return prepared | {"components": components}, where


class _Rewrite:
    """The change made to each schema object, children first (see `map_schemas`)."""

    def __init__(
        self, renames: dict[str, str], hoist: dict[str, str], extracted: dict[str, Any]
    ) -> None:
        self._renames = renames
        self._hoist = hoist
        self._extracted = extracted

    def __call__(self, schema: dict[str, Any], pointer: str) -> dict[str, Any]:
        ref = schema.get("$ref")
        if isinstance(ref, str):
            schema["$ref"] = self._renamed(ref)
        discriminator = schema.get("discriminator")
        if isinstance(discriminator, dict) and isinstance(discriminator.get("mapping"), dict):
            discriminator["mapping"] = {
                key: self._renamed(value) if isinstance(value, str) else value
                for key, value in discriminator["mapping"].items()
            }
        enum = schema.get("enum")
        if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
            schema["x-enum-varnames"] = unique([enum_member_name(v) for v in enum], sep="_")
        if isinstance(schema.get("format"), str) and schema["format"] in _LENIENT_FORMATS:
            del schema["format"]
        if schema.get("additionalProperties") is False:
            # Responses stay readable when a newer release adds a property; what a
            # caller types is checked by the models' own __init__ (models_code).
            del schema["additionalProperties"]
        name = self._hoist.get(pointer)
        if name is None:
            return schema
        self._extracted[name] = {k: v for k, v in schema.items() if k not in _TYPE_ONLY}
        stub = {"$ref": f"{SCHEMAS}{name}"}
        return stub | {k: schema[k] for k in _FIELD_KEYWORDS if k in schema}

    def _renamed(self, ref: str) -> str:
        if not ref.startswith(SCHEMAS):
            return ref
        token, slash, rest = ref[len(SCHEMAS) :].partition("/")
        new = self._renames.get(token) or self._renames.get(unquote(token))
        return ref if new is None else f"{SCHEMAS}{new}{slash}{rest}"


def _locate(document: Mapping[str, Any], key: int) -> str:
    """The JSON pointer of a node of the document (an inline body the plan hoisted), by its
    key (`Schema.key`)."""
    stack: list[tuple[str, Any]] = [("#", document)]
    while stack:
        pointer, node = stack.pop()
        if id(node) == key:
            return pointer
        if isinstance(node, Mapping):
            stack += [(f"{pointer}/{escape_token(str(k))}", v) for k, v in node.items()]
        elif isinstance(node, list):
            stack += [(f"{pointer}/{i}", v) for i, v in enumerate(node)]
    return "#"
