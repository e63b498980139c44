"""The token endpoint: a small form in, a token or an RFC 6749 refusal out; and the
client certificate a request came over, which tokens are bound to.
"""

from __future__ import annotations

import ssl

import anyio
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import Response

from .answers import json_response
from .bodies import TooLarge, check_declared_length, limited_receive
from .clients import thumbprint
from .security import Refusal, Security, claimed_client_id


async def token_answer(request: Request, security: Security, limit: int) -> Response:
    """A client-credentials grant: a form of at most `limit` bytes, checked by `security`."""
    # A token request is a small form, whatever its media type.
    request = Request(request.scope, limited_receive(request.receive, limit))
    try:
        check_declared_length(request.headers.get("content-length"), limit)
        form = await request.form()
    except TooLarge as exc:
        return json_response(413, {"error": "invalid_request", "error_description": str(exc)})
    except MultiPartException as exc:
        return json_response(400, {"error": "invalid_request", "error_description": str(exc)})
    fields = {k: v for k, v in form.items() if isinstance(v, str)}
    request.state.client = claimed_client_id(fields, request.headers.get("authorization")) or "-"
    # The secret check is slow on purpose (scrypt): off the loop that serves everyone.
    issued = await anyio.to_thread.run_sync(
        security.issue,
        fields,
        request.headers.get("authorization"),
        client_certificate(request),
    )
    if isinstance(issued, Refusal):
        body = {"error": issued.error, "error_description": issued.description}
        return json_response(issued.status, body, issued.headers)
    return json_response(200, issued, {"Cache-Control": "no-store", "Pragma": "no-cache"})


def client_certificate(request: Request) -> str | None:
    """The thumbprint of the certificate the client presented over mutual TLS, if any."""
    tls = request.scope.get("extensions", {}).get("tls") or {}
    chain = tls.get("client_cert_chain") or []
    if not chain:
        return None
    der = ssl.PEM_cert_to_DER_cert(chain[0])
    return thumbprint(der)
