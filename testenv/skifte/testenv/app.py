"""The stand-in as an ASGI application: HTTP in, routes.py + handlers.py, HTTP out.

Order of a request: route → authenticate → rate limit → validate (openapi-core)
→ handle → shape → faults. Every answer, errors included, has the shape the
release declares for that operation and status.
"""

from __future__ import annotations

import json
import ssl
import time
import uuid
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

import anyio
from starlette.datastructures import Headers
from starlette.formparsers import MultiPartException
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from skifte.api import Api, Operation, Parameter, Schema, build_api
from skifte.spec import SpecDocument

from .bodies import BadBody, BodyLimits, TooLarge, check_declared_length, limited_receive, quote
from .clients import thumbprint
from .domain import ON_BEHALF_HEADER
from .errors import error_body
from .faults import TOTAL_COUNT, ActiveFault, Answer, Fault, aimed_at
from .handlers import Call, Result, handle
from .intake import checked_body
from .request_log import Entry, RequestLog, refusal_reason
from .routes import Route, build_routes
from .security import Refusal, Security, claimed_client_id
from .store import Store
from .validation import Invalid, RequestValidator
from .values import known_only

NOTICE_HEADER = "X-Testmiljoe-Nulstilles"
STATUS_PATH = "/status"
SPEC_PATH = "/openapi/{api}.yaml"
MESSAGE_CHARS = 300


@dataclass(frozen=True)
class ServedApi:
    """One API as served: the spec it publishes and the release it behaves as."""

    name: str
    published: SpecDocument
    behaves_as: SpecDocument


@dataclass
class _Prepared:
    served: ServedApi
    api: Api
    routes: list[Route]
    validator: RequestValidator


@dataclass
class TestEnvironment:
    __test__ = False  # a name pytest would otherwise try to collect
    apis: list[ServedApi]
    store: Store
    security: Security
    faults: tuple[ActiveFault, ...] = ()
    seed_number: int = 1
    tls: bool = False
    limits: BodyLimits = field(default_factory=BodyLimits)
    public_url: str | None = None
    """Where clients reach the stand-in: `Location` is built on it, never on `Host`."""
    request_log: RequestLog | None = None
    """One line per answered request (`testenv serve`); none in-process."""
    _prepared: list[_Prepared] = field(default_factory=list, init=False)
    _token_paths: set[str] = field(default_factory=set, init=False)

    def __post_init__(self) -> None:
        for served in self.apis:
            api = build_api(served.behaves_as)
            self._prepared.append(
                _Prepared(
                    served,
                    api,
                    build_routes(served.name, api),
                    RequestValidator(served.behaves_as.data),
                )
            )
            for scheme in api.security_schemes:
                if scheme.token_url:
                    self._token_paths.add(urlsplit(scheme.token_url).path or "/oauth2/token")
        self._token_paths = self._token_paths or {"/oauth2/token"}

    @property
    def routes(self) -> list[Route]:
        return [route for prepared in self._prepared for route in prepared.routes]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "lifespan":
            await _lifespan(receive, send)
            return
        if scope["type"] != "http":
            return
        started = time.perf_counter()
        limit = self.limits.for_content_type(Headers(scope=scope).get("content-type", ""))
        request = Request(scope, limited_receive(receive, limit))
        request.state.client = "-"
        try:
            response = await self._respond(request)
        except TooLarge as exc:
            response = self._error(None, 413, str(exc), None)
        except BadBody as exc:
            response = self._error(None, exc.status, exc.message, exc.field)
        if response.status_code == 413:
            # The rest of the body is never read: closing tells the client to stop sending it.
            response.headers["Connection"] = "close"
        response.headers["X-Request-Id"] = str(uuid.uuid4())
        notice = request.state.snapshot.notice
        if notice:
            response.headers[NOTICE_HEADER] = json.loads(notice)["wipe_after"]
        await response(scope, receive, send)
        if self.request_log is not None:
            self.request_log.record(
                Entry(
                    request.method,
                    request.url.path,
                    response.status_code,
                    request.state.client,
                    (time.perf_counter() - started) * 1000,
                    refusal_reason(response),
                )
            )

    async def _respond(self, request: Request) -> Response:
        # One look at the state per request: the reset generation and any notice.
        request.state.snapshot = self.store.snapshot()
        path, method = request.url.path, request.method.upper()
        if method == "POST" and path in self._token_paths:
            return await self._token(request)
        if method == "GET" and path == STATUS_PATH:
            return _json(200, self.status())
        for prepared in self._prepared:
            if method == "GET" and path == SPEC_PATH.format(api=prepared.served.name):
                return Response(prepared.served.published.content, media_type="application/yaml")
        # Routes are ordered most literal first: the first template that matches is the
        # resource (/doedsbojournaler/aendringer, not /doedsbojournaler/{id}).
        template: str | None = None
        allowed: list[str] = []
        for prepared in self._prepared:
            for route in prepared.routes:
                if template not in (None, route.operation.path):
                    continue
                params = route.match(path)
                if params is None:
                    continue
                template = route.operation.path
                if route.operation.method != method:
                    allowed.append(route.operation.method)
                    continue
                return await self._operation(request, prepared, route, params)
        if allowed:
            response = self._error(None, 405, f"{method} er ikke tilladt her", None)
            response.headers["Allow"] = ", ".join(sorted(set(allowed)))
            return response
        return self._error(None, 404, f"Ingen operation på {path}", None)

    async def _operation(
        self, request: Request, prepared: _Prepared, route: Route, params: dict[str, str]
    ) -> Response:
        op = route.operation
        faults = aimed_at(self.faults, op.operation_id)
        certificate = _client_certificate(request)
        client = "anonym"
        if op.security:
            needed = {frozenset(scopes) for req in op.security for _, scopes in req.schemes}
            grant = self.security.authenticate(
                request.headers.get("authorization"),
                certificate,
                needed,
                request.state.snapshot.generation,
            )
            if isinstance(grant, Refusal):
                return self._refusal(op, grant)
            client = request.state.client = grant.client_id
            limited = self.security.throttle(client)
            if limited is not None:
                return self._refusal(op, limited)
        # Every fault's hook runs (a slow answer is slow, even an error): the first error wins.
        errors = [await fault.before_handling() for fault in faults]
        error = next((e for e in errors if e is not None), None)
        if error is not None:
            return self._error(op, error.status, error.message, None)
        content_type = request.headers.get("content-type", "")
        # An empty optional query value (`?sort=`) means no value, where "" would be valid.
        may_be_empty = {
            p.name for p in op.parameters if p.location == "query" and _empty_is_valid(p)
        }
        query_items = [
            (k, v) for k, v in request.query_params.multi_items() if v or k not in may_be_empty
        ]
        try:
            parsed = await checked_body(
                request, op, prepared.validator, params, query_items, self.limits
            )
        except TooLarge as exc:
            return self._error(op, 413, str(exc), None)
        except BadBody as exc:
            return self._error(op, exc.status, exc.message, exc.field)
        if isinstance(parsed, Invalid):
            return self._error(op, 400, parsed.message, parsed.field)
        query: dict[str, list[str]] = {}
        for key, value in query_items:
            query.setdefault(key, []).append(value)
        # What the release does not declare, it ignores: neither stored nor filtered on.
        known = known_only(parsed, _request_schema(op, content_type))
        idempotency_key = request.headers.get("idempotency-key")
        call = Call(route, params, query, known, client, idempotency_key, sent=parsed)
        call.on_behalf_of = request.headers.get(ON_BEHALF_HEADER)
        status = _success_status(op)
        result = handle(call, self.store, _response_schema(op, status), status)
        return self._result(op, result, faults, self._public_url(request))

    def _public_url(self, request: Request) -> str:
        if self.public_url:
            return self.public_url.rstrip("/")
        # The address the server is bound to, never the client's `Host` header.
        scheme = request.url.scheme
        server = request.scope.get("server") or ("127.0.0.1", 443 if scheme == "https" else 80)
        host, port = server[0], server[1]
        host = f"[{host}]" if ":" in str(host) else str(host)
        default = {"http": 80, "https": 443}.get(scheme)
        return f"{scheme}://{host}" + ("" if port in (None, default) else f":{port}")

    def _result(
        self, op: Operation, result: Result, faults: list[Fault], base_url: str = ""
    ) -> Response:
        if result.error is not None:
            return self._error(op, result.status, *result.error)
        status = result.status if op.response(str(result.status)) else _success_status(op)
        headers = dict(result.headers)
        if result.media_type is not None:
            return Response(result.body, status, headers, media_type=result.media_type)
        if "Location" in headers and headers["Location"].startswith("/"):
            headers["Location"] = base_url + headers["Location"]  # the spec says format: uri
        if status == 204 or result.body is None:
            return Response(None, status, headers)
        if not any(r.header(TOTAL_COUNT) for r in op.responses):
            headers.pop(TOTAL_COUNT, None)
        answer, schema = Answer(result.body, headers), _response_schema(op, status)
        for fault in faults:
            answer = fault.shape(answer, schema)
        return _json(status, answer.body, answer.headers, answer.media_type)

    def _refusal(self, op: Operation, refusal: Refusal) -> Response:
        response = self._error(op, refusal.status, refusal.description, None, code=refusal.error)
        response.headers.update(refusal.headers)
        return response

    def _error(
        self,
        op: Operation | None,
        status: int,
        message: str,
        field_name: str | None,
        code: str | None = None,
    ) -> Response:
        schema = None
        if op is not None:
            response = op.response(str(status)) or op.response("default")
            media = next((m for m in response.content if m.is_json), None) if response else None
            schema = media.schema if media else None
        elif self._prepared:
            schema = self._prepared[0].api.schemas.get("fejl")
        message = quote(message, MESSAGE_CHARS)
        field_name = quote(field_name, MESSAGE_CHARS) if field_name else None
        body = error_body(schema, status, message, field_name, code)
        return _json(status, body)

    async def _token(self, request: Request) -> Response:
        # A token request is a small form, whatever its media type.
        request = Request(request.scope, limited_receive(request.receive, self.limits.json))
        try:
            check_declared_length(request.headers.get("content-length"), self.limits.json)
            form = await request.form()
        except TooLarge as exc:
            return _json(413, {"error": "invalid_request", "error_description": str(exc)})
        except MultiPartException as exc:
            return _json(400, {"error": "invalid_request", "error_description": str(exc)})
        fields = {k: v for k, v in form.items() if isinstance(v, str)}
        request.state.client = (
            claimed_client_id(fields, request.headers.get("authorization")) or "-"
        )
        # The secret check is slow on purpose (scrypt): off the loop that serves everyone.
        issued = await anyio.to_thread.run_sync(
            self.security.issue,
            fields,
            request.headers.get("authorization"),
            _client_certificate(request),
        )
        if isinstance(issued, Refusal):
            body = {"error": issued.error, "error_description": issued.description}
            return _json(issued.status, body, issued.headers)
        return _json(200, issued, {"Cache-Control": "no-store", "Pragma": "no-cache"})

    def status(self) -> dict[str, Any]:
        notice = self.store.meta("notice")
        apis = [
            {
                "api": p.served.name,
                "published": p.served.published.version,
                "behaves_as": p.served.behaves_as.version,
                "operations": len(p.api.operations),
            }
            for p in self._prepared
        ]
        faults = [str(f) for f in self.faults]
        return {
            "apis": apis,
            "seed": self.seed_number,
            "records": self.store.count(),
            "notice": json.loads(notice) if notice else None,
            "tls": self.tls,
            "faults": faults,
        }


def _empty_is_valid(parameter: Parameter) -> bool:
    schema = parameter.schema
    if parameter.required or schema is None or "string" not in schema.types:
        return False
    constrained = ("format", "pattern", "minLength", "enum")
    return not any(schema.keyword(k) is not None for k in constrained) and not schema.enum


def _client_certificate(request: Request) -> str | None:
    tls = request.scope.get("extensions", {}).get("tls") or {}
    chain = tls.get("client_cert_chain") or []
    if not chain:
        return None
    der = ssl.PEM_cert_to_DER_cert(chain[0])
    return thumbprint(der)


def _success_status(op: Operation) -> int:
    statuses = [r.status for r in op.success_responses if r.status.isdigit()]
    return int(statuses[0]) if statuses else 200


def _request_schema(op: Operation, content_type: str) -> Schema | None:
    """The schema of the media type the body came as (validation found it)."""
    if op.request_body is None:
        return None
    media = content_type.split(";")[0].strip().lower()
    content = op.request_body.content
    found = next((m for m in content if m.name == media), None)
    if found is None and len(content) == 1:
        found = content[0]
    return found.schema if found else None


def _response_schema(op: Operation, status: int) -> Schema | None:
    response = op.response(str(status))
    if response is None:
        return None
    return next((m.schema for m in response.content if m.is_json), None)


def _json(
    status: int,
    body: Any,
    headers: Mapping[str, str] | None = None,
    media: str = "application/json",
) -> Response:
    content = json.dumps(body, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return Response(content, status, dict(headers or {}), media_type=media)


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
