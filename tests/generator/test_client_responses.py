"""Raw responses, pages, uploads and deprecations of a generated client, as a user meets them."""

from __future__ import annotations

import asyncio
import warnings
from pathlib import Path
from types import ModuleType
from typing import Any

import httpx
import pytest
from mypy import api as mypy_api

from skifte.api import build_api
from skifte.registry import Registry
from skifte.testenv.values import synthesize
from tests.conftest import PROJECT, PROJECT_REGISTRY

API = build_api(Registry(PROJECT_REGISTRY).release("doedsbo", "1.3.0").read())
ESTATE = "5f0c3a4e-9a4b-4c1e-8d2f-2d1b7c0e9a11"
PDF = b"%PDF-1.4\n% fiktivt bilag\n"


def _estates(n: int) -> list[Any]:
    return [synthesize(API.schemas["doedsbojournal"], f"bo-{i}") for i in range(n)]


class Paged:
    """A search endpoint holding `total` estates, answering `page`/`size` like the API."""

    def __init__(self, total: int) -> None:
        self.estates = _estates(total)
        self.requests: list[httpx.Request] = []

    def __call__(self, request: httpx.Request) -> httpx.Response:
        self.requests.append(request)
        page = int(request.url.params.get("page", "0"))
        size = int(request.url.params.get("size", "20"))
        chunk = self.estates[page * size : (page + 1) * size]
        headers = {"X-Total-Count": str(len(self.estates)), "X-Request-Id": f"req-{page}"}
        return httpx.Response(200, json=chunk, headers=headers)


def test_the_raw_variant_exposes_status_headers_request_id_and_the_parsed_body(
    sdk: ModuleType,
) -> None:
    server = Paged(5)
    with sdk.Client("https://api.example", transport=httpx.MockTransport(server)) as client:
        raw = client.with_raw_response.search_bo(sdk.models.DoedsbojournalQuery(), page=0, size=2)
    assert isinstance(raw, sdk.RawResponse)
    assert raw.status_code == 200 and raw.headers["X-Total-Count"] == "5"
    assert raw.total_count == 5 and raw.request_id == "req-0"
    estates = raw.parse()
    assert len(estates) == 2 and all(isinstance(e, sdk.models.Doedsbojournal) for e in estates)


def test_raw_variants_of_bytes_and_empty_answers(sdk: ModuleType) -> None:
    def answer(request: httpx.Request) -> httpx.Response:
        if request.method == "DELETE":
            return httpx.Response(204, headers={"X-Request-Id": "slet-1"})
        return httpx.Response(200, content=PDF, headers={"Content-Type": "application/pdf"})

    with sdk.Client("https://api.example", transport=httpx.MockTransport(answer)) as client:
        deleted = client.with_raw_response.delete_krav(ESTATE, ESTATE)
        pdf = client.with_raw_response.download_bilag(ESTATE, ESTATE)
        assert client.download_bilag(ESTATE, ESTATE) == PDF  # the plain method still parses
    assert (deleted.status_code, deleted.request_id, deleted.parse()) == (204, "slet-1", None)
    assert pdf.parse() == PDF and pdf.headers["content-type"] == "application/pdf"


def test_every_operation_has_a_raw_variant(sdk: ModuleType) -> None:
    operations = {
        name
        for name in vars(sdk.Client)
        if not name.startswith(("_", "iter_", "stream_")) and name != "with_raw_response"
    }
    client = sdk.Client("https://api.example")
    assert len(operations) == len(API.operations)
    assert all(callable(getattr(client.with_raw_response, n)) for n in operations)


def test_the_pager_walks_every_page_and_exposes_the_total(sdk: ModuleType) -> None:
    server = Paged(5)
    with sdk.Client("https://api.example", transport=httpx.MockTransport(server)) as client:
        pager = client.iter_search_bo(sdk.models.DoedsbojournalQuery(), size=2)
        assert pager.total is None  # nothing fetched yet
        first = next(pager)
        assert pager.total == 5 and pager.last_response.request_id == "req-0"
        rest = list(pager)
    assert [str(e.doedsbojournal_id) for e in [first, *rest]] == [
        e["doedsbojournalId"] for e in server.estates
    ]
    assert [r.url.params["page"] for r in server.requests] == ["0", "1", "2"]


def test_the_async_pager_exposes_the_total(sdk: ModuleType) -> None:
    server = Paged(3)

    async def run() -> tuple[list[Any], int | None]:
        async with sdk.AsyncClient(
            "https://api.example", transport=httpx.MockTransport(server)
        ) as client:
            pager = client.iter_search_bo(sdk.models.DoedsbojournalQuery(), size=2)
            items = [e async for e in pager]
            raw = await client.with_raw_response.search_bo(sdk.models.DoedsbojournalQuery())
            assert raw.total_count == 3
            return items, pager.total

    items, total = asyncio.run(run())
    assert len(items) == 3 and total == 3


def _uploaded_filename(sdk: ModuleType, content: Any) -> str:
    bodies: list[bytes] = []

    def answer(request: httpx.Request) -> httpx.Response:
        bodies.append(request.read())
        return httpx.Response(201, json=synthesize(API.schemas["bilag"], "bilag"))

    with sdk.Client("https://api.example", transport=httpx.MockTransport(answer)) as client:
        client.upload_bilag(ESTATE, fil=content, beskrivelse="Fiktivt bilag")
    assert PDF in bodies[0]
    return bodies[0].split(b'filename="', 1)[1].split(b'"', 1)[0].decode()


def test_uploads_keep_the_callers_file_name(sdk: ModuleType, tmp_path: Path) -> None:
    path = tmp_path / "skiftebrev.pdf"
    path.write_bytes(PDF)
    assert _uploaded_filename(sdk, path) == "skiftebrev.pdf"
    with path.open("rb") as opened:
        assert _uploaded_filename(sdk, opened) == "skiftebrev.pdf"
    assert _uploaded_filename(sdk, ("opgoerelse.pdf", PDF)) == "opgoerelse.pdf"
    assert _uploaded_filename(sdk, ("a.pdf", PDF, "application/pdf")) == "a.pdf"
    assert _uploaded_filename(sdk, PDF) == "upload.pdf"  # bare bytes: named after the type


def test_deprecated_operations_warn_and_carry_the_pep_702_marker(sdk: ModuleType) -> None:
    assert "deprecated" in sdk.Client.list_krav_bilag.__deprecated__
    assert sdk.AsyncClient.iter_list_krav_bilag.__deprecated__
    assert not hasattr(sdk.Client.list_krav, "__deprecated__")
    transport = httpx.MockTransport(lambda r: httpx.Response(200, json=[]))
    with sdk.Client("https://api.example", transport=transport) as client:
        with pytest.warns(DeprecationWarning, match="list_krav_bilag"):
            client.list_krav_bilag(ESTATE, ESTATE)
        with warnings.catch_warnings():
            warnings.simplefilter("error")
            client.list_krav(ESTATE)


USER_CODE = """
from skifteportal_doedsbo_v1_3_0 import Client, RawResponse, models

def use(client: Client, query: models.DoedsbojournalQuery) -> None:
    raw: RawResponse[list[models.Doedsbojournal]] = client.with_raw_response.search_bo(query)
    estates: list[models.Doedsbojournal] = raw.parse()
    total: int | None = client.iter_search_bo(query, size=10, timeout=5.0).total
    pdf: bytes = client.with_raw_response.download_bilag("a", "b").parse()
    client.list_krav_bilag("a", "b")
    client.with_options(max_retries=0).get_bo("a", extra_headers={"X-Spor": "1"})
"""


def test_a_type_checker_sees_raw_types_options_and_deprecations(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    user = tmp_path / "user.py"
    user.write_text(USER_CODE, encoding="utf-8")
    monkeypatch.setenv("MYPYPATH", str(PROJECT / "generated" / "skifteportal-doedsbo-v1_3_0"))
    stdout, stderr, _ = mypy_api.run(
        ["--strict", "--no-incremental", "--enable-error-code", "deprecated", str(user)]
    )
    errors = [line for line in stdout.splitlines() if ": error:" in line]
    assert len(errors) == 1, stdout + stderr
    assert "user.py:9:" in errors[0] and "list_krav_bilag" in errors[0]
    assert "deprecated" in errors[0]
