"""Request validation against the release the stand-in behaves as, by openapi-core.

openapi_core_plans.py keeps it from reading the spec again on every request.

Answers the first problem as (field, message), so a 400 can name the field.
Security is checked by security.py, not here.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from jsonschema_path import SchemaPath
from openapi_core.casting.schemas.factories import SchemaCastersFactory
from openapi_core.datatypes import RequestParameters
from openapi_core.validation.request.validators import (
    BaseAPICallRequestValidator,
    V30RequestBodyValidator,
    V30RequestParametersValidator,
    V31RequestBodyValidator,
    V31RequestParametersValidator,
)
from werkzeug.datastructures import Headers, ImmutableMultiDict

from .openapi_core_plans import (
    SchemaValidators,
    TemplatePathFinder,
    V30Body,
    V30Parameters,
    V31Body,
    V31Parameters,
)

_REQUIRED = re.compile(r"'([^']+)' is a required property")
_RESOLVED_PATHS = 4096


@dataclass
class _Request:
    """What openapi-core reads of a request (its `Request` and `SupportsPathPattern` protocols)."""

    method: str
    path: str
    path_pattern: str
    host_url: str
    parameters: RequestParameters
    body: bytes | None
    content_type: str

    @property
    def full_url_pattern(self) -> str:
        return self.host_url + self.path_pattern


@dataclass(frozen=True)
class Invalid:
    field: str | None
    message: str


class RequestValidator:
    def __init__(self, document: Mapping[str, Any], *, planned: bool = True) -> None:
        """`planned=False`: openapi-core's validators as they come, to check the plans by."""
        # Every request walks the same few paths of the spec: keep them resolved.
        spec = SchemaPath.from_dict(dict(document), resolved_cache_maxsize=_RESOLVED_PATHS)
        v31 = str(document.get("openapi", "")).startswith("3.1")
        self._host = next(
            (s["url"] for s in document.get("servers") or [] if isinstance(s, Mapping)), ""
        ).rstrip("/")
        self._parameters: BaseAPICallRequestValidator
        self._body: BaseAPICallRequestValidator
        if not planned:
            plain = (
                (V31RequestParametersValidator, V31RequestBodyValidator)
                if v31
                else (V30RequestParametersValidator, V30RequestBodyValidator)
            )
            self._parameters, self._body = (cls(spec) for cls in plain)
            return
        parameters = V31Parameters if v31 else V30Parameters
        body = V31Body if v31 else V30Body
        schemas = SchemaValidators(parameters.schema_validators_factory)
        options: dict[str, Any] = {
            "path_finder_cls": TemplatePathFinder,
            "schema_validators_factory": schemas,
            "schema_casters_factory": SchemaCastersFactory(
                schemas, parameters.schema_casters_factory.types_caster
            ),
        }
        self._parameters = parameters(spec, **options)
        self._body = body(spec, **options)

    def check(
        self,
        *,
        method: str,
        path: str,
        path_pattern: str,
        path_params: dict[str, str],
        query: list[tuple[str, str]],
        headers: list[tuple[str, str]],
        body: bytes | None,
        content_type: str,
    ) -> Invalid | None:
        request = _Request(
            method=method.lower(),
            path=path,
            path_pattern=path_pattern,
            host_url=self._host,
            parameters=RequestParameters(
                query=ImmutableMultiDict(query),
                header=Headers(headers),
                cookie=ImmutableMultiDict(),
                path=path_params,
            ),
            body=body,
            content_type=content_type,
        )
        try:
            for validator in (self._parameters, self._body):
                for error in validator.iter_errors(request):
                    return _describe(error)
        except Exception:  # openapi-core trips on some malformed bodies instead of reporting them
            return Invalid(None, "Forespørgslens indhold kan ikke læses som dens medietype")
        return None


def _describe(error: Exception) -> Invalid:
    name = getattr(error, "name", None)
    cause = error.__cause__
    schema_errors = list(getattr(cause, "schema_errors", None) or [])
    if schema_errors:
        first = schema_errors[0]
        path = [str(p) for p in first.path]
        missing = _REQUIRED.match(first.message) if first.validator == "required" else None
        if missing:
            path.append(missing.group(1))
        field = ".".join(path) or name
        return Invalid(field, f"{field or 'body'}: {first.message}" if field else first.message)
    try:
        message = str(error).split(": Value ")[0]
    except UnicodeDecodeError:  # openapi-core quotes the body, which may not be text
        message = "Request body could not be read as its declared media type"
    return Invalid(name if isinstance(name, str) else None, message)
