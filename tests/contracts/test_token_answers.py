"""A token endpoint that answers with no usable token is named, with what it answered,
to the user of `skifte contract run`: never a traceback, never the secret, the token or
the body (which may hold one)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from tests.conftest import PROJECT_REGISTRY

SECRET = "hemmelig-klientnoegle-42"
GOOD_TOKEN = "gyldig-token-1"
LEAKED = "lakket-token-2"
"""In every bad answer's body: it must never reach a message or a report."""

HANG_UP = (0, "", "")
"""No answer at all: the connection is closed."""
BAD_ANSWERS = {
    "no answer": HANG_UP,
    "not JSON": (200, "text/html", f"<html>{LEAKED}</html>"),
    "JSON that does not parse": (200, "application/json", f'{{"access_token": "{LEAKED}"'),
    "no access_token": (200, "application/json", json.dumps({"token": LEAKED})),
    "a token that is no string": (200, "application/json", '{"access_token": 12345}'),
    "an error status": (
        503,
        "application/json",
        json.dumps({"error": "temporarily_unavailable", "access_token": LEAKED}),
    ),
}
ANSWERED = "the token endpoint {url} answered "
MESSAGES = {
    "no answer": "no answer from the token endpoint {url}: ConnectionError",
    "not JSON": ANSWERED + "200 OK with text/html, not a JSON token answer",
    "JSON that does not parse": ANSWERED
    + "200 OK with application/json that does not parse, not a JSON token answer",
    "no access_token": ANSWERED + "200 OK with JSON without access_token (its fields: token)",
    "a token that is no string": ANSWERED
    + "200 OK with an access_token that is a number, not a string",
    "an error status": ANSWERED
    + "503 Service Unavailable (application/json, error temporarily_unavailable) instead "
    "of a token",
}


class _TokenEndpoint(BaseHTTPRequestHandler):
    """The first token is good (the run's check that the target can be used); every later
    one is the bad answer the server was made with. Everything else: 404."""

    answer: tuple[int, str, str]
    tokens_asked = 0

    def do_POST(self) -> None:
        self.rfile.read(int(self.headers.get("content-length") or 0))
        if self.path != "/oauth2/token":
            self._answer(404, "application/json", "{}")
            return
        type(self).tokens_asked += 1
        if type(self).tokens_asked == 1:
            body = json.dumps({"access_token": GOOD_TOKEN, "expires_in": 300})
            self._answer(200, "application/json", body)
        else:
            if self.answer == HANG_UP:
                self.close_connection = True
                return
            self._answer(*self.answer)

    def do_GET(self) -> None:
        self._answer(404, "application/json", "{}")

    do_PUT = do_DELETE = do_PATCH = do_GET

    def _answer(self, status: int, content_type: str, body: str) -> None:
        data = body.encode()
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, format: str, *args: object) -> None:
        pass


@contextmanager
def _serving(answer: tuple[int, str, str], *, good_first: bool) -> Iterator[str]:
    """A token endpoint started for the test, and its base URL."""
    handler = type(
        "Handler",
        (_TokenEndpoint,),
        {"answer": answer, "tokens_asked": 0 if good_first else 1},
    )
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}"
    finally:
        server.shutdown()
        server.server_close()


@pytest.fixture(params=sorted(BAD_ANSWERS))
def bad_endpoint(request: pytest.FixtureRequest) -> Iterator[tuple[str, str]]:
    """(base URL, the kind of bad answer): a good first token, then only bad answers."""
    with _serving(BAD_ANSWERS[request.param], good_first=True) as base_url:
        yield base_url, request.param


def _contract_run(base_url: str, tmp_path: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [
            *(sys.executable, "-m", "skifte.cli", "contract", "run"),
            *("--api", "tvangsoploesning", "--target", base_url, "--max-examples", "1"),
            *("--max-requests", "5", "--report-dir", str(tmp_path / "reports"), "-q"),
            *("--registry", str(PROJECT_REGISTRY)),
        ],
        env={**os.environ, "SKIFTE_CLIENT_ID": "testklient", "SKIFTE_CLIENT_SECRET": SECRET},
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def _nothing_secret_in(tmp_path: Path, finished: subprocess.CompletedProcess[str]) -> None:
    written = [finished.stdout, finished.stderr] + [
        path.read_text(encoding="utf-8", errors="replace")
        for path in tmp_path.rglob("*")
        if path.is_file()
    ]
    for text in written:
        assert SECRET not in text and GOOD_TOKEN not in text and LEAKED not in text


def test_a_bad_token_answer_during_the_run_is_named_to_the_user(
    bad_endpoint: tuple[str, str], tmp_path: Path
) -> None:
    base_url, kind = bad_endpoint
    finished = _contract_run(base_url, tmp_path)
    shown = " ".join(finished.stderr.split())  # rich wraps long lines
    assert finished.returncode == 1, finished.stderr
    assert "Traceback" not in finished.stderr
    expected = MESSAGES[kind].format(url=f"{base_url}/oauth2/token")
    assert f"could not test: {expected}" in shown
    report_file = next((tmp_path / "reports").glob("run-*/report.json"))
    report = json.loads(report_file.read_text(encoding="utf-8"))
    assert report["passed"] is False and expected in report["errors"]
    assert report["requests"]["sent"] == 0  # no call went out without a token
    _nothing_secret_in(tmp_path, finished)


def test_a_target_whose_first_answer_holds_no_token_is_refused_before_the_run(
    tmp_path: Path,
) -> None:
    with _serving(BAD_ANSWERS["no access_token"], good_first=False) as base_url:
        finished = _contract_run(base_url, tmp_path)
    shown = " ".join(finished.stderr.split())
    assert finished.returncode == 2, finished.stderr
    assert "Traceback" not in finished.stderr
    assert (
        f"error: cannot test {base_url}: "
        + MESSAGES["no access_token"].format(url=f"{base_url}/oauth2/token")
    ) in shown
    assert not (tmp_path / "reports").exists()  # nothing run, nothing written
    _nothing_secret_in(tmp_path, finished)
