"""The project's own registry: complete, valid, fictitious, and as the domain requires."""

from __future__ import annotations

import itertools
import json
import re
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from skifte.api import Api, build_api
from skifte.cli import app
from skifte.identifiers import is_fictitious_cpr, is_fictitious_cvr
from skifte.registry import CHANGELOG_FILE, Registry, Release, read_changelog
from tests.conftest import PROJECT_REGISTRY

REGISTRY = Registry(PROJECT_REGISTRY)
RELEASES = REGISTRY.releases()
CPR_SHAPED = re.compile(r"\b\d{6}-?\d{4}\b")
CHANGE_IDS = {
    "operation-added",
    "operation-removed",
    "operation-deprecated",
    "parameter-added",
    "required-parameter-added",
    "parameter-became-required",
    "parameter-removed",
    "request-property-added",
    "request-required-property-added",
    "request-property-removed",
    "request-property-type-changed",
    "request-enum-value-removed",
    "request-enum-value-added",
    "response-property-added",
    "response-required-property-removed",
    "response-optional-property-removed",
    "response-property-type-changed",
    "response-enum-value-added",
    "response-enum-value-removed",
    "property-renamed",
    "response-property-became-optional",
    "response-property-became-nullable",
}


def _api(release: Release) -> Api:
    return build_api(release.read())


def _ids(release: Release) -> set[str]:
    return {op.operation_id for op in _api(release).operations if op.operation_id}


def test_releases_json_lists_every_release() -> None:
    result = CliRunner().invoke(app, ["releases", "--json", "--registry", str(PROJECT_REGISTRY)])
    assert result.exit_code == 0, result.stderr
    rows = json.loads(result.stdout)
    versions = {
        api: [r["version"] for r in rows if r["api"] == api] for api in {r["api"] for r in rows}
    }
    assert versions["doedsbo"] == ["1.0.0", "1.1.0", "1.2.0", "1.3.0"]
    assert len(versions["tvangsoploesning"]) >= 2
    assert all({"api", "version", "operations", "sha256"} <= set(row) for row in rows)


def test_every_release_verifies_with_the_openapi_validator() -> None:
    outcomes = list(REGISTRY.verify())
    assert len(outcomes) == len(RELEASES)
    assert {str(o.folder): o.problems for o in outcomes if o.problems} == {}


@pytest.mark.parametrize("release", RELEASES, ids=lambda r: r.ref)
def test_round_trip_through_an_exported_txt(release: Release, tmp_path: Path) -> None:
    exported = tmp_path / f"{release.api}-{release.version}.txt"
    result = CliRunner().invoke(
        app, ["export", release.ref, "--out", str(exported), "--registry", str(PROJECT_REGISTRY)]
    )
    assert result.exit_code == 0
    again = Registry(tmp_path / "fresh").import_spec(exported, release.api).release
    assert again.record.sha256 == release.record.sha256
    assert again.record.content_sha256 == release.record.content_sha256
    assert again.spec_path.read_bytes() == release.spec_path.read_bytes()


def test_the_verified_identifiers_appear_in_doedsbo_130() -> None:
    release = REGISTRY.release("doedsbo", "1.3.0")
    data = release.read().data
    assert (data["openapi"], data["info"]["title"]) == ("3.0.3", "Api til dødsbojournaler")
    assert [s["url"] for s in data["servers"]] == [
        "https://api.domstol.dk",
        "https://api.test-minskiftesag.net",
    ]
    search = data["paths"]["/doedsbojournaler"]["post"]
    assert (search["operationId"], search["tags"]) == ("searchBo", ["doedsbojournal"])
    assert [p["$ref"].rsplit("/", 1)[1] for p in search["parameters"]] == [
        "page",
        "size",
        "sort",
        "direction",
    ]
    body = search["requestBody"]["content"]["application/json"]["schema"]["$ref"]
    assert body == "#/components/schemas/doedsbojournalQuery"
    ok = search["responses"]["200"]
    assert ok["headers"]["X-Total-Count"]["$ref"] == "#/components/headers/totalCount"
    assert ok["content"]["application/json"]["schema"]["items"]["$ref"].endswith("/doedsbojournal")
    assert search["responses"]["default"]["$ref"] == "#/components/responses/genericErrorResponse"
    changed = data["paths"]["/doedsbojournaler/aendringer"]["post"]
    assert changed["operationId"] == "findChangedSince"
    assert [p["$ref"].rsplit("/", 1)[1] for p in changed["parameters"]] == ["page", "size"]


def test_latest_releases_cover_every_api_need() -> None:
    estate = _ids(REGISTRY.resolve("doedsbo"))
    assert {"searchBo", "getBo", "findChangedSince"} <= estate
    for record in ("Krav", "Tilgodehavende", "Forespoergsel", "Effektfortegnelse"):
        assert {f"create{record}", f"get{record}", f"update{record}", f"delete{record}"} <= estate
    assert {
        "listKrav",
        "listTilgodehavender",
        "listForespoergsler",
        "listEffektfortegnelser",
    } <= estate
    assert {"uploadBilag", "downloadBilag", "getBilag", "listBilag", "deleteBilag"} <= estate
    api = _api(REGISTRY.resolve("doedsbo"))
    upload = api.operation("uploadBilag").request_body
    assert upload is not None
    (multipart,) = upload.content
    assert (
        multipart.name == "multipart/form-data" and ("fil", "application/pdf") in multipart.encoding
    )
    download = api.operation("downloadBilag").response("200")
    assert download is not None and download.content[0].name == "application/pdf"

    dissolution = _api(REGISTRY.resolve("tvangsoploesning"))
    search = dissolution.operation("searchSager")
    assert {"cvrNummer", "navn"} <= {p.name for p in search.parameters}
    ids = {op.operation_id for op in dissolution.operations}
    for record in ("Krav", "Tilgodehavende"):
        assert {f"create{record}", f"get{record}", f"update{record}", f"delete{record}"} <= ids
    assert {"getSag", "listAnmeldteKrav", "recordStillingtagen", "getStillingtagen"} <= ids
    liquidator = dissolution.operation("recordStillingtagen").security
    assert any(
        "tvangsoploesning.likvidator" in scopes for r in liquidator for _, scopes in r.schemes
    )


@pytest.mark.parametrize("release", RELEASES, ids=lambda r: r.ref)
def test_house_rules_of_every_spec(release: Release) -> None:
    api = _api(release)
    data = release.read().data
    (scheme,) = api.security_schemes
    assert scheme.type == "oauth2" and scheme.token_url
    assert "OCES3" in scheme.description and "TLS" in scheme.description
    error = data["components"]["responses"]["genericErrorResponse"]["content"]["application/json"]
    assert error["schema"]["$ref"] == "#/components/schemas/fejl"
    for op in api.operations:
        assert op.security, f"{op.key} needs no token"
        assert op.response("default") is not None, f"{op.key} lacks a default response"
        names = {p.name for p in op.parameters}
        ok = op.response("200")
        schema = ok.content[0].schema if ok and ok.content else None
        if op.method == "GET" and ok and schema is not None and "array" in schema.types:
            # A list: paged, with a total.
            assert {"page", "size"} <= names, op.key
            assert "X-Total-Count" in {h.name for h in ok.headers}, op.key


@pytest.mark.parametrize("release", RELEASES, ids=lambda r: r.ref)
def test_every_create_links_to_read_update_and_delete(release: Release) -> None:
    api = _api(release)
    by_id = {op.operation_id: op for op in api.operations}
    creates = [op for op in api.operations if op.response("201") is not None]
    assert creates
    for create in creates:
        created = create.response("201")
        assert created is not None
        targets = {by_id[link.operation_id].method for link in created.links}
        assert {"GET", "DELETE"} <= targets, create.key
        assert targets & {"PUT", "PATCH"} or create.operation_id == "uploadBilag", create.key
        for link in created.links:
            target = by_id[link.operation_id]
            path_params = {p.name for p in target.parameters if p.location == "path"}
            assert path_params <= {name for name, _ in link.parameters}, (create.key, link.name)


def _strings(node: Any, key: str = "") -> Iterator[tuple[str, str]]:
    if isinstance(node, dict):
        for k, v in node.items():
            yield from _strings(v, str(k))
    elif isinstance(node, list):
        for item in node:
            yield from _strings(item, key)
    elif isinstance(node, str | int):
        yield key, str(node)


@pytest.mark.parametrize("release", RELEASES, ids=lambda r: r.ref)
def test_examples_are_fictitious(release: Release) -> None:
    data = release.read().data
    seen = 0
    for key, value in _strings(data):
        for cpr in CPR_SHAPED.findall(value):
            seen += 1
            assert is_fictitious_cpr(cpr), f"{cpr} could be a real person's CPR number"
        if key.lower().startswith("cvr") and re.fullmatch(r"\d{8}", value):
            seen += 1
            assert is_fictitious_cvr(value), f"{value} is not a fictitious test CVR number"
    assert seen, "no CPR or CVR example found: the scan is not looking where it should"


@pytest.mark.parametrize("api", ["doedsbo", "tvangsoploesning"])
def test_changelog_covers_every_consecutive_pair(api: str) -> None:
    releases = REGISTRY.releases(api)
    entries = read_changelog(PROJECT_REGISTRY / api / CHANGELOG_FILE)
    pairs = {(e.base, e.version) for e in entries}
    assert pairs == {(a.version, b.version) for a, b in itertools.pairwise(releases)}
    for entry in entries:
        assert entry.id in CHANGE_IDS, entry
        before, after = _ids(REGISTRY.release(api, entry.base)), _ids(
            REGISTRY.release(api, entry.version)
        )
        known = after if entry.id != "operation-removed" else before
        assert set(entry.operations) <= known, entry


def test_the_history_holds_every_kind_of_change() -> None:
    kinds = {
        e.id
        for api in ("doedsbo", "tvangsoploesning")
        for e in read_changelog(PROJECT_REGISTRY / api / CHANGELOG_FILE)
    }
    assert {
        "operation-added",
        "request-property-added",
        "response-required-property-removed",
        "property-renamed",
        "parameter-became-required",
        "request-enum-value-removed",
        "response-enum-value-added",
        "response-property-type-changed",
        "request-required-property-added",
        "operation-deprecated",
    } <= kinds
