"""models.py of a package: datamodel-code-generator, fed a document named our way.

We hand it only the schemas, already renamed to the class names the plan chose
(transliterated, unique), inline enums and objects already named
(models_document), with field names and enum member names fixed in advance; then
we give the object models their base class (models_code) and check that every
class we promised exists.
"""

from __future__ import annotations

import gc
import warnings
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from datamodel_code_generator import InputFileType, PythonVersion, generate
from datamodel_code_generator.enums import DataModelType

from skifte.api import Api
from skifte.api.python_names import RESERVED_CLASS_NAMES, PythonNames
from skifte.api.walk import SchemaShapeError
from skifte.gc_pause import paused_gc

from .literals import docstring
from .models_code import BASE_CLASS, BASE_MODULE, finish_models
from .models_document import prepared_document
from .plan import PackagePlan


class ModelsError(Exception):
    """datamodel-code-generator failed or did not produce the classes the plan names.

    `pointer` is the JSON pointer of the schema concerned, when it is known.
    """

    def __init__(self, message: str, pointer: str | None = None) -> None:
        super().__init__(message if pointer is None else f"{message} (at {pointer})")
        self.pointer = pointer


@dataclass(frozen=True)
class ModelsInput:
    """What datamodel-code-generator reads and what its output must define: all that stays
    alive while it runs, so the spec and the model of the API can be let go first."""

    prepared: dict[str, Any]
    where: dict[str, str]
    """Class name → JSON pointer of its schema in the spec."""
    expected: list[str]
    """The classes the client needs."""
    header: str
    aliases: dict[str, str]


def models_source(api: Api, document: Mapping[str, Any], plan: PackagePlan) -> str:
    return models_code(models_input(api, document, plan))


def models_input(api: Api, document: Mapping[str, Any], plan: PackagePlan) -> ModelsInput:
    try:
        prepared, where = prepared_document(document, PythonNames(api, plan.package), plan)
    except SchemaShapeError as exc:
        raise ModelsError(f"cannot read a schema: {exc.reason}", exc.pointer) from exc
    expected = [*plan.classes.values(), *(h.name for h in plan.hoisted)]
    header = f'"""Models of {docstring(plan.title_version)}. Generated: do not edit."""'
    return ModelsInput(prepared, where, expected, header, plan.field_aliases)


def models_code(models: ModelsInput) -> str:
    """models.py's code, unformatted."""
    code = tool_code(models.prepared, models.header, models.aliases)
    # datamodel-code-generator leaves its parse state behind as cyclic garbage (600 MB on
    # GitHub's spec) while the caller pauses the collector: freed here, the parse below
    # reuses the memory instead of adding to it (peak 872 → 789 MB on that spec).
    gc.collect()
    code, defined = finish_models(code)
    _check_classes(defined, models.expected, models.where)
    return code


def tool_code(prepared: dict[str, Any], header: str, aliases: dict[str, str]) -> str:
    """datamodel-code-generator's code for a prepared document (or part of one)."""
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
                custom_file_header=header,
                base_class=f"{BASE_MODULE}.{BASE_CLASS}",
                use_annotated=True,
                field_constraints=True,
                snake_case_field=True,
                aliases=aliases,
                capitalise_enum_members=True,
                set_default_enum_member=True,
                strict_nullable=True,
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
    return code


def _check_classes(classes: list[str], expected: list[str], where: dict[str, str]) -> None:
    defined = set(classes)
    missing = sorted(set(expected) - defined)
    if missing:
        raise ModelsError(
            f"models.py lacks classes the client needs: {', '.join(missing)}",
            where.get(missing[0]),
        )
    clashing = sorted(defined & RESERVED_CLASS_NAMES)
    if clashing:
        raise ModelsError(
            f"models.py defines names the package imports: {', '.join(clashing)}",
            where.get(clashing[0]),
        )
