"""`skifte readiness`: the evidence an organisation attaches when it asks for production access.

The API needs declared in the access application (a TOML file: need → API and
operationIds) meet the contract runs' reports: per need, which operations were
exercised, how they fared, and the compliance statements the guideline asks for
(fictitious data only, own data only, a polite rate).

Only a run against the real test environment is evidence: one of the release's
`servers`, or a URL the organisation declares as its test environment. A run
against the local stand-in is a rehearsal, and the verdict says so; so is a
verdict over the shipped example of a needs file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from skifte.api import build_api
from skifte.registry import Registry

from .readiness_report import readiness_markdown as readiness_markdown
from .readiness_report import write_readiness as write_readiness
from .report import RunReport
from .run_evidence import UnusableReport


@dataclass(frozen=True)
class Need:
    name: str
    api: str
    operations: tuple[str, ...]
    description: str = ""


class NeedsError(Exception):
    pass


READY = "ready"
REHEARSED = "rehearsed"
EXAMPLE = "example needs"
NOT_READY = "not ready"
UNREADABLE = "unreadable evidence"
FAILING = frozenset({NOT_READY, UNREADABLE})
"""Verdicts that find something wrong, not merely something not yet proven."""


def verdict_tone(verdict: str) -> str:
    """`pass` (ready), `fail` (something found wrong) or `warn` (not yet proven): how the
    page and the command line show a verdict."""
    return "pass" if verdict == READY else "fail" if verdict in FAILING else "warn"


VERDICTS = {
    READY: "Ready: every declared need passed in the test environment.",
    REHEARSED: "Rehearsed; no evidence from the test environment yet. Every declared need "
    "passed against the local stand-in, which proves the integration works, not that the "
    "test environment accepted it.",
    EXAMPLE: "No verdict: the needs are the shipped example, not the organisation's own. "
    "Declare your organisation's needs in a file of its own (without `example = true`).",
    NOT_READY: "Not ready: a declared need did not pass, or a rule of the test environment "
    "was not kept.",
    UNREADABLE: "Not ready: a run's report could not be read (listed below). It counts as no "
    "run, and may hide a later failure: mend or remove it, or run the contract tests again.",
}


def needs_are_example(path: Path) -> bool:
    """The shipped example marks itself `example = true`; an organisation's own file does not."""
    try:
        return tomllib.loads(path.read_text(encoding="utf-8")).get("example") is True
    except (OSError, tomllib.TOMLDecodeError):
        return False


def read_needs(path: Path) -> list[Need]:
    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise NeedsError(f"{path}: {exc}") from None
    needs = []
    for name, entry in (data.get("needs") or {}).items():
        if not isinstance(entry, dict) or not entry.get("api") or not entry.get("operations"):
            raise NeedsError(f"{path}: need {name!r} must name an api and its operations")
        needs.append(
            Need(
                name,
                api=str(entry["api"]),
                operations=tuple(str(op) for op in entry["operations"]),
                description=str(entry.get("description", "")),
            )
        )
    if not needs:
        raise NeedsError(f"{path}: no [needs.<name>] tables")
    return needs


def readiness(
    needs: list[Need],
    reports: list[RunReport],
    registry: Path,
    *,
    test_environments: Iterable[str] = (),
    example: bool = False,
    unusable: Iterable[UnusableReport] = (),
) -> dict[str, Any]:
    """`reports` are the runs, newest first; `unusable`, reports that could not be read.

    Per API the newest run against the test environment counts, else the newest
    rehearsal. Drift and fault runs prove other things and never count. A report that
    could not be read counts as no run, and keeps the verdict from being ready.
    """
    unreadable = [str(report) for report in unusable]
    store = Registry(registry)
    declared = {_url_key(url) for url in test_environments}
    evidence: dict[str, RunReport] = {}
    rehearsal: dict[str, RunReport] = {}
    kinds: dict[str, str] = {}
    for run in reports:
        if run.behaves_as or run.faults:
            continue
        api = run.release.split("@")[0]
        kind = _kind(run, declared, store)
        kinds[run.run_id] = kind
        (evidence if kind == "test environment" else rehearsal).setdefault(api, run)
    by_api = rehearsal | evidence
    reports = list(by_api.values())
    rows = []
    for need in needs:
        report: RunReport | None = by_api.get(need.api)
        labels = _labels(store, report.release) if report else {}
        failing = {f.operation for f in report.failures} if report else set()
        operations = []
        for op_id in need.operations:
            label = labels.get(op_id)
            counts = (report.by_operation.get(label) if report and label else None) or {}
            # Exercised: called and answered within the contract. A 404 for an id the test
            # made up is a correct answer too; how many were successes is shown beside it.
            exercised = counts.get("requests", 0) > 0
            operations.append(
                {
                    "operationId": op_id,
                    "operation": label or "(not in the release)",
                    "requests": counts.get("requests", 0),
                    "succeeded": counts.get("succeeded", 0),
                    "exercised": exercised,
                    "passed": exercised and label not in failing,
                }
            )
        rows.append(
            {
                "need": need.name,
                "description": need.description,
                "api": need.api,
                "release": report.release if report else None,
                "run": report.run_id if report else None,
                "date": report.started if report else None,
                "evidence": kinds[report.run_id] if report else None,
                "operations": operations,
                "passed": bool(operations) and all(o["passed"] for o in operations),
            }
        )
    statements = _statements(reports)
    verdict = _verdict(rows, statements, example, unreadable)
    return {
        "verdict": verdict,
        "verdict_text": VERDICTS[verdict],
        "ready": verdict == READY,
        "needs_example": example,
        "needs": rows,
        "statements": statements,
        "unusable_reports": unreadable,
        "runs": [
            {
                "run": r.run_id,
                "release": r.release,
                "target": r.target,
                "evidence": kinds[r.run_id],
                "requests": r.requests["sent"],
                "passed": r.passed,
                "seconds": r.duration,
            }
            for r in reports
        ],
    }


def _verdict(
    rows: list[dict[str, Any]], statements: list[dict[str, Any]], example: bool, unread: list[str]
) -> str:
    if not (all(r["passed"] for r in rows) and all(s["holds"] for s in statements)):
        return NOT_READY
    if unread:
        return UNREADABLE
    if example:
        return EXAMPLE
    if any(r["evidence"] != "test environment" for r in rows):
        return REHEARSED
    return READY


def _kind(run: RunReport, declared: set[str], store: Registry) -> str:
    """ "test environment" or "rehearsal": where the run was sent decides, nothing else."""
    if run.local:
        return "rehearsal"  # the run started the stand-in itself
    servers = {_url_key(s.url) for s in build_api(store.resolve(run.release).read()).servers}
    return "test environment" if _url_key(run.target) in declared | servers else "rehearsal"


def _url_key(url: str) -> str:
    """A URL as compared: scheme and host in lower case, default port and end slash dropped."""
    parts = urlsplit(url.strip())
    scheme, host = parts.scheme.lower(), (parts.hostname or "").lower()
    default = {"https": 443, "http": 80}.get(scheme)
    port = f":{parts.port}" if parts.port and parts.port != default else ""
    return f"{scheme}://{host}{port}{parts.path.rstrip('/')}"


def _labels(store: Registry, ref: str) -> dict[str, str]:
    api = build_api(store.resolve(ref).read())
    return {str(op.operation_id): op.key for op in api.operations if op.operation_id}


def _statements(reports: list[RunReport]) -> list[dict[str, Any]]:
    refused = sum(r.data["refused_requests"] for r in reports)
    fictitious = sum(r.data["made_fictitious"] for r in reports)
    created = sum(r.data["created"] for r in reports)
    removed = sum(len(r.cleanup["deleted"]) + len(r.cleanup["already_gone"]) for r in reports)
    failed = sum(len(r.cleanup["failed"]) for r in reports)
    redirected = sum(r.data["redirected_writes"] for r in reports)
    peak = max((r.requests["peak_per_second"] for r in reports), default=0)
    throttled = sum(r.requests["throttled_429"] for r in reports)
    rates = [r.rate_limit for r in reports]
    limits = [_per_second(rate) for rate in rates]
    within = all(
        r.requests["peak_per_second"] <= limit * 1.5 + 1
        for r, limit in zip(reports, limits, strict=True)
    )
    return [
        {
            "statement": "Only fictitious data was sent",
            "holds": refused == 0,
            "evidence": f"every outgoing request was checked; {fictitious} generated value "
            f"set(s) were made fictitious before sending; {refused} request(s) were refused",
        },
        {
            "statement": "Only our own data was changed",
            "holds": failed == 0,
            "evidence": f"{created} record(s) created and {removed} removed again; {redirected} "
            f"write(s) aimed at others' records were re-aimed at unused ids; "
            f"{failed} clean-up failure(s)",
        },
        {
            "statement": "The rate limit was respected",
            "holds": within,
            "evidence": f"peak {peak:.0f} requests/s (limit {', '.join(rates)}); "
            f"{throttled} 429 answer(s), each waited out "
            "as its Retry-After asked",
        },
    ]


def _per_second(limit: str) -> float:
    """`10/s`, `600/m` → requests a second."""
    count, _, unit = limit.partition("/")
    seconds = {"s": 1, "m": 60, "h": 3600}.get(unit.strip()[:1] or "s", 1)
    return float(count) / seconds
