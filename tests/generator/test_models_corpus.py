"""Keywords as names and as data, and names the generated modules use themselves.

The corpus `keywords_and_names.yaml` names properties and schemas like JSON Schema
keywords (`format`, `$ref`, `allOf`, …) and like what models.py and client.py import
or define (`Field`, `BaseModel`, `Any`, `Client`, `None`, `Enum`, `UUID`, …).
"""

from __future__ import annotations

import ast
import importlib
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from mypy import api as mypy_api
from pydantic import ValidationError

from skifte.api.python_names import RESERVED_CLASS_NAMES
from skifte.generator import Job, run
from skifte.generator.build import models_file
from skifte.generator.models_module import ModelsError
from skifte.generator.target import Target
from skifte.spec import read_spec

CORPUS = Path(__file__).parent / "corpus" / "keywords_and_names.yaml"
PACKAGE = "noegleord_og_navne_v2_0_0"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("keywords")
    outcomes = list(run([Job(spec=CORPUS, source=CORPUS.name)], out, workers=1))
    assert [o.status for o in outcomes] == ["written"], outcomes[0].detail
    return out / PACKAGE.replace("_", "-")


@pytest.fixture(scope="module")
def models(folder: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(f"{PACKAGE}.models")
    finally:
        sys.path.remove(str(folder))


def test_the_package_passes_mypy_strict(folder: Path) -> None:
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--no-incremental", "--explicit-package-bases", str(folder / PACKAGE)]
    )
    assert status == 0, stdout + stderr


def test_names_the_modules_use_are_never_class_names(folder: Path, models: ModuleType) -> None:
    tree = ast.parse((folder / PACKAGE / "models.py").read_text(encoding="utf-8"))
    classes = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
    imported = {
        alias.asname or alias.name
        for n in tree.body
        if isinstance(n, ast.ImportFrom)
        for alias in n.names
    }
    assert not classes & (imported | RESERVED_CLASS_NAMES)
    expected = {"FieldModel", "BaseModelModel", "AnyModel", "AnnotatedModel", "ClientModel"}
    expected |= {"NoneModel", "EnumModel", "UUIDModel", "AwareDatetimeModel", "Date"}
    expected |= {"Format", "Type", "Items", "EnumModel2", "Default", "Required", "Ref"}
    expected |= {"Properties", "Nullable", "AllOf", "Title", "Description", "Example"}
    assert expected <= classes
    client = (folder / PACKAGE / "client.py").read_text(encoding="utf-8")
    assert "FieldModel" in client and "ClientModel" in client  # the client uses them


def _keywords_data() -> dict[str, Any]:
    return {
        "format": "ikke-en-mail",  # email format is read leniently
        "type": "$ref",
        "items": ["type", "format"],
        "enum": "required",
        "default": "properties",
        "required": True,
        "properties": {"type": "object", "properties": 3},
        "nullable": None,
        "$ref": "#/components/schemas/Keywords",
        "allOf": [{"type": "array", "items": 2, "enum": "enum"}],
        "title": "title",
        "description": "description",
        "example": {"type": "string", "format": "date", "$ref": "#/x", "enum": ["a"]},
    }


def test_keyword_names_and_keyword_data_survive_a_round_trip(models: ModuleType) -> None:
    data = _keywords_data()
    parsed = models.Keywords.model_validate(data)
    assert parsed.dollar_ref == "#/components/schemas/Keywords"
    assert parsed.all_of[0].enum == "enum" and parsed.all_of[0].type is models.TypeType.ARRAY
    assert parsed.model_dump(mode="json", exclude_unset=True) == data
    again = models.Keywords.model_validate_json(parsed.model_dump_json())
    assert again == parsed


def test_keyword_fields_are_built_by_python_name(models: ModuleType) -> None:
    built = models.Keywords(
        format="a@example.invalid",
        type=models.KeywordsType.PROPERTIES,
        nullable=None,  # required, and null is a value
        dollar_ref="#/x",
        all_of=[models.KeywordsAllOfItem(items=1)],
    )
    assert built.model_dump(mode="json", exclude_unset=True) == {
        "format": "a@example.invalid",
        "type": "properties",
        "nullable": None,
        "$ref": "#/x",
        "allOf": [{"items": 1}],
    }
    assert built.enum is models.KeywordsEnum.ENUM  # an enum default is a member
    with pytest.raises(ValidationError, match="ref"):
        models.Keywords(format="a", type="type", nullable="n", ref="#/x")  # no such name
    with pytest.raises(ValidationError, match="nullable"):
        models.Keywords(format="a", type="type")  # a required nullable field is required


def test_collision_names_round_trip(models: ModuleType) -> None:
    data = {
        "client": {"BaseModel": {"Field": "f", "date": "2024-02-29"}},
        "none": {"None": False},
        "enum": "StrEnum",
        "uuid": "5f0c3a4e-9a4b-4c1e-8d2f-2d1b7c0e9a11",
        "when": "2024-05-01T10:00:00Z",
        "any": {"Any": 1},
        "annotated": {"Annotated": "a"},
        "date": {"date": "2024-01-31"},
    }
    parsed = models.ClientModel.model_validate(data)
    assert parsed.enum is models.EnumModel.STR_ENUM
    assert models.ClientModel.model_validate_json(parsed.model_dump_json()) == parsed
    assert parsed.model_dump(mode="json")["client"] == data["client"]


def test_a_deprecated_property_warns_where_it_is_read(models: ModuleType) -> None:
    field = models.Keywords.model_fields["gammel"]
    assert field.deprecated
    keywords = models.Keywords(format="a", type="type", nullable=None, gammel="x")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        assert keywords.gammel == "x"
    assert [w.category for w in caught] == [DeprecationWarning]


def test_a_malformed_schema_is_an_error_naming_its_pointer(tmp_path: Path) -> None:
    spec = tmp_path / "broken.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: Broken, version: '1'}\npaths: {}\n"
        "components:\n  schemas:\n    Ok: {type: object, properties: {format: {type: string}}}\n"
        "    Bad:\n      type: object\n      properties:\n        inner:\n"
        "          type: object\n          properties: [format, type]\n",
        encoding="utf-8",
    )
    with pytest.raises(ModelsError) as error:
        models_file(read_spec(spec, validate=False), Target.for_document_title("Broken", "1"))
    assert error.value.pointer == "#/components/schemas/Bad/properties/inner/properties"
    assert str(error.value).count("\n") == 0 and error.value.pointer in str(error.value)


def test_a_malformed_inline_body_is_named_by_its_place_under_paths(tmp_path: Path) -> None:
    spec = tmp_path / "broken-body.yaml"
    spec.write_text(
        "openapi: 3.0.3\ninfo: {title: Broken, version: '1'}\npaths:\n  /a/b:\n    post:\n"
        "      requestBody:\n        content:\n          application/json:\n            schema:\n"
        "              type: object\n              properties: {a: {type: array, items: 3}}\n"
        "      responses: {'204': {description: ok}}\n",
        encoding="utf-8",
    )
    with pytest.raises(ModelsError) as error:
        models_file(read_spec(spec, validate=False), Target.for_document_title("Broken", "1"))
    assert error.value.pointer == (
        "#/paths/~1a~1b/post/requestBody/content/application~1json/schema/properties/a/items"
    )
