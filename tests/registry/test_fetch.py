"""`skifte fetch` against a local web server: new releases filed, nothing else written."""

from __future__ import annotations

import hashlib
import json
import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from skifte.cli import app
from skifte.registry import fetch
from tests.conftest import minimal_spec, snapshot
from tests.release.publisher import Publisher, running_publisher

runner = CliRunner()
PATH = "/dist/proeve-oas.txt"


def _spec(version: str = "1.0.0", **info: str) -> bytes:
    document = minimal_spec(version=version, **info)
    return yaml.safe_dump(document, allow_unicode=True, sort_keys=False).encode("utf-8")


def _fetch(url: str, registry: Path, *more: str) -> tuple[int, str, str]:
    args = ["fetch", url, "--api", "proeve", "--registry", str(registry), *more]
    result = runner.invoke(app, args)
    return result.exit_code, result.stdout, result.stderr


@pytest.fixture
def publisher() -> Iterator[Publisher]:
    with running_publisher() as running:
        yield running


@pytest.fixture
def registry(tmp_path: Path) -> Path:
    return tmp_path / "specs"


def test_a_new_release_is_imported_and_its_validators_cached(
    publisher: Publisher, registry: Path
) -> None:
    body = _spec()
    url = publisher.publish(PATH, body, etag='"v1"')
    code, out, err = _fetch(url, registry, "--json")
    assert code == 0, err
    assert f"imported proeve@1.0.0 from {url}" in err
    assert json.loads(out) == {
        "url": url,
        "new": True,
        "reason": "imported",
        "release": "proeve@1.0.0",
        "api": "proeve",
        "version": "1.0.0",
    }
    record = json.loads((registry / "proeve/1.0.0/release.json").read_text(encoding="utf-8"))
    assert record["published_file"] == "proeve-oas.txt"
    assert record["sha256"] == hashlib.sha256(body).hexdigest()
    assert (registry / "proeve/1.0.0/openapi.yaml").read_bytes() == body
    cache = json.loads((registry / ".fetch-cache.json").read_text(encoding="utf-8"))
    assert cache == {
        url: {"api": "proeve", "version": "1.0.0", "sha256": record["sha256"], "etag": '"v1"'}
    }
    # `skifte import`'s own view of the registry: the fetched release is an ordinary one.
    listed = runner.invoke(app, ["releases", "--json", "--registry", str(registry)])
    assert [row["version"] for row in json.loads(listed.stdout)] == ["1.0.0"]


def test_not_modified_is_no_new_release(publisher: Publisher, registry: Path) -> None:
    url = publisher.publish(PATH, _spec(), etag='"v1"')
    _fetch(url, registry)
    before = snapshot(registry)
    code, out, err = _fetch(url, registry, "--json")
    assert code == 0, err
    assert publisher.requests[-1]["if-none-match"] == '"v1"'
    assert f"no new release: {url} is unchanged since proeve@1.0.0" in err
    assert json.loads(out)["reason"] == "not modified" and not json.loads(out)["new"]
    assert snapshot(registry) == before


def test_last_modified_alone_makes_a_conditional_request(
    publisher: Publisher, registry: Path
) -> None:
    stamp = "Wed, 25 Nov 2026 08:00:00 GMT"
    url = publisher.publish(PATH, _spec(), last_modified=stamp)
    _fetch(url, registry)
    code, _, err = _fetch(url, registry)
    assert code == 0, err
    assert publisher.requests[-1]["if-modified-since"] == stamp
    assert "if-none-match" not in publisher.requests[-1]
    assert "no new release" in err


def test_the_same_content_again_is_no_new_release(publisher: Publisher, registry: Path) -> None:
    url = publisher.publish(PATH, _spec())  # no validators: every answer is a 200
    _fetch(url, registry)
    before = snapshot(registry)
    code, _, err = _fetch(url, registry)
    assert code == 0, err
    assert "if-none-match" not in publisher.requests[-1]
    assert "holds proeve@1.0.0, already in the registry with identical content" in err
    assert snapshot(registry) == before


def test_a_new_version_at_the_same_url_is_imported(publisher: Publisher, registry: Path) -> None:
    url = publisher.publish(PATH, _spec("1.0.0"), etag='"v1"')
    _fetch(url, registry)
    publisher.publish(PATH, _spec("1.1.0"), etag='"v2"')
    code, _, err = _fetch(url, registry)
    assert code == 0, err
    assert "imported proeve@1.1.0" in err
    assert publisher.requests[-1]["if-none-match"] == '"v1"'
    assert sorted(p.name for p in (registry / "proeve").iterdir()) == ["1.0.0", "1.1.0"]
    cache = json.loads((registry / ".fetch-cache.json").read_text(encoding="utf-8"))
    assert cache[url]["version"] == "1.1.0" and cache[url]["etag"] == '"v2"'


def test_a_changed_file_under_a_filed_version_is_refused(
    publisher: Publisher, registry: Path
) -> None:
    first = _spec("1.0.0")
    url = publisher.publish(PATH, first, etag='"v1"')
    _fetch(url, registry)
    before = snapshot(registry)
    changed = _spec("1.0.0", description="rettet uden ny version")
    publisher.publish(PATH, changed, etag='"v1-rettet"')
    code, _, err = _fetch(url, registry)
    assert code == 1  # refused, as `skifte import` refuses it
    assert "proeve@1.0.0 is already in the registry with different content" in err
    assert hashlib.sha256(first).hexdigest() in err
    assert f"{url}: sha256 {hashlib.sha256(changed).hexdigest()}" in err
    assert "Traceback" not in err
    assert snapshot(registry) == before  # the cache too: the next fetch asks again


def test_a_redirect_is_followed_and_names_the_published_file(
    publisher: Publisher, registry: Path
) -> None:
    target = publisher.publish("/dist/proeve-oas-version-100.txt", _spec())
    url = publisher.publish("/latest.txt", b"", status=302, location=target)
    code, _, err = _fetch(url, registry)
    assert code == 0, err
    record = json.loads((registry / "proeve/1.0.0/release.json").read_text(encoding="utf-8"))
    assert record["published_file"] == "proeve-oas-version-100.txt"


def test_an_invalid_spec_is_the_imports_own_error(publisher: Publisher, registry: Path) -> None:
    url = publisher.publish(PATH, b"swagger: '2.0'\ninfo: {title: x, version: '1'}\n")
    code, _, err = _fetch(url, registry)
    assert code == 2
    assert f"{url}:" in err and "Swagger 2.0" in err
    assert not registry.exists()


@pytest.mark.parametrize("status", [404, 500, 503])
def test_an_error_answer_writes_nothing(publisher: Publisher, registry: Path, status: int) -> None:
    url = publisher.publish(PATH, _spec(), etag='"v1"')
    _fetch(url, registry)
    before = snapshot(registry)
    publisher.publish(PATH, b"", status=status)
    code, _, err = _fetch(url, registry)
    assert code == 2
    assert f"{url}: the server answered {status} " in err
    assert "nothing was imported" in err and "Traceback" not in err
    assert snapshot(registry) == before


def test_connection_refused_writes_nothing(registry: Path) -> None:
    # A bound socket that does not listen refuses connections, and keeps the port taken.
    with socket.socket() as bound:
        bound.bind(("127.0.0.1", 0))
        url = f"http://127.0.0.1:{bound.getsockname()[1]}/proeve.txt"
        code, _, err = _fetch(url, registry)
    assert code == 2
    assert f"{url}: cannot connect" in err and "refused" in err
    assert not registry.exists()


def test_a_server_that_never_answers_times_out(publisher: Publisher, registry: Path) -> None:
    url = publisher.publish(PATH, b"", hang=True)
    code, _, err = _fetch(url, registry, "--timeout", "0.2")
    assert code == 2
    assert f"{url}: no answer within 0.2 s; nothing was imported" in err
    assert not registry.exists()


def test_an_answer_over_the_size_limit_is_refused(
    publisher: Publisher, registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(fetch, "MAX_SPEC_BYTES", 100)
    url = publisher.publish(PATH, _spec())
    code, _, err = _fetch(url, registry)
    assert code == 2
    assert "over the limit of 100 bytes for a spec" in err
    assert not registry.exists()


@pytest.mark.parametrize(
    "url",
    ["ftp://example.invalid/spec.txt", "spec.txt", "http:///x", "http://127.0.0.1:port/x.txt"],
)
def test_what_is_no_web_url_is_refused(registry: Path, url: str) -> None:
    code, _, err = _fetch(url, registry)
    assert code == 2
    assert f"{url!r} is not an http:// or https:// URL" in err
    assert not registry.exists()


@pytest.mark.parametrize(
    ("url", "says"),
    [
        ("http://[::1/x.txt", "not a web URL (Invalid IPv6 URL)"),
        ("http://a..b/x.txt", "http://a..b/x.txt: not a usable URL"),
    ],
)
def test_a_malformed_url_is_a_clear_refusal(registry: Path, url: str, says: str) -> None:
    code, _, err = _fetch(url, registry)
    assert code == 2
    assert says in err and "Traceback" not in err
    assert not registry.exists()


def test_credentials_and_query_stay_out_of_messages_and_cache(
    publisher: Publisher, registry: Path
) -> None:
    publisher.publish(PATH, _spec(), etag='"v1"')
    secret_url = publisher.base_url.replace("http://", "http://bruger:hemmelig@")
    code, _, err = _fetch(f"{secret_url}{PATH}?token=hemmelig", registry)
    assert code == 0, err
    assert "hemmelig" not in err
    assert "hemmelig" not in (registry / ".fetch-cache.json").read_text(encoding="utf-8")
    assert publisher.url(PATH) in err


def test_an_unreadable_cache_only_costs_a_full_download(
    publisher: Publisher, registry: Path
) -> None:
    url = publisher.publish(PATH, _spec(), etag='"v1"')
    _fetch(url, registry)
    (registry / ".fetch-cache.json").write_text("{not json", encoding="utf-8")
    code, _, err = _fetch(url, registry)
    assert code == 0, err
    assert "if-none-match" not in publisher.requests[-1]
    assert "identical content" in err
    assert json.loads((registry / ".fetch-cache.json").read_text(encoding="utf-8"))[url]


def test_a_bad_api_name_is_refused_before_any_request(publisher: Publisher, registry: Path) -> None:
    url = publisher.publish(PATH, _spec())
    result = runner.invoke(app, ["fetch", url, "--api", "Proeve!", "--registry", str(registry)])
    assert result.exit_code == 2
    assert "API name 'Proeve!'" in result.stderr
    assert publisher.requests == []


def test_a_cache_that_cannot_be_written_leaves_the_release_filed_and_says_so(
    publisher: Publisher, registry: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def full_disk(*_: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fetch, "_remember", full_disk)
    url = publisher.publish(PATH, _spec(), etag='"v1"')
    code, _, err = _fetch(url, registry)
    assert code == 0, err
    assert "imported proeve@1.0.0" in err and "Traceback" not in err
    assert "validators were not cached (No space left on device)" in err
    assert not (registry / ".fetch-cache.json").exists()
