"""The set-backed registries change how fast openapi-spec-validator is, never what it says."""

from __future__ import annotations

import copy
from typing import Any

import pytest
from openapi_spec_validator import OpenAPIV30SpecValidator, OpenAPIV31SpecValidator

from skifte.registry import Registry
from skifte.spec import read_spec
from skifte.spec._validator_speed import SeenList, adapted, speed_up
from tests.conftest import PROJECT, PROJECT_REGISTRY

CORPUS = PROJECT / "tests" / "generator" / "corpus"


def _documents() -> list[tuple[str, dict[str, Any]]]:
    specs = [r.spec_path for r in Registry(PROJECT_REGISTRY).releases()]
    specs += sorted(CORPUS.glob("*.yaml"))
    return [
        (
            spec.name if spec.parent == CORPUS else str(spec.parent.relative_to(PROJECT)),
            read_spec(spec, validate=False).data,
        )
        for spec in specs
    ]


def _broken(data: dict[str, Any]) -> dict[str, Any]:
    """A copy with errors of every kind the registries touch: bad schemas (one shared by
    reference and by object identity), a duplicate and an unhashable operation id."""
    broken = copy.deepcopy(data)
    schemas = broken.setdefault("components", {}).setdefault("schemas", {})
    shared_bad = {"type": "object", "properties": {"a": {"type": 12}}, "required": "a"}
    schemas["Broken"] = shared_bad
    schemas["BrokenAgain"] = shared_bad  # the same object twice: visited once
    schemas["BrokenRef"] = {"allOf": [{"$ref": "#/components/schemas/Broken"}, {"minimum": "x"}]}
    operations = [
        op
        for item in broken["paths"].values()
        for method, op in item.items()
        if method in ("get", "post", "put", "delete", "patch") and isinstance(op, dict)
    ]
    operations[0]["operationId"] = ["not", "a", "string"]
    operations[1]["operationId"] = ["not", "a", "string"]
    if len(operations) > 3:
        operations[3]["operationId"] = operations[2].get("operationId", "x")
    first_parameter_holder = operations[-1].setdefault("parameters", [])
    first_parameter_holder.append({"name": "p", "in": "query", "schema": {"type": "strin"}})
    return broken


def _report(data: dict[str, Any], adapted_registries: bool) -> list[tuple[str, list[Any]]]:
    validator_cls = (
        OpenAPIV31SpecValidator
        if str(data["openapi"]).startswith("3.1")
        else OpenAPIV30SpecValidator
    )
    validator = validator_cls(data)
    if adapted_registries:
        speed_up(validator)
    return [(str(e.message), list(e.absolute_path)) for e in validator.iter_errors()]


@pytest.mark.parametrize(
    ("label", "data"), _documents(), ids=lambda v: v if isinstance(v, str) else ""
)
def test_same_report_as_the_unpatched_validator(label: str, data: dict[str, Any]) -> None:
    assert _report(data, adapted_registries=True) == _report(data, adapted_registries=False)
    broken = _broken(data)
    expected = _report(broken, adapted_registries=False)
    assert len(expected) >= 3, f"{label}: the injected errors were not all reported"
    assert _report(broken, adapted_registries=True) == expected


def test_the_installed_validator_is_adapted() -> None:
    """A new validator version turns the adapter off; this says so, to re-read its code."""
    assert adapted()
    validator = OpenAPIV30SpecValidator({"openapi": "3.0.3", "info": {}, "paths": {}})
    speed_up(validator)
    registry = validator.keyword_validators_registry
    for keyword, attribute in [
        ("schema", "visited_schema_ids"),
        ("schema", "meta_checked_schema_ids"),
        ("operation", "operation_ids_registry"),
    ]:
        assert isinstance(getattr(registry[keyword], attribute), SeenList)


def test_seen_list_answers_membership_as_a_list_does() -> None:
    seen = SeenList()
    plain: list[Any] = []
    for item in [1, "a", ["x"], {"k": 1}, 1, (2, 3)]:
        assert (item in seen) == (item in plain)
        seen.append(item)
        plain.append(item)
        assert (item in seen) == (item in plain)
    for probe in [2, "b", ["x"], ["y"], {"k": 1}, (2, 3), None]:
        assert (probe in seen) == (probe in plain)
    assert list(seen) == plain
