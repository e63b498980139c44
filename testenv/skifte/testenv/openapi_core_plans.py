"""openapi-core's request validators, with what they read of the spec read once.

For every request openapi-core walks the spec again: it finds the path, reads each
parameter's name, location, style and schema, builds a deserializer and a
jsonschema validator, and does the same for the body's media type. For one
operation of one spec the answers never change, so here they are read once per
operation (a "plan") and every request only deserializes and validates its values
with openapi-core's own deserializers and validators.

When a request fails the planned check, or an operation has a parameter the plan
does not cover, openapi-core's own code runs on it unchanged: errors are always
openapi-core's, and a request the plan lets through is one openapi-core's steps,
applied in the same order, let through.
"""

from __future__ import annotations

import contextlib
from dataclasses import dataclass
from typing import Any

from jsonschema_path import SchemaPath
from openapi_core.datatypes import Parameters, RequestParameters
from openapi_core.deserializing.media_types.deserializers import MediaTypeDeserializer
from openapi_core.deserializing.styles.deserializers import StyleDeserializer
from openapi_core.schema.parameters import get_style_and_explode
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

_MEDIA_TYPES_PER_OPERATION = 64
"""Content types seen per operation (charset spellings vary): a bound all the same."""
_NO_DEFAULT = object()


class TemplatePathFinder(APICallPathFinder):
    """openapi-core's path lookup, done once per (method, URL pattern).

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


class SchemaValidators(SchemaValidatorsFactory):
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
class _ParameterPlan:
    name: str
    location: str
    required: bool
    allow_empty: bool
    default: Any
    deserializer: StyleDeserializer
    validator: SchemaValidator


@dataclass(frozen=True)
class _MediaTypePlan:
    deserializer: MediaTypeDeserializer
    validator: SchemaValidator | None


class _Unplanned(Exception):
    """The plan cannot answer for this request: openapi-core's own code must."""


class _PlannedValidator:
    """What the parameter and body validators share (the path lookup is cached by
    TemplatePathFinder, which both use)."""

    # openapi-core's validator attributes this mixin reads (typed loosely: each
    # validator class narrows them its own way).
    spec: Any
    path_finder: Any
    schema_validators_factory: Any
    format_validators: Any
    extra_format_validators: Any
    forbid_unspecified_additional_properties: bool
    enforce_properties_required: bool

    def _schema_validator(self, schema: SchemaPath) -> SchemaValidator:
        validator: SchemaValidator = self.schema_validators_factory.create(
            self.spec,
            schema,
            format_validators=self.format_validators,
            extra_format_validators=self.extra_format_validators,
            forbid_unspecified_additional_properties=self.forbid_unspecified_additional_properties,
            enforce_properties_required=self.enforce_properties_required,
        )
        return validator


class _PlannedParameters(_PlannedValidator):
    style_deserializers_factory: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[str | int, ...], list[_ParameterPlan] | None] = {}

    def _get_parameters(
        self, parameters: RequestParameters, operation: SchemaPath, path: SchemaPath
    ) -> Parameters:
        key = tuple(operation.parts)
        if key not in self._plans:
            try:
                self._plans[key] = self._plan(operation, path)
            except Exception:  # a parameter the plan cannot read: openapi-core reads it
                self._plans[key] = None
        plan = self._plans[key]
        if plan is not None:
            # A problem with the request: openapi-core's own code describes it.
            with contextlib.suppress(Exception):
                return _apply(plan, parameters)
        return super()._get_parameters(parameters, operation, path)  # type: ignore[misc, no-any-return]

    def _plan(self, operation: SchemaPath, path: SchemaPath) -> list[_ParameterPlan] | None:
        plan: list[_ParameterPlan] = []
        seen: set[tuple[str, str]] = set()
        declared = [*operation.get("parameters", []), *path.get("parameters", [])]
        for param in declared:  # the operation's first, as openapi-core reads them
            name, location = (param / "name").read_str(), (param / "in").read_str()
            if (name, location) in seen:
                continue
            seen.add((name, location))
            if "content" in param:
                return None  # a media-typed parameter: left to openapi-core
            schema = param / "schema"
            style, explode = get_style_and_explode(param)
            plan.append(
                _ParameterPlan(
                    name=name,
                    location=location,
                    required=(param / "required").read_bool(default=False),
                    allow_empty=bool((param / "allowEmptyValue").read_bool(default=False)),
                    default=(
                        (schema / "default").read_value() if "default" in schema else _NO_DEFAULT
                    ),
                    deserializer=self.style_deserializers_factory.create(
                        self.spec, schema, style, explode, name=name
                    ),
                    validator=self._schema_validator(schema),
                )
            )
        return plan


def _apply(plan: list[_ParameterPlan], parameters: RequestParameters) -> Parameters:
    validated = Parameters()
    for param in plan:
        try:
            value = param.deserializer.deserialize(parameters[param.location])
        except KeyError:
            if param.default is _NO_DEFAULT:
                if param.required:
                    raise _Unplanned from None
                continue
            value = param.default
        else:
            if param.location == "query" and value == "" and not param.allow_empty:
                raise _Unplanned
        param.validator.validate(value)
        getattr(validated, param.location)[param.name] = value
    return validated


class _PlannedBody(_PlannedValidator):
    media_type_deserializers_factory: Any
    extra_media_type_deserializers: Any

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._plans: dict[tuple[str | int, ...], dict[str, _MediaTypePlan]] = {}

    def _get_body(self, body: bytes | None, mimetype: str, operation: SchemaPath) -> Any:
        # Multipart bodies differ by boundary, so a plan would never be reused: openapi-core's.
        if body and not mimetype.startswith("multipart/") and "requestBody" in operation:
            # No such media type, or a bad body: openapi-core's own code describes it.
            with contextlib.suppress(Exception):
                plan = self._media_type_plan(operation, mimetype)
                value = plan.deserializer.deserialize(body)
                if plan.validator is not None:
                    plan.validator.validate(value)
                return value
        return super()._get_body(body, mimetype, operation)  # type: ignore[misc]

    def _media_type_plan(self, operation: SchemaPath, mimetype: str) -> _MediaTypePlan:
        plans = self._plans.setdefault(tuple(operation.parts), {})
        plan = plans.get(mimetype)
        if plan is None:
            if len(plans) >= _MEDIA_TYPES_PER_OPERATION:
                plans.clear()
            plan = plans[mimetype] = self._read_media_type(operation, mimetype)
        return plan

    def _read_media_type(self, operation: SchemaPath, mimetype: str) -> _MediaTypePlan:
        content = operation / "requestBody" / "content"
        mime_type, parameters, media_type = self._find_media_type(content, mimetype)  # type: ignore[attr-defined]
        schema = media_type.get("schema")
        validator = self._schema_validator(schema) if schema is not None else None
        deserializer = self.media_type_deserializers_factory.create(
            self.spec,
            mime_type,
            schema=schema,
            schema_validator=validator,
            parameters=parameters,
            encoding=media_type.get("encoding") if "encoding" in media_type else None,
            extra_media_type_deserializers=self.extra_media_type_deserializers,
        )
        return _MediaTypePlan(deserializer, validator)


class V30Parameters(_PlannedParameters, V30RequestParametersValidator):
    pass


class V31Parameters(_PlannedParameters, V31RequestParametersValidator):
    pass


class V30Body(_PlannedBody, V30RequestBodyValidator):
    pass


class V31Body(_PlannedBody, V31RequestBodyValidator):
    pass
