"""The planned request validation answers exactly as openapi-core's own validators do."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from skifte.api import Operation, build_api
from skifte.registry import Registry
from skifte.testenv.validation import Invalid, RequestValidator
from skifte.testenv.values import synthesize
from tests.conftest import PROJECT_REGISTRY

RELEASES = [
    r for api in Registry(PROJECT_REGISTRY).apis() for r in Registry(PROJECT_REGISTRY).releases(api)
]


def _valid_request(op: Operation) -> dict[str, Any]:
    values = {p: synthesize(p.schema, op.key, p.name) for p in op.parameters}
    path = op.path
    for param, value in values.items():
        if param.location == "path":
            path = path.replace("{" + param.name + "}", str(value))
    body, content_type = None, ""
    json_body = (
        next((m for m in op.request_body.content if m.is_json), None) if op.request_body else None
    )
    if json_body is not None:
        body = json.dumps(synthesize(json_body.schema, op.key, "body")).encode()
        content_type = json_body.name
    return {
        "method": op.method,
        "path": path,
        "path_pattern": op.path,
        "path_params": {p.name: str(v) for p, v in values.items() if p.location == "path"},
        "query": [(p.name, _text(v)) for p, v in values.items() if p.location == "query"],
        "headers": [(p.name, _text(v)) for p, v in values.items() if p.location == "header"],
        "body": body,
        "content_type": content_type,
    }


def _text(value: Any) -> str:
    return json.dumps(value) if isinstance(value, bool) else str(value)


def _variants(op: Operation) -> Iterator[dict[str, Any]]:
    """The valid request and, one problem at a time, requests openapi-core should refuse."""
    valid = _valid_request(op)
    yield valid
    for where in ("query", "headers"):
        for index, (name, _) in enumerate(valid[where]):
            without = valid[where][:index] + valid[where][index + 1 :]
            yield {**valid, where: without}
            for wrong in ("", "§not-a-value§", "-1", "99999999999"):
                yield {**valid, where: [*without, (name, wrong)]}
    for name in valid["path_params"]:
        yield {**valid, "path_params": {**valid["path_params"], name: "§"}}
    if valid["body"] is not None:
        document = json.loads(valid["body"])
        yield {**valid, "body": b"{not json"}
        yield {**valid, "body": b"[]"}
        yield {**valid, "content_type": "text/plain"}
        yield {**valid, "body": None, "content_type": ""}
        if isinstance(document, dict):
            for key in document:
                rest = {k: v for k, v in document.items() if k != key}
                yield {**valid, "body": json.dumps(rest).encode()}
                yield {**valid, "body": json.dumps({**document, key: {"x": [1]}}).encode()}


@pytest.mark.parametrize("release", RELEASES, ids=lambda r: r.ref)
def test_planned_and_plain_openapi_core_agree_on_every_request(release: Any) -> None:
    document = release.read()
    planned = RequestValidator(document.data)
    plain = RequestValidator(document.data, planned=False)
    answers: list[Invalid | None] = []
    for op in build_api(document).operations:
        for request in _variants(op):
            # Twice: the second answer comes from the plan built by the first.
            first, second = planned.check(**request), planned.check(**request)
            expected = plain.check(**request)
            assert first == second == expected, (op.key, request)
            answers.append(expected)
    # Both kinds were asked: valid requests, and many refused for a named field.
    assert None in answers
    refused = [a for a in answers if a is not None]
    assert len(refused) > len(answers) / 2
    assert sum(1 for a in refused if a.field) > len(refused) / 2
