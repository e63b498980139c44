"""Class names for inline enums and objects: from owner and place, stable across releases."""

from __future__ import annotations

import ast
import copy
import re
from itertools import pairwise
from pathlib import Path
from typing import Any

from skifte.api import build_api
from skifte.api.form_bodies import form_only_components
from skifte.api.python_names import PythonNames, package_name
from skifte.registry import Registry
from skifte.spec import SpecDocument
from tests.conftest import PROJECT_REGISTRY


def _names(document: SpecDocument | dict[str, Any]) -> PythonNames:
    if isinstance(document, dict):
        document = _document(document)
    return PythonNames(build_api(document), "pkg")


def _document(data: dict[str, Any]) -> SpecDocument:
    return SpecDocument(source="spec.json", raw_sha256="0", text="", data=data)


def _by_place(names: PythonNames) -> dict[tuple[str, str], str]:
    """(owner's wire name, pointer) → inline class name."""
    wire_of = {c: w for w, c in names.classes.items()}
    return {(wire_of[c.owner], c.pointer): c.name for c in names.inline_classes}


def test_consecutive_releases_keep_every_class_name() -> None:
    registry = Registry(PROJECT_REGISTRY)
    apis = sorted({r.api for r in registry.releases()})
    compared = 0
    for api in apis:
        for old, new in pairwise(registry.releases(api)):
            before, after = _names(old.read()), _names(new.read())
            shared = before.classes.keys() & after.classes.keys()
            assert {w: before.classes[w] for w in shared} == {w: after.classes[w] for w in shared}
            old_inline, new_inline = _by_place(before), _by_place(after)
            for place in old_inline.keys() & new_inline.keys():
                assert old_inline[place] == new_inline[place], (api, new.version, place)
                compared += 1
    assert compared > 0


def test_models_define_the_inline_classes_python_names_names(generated: Path) -> None:
    for release in Registry(PROJECT_REGISTRY).releases():
        package = package_name(release.api, release.version)
        api = build_api(release.read())
        names = PythonNames(api, package)
        models = next(generated.glob(f"*/{package}/models.py"))
        tree = ast.parse(models.read_text(encoding="utf-8"))
        defined = {n.name for n in tree.body if isinstance(n, ast.ClassDef)}
        assert {c.name for c in names.inline_classes} <= defined
        # A schema that is only ever a whole multipart body is no class (the upload's
        # arguments are its parts); every other component is one.
        form_only = {names.classes[w] for w in form_only_components(api)}
        assert set(names.classes.values()) - form_only <= defined
        assert not form_only & defined
        numbered = {d for d in defined if re.search(r"\d$", d)}
        assert not numbered, numbered  # nothing invented by numbering


def _spec(schemas: dict[str, Any]) -> dict[str, Any]:
    return {
        "openapi": "3.0.3",
        "info": {"title": "t", "version": "1"},
        "paths": {},
        "components": {"schemas": schemas},
    }


FORESPOERGSEL = {
    "type": "object",
    "properties": {
        "status": {"type": "string", "enum": ["AABEN", "LUKKET"]},
        "svar": {
            "type": "object",
            "properties": {"type": {"type": "string", "enum": ["JA", "NEJ"]}},
        },
        "bilag": {"type": "array", "items": {"type": "string", "enum": ["PDF"]}},
        "ref": {"$ref": "#/components/schemas/Andet"},
    },
}


def test_inline_classes_are_named_from_owner_and_property() -> None:
    names = _names(_spec({"Forespoergsel": FORESPOERGSEL, "Andet": {"type": "string"}}))
    assert _by_place(names) == {
        ("Forespoergsel", "#/properties/status"): "ForespoergselStatus",
        ("Forespoergsel", "#/properties/svar"): "ForespoergselSvar",
        ("Forespoergsel", "#/properties/svar/properties/type"): "ForespoergselSvarType",
        ("Forespoergsel", "#/properties/bilag/items"): "ForespoergselBilagItem",
    }


def test_an_unrelated_schema_renames_nothing() -> None:
    schemas = {"Forespoergsel": FORESPOERGSEL, "Andet": {"type": "string"}}
    before = _names(_spec(schemas))
    grown = copy.deepcopy(schemas) | {
        "Aaa": {"type": "object", "properties": {"status": {"enum": ["X"]}}},
        "Zzz": {"type": "object", "properties": {"svar": {"properties": {"a": {}}}}},
    }
    after = _names(_spec(grown))
    assert _by_place(before).items() <= _by_place(after).items()
    assert before.classes.items() <= after.classes.items()


def test_a_collision_gets_the_first_free_number_in_a_fixed_order() -> None:
    schemas = {
        "A": {"type": "object", "properties": {"bC": {"enum": ["x"]}}},
        "AB": {"type": "object", "properties": {"c": {"enum": ["y"]}}},
        "ABC": {"type": "object", "properties": {"d": {"type": "string"}}},
    }
    names = _names(_spec(schemas))
    # ABC is a component: both inline enums yield to it, in sorted order of their owners.
    assert _by_place(names) == {
        ("A", "#/properties/bC"): "ABC2",
        ("AB", "#/properties/c"): "ABC3",
    }
    reordered = _names(_spec(dict(reversed(list(schemas.items())))))
    assert _by_place(reordered) == _by_place(names)


def test_no_schema_name_can_shadow_what_a_module_next_to_the_models_binds(
    generated: Path,
) -> None:
    """Every capitalised name a module that imports model classes binds besides them is
    reserved: a schema named like it gets `Model` appended instead."""
    from skifte.api.python_names import RESERVED_CLASS_NAMES

    for package in sorted(generated.glob("*/*/client.py")):
        for module in sorted(package.parent.glob("*.py")):
            if module.name in ("models.py", "__init__.py"):
                continue  # __init__ imports the models as a module
            tree = ast.parse(module.read_text(encoding="utf-8"))
            if not any(isinstance(n, ast.ImportFrom) and n.module == "models" for n in tree.body):
                continue  # no model class lives in its namespace
            bound = set()
            for node in tree.body:
                if isinstance(node, ast.ImportFrom) and node.module != "models":
                    bound |= {alias.asname or alias.name for alias in node.names}
                elif isinstance(node, ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
                    bound.add(node.name)
            base_error = {n for n in bound if n.endswith("Error") and module.name == "errors.py"}
            capitalised = {n for n in bound if n[:1].isupper() and not n.isupper()}
            unreserved = capitalised - RESERVED_CLASS_NAMES - base_error
            assert not unreserved, f"{module}: {sorted(unreserved)}"
