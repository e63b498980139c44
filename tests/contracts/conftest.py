"""Contract runs against the stand-in: a small budget so the suite stays quick."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

import pytest

from skifte.contracts.credentials import Credentials, load_credentials
from skifte.contracts.runner import RunOptions, RunOutcome, open_release, run_contract
from tests.conftest import PROJECT_REGISTRY


def options(certs: Path, tmp_path: Path, api: str, **changes: object) -> RunOptions:
    base = RunOptions(
        registry=PROJECT_REGISTRY,
        release=open_release(PROJECT_REGISTRY, api, None),
        report_dir=tmp_path / "reports",
        certs=certs,
        max_examples=3,
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def run(opts: RunOptions, credentials: Credentials) -> RunOutcome:
    return run_contract(opts, credentials, say=lambda text: None)


@pytest.fixture
def credentials(certs: Path, monkeypatch: pytest.MonkeyPatch) -> Credentials:
    monkeypatch.delenv("SKIFTE_CLIENT_ID", raising=False)
    monkeypatch.delenv("SKIFTE_CLIENT_SECRET", raising=False)
    monkeypatch.delenv("SKIFTE_PAA_VEGNE_AF", raising=False)
    return load_credentials(certs, "testklient-01")
