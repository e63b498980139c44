"""The stand-in for tests: certificates once per session, a fresh state per test."""

from __future__ import annotations

import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from jsonschema_path import SchemaPath
from openapi_core.validation.response.validators import V30ResponseValidator
from werkzeug.datastructures import Headers

from skifte.testenv.app import TestEnvironment
from skifte.testenv.certs import client_files
from skifte.testenv.environment import Settings, create_environment
from tests.conftest import PROJECT_REGISTRY


def credentials(certs: Path, n: int = 1) -> tuple[str, str]:
    lines = client_files(certs, f"testklient-{n:02d}").env.read_text(encoding="utf-8").split()
    values = dict(line.split("=", 1) for line in lines)
    return values["SKIFTE_CLIENT_ID"], values["SKIFTE_CLIENT_SECRET"]


def settings(certs: Path, data: Path, **options: Any) -> Settings:
    return Settings(registry=PROJECT_REGISTRY, data=data, certs=certs, **options)


@pytest.fixture
def environment(certs: Path, tmp_path: Path) -> TestEnvironment:
    return create_environment(settings(certs, tmp_path / "data"))


@dataclass
class Session:
    """A client of the in-process stand-in, with a token."""

    http: httpx.Client
    headers: dict[str, str]


def token(http: httpx.Client, certs: Path, n: int = 1) -> str:
    response = http.post(
        "/oauth2/token", data={"grant_type": "client_credentials"}, auth=credentials(certs, n)
    )
    assert response.status_code == 200, response.text
    return str(response.json()["access_token"])


@pytest.fixture
def session(environment: TestEnvironment, certs: Path) -> Iterator[Session]:
    with in_process(environment) as http:
        yield Session(http, {"Authorization": f"Bearer {token(http, certs)}"})


def in_process(app: Any) -> httpx.Client:
    from tests.testenv.transport import SyncASGITransport

    return httpx.Client(transport=SyncASGITransport(app), base_url="http://testenv.local")


class ResponseChecker:
    """openapi-core's response validation for one release: every answer must conform."""

    def __init__(self, document: dict[str, Any]) -> None:
        self._validator = V30ResponseValidator(SchemaPath.from_dict(document))
        self._host = document["servers"][0]["url"]

    def problems(self, path_pattern: str, response: httpx.Response) -> list[str]:
        request = _CheckedRequest(self._host, response.request.method.lower(), path_pattern)
        return [str(e) for e in self._validator.iter_errors(request, _CheckedResponse(response))]


@dataclass
class _CheckedRequest:
    host_url: str
    method: str
    path_pattern: str
    path: str = ""
    body: bytes | None = None
    content_type: str = ""
    parameters: Any = None

    def __post_init__(self) -> None:
        self.path = self.path_pattern

    @property
    def full_url_pattern(self) -> str:
        return self.host_url + self.path_pattern


class _CheckedResponse:
    def __init__(self, response: httpx.Response) -> None:
        self.status_code = response.status_code
        self.content_type = response.headers.get("content-type", "")
        self.headers = Headers(list(response.headers.items()))
        self.data = response.content


def copy_certs(certs: Path, target: Path) -> Path:
    return Path(shutil.copytree(certs, target))


def body_of(response: httpx.Response) -> Any:
    return json.loads(response.content)
