"""The model of an API that every command reads: generator, diff, stand-in, contract tests.

Built once from a validated `SpecDocument` (see build.py); consumers read these
objects and never walk the raw document themselves. Schemas are lazy views
(schema.py), everything else is plain frozen data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from urllib.parse import urlsplit, urlunsplit

from .schema import Schema

JSON_MEDIA_TYPES = ("application/json",)


@dataclass(frozen=True)
class Parameter:
    name: str
    location: str
    """path, query, header or cookie."""
    required: bool
    schema: Schema | None
    deprecated: bool = False
    style: str | None = None
    explode: bool | None = None
    description: str = ""
    pointer: str = ""
    """JSON pointer to where the parameter is listed (path item or operation)."""


@dataclass(frozen=True)
class MediaType:
    name: str
    """e.g. application/json, multipart/form-data, application/pdf."""
    schema: Schema | None
    encoding: tuple[tuple[str, str], ...] = ()
    """Multipart parts' content types: (property, contentType)."""

    @property
    def is_json(self) -> bool:
        return self.name in JSON_MEDIA_TYPES or self.name.endswith("+json")


@dataclass(frozen=True)
class RequestBody:
    required: bool
    content: tuple[MediaType, ...]
    description: str = ""


@dataclass(frozen=True)
class Header:
    name: str
    required: bool
    schema: Schema | None
    description: str = ""


@dataclass(frozen=True)
class Link:
    name: str
    operation_id: str
    parameters: tuple[tuple[str, str], ...]
    """(parameter name, runtime expression such as `$response.body#/kravId`)."""
    description: str = ""


@dataclass(frozen=True)
class Response:
    status: str
    """"200", "2XX" or "default"."""
    description: str
    content: tuple[MediaType, ...] = ()
    headers: tuple[Header, ...] = ()
    links: tuple[Link, ...] = ()

    @property
    def is_success(self) -> bool:
        return self.status.startswith("2")

    def header(self, name: str) -> Header | None:
        """The header the response declares by that name, in any case (HTTP's rule)."""
        return next((h for h in self.headers if h.name.lower() == name.lower()), None)


@dataclass(frozen=True)
class SecurityScheme:
    name: str
    type: str
    """oauth2, http, apiKey, openIdConnect or mutualTLS."""
    description: str = ""
    token_url: str | None = None
    """For oauth2 client credentials."""
    scopes: tuple[str, ...] = ()
    scheme: str | None = None
    """For http: bearer, basic."""
    location: str | None = None
    """For apiKey: header, query or cookie (with `parameter_name`)."""
    parameter_name: str | None = None


@dataclass(frozen=True)
class SecurityRequirement:
    """All of these schemes together (an operation accepts any one requirement)."""

    schemes: tuple[tuple[str, tuple[str, ...]], ...]


@dataclass(frozen=True)
class Operation:
    method: str
    """Upper case: GET, POST, ..."""
    path: str
    operation_id: str | None
    tags: tuple[str, ...] = ()
    summary: str = ""
    description: str = ""
    deprecated: bool = False
    parameters: tuple[Parameter, ...] = ()
    """Path-level and operation-level, merged (the operation's win)."""
    request_body: RequestBody | None = None
    responses: tuple[Response, ...] = ()
    security: tuple[SecurityRequirement, ...] = ()
    """Effective: the operation's own, else the document's. Empty means no auth."""
    pointer: str = ""
    """JSON pointer to the operation in the document."""

    @property
    def key(self) -> str:
        """How people name an operation: `POST /doedsbojournaler`."""
        return f"{self.method} {self.path}"

    def response(self, status: str) -> Response | None:
        return next((r for r in self.responses if r.status == status), None)

    @property
    def success_responses(self) -> tuple[Response, ...]:
        return tuple(r for r in self.responses if r.is_success)


@dataclass(frozen=True)
class Server:
    url: str
    description: str = ""


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    openapi: str
    servers: tuple[Server, ...]
    operations: tuple[Operation, ...]
    schemas: dict[str, Schema] = field(default_factory=dict)
    """Component schemas by name, in document order."""
    security_schemes: tuple[SecurityScheme, ...] = ()
    description: str = ""

    def operation(self, operation_id: str) -> Operation:
        for operation in self.operations:
            if operation.operation_id == operation_id:
                return operation
        raise KeyError(operation_id)

    def security_scheme(self, name: str) -> SecurityScheme | None:
        return next((s for s in self.security_schemes if s.name == name), None)

    def token_endpoint(self) -> TokenEndpoint | None:
        """The client-credentials token endpoint the security schemes name, if any."""
        url = next((s.token_url for s in self.security_schemes if s.token_url), None)
        if url is None:
            return None
        on_servers = not urlsplit(url).netloc or _origin(url) in {
            _origin(s.url) for s in self.servers
        }
        return TokenEndpoint(url, follows_base_url=on_servers)


def _origin(url: str) -> tuple[str, str | None, int | None]:
    """Scheme, host and port as a browser compares them: `API.host:443` is `api.host`."""
    parts = urlsplit(url)
    scheme = parts.scheme.lower()
    try:
        port = parts.port
    except ValueError:  # no number: compares equal to nothing but itself
        return scheme, parts.netloc.lower(), -1
    return scheme, parts.hostname, port or {"https": 443, "http": 80}.get(scheme)


@dataclass(frozen=True)
class TokenEndpoint:
    """Where tokens come from, and whether that place moves with the API's base URL.

    A token endpoint on one of the spec's own servers (or one without a host) belongs
    to the environment: a client pointed at another one (a local stand-in) fetches its
    tokens there too. One on a host of its own stays where it is.
    """

    url: str
    follows_base_url: bool

    @property
    def path(self) -> str:
        return urlsplit(self.url).path

    def url_for(self, base_url: str) -> str:
        """The endpoint to use against `base_url`."""
        if not self.follows_base_url:
            return self.url
        base = urlsplit(base_url)
        return urlunsplit((base.scheme, base.netloc, self.path, "", ""))
