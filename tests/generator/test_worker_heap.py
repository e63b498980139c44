"""Worker processes do not walk the heap they inherit from the program that calls `run`.

A worker forked from a large program (a test run, a release job that has diffed and
imported first) would otherwise copy and walk that program's whole heap in each of its
collections; the program's objects are frozen while the pool runs, and only then.
"""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from skifte.generator import Job, Target, build, run
from skifte.spec import SpecDocument
from tests.conftest import minimal_spec, write_yaml


def _frozen_in_worker(document: SpecDocument, target: Target) -> tuple[str, str]:
    path, _ = real_models_file(document, target)
    return path, f"FROZEN = {gc.get_freeze_count()}\n"


real_models_file = build.models_file


def test_workers_see_the_callers_objects_frozen_and_the_caller_gets_them_back(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(build, "models_file", _frozen_in_worker)
    spec = write_yaml(tmp_path / "proeve.yaml", minimal_spec())
    before = gc.get_freeze_count()
    (outcome,) = run([Job(spec=spec, source=spec.name)], tmp_path / "out", workers=2)
    assert outcome.status == "written", outcome.detail
    assert outcome.folder is not None
    (models,) = outcome.folder.rglob("models.py")
    frozen = int(models.read_text(encoding="utf-8").split("=")[1])
    assert frozen > 1000  # this test program's objects, out of the workers' collections
    assert gc.get_freeze_count() == before  # unfrozen again once the pool is done
