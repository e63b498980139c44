"""`testenv serve` says what it answered, a line a request, and never a secret; a busy port
or an unknown option ends it at once."""

from __future__ import annotations

import io
import json
import socket
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.testenv.app import TestEnvironment
from skifte.testenv.request_log import RequestLog
from tests.conftest import PROJECT_REGISTRY
from tests.testenv.conftest import credentials, in_process, token

runner = CliRunner()


def _logged(environment: TestEnvironment, certs: Path, form: str) -> list[str]:
    stream = io.StringIO()
    environment.request_log = RequestLog(form, stream)
    client_id, secret = credentials(certs, 1)
    with in_process(environment) as http:
        bearer = token(http, certs)
        http.post(
            "/oauth2/token",
            data={"grant_type": "client_credentials"},
            auth=(client_id, "not-the-secret-at-all"),
        )
        http.get("/doedsbojournaler/00000000-0000-4000-8000-00000000dead?x=1")
        http.get(
            "/doedsbojournaler/00000000-0000-4000-8000-00000000dead",
            headers={"Authorization": f"Bearer {bearer}"},
        )
    text = stream.getvalue()
    for secret_text in (secret, "not-the-secret-at-all", bearer):
        assert secret_text not in text
    return text.splitlines()


def test_a_line_per_request_with_client_status_and_reason(
    environment: TestEnvironment, certs: Path
) -> None:
    lines = _logged(environment, certs, "text")
    assert len(lines) == 4
    issued, refused, anonymous, missing = lines
    assert issued.startswith("POST") and " /oauth2/token 200 testklient-01 " in issued
    assert " 401 testklient-01 " in refused and "wrong client secret" in refused
    assert " 401 - " in anonymous and "?x=1" not in anonymous and "no access token" in anonymous
    assert missing.startswith("GET") and " 404 testklient-01 " in missing
    assert missing.split()[4].endswith("ms")


def test_json_lines(environment: TestEnvironment, certs: Path) -> None:
    entries = [json.loads(line) for line in _logged(environment, certs, "json")]
    assert [e["status"] for e in entries] == [200, 401, 401, 404]
    assert {"time", "method", "path", "status", "client", "ms"} <= set(entries[0])
    assert "reason" not in entries[0] and entries[3]["reason"]


def test_a_busy_port_is_named_before_anything_is_written(tmp_path: Path, certs: Path) -> None:
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen(1)
        port = taken.getsockname()[1]
        result = runner.invoke(
            app,
            [
                "testenv",
                "serve",
                "--port",
                str(port),
                "--data",
                str(tmp_path / "data"),
                "--certs",
                str(certs),
                "--registry",
                str(PROJECT_REGISTRY),
            ],
        )
    assert result.exit_code == 2
    assert f"cannot listen on 127.0.0.1:{port}" in result.stderr and "listening" not in (
        result.stderr.replace("cannot listen", "")
    )
    assert not (tmp_path / "data").exists()


@pytest.mark.parametrize(
    ("option", "message"),
    [
        (["--log-format", "xml"], "unknown log format 'xml'; known: text, json"),
        (["--fault", "bogus"], "unknown fault 'bogus'; known faults: drop-required-property"),
    ],
)
def test_unknown_choices_are_refused(option: list[str], message: str, tmp_path: Path) -> None:
    result = runner.invoke(app, ["testenv", "serve", "--data", str(tmp_path / "d"), *option])
    assert result.exit_code == 2 and message in result.stderr
    assert not (tmp_path / "d").exists()
