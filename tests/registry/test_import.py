"""Filing published specs: validated, immutable, atomic."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
import unicodedata
from pathlib import Path

import pytest
import yaml

from skifte.registry import Registry, RegistryError, ReleaseConflict
from skifte.spec import SpecError
from tests.conftest import minimal_spec, snapshot, write_yaml

TODAY = dt.date(2026, 11, 27)


@pytest.fixture
def registry(tmp_path: Path) -> Registry:
    return Registry(tmp_path / "specs")


def test_import_files_spec_and_record(registry: Registry, spec_file: Path) -> None:
    imported = registry.import_spec(spec_file, "proeve", today=TODAY)
    assert imported.added
    folder = registry.root / "proeve" / "1.0.0"
    assert sorted(p.name for p in folder.iterdir()) == ["openapi.yaml", "release.json"]
    assert (folder / "openapi.yaml").read_bytes() == spec_file.read_bytes()
    record = json.loads((folder / "release.json").read_text(encoding="utf-8"))
    assert record == {
        "api": "proeve",
        "version": "1.0.0",
        "title": "Api til prøver",
        "openapi": "3.0.3",
        "sha256": hashlib.sha256(spec_file.read_bytes()).hexdigest(),
        "content_sha256": hashlib.sha256(spec_file.read_bytes()).hexdigest(),
        "published_file": "published.txt",
        "imported": "2026-11-27",
    }
    assert not [p for p in (registry.root / "proeve").iterdir() if p.name.startswith(".")]


def test_identical_reimport_is_a_no_op(registry: Registry, spec_file: Path) -> None:
    registry.import_spec(spec_file, "proeve", today=TODAY)
    before = snapshot(registry.root)
    again = registry.import_spec(spec_file, "proeve", today=TODAY + dt.timedelta(days=3))
    assert not again.added
    assert snapshot(registry.root) == before


def test_different_content_under_a_filed_version_is_refused(
    registry: Registry, spec_file: Path, tmp_path: Path
) -> None:
    registry.import_spec(spec_file, "proeve", today=TODAY)
    before = snapshot(registry.root)
    changed = write_yaml(tmp_path / "changed.txt", minimal_spec(description="ændret"))
    with pytest.raises(ReleaseConflict) as caught:
        registry.import_spec(changed, "proeve")
    message = str(caught.value)
    assert "proeve@1.0.0 is already in the registry with different content" in message
    assert hashlib.sha256(spec_file.read_bytes()).hexdigest() in message
    assert hashlib.sha256(changed.read_bytes()).hexdigest() in message
    assert snapshot(registry.root) == before


@pytest.mark.parametrize(
    "content",
    [
        b"",
        b"not: [valid",
        yaml.safe_dump({"swagger": "2.0", "info": {"title": "x", "version": "1"}}).encode(),
        yaml.safe_dump({"openapi": "3.0.3", "info": {"title": "x"}, "paths": {}}).encode(),
        b"openapi: 3.0.3\ninfo: {title: x, version: '1'}\npaths:\n  /a:\n    get:\n"
        b"      responses: {'200': {$ref: '#/components/responses/nope'}}\n",
    ],
    ids=["empty", "not-yaml", "swagger-2", "no-version", "dangling-ref"],
)
def test_invalid_input_leaves_the_registry_untouched(
    registry: Registry, spec_file: Path, tmp_path: Path, content: bytes
) -> None:
    registry.import_spec(spec_file, "proeve", today=TODAY)
    before = snapshot(registry.root)
    bad = tmp_path / "bad.txt"
    bad.write_bytes(content)
    with pytest.raises(SpecError):
        registry.import_spec(bad, "proeve")
    assert snapshot(registry.root) == before


def test_invalid_input_into_an_empty_registry_creates_nothing(
    registry: Registry, tmp_path: Path
) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"")
    with pytest.raises(SpecError):
        registry.import_spec(bad, "proeve")
    assert not registry.root.exists()


def test_a_failed_write_leaves_no_trace(
    registry: Registry, spec_file: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def broken_rename(src: object, dst: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "rename", broken_rename)
    with pytest.raises(OSError, match="No space left"):
        registry.import_spec(spec_file, "proeve")
    # Only the (empty) lock file every writer shares stays behind.
    assert snapshot(registry.root) == {".lock": b""}


def test_nfd_is_stored_as_nfc_with_both_hashes(registry: Registry, tmp_path: Path) -> None:
    path = tmp_path / "nfd.txt"
    raw = unicodedata.normalize(
        "NFD", yaml.safe_dump(minimal_spec(title="Skifteret på Ærø"), allow_unicode=True)
    ).encode("utf-8")
    path.write_bytes(raw)
    release = registry.import_spec(path, "proeve", today=TODAY).release
    stored = release.spec_path.read_bytes()
    assert unicodedata.is_normalized("NFC", stored.decode("utf-8"))
    assert release.record.sha256 == hashlib.sha256(raw).hexdigest()
    assert release.record.content_sha256 == hashlib.sha256(stored).hexdigest()
    assert registry.import_spec(path, "proeve").added is False


def test_bad_api_name_and_unusable_version(registry: Registry, tmp_path: Path) -> None:
    with pytest.raises(RegistryError, match="API name 'Doedsbo!'"):
        registry.import_spec(tmp_path, "Doedsbo!")
    path = write_yaml(tmp_path / "v.txt", minimal_spec(version="../escape"))
    with pytest.raises(SpecError, match="cannot name a release folder"):
        registry.import_spec(path, "proeve")
    assert not registry.root.exists()


def test_versions_sort_numerically(registry: Registry, tmp_path: Path) -> None:
    for version in ("1.10.0", "1.2.0", "1.9.1"):
        registry.import_spec(
            write_yaml(tmp_path / f"{version}.txt", minimal_spec(version=version)), "proeve"
        )
    assert [r.version for r in registry.releases("proeve")] == ["1.2.0", "1.9.1", "1.10.0"]
    assert registry.resolve("proeve").version == "1.10.0"
    assert registry.resolve("proeve@1.2.0").version == "1.2.0"
    with pytest.raises(
        RegistryError, match=r"no release proeve@3.0.0 .*known: 1.2.0, 1.9.1, 1.10.0"
    ):
        registry.resolve("proeve@3.0.0")


def test_verify_finds_a_spec_changed_after_import(registry: Registry, spec_file: Path) -> None:
    release = registry.import_spec(spec_file, "proeve").release
    assert [v.problems for v in registry.verify()] == [[]]
    release.spec_path.write_bytes(release.spec_path.read_bytes() + b"# edited\n")
    (outcome,) = registry.verify()
    assert any("was changed after import" in p for p in outcome.problems)
