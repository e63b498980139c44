"""Contract violations the stand-in commits on purpose, to prove the contract tests catch them.

`--fault NAME` applies to every operation, `--fault NAME:operationId` to one.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from skifte.api import Schema


@dataclass(frozen=True)
class Fault:
    name: str
    description: str
    check: str
    """The contract check expected to catch it: a schemathesis check, or the toolkit's own
    `total_count_header` (the specs declare X-Total-Count without `required: true`, so
    schemathesis alone would not miss it)."""


FAULTS: tuple[Fault, ...] = (
    Fault(
        "drop-required-property",
        "drop a required property from JSON response bodies",
        "response_schema_conformance",
    ),
    Fault(
        "undeclared-enum-value",
        "answer an enum value the specification does not declare",
        "response_schema_conformance",
    ),
    Fault(
        "wrong-content-type", "send JSON response bodies as text/plain", "content_type_conformance"
    ),
    Fault(
        "server-error", "answer 500 instead of the declared success response", "not_a_server_error"
    ),
    Fault(
        "missing-total-count",
        "omit the X-Total-Count header from paged list responses",
        "total_count_header",
    ),
    Fault("slow-response", "answer every request after a delay of 6 seconds", "max_response_time"),
)
SLOW_SECONDS = 6.0
"""Longer than a contract run allows the local stand-in (5 s): a busy machine is no fault."""
UNDECLARED = "UDOKUMENTERET_VAERDI"


@dataclass(frozen=True)
class ActiveFault:
    name: str
    operation_id: str | None = None

    @classmethod
    def parse(cls, text: str) -> ActiveFault:
        name, _, target = text.partition(":")
        if name not in {f.name for f in FAULTS}:
            known = ", ".join(f.name for f in FAULTS)
            raise ValueError(f"unknown fault {name!r}; known faults: {known}")
        return cls(name, target or None)

    def applies(self, operation_id: str | None) -> bool:
        return self.operation_id is None or self.operation_id == operation_id


def drop_required(body: Any, schema: Schema | None) -> Any:
    """Remove the first required property found (in an object, or every array item)."""
    if schema is None:
        return body
    if isinstance(body, list) and schema.items is not None:
        return [drop_required(item, schema.items) for item in body]
    if isinstance(body, dict):
        for prop in sorted(schema.merged_required()):
            if prop in body:
                return {k: v for k, v in body.items() if k != prop}
    return body


def undeclared_enum(body: Any, schema: Schema | None, depth: int = 0) -> Any:
    """Replace the first enum-typed value found with one the schema does not allow."""
    if schema is None or depth > 5:
        return body
    if isinstance(body, list) and schema.items is not None:
        return [undeclared_enum(item, schema.items, depth + 1) for item in body]
    if isinstance(body, dict):
        props = schema.merged_properties()
        for prop, sub in props.items():
            if prop in body and sub.enum and all(isinstance(v, str) for v in sub.enum):
                return {**body, prop: UNDECLARED}
        for prop, sub in props.items():
            if isinstance(body.get(prop), dict | list):
                changed = undeclared_enum(body[prop], sub, depth + 1)
                if changed != body[prop]:
                    return {**body, prop: changed}
    return body
