"""Authentication: OAuth2 client credentials over mutual TLS.

OAuth 2.0 med client credentials. Ved godkendelse udleveres et Client ID og
en Client Secret. Token-endpointet og alle API-kald kræver gensidig TLS
(mTLS) med organisationens registrerede OCES3-testcertifikat, udstedt af
Digitaliseringsstyrelsen. Adgangstokenet er bundet til dette certifikat og
kan ikke bruges sammen med et andet certifikat. Tokenet udløber (se
`expires_in` i token-svaret) og skal da hentes igen. Læseoperationer kræver
scope `doedsbo.laes`, skriveoperationer scope `doedsbo.skriv`. English: the
token endpoint and every API call require mutual TLS with the organisation's
registered OCES3 test certificate; the token is bound to that certificate
and expires.

Secrets stay private: `repr()` of credentials and tokens hides them, and no
error message contains them.
"""

from __future__ import annotations

import base64
import os
import ssl
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote, urlsplit, urlunsplit

import httpx

from .errors import CertificateError, TokenError

TOKEN_URL: str | None = "https://api.test-minskiftesag.net/oauth2/token"
"""The token endpoint named in the specification's security scheme."""
TOKEN_URL_FOLLOWS_BASE_URL: bool = True
"""Whether it is on one of the specification's servers (or names no host), so that a
client pointed at another environment fetches its tokens there."""
SCOPES: tuple[str, ...] = ("doedsbo.laes", "doedsbo.skriv")
"""Every scope the specification defines."""
SERVERS: dict[str, str] = {
    "produktion": "https://api.domstol.dk",
    "test": "https://api.test-minskiftesag.net",
}
"""The servers the specification names, by description."""
USER_AGENT = "skifteportal-doedsbo-v1_3_0/1.3.0"
"""Sent with every request: this package's distribution name and version."""

REFRESH_MARGIN = 30.0
"""Seconds before expiry at which a cached token is replaced."""


@dataclass(frozen=True)
class ClientCredentials:
    """The client id and secret the programme issues to an approved organisation."""

    client_id: str
    client_secret: str = field(repr=False)
    scopes: tuple[str, ...] = SCOPES

    def __repr__(self) -> str:
        return f"ClientCredentials(client_id={self.client_id!r}, client_secret='***')"

    @classmethod
    def from_env(cls, environ: Mapping[str, str] | None = None) -> ClientCredentials:
        """From SKIFTE_CLIENT_ID and SKIFTE_CLIENT_SECRET."""
        env = os.environ if environ is None else environ
        try:
            return cls(env["SKIFTE_CLIENT_ID"], env["SKIFTE_CLIENT_SECRET"])
        except KeyError as missing:
            raise ValueError(
                f"environment variable {missing.args[0]} is not set"
            ) from None

    @classmethod
    def from_env_file(cls, path: Path) -> ClientCredentials:
        """From a KEY=value file holding SKIFTE_CLIENT_ID and SKIFTE_CLIENT_SECRET."""
        values = {}
        for line in path.read_text(encoding="utf-8").splitlines():
            key, sep, value = line.partition("=")
            if sep and not key.lstrip().startswith("#"):
                values[key.strip()] = value.strip().strip("'\"")
        return cls.from_env(values)


@dataclass(frozen=True)
class ClientCertificate:
    """The organisation's certificate for mutual TLS, with the CA that signed the server's."""

    cert_file: Path
    key_file: Path
    ca_file: Path | None = None

    def ssl_context(self) -> ssl.SSLContext:
        """A TLS context presenting this certificate; CertificateError names a bad file."""
        files = [
            self.cert_file,
            self.key_file,
            *([self.ca_file] if self.ca_file else []),
        ]
        for path in files:
            try:
                with open(path, "rb"):
                    pass
            except OSError as exc:
                raise CertificateError(
                    str(path), exc.strerror or "cannot be read"
                ) from None
        try:
            context = ssl.create_default_context(
                cafile=str(self.ca_file) if self.ca_file is not None else None
            )
        except ssl.SSLError as exc:
            raise CertificateError(
                str(self.ca_file), f"not a CA certificate ({exc.reason})"
            ) from None
        try:
            context.load_cert_chain(str(self.cert_file), str(self.key_file))
        except ssl.SSLError as exc:
            raise CertificateError(
                f"{self.cert_file}, {self.key_file}",
                f"not a matching certificate and key ({exc.reason})",
            ) from None
        return context


def token_url_for(base_url: str, token_url: str | None = None) -> str:
    """The token endpoint to use against `base_url`.

    An explicit `token_url` wins. Otherwise the specification's, moved onto
    `base_url` when it lives on one of the specification's servers: a client
    pointed at another environment (a local stand-in) fetches tokens there too.
    """
    if token_url is not None:
        return token_url
    if TOKEN_URL is None:
        raise ValueError("the specification names no token endpoint: pass token_url")
    if not TOKEN_URL_FOLLOWS_BASE_URL:
        return TOKEN_URL
    base = urlsplit(base_url)
    return urlunsplit((base.scheme, base.netloc, urlsplit(TOKEN_URL).path, "", ""))


class Token:
    """An access token and when it stops being usable."""

    def __init__(self, value: str, expires_at: float) -> None:
        self.value = value
        self.expires_at = expires_at

    def __repr__(self) -> str:
        return f"Token(value='***', expires_at={self.expires_at:.0f})"


class TokenCache:
    """One client's token: fetched on first use, replaced before it expires or after a 401."""

    def __init__(
        self,
        credentials: ClientCredentials,
        token_url: str,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.credentials = credentials
        self.token_url = token_url
        self._clock = clock
        self._token: Token | None = None
        self._lock = threading.Lock()

    def current(self) -> str | None:
        """The cached token while it is comfortably valid, else None."""
        with self._lock:
            token = self._token
        if token is None or self._clock() >= token.expires_at - REFRESH_MARGIN:
            return None
        return token.value

    def invalidate(self, value: str) -> None:
        """Forget `value` (the server refused it), unless it was replaced meanwhile."""
        with self._lock:
            if self._token is not None and self._token.value == value:
                self._token = None

    def request(self, http: httpx.Client | httpx.AsyncClient) -> httpx.Request:
        """The client-credentials token request, sent through the same client (same certificate)."""
        data = {"grant_type": "client_credentials"}
        if self.credentials.scopes:
            data["scope"] = " ".join(self.credentials.scopes)
        # client_secret_basic, with both parts form-encoded first (RFC 6749, 2.3.1).
        pair = f"{quote(self.credentials.client_id, safe='')}:{quote(self.credentials.client_secret, safe='')}"
        basic = base64.b64encode(pair.encode("utf-8")).decode("ascii")
        return http.build_request(
            "POST",
            self.token_url,
            data=data,
            headers={"Authorization": f"Basic {basic}"},
        )

    def store(self, response: httpx.Response) -> str:
        """Take the token from the endpoint's answer, or raise TokenError."""
        try:
            payload = response.json()
        except ValueError:
            payload = {}
        if not isinstance(payload, dict):
            payload = {}
        if response.status_code != 200 or not isinstance(
            payload.get("access_token"), str
        ):
            error, description = payload.get("error"), payload.get("error_description")
            raise TokenError(
                response.status_code,
                error if isinstance(error, str) else None,
                description if isinstance(description, str) else None,
            )
        lifetime = payload.get("expires_in")
        seconds = float(lifetime) if isinstance(lifetime, int | float) else 300.0
        token = Token(payload["access_token"], self._clock() + seconds)
        with self._lock:
            self._token = token
        return token.value
