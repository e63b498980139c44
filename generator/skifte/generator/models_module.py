"""models.py of a package: datamodel-code-generator, fed a document named our way.

We hand it only the schemas, already renamed to the class names the plan chose
(transliterated, unique), with field names and enum member names fixed in
advance, and check afterwards that every class we promised exists.
"""

from __future__ import annotations

import ast
import copy
import warnings
from collections.abc import Mapping
from typing import Any

from datamodel_code_generator import InputFileType, PythonVersion, generate
from datamodel_code_generator.enums import DataModelType

from skifte.api import Api
from skifte.api.naming import unique
from skifte.api.python_names import enum_member_name
from skifte.gc_pause import paused_gc

from .literals import docstring
from .plan import PackagePlan

_SCHEMAS = "#/components/schemas/"
# Formats whose pydantic types need extra packages or reject values a server may send.
_LENIENT_FORMATS = {"email", "idn-email", "hostname", "idn-hostname"}


class ModelsError(Exception):
    """datamodel-code-generator failed or did not produce the classes the plan names."""


def models_source(api: Api, document: Mapping[str, Any], plan: PackagePlan) -> str:
    prepared = _prepared_document(document, plan)
    try:
        # Its UserWarnings note constraints pydantic types cannot carry; the models are still valid.
        with paused_gc(), warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)
            code = generate(
                prepared,
                input_file_type=InputFileType.OpenAPI,
                output_model_type=DataModelType.PydanticV2BaseModel,
                target_python_version=PythonVersion.PY_311,
                disable_timestamp=True,
                custom_file_header=f'"""Models of {docstring(plan.title_version)}. Generated: do not edit."""',  # noqa: E501
                use_annotated=True,
                field_constraints=True,
                snake_case_field=True,
                aliases=plan.field_aliases,
                capitalise_enum_members=True,
                use_standard_collections=True,
                use_union_operator=True,
                use_schema_description=True,
                use_field_description=True,
                use_double_quotes=True,
                formatters=[],
            )
    except Exception as exc:  # its errors have no common base; name the step and the cause
        raise ModelsError(f"datamodel-code-generator failed: {exc}") from exc
    if not isinstance(code, str):
        raise ModelsError("datamodel-code-generator split the models into modules unexpectedly")
    _check_classes(code, [*plan.classes.values(), *(h.name for h in plan.hoisted)])
    return code


def _prepared_document(document: Mapping[str, Any], plan: PackagePlan) -> dict[str, Any]:
    components = dict(document.get("components") or {})
    wire_schemas = components.get("schemas") or {}
    renames = {f"{_SCHEMAS}{_escape(w)}": f"{_SCHEMAS}{c}" for w, c in plan.classes.items()}
    schemas = {plan.classes[wire]: raw for wire, raw in wire_schemas.items()}
    schemas.update({h.name: h.schema.raw for h in plan.hoisted})
    components["schemas"] = {name: _rewrite(raw, renames) for name, raw in sorted(schemas.items())}
    return {
        "openapi": document["openapi"],
        "info": document["info"],
        "paths": {},
        "components": components,
    }


def _rewrite(node: Any, renames: dict[str, str]) -> Any:
    """A copy with refs renamed, enum member names fixed and lenient formats relaxed."""
    if isinstance(node, list):
        return [_rewrite(item, renames) for item in node]
    if not isinstance(node, Mapping):
        return copy.copy(node)
    out = {key: _rewrite(value, renames) for key, value in node.items()}
    ref = out.get("$ref")
    if isinstance(ref, str):
        for old, new in renames.items():
            if ref == old or ref.startswith(old + "/"):
                out["$ref"] = new + ref[len(old) :]
                break
    enum = out.get("enum")
    if isinstance(enum, list) and enum and all(isinstance(v, str) for v in enum):
        out["x-enum-varnames"] = unique([enum_member_name(v) for v in enum], sep="_")
    if out.get("format") in _LENIENT_FORMATS:
        del out["format"]
    return out


def _escape(name: str) -> str:
    return name.replace("~", "~0").replace("/", "~1")


def _check_classes(code: str, expected: list[str]) -> None:
    defined = {n.name for n in ast.parse(code).body if isinstance(n, ast.ClassDef)}
    missing = sorted(set(expected) - defined)
    if missing:
        raise ModelsError(f"models.py lacks classes the client needs: {', '.join(missing)}")
