"""Retries, idempotency keys and the error tree of a generated client, as a user meets them.

The server is an httpx MockTransport scripted per test; waits go through the
client's `sleep`, recorded instead of slept, so nothing here depends on time.
"""

from __future__ import annotations

import asyncio
import email.utils
import time
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest

from skifte.api import build_api
from skifte.registry import Registry
from skifte.testenv.app import TestEnvironment
from skifte.testenv.values import synthesize
from tests.conftest import PROJECT_REGISTRY
from tests.testenv.conftest import credentials
from tests.testenv.transport import SyncASGITransport

API = build_api(Registry(PROJECT_REGISTRY).release("doedsbo", "1.3.0").read())
CLAIM: dict[str, Any] = synthesize(API.schemas["krav"], "krav")
ESTATE = "5f0c3a4e-9a4b-4c1e-8d2f-2d1b7c0e9a11"


class Server:
    """Answers from a script, one per request; records every request."""

    def __init__(self, *answers: httpx.Response | Exception) -> None:
        self.answers = list(answers)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        answer = self.answers.pop(0) if len(self.answers) > 1 else self.answers[0]
        if isinstance(answer, Exception):
            raise answer
        return answer


def _client(sdk: ModuleType, server: Server, slept: list[float], **kwargs: Any) -> Any:
    return sdk.Client(
        "https://api.example/v1",
        transport=httpx.MockTransport(server),
        sleep=slept.append,
        **kwargs,
    )


def _claim_body(sdk: ModuleType) -> Any:
    return sdk.models.KravData.model_validate(synthesize(API.schemas["kravData"], "krav"))


def test_reads_are_retried_on_5xx_with_growing_backoff(sdk: ModuleType) -> None:
    server = Server(httpx.Response(503), httpx.Response(502), httpx.Response(200, json=CLAIM))
    slept: list[float] = []
    with _client(sdk, server, slept) as client:
        claim = client.get_krav(ESTATE, CLAIM["kravId"])
    assert str(claim.krav_id) == CLAIM["kravId"]
    assert len(server.requests) == 3
    assert len(slept) == 2
    assert 0.375 <= slept[0] <= 0.5 and 0.75 <= slept[1] <= 1.0  # 0.5 · 2^n, less up to 25 %


def test_retries_stop_after_max_retries_with_the_typed_error(sdk: ModuleType) -> None:
    server = Server(httpx.Response(500, json={"fejlkode": "FEJL", "besked": "nede"}))
    slept: list[float] = []
    with _client(sdk, server, slept, max_retries=3) as client, pytest.raises(sdk.ServerError):
        client.get_krav(ESTATE, CLAIM["kravId"])
    assert len(server.requests) == 4 and len(slept) == 3


def test_429_waits_out_retry_after_in_seconds_and_as_a_date(sdk: ModuleType) -> None:
    in_20s = email.utils.formatdate(time.time() + 20, usegmt=True)
    server = Server(
        httpx.Response(429, headers={"Retry-After": "3"}),
        httpx.Response(429, headers={"Retry-After": in_20s}),
        httpx.Response(200, json=CLAIM),
    )
    slept: list[float] = []
    with _client(sdk, server, slept) as client:
        client.get_krav(ESTATE, CLAIM["kravId"])
    assert slept[0] == 3.0
    assert 10 < slept[1] <= 20  # an HTTP date, counted from now (generous: a slow machine)


def test_a_retry_after_beyond_a_minute_is_raised_not_waited(sdk: ModuleType) -> None:
    server = Server(httpx.Response(429, headers={"Retry-After": "3600"}))
    slept: list[float] = []
    with _client(sdk, server, slept) as client, pytest.raises(sdk.RateLimitedError) as limited:
        client.get_krav(ESTATE, CLAIM["kravId"])
    assert limited.value.retry_after == 3600.0 and slept == [] and len(server.requests) == 1


def test_a_retried_write_sends_the_same_generated_idempotency_key(sdk: ModuleType) -> None:
    server = Server(httpx.Response(503), httpx.Response(201, json=CLAIM))
    slept: list[float] = []
    with _client(sdk, server, slept) as client:
        client.create_krav(ESTATE, _claim_body(sdk))
        client.create_krav(ESTATE, _claim_body(sdk))
    first, retried, second = (r.headers["Idempotency-Key"] for r in server.requests)
    assert first == retried != second
    assert len(first) == 36 and first.count("-") == 4  # a fresh UUID per call


def test_an_explicit_idempotency_key_is_sent_on_every_attempt(sdk: ModuleType) -> None:
    server = Server(httpx.ConnectError("refused"), httpx.Response(201, json=CLAIM))
    with _client(sdk, server, []) as client:
        client.create_krav(ESTATE, _claim_body(sdk), idempotency_key="krav-2026-0001")
    assert [r.headers["Idempotency-Key"] for r in server.requests] == ["krav-2026-0001"] * 2


def test_a_write_without_an_idempotency_key_is_never_retried(sdk: ModuleType) -> None:
    # search_bo is a POST whose operation declares no Idempotency-Key.
    server = Server(httpx.Response(503))
    slept: list[float] = []
    with _client(sdk, server, slept) as client, pytest.raises(sdk.ServerError):
        client.search_bo(sdk.models.DoedsbojournalQuery())
    assert len(server.requests) == 1 and slept == []
    refused = Server(httpx.ConnectError("refused"))
    with _client(sdk, refused, slept) as client, pytest.raises(sdk.ApiConnectionError):
        client.search_bo(sdk.models.DoedsbojournalQuery())
    assert len(refused.requests) == 1 and slept == []


def test_a_caller_key_makes_any_write_retryable(sdk: ModuleType) -> None:
    server = Server(httpx.Response(503), httpx.Response(200, json=[]))
    with _client(sdk, server, []) as client:
        found = client.search_bo(
            sdk.models.DoedsbojournalQuery(), extra_headers={"Idempotency-Key": "soeg-1"}
        )
    assert found == [] and len(server.requests) == 2


@pytest.mark.parametrize(
    ("failure", "error"),
    [
        (httpx.ConnectError("[Errno 111] Connection refused"), "ApiConnectionError"),
        (httpx.ReadTimeout("timed out"), "ApiTimeoutError"),
    ],
)
def test_transport_failures_are_wrapped_with_method_and_url_only(
    sdk: ModuleType, failure: Exception, error: str
) -> None:
    server = Server(failure)
    slept: list[float] = []
    with (
        _client(sdk, server, slept, headers={"Authorization": "Bearer hemmelig-token"}) as client,
        pytest.raises(getattr(sdk, error)) as raised,
    ):
        client.list_krav(ESTATE, size=5, sort="beloeb")
    assert len(server.requests) == 3 and len(slept) == 2
    message = str(raised.value)
    assert message.startswith(f"GET https://api.example/v1/doedsbojournaler/{ESTATE}/krav:")
    assert "size" not in message and "hemmelig" not in message
    assert isinstance(raised.value, sdk.DoedsboError) and raised.value.__cause__ is None
    assert raised.value.cause is failure


def test_every_error_shares_the_package_base(sdk: ModuleType) -> None:
    for name in (
        "ApiError",
        "NotFoundError",
        "ApiConnectionError",
        "ApiTimeoutError",
        "TokenError",
        "ResponseFormatError",
        "CertificateError",
    ):
        assert issubclass(getattr(sdk, name), sdk.DoedsboError), name
    assert "DoedsboError" in sdk.errors.__doc__ and "ApiTimeoutError" in sdk.errors.__doc__


def test_a_missing_or_bad_certificate_file_is_named(sdk: ModuleType, tmp_path: Path) -> None:
    missing = tmp_path / "mangler.pem"
    with pytest.raises(sdk.CertificateError, match=r"mangler\.pem"):
        sdk.ClientCertificate(missing, missing).ssl_context()
    garbage = tmp_path / "skrald.pem"
    garbage.write_text("ikke et certifikat", encoding="utf-8")
    with pytest.raises(sdk.CertificateError, match=r"skrald\.pem") as bad:
        sdk.Client("https://api.example", certificate=sdk.ClientCertificate(garbage, garbage))
    assert isinstance(bad.value, sdk.DoedsboError)


def test_per_call_options_reach_the_request_and_override_the_client(sdk: ModuleType) -> None:
    server = Server(httpx.Response(503), httpx.Response(200, json=CLAIM))
    slept: list[float] = []
    with _client(sdk, server, slept, headers={"X-Kilde": "test"}) as client:
        with pytest.raises(sdk.ServerError):
            client.get_krav(
                ESTATE, CLAIM["kravId"], timeout=2.5, extra_headers={"X-Spor": "a"}, max_retries=0
            )
        (request,) = server.requests
        assert request.extensions["timeout"]["read"] == 2.5
        assert request.headers["X-Spor"] == "a" and request.headers["X-Kilde"] == "test"
        client.get_krav(ESTATE, CLAIM["kravId"])
        assert server.requests[-1].extensions["timeout"]["read"] == 30.0
        assert "X-Spor" not in server.requests[-1].headers


def test_with_options_copies_defaults_and_shares_the_connections(sdk: ModuleType) -> None:
    server = Server(httpx.Response(503))
    slept: list[float] = []
    with _client(sdk, server, slept) as client:
        patient = client.with_options(timeout=None, max_retries=0, extra_headers={"X-Spor": "b"})
        assert patient._http is client._http and type(patient) is type(client)
        with pytest.raises(sdk.ServerError):
            patient.get_krav(ESTATE, CLAIM["kravId"])
        assert len(server.requests) == 1 and slept == []
        assert server.requests[0].extensions["timeout"]["read"] is None
        assert server.requests[0].headers["X-Spor"] == "b"
        with pytest.raises(sdk.ServerError):
            client.get_krav(ESTATE, CLAIM["kravId"])
        assert len(server.requests) == 4  # the original keeps its two retries


def test_the_async_client_retries_and_sleeps_through_its_own_sleep(sdk: ModuleType) -> None:
    server = Server(httpx.Response(503), httpx.Response(201, json=CLAIM))
    slept: list[float] = []

    async def sleep(seconds: float) -> None:
        slept.append(seconds)

    async def run() -> Any:
        async with sdk.AsyncClient(
            "https://api.example", transport=httpx.MockTransport(server), sleep=sleep
        ) as client:
            return await client.create_krav(ESTATE, _claim_body(sdk))

    claim = asyncio.run(run())
    assert str(claim.krav_id) == CLAIM["kravId"] and len(slept) == 1
    keys = {r.headers["Idempotency-Key"] for r in server.requests}
    assert len(server.requests) == 2 and len(keys) == 1


class LosesFirstAnswer(httpx.BaseTransport):
    """Delivers every request to the stand-in, but loses the answer to the first write."""

    def __init__(self, environment: TestEnvironment) -> None:
        self.inner = SyncASGITransport(environment)
        self.writes: list[httpx.Request] = []

    def handle_request(self, request: httpx.Request) -> httpx.Response:
        response = self.inner.handle_request(request)
        if request.method == "POST" and request.url.path.endswith("/krav"):
            self.writes.append(request)
            if len(self.writes) == 1:
                raise httpx.ReadError("connection reset after the server stored the claim")
        return response


def test_a_lost_answer_is_retried_and_the_stand_in_stores_one_claim(
    sdk: ModuleType, environment: TestEnvironment, certs: Path
) -> None:
    transport = LosesFirstAnswer(environment)
    client_id, secret = credentials(certs)
    slept: list[float] = []
    with sdk.Client(
        "http://testenv.local",
        credentials=sdk.ClientCredentials(client_id, secret),
        transport=transport,
        sleep=slept.append,
    ) as client:
        estate = client.search_bo(sdk.models.DoedsbojournalQuery(), size=3)[1].doedsbojournal_id
        before = len(client.list_krav(estate))
        claim = client.create_krav(estate, _claim_body(sdk))
        after = client.list_krav(estate)
    assert len(transport.writes) == 2 and len(slept) == 1
    keys = {r.headers["Idempotency-Key"] for r in transport.writes}
    assert len(keys) == 1
    assert len(after) == before + 1 and claim.krav_id in {c.krav_id for c in after}
