"""`skifte testenv` as a user runs it: init, serve (a real process, mutual TLS), reset."""

from __future__ import annotations

import json
import os
import ssl
import subprocess
import sys
import time
from pathlib import Path

import httpx
from typer.testing import CliRunner

from skifte.cli import app
from skifte.testenv.certs import client_files
from skifte.testenv.server import free_port
from skifte.testenv.store import Store
from tests.conftest import PROJECT_REGISTRY

runner = CliRunner()


def test_init_then_refuses_to_overwrite(tmp_path: Path) -> None:
    folder = tmp_path / "certs"
    result = runner.invoke(app, ["testenv", "init", "--out", str(folder), "--clients", "3"])
    assert result.exit_code == 0, result.stderr
    assert "testklient-03" in result.stderr
    again = runner.invoke(app, ["testenv", "init", "--out", str(folder)])
    assert again.exit_code == 2 and "is not empty" in again.stderr


def test_serve_with_tls_as_the_readme_says(tmp_path: Path) -> None:
    certs, port = tmp_path / "certs", free_port()
    command = [
        sys.executable,
        "-m",
        "skifte.cli",
        "testenv",
        "serve",
        "--tls",
        "--port",
        str(port),
        "--certs",
        str(certs),
        "--data",
        str(tmp_path / "data"),
        "--registry",
        str(PROJECT_REGISTRY),
    ]
    process = subprocess.Popen(command, stderr=subprocess.PIPE, text=True, env={**os.environ})
    try:
        files = client_files(certs, "testklient-01")
        context = None
        for _ in range(200):
            if files.env.exists():
                try:
                    context = ssl.create_default_context(cafile=str(certs / "ca.pem"))
                    context.load_cert_chain(str(files.cert), str(files.key))
                    with httpx.Client(verify=context) as http:
                        http.get(f"https://127.0.0.1:{port}/status")
                    break
                except (httpx.TransportError, OSError, ssl.SSLError):
                    pass
            time.sleep(0.1)
        assert context is not None, "the server did not come up"
        values = dict(line.split("=", 1) for line in files.env.read_text(encoding="utf-8").split())
        with httpx.Client(base_url=f"https://127.0.0.1:{port}", verify=context) as http:
            issued = http.post(
                "/oauth2/token",
                data={"grant_type": "client_credentials"},
                auth=(values["SKIFTE_CLIENT_ID"], values["SKIFTE_CLIENT_SECRET"]),
            )
            assert issued.status_code == 200
            bearer = {"Authorization": f"Bearer {issued.json()['access_token']}"}
            assert http.get("/tvangsoploesningssager", headers=bearer).status_code == 200
            assert "version: 1.3.0" in http.get("/openapi/doedsbo.yaml").text
    finally:
        process.terminate()
        _, stderr = process.communicate(timeout=20)
    assert "serving doedsbo 1.3.0" in stderr
    assert "PLAIN HTTP" not in stderr


def test_reset_notice_then_now(tmp_path: Path) -> None:
    common = [
        "--certs",
        str(tmp_path / "certs"),
        "--data",
        str(tmp_path / "data"),
        "--registry",
        str(PROJECT_REGISTRY),
    ]
    assert runner.invoke(app, ["testenv", "reset", *common]).exit_code == 2
    Store(tmp_path / "data").close()  # the state `serve` creates on first use
    announced = runner.invoke(app, ["testenv", "reset", "--notice", "7", *common])
    assert announced.exit_code == 0 and "wiped after" in announced.stderr
    wiped = runner.invoke(app, ["testenv", "reset", "--now", *common])
    assert wiped.exit_code == 0, wiped.stderr
    assert "wiped and reseeded (seed 1)" in wiped.stderr


def test_faults_are_listed() -> None:
    listed = json.loads(runner.invoke(app, ["testenv", "faults", "--json"]).stdout)
    assert {"drop-required-property", "server-error", "slow-response"} <= {
        f["name"] for f in listed
    }
