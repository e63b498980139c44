"""A contract run that sends nothing: the same options give the same report, always.

Real runs differ in their counts from run to run (schemathesis's generation and the
stand-in's record ids), so tests that compare whole report sets put this in the
place of `runner.run_contract`. It writes what a run writes for the jobs above it:
a ledger (the matrix's lost reads), report.json and its siblings (write_reports),
and `latest`. Everything in it comes from the options, so options that differ show.
"""

from __future__ import annotations

import itertools
import shutil
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from skifte.api import build_api
from skifte.contracts import runner
from skifte.contracts.credentials import Credentials
from skifte.contracts.ledger import Ledger
from skifte.contracts.report import RunReport, write_reports
from skifte.contracts.results import Failure
from tests.conftest import PROJECT_REGISTRY


class StandInRuns:
    def __init__(self) -> None:
        self.numbers: Iterator[int] = itertools.count(1)
        self.options: list[runner.RunOptions] = []

    def __call__(
        self,
        options: runner.RunOptions,
        credentials: Credentials,
        say: Callable[[str], None] = print,
        progress: Callable[[str], None] | None = None,
    ) -> runner.RunOutcome:
        self.options.append(options)
        api = build_api(options.release.read())
        run_id = f"run-{next(self.numbers):04d}"  # in place of the time and a random part
        work = options.report_dir / run_id
        operations = [
            op
            for op in api.operations
            if not options.operation_ids or str(op.operation_id) in options.operation_ids
        ]
        other = options.behave_as not in (None, options.release.ref)
        ledger = Ledger(work)
        for op in operations:
            if op.method == "GET":
                url = "/".join(p if not p.startswith("{") else "1" for p in op.path.split("/"))
                status = 404 if other and op is operations[0] else 200
                ledger.write("request", method="GET", operation=op.key, url_path=url, status=status)
        ledger.close()
        failures = [
            Failure("response_schema_conformance", "", "drift", op.key, "", "")
            for op in operations[:1]
            if other
        ]
        report = RunReport(
            run_id=run_id,
            release=options.release.ref,
            behaves_as=options.behave_as,
            target=options.target_url or "https://127.0.0.1:1",
            local=options.target_url is None,
            duration=1.0,
            rate_limit=options.rate_limit or f"{options.max_examples}/s",
            passed=not failures,
            schemathesis_exit=1 if failures else 0,
            operations={"total": len(api.operations), "tested": len(operations)},
            phases={phase: "completed" for phase in options.phases},
            cases_generated=options.max_examples * len(operations) + options.seed,
            failures=failures,
            errors=[],
            checks={},
            requests={
                "sent": 1,
                "by_status": {},
                "throttled_429": 0,
                "peak_per_second": 1,
                "seconds": 1,
            },
            data={
                "refused_requests": 0,
                "refusals": [],
                "made_fictitious": 0,
                "redirected_writes": 0,
                "created": 0,
            },
            link_sequences={},
            cleanup={"deleted": [], "already_gone": [], "failed": []},
            started="2026-01-01T00:00:00+00:00",
            by_operation={op.key: {"requests": 1, "succeeded": 1} for op in operations},
            faults=[str(fault) for fault in options.faults],
            failed_checks=sorted({f.check for f in failures}),
        )
        write_reports(report, work, secrets=[credentials.secret])
        runner._point_latest_at(options.report_dir / "latest", work)
        return runner.RunOutcome(report, [], 0 if report.passed else 1)


@pytest.fixture
def stand_in_runs(monkeypatch: pytest.MonkeyPatch) -> StandInRuns:
    runs = StandInRuns()
    monkeypatch.setattr(runner, "run_contract", runs)
    return runs


def report_set(folder: Path) -> dict[str, object]:
    """Every file and link under `folder` (relative names), with the JSON ones read."""
    import json
    import os

    found: dict[str, object] = {}
    for root, dirs, files in os.walk(folder):
        for name in [*dirs, *files]:
            path = Path(root) / name
            key = str(path.relative_to(folder))
            if path.is_symlink():
                found[key] = f"-> {path.readlink()}"
            elif path.suffix == ".json":
                found[key] = json.loads(path.read_text(encoding="utf-8"))
            elif path.is_file():
                found[key] = "file"
    return found


NEEDS = """\
[needs.opslag]
description = "Opslag på sager."
api = "tvangsoploesning"
operations = ["searchSager", "getSag"]
"""


def contract_project(
    tmp_path: Path, certs: Path, monkeypatch: pytest.MonkeyPatch, *parts: str
) -> Path:
    """A project in `tmp_path` (the working folder) with `parts` of the project's registry
    (an API's folder, or one release's), its certificates configured and needs declared."""
    for part in parts:
        shutil.copytree(PROJECT_REGISTRY / part, tmp_path / "specs" / part)
    (tmp_path / "skifte.toml").write_text(
        f'registry = "specs"\ncerts = "{certs}"\nclient = "testklient-01"\n', encoding="utf-8"
    )
    (tmp_path / "needs.toml").write_text(NEEDS, encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    for name in ("SKIFTE_REGISTRY", "SKIFTE_CLIENT_ID", "SKIFTE_CLIENT_SECRET"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path
