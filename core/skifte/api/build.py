"""SpecDocument → Api: resolve references, merge path-level parameters, apply default security."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from skifte.spec import HTTP_METHODS, SpecDocument, join_pointer

from .model import (
    Api,
    Header,
    Link,
    MediaType,
    Operation,
    Parameter,
    RequestBody,
    Response,
    SecurityRequirement,
    SecurityScheme,
    Server,
)
from .schema import Resolver


def build_api(document: SpecDocument) -> Api:
    data = document.data
    resolver = Resolver(data)
    default_security = _security(data.get("security"))
    components = data.get("components") or {}
    operations = []
    for path, raw_item in (data.get("paths") or {}).items():
        item, _ = resolver.resolve(raw_item)
        if not isinstance(item, Mapping):
            continue
        shared = _parameters(resolver, item.get("parameters"), ["paths", path])
        for method in HTTP_METHODS:
            raw = item.get(method)
            if isinstance(raw, Mapping):
                operations.append(_operation(resolver, path, method, raw, shared, default_security))
    return Api(
        title=document.title,
        version=document.version,
        openapi=document.openapi,
        description=str(data["info"].get("description") or ""),
        servers=tuple(
            Server(str(s["url"]), str(s.get("description") or ""))
            for s in data.get("servers") or []
            if isinstance(s, Mapping) and "url" in s
        ),
        operations=tuple(operations),
        schemas={
            name: resolver.schema({"$ref": join_pointer(["components", "schemas", name])})
            for name in (components.get("schemas") or {})
        },
        security_schemes=tuple(
            _security_scheme(name, resolver.resolve(raw)[0])
            for name, raw in (components.get("securitySchemes") or {}).items()
        ),
    )


def _operation(
    resolver: Resolver,
    path: str,
    method: str,
    raw: Mapping[str, Any],
    shared: dict[tuple[str, str], Parameter],
    default_security: tuple[SecurityRequirement, ...] | None,
) -> Operation:
    own = _parameters(resolver, raw.get("parameters"), ["paths", path, method])
    parameters = {**shared, **own}
    security = _security(raw.get("security"))
    return Operation(
        method=method.upper(),
        path=path,
        operation_id=raw.get("operationId"),
        tags=tuple(raw.get("tags") or ()),
        summary=str(raw.get("summary") or ""),
        description=str(raw.get("description") or ""),
        deprecated=bool(raw.get("deprecated", False)),
        parameters=tuple(parameters.values()),
        request_body=_request_body(resolver, raw.get("requestBody")),
        responses=tuple(
            _response(resolver, str(status), node)
            for status, node in (raw.get("responses") or {}).items()
        ),
        security=security if security is not None else (default_security or ()),
        pointer=join_pointer(["paths", path, method]),
    )


def _parameters(
    resolver: Resolver, raw: Any, where: list[str | int]
) -> dict[tuple[str, str], Parameter]:
    found: dict[tuple[str, str], Parameter] = {}
    for index, node in enumerate(raw or ()):
        param, _ = resolver.resolve(node)
        schema = param.get("schema")
        if schema is None and isinstance(param.get("content"), Mapping):
            first: Mapping[str, Any] = next(iter(param["content"].values()), {})
            schema = first.get("schema")
        parameter = Parameter(
            name=str(param["name"]),
            location=str(param["in"]),
            required=bool(param.get("required", False)),
            schema=resolver.schema(schema) if isinstance(schema, Mapping) else None,
            deprecated=bool(param.get("deprecated", False)),
            style=param.get("style"),
            explode=param.get("explode"),
            description=str(param.get("description") or ""),
            pointer=join_pointer([*where, "parameters", index]),
        )
        found[(parameter.location, parameter.name)] = parameter
    return found


def _content(resolver: Resolver, raw: Any) -> tuple[MediaType, ...]:
    media = []
    for name, node in (raw or {}).items():
        entry, _ = resolver.resolve(node)
        schema = entry.get("schema") if isinstance(entry, Mapping) else None
        encoding = (entry.get("encoding") or {}) if isinstance(entry, Mapping) else {}
        media.append(
            MediaType(
                name=str(name),
                schema=resolver.schema(schema) if isinstance(schema, Mapping) else None,
                encoding=tuple(
                    (str(prop), str(enc["contentType"]))
                    for prop, enc in encoding.items()
                    if isinstance(enc, Mapping) and "contentType" in enc
                ),
            )
        )
    return tuple(media)


def _request_body(resolver: Resolver, raw: Any) -> RequestBody | None:
    if raw is None:
        return None
    body, _ = resolver.resolve(raw)
    return RequestBody(
        required=bool(body.get("required", False)),
        content=_content(resolver, body.get("content")),
        description=str(body.get("description") or ""),
    )


def _response(resolver: Resolver, status: str, raw: Any) -> Response:
    response, _ = resolver.resolve(raw)
    headers = []
    for name, node in (response.get("headers") or {}).items():
        header, _ = resolver.resolve(node)
        schema = header.get("schema")
        headers.append(
            Header(
                name=str(name),
                required=bool(header.get("required", False)),
                schema=resolver.schema(schema) if isinstance(schema, Mapping) else None,
                description=str(header.get("description") or ""),
            )
        )
    links = []
    for name, node in (response.get("links") or {}).items():
        link, _ = resolver.resolve(node)
        if isinstance(link.get("operationId"), str):
            links.append(
                Link(
                    name=str(name),
                    operation_id=link["operationId"],
                    parameters=tuple(
                        (str(k), str(v)) for k, v in (link.get("parameters") or {}).items()
                    ),
                    description=str(link.get("description") or ""),
                )
            )
    return Response(
        status=status,
        description=str(response.get("description") or ""),
        content=_content(resolver, response.get("content")),
        headers=tuple(headers),
        links=tuple(links),
    )


def _security(raw: Any) -> tuple[SecurityRequirement, ...] | None:
    if raw is None:
        return None
    return tuple(
        SecurityRequirement(tuple((str(name), tuple(scopes or ())) for name, scopes in req.items()))
        for req in raw
    )


def _security_scheme(name: str, raw: Mapping[str, Any]) -> SecurityScheme:
    flows: Mapping[str, Any] = raw.get("flows") or {}
    flow: Mapping[str, Any] = flows.get("clientCredentials") or next(iter(flows.values()), {})
    return SecurityScheme(
        name=name,
        type=str(raw.get("type", "")),
        description=str(raw.get("description") or ""),
        token_url=flow.get("tokenUrl"),
        scopes=tuple(flow.get("scopes") or ()),
        scheme=raw.get("scheme"),
        location=raw.get("in"),
        parameter_name=raw.get("name"),
    )
