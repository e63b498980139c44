"""Compositions compared as a user writes them, and the reference ids each change carries."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from skifte.diff import diff_documents
from skifte.spec import read_spec
from tests.diff.conftest import CORPUS, diff_specs


def _doc(
    schema: dict[str, Any], version: str, extra: dict[str, Any] | None = None
) -> dict[str, Any]:
    body = {"content": {"application/json": {"schema": schema}}}
    post = {"operationId": "p", "requestBody": body, "responses": {"204": {"description": "ok"}}}
    a = {"type": "object", "properties": {"a": {"type": "string"}}}
    return {
        "openapi": "3.0.3",
        "info": {"title": "T", "version": version},
        "paths": {"/x": {"post": post}},
        "components": {"schemas": {"A": a, **(extra or {})}},
    }


def _with_member(member: dict[str, Any]) -> dict[str, Any]:
    return {"allOf": [{"$ref": "#/components/schemas/A"}, member]}


def test_a_rewritten_all_of_member_is_no_member_added(tmp_path: Path) -> None:
    base = _doc(_with_member({"properties": {"x": {"type": "string"}}}), "1")
    revision = _doc(_with_member({"properties": {"y": {"type": "integer"}}}), "2")
    found = [(c.id, c.target) for c in diff_specs(tmp_path, base, revision).changes]
    assert found == [("request-property-removed", "x"), ("request-property-added", "y")]


def test_a_new_all_of_member_carries_the_body_id_at_the_root(tmp_path: Path) -> None:
    alone = {"allOf": [{"$ref": "#/components/schemas/A"}]}
    result = diff_specs(tmp_path, _doc(alone, "1"), _doc(_with_member({"required": ["a"]}), "2"))
    by_id = {c.id: c for c in result.changes}
    assert by_id["request-all-of-member-added"].oasdiff == ("request-body-all-of-added",)
    assert by_id["request-property-became-required"].oasdiff == (
        "request-property-became-required",
    )


def test_limits_first_set_carry_the_set_ids() -> None:
    folder = CORPUS / "request-property-max-length-decreased--added"
    result = diff_documents(
        read_spec(folder / "base.yaml", validate=False),
        read_spec(folder / "revision.yaml", validate=False),
        package="pkg",
    )
    (change,) = result.changes
    assert (change.level, change.oasdiff) == ("warning", ("request-property-max-length-set",))


def test_a_maximum_first_set_stays_breaking(tmp_path: Path) -> None:
    def doc(limit: dict[str, Any], version: str) -> dict[str, Any]:
        schema = {"type": "object", "properties": {"beloeb": {"type": "number", **limit}}}
        return _doc(schema, version)

    (change,) = diff_specs(tmp_path, doc({}, "1"), doc({"maximum": 1000}, "2")).changes
    assert (change.id, change.level) == ("request-property-max-decreased", "breaking")
    assert change.oasdiff == ("request-property-max-set",)
