"""Generated packages, built once per test session (generation takes seconds)."""

from __future__ import annotations

import importlib
import shutil
import sys
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import pytest

from skifte.generator import Job, run
from skifte.registry import Registry
from tests.conftest import PROJECT, PROJECT_REGISTRY

CORPUS = Path(__file__).parent / "corpus"
SDK_PACKAGE = "skifteportal_doedsbo_v1_3_0"


@pytest.fixture(scope="module")
def sdk() -> Iterator[ModuleType]:
    """The committed doedsbo 1.3.0 package from generated/, imported as a user would."""
    folder = PROJECT / "generated" / "skifteportal-doedsbo-v1_3_0"
    sys.path.insert(0, str(folder))
    try:
        yield importlib.import_module(SDK_PACKAGE)
    finally:
        sys.path.remove(str(folder))


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
