"""Where a client fetches its tokens: one rule, read by the contract runs and the clients."""

from __future__ import annotations

import importlib
import sys

import pytest

from skifte.api import Api, SecurityScheme, Server, TokenEndpoint, build_api
from skifte.contracts.target import Target
from skifte.registry import Registry
from tests.conftest import PROJECT, PROJECT_REGISTRY

STAND_IN = "https://127.0.0.1:8443"


def _api(token: str | None, servers: tuple[str, ...] = ("https://api.test.example",)) -> Api:
    scheme = SecurityScheme("oauth2", "oauth2", token_url=token)
    return Api(
        title="t",
        version="1",
        openapi="3.0.3",
        servers=tuple(Server(url) for url in servers),
        operations=(),
        security_schemes=(scheme,),
    )


@pytest.mark.parametrize(
    ("token", "expected"),
    [
        # On the spec's own server: the environment's, so it follows the client.
        ("https://api.test.example/oauth2/token", STAND_IN + "/oauth2/token"),
        # No host: a path on whatever environment the client talks to.
        ("/oauth2/token", STAND_IN + "/oauth2/token"),
        # The same origin spelled otherwise: host case, the scheme's own port.
        ("https://API.test.example:443/oauth2/token", STAND_IN + "/oauth2/token"),
        # A host of its own: it stays where the spec says.
        ("https://login.example/token", "https://login.example/token"),
        ("https://api.test.example:8443/token", "https://api.test.example:8443/token"),
        ("http://api.test.example/token", "http://api.test.example/token"),
    ],
)
def test_the_token_endpoint_follows_the_base_url_only_from_the_specs_own_servers(
    token: str, expected: str
) -> None:
    endpoint = _api(token).token_endpoint()
    assert endpoint is not None and endpoint.url == token
    assert endpoint.url_for(STAND_IN + "/api") == expected
    assert Target.remote(_api(token), STAND_IN).token_url == expected


def test_a_spec_without_a_token_endpoint_has_none() -> None:
    assert _api(None).token_endpoint() is None
    assert TokenEndpoint("/t", follows_base_url=True).path == "/t"


def test_generated_clients_apply_the_same_rule_as_the_contract_runs() -> None:
    # The committed packages, imported as a user would: the rule was worked out once,
    # in the model, and the client only applies its result.
    for folder in sorted((PROJECT / "generated").glob("skifteportal-*")):
        package = folder.name.replace("-", "_")
        release = next(
            r
            for r in Registry(PROJECT_REGISTRY).releases()
            if package.endswith(f"_{r.api}_v{r.version.replace('.', '_')}")
        )
        api = build_api(release.read())
        sys.path.insert(0, str(folder))
        try:
            auth = importlib.import_module(f"{package}.auth")
        finally:
            sys.path.remove(str(folder))
        for base in (STAND_IN, "https://api.test-minskiftesag.net"):
            assert auth.token_url_for(base) == Target.remote(api, base).token_url, (
                folder.name,
                base,
            )
