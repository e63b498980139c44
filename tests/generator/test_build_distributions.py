"""`skifte build` as a publisher uses it: wheel and sdist per generated package, metadata
an index accepts (`twine check --strict`), the release's version or a checked override."""

from __future__ import annotations

import email.parser
import json
import shutil
import subprocess
import sys
import tarfile
import zipfile
from email.message import Message
from pathlib import Path

import pytest
import yaml
from typer.testing import CliRunner

from skifte.cli import app
from skifte.generator import MANIFEST, generator_fingerprint
from tests.conftest import PROJECT_REGISTRY, snapshot

runner = CliRunner()


def _build(generated: Path, out: Path, *args: str) -> tuple[int, str]:
    result = runner.invoke(app, ["build", "--generated", str(generated), "--out", str(out), *args])
    return result.exit_code, result.stderr


def _wheel_metadata(wheel: Path) -> tuple[Message, dict[str, object]]:
    with zipfile.ZipFile(wheel) as archive:
        names = archive.namelist()
        (metadata,) = [n for n in names if n.endswith(".dist-info/METADATA")]
        (manifest,) = [n for n in names if n.endswith(".dist-info/extra_metadata/" + MANIFEST)]
        parsed = email.parser.BytesParser().parsebytes(archive.read(metadata))
        return parsed, json.loads(archive.read(manifest))


def test_every_package_builds_and_passes_twine_check_strict(
    generated: Path, tmp_path: Path
) -> None:
    out = tmp_path / "dist"
    code, err = _build(generated, out)
    assert code == 0, err
    packages = sorted(p.name for p in generated.iterdir() if (p / MANIFEST).exists())
    wheels, sdists = sorted(out.glob("*.whl")), sorted(out.glob("*.tar.gz"))
    assert len(wheels) == len(sdists) == len(packages) == 7
    assert sorted(p.name for p in out.iterdir()) == sorted(p.name for p in [*wheels, *sdists])
    result = subprocess.run(
        [sys.executable, "-m", "twine", "check", "--strict", *map(str, wheels + sdists)],
        capture_output=True,
        text=True,
        env={"NO_COLOR": "1", "PATH": "/usr/bin:/bin"},
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("PASSED") == 14, result.stdout


def test_metadata_carries_license_api_urls_and_the_generator_fingerprint(
    generated: Path, tmp_path: Path
) -> None:
    code, err = _build(generated, tmp_path, "--api", "doedsbo", "--release", "1.2.0")
    assert code == 0, err
    (wheel,) = tmp_path.glob("*.whl")
    metadata, shipped = _wheel_metadata(wheel)
    assert metadata["Name"] == "skifteportal-doedsbo-v1_2_0"
    assert metadata["Version"] == "1.2.0"
    assert metadata["License-Expression"] == "MIT"
    assert metadata["Description-Content-Type"] == "text/markdown"
    spec = yaml.safe_load((PROJECT_REGISTRY / "doedsbo/1.2.0/openapi.yaml").read_text("utf-8"))
    urls = [value.split(", ", 1)[1] for value in metadata.get_all("Project-URL") or []]
    assert urls == [server["url"] for server in spec["servers"]]
    folder = generated / "skifteportal-doedsbo-v1_2_0"
    assert shipped == json.loads((folder / MANIFEST).read_text("utf-8"))
    assert shipped["generator"] == generator_fingerprint()
    assert shipped["source"] == "doedsbo@1.2.0"


def test_a_regenerated_package_gets_a_post_release_and_the_source_stays(
    generated: Path, tmp_path: Path
) -> None:
    before = snapshot(generated)
    args = ("--api", "tvangsoploesning", "--release", "1.0.0", "--package-version", "1.0.0-post1")
    code, err = _build(generated, tmp_path, *args)
    assert code == 0, err
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "skifteportal_tvangsoploesning_v1_0_0-1.0.0.post1-py3-none-any.whl",
        "skifteportal_tvangsoploesning_v1_0_0-1.0.0.post1.tar.gz",
    ]
    metadata, _ = _wheel_metadata(next(tmp_path.glob("*.whl")))
    assert metadata["Version"] == "1.0.0.post1"
    with tarfile.open(next(tmp_path.glob("*.tar.gz"))) as sdist:
        pkg_info = sdist.extractfile("skifteportal_tvangsoploesning_v1_0_0-1.0.0.post1/PKG-INFO")
        assert pkg_info is not None
        assert b"\nVersion: 1.0.0.post1\n" in pkg_info.read()
    assert snapshot(generated) == before


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--package-version", "banana"), "'banana' is not a PEP 440 version"),
        (("--package-version", "1.3.0"), "is not a version of release 1.0.0"),
        (("--package-version", "1!1.0.0.post1"), "is not a version of release 1.0.0"),
    ],
)
def test_a_wrong_package_version_is_refused_before_building(
    generated: Path, tmp_path: Path, args: tuple[str, ...], message: str
) -> None:
    out = tmp_path / "dist"
    code, err = _build(generated, out, "--api", "doedsbo", "--release", "1.0.0", *args)
    assert code == 2
    assert message in err and "Traceback" not in err
    assert not out.exists() or not list(out.iterdir())


def test_one_override_for_several_packages_is_refused(generated: Path, tmp_path: Path) -> None:
    code, err = _build(generated, tmp_path / "dist", "--api", "doedsbo", "--package-version", "1.0")
    assert code == 2
    assert "--package-version is one package's version, and 4 match" in err
    assert not (tmp_path / "dist").exists()


def test_nothing_matches(generated: Path, tmp_path: Path) -> None:
    code, err = _build(generated, tmp_path / "dist", "--api", "doedsbo", "--release", "9.9.9")
    assert code == 2
    assert "no generated package matches --api doedsbo --release 9.9.9" in err


def test_a_hand_edited_package_is_not_built(generated_copy: Path, tmp_path: Path) -> None:
    client = generated_copy / "skifteportal-doedsbo-v1_1_0/skifteportal_doedsbo_v1_1_0/client.py"
    client.write_text(client.read_text("utf-8") + "# patched by hand\n", encoding="utf-8")
    out = tmp_path / "dist"
    code, err = _build(generated_copy, out, "--api", "doedsbo", "--release", "1.1.0")
    assert code == 1
    assert "skifteportal_doedsbo_v1_1_0/client.py" in err and "regenerate it first" in err
    assert not out.exists() or not list(out.iterdir())


def test_builds_are_byte_identical(generated: Path, tmp_path: Path) -> None:
    selection = ("--api", "tvangsoploesning", "--release", "1.1.0")
    assert _build(generated, tmp_path / "a", *selection)[0] == 0
    copy = Path(shutil.copytree(generated, tmp_path / "elsewhere"))
    assert _build(copy, tmp_path / "b", *selection)[0] == 0
    assert snapshot(tmp_path / "a") == snapshot(tmp_path / "b") != {}


def test_output_inside_a_regular_file_is_one_line_exit_2(generated: Path, tmp_path: Path) -> None:
    blocker = tmp_path / "file"
    blocker.write_text("", encoding="utf-8")
    code, err = _build(generated, blocker / "dist", "--api", "doedsbo", "--release", "1.3.0")
    assert code == 2
    assert (
        err.strip()
        == f"error: cannot write to {blocker / 'dist'}: {blocker} is a file, not a folder"
    )
