"""What schemathesis reported: its JSON report, and what the checks said (outcomes.py)."""

from __future__ import annotations

import base64
import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from .outcomes import OUTCOMES_FILE, SECRET_HEADERS

# Headers that authenticate: shown as a placeholder, whatever schemathesis printed.
# Only these exact words are left for the shell to expand; everything else is quoted.
_PLACEHOLDERS = {"$CLIENT_CERT", "$CLIENT_KEY", "$CA", "Authorization: Bearer $SKIFTE_TOKEN"}


@dataclass(frozen=True)
class Failure:
    check: str
    code: str
    title: str
    operation: str
    message: str
    curl: str


@dataclass
class SchemathesisResults:
    exit_code: int | None = None
    operations_total: int = 0
    operations_tested: int = 0
    cases_generated: int = 0
    phases: dict[str, str] = field(default_factory=dict)
    failures: list[Failure] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)
    checks: dict[str, dict[str, int]] = field(default_factory=dict)
    """check → {"success": n, "failure": n} over every case."""


def read_results(work: Path) -> SchemathesisResults:
    """From a run's folder: `schemathesis/json-*.json` and the checks' `checks.json`."""
    results = SchemathesisResults()
    summary = _latest(work / "schemathesis", "json-*.json")
    if summary is not None:
        data = json.loads(summary.read_text(encoding="utf-8"))
        results.exit_code = data.get("exit_code")
        results.operations_total = data["operations"]["total"]
        results.operations_tested = data["operations"]["tested"]
        results.cases_generated = data["test_cases"]["generated"]
        results.phases = {name: p["status"] for name, p in data["phases"].items()}
        results.errors = [_error_text(e) for e in data.get("errors") or []]
    outcomes = work / OUTCOMES_FILE
    if outcomes.is_file():
        data = json.loads(outcomes.read_text(encoding="utf-8"))
        results.checks = data["checks"]
        results.failures = [
            Failure(
                check=f["check"],
                code=f["code"],
                title=f["title"],
                operation=f["operation"],
                message=f["message"],
                curl=curl(f["request"]),
            )
            for f in data["failures"]
        ]
    return results


def curl(request: dict[str, Any]) -> str:
    """A reproducible command; credentials are placeholders, never the values used."""
    if not request:
        return ""
    parts = ["curl", "-X", request.get("method", "GET")]
    for name, values in sorted((request.get("headers") or {}).items()):
        if name.lower() in SECRET_HEADERS:
            parts += [
                "-H",
                (
                    f"{name}: Bearer $SKIFTE_TOKEN"
                    if name.lower() == "authorization"
                    else f"{name}: ***"
                ),
            ]
            continue
        for value in values if isinstance(values, list) else [values]:
            parts += ["-H", f"{name}: {value}"]
    body = request.get("body")
    if isinstance(body, dict) and "$base64" in body:
        raw = base64.b64decode(body["$base64"])
        parts += ["--data-binary", raw.decode("utf-8", errors="replace")]
    elif isinstance(body, dict) and "string" in body:
        parts += ["--data-binary", str(body["string"])]
    parts += [
        "--cert",
        "$CLIENT_CERT",
        "--key",
        "$CLIENT_KEY",
        "--cacert",
        "$CA",
        request.get("uri", ""),
    ]
    return " ".join(f'"{p}"' if p in _PLACEHOLDERS else shlex.quote(p) for p in parts)


def _error_text(error: Any) -> str:
    if isinstance(error, dict):
        return str(error.get("title") or error.get("message") or error)[:300]
    return str(error)[:300]


def _latest(folder: Path, pattern: str) -> Path | None:
    found = sorted(folder.glob(pattern))
    return found[-1] if found else None
