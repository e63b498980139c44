"""The security model: client credentials, mutual TLS, bound and expiring tokens, rate limits."""

from __future__ import annotations

import ssl
import stat
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from skifte.testenv.app import TestEnvironment
from skifte.testenv.certs import client_files, init_certs
from skifte.testenv.environment import create_environment
from skifte.testenv.server import Listening, running
from tests.testenv.conftest import credentials, in_process, settings, token

PATH = "/tvangsoploesningssager"


def _tls_client(
    server: Listening, certs: Path, n: int | None, ca: Path | None = None
) -> httpx.Client:
    context = ssl.create_default_context(cafile=str(ca or certs / "ca.pem"))
    if n is not None:
        files = client_files(certs, f"testklient-{n:02d}")
        context.load_cert_chain(str(files.cert), str(files.key))
    return httpx.Client(base_url=server.base_url, verify=context, timeout=10)


Served = tuple[Listening, TestEnvironment]


@pytest.fixture
def tls(certs: Path, tmp_path: Path) -> Iterator[Served]:
    environment = create_environment(settings(certs, tmp_path / "data", tls=True))
    with running(environment, certs=certs) as server:
        yield server, environment


def test_init_writes_what_an_applicant_receives(tmp_path: Path) -> None:
    folder = tmp_path / "certs"
    ids = init_certs(folder, clients=2)
    assert ids == ["testklient-01", "testklient-02"]
    names = {p.name for p in folder.iterdir()}
    assert {"ca.pem", "server.pem", "server-key.pem", "clients.json"} <= names
    for client_id in ids:
        files = client_files(folder, client_id)
        assert files.cert.exists() and files.key.exists()
        assert stat.S_IMODE(files.env.stat().st_mode) == 0o600
        assert stat.S_IMODE(files.key.stat().st_mode) == 0o600
        secret = files.env.read_text(encoding="utf-8").split("SKIFTE_CLIENT_SECRET=")[1].strip()
        assert secret not in (folder / "clients.json").read_text(encoding="utf-8")
    with pytest.raises(FileExistsError):
        init_certs(folder)


def test_handshake_needs_a_certificate_signed_by_the_test_ca(
    tls: Served, certs: Path, tmp_path: Path
) -> None:
    server, _ = tls
    with _tls_client(server, certs, None) as anonymous, pytest.raises(httpx.TransportError):
        anonymous.post("/oauth2/token", data={"grant_type": "client_credentials"})
    foreign = tmp_path / "foreign"
    init_certs(foreign, clients=1)
    stranger = client_files(foreign, "testklient-01")
    context = ssl.create_default_context(cafile=str(certs / "ca.pem"))
    context.load_cert_chain(str(stranger.cert), str(stranger.key))
    with (
        httpx.Client(base_url=server.base_url, verify=context) as http,
        pytest.raises(httpx.TransportError),
    ):
        http.post("/oauth2/token", data={"grant_type": "client_credentials"})
    with _tls_client(server, certs, 1) as http:
        assert (
            http.post(
                "/oauth2/token",
                data={"grant_type": "client_credentials"},
                auth=credentials(certs, 1),
            ).status_code
            == 200
        )


def test_token_replayed_over_another_certificate_gets_401(tls: Served, certs: Path) -> None:
    server, _ = tls
    with _tls_client(server, certs, 1) as first, _tls_client(server, certs, 2) as second:
        bearer = {"Authorization": f"Bearer {token(first, certs, 1)}"}
        assert first.get(PATH, headers=bearer).status_code == 200
        replayed = second.get(PATH, headers=bearer)
    assert replayed.status_code == 401
    assert 'error="invalid_token"' in replayed.headers["WWW-Authenticate"]
    assert "bound to another client certificate" in replayed.headers["WWW-Authenticate"]


def test_credentials_over_the_wrong_certificate_are_refused(tls: Served, certs: Path) -> None:
    server, _ = tls
    with _tls_client(server, certs, 2) as http:
        response = http.post(
            "/oauth2/token", data={"grant_type": "client_credentials"}, auth=credentials(certs, 1)
        )
    assert response.status_code == 401
    assert response.json()["error"] == "invalid_client"


def test_wrong_secret_malformed_and_missing_tokens(
    environment: TestEnvironment, certs: Path
) -> None:
    with in_process(environment) as http:
        client_id, _ = credentials(certs)
        wrong = http.post(
            "/oauth2/token", data={"grant_type": "client_credentials"}, auth=(client_id, "gæt")
        )
        assert wrong.status_code == 401 and wrong.json()["error"] == "invalid_client"
        assert wrong.headers["WWW-Authenticate"].startswith("Basic")
        grant = http.post("/oauth2/token", data={"grant_type": "password"}, auth=credentials(certs))
        assert grant.status_code == 400 and grant.json()["error"] == "unsupported_grant_type"
        missing = http.get(PATH)
        assert (
            missing.status_code == 401 and "no access token" in missing.headers["WWW-Authenticate"]
        )
        malformed = http.get(PATH, headers={"Authorization": "Token abc"})
        assert malformed.status_code == 401 and "malformed" in malformed.headers["WWW-Authenticate"]
        assert malformed.json()["fejlkode"] == "INVALID_TOKEN"


def test_expired_token_gets_401_saying_so(certs: Path, tmp_path: Path) -> None:
    clock = [1_000_000.0]
    environment = create_environment(settings(certs, tmp_path / "data"))
    environment.security._clock = lambda: clock[0]
    with in_process(environment) as http:
        bearer = {"Authorization": f"Bearer {token(http, certs)}"}
        assert http.get(PATH, headers=bearer).status_code == 200
        clock[0] += environment.security.token_lifetime + 1
        expired = http.get(PATH, headers=bearer)
    assert expired.status_code == 401
    assert 'error_description="the token has expired"' in expired.headers["WWW-Authenticate"]


def test_scope_is_enforced(environment: TestEnvironment, certs: Path) -> None:
    with in_process(environment) as http:
        response = http.post(
            "/oauth2/token",
            auth=credentials(certs),
            data={"grant_type": "client_credentials", "scope": "doedsbo.laes"},
        )
        bearer = {"Authorization": f"Bearer {response.json()['access_token']}"}
        refused = http.get(PATH, headers=bearer)
    assert refused.status_code == 403
    assert 'error="insufficient_scope"' in refused.headers["WWW-Authenticate"]


def test_rate_limit_answers_429_with_retry_after(certs: Path, tmp_path: Path) -> None:
    environment = create_environment(settings(certs, tmp_path / "data", rate=1.0, burst=5))
    with in_process(environment) as http:
        bearer = {"Authorization": f"Bearer {token(http, certs)}"}
        statuses = [http.get(PATH, headers=bearer) for _ in range(8)]
    assert [r.status_code for r in statuses[:5]] == [200] * 5
    limited = statuses[5]
    assert limited.status_code == 429
    assert int(limited.headers["Retry-After"]) >= 1
    assert limited.json()["fejlkode"] == "RATE_LIMITED"


def test_secrets_and_tokens_never_in_the_state(environment: TestEnvironment, certs: Path) -> None:
    _, secret = credentials(certs)
    with in_process(environment) as http:
        bearer = token(http, certs)
        http.get(PATH, headers={"Authorization": f"Bearer {bearer}"})
    environment.store.close()
    stored = b"".join(p.read_bytes() for p in environment.store.path.parent.iterdir())
    assert secret.encode() not in stored and bearer.encode() not in stored
