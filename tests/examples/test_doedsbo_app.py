"""The integrator example runs green against the stand-in over mutual TLS and type-checks."""

from __future__ import annotations

import asyncio
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from mypy import api as mypy_api

from skifte.testenv.certs import client_files
from skifte.testenv.environment import create_environment
from skifte.testenv.server import Listening, running
from tests.conftest import PROJECT
from tests.testenv.conftest import credentials, settings
from tests.testenv.exercise import PDF

PACKAGE_FOLDER = PROJECT / "generated" / "skifteportal-doedsbo-v1_3_0"
EXAMPLE = PROJECT / "examples" / "doedsbo_app.py"


@pytest.fixture(scope="module")
def app() -> Iterator[ModuleType]:
    sys.path[:0] = [str(PACKAGE_FOLDER), str(EXAMPLE.parent)]
    try:
        yield importlib.import_module(EXAMPLE.stem)
    finally:
        sys.path.remove(str(PACKAGE_FOLDER))
        sys.path.remove(str(EXAMPLE.parent))


@pytest.fixture
def server(certs: Path, tmp_path: Path) -> Iterator[Listening]:
    environment = create_environment(settings(certs, tmp_path / "data", tls=True))
    with running(environment, certs=certs) as listening:
        yield listening


def _inputs(app: ModuleType, certs: Path, tmp_path: Path) -> tuple[Any, Any, Path]:
    files = client_files(certs, "testklient-01")
    certificate = app.ClientCertificate(files.cert, files.key, certs / "ca.pem")
    pdf = tmp_path / "skifteopgoerelse.pdf"
    pdf.write_bytes(PDF)
    return app.ClientCredentials(*credentials(certs)), certificate, pdf


def _check(report: Any, pdf: Path) -> None:
    assert report.total_estates is not None and report.total_estates >= report.estates_read > 0
    assert len(report.claims) == 2 and len(set(report.claims)) == 2
    assert report.uploaded_name == pdf.name and report.read_back
    not_found, refused = report.handled
    assert not_found.startswith("not found (request id ") and refused == "ApiConnectionError"


def test_the_sync_app_against_the_stand_in(
    app: ModuleType, server: Listening, certs: Path, tmp_path: Path
) -> None:
    credentials_, certificate, pdf = _inputs(app, certs, tmp_path)
    _check(app.run(server.base_url, credentials_, certificate, pdf), pdf)


def test_the_async_app_against_the_stand_in(
    app: ModuleType, server: Listening, certs: Path, tmp_path: Path
) -> None:
    credentials_, certificate, pdf = _inputs(app, certs, tmp_path)
    _check(asyncio.run(app.run_async(server.base_url, credentials_, certificate, pdf)), pdf)


def test_the_app_passes_mypy_strict(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MYPYPATH", str(PACKAGE_FOLDER))
    stdout, stderr, status = mypy_api.run(["--strict", "--no-incremental", str(EXAMPLE)])
    assert status == 0, stdout + stderr
