"""Generation as a user meets it: one package per release, deterministic, checked, safe."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import black
import pytest
from black.mode import TargetVersion
from mypy import api as mypy_api

from skifte.generator import MANIFEST, Job, batch, run
from skifte.generator.failure import Failure
from skifte.registry import Registry
from tests.conftest import PROJECT_REGISTRY, snapshot
from tests.generator.conftest import registry_jobs

PACKAGES = [
    "skifteportal-doedsbo-v1_0_0",
    "skifteportal-doedsbo-v1_1_0",
    "skifteportal-doedsbo-v1_2_0",
    "skifteportal-doedsbo-v1_3_0",
    "skifteportal-tvangsoploesning-v1_0_0",
    "skifteportal-tvangsoploesning-v1_1_0",
]


def test_one_package_per_release(generated: Path) -> None:
    assert sorted(p.name for p in generated.iterdir()) == sorted(
        [*PACKAGES, "kantsager-paa-aeroe-v0-9-1"]
    )
    folder = generated / "skifteportal-doedsbo-v1_3_0"
    package = folder / "skifteportal_doedsbo_v1_3_0"
    assert {p.name for p in package.iterdir()} == {
        "__init__.py",
        "_base_client.py",
        "_call.py",
        "_response.py",
        "_retry.py",
        "auth.py",
        "client.py",
        "errors.py",
        "models.py",
        "py.typed",
    }
    assert {p.name for p in folder.iterdir()} == {
        "README.md",
        "pyproject.toml",
        MANIFEST,
        package.name,
    }


def test_a_second_run_changes_no_byte(generated_copy: Path) -> None:
    before = snapshot(generated_copy)
    jobs = registry_jobs(Registry(PROJECT_REGISTRY))
    assert {o.status for o in run(jobs, generated_copy)} == {"unchanged"}
    forced = list(run(jobs, generated_copy, force=True))
    assert {o.status for o in forced} == {"written"}
    assert snapshot(generated_copy) == before  # regenerating from scratch is byte-identical


def test_check_passes_then_names_stale_files_after_a_spec_edit(
    generated_copy: Path, tmp_path: Path
) -> None:
    registry = Registry(Path(shutil.copytree(PROJECT_REGISTRY, tmp_path / "specs")))
    jobs = registry_jobs(registry)
    assert {o.status for o in run(jobs, generated_copy, check=True)} == {"current"}
    spec = registry.release("doedsbo", "1.3.0").spec_path
    spec.write_text(spec.read_text(encoding="utf-8").replace("Hent et bilags indhold", "Hent PDF"))
    outcomes = {o.job.source: o for o in run(jobs, generated_copy, check=True)}
    stale = outcomes["doedsbo@1.3.0"]
    assert stale.status == "stale"
    assert "skifteportal_doedsbo_v1_3_0/client.py" in stale.detail
    assert {o.status for s, o in outcomes.items() if s != "doedsbo@1.3.0"} == {"current"}


def test_check_finds_a_hand_edit(generated_copy: Path) -> None:
    client = generated_copy / "skifteportal-doedsbo-v1_0_0/skifteportal_doedsbo_v1_0_0/client.py"
    client.write_text(client.read_text(encoding="utf-8") + "# edited\n", encoding="utf-8")
    jobs = registry_jobs(Registry(PROJECT_REGISTRY))[:1]
    (outcome,) = run(jobs, generated_copy, check=True)
    assert outcome.detail == ["skifteportal_doedsbo_v1_0_0/client.py"]
    (again,) = run(jobs, generated_copy)
    assert again.status == "written"  # an edited package is not "unchanged"


def test_check_finds_a_manifest_an_older_generator_wrote(generated_copy: Path) -> None:
    # A new generator that writes the same files still rewrites the manifest (its
    # fingerprint): --check says so, as a run would change that file.
    manifest = generated_copy / "skifteportal-doedsbo-v1_0_0" / MANIFEST
    text = manifest.read_text(encoding="utf-8")
    fingerprint = json.loads(text)["generator"]
    manifest.write_text(text.replace(fingerprint, "0" * len(fingerprint)), encoding="utf-8")
    jobs = registry_jobs(Registry(PROJECT_REGISTRY))[:1]
    (outcome,) = run(jobs, generated_copy, check=True)
    assert (outcome.status, outcome.detail) == ("stale", [MANIFEST])
    (again,) = run(jobs, generated_copy)
    assert again.status == "written"
    assert manifest.read_text(encoding="utf-8") == text


def test_a_failing_release_keeps_its_previous_package(
    generated_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    before = snapshot(generated_copy)

    def broken(item: tuple[Path, object]) -> Failure:
        return Failure("generating models.py", "datamodel-code-generator failed: simulated")

    monkeypatch.setattr(batch, "_build_one", broken)
    jobs = registry_jobs(Registry(PROJECT_REGISTRY))
    outcomes = list(run(jobs, generated_copy, force=True, workers=1))
    assert {o.status for o in outcomes} == {"failed"}
    assert snapshot(generated_copy) == before
    assert not [p for p in generated_copy.iterdir() if p.name.startswith(".")]


def test_a_broken_spec_file_is_reported_not_raised(tmp_path: Path) -> None:
    bad = tmp_path / "bad.txt"
    bad.write_text("swagger: '2.0'\n", encoding="utf-8")
    (outcome,) = run([Job(spec=bad, source="bad.txt")], tmp_path / "out")
    assert outcome.status == "failed"
    assert "Swagger 2.0" in outcome.detail[0]
    assert not (tmp_path / "out").exists()


def test_generated_code_is_black_formatted(generated: Path) -> None:
    mode = black.Mode(target_versions={TargetVersion.PY311})
    files = sorted(generated.rglob("*.py"))
    assert len(files) == 7 * 9
    for path in files:
        source = path.read_text(encoding="utf-8")
        assert black.format_str(source, mode=mode) == source, path


def test_generated_packages_pass_mypy_strict(generated: Path) -> None:
    packages = [str(p) for p in sorted(generated.glob("*/*")) if (p / "py.typed").exists()]
    assert len(packages) == 7
    stdout, stderr, status = mypy_api.run(
        ["--strict", "--no-incremental", "--explicit-package-bases", *packages]
    )
    assert status == 0, stdout + stderr


def test_packages_install_and_import_side_by_side(generated: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    subprocess.run(
        [
            sys.executable,
            "-m",
            "pip",
            "install",
            "--quiet",
            "--no-deps",
            "--no-build-isolation",
            "--no-index",
            "--target",
            str(target),
            *(str(generated / p) for p in PACKAGES),
        ],
        check=True,
    )
    script = (
        "import importlib, sys\n"
        f"sys.path.insert(0, {str(target)!r})\n"
        f"for name in {[p.replace('-', '_') for p in PACKAGES]!r}:\n"
        "    module = importlib.import_module(name)\n"
        "    assert module.__file__.startswith(sys.path[0]), module.__file__\n"
        "    print(name, module.__version__, module.Client.__name__)\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", script], check=True, capture_output=True, text=True
    )
    assert len(result.stdout.splitlines()) == len(PACKAGES)
    assert "skifteportal_doedsbo_v1_0_0 1.0.0 Client" in result.stdout


def test_the_fingerprint_covers_templates_and_naming_rules() -> None:
    import skifte.api
    from skifte.generator.output import fingerprint_sources

    names = {(p.parent.name, p.name) for p in fingerprint_sources()}
    assert ("api", "naming.py") in names and ("api", "python_names.py") in names
    assert ("templates", "client.py.jinja") in names
    assert all(p.exists() for p in fingerprint_sources())
    assert Path(skifte.api.__file__).parent.name == "api"
