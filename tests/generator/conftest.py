"""Generated packages, built once per test session (generation takes seconds)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from skifte.generator import Job, run
from skifte.registry import Registry
from tests.conftest import PROJECT_REGISTRY

CORPUS = Path(__file__).parent / "corpus"


def registry_jobs(registry: Registry) -> list[Job]:
    return [
        Job(spec=r.spec_path, source=r.ref, api=r.api, version=r.version)
        for r in registry.releases()
    ]


@pytest.fixture(scope="session")
def generated(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Every registry release and the edge-case corpus, generated into one folder."""
    out = tmp_path_factory.mktemp("generated")
    jobs = registry_jobs(Registry(PROJECT_REGISTRY))
    jobs.append(Job(spec=CORPUS / "edge_cases.yaml", source="edge_cases.yaml"))
    outcomes = list(run(jobs, out))
    assert [o.status for o in outcomes] == ["written"] * len(jobs), [o.detail for o in outcomes]
    return out


@pytest.fixture
def generated_copy(generated: Path, tmp_path: Path) -> Path:
    """A private copy, for tests that change files."""
    return Path(shutil.copytree(generated, tmp_path / "generated"))


# The stand-in fixtures, for the clients' tests.
from tests.testenv.conftest import environment  # noqa: E402, F401
