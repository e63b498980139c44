"""Why a target cannot be used, in one line, before schemathesis starts.

A run against a URL first fetches a token over mutual TLS, as every request of the
run will: a name that does not resolve, a port nobody listens on, a server
certificate the CA does not vouch for, a client certificate the server rejects, or
client credentials it refuses each get their own message. Never the secret.
"""

from __future__ import annotations

import socket
import ssl
from collections.abc import Iterator
from urllib.parse import urlsplit

import httpx

from .credentials import Credentials
from .target import TargetError

__all__ = ["TargetError", "explain"]


# OpenSSL's names for a server turning our certificate down.
_CERTIFICATE_REFUSED = {
    "TLSV13_ALERT_CERTIFICATE_REQUIRED": "it wants a client certificate",
    "SSLV3_ALERT_BAD_CERTIFICATE": "bad certificate",
    "TLSV1_ALERT_UNKNOWN_CA": "its issuer is unknown to the server",
    "SSLV3_ALERT_CERTIFICATE_UNKNOWN": "certificate unknown",
    "TLSV1_ALERT_ACCESS_DENIED": "access denied",
    "SSLV3_ALERT_CERTIFICATE_EXPIRED": "certificate expired",
    "SSLV3_ALERT_CERTIFICATE_REVOKED": "certificate revoked",
}


def explain(exc: BaseException, url: str, credentials: Credentials) -> str:
    """One line naming the cause of a failed token request to `url`."""
    where = _host_port(url)
    if isinstance(exc, httpx.HTTPStatusError):
        return _refusal(exc.response, url, credentials)
    if isinstance(exc, httpx.TimeoutException):
        return f"no answer from {where} in time ({type(exc).__name__})"
    for cause in _causes(exc):
        if isinstance(cause, socket.gaierror):
            return f"cannot resolve the host of {url}: {cause.strerror or cause}"
        if isinstance(cause, ConnectionRefusedError):
            return f"nothing listens at {where}: connection refused ({url})"
        if isinstance(cause, ssl.SSLCertVerificationError):
            ca = credentials.ca or "the system's CAs"
            return (
                f"the server at {where} is not trusted: {cause.verify_message} "
                f"(checked against {ca})"
            )
        if isinstance(cause, ssl.SSLError):
            reason = str(cause.reason or "")
            if reason in _CERTIFICATE_REFUSED:
                return (
                    f"the server at {where} rejected the client certificate "
                    f"{credentials.cert}: {_CERTIFICATE_REFUSED[reason]} ({reason})"
                )
            return f"the TLS handshake with {where} failed: {reason or cause}"
        if isinstance(cause, ConnectionResetError | BrokenPipeError | httpx.RemoteProtocolError):
            return _dropped(url, where, credentials)
    return f"cannot reach {url}: {exc or type(exc).__name__}"


def _dropped(url: str, where: str, credentials: Credentials) -> str:
    """The server hung up without an answer. Under TLS 1.3 a server turning down the
    client certificate does just that, after the handshake; a TLS 1.2 handshake, where
    the certificate is judged inside the handshake, tells for sure."""
    if credentials.cert is not None and urlsplit(url).scheme == "https":
        reason = _tls12_refusal(url, credentials)
        if reason in _CERTIFICATE_REFUSED:
            return (
                f"the server at {where} rejected the client certificate "
                f"{credentials.cert}: {_CERTIFICATE_REFUSED[reason]} ({reason})"
            )
        if reason == "UNEXPECTED_EOF_WHILE_READING":  # a server that hangs up, no alert
            return (
                f"the server at {where} broke off the TLS handshake: most likely it rejected "
                f"the client certificate {credentials.cert} (an issuer it does not trust, or "
                "a certificate it does not know)"
            )
        return (
            f"{where} closed the connection without an answer: it may have rejected the "
            f"client certificate {credentials.cert}"
        )
    return f"{where} closed the connection without an answer ({url})"


def _tls12_refusal(url: str, credentials: Credentials) -> str | None:
    """OpenSSL's reason when a TLS 1.2 handshake with `url` fails, else None."""
    parts = urlsplit(url)
    context = ssl.create_default_context(cafile=str(credentials.ca) if credentials.ca else None)
    context.maximum_version = ssl.TLSVersion.TLSv1_2
    try:
        context.load_cert_chain(str(credentials.cert), str(credentials.key or "") or None)
        with (
            socket.create_connection((parts.hostname, parts.port or 443), timeout=10) as raw,
            context.wrap_socket(raw, server_hostname=parts.hostname),
        ):
            pass  # in TLS 1.2 the server judges the certificate inside the handshake
    except ssl.SSLError as exc:
        return str(exc.reason or "")
    except OSError:
        return None
    return None


def _refusal(response: httpx.Response, url: str, credentials: Credentials) -> str:
    status = response.status_code
    why = response.headers.get("www-authenticate", "")
    detail = f" ({why})" if why else ""
    if status in (400, 401):
        return (
            f"the token endpoint {url} refused the client credentials of "
            f"{credentials.client_id}: {status}{detail}"
        )
    if status == 403:
        return f"the token endpoint {url} refused {credentials.client_id} the scopes: 403{detail}"
    if status == 404:
        return f"no token endpoint at {url} (404): is the target the right environment?"
    return f"the token endpoint {url} answered {status} {response.reason_phrase}"


def _causes(exc: BaseException) -> Iterator[BaseException]:
    seen: set[int] = set()
    current: BaseException | None = exc
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        yield current
        current = current.__cause__ or current.__context__


def _host_port(url: str) -> str:
    parts = urlsplit(url)
    port = parts.port or {"https": 443, "http": 80}.get(parts.scheme)
    return f"{parts.hostname}:{port}" if port else str(parts.hostname)
