"""The clean-up's connection: a token fetched ahead, renewed when refused, never trusted blind."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import httpx

from skifte.api import build_api
from skifte.contracts.cleanup import Deleter, clean_up
from skifte.contracts.credentials import Credentials
from skifte.contracts.ledger import Ledger
from skifte.registry import Registry
from tests.conftest import PROJECT_REGISTRY

BASE = "https://testmiljoe.invalid"
CLAIMS = "/doedsbojournaler/e/krav"
CREDENTIALS = Credentials(client_id="testklient-01", secret="hemmelig-test")


class Target:
    """A token endpoint and DELETEs, answering as `token` and `delete` say."""

    def __init__(
        self,
        token: Callable[[int], httpx.Response],
        delete: Callable[[httpx.Request], int] = lambda request: 204,
    ) -> None:
        self.token, self.delete = token, delete
        self.tokens_issued = 0
        self.deletes: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        if request.url.path == "/oauth2/token":
            self.tokens_issued += 1
            return self.token(self.tokens_issued)
        self.deletes.append(request)
        return httpx.Response(self.delete(request))

    def deleter(self) -> Deleter:
        return Deleter(
            BASE,
            f"{BASE}/oauth2/token",
            CREDENTIALS,
            ("doedsbo.skriv",),
            "run-1",
            transport=httpx.MockTransport(self),
        )


def issued(lifetime: int = 300) -> Callable[[int], httpx.Response]:
    return lambda n: httpx.Response(200, json={"access_token": f"t{n}", "expires_in": lifetime})


def always(answer: httpx.Response) -> Callable[[int], httpx.Response]:
    return lambda n: answer


def _ledger(tmp_path: Path, *created: str, deleted: tuple[str, ...] = ()) -> Ledger:
    ledger = Ledger(tmp_path)
    for location in created:
        ledger.write("created", location=location, operation=f"POST {CLAIMS}")
    for location in deleted:
        ledger.write("request", method="DELETE", url_path=location, status=204, operation="x")
    ledger.close()
    return ledger


def test_deletes_exactly_what_is_left_with_the_run_s_tag(tmp_path: Path) -> None:
    api = build_api(Registry(PROJECT_REGISTRY).resolve("doedsbo@1.3.0").read())
    target = Target(issued())
    deleter = target.deleter()
    deleter.start()
    ledger = _ledger(tmp_path, f"{CLAIMS}/1", f"{CLAIMS}/2", deleted=(f"{CLAIMS}/2",))
    outcome = clean_up(ledger, api, deleter)
    deleter.close()
    assert (outcome.deleted, outcome.already_gone) == ([f"{CLAIMS}/1"], [f"{CLAIMS}/2"])
    (request,) = target.deletes
    assert request.headers["X-Skifte-Run"] == "run-1"
    assert request.headers["Authorization"] == "Bearer t1"
    assert target.tokens_issued == 1  # the one fetched while the run went


def test_a_refused_token_is_renewed_once() -> None:
    target = Target(
        issued(), delete=lambda r: 401 if r.headers["Authorization"] == "Bearer t1" else 204
    )
    deleter = target.deleter()
    assert deleter.delete(f"{CLAIMS}/1") == 204
    assert target.tokens_issued == 2
    refusing = Target(issued(), delete=lambda r: 401)
    assert refusing.deleter().delete(f"{CLAIMS}/1") == 401  # once, not forever
    assert refusing.tokens_issued == 2


def test_a_short_lived_token_is_still_used() -> None:
    target = Target(issued(lifetime=10))
    deleter = target.deleter()
    assert [deleter.delete(f"{CLAIMS}/{n}") for n in range(3)] == [204, 204, 204]
    assert target.tokens_issued == 1


def test_no_usable_token_leaves_everything_failed_and_says_nothing_of_it(
    tmp_path: Path,
) -> None:
    api = build_api(Registry(PROJECT_REGISTRY).resolve("doedsbo@1.3.0").read())
    answers = [
        httpx.Response(401, json={"error": "invalid_client"}),
        httpx.Response(200, text="<html>not json</html>"),
        httpx.Response(200, json={"token_type": "Bearer"}),
    ]
    for answer in answers:
        target = Target(always(answer))
        deleter = target.deleter()
        deleter.start()
        outcome = clean_up(_ledger(tmp_path / str(id(answer)), f"{CLAIMS}/1"), api, deleter)
        deleter.close()
        assert outcome.failed == [f"{CLAIMS}/1"] and target.deletes == []
        assert CREDENTIALS.secret not in json.dumps(outcome.__dict__)
