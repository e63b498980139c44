"""The Python names of one API's generated package: classes, fields, methods, arguments.

Computed once per API from the model; the generator renders them and the diff
reports them (`affects`), so both always agree. Collisions are resolved in a
fixed order (sorted wire names), so adding a schema never renames another.
"""

from __future__ import annotations

import keyword
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

from .inline_classes import InlineClass, inline_classes
from .model import Api, Operation, Parameter
from .naming import (
    BUILTIN_NAMES,
    pascal_case,
    python_identifier,
    snake_case,
    unique,
    upper_snake_case,
)

# Names the generated modules import or define at top level (models.py, and the modules
# that import its classes: client.py, errors.py); a schema called like one gets `Model`
# appended. The generator checks models.py against this list (models_module).
RESERVED_CLASS_NAMES = frozenset(
    {
        # pydantic, typing, and the standard types datamodel-code-generator imports
        *("BaseModel", "RootModel", "ConfigDict", "Field", "AwareDatetime", "NaiveDatetime"),
        *("AnyUrl", "AnyHttpUrl", "HttpUrl", "EmailStr", "NameEmail", "SecretStr", "Json"),
        *("Base64Str", "Base64Bytes", "IPvAnyAddress", "IPv4Address", "IPv6Address"),
        *("UUID", "UUID1", "UUID3", "UUID4", "UUID5", "Decimal", "Path", "Pattern"),
        *("Annotated", "Any", "Literal", "Optional", "Union", "TypeAlias", "ClassVar"),
        *("Enum", "StrEnum", "IntEnum", "TypeAdapter", "ValidationError"),
        *("Iterator", "AsyncIterator", "Callable", "Mapping", "Sequence", "IO", "TypeVar"),
        # what the client modules define or import next to the model classes
        *("Client", "AsyncClient", "ClientCredentials", "ClientCertificate", "Token"),
        *("TokenCache", "Call", "FileContent", "ErrorBody", "TracebackType"),
        *("ApiError", "TokenError", "ResponseFormatError", "BadRequestError"),
        *("UnauthorizedError", "ForbiddenError", "NotFoundError", "ConflictError"),
        *("RateLimitedError", "ServerError", "ApiConnectionError", "ApiTimeoutError"),
        *("CertificateError", "SyncAPIClient", "AsyncAPIClient", "ClientWithRawResponse"),
        *("AsyncClientWithRawResponse", "Pager", "AsyncPager", "RawResponse", "CallOptions"),
        *("NoneType", "Unpack"),
    }
) | {n for n in BUILTIN_NAMES if n[:1].isupper()}
# Attributes of pydantic.BaseModel a field must not shadow.
RESERVED_FIELD_NAMES = frozenset(
    {
        "model_config",
        "model_fields",
        "model_computed_fields",
        "model_extra",
        "model_fields_set",
        "model_construct",
        "model_copy",
        "model_dump",
        "model_dump_json",
        "model_json_schema",
        "model_parametrized_name",
        "model_post_init",
        "model_rebuild",
        "model_validate",
        "model_validate_json",
        "model_validate_strings",
        "copy",
        "dict",
        "json",
        "parse_obj",
        "parse_raw",
        "parse_file",
        "from_orm",
        "construct",
        "schema",
        "schema_json",
        "validate",
        "update_forward_refs",
        "fields",
    }
)
# Methods and attributes of the generated clients besides the operations.
CLIENT_METHOD_NAMES = frozenset(
    {"close", "aclose", "request", "send", "token", "with_options", "with_raw_response"}
)
# Keywords every generated client method takes besides the spec's parameters.
CLIENT_OPTION_NAMES = frozenset({"timeout", "extra_headers", "max_retries", "options"})
# Lower-case names a generated method or call builder uses besides its arguments: the
# modules and helpers client.py imports or defines. An argument named like one would
# shadow it, so it gets a trailing underscore.
CLIENT_MODULE_NAMES = frozenset(
    {
        "annotations",
        "contextmanager",
        "asynccontextmanager",
        "datetime",
        "httpx",
        "uuid4",
        "dump",
        "file_part",
        "form_value",
        "warn_deprecated",
        "deprecated",
        "raw_response",
        "async_raw_response",
    }
)
RESERVED_ARGUMENT_NAMES = (
    BUILTIN_NAMES | CLIENT_OPTION_NAMES | CLIENT_MODULE_NAMES | {"self", "body", "cls"}
)


def package_name(api: str, version: str) -> str:
    """`doedsbo`, `1.3.0` → `skifteportal_doedsbo_v1_3_0`, the import name."""
    return f"skifteportal_{snake_case(api)}_v{version_suffix(version)}"


def version_suffix(version: str) -> str:
    """`1.3.0` → `1_3_0`: how a version appears in package and folder names."""
    return snake_case(version.replace(".", "_"))


def document_package_name(title: str, version: str, name: str | None = None) -> str:
    """For a spec outside the registry: from `name`, else from info.title, and info.version."""
    stem = snake_case(name or title) or "api"
    package = f"{stem}_v{version_suffix(version)}"
    return f"api_{package}" if package[0].isdigit() else package


def class_name(wire: str) -> str:
    """`kravData` → `KravData`; `Field` → `FieldModel`, `None` → `NoneModel` (see below).

    A name that is taken (RESERVED_CLASS_NAMES) or a keyword gets `Model` appended, a
    spelling datamodel-code-generator keeps as it is (it strips trailing underscores).
    """
    name = python_identifier(pascal_case(wire), fallback="Schema")
    if name.endswith("_"):  # a keyword: None, True, False
        name = name[:-1]
    if keyword.iskeyword(name) or name in RESERVED_CLASS_NAMES:
        name += "Model"
    return name


def class_name_part(wire: str) -> str:
    """A property name as a part of an inline class's name: `status` → `Status`."""
    return pascal_case(_spelled(wire))


# Symbols that carry the meaning of a name ("+1", "-1", "@type", "$ref") are spelled out,
# so names differing only in them stay different.
_SYMBOLS = {
    "+": " plus ",
    "@": " at ",
    "$": " dollar ",
    "#": " hash ",
    "%": " percent ",
    "&": " and ",
    "*": " star ",
    "=": " equals ",
}


def _spelled(wire: str) -> str:
    spelled = "".join(_SYMBOLS.get(c, c) for c in wire)
    return " minus " + spelled[1:] if spelled.startswith("-") else spelled


def field_name(wire: str) -> str:
    name = snake_case(_spelled(wire))
    if name.startswith("model_"):
        name = f"field_{name}"
    return python_identifier(name, fallback="field", reserved=RESERVED_FIELD_NAMES)


def enum_member_name(value: object) -> str:
    return python_identifier(upper_snake_case(str(value)), fallback="VALUE")


def method_name(operation: Operation) -> str:
    """From the operationId; without one, from the method and the path (stable across runs)."""
    if operation.operation_id:
        base = snake_case(operation.operation_id)
    else:
        parts = [p.strip("{}") for p in operation.path.split("/") if p]
        base = snake_case(" ".join([operation.method.lower(), *parts]))
    return python_identifier(base or "call", fallback="op", reserved=CLIENT_METHOD_NAMES)


def inline_classes_below(owners: list[tuple[str, Any]], taken: set[str]) -> list[InlineClass]:
    """Inline classes below (class name, raw schema) owners, avoiding `taken` names."""
    return inline_classes(owners, taken, part=class_name_part, finish=_inline_class_name)


def _inline_class_name(joined: str) -> str:
    name = python_identifier(joined, fallback="Schema")
    return name + "Model" if name in RESERVED_CLASS_NAMES else name


@dataclass
class PythonNames:
    api: Api
    package: str
    """The import name of the package, e.g. `skifteportal_doedsbo_v1_3_0`."""
    _fields: dict[str, dict[str, str]] = field(default_factory=dict, repr=False)

    @cached_property
    def classes(self) -> dict[str, str]:
        """Component schema name → class name in models.py."""
        wires = sorted(self.api.schemas)
        return dict(zip(wires, unique([class_name(w) for w in wires]), strict=True))

    @cached_property
    def inline_classes(self) -> list[InlineClass]:
        """Inline enums and objects of the component schemas, named from owner and place."""
        owners = [(self.classes[w], self.api.schemas[w]._raw) for w in sorted(self.api.schemas)]
        return inline_classes_below(owners, set(self.classes.values()))

    def fields(self, component: str) -> dict[str, str]:
        """Property wire name → field name, for one component schema (its own properties)."""
        if component not in self._fields:
            schema = self.api.schemas[component]
            wires = sorted(schema.properties)
            self._fields[component] = dict(
                zip(wires, unique([field_name(w) for w in wires], sep="_"), strict=True)
            )
        return self._fields[component]

    @cached_property
    def methods(self) -> dict[Operation, str]:
        ops = sorted(self.api.operations, key=lambda o: (o.operation_id or "", o.path, o.method))
        return dict(zip(ops, unique([method_name(o) for o in ops], sep="_"), strict=True))

    def arguments(self, operation: Operation) -> dict[Parameter, str]:
        """Parameter → keyword argument name; a name used twice gets its location added."""
        params = operation.parameters
        plain = [
            python_identifier(snake_case(p.name), fallback="arg", reserved=RESERVED_ARGUMENT_NAMES)
            for p in params
        ]
        clashes = {n for n in plain if plain.count(n) > 1}
        named = [
            f"{n}_{p.location}" if n in clashes else n for n, p in zip(plain, params, strict=True)
        ]
        return dict(zip(params, unique(named, sep="_"), strict=True))

    def symbol(self, component: str, wire_property: str | None = None) -> str:
        """`pkg.models.Krav` or `pkg.models.Krav.beloeb`, as an integrator greps for it."""
        base = f"{self.package}.models.{self.classes[component]}"
        if wire_property is None:
            return base
        return f"{base}.{self.fields(component).get(wire_property, field_name(wire_property))}"
