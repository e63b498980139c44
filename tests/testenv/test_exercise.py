"""A full exercise of the latest releases: every operation answers, every answer conforms."""

from __future__ import annotations

from pathlib import Path

import httpx
import pytest

from skifte.api import build_api
from skifte.registry import Registry
from skifte.testenv.domain import ON_BEHALF_HEADER
from skifte.testenv.liquidators import liquidator_of
from tests.conftest import PROJECT_REGISTRY
from tests.testenv.conftest import ResponseChecker, Session
from tests.testenv.exercise import Exercise

REGISTRY = Registry(PROJECT_REGISTRY)


@pytest.mark.parametrize("api", ["doedsbo", "tvangsoploesning"])
def test_every_operation_succeeds_and_conforms(session: Session, api: str) -> None:
    document = REGISTRY.resolve(api).read()
    checker = ResponseChecker(document.data)
    exercise = Exercise(build_api(document))
    # The session's client acts for its own liquidator, appointed in the first case.
    exercise.known[ON_BEHALF_HEADER] = liquidator_of("testklient-01")
    seen = []
    for op, response in exercise.run(lambda r: session.http.send(_auth(r, session)), session.http):
        assert response.is_success, (op.operation_id, response.status_code, response.text)
        assert checker.problems(op.path, response) == [], op.operation_id
        seen.append(op.operation_id)
    assert sorted(map(str, seen)) == sorted(str(o.operation_id) for o in exercise.api.operations)


def test_older_releases_are_served_as_themselves(certs: Path, tmp_path: Path) -> None:
    from skifte.testenv.environment import create_environment
    from tests.testenv.conftest import in_process, settings, token

    environment = create_environment(settings(certs, tmp_path / "d", apis=("doedsbo@1.0.0",)))
    document = REGISTRY.release("doedsbo", "1.0.0").read()
    checker = ResponseChecker(document.data)
    with in_process(environment) as http:
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        exercise = Exercise(build_api(document))
        for op, response in exercise.run(lambda r: http.send(_with(r, headers)), http):
            assert response.is_success, (op.operation_id, response.text)
            assert checker.problems(op.path, response) == [], op.operation_id


def _auth(request: httpx.Request, session: Session) -> httpx.Request:
    return _with(request, session.headers)


def _with(request: httpx.Request, headers: dict[str, str]) -> httpx.Request:
    request.headers.update(headers)
    return request
