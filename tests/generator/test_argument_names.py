"""Parameters named like what the client defines itself: `self`, `parse`, `timeout`, `page`…

Every such name gets an argument of its own, the call reaches the wire with the
spec's names, and the client's own keywords (`timeout=`, …) keep working beside them.
"""

from __future__ import annotations

import datetime
import importlib
import inspect
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import httpx
import pytest
from mypy import api as mypy_api

from skifte.generator import Job, run
from tests.generator.conftest import CORPUS

SPEC = CORPUS / "argument_names.yaml"
PACKAGE = "navne_som_klientens_egne_v1_0_0"


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("names")
    (outcome,) = run([Job(spec=SPEC, source=SPEC.name)], out)
    assert outcome.status == "written", outcome.detail
    assert outcome.folder is not None
    return outcome.folder


@pytest.fixture(scope="module")
def sdk(folder: Path) -> Iterator[ModuleType]:
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(folder))


def test_the_package_passes_mypy_strict(folder: Path) -> None:
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--no-incremental", "--explicit-package-bases", str(folder / PACKAGE)]
    )
    assert status == 0, stdout + stderr


def test_every_argument_name_is_distinct_from_the_clients_own(sdk: ModuleType) -> None:
    own = {"self", "options", "timeout", "extra_headers", "max_retries"}
    for method in ("with_options_", "send_", "iter_with_options_"):
        names = set(inspect.signature(getattr(sdk.Client, method)).parameters)
        assert {"self", "options"} <= names, method
        assert not (names - {"self", "options"}) & own, method


def test_a_call_with_every_argument_and_every_option(sdk: ModuleType) -> None:
    requests: list[httpx.Request] = []

    def answer(request: httpx.Request) -> httpx.Response:
        requests.append(request)
        if request.method == "GET":
            return httpx.Response(200, json=[{"navn": "a"}], headers={"X-Total-Count": "1"})
        return httpx.Response(201, json={"navn": "b"})

    with sdk.Client("https://api.example", transport=httpx.MockTransport(answer)) as client:
        found = client.with_options_(
            "s",
            "b",
            parse="p",
            response="r",
            call="c",
            page=2,
            size=1,
            timeout__query=5,
            extra_headers_="e",
            max_retries_=3,
            options_="o",
            datetime_=datetime.date(2026, 1, 2),
            str_="t",
            list_=["x", "y"],
            httpx_="h",
            dump_="d",
            uuid4_="u",
            timeout__header="th",
            cls_="k",
            timeout=4.0,
            extra_headers={"X-Egen": "1"},
            max_retries=0,
        )
        assert [t.navn for t in found] == ["a"]
        (get,) = requests
        assert get.url.path == "/ting/s/b"
        assert get.url.params.multi_items() == [
            ("parse", "p"),
            ("response", "r"),
            ("call", "c"),
            ("page", "2"),
            ("size", "1"),
            ("timeout", "5"),
            ("extra_headers", "e"),
            ("max_retries", "3"),
            ("options", "o"),
            ("datetime", "2026-01-02"),
            ("str", "t"),
            ("list", "x"),
            ("list", "y"),
        ]
        assert (get.headers["httpx"], get.headers["dump"], get.headers["uuid4"]) == ("h", "d", "u")
        assert get.headers["Timeout"] == "th" and get.headers["cookie"] == "cls=k"
        assert get.headers["X-Egen"] == "1" and get.extensions["timeout"]["read"] == 4.0
        assert [t.navn for t in client.iter_with_options_("s", "b", parse="p", size=1)] == ["a"]
        created = client.send_(
            self_=("brev.pdf", b"%PDF"),
            timeout_="tt",
            body_="bb",
            file_part__2="ff",
            file_part_="q",
            form_value_="fv",
        )
        assert created.navn == "b"
    post = requests[-1]
    assert post.url.params.multi_items() == [("file_part", "q"), ("form_value", "fv")]
    for part in (b'name="self"; filename="brev.pdf"', b'name="timeout"', b'name="body"'):
        assert part in post.content
    assert b'name="file_part"\r\n\r\nff' in post.content
