"""Long work says how far it got: contract runs tell their progress, read."""

from __future__ import annotations

import json
from pathlib import Path

from skifte.contracts.credentials import Credentials
from skifte.contracts.ledger import Ledger
from skifte.contracts.progress import RunProgress
from skifte.contracts.runner import run_contract
from tests.contracts.conftest import options


def test_progress_counts_requests_and_finished_phases_as_they_are_written(tmp_path: Path) -> None:
    log = tmp_path / "schemathesis.log"
    progress = RunProgress(tmp_path, log)
    assert progress.look() == "0 requests so far; phases finished: none yet"

    ledger = Ledger(tmp_path)
    for n in range(3):
        ledger.write("request", method="GET", url_path=f"/x/{n}", status=200)
    ledger.write("created", location="/x/9", operation="POST /x")
    ledger.close()
    log.write_text(" ✅  Examples (in 0.46s)\n\n     ✅ 15 passed\n ❌  Cover", encoding="utf-8")
    assert progress.look() == "3 requests so far; phases finished: examples"

    # Only what was written since the last look is read; a half-written line waits.
    with (tmp_path / "ledger.ndjson").open("a", encoding="utf-8") as handle:
        handle.write(json.dumps({"kind": "request", "time": 1.0}) + "\n")
        handle.write('{"kind": "request", "ti')
    with log.open("a", encoding="utf-8") as handle:
        handle.write("age (in 1.20s)\n")
    assert progress.look() == "4 requests so far; phases finished: examples, coverage"


def test_a_running_contract_run_reports_progress(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    heard: list[str] = []
    lines: list[str] = []
    # Every tenth of a second: any run lasts longer than that (schemathesis alone starts slower).
    opts = options(
        certs,
        tmp_path,
        "tvangsoploesning",
        max_examples=1,
        phases=("examples",),
        progress_seconds=0.1,
    )
    outcome = run_contract(opts, credentials, say=heard.append, progress=lines.append)
    assert outcome.report is not None and outcome.report.passed
    assert lines and all(line.startswith("… ") and "requests so far" in line for line in lines)
    assert "schemathesis done" in lines[-1] and "phases finished: examples" in lines[-1]
    assert not any("requests so far" in text for text in heard)
