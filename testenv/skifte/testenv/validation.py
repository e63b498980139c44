"""Request validation against the release the stand-in behaves as, by openapi-core.

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
from openapi_core.templating.paths.datatypes import PathOperationServer
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.validation.request.validators import (
    V30RequestBodyValidator,
    V30RequestParametersValidator,
    V31RequestBodyValidator,
    V31RequestParametersValidator,
)
from openapi_core.validation.schemas.datatypes import FormatValidatorsDict
from openapi_core.validation.schemas.factories import SchemaValidatorsFactory
from openapi_core.validation.schemas.validators import SchemaValidator
from werkzeug.datastructures import Headers, ImmutableMultiDict

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


class _TemplatePathFinder(APICallPathFinder):
    """openapi-core's path lookup, done once per (method, path template).

    The stand-in hands the validators the operation's path template, never the
    concrete path, so the answer depends on nothing else; looking it up again walks
    every path of the spec on every request.
    """

    def __init__(self, spec: SchemaPath, base_url: str | None = None) -> None:
        super().__init__(spec, base_url=base_url)
        self._found: dict[tuple[str, str], PathOperationServer] = {}

    def find(self, method: str, name: str) -> PathOperationServer:
        found = self._found.get((method, name))
        if found is None:
            found = self._found[(method, name)] = super().find(method, name)
        return found


class _SchemaValidators(SchemaValidatorsFactory):
    """openapi-core's schema validators, each built once per schema instead of per request.

    openapi-core builds a jsonschema validator (with a deep copy of its format
    checker) for every parameter and body it checks; for one schema of one spec
    that validator is always the same, and it keeps no state between values.
    """

    def __init__(self, inner: SchemaValidatorsFactory) -> None:
        super().__init__(inner.schema_validator_cls, inner.format_checker)
        self._inner = inner
        self._built: dict[tuple[Any, ...], SchemaValidator] = {}

    def create(
        self,
        spec: SchemaPath,
        schema: SchemaPath,
        format_validators: FormatValidatorsDict | None = None,
        extra_format_validators: FormatValidatorsDict | None = None,
        forbid_unspecified_additional_properties: bool = False,
        enforce_properties_required: bool = False,
    ) -> SchemaValidator:
        options = (forbid_unspecified_additional_properties, enforce_properties_required)
        if format_validators is not None or extra_format_validators is not None:
            return self._inner.create(
                spec, schema, format_validators, extra_format_validators, *options
            )
        key = (tuple(schema.parts), options)
        validator = self._built.get(key)
        if validator is None:
            validator = self._built[key] = self._inner.create(spec, schema, None, None, *options)
        return validator


@dataclass(frozen=True)
class Invalid:
    field: str | None
    message: str


class RequestValidator:
    def __init__(self, document: Mapping[str, Any]) -> None:
        # Every request walks the same few paths of the spec: keep them resolved.
        spec = SchemaPath.from_dict(dict(document), resolved_cache_maxsize=_RESOLVED_PATHS)
        v31 = str(document.get("openapi", "")).startswith("3.1")
        self._host = next(
            (s["url"] for s in document.get("servers") or [] if isinstance(s, Mapping)), ""
        ).rstrip("/")
        parameters = V31RequestParametersValidator if v31 else V30RequestParametersValidator
        body = V31RequestBodyValidator if v31 else V30RequestBodyValidator
        schemas = _SchemaValidators(parameters.schema_validators_factory)
        options: dict[str, Any] = {
            "path_finder_cls": _TemplatePathFinder,
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
