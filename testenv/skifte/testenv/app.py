"""The stand-in as an ASGI application: HTTP in, routes.py + handlers.py, HTTP out
(answers.py; the token endpoint is token_endpoint.py).

Order of a request: route → authenticate → rate limit → validate (openapi-core)
→ handle → shape → faults. Every answer, errors included, has the shape the
release declares for that operation and status.
"""

from __future__ import annotations

import json
import time
import uuid
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urlsplit

from starlette.datastructures import Headers
from starlette.requests import Request
from starlette.responses import Response
from starlette.types import Receive, Scope, Send

from skifte.api import Api, Operation, Parameter, Schema, build_api
from skifte.spec import SpecDocument

from .answers import (
    error_response,
    json_response,
    refusal_response,
    response_schema,
    result_response,
    success_status,
)
from .bodies import BadBody, BodyLimits, TooLarge, limited_receive
from .domain import ON_BEHALF_HEADER
from .faults import ActiveFault, aimed_at
from .handlers import Call, handle
from .intake import checked_body
from .request_log import Entry, RequestLog, refusal_reason
from .routes import Route, build_routes
from .security import Refusal, Security
from .store import Store
from .token_endpoint import client_certificate, token_answer
from .validation import Invalid, RequestValidator
from .values import known_only

NOTICE_HEADER = "X-Testmiljoe-Nulstilles"
STATUS_PATH = "/status"
SPEC_PATH = "/openapi/{api}.yaml"


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
            return json_response(200, self.status())
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
        certificate = client_certificate(request)
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
                return refusal_response(op, grant)
            client = request.state.client = grant.client_id
            limited = self.security.throttle(client)
            if limited is not None:
                return refusal_response(op, limited)
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
        status = success_status(op)
        result = handle(call, self.store, response_schema(op, status), status)
        return result_response(op, result, faults, self._public_url(request))

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

    def _error(
        self,
        op: Operation | None,
        status: int,
        message: str,
        field_name: str | None,
        code: str | None = None,
    ) -> Response:
        # Outside an operation, errors take the shape of the first API's `fejl`.
        fallback = self._prepared[0].api.schemas.get("fejl") if self._prepared else None
        return error_response(op, status, message, field_name, code, fallback=fallback)

    async def _token(self, request: Request) -> Response:
        return await token_answer(request, self.security, self.limits.json)

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


async def _lifespan(receive: Receive, send: Send) -> None:
    while True:
        message = await receive()
        if message["type"] == "lifespan.startup":
            await send({"type": "lifespan.startup.complete"})
        elif message["type"] == "lifespan.shutdown":
            await send({"type": "lifespan.shutdown.complete"})
            return
