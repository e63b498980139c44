"""Component schemas that only ever describe a whole multipart request body.

A client takes the parts of a multipart body as keyword arguments (a file with its
name, the other fields), never as one object, so a model class for such a schema would
be used by nothing. These are the schemas that are a multipart body of an operation
without a JSON alternative, and that nothing else refers to: no other schema, no
parameter, response or JSON body. A schema that nothing refers to at all is not one of
them: it is part of the API's vocabulary (webhook payloads, for instance).
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from urllib.parse import unquote

from skifte.spec import unescape_token

from .model import Api, Operation
from .schema import Schema
from .schema_text import COMPONENT_SCHEMAS
from .walk import iter_schemas


def form_only_components(api: Api) -> frozenset[str]:
    """Names of the component schemas used only as a whole multipart request body."""
    forms = {
        schema.component
        for op in api.operations
        if (schema := _form_schema(op)) is not None and schema.component is not None
    }
    if not forms:
        return frozenset()
    used: set[str] = set()
    for name, schema in api.schemas.items():
        used |= _references(schema) - {name}
    for op in api.operations:
        for schema in _uses(op):
            used |= {schema.component} if schema.component else set()
            used |= _references(schema)
    return frozenset(forms - used)


def _form_schema(op: Operation) -> Schema | None:
    """The multipart body a client takes as keyword arguments (JSON wins when offered)."""
    if op.request_body is None or any(m.is_json for m in op.request_body.content):
        return None
    media = next((m for m in op.request_body.content if m.name.startswith("multipart/")), None)
    return None if media is None else media.schema


def _uses(op: Operation) -> Iterator[Schema]:
    """Every schema the operation names directly; of its form body, the parts."""
    form = _form_schema(op)
    schemas = [p.schema for p in op.parameters]
    schemas += [m.schema for m in op.request_body.content] if op.request_body else []
    for response in op.responses:
        schemas += [m.schema for m in response.content] + [h.schema for h in response.headers]
    for schema in schemas:
        if schema is form and form is not None:
            yield from form.properties.values()
        elif schema is not None:
            yield schema


def _references(schema: Schema) -> set[str]:
    """Component names referred to below a schema (not the one it is)."""
    found: set[str] = set()
    for _, node in iter_schemas(schema._raw):
        refs = [node["$ref"]] if isinstance(node.get("$ref"), str) else []
        mapping = (node.get("discriminator") or {}).get("mapping")
        refs += (
            [v for v in mapping.values() if isinstance(v, str)]
            if isinstance(mapping, Mapping)
            else []
        )
        for ref in refs:
            if ref.startswith(COMPONENT_SCHEMAS):
                # The component the ref points into: its first step (a ref may reach deeper).
                found.add(unescape_token(unquote(ref[len(COMPONENT_SCHEMAS) :].split("/", 1)[0])))
    return found
