"""The edge-case corpus: nothing dropped, names transliterated and unique."""

from __future__ import annotations

import ast
import importlib
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest


@pytest.fixture
def edge(generated: Path) -> Iterator[ModuleType]:
    folder = generated / "kantsager-paa-aeroe-v0-9-1"
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module("kantsager_paa_aeroe_v0_9_1")
    finally:
        sys.path.remove(str(folder))


def _classes(path: Path) -> set[str]:
    return {
        n.name
        for n in ast.parse(path.read_text(encoding="utf-8")).body
        if isinstance(n, ast.ClassDef)
    }


def test_every_schema_becomes_a_class(generated: Path) -> None:
    classes = _classes(
        generated / "kantsager-paa-aeroe-v0-9-1/kantsager_paa_aeroe_v0_9_1/models.py"
    )
    expected = {
        "Dyr",
        "Hund",
        "Kat",
        "Ejer",
        "Koeretoej",
        "Koeretoej2",
        "Base",
        "Knude",
        "Class",
        "List",
        "Str",
        "SendInlineRequest",
        "SendInlineResponse",
        "Reaktioner",
    }
    assert expected <= classes


def test_models_parse_wire_names(edge: ModuleType) -> None:
    models = edge.models
    car = models.Koeretoej2.model_validate(
        {
            "id": "5f0c3a4e-9a4b-4c1e-8d2f-2d1b7c0e9a11",
            "mærke": "Fiktiv",
            "status": "på vej",
            "ejer": 7,
            "data": {"frit": [1, {"a": None}]},
        }
    )
    assert car.maerke == "Fiktiv"
    assert car.status is models.Koeretoej2Status.PAA_VEJ
    assert car.model_dump(by_alias=True, exclude_none=True)["mærke"] == "Fiktiv"
    tree = models.Knude.model_validate({"navn": "rod", "børn": [{"navn": "blad", "børn": []}]})
    assert tree.boern is not None and tree.boern[0].navn == "blad"
    dog = models.Dyr.model_validate({"art": "hund", "gøen": None})
    assert isinstance(dog.root, models.Hund)
    votes = models.Reaktioner.model_validate({"+1": 3, "-1": 1, "fooBar": "x", "foo_bar": 2})
    assert (votes.plus_1, votes.minus_1, votes.foo_bar, votes.foo_bar_2) == (3, 1, "x", 2)
    keyword = models.Class.model_validate({"from": "a", "model_type": "b", "schema": "c"})
    assert (keyword.from_, keyword.field_model_type, keyword.schema_) == ("a", "b", "c")


def test_operations_without_operation_id_get_stable_names(edge: ModuleType) -> None:
    methods = {m for m in dir(edge.Client) if not m.startswith("_")}
    assert {
        "get_koeretoejer_koeretoej_id",
        "delete_koeretoejer_koeretoej_id",
        "hent_trae",
        "opret_dyr",
        "send_inline",
    } <= methods
