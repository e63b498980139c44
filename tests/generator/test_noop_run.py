"""A run that finds every package current does no generating work, and is never wrong.

Registry releases are judged current from the stored file's bytes and the package's
manifest, without parsing the spec or loading the generating tools.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import unicodedata
from pathlib import Path

from skifte.generator import Job, run
from skifte.registry import Registry
from tests.conftest import PROJECT_REGISTRY, snapshot
from tests.generator.conftest import registry_jobs

# Runs `skifte generate` in a fresh interpreter, then says which heavy modules it loaded.
_LOADED_AFTER_GENERATE = """
import sys
from skifte.cli import app
try:
    app(sys.argv[1:], standalone_mode=False)
finally:
    heavy = ("datamodel_code_generator", "black", "jinja2")
    print(sorted(m for m in heavy if m in sys.modules))
"""


def _registry_copy(tmp_path: Path) -> Path:
    return Path(shutil.copytree(PROJECT_REGISTRY, tmp_path / "specs"))


def test_a_no_op_run_loads_no_generating_tool_and_changes_nothing(generated_copy: Path) -> None:
    before = snapshot(generated_copy)
    where = ["--registry", str(PROJECT_REGISTRY), "--out", str(generated_copy)]
    done = subprocess.run(
        [sys.executable, "-c", _LOADED_AFTER_GENERATE, "generate", *where],
        capture_output=True,
        text=True,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert done.stderr.count("unchanged") == len(Registry(PROJECT_REGISTRY).releases())
    assert done.stdout.strip() == "[]"  # no model generator, no formatter, no templates
    assert snapshot(generated_copy) == before


def test_a_changed_stored_file_is_regenerated(generated_copy: Path, tmp_path: Path) -> None:
    registry = _registry_copy(tmp_path)
    jobs = registry_jobs(Registry(registry))
    spec = jobs[-1].spec
    text = spec.read_text(encoding="utf-8")
    spec.write_text(text.replace("title: ", "title: Ændret ", 1), encoding="utf-8")
    statuses = [o.status for o in run(jobs, generated_copy)]
    assert statuses == ["unchanged"] * (len(jobs) - 1) + ["written"]
    folder = generated_copy / "skifteportal-tvangsoploesning-v1_1_0"
    manifest = json.loads((folder / "skifte-generated.json").read_text(encoding="utf-8"))
    assert manifest["spec_sha256"] != _manifest_hash_before(jobs[-1])


def test_same_content_in_other_bytes_is_still_current(generated_copy: Path, tmp_path: Path) -> None:
    # Decomposed letters (å as a + ring) are normalised on reading: the content is the same,
    # so the quick judgement (bytes) fails and the full one (parsed text) must say current.
    registry = _registry_copy(tmp_path)
    jobs = [j for j in registry_jobs(Registry(registry)) if j.source == "doedsbo@1.3.0"]
    text = jobs[0].spec.read_text(encoding="utf-8")
    decomposed = unicodedata.normalize("NFD", text)
    assert decomposed != text
    jobs[0].spec.write_text(decomposed, encoding="utf-8")
    before = snapshot(generated_copy)
    assert [o.status for o in run(jobs, generated_copy)] == ["unchanged"]
    assert snapshot(generated_copy) == before


def test_check_and_force_still_build_current_packages(generated_copy: Path) -> None:
    jobs = registry_jobs(Registry(PROJECT_REGISTRY))[:1]
    assert [o.status for o in run(jobs, generated_copy, check=True)] == ["current"]
    assert [o.status for o in run(jobs, generated_copy, force=True)] == ["written"]


def _manifest_hash_before(job: Job) -> str:
    release = Registry(PROJECT_REGISTRY).release(job.api or "", job.version or "")
    return release.record.content_sha256
