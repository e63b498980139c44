"""A spec whose every text field tries to inject code into the generated package.

The payloads in `generator/injection.yaml` create a file named PWNED in the working
directory if they ever run. Generating, compiling, importing and calling every
method must never create it, and the wire names must reach the request unchanged.
"""

from __future__ import annotations

import ast
import importlib
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from mypy import api as mypy_api

from skifte.api import build_api
from skifte.generator import Job, run
from skifte.generator.annotations import Annotation, BodyKind, LiteralOf
from skifte.generator.literals import docstring, markdown_code
from skifte.generator.operation_plan import OperationPlan
from skifte.generator.plan import PackagePlan, plan_package
from skifte.spec import read_spec

SPEC = Path(__file__).parent / "generator" / "injection.yaml"
SENTINEL = "PWNED"


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The payloads write relative to the working directory: make it a fresh, empty one."""
    folder = tmp_path_factory.mktemp("hostile")
    with pytest.MonkeyPatch.context() as patch:
        patch.chdir(folder)
        yield folder
    assert not (folder / SENTINEL).exists()


@pytest.fixture(scope="module")
def package_folder(workdir: Path) -> Path:
    (outcome,) = run([Job(spec=SPEC, source=SPEC.name, name="fjendtlig")], workdir / "out")
    assert outcome.status == "written", outcome.detail
    assert outcome.folder is not None
    assert not (workdir / SENTINEL).exists()
    return outcome.folder


@pytest.fixture(scope="module")
def sdk(package_folder: Path, workdir: Path) -> Iterator[ModuleType]:
    (package,) = [p for p in package_folder.iterdir() if (p / "__init__.py").exists()]
    sys.path.insert(0, str(package_folder))
    try:
        module = importlib.import_module(package.name)
        assert not (workdir / SENTINEL).exists(), "importing the package ran a payload"
        yield module
    finally:
        sys.path.remove(str(package_folder))


@pytest.fixture(scope="module")
def plan(sdk: ModuleType) -> PackagePlan:
    return plan_package(
        build_api(read_spec(SPEC)),
        api_name="fjendtlig",
        package=sdk.__name__,
        distribution="",
        spec_sha256="",
        servers=(),
    )


def test_every_module_compiles_and_keeps_the_texts_as_data(
    package_folder: Path, sdk: ModuleType, workdir: Path
) -> None:
    for path in sorted(package_folder.rglob("*.py")):
        compile(path.read_text(encoding="utf-8"), str(path), "exec")
    spec = read_spec(SPEC)
    info = spec.data["info"]
    assert info["title"] == sdk.API_TITLE
    assert sdk.__version__ == info["version"]
    assert str(sdk.__doc__).startswith(f"{info['title']} {info['version']}: ")
    assert set(sdk.SERVERS.values()) == {s["url"] for s in spec.data["servers"]}
    assert not (workdir / SENTINEL).exists()


def test_the_package_passes_mypy_strict(package_folder: Path) -> None:
    (package,) = [p for p in package_folder.iterdir() if (p / "__init__.py").exists()]
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--no-incremental", "--explicit-package-bases", str(package)]
    )
    assert status == 0, stdout + stderr


def _value(op: OperationPlan, name: str, annotation: Annotation) -> Any:
    if isinstance(annotation, LiteralOf):
        return annotation.values[0]
    if str(annotation) == "int | None":
        return 7
    return f'v"/{name}'


def _call(sdk: ModuleType, client: Any, op: OperationPlan) -> tuple[Any, dict[str, Any]]:
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    sent: dict[str, Any] = {}
    for a in op.arguments:
        value = _value(op, a.name, a.annotation)
        sent[a.wire] = value
        if a.location == "path":
            args.append(value)
        else:
            kwargs[a.name] = value
    if op.body_kind is BodyKind.RAW:
        args.insert(len([a for a in op.arguments if a.location == "path"]), b"raw body")
    for f in op.form_fields:
        kwargs[f.name] = ("bilag.pdf", b"%PDF-1.4", "application/pdf") if f.is_file else "note"
        sent[f.wire] = kwargs[f.name]
    return getattr(client, op.name)(*args, **kwargs), sent


def test_every_method_sends_the_wire_names_unchanged(
    sdk: ModuleType, plan: PackagePlan, workdir: Path
) -> None:
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        request.read()
        if request.method == "PUT":
            return httpx.Response(204)
        return httpx.Response(200 if request.method == "GET" else 201, json={"id": "1"})

    with sdk.Client("https://api.example", transport=httpx.MockTransport(answer)) as client:
        for op in plan.operations:
            requests.clear()
            result, sent = _call(sdk, client, op)
            (request,) = requests
            assert request.url.host == "api.example"
            expected_path = op.path
            for a in op.arguments:
                if a.location == "path":
                    expected_path = expected_path.replace("{" + a.wire + "}", sent[a.wire])
                elif a.location == "query":
                    assert request.url.params[a.wire] == str(sent[a.wire]), a.wire
                elif a.location == "header":
                    assert request.headers[a.wire] == sent[a.wire], a.wire
                elif a.location == "cookie":
                    assert request.headers["cookie"].startswith(f"{a.wire}="), a.wire
            assert request.url.path == expected_path
            for f in op.form_fields:
                assert f'name="{f.wire.replace(chr(34), "%22")}"'.encode() in request.content
            if op.result_kind == "model":
                assert result.id == "1"
    assert not (workdir / SENTINEL).exists()


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_a_docstring_shows_any_text_as_written(text: str) -> None:
    code = f'"""{docstring(text)}"""'
    assert ast.literal_eval(code) == text


@given(st.text())
def test_a_markdown_code_span_stays_one_span(text: str) -> None:
    span = markdown_code(text)
    fence = re.match(r"`+", span)
    assert fence is not None and "\n" not in span
    assert span.endswith(fence[0]) and fence[0] not in span[len(fence[0]) : -len(fence[0])]
