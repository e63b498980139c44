"""Hostile documents against the diff: schemas linked to blow up the walk, nesting to break it."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any, ClassVar

import pytest
from typer.testing import CliRunner

from skifte.api import Schema
from skifte.cli import app
from skifte.diff import diff_documents, engine
from skifte.diff.rules.schemas import Direction, SchemaWalk, Walked
from skifte.spec import SpecDocument, parse_spec

HOSTILE = Path(__file__).parent / "diff"
runner = CliRunner()


def _run(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    if result.exception is not None and not isinstance(result.exception, SystemExit):
        raise result.exception
    return result.exit_code, result.stdout + result.stderr


def _ref(name: str) -> dict[str, str]:
    return {"$ref": f"#/components/schemas/{name}"}


def _document(schemas: dict[str, Any], root: str, version: str) -> dict[str, Any]:
    content = {"application/json": {"schema": _ref(root)}}
    operation = {
        "operationId": "opretKaede",
        "requestBody": {"required": True, "content": content},
        "responses": {"201": {"description": "Oprettet.", "content": content}},
    }
    return {
        "openapi": "3.0.3",
        "info": {"title": "Kaeder", "version": version},
        "paths": {"/kaeder": {"post": operation}},
        "components": {"schemas": schemas},
    }


def linked_any_of(n: int, *, revision: bool) -> dict[str, Any]:
    """`n` schemas, each an `anyOf` of the next two and the first: every way through them
    is a different path, and there are exponentially many; the revision changes the last."""
    schemas: dict[str, Any] = {}
    for i in range(n):
        links = [_ref(f"Led{j}") for j in (i + 1, i + 2) if j < n] + [_ref("Led0")]
        schemas[f"Led{i}"] = {
            "type": "object",
            "properties": {"vaerdi": {"type": "string"}},
            "anyOf": links,
        }
    if revision:
        schemas[f"Led{n - 1}"]["properties"]["vaerdi"] = {"type": "integer"}
    return _document(schemas, "Led0", "2.0.0" if revision else "1.0.0")


def _spec(data: dict[str, Any], name: str) -> SpecDocument:
    return parse_spec(json.dumps(data, indent=1).encode(), name, validate=False)


class _CountingWalk(SchemaWalk):
    """The diff's own walk, counted, and stopped early should its cost ever explode."""

    made: ClassVar[list[SchemaWalk]] = []
    budget: ClassVar[int] = 0

    def __init__(self) -> None:
        super().__init__()
        _CountingWalk.made.append(self)

    def _node(self, base: Schema, revision: Schema, direction: Direction) -> Walked:
        assert self.pairs_walked < self.budget, "the walk visits pairs again and again"
        return super()._node(base, revision, direction)


def _pairs_walked(n: int, monkeypatch: pytest.MonkeyPatch) -> tuple[int, list[str]]:
    _CountingWalk.made, _CountingWalk.budget = [], 100 * n
    monkeypatch.setattr(engine, "SchemaWalk", _CountingWalk)
    result = diff_documents(
        _spec(linked_any_of(n, revision=False), "base.json"),
        _spec(linked_any_of(n, revision=True), "revision.json"),
        package="kaeder_v1",
    )
    (walk,) = _CountingWalk.made
    return walk.pairs_walked, [f"{c.id} {c.target}" for c in result.changes]


def test_schemas_linked_through_any_of_cost_linear_in_their_number(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    walked = {}
    for n in (20, 40, 60):
        walked[n], changes = _pairs_walked(n, monkeypatch)
        # The one change, once per direction, named from the schema that holds it.
        assert changes == [
            f"request-property-type-changed Led{n - 1}.vaerdi",
            f"response-property-type-changed Led{n - 1}.vaerdi",
        ]
    # Each schema pair is compared a fixed number of times (request and response walks),
    # whatever the number of ways into it: twenty more schemas, the same number more pairs.
    assert walked[60] - walked[40] == walked[40] - walked[20] > 0, walked
    assert walked[60] <= 2 * 2 * 60


def test_linked_any_of_fixture_through_the_command_line() -> None:
    code, output = _run(
        "diff",
        str(HOSTILE / "linked-any-of-40.base.json"),
        str(HOSTILE / "linked-any-of-40.revision.json"),
        "--format",
        "json",
    )
    assert code == 1  # a breaking change
    report = json.loads(output)
    assert [(c["id"], c["message"]) for c in report["changes"]] == [
        (
            "request-property-type-changed",
            "The type of request property Led39.vaerdi changed from string to integer.",
        ),
        (
            "response-property-type-changed",
            "The type of response property Led39.vaerdi changed from string to integer.",
        ),
    ]


@pytest.mark.parametrize(
    ("fixture", "says"),
    [
        ("nested-400", "the document nests mappings and lists more than 128 levels deep"),
        ("ref-chain-400", "schemas nest more than 64 levels deep"),
    ],
)
def test_deep_nesting_is_a_clear_error_with_exit_2(fixture: str, says: str) -> None:
    """400 levels, written inline or as a chain of components: one line, no traceback."""
    base, revision = (HOSTILE / f"{fixture}.{side}.json" for side in ("base", "revision"))
    code, output = _run("diff", str(base), str(revision))
    assert code == 2
    (line,) = output.strip().splitlines()
    assert line.startswith("error: ") and says in line and "(line " in line
    assert str(base if fixture == "nested-400" else revision) in line


def test_a_chain_inside_the_bound_is_compared() -> None:
    """The bound stops hostile depth only: a chain of 50 components diffs as usual."""

    def chain(revision: bool) -> dict[str, Any]:
        schemas: dict[str, Any] = {
            f"Led{i}": {"type": "object", "properties": {"naeste": _ref(f"Led{i + 1}")}}
            for i in range(50)
        }
        schemas["Led50"] = {"type": "integer" if revision else "string"}
        return _document(schemas, "Led0", "2.0.0" if revision else "1.0.0")

    result = diff_documents(
        _spec(chain(False), "base.json"), _spec(chain(True), "revision.json"), package="k"
    )
    assert [(c.id, c.target) for c in result.changes] == [
        ("request-property-type-changed", "Led50"),
        ("response-property-type-changed", "Led50"),
    ]
