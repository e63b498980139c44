"""What schemathesis reported: its JSON report, and what the checks said (outcomes.py)."""

from __future__ import annotations

import base64
import json
import shlex
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from skifte.identifiers import redact_real_cprs

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
    request: dict[str, Any] = field(default_factory=dict)
    """method, uri, headers, body (text): what was sent, credentials masked."""
    response: dict[str, Any] | None = None
    """status, message, headers, body (its start), body_size: what came back."""
    unrecorded: str = ""
    """Why there is no request (and `curl` is empty); empty when there is one."""


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
                message=redact_real_cprs(f["message"]),
                curl=redact_real_cprs(curl(f["request"])),
                request=_shown_request(f["request"]),
                response=_shown_response(f.get("response")),
                unrecorded=f.get("unrecorded", ""),
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
    body = _body_text(request.get("body"))
    if body:
        parts += ["--data-binary", body]
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


def _shown_request(request: dict[str, Any]) -> dict[str, Any]:
    if not request:
        return {}
    return {
        "method": request.get("method", ""),
        "uri": redact_real_cprs(request.get("uri", "")),
        "headers": _shown_headers(request.get("headers") or {}),
        "body": redact_real_cprs(_body_text(request.get("body"))),
    }


def _shown_response(response: dict[str, Any] | None) -> dict[str, Any] | None:
    if response is None:
        return None
    return {
        **response,
        "headers": _shown_headers(response.get("headers") or {}),
        "body": redact_real_cprs(str(response.get("body", ""))),
    }


def _shown_headers(headers: dict[str, Any]) -> dict[str, str]:
    return {
        name: redact_real_cprs(", ".join(v if isinstance(v, list) else [v]))
        for name, v in sorted(headers.items())
    }


def _body_text(body: Any) -> str:
    if isinstance(body, dict) and "$base64" in body:
        return base64.b64decode(body["$base64"]).decode("utf-8", errors="replace")
    if isinstance(body, dict) and "string" in body:
        return str(body["string"])
    return ""


def _error_text(error: Any) -> str:
    if isinstance(error, dict):
        return str(error.get("title") or error.get("message") or error)[:300]
    return str(error)[:300]


def _latest(folder: Path, pattern: str) -> Path | None:
    found = sorted(folder.glob(pattern))
    return found[-1] if found else None
