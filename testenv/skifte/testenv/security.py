"""The security model of the real environment: client credentials, bound tokens, rate limits.

    token endpoint   OAuth2 client-credentials grant; the client authenticates with
                     its id and secret (Basic or form) and, over TLS, with the
                     certificate registered for it
    tokens           opaque, expiring, bound to the certificate they were issued
                     over (RFC 8705 `cnf`/`x5t#S256`): another certificate gets 401;
                     a reset (a new generation of the state) ends them all
    rate limit       a token bucket per client: 429 with Retry-After past it
    lockout          failed authentications per client id and certificate
                     (lockout.py): 429 with Retry-After past a limit

Secrets are kept hashed; tokens are kept only as their SHA-256.
"""

from __future__ import annotations

import base64
import hashlib
import math
import secrets
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from urllib.parse import unquote

from .clients import ClientRecord, secret_matches
from .lockout import FailedAttempts, attempt_keys

REALM = "skifte-testmiljoe"


@dataclass(frozen=True)
class Grant:
    client_id: str
    scopes: frozenset[str]


@dataclass(frozen=True)
class Refusal:
    status: int
    error: str
    description: str
    headers: dict[str, str]


@dataclass(frozen=True)
class _Token:
    client_id: str
    scopes: frozenset[str]
    expires_at: float
    bound_to: str | None
    generation: int = 0


class Security:
    def __init__(
        self,
        clients: dict[str, ClientRecord],
        scopes: frozenset[str],
        *,
        token_lifetime: float = 300.0,
        rate: float = 50.0,
        burst: int = 100,
        max_failed_logins: int = 10,
        failed_login_window: float = 60.0,
        clock: Callable[[], float] = time.time,
        generation: Callable[[], int] = lambda: 0,
    ) -> None:
        """`generation` tells the state's current reset generation (Store.snapshot)."""
        self.clients = clients
        self.scopes = scopes
        self.token_lifetime = token_lifetime
        self._clock = clock
        self._generation = generation
        self._tokens: dict[str, _Token] = {}
        self._lock = threading.Lock()
        self._limiter = RateLimiter(rate, burst, clock)
        self._failures = FailedAttempts(max_failed_logins, failed_login_window, clock)

    def issue(
        self,
        form: dict[str, str],
        authorization: str | None,
        certificate: str | None,
    ) -> dict[str, object] | Refusal:
        """The token endpoint: a token response, or a refusal in RFC 6749 form."""
        if form.get("grant_type") != "client_credentials":
            return _oauth(400, "unsupported_grant_type", "only client_credentials is supported")
        client_id, secret = _client_authentication(form, authorization)
        keys = attempt_keys(client_id, certificate)
        wait = self._failures.retry_after(keys)
        if wait:
            description = f"too many failed authentications: retry after {wait} s"
            return Refusal(429, "too_many_attempts", description, {"Retry-After": str(wait)})
        record = self.clients.get(client_id or "")
        if record is None or secret is None or not secret_matches(secret, record.secret_hash):
            self._failures.record(keys)
            return _oauth(
                401, "invalid_client", "unknown client or wrong client secret", basic=True
            )
        if certificate is not None and certificate != record.cert_sha256:
            self._failures.record(keys)
            return _oauth(
                401,
                "invalid_client",
                "the TLS client certificate is not the one registered",
                basic=True,
            )
        requested = frozenset(form.get("scope", "").split()) or self.scopes
        unknown = requested - self.scopes
        if unknown:
            return _oauth(400, "invalid_scope", f"unknown scope: {' '.join(sorted(unknown))}")
        token = secrets.token_urlsafe(32)
        now = self._clock()
        with self._lock:
            self._prune(now)
            self._tokens[_digest(token)] = _Token(
                record.client_id,
                requested,
                now + self.token_lifetime,
                certificate,
                self._generation(),
            )
        response: dict[str, object] = {
            "access_token": token,
            "token_type": "Bearer",
            "expires_in": int(self.token_lifetime),
            "scope": " ".join(sorted(requested)),
        }
        return response

    def authenticate(
        self,
        authorization: str | None,
        certificate: str | None,
        needed: set[frozenset[str]],
        generation: int | None = None,
    ) -> Grant | Refusal:
        """Check the bearer token; `needed` lists acceptable scope sets (any one suffices).
        `generation`: the state's, when the caller has read it already."""
        if not authorization:
            return _bearer(401, "", "no access token: send Authorization: Bearer <token>")
        scheme, _, value = authorization.partition(" ")
        value = value.strip()
        if scheme.lower() != "bearer" or not value or " " in value:
            return _bearer(
                401, "invalid_token", "malformed Authorization header: expected 'Bearer <token>'"
            )
        with self._lock:
            token = self._tokens.get(_digest(value))
        if token is None:
            return _bearer(401, "invalid_token", "unknown token")
        if self._clock() >= token.expires_at:
            return _bearer(401, "invalid_token", "the token has expired")
        if token.generation != (self._generation() if generation is None else generation):
            return _bearer(
                401, "invalid_token", "the test environment was reset: fetch a new token"
            )
        if token.bound_to is not None and certificate != token.bound_to:
            return _bearer(
                401, "invalid_token", "the token is bound to another client certificate (RFC 8705)"
            )
        if needed and not any(scopes <= token.scopes for scopes in needed):
            fewest = min(needed, key=lambda scopes: (len(scopes), sorted(scopes)))
            wanted = " ".join(sorted(fewest))
            return _bearer(
                403, "insufficient_scope", f"this operation needs scope {wanted}", wanted
            )
        return Grant(token.client_id, token.scopes)

    def throttle(self, client_id: str) -> Refusal | None:
        wait = self._limiter.take(client_id)
        if wait <= 0:
            return None
        return Refusal(
            429,
            "rate_limited",
            f"too many requests: retry after {math.ceil(wait)} s",
            {"Retry-After": str(math.ceil(wait))},
        )

    def expire_all(self) -> None:
        """For tests and resets: every issued token stops working."""
        with self._lock:
            self._tokens.clear()

    def _prune(self, now: float) -> None:
        # Keep expired tokens for a while so they are reported as expired, not unknown.
        horizon = now - 3600
        for key in [k for k, t in self._tokens.items() if t.expires_at < horizon]:
            del self._tokens[key]


class RateLimiter:
    """A token bucket per client: `rate` requests a second, bursts up to `burst`."""

    def __init__(self, rate: float, burst: int, clock: Callable[[], float]) -> None:
        self.rate = rate
        self.burst = burst
        self._clock = clock
        self._buckets: dict[str, tuple[float, float]] = {}
        self._lock = threading.Lock()

    def take(self, client_id: str) -> float:
        """0 when the request may pass, else the seconds until it could."""
        if self.rate <= 0:
            return 0.0
        now = self._clock()
        with self._lock:
            level, last = self._buckets.get(client_id, (float(self.burst), now))
            level = min(float(self.burst), level + (now - last) * self.rate)
            if level >= 1:
                self._buckets[client_id] = (level - 1, now)
                return 0.0
            self._buckets[client_id] = (level, now)
            return (1 - level) / self.rate


def claimed_client_id(form: dict[str, str], authorization: str | None) -> str | None:
    """The client id a token request names (Basic or form), before anything is checked."""
    return _client_authentication(form, authorization)[0]


def _client_authentication(
    form: dict[str, str], authorization: str | None
) -> tuple[str | None, str | None]:
    if authorization and authorization.lower().startswith("basic "):
        try:
            decoded = base64.b64decode(authorization[6:].strip(), validate=True).decode("utf-8")
        except (ValueError, UnicodeDecodeError):
            return None, None
        client_id, _, secret = decoded.partition(":")
        return unquote(client_id), unquote(secret)
    return form.get("client_id"), form.get("client_secret")


def _oauth(status: int, error: str, description: str, *, basic: bool = False) -> Refusal:
    headers = {"WWW-Authenticate": f'Basic realm="{REALM}"'} if basic else {}
    return Refusal(status, error, description, headers)


def _bearer(status: int, error: str, description: str, scope: str | None = None) -> Refusal:
    parts = [f'realm="{REALM}"']
    if error:
        parts.append(f'error="{error}"')
    parts.append(f'error_description="{description}"')
    if scope:
        parts.append(f'scope="{scope}"')
    return Refusal(
        status,
        error or "missing_token",
        description,
        {"WWW-Authenticate": "Bearer " + ", ".join(parts)},
    )


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode("utf-8")).hexdigest()
