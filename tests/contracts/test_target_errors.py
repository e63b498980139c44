"""A target that cannot be used is named, with its cause, before anything is sent or written."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.contracts.credentials import Credentials, load_credentials
from skifte.contracts.runner import run_contract
from skifte.contracts.target import TargetError
from skifte.testenv.certs import init_certs
from skifte.testenv.environment import create_environment
from skifte.testenv.server import running
from tests.conftest import PROJECT_REGISTRY
from tests.contracts.conftest import options
from tests.testenv.conftest import settings


@pytest.fixture(scope="module")
def foreign(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Another CA with its own clients: certificates the stand-in has never seen."""
    folder = tmp_path_factory.mktemp("foreign-certs")
    init_certs(folder, 1)
    return folder


@pytest.fixture(scope="module")
def stand_in(certs: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("stand-in")
    environment = create_environment(settings(certs, data, tls=True))
    try:
        with running(environment, certs=certs) as server:
            yield server.base_url
    finally:
        environment.store.close()


@pytest.fixture(scope="module")
def plain_http(certs: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[str]:
    data = tmp_path_factory.mktemp("plain")
    environment = create_environment(settings(certs, data))
    try:
        with running(environment) as server:
            yield server.base_url.replace("http://", "https://")
    finally:
        environment.store.close()


def _refused(target: str, credentials: Credentials, tmp_path: Path) -> str:
    opts = options(Path("/nonexistent"), tmp_path, "tvangsoploesning", target_url=target)
    with pytest.raises(TargetError) as raised:
        run_contract(opts, credentials, say=lambda text: None)
    assert not (tmp_path / "reports").exists(), "nothing is written for an unusable target"
    return str(raised.value)


def _closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


def test_nobody_listening(credentials: Credentials, tmp_path: Path) -> None:
    port = _closed_port()
    message = _refused(f"https://127.0.0.1:{port}", credentials, tmp_path)
    assert f"nothing listens at 127.0.0.1:{port}" in message and "refused" in message


def test_a_name_that_does_not_resolve(credentials: Credentials, tmp_path: Path) -> None:
    message = _refused("https://test-minskiftesag.invalid", credentials, tmp_path)
    assert "cannot resolve the host of https://test-minskiftesag.invalid" in message


def test_tls_against_a_server_without_tls(
    plain_http: str, credentials: Credentials, tmp_path: Path
) -> None:
    message = _refused(plain_http, credentials, tmp_path)
    assert "TLS handshake" in message and plain_http.split("//")[1] in message


def test_a_server_the_ca_does_not_vouch_for(
    stand_in: str, certs: Path, foreign: Path, credentials: Credentials, tmp_path: Path
) -> None:
    mistrusting = load_credentials(certs, credentials.client_id, ca=foreign / "ca.pem")
    message = _refused(stand_in, mistrusting, tmp_path)
    assert "is not trusted" in message and str(foreign / "ca.pem") in message


def test_a_client_certificate_the_server_rejects(
    stand_in: str, certs: Path, foreign: Path, credentials: Credentials, tmp_path: Path
) -> None:
    stranger = load_credentials(
        certs,
        credentials.client_id,
        cert=foreign / "testklient-01.pem",
        key=foreign / "testklient-01-key.pem",
    )
    message = _refused(stand_in, stranger, tmp_path)
    assert "rejected the client certificate" in message and "broke off the TLS handshake" in message
    assert str(foreign / "testklient-01.pem") in message


def test_client_credentials_the_token_endpoint_refuses(
    stand_in: str, certs: Path, credentials: Credentials, tmp_path: Path
) -> None:
    wrong = Credentials(
        credentials.client_id, "not-the-secret-x", credentials.cert, credentials.key, credentials.ca
    )
    message = _refused(stand_in, wrong, tmp_path)
    assert f"refused the client credentials of {credentials.client_id}: 401" in message
    assert "not-the-secret-x" not in message


def test_the_command_says_it_in_one_line_with_exit_2(
    certs: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("SKIFTE_CLIENT_ID", raising=False)
    monkeypatch.delenv("SKIFTE_CLIENT_SECRET", raising=False)
    port = _closed_port()
    result = CliRunner().invoke(
        app,
        [
            "contract",
            "run",
            "--api",
            "tvangsoploesning",
            "--target",
            f"https://127.0.0.1:{port}",
            "--certs",
            str(certs),
            "--report-dir",
            str(tmp_path / "reports"),
            "--registry",
            str(PROJECT_REGISTRY),
        ],
    )
    assert result.exit_code == 2, result.output
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and "Traceback" not in result.stderr
    assert lines[0].startswith("error: cannot test https://127.0.0.1:") and "refused" in lines[0]
    assert not (tmp_path / "reports").exists()
