"""What the checks said, as collected inside schemathesis: counted, deduplicated, no token."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

from schemathesis.engine import Status

from skifte.contracts.outcomes import MASKED, CheckOutcomes
from skifte.contracts.results import read_results

TOKEN = "eyJ-not-a-real-token"
OPERATION = "GET /tvangsoploesningssager/{sagId}"


def _check(name: str, failed: bool, title: str = "Server error") -> Any:
    failure = SimpleNamespace(
        code="ST101", title=title, message="500 on a valid request", operation=OPERATION
    )
    info = SimpleNamespace(failure=failure) if failed else None
    return SimpleNamespace(
        name=name, status=Status.FAILURE if failed else Status.SUCCESS, failure_info=info
    )


def _recorder() -> Any:
    request = SimpleNamespace(
        method="GET",
        uri="https://127.0.0.1:8443/tvangsoploesningssager/9",
        headers={"Authorization": [f"Bearer {TOKEN}"], "X-Skifte-Run": ["run-1"]},
        encoded_body=None,
    )
    response = SimpleNamespace(
        status_code=500,
        message="Internal Server Error",
        headers={"content-type": ["application/json"], "set-cookie": [f"session={TOKEN}"]},
        content=b'{"besked":"fejl for 010107-1230"}' + b" " * 9000,
        content_size=9033,
        elapsed=0.012,
    )
    return SimpleNamespace(
        label=OPERATION,
        checks={
            "a": [_check("not_a_server_error", True), _check("status_code_conformance", False)],
            "b": [_check("not_a_server_error", True)],  # the same failure again: kept once
        },
        interactions={"a": SimpleNamespace(request=request, response=response)},
    )


def test_outcomes_count_every_check_and_keep_each_failure_once(tmp_path: Path) -> None:
    outcomes = CheckOutcomes()
    outcomes.add(_recorder())
    outcomes.write(tmp_path)
    written = (tmp_path / "checks.json").read_text(encoding="utf-8")
    assert TOKEN not in written and MASKED in written
    data = json.loads(written)
    assert data["checks"] == {
        "not_a_server_error": {"success": 0, "failure": 2},
        "status_code_conformance": {"success": 1, "failure": 0},
    }
    results = read_results(tmp_path)
    [failure] = results.failures
    assert (failure.check, failure.code, failure.operation) == (
        "not_a_server_error",
        "ST101",
        OPERATION,
    )
    # The reproduction names its credentials as placeholders, never a value.
    assert '"Authorization: Bearer $SKIFTE_TOKEN"' in failure.curl
    assert TOKEN not in failure.curl and "X-Skifte-Run: run-1" in failure.curl
    # What came back is kept for the report: status and body (its start), secrets masked,
    # a CPR number that could be a person's redacted.
    assert failure.response is not None and failure.response["status"] == 500
    assert failure.response["headers"]["set-cookie"] == MASKED
    assert failure.response["body"].startswith('{"besked":"fejl for [CPR redacted]"}')
    assert len(failure.response["body"]) < failure.response["body_size"] == 9033


def test_the_command_side_loads_no_schemathesis() -> None:
    # schemathesis runs in its own process; loading it here too would only slow the start.
    code = "import sys, skifte.cli, skifte.contracts.runner; print('schemathesis' in sys.modules)"
    shown = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    ).stdout
    assert shown.strip() == "False"
