"""The engine on the hard cases: cycles, shared schemas, one change per operation, 3.0 vs 3.1."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tests.diff.conftest import diff_specs


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _get(op_id: str, schema: dict[str, Any], *statuses: str) -> dict[str, Any]:
    content = {"application/json": {"schema": schema}}
    return {
        "get": {
            "operationId": op_id,
            "responses": {
                s: {"description": "ok", "content": content} for s in statuses or ("200",)
            },
        }
    }


def _doc(paths: dict[str, Any], schemas: dict[str, Any], openapi: str = "3.0.3") -> dict[str, Any]:
    return {
        "openapi": openapi,
        "info": {"title": "Prøve", "version": "1"},
        "paths": paths,
        "components": {"schemas": schemas},
    }


def _cycle(x_type: str) -> dict[str, Any]:
    schemas = {
        "a": {"type": "object", "properties": {"b": _ref("b"), "x": {"type": x_type}}},
        "b": {"type": "object", "properties": {"a": _ref("a")}},
    }
    return _doc({"/a": _get("getA", _ref("a")), "/b": _get("getB", _ref("b"))}, schemas)


def test_a_change_in_a_cycle_reaches_every_operation(tmp_path: Path) -> None:
    """getB reaches a.x only through the cycle b → a → b that the walk of getA cut."""
    result = diff_specs(tmp_path, _cycle("string"), _cycle("integer"))
    found = sorted((c.operation_id, c.id, c.target) for c in result.changes)
    assert found == [
        ("getA", "response-property-type-changed", "a.x"),
        ("getB", "response-property-type-changed", "a.x"),
    ]


def test_self_recursion_terminates_and_reports_once(tmp_path: Path) -> None:
    def tree(extra: bool) -> dict[str, Any]:
        node: dict[str, Any] = {
            "type": "object",
            "properties": {"children": {"type": "array", "items": _ref("node")}},
        }
        if extra:
            node["properties"]["label"] = {"type": "string"}
        return _doc({"/t": _get("getTree", _ref("node"))}, {"node": node}, openapi="3.1.0")

    result = diff_specs(tmp_path, tree(False), tree(True))
    assert [(c.id, c.target) for c in result.changes] == [("response-property-added", "node.label")]


def test_one_change_per_operation_however_often_it_is_reached(tmp_path: Path) -> None:
    def doc(status: list[str]) -> dict[str, Any]:
        schemas = {"s": {"type": "object", "properties": {"v": {"type": "string", "enum": status}}}}
        paths = _get("getS", _ref("s"), "200", "201")
        paths["get"]["responses"]["203"] = {
            "description": "liste",
            "content": {"application/json": {"schema": {"type": "array", "items": _ref("s")}}},
        }
        return _doc({"/s": paths}, schemas)

    result = diff_specs(tmp_path, doc(["A"]), doc(["A", "B"]))
    assert [(c.operation_id, c.id, c.target) for c in result.changes] == [
        ("getS", "response-enum-value-added", "s.v=B")
    ]


def test_migrating_3_0_spellings_to_3_1_changes_nothing(tmp_path: Path) -> None:
    old = {
        "type": "object",
        "properties": {
            "n": {"type": "number", "minimum": 0, "exclusiveMinimum": True, "nullable": True},
            "e": {"type": "string", "enum": ["A"]},
        },
    }
    new = {
        "type": "object",
        "properties": {
            "n": {"type": ["number", "null"], "exclusiveMinimum": 0},
            "e": {"const": "A"},
        },
    }
    base = _doc({"/x": _get("getX", _ref("x"))}, {"x": old})
    revision = _doc({"/x": _get("getX", _ref("x"))}, {"x": new}, openapi="3.1.0")
    assert diff_specs(tmp_path, base, revision).changes == ()


def test_a_removed_request_property_is_a_warning(
    tmp_path: Path,
) -> None:
    def doc(props: list[str]) -> dict[str, Any]:
        body = {
            "required": True,
            "content": {
                "application/json": {
                    "schema": {
                        "type": "object",
                        "properties": {p: {"type": "integer"} for p in props},
                    }
                }
            },
        }
        post = {
            "operationId": "post",
            "requestBody": body,
            "responses": {"204": {"description": "ok"}},
        }
        return _doc({"/p": {"post": post}}, {})

    result = diff_specs(tmp_path, doc(["a", "b"]), doc(["a"]))
    assert [(c.id, c.level, c.target, c.affects) for c in result.changes] == [
        ("request-property-removed", "warning", "b", ("pkg.client.Client.post",))
    ]


def test_renames_need_one_unambiguous_pairing(tmp_path: Path) -> None:
    def doc(props: list[str]) -> dict[str, Any]:
        schema = {"type": "object", "properties": {p: {"type": "string"} for p in props}}
        return _doc({"/r": _get("getR", _ref("r"))}, {"r": schema})

    two_for_one = diff_specs(tmp_path, doc(["a"]), doc(["b", "c"]))
    assert sorted(c.id for c in two_for_one.changes) == [
        "response-optional-property-removed",
        "response-property-added",
        "response-property-added",
    ]
    one_for_one = diff_specs(tmp_path, doc(["a", "x"]), doc(["b", "x"]))
    assert [c.id for c in one_for_one.changes] == ["property-renamed"]


def test_inline_alternatives_pair_by_likeness_not_position(tmp_path: Path) -> None:
    person: dict[str, Any] = {
        "type": "object",
        "properties": {"cpr": {"type": "string"}, "navn": {"type": "string"}},
    }
    firma: dict[str, Any] = {
        "type": "object",
        "properties": {"cvr": {"type": "string"}, "navn": {"type": "string"}},
    }
    dyr: dict[str, Any] = {
        "type": "object",
        "properties": {"art": {"type": "string"}, "alder": {"type": "integer"}},
    }

    def doc(members: list[dict[str, Any]]) -> dict[str, Any]:
        return _doc({"/e": _get("getE", {"oneOf": members})}, {})

    moved = {**firma, "properties": {**firma["properties"], "by": {"type": "string"}}}
    result = diff_specs(tmp_path, doc([person, firma, dyr]), doc([moved, person]))
    assert sorted((c.id, c.target) for c in result.changes) == [
        ("response-alternative-removed", "body"),
        ("response-property-added", "by"),
    ]
