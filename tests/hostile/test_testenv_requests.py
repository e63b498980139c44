# ruff: noqa: F811 (tests take the stand-in's fixtures, imported below, as parameters)
"""Hostile requests against the stand-in: poisoned numbers, oversized and malformed bodies,
forged hosts, credential floods. The inputs live in `testenv_requests/`.

Every refusal must be an answer the release declares, in its error schema.
"""

from __future__ import annotations

import asyncio
import contextlib
import json
import logging
import select
import socket
import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from typer.testing import CliRunner

from skifte.cli import app as cli
from skifte.registry import Registry
from skifte.testenv.app import TestEnvironment
from skifte.testenv.bodies import KIB, MIB, BodyLimits
from skifte.testenv.clients import secret_matches
from skifte.testenv.environment import create_environment
from skifte.testenv.security import Security
from skifte.testenv.server import running
from tests.conftest import PROJECT_REGISTRY
from tests.testenv.conftest import (  # noqa: F401 (the stand-in's fixtures)
    ResponseChecker,
    Session,
    credentials,
    environment,
    in_process,
    session,
    settings,
    token,
)

HOSTILE = Path(__file__).parent / "testenv_requests"
SPEC = Registry(PROJECT_REGISTRY).resolve("doedsbo").read()
KRAV = "/doedsbojournaler/{doedsbojournalId}/krav"
BILAG = "/doedsbojournaler/{doedsbojournalId}/bilag"
VALID_KRAV = {"kravtype": "LAAN", "beloeb": 100.0, "kreditor": {"navn": "Fiktiv Bank A/S"}}
SMALL = BodyLimits(json=4 * KIB, upload=64 * KIB)
CHUNK = 16 * KIB


def _fixture(name: str) -> bytes:
    return (HOSTILE / name).read_bytes()


def _estate(http: httpx.Client, headers: dict[str, str]) -> str:
    found = http.post("/doedsbojournaler", json={}, headers=headers)
    return str(found.json()[0]["doedsbojournalId"])


def _path(template: str, estate: str) -> str:
    return template.replace("{doedsbojournalId}", estate)


def _strict_json(response: httpx.Response) -> Any:
    """The body as a strict JSON parser reads it: no NaN, no Infinity."""

    def refuse(constant: str) -> None:
        raise AssertionError(f"non-standard JSON constant {constant} served")

    return json.loads(response.content, parse_constant=refuse)


def _refused(response: httpx.Response, status: int, template: str) -> dict[str, Any]:
    """The answer is `status`, with the release's error schema for that operation."""
    assert response.status_code == status, response.text
    assert ResponseChecker(SPEC.data).problems(template, response) == []
    body: dict[str, Any] = _strict_json(response)
    assert body["fejlkode"] and body["besked"]
    return body


def _count(http: httpx.Client, headers: dict[str, str], path: str) -> int:
    listed = http.get(path, headers=headers, params={"size": 100})
    assert listed.status_code == 200
    _strict_json(listed)
    return int(listed.headers["X-Total-Count"])


# --- 1. poisoned numbers ----------------------------------------------------------------


@pytest.mark.parametrize("name", sorted(p.name for p in HOSTILE.glob("non-finite-*.json")))
def test_non_finite_numbers_are_refused_and_never_served(session: Session, name: str) -> None:
    http, headers = session.http, session.headers
    estate = _estate(http, headers)
    path = _path(KRAV, estate)
    before = _count(http, headers, path)
    sent = http.post(
        path,
        content=_fixture(name),
        headers={**headers, "Idempotency-Key": name, "Content-Type": "application/json"},
    )
    body = _refused(sent, 400, KRAV)
    assert "endeligt tal" in body["besked"]
    assert _count(http, headers, path) == before
    # Nothing was recorded under the key either: valid content with it is a new claim.
    again = http.post(path, json=VALID_KRAV, headers={**headers, "Idempotency-Key": name})
    assert again.status_code == 201
    assert _strict_json(again)["beloeb"] == 100.0


# --- 2. size limits ---------------------------------------------------------------------


def _small_limits(certs: Path, tmp_path: Path) -> TestEnvironment:
    return create_environment(settings(certs, tmp_path / "data", limits=SMALL))


def test_oversized_bodies_get_413_in_the_error_schema(certs: Path, tmp_path: Path) -> None:
    environment = _small_limits(certs, tmp_path)
    with in_process(environment) as http:
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        estate = _estate(http, headers)
        stored = _count(http, headers, _path(BILAG, estate))
        name = "Fiktiv " + "x" * (5 * KIB)
        big = http.post(
            _path(KRAV, estate),
            json={**VALID_KRAV, "kreditor": {"navn": name}},
            headers={**headers, "Idempotency-Key": "big-json"},
        )
        body = _refused(big, 413, KRAV)
        assert "4 KiB" in body["besked"] and "xxxxxxxx" not in big.text
        assert big.headers["Connection"] == "close"
        upload = http.post(
            _path(BILAG, estate),
            files={"fil": ("stor.pdf", b"%PDF-1.4\n" + b"0" * (100 * KIB), "application/pdf")},
            headers={**headers, "Idempotency-Key": "big-upload"},
        )
        assert "64 KiB" in _refused(upload, 413, BILAG)["besked"]
        assert _count(http, headers, _path(BILAG, estate)) == stored
        # Within the limits, the same operations accept (the limits are not too tight).
        fits = http.post(
            _path(BILAG, estate),
            files={"fil": ("lille.pdf", b"%PDF-1.4\n" + b"0" * (50 * KIB), "application/pdf")},
            headers={**headers, "Idempotency-Key": "small-upload"},
        )
        assert fits.status_code == 201, fits.text
        token_form = http.post(
            "/oauth2/token", data={"grant_type": "client_credentials", "scope": "x" * 5 * KIB}
        )
        assert token_form.status_code == 413


def _asgi(
    app: TestEnvironment, method: str, path: str, headers: dict[str, str], chunks: Iterator[bytes]
) -> tuple[int, int]:
    """Drive the app directly with a body that arrives chunk by chunk: (status, bytes it read)."""
    pulled = 0
    statuses: list[int] = []

    async def receive() -> dict[str, Any]:
        nonlocal pulled
        chunk = next(chunks, None)
        if chunk is None:
            return {"type": "http.request", "body": b"", "more_body": False}
        pulled += len(chunk)
        return {"type": "http.request", "body": chunk, "more_body": True}

    async def send(message: dict[str, Any]) -> None:
        if message["type"] == "http.response.start":
            statuses.append(message["status"])

    scope = {
        "type": "http",
        "asgi": {"version": "3.0"},
        "http_version": "1.1",
        "method": method,
        "scheme": "http",
        "path": path,
        "raw_path": path.encode(),
        "query_string": b"",
        "root_path": "",
        "headers": [(k.lower().encode(), v.encode()) for k, v in headers.items()],
        "server": ("127.0.0.1", 8080),
        "client": ("127.0.0.1", 50000),
    }
    asyncio.run(app(scope, receive, send))  # type: ignore[arg-type]
    return statuses[0], pulled


def _endless(first: bytes, filler: bytes, total: int) -> Iterator[bytes]:
    yield first
    for _ in range(total // len(filler)):
        yield filler


def test_an_oversized_body_is_never_read_whole(certs: Path, tmp_path: Path) -> None:
    environment = _small_limits(certs, tmp_path)
    with in_process(environment) as http:
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        estate = _estate(http, headers)
    json_headers = {**headers, "Idempotency-Key": "s-1", "Content-Type": "application/json"}
    # 100 MiB of JSON without a length: the app stops pulling just past its limit.
    status, read = _asgi(
        environment,
        "POST",
        _path(KRAV, estate),
        json_headers,
        _endless(b"[", b"1," * (CHUNK // 2), 100 * MIB),
    )
    assert status == 413 and read <= SMALL.json + CHUNK
    # A declared length over the limit: refused before a byte of the body is read.
    declared = {**json_headers, "Content-Length": str(100 * MIB)}
    status, read = _asgi(environment, "POST", _path(KRAV, estate), declared, iter([b"[1]"]))
    assert (status, read) == (413, 0)
    # 100 MiB upload, streamed: the same, at the upload limit.
    upload_headers = {
        **headers,
        "Idempotency-Key": "s-2",
        "Content-Type": "multipart/form-data; boundary=hostile",
    }
    head = (
        b'--hostile\r\nContent-Disposition: form-data; name="fil"; filename="a.pdf"\r\n'
        b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n"
    )
    status, read = _asgi(
        environment,
        "POST",
        _path(BILAG, estate),
        upload_headers,
        _endless(head, b"0" * CHUNK, 100 * MIB),
    )
    assert status == 413 and read <= SMALL.upload + CHUNK
    # A JSON body to the upload operation is held to the JSON limit, not the upload one.
    status, read = _asgi(
        environment,
        "POST",
        _path(BILAG, estate),
        {**json_headers, "Idempotency-Key": "s-3"},
        _endless(b"[", b"1," * (CHUNK // 2), 100 * MIB),
    )
    assert status == 413 and read <= SMALL.json + CHUNK


def test_a_large_body_within_the_limit_is_checked_in_full(session: Session) -> None:
    http, headers = session.http, session.headers
    estate = _estate(http, headers)
    path = _path(KRAV, estate)
    padding = "Fiktiv kreditor " * 4000  # ~64 KiB: checked in the worker pool
    fine = http.post(
        path,
        json={**VALID_KRAV, "kreditor": {"navn": padding}},
        headers={**headers, "Idempotency-Key": "large-1"},
    )
    assert fine.status_code == 201, fine.text[:300]
    wrong = http.post(
        path,
        json={**VALID_KRAV, "beloeb": "mange", "kreditor": {"navn": padding}},
        headers={**headers, "Idempotency-Key": "large-2"},
    )
    assert _refused(wrong, 400, KRAV)["felt"] == "beloeb"
    many = http.post(
        path,
        json={**VALID_KRAV, "beloeb": [1] * 50_000},
        headers={**headers, "Idempotency-Key": "large-3"},
    )
    body = _refused(many, 400, KRAV)
    assert "10000" in body["besked"] and len(many.content) < 1000


# --- 3. no 500s -------------------------------------------------------------------------


def test_hostile_bodies_get_400_never_500(session: Session) -> None:
    http, headers = session.http, session.headers
    estate = _estate(http, headers)
    claim = http.post(
        _path(KRAV, estate), json=VALID_KRAV, headers={**headers, "Idempotency-Key": "c-1"}
    )
    item = f"{_path(KRAV, estate)}/{claim.json()['kravId']}"
    deep = _fixture("deep-brackets.json")
    for method, path, template in (
        ("GET", f"/doedsbojournaler/{estate}", "/doedsbojournaler/{doedsbojournalId}"),
        ("DELETE", item, KRAV + "/{kravId}"),
        ("POST", _path(KRAV, estate), KRAV),
    ):
        sent = http.request(method, path, content=deep, headers={**headers, "Idempotency-Key": "d"})
        _refused(sent, 400, template)
    assert http.get(item, headers=headers).status_code == 200  # the DELETE did nothing
    for name in ("deep-objects.json", "lone-surrogate-value.json", "lone-surrogate-key.json"):
        for path, template in (
            (_path(KRAV, estate), KRAV),
            ("/doedsbojournaler", "/doedsbojournaler"),
        ):
            sent = http.post(
                path,
                content=_fixture(name),
                headers={**headers, "Idempotency-Key": name, "Content-Type": "application/json"},
            )
            _refused(sent, 400, template)


def test_a_sweep_of_hostile_requests_finds_no_server_error(session: Session) -> None:
    http, headers = session.http, session.headers
    estate = _estate(http, headers)
    bodies = [
        b"",
        b"null",
        b"\xff\xfe{}",
        '{"a": 1}'.encode("utf-16"),
        b'{"beloeb": ' + b"9" * 5000 + b"}",
        b'{"navn": "\\u0000"}',
        b"[" * 900 + b"]" * 900,
        _fixture("deep-objects.json"),
        _fixture("upload-truncated.multipart"),
    ]
    media_types = [
        "application/json",
        "application/json; charset=utf-16",
        "text/plain",
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=hostile",
        "application/x-www-form-urlencoded",
    ]
    paths = [
        ("POST", "/doedsbojournaler"),
        ("POST", _path(KRAV, estate)),
        ("POST", _path(BILAG, estate)),
        ("PUT", f"{_path(KRAV, estate)}/d0e5b0d1-0000-4000-8000-000000000101"),
        ("GET", f"/doedsbojournaler/{estate}"),
        ("POST", "/oauth2/token"),
    ]
    answers: list[tuple[str, str, str, httpx.Response]] = []
    for (method, path), body, media in (
        (p, b, m) for p in paths for b in bodies for m in media_types
    ):
        sent = {**headers, "Idempotency-Key": f"sweep-{len(answers)}", "Content-Type": media}
        answers.append(
            (method, path, media, http.request(method, path, content=body, headers=sent))
        )
    for query in ("size=%ED%A0%80", "size=1e999", "page=NaN", "size=" + "9" * 5000, "%ff=%fe"):
        answers.append(
            ("GET", query, "", http.get(f"{_path(KRAV, estate)}?{query}", headers=headers))
        )
    odd_headers = {"Idempotency-Key": b"\xed\xa0\x80", "X-Paa-Vegne-Af": b"\xe6\xf8\xff"}
    for name, value in odd_headers.items():
        sent_headers: dict[str, Any] = {**headers, name: value}
        answer = http.post(_path(KRAV, estate), json=VALID_KRAV, headers=sent_headers)
        answers.append(("POST", name, "", answer))
    for path in ("/doedsbojournaler/%ED%A0%80", "/doedsbojournaler/" + "a" * 10_000):
        answers.append(("GET", path[:40], "", http.get(path, headers=headers)))
    server_errors = [(m, p, t, r.status_code) for m, p, t, r in answers if r.status_code >= 500]
    assert server_errors == []
    for _, _, _, answer in answers:
        if answer.status_code >= 400:
            body = _strict_json(answer)
            assert ("fejlkode" in body and "besked" in body) or "error" in body


# --- 4. uploads are what they say they are ---------------------------------------------


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("upload-truncated.multipart", None),
        ("upload-without-closing-boundary.multipart", None),
        ("upload-file-without-filename.multipart", "fil"),
        ("upload-png-as-pdf.multipart", "fil"),
        ("upload-executable-as-pdf.multipart", "fil"),
        ("upload-empty-file.multipart", "fil"),
        ("upload-declared-as-png.multipart", "fil"),
    ],
)
def test_malformed_or_mislabelled_uploads_are_refused(
    session: Session, name: str, field: str | None
) -> None:
    http, headers = session.http, session.headers
    estate = _estate(http, headers)
    path = _path(BILAG, estate)
    before = _count(http, headers, path)
    sent = http.post(
        path,
        content=_fixture(name),
        headers={
            **headers,
            "Idempotency-Key": name,
            "Content-Type": "multipart/form-data; boundary=hostile",
        },
    )
    # The release declares no 415 for uploads: a wrong type is a bad request, 400.
    body = _refused(sent, 400, BILAG)
    assert body.get("felt") == field
    assert _count(http, headers, path) == before


def test_a_valid_upload_is_stored_byte_for_byte(session: Session) -> None:
    http, headers = session.http, session.headers
    estate = _estate(http, headers)
    valid = _fixture("upload-valid.multipart")
    sent = http.post(
        _path(BILAG, estate),
        content=valid,
        headers={
            **headers,
            "Idempotency-Key": "valid-upload",
            "Content-Type": "multipart/form-data; boundary=hostile",
        },
    )
    assert sent.status_code == 201, sent.text
    created = sent.json()
    assert created["filnavn"] == "bilag.pdf" and created["beskrivelse"] == "Fiktiv kontoudskrift"
    content = http.get(f"{sent.headers['Location']}/indhold", headers=headers)
    assert content.status_code == 200 and content.content.startswith(b"%PDF-1.4")
    assert content.content in valid and created["stoerrelse"] == len(content.content)


# --- 5. Location never comes from Host --------------------------------------------------


def test_location_is_built_on_the_public_url_not_the_host_header(
    certs: Path, tmp_path: Path
) -> None:
    public = "https://testmiljoe.example:8443"
    configured = create_environment(settings(certs, tmp_path / "a", public_url=public))
    with in_process(configured) as http:
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        estate = _estate(http, headers)
        created = http.post(
            _path(KRAV, estate),
            json=VALID_KRAV,
            headers={**headers, "Idempotency-Key": "h-1", "Host": "evil.example"},
        )
    assert created.status_code == 201
    assert created.headers["Location"].startswith(f"{public}/doedsbojournaler/{estate}/krav/")
    # Without a configured URL: the address the server is bound to, whatever Host says.
    bound = create_environment(settings(certs, tmp_path / "b"))
    with running(bound) as server, httpx.Client(base_url=server.base_url) as http:
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        estate = _estate(http, headers)
        created = http.post(
            _path(KRAV, estate),
            json=VALID_KRAV,
            headers={**headers, "Idempotency-Key": "h-2", "Host": "evil.example"},
        )
    assert created.status_code == 201
    assert created.headers["Location"].startswith(f"{server.base_url}/doedsbojournaler/")


# --- 6. failed authentications are limited ----------------------------------------------


class _Clock:
    def __init__(self) -> None:
        self.now = 1_000_000.0

    def __call__(self) -> float:
        return self.now


def test_failed_token_requests_are_limited_per_client_and_certificate(
    environment: TestEnvironment,
    certs: Path,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    clock = _Clock()
    old = environment.security
    environment.security = Security(
        old.clients, old.scopes, max_failed_logins=3, failed_login_window=60.0, clock=clock
    )
    checked: list[str] = []

    def counting(secret: str, stored: str) -> bool:
        checked.append("x")
        return secret_matches(secret, stored)

    monkeypatch.setattr("skifte.testenv.security.secret_matches", counting)
    caplog.set_level(logging.DEBUG)
    client_id, secret = credentials(certs, 1)
    wrong = "forkert-" + secret[::-1]
    grant = {"grant_type": "client_credentials"}
    with in_process(environment) as http:
        for _ in range(3):
            assert (
                http.post("/oauth2/token", data=grant, auth=(client_id, wrong)).status_code == 401
            )
        locked = http.post("/oauth2/token", data=grant, auth=(client_id, secret))
        assert locked.status_code == 429 and locked.headers["Retry-After"] == "60"
        assert len(checked) == 3  # refused before any secret is checked
        other = http.post("/oauth2/token", data=grant, auth=credentials(certs, 2))
        assert other.status_code == 200  # another client is not locked out
        clock.now += 61
        assert http.post("/oauth2/token", data=grant, auth=(client_id, secret)).status_code == 200
        texts = [locked.text, caplog.text]
    assert not any(secret in text or wrong in text for text in texts)
    # Per certificate: changing the client id does not reset a guesser's count.
    for n in range(3):
        refused = environment.security.issue(
            {**grant, "client_id": f"ukendt-{n}", "client_secret": "x"}, None, "tommelaftryk-A"
        )
        assert getattr(refused, "status", None) == 401
    locked_out = environment.security.issue(
        {**grant, "client_id": "ukendt-9", "client_secret": "x"}, None, "tommelaftryk-A"
    )
    assert getattr(locked_out, "status", None) == 429


# --- 7. soak, without the clock ---------------------------------------------------------


class _CountingApp:
    """The app, noting how much of one request's body it had read when it asked for more.

    How much arrives per message depends on the server's buffers and the machine's pace;
    what must hold is that the app stops asking once the limit is passed.
    """

    def __init__(self, app: TestEnvironment) -> None:
        self.app = app
        self.most_read_before_asking = 0

    async def __call__(self, scope: Any, receive: Any, send: Any) -> None:
        read = 0

        async def counting() -> Any:
            nonlocal read
            self.most_read_before_asking = max(self.most_read_before_asking, read)
            message = await receive()
            read += len(message.get("body", b""))
            return message

        await self.app(scope, counting, send)


def _send_raw(port: int, head: str, chunks: Iterator[bytes], chunked: bool) -> str:
    """Send a request over a raw socket, stopping as soon as the server answers."""
    answer = b""
    with socket.create_connection(("127.0.0.1", port), timeout=60) as sock:
        sock.sendall(head.encode())
        try:
            for chunk in chunks:
                if select.select([sock], [], [], 0)[0]:
                    break
                sock.sendall(b"%x\r\n%b\r\n" % (len(chunk), chunk) if chunked else chunk)
            else:
                if chunked:
                    sock.sendall(b"0\r\n\r\n")
            answer = sock.recv(256)
        except (BrokenPipeError, ConnectionResetError):
            with contextlib.suppress(OSError):
                answer = answer or sock.recv(256)
    return answer.split(b" ", 2)[1].decode() if answer.count(b" ") >= 2 else "no answer"


def test_reads_go_on_while_another_client_sends_hostile_bodies(certs: Path, tmp_path: Path) -> None:
    environment = _small_limits(certs, tmp_path)
    app = _CountingApp(environment)
    with running(app) as server, httpx.Client(base_url=server.base_url, timeout=60) as http:
        reader = {"Authorization": f"Bearer {token(http, certs, 1)}"}
        attacker = token(http, certs, 2)
        estate = _estate(http, reader)
        base = f"Host: 127.0.0.1\r\nAuthorization: Bearer {attacker}\r\nIdempotency-Key: soak\r\n"
        krav, bilag = _path(KRAV, estate), _path(BILAG, estate)
        json_type = "Content-Type: application/json\r\n"
        form_type = "Content-Type: multipart/form-data; boundary=hostile\r\n"
        deep = _fixture("deep-brackets.json")[: 3 * KIB]  # nested too deep, within the limit
        upload_head = (
            b'--hostile\r\nContent-Disposition: form-data; name="fil"; filename="a.pdf"\r\n'
            b"Content-Type: application/pdf\r\n\r\n%PDF-1.4\n"
        )
        hostile: list[tuple[str, Callable[[], Iterator[bytes]], bool, str]] = [
            (
                f"POST {krav} HTTP/1.1\r\n{base}{json_type}Content-Length: {100 * MIB}\r\n\r\n",
                lambda: _endless(b"[", b"1," * 8192, 100 * MIB),
                False,
                "413",
            ),
            (
                f"POST {krav} HTTP/1.1\r\n{base}{json_type}Transfer-Encoding: chunked\r\n\r\n",
                lambda: _endless(b"[", b"1," * 8192, 8 * MIB),
                True,
                "413",
            ),
            (
                f"POST {bilag} HTTP/1.1\r\n{base}{form_type}Transfer-Encoding: chunked\r\n\r\n",
                lambda: _endless(upload_head, b"0" * CHUNK, 8 * MIB),
                True,
                "413",
            ),
            (
                f"GET /doedsbojournaler/{estate} HTTP/1.1\r\n{base}"
                f"Content-Length: {len(deep)}\r\n\r\n",
                lambda: iter([deep]),
                False,
                "400",
            ),
        ]
        outcomes: list[tuple[str, str]] = []

        def attack() -> None:
            for _ in range(3):
                for head, chunks_of, chunked, expected in hostile:
                    answer = _send_raw(server.port, head, chunks_of(), chunked)
                    outcomes.append((expected, answer))

        attack_thread = threading.Thread(target=attack)
        attack_thread.start()
        statuses: list[int] = []
        while attack_thread.is_alive() or len(statuses) < 20:
            statuses.append(http.get(f"/doedsbojournaler/{estate}", headers=reader).status_code)
        attack_thread.join()
        assert http.get("/status").status_code == 200
    assert set(statuses) == {200}
    assert [got for _, got in outcomes] == [expected for expected, _ in outcomes]
    # No request was read on once more of its body had come than the larger limit.
    assert app.most_read_before_asking <= SMALL.upload


# --- the options --------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("option", "value", "says"),
    [
        ("--max-json-body", "lots", "--max-json-body 'lots': expected a positive size"),
        ("--max-upload-body", "0MiB", "--max-upload-body '0MiB': expected a positive size"),
        ("--max-upload-body", "20 parsecs", "expected a positive size"),
        ("--max-json-body", "9" * 5000, "expected a positive size"),
        ("--public-url", "ftp://testmiljoe.example", "--public-url 'ftp://testmiljoe.example'"),
        ("--public-url", "https://x.example/?a=1", "expected http(s)://host[:port][/path]"),
    ],
)
def test_unusable_limits_and_urls_are_refused_before_serving(
    tmp_path: Path, option: str, value: str, says: str
) -> None:
    result = CliRunner().invoke(
        cli, ["testenv", "serve", "--data", str(tmp_path / "data"), option, value]
    )
    assert result.exit_code == 2 and says in result.stderr
    assert len(result.stderr) < 300  # one line, never the whole value
    assert not (tmp_path / "data").exists()
