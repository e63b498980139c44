"""A release validated at import is not validated again; a spec file from outside is,
side by side with its generation, and a failure writes nothing."""

from __future__ import annotations

from pathlib import Path

import pytest

from skifte.generator import Job, run
from skifte.registry import Registry
from skifte.spec import _checks
from tests.conftest import PROJECT_REGISTRY, minimal_spec, snapshot, write_yaml
from tests.generator.conftest import registry_jobs


class _Validated(Exception):
    pass


def _refuse_validation(data: object) -> list[object]:
    raise _Validated("the OpenAPI schema validator ran")


@pytest.mark.parametrize("workers", [1, 2])
def test_registry_releases_are_not_validated_again_spec_files_are(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, workers: int
) -> None:
    # Worker processes fork from this one, so they inherit the stand-in validator.
    monkeypatch.setattr(_checks, "check_schema", _refuse_validation)
    release = registry_jobs(Registry(PROJECT_REGISTRY))[-1]
    spec = write_yaml(tmp_path / "published.yaml", minimal_spec())
    outcomes = list(
        run([release, Job(spec=spec, source=spec.name)], tmp_path / "out", workers=workers)
    )
    assert [o.status for o in outcomes] == ["written", "failed"]
    assert outcomes[1].detail[0].startswith("validation: ")
    assert "the OpenAPI schema validator ran" in outcomes[1].detail[0]


@pytest.mark.parametrize("workers", [1, 2])
def test_a_spec_file_only_the_validator_rejects_fails_clearly_writing_nothing(
    tmp_path: Path, workers: int
) -> None:
    data = minimal_spec()
    data["components"]["schemas"]["ting"]["properties"]["navn"] = {"type": "tekst"}
    spec = write_yaml(tmp_path / "published.yaml", data)
    out = tmp_path / "out"
    (outcome,) = run([Job(spec=spec, source=spec.name)], out, workers=workers)
    assert outcome.status == "failed" and outcome.unusable
    assert outcome.detail[0].startswith("validation: ")
    problems = " ".join(outcome.detail)
    assert "#/components/schemas/ting)" in problems and "'tekst'" in problems
    assert snapshot(out) == {}
