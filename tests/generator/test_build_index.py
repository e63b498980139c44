"""Built packages on a real package index: upload with twine, install a pinned release
with pip into a fresh virtual environment, import it. Offline: the index is local."""

from __future__ import annotations

import json
import socket
import subprocess
import sys
import sysconfig
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skifte.cli import app

NAME = "skifteportal-tvangsoploesning-v1_1_0"
IMPORT = "skifteportal_tvangsoploesning_v1_1_0"
STARTUP = 60.0  # seconds for the index to answer; generous, the machine may be loaded


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port: int = probe.getsockname()[1]
        return port


@pytest.fixture
def index(tmp_path: Path) -> Iterator[str]:
    """pypiserver on a free loopback port, uploads without credentials; stopped afterwards."""
    folder = tmp_path / "index"
    folder.mkdir()
    for _attempt in range(3):  # a port found free can be taken before the server binds it
        port = _free_port()
        serve = [sys.executable, "-m", "pypiserver", "run", "-i", "127.0.0.1", "-p", str(port)]
        no_authentication = ["-a", ".", "-P", "."]  # uploads need no credentials
        server = subprocess.Popen(
            [*serve, *no_authentication, str(folder)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        try:
            if _answers(f"http://127.0.0.1:{port}", server):
                yield f"http://127.0.0.1:{port}"
                return
        finally:
            _stop(server)
    pytest.fail("pypiserver did not start")


def _answers(url: str, server: subprocess.Popen[bytes]) -> bool:
    """Wait for the index, generously; False when the server ended (its port was taken)."""
    deadline = time.monotonic() + STARTUP
    while server.poll() is None:
        try:
            with urllib.request.urlopen(f"{url}/simple/", timeout=5):
                return True
        except OSError:
            assert time.monotonic() < deadline, "pypiserver did not answer"
            time.sleep(0.2)
    return False


def _stop(server: subprocess.Popen[bytes]) -> None:
    server.terminate()
    try:
        server.wait(timeout=10)
    except subprocess.TimeoutExpired:
        server.kill()
        server.wait()


def _run(*command: str) -> str:
    result = subprocess.run(command, capture_output=True, text=True, timeout=300)
    assert result.returncode == 0, " ".join(command) + "\n" + result.stdout + result.stderr
    return result.stdout


def test_upload_then_install_a_pinned_release_into_a_fresh_venv(
    generated: Path, index: str, tmp_path: Path
) -> None:
    dist = tmp_path / "dist"
    runner = CliRunner()
    selection = ["--generated", str(generated), "--api", "tvangsoploesning", "--release", "1.1.0"]
    for extra in ([], ["--package-version", "1.1.0.post1"]):  # a release and its rebuild
        result = runner.invoke(app, ["build", *selection, "--out", str(dist), *extra])
        assert result.exit_code == 0, result.stderr
    files = sorted(str(p) for p in dist.iterdir())
    assert len(files) == 4
    _run(
        *(sys.executable, "-m", "twine", "upload", "--non-interactive", "--disable-progress-bar"),
        *("--repository-url", f"{index}/", "-u", "publisher", "-p", "unused"),
        *files,
    )
    with urllib.request.urlopen(f"{index}/simple/{NAME}/", timeout=30) as page:
        listing = page.read().decode()
    assert "1.1.0.post1-py3-none-any.whl" in listing and "1.1.0-py3-none-any.whl" in listing

    venv = tmp_path / "venv"
    _run(sys.executable, "-m", "venv", "--without-pip", str(venv))
    python = venv / "bin" / "python"
    # Only the local index: --isolated ignores any pip configuration of this machine.
    _run(
        *(sys.executable, "-m", "pip", "--isolated", "--python", str(python), "install"),
        *("--no-cache-dir", "--disable-pip-version-check", "--no-deps", "--only-binary", ":all:"),
        *("--index-url", f"{index}/simple/", f"{NAME}==1.1.0"),
    )
    # httpx and pydantic come from the toolkit's environment, after the venv's own packages.
    site = next((venv / "lib").glob("python*/site-packages"))
    (site / "toolkit-deps.pth").write_text(sysconfig.get_paths()["purelib"] + "\n", "utf-8")
    script = (
        "import importlib.metadata as m, json\n"
        f"import {IMPORT} as package\n"
        f"dist = m.distribution({NAME!r})\n"
        "manifest = json.loads(dist.read_text('extra_metadata/skifte-generated.json'))\n"
        "print(json.dumps({'file': package.__file__, 'version': dist.version,\n"
        "                  'client': package.Client.__name__, 'source': manifest['source']}))\n"
    )
    seen = json.loads(_run(str(python), "-c", script))
    assert seen["file"].startswith(str(site))
    assert (seen["version"], seen["client"]) == ("1.1.0", "Client")  # the pin, not the newest
    assert seen["source"] == "tvangsoploesning@1.1.0"
