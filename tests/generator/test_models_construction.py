"""Models built the way an integrator builds them: nothing typed is ever dropped.

By Python name and by wire name alike; a keyword that names no field is an error
(also in nested dictionaries); parsing stays lenient to properties a newer
release adds; and what `mypy --strict` accepts is what works at runtime.
"""

from __future__ import annotations

import datetime
import functools
import importlib
import sys
import types
import uuid
from collections.abc import Iterator
from enum import Enum
from pathlib import Path
from types import ModuleType
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from mypy import api as mypy_api
from pydantic import AwareDatetime, BaseModel, RootModel, ValidationError

from skifte.api import Api, build_api
from skifte.api.form_bodies import form_only_components
from skifte.api.python_names import PythonNames, package_name
from skifte.registry import Registry
from skifte.testenv.values import synthesize
from tests.conftest import PROJECT_REGISTRY

RELEASES = Registry(PROJECT_REGISTRY).releases()


@pytest.fixture(scope="module")
def packages(generated: Path) -> Iterator[dict[str, ModuleType]]:
    """Every registry release's models module, by package name."""
    folders = [str(p) for p in sorted(generated.iterdir())]
    sys.path[:0] = folders
    try:
        yield {
            (name := package_name(r.api, r.version)): importlib.import_module(f"{name}.models")
            for r in RELEASES
        }
    finally:
        del sys.path[: len(folders)]


def object_models(models: ModuleType) -> list[type[BaseModel]]:
    return [
        c
        for c in vars(models).values()
        if isinstance(c, type) and issubclass(c, models._Model) and c is not models._Model
    ]


def test_a_creditor_keeps_its_cvr_by_python_name_and_by_wire_name(
    packages: dict[str, ModuleType],
) -> None:
    models = packages["skifteportal_doedsbo_v1_3_0"]
    by_name = models.Kreditor(navn="Fiktiv Forsyning A/S", cvr_nummer="91234572")
    by_wire = models.Kreditor(navn="Fiktiv Forsyning A/S", cvrNummer="91234572")
    assert by_name.cvr_nummer == by_wire.cvr_nummer == "91234572"
    assert by_name == by_wire
    assert by_name.model_dump(exclude_unset=True) == {
        "navn": "Fiktiv Forsyning A/S",
        "cvrNummer": "91234572",
    }


def test_a_search_sends_the_cpr_number_it_was_given(packages: dict[str, ModuleType]) -> None:
    models = packages["skifteportal_doedsbo_v1_3_0"]
    call = importlib.import_module("skifteportal_doedsbo_v1_3_0._call")
    query = models.DoedsbojournalQuery(cpr_nummer="650321-4127")
    assert call.dump(models.DoedsbojournalQuery, query) == {"cprNummer": "650321-4127"}


def test_a_typo_is_an_error_at_every_level(packages: dict[str, ModuleType]) -> None:
    models = packages["skifteportal_doedsbo_v1_3_0"]
    with pytest.raises(ValidationError, match="cpr_numer"):
        models.DoedsbojournalQuery(cpr_numer="650321-4127")
    for models in packages.values():
        for model in object_models(models):
            with pytest.raises(ValidationError, match=r"extra_forbidden|Extra inputs"):
                model(no_such_field_anywhere=1)


def test_a_nested_typo_is_an_error_too(packages: dict[str, ModuleType]) -> None:
    models = packages["skifteportal_doedsbo_v1_3_0"]
    with pytest.raises(ValidationError, match=r"kreditor\.cvr_numer"):
        models.KravData(
            kravtype=models.KravDataKravtype.FORSYNING,
            beloeb=100,
            kreditor={"navn": "Fiktiv Forsyning A/S", "cvr_numer": "91234572"},
        )


@functools.cache
def _api(index: int) -> Api:
    return build_api(RELEASES[index].read())


def _key_and_extra() -> st.SearchStrategy[tuple[str, dict[str, int]]]:
    names = st.text("abcdefghijklmnopqrstuvwxyzæøå", min_size=12, max_size=16)
    return st.tuples(st.text(max_size=6), st.dictionaries(names, st.integers(), max_size=2))


@settings(max_examples=15, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(drawn=_key_and_extra())
def test_every_model_of_every_release_round_trips(
    packages: dict[str, ModuleType], drawn: tuple[str, dict[str, int]]
) -> None:
    """Parsed (with properties a newer release might add), dumped by wire name, parsed again:
    equal; and rebuilt by Python name from the parsed fields: equal again."""
    key, extra = drawn
    for index, release in enumerate(RELEASES):
        api = _api(index)
        package = package_name(release.api, release.version)
        models = packages[package]
        form_only = form_only_components(api)  # no class: an upload's arguments
        for wire, class_name in PythonNames(api, package).classes.items():
            if wire in form_only:
                continue
            model = getattr(models, class_name)
            if not (isinstance(model, type) and issubclass(model, BaseModel)):
                continue  # an enum
            data = synthesize(api.schemas[wire], key)
            if isinstance(data, dict) and not issubclass(model, RootModel):
                data = extra | data  # unknown to this release: ignored when parsing
            parsed = model.model_validate(data)
            assert model.model_validate_json(parsed.model_dump_json()) == parsed, class_name
            if not issubclass(model, RootModel):
                rebuilt = model(**{name: getattr(parsed, name) for name in parsed.model_fields_set})
                assert rebuilt == parsed, class_name
                assert not set(extra) & set(parsed.model_dump()), class_name


# --- what a user's mypy sees -------------------------------------------------------


def _value(annotation: Any, alias: str, depth: int) -> str:
    """Source text of a value of this type, as a user would write it."""
    origin, args = get_origin(annotation), get_args(annotation)
    if origin is Annotated:
        return _value(args[0], alias, depth)
    if origin in (Union, types.UnionType):
        return _value(next(a for a in args if a is not type(None)), alias, depth)
    if origin is list:
        return f"[{_value(args[0], alias, depth)}]"
    if origin is dict:
        return "{}"
    if origin is Literal:
        return repr(args[0])
    simple = {str: '"x"', int: "1", float: "1.5", bool: "True", bytes: 'b"x"'}
    if annotation in simple:
        return simple[annotation]
    if annotation is datetime.date:
        return "datetime.date(2024, 1, 31)"
    if annotation in (datetime.datetime, AwareDatetime):
        return "datetime.datetime(2024, 1, 31, tzinfo=datetime.UTC)"
    if annotation is uuid.UUID:
        return "uuid.UUID(int=1)"
    if annotation is Any:
        return "None"
    if isinstance(annotation, type) and issubclass(annotation, Enum):
        return f"{alias}.{annotation.__name__}.{next(iter(annotation)).name}"
    if isinstance(annotation, type) and issubclass(annotation, RootModel):
        root = annotation.model_fields["root"].annotation
        return f"{alias}.{annotation.__name__}({_value(root, alias, depth)})"
    if isinstance(annotation, type) and issubclass(annotation, BaseModel):
        return _construction(annotation, alias, depth + 1)
    raise AssertionError(f"no value for {annotation!r}")


def _construction(model: type[BaseModel], alias: str, depth: int = 0) -> str:
    """`m.Model(field=value, ...)`: every field near the top, required ones deeper down."""
    args = [
        f"{name}={_value(field.annotation, alias, depth)}"
        for name, field in model.model_fields.items()
        if depth < 2 or field.is_required()
    ]
    return f"{alias}.{model.__name__}({', '.join(args)})"


def test_mypy_strict_accepts_every_model_built_by_python_name(
    packages: dict[str, ModuleType],
    generated: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    lines = ["import datetime", "import uuid", ""]
    body = []
    for index, (package, models) in enumerate(sorted(packages.items())):
        lines.append(f"import {package}.models as m{index}")
        body += [
            f"v{index}_{n} = {_construction(c, f'm{index}')}"
            for n, c in enumerate(object_models(models))
        ]
    user = tmp_path / "integration.py"
    user.write_text("\n".join([*lines, "", *body, ""]), encoding="utf-8")
    monkeypatch.setenv("MYPYPATH", ":".join(str(p) for p in sorted(generated.iterdir())))
    argv = ["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(user)]
    stdout, stderr, status = mypy_api.run(argv)
    assert status == 0, stdout + stderr
    assert {line.split("_")[0] for line in body} == {f"v{i}" for i in range(len(packages))}

    # The checker rejects what the runtime rejects: a keyword that names no field.
    user.write_text(
        user.read_text() + f"typo = {lines[-1].split()[-1]}.Kreditor(navn='x', cvr_numer='9')\n"
    )
    stdout, _, status = mypy_api.run(argv)
    assert status == 1 and 'Unexpected keyword argument "cvr_numer"' in stdout
