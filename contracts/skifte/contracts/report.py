"""The run's reports: JSON for machines, Markdown and HTML for people, JUnit for CI.

Every file is checked for the client secret before it is written: a report that
would carry it is not written at all.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import TYPE_CHECKING, Any

from skifte.api import Api

from .files import write_texts
from .ledger import Ledger, Summary
from .results import Failure, SchemathesisResults

if TYPE_CHECKING:  # loading the clean-up loads httpx: the runner does that meanwhile
    from .cleanup import Cleanup


@dataclass
class RunReport:
    run_id: str
    release: str
    behaves_as: str | None
    target: str
    local: bool
    duration: float
    rate_limit: str
    passed: bool
    schemathesis_exit: int
    operations: dict[str, int]
    phases: dict[str, str]
    cases_generated: int
    failures: list[Failure]
    errors: list[str]
    checks: dict[str, dict[str, int]]
    requests: dict[str, Any]
    data: dict[str, Any]
    link_sequences: dict[str, int]
    cleanup: dict[str, list[str]]
    started: str
    by_operation: dict[str, dict[str, int]]
    faults: list[str] = field(default_factory=list)
    """Violations the stand-in was told to commit: such a run is no evidence of readiness."""
    failed_checks: list[str] = field(default_factory=list)

    @classmethod
    def from_dict(cls, data: dict[str, Any]) -> RunReport:
        """A report read back from its report.json (older files lack newer fields)."""
        known = {f.name for f in fields(cls)}
        values = {k: v for k, v in data.items() if k in known}
        values["failures"] = [Failure(**f) for f in data.get("failures") or []]
        return cls(**values)

    @classmethod
    def build(
        cls,
        *,
        run_id: str,
        release: str,
        behaves_as: str | None,
        target: str,
        local: bool,
        duration: float,
        rate_limit: str,
        results: SchemathesisResults,
        ledger: Summary,
        links: dict[str, int],
        cleanup: Cleanup,
        schemathesis_exit: int,
        faults: tuple[str, ...] = (),
    ) -> RunReport:
        refused = list(ledger.refused)
        failed_checks = sorted({f.check for f in results.failures})
        passed = (
            schemathesis_exit == 0 and not results.failures and not refused and not cleanup.failed
        )
        return cls(
            run_id=run_id,
            release=release,
            behaves_as=behaves_as,
            target=target,
            local=local,
            duration=round(duration, 2),
            rate_limit=rate_limit,
            passed=passed,
            schemathesis_exit=schemathesis_exit,
            operations={"total": results.operations_total, "tested": results.operations_tested},
            phases=results.phases,
            cases_generated=results.cases_generated,
            failures=results.failures,
            errors=[*ledger.token_errors, *results.errors],
            checks=results.checks,
            requests={
                "sent": ledger.requests,
                "by_status": {str(k): v for k, v in ledger.by_status.items()},
                "throttled_429": ledger.throttled,
                "peak_per_second": ledger.peak_rate,
                "seconds": round(ledger.duration, 2),
            },
            data={
                "refused_requests": len(refused),
                "refusals": refused,
                "made_fictitious": ledger.made_fictitious,
                "redirected_writes": ledger.redirected,
                "created": len(ledger.created),
            },
            link_sequences=links,
            cleanup=asdict(cleanup),
            started=dt.datetime.fromtimestamp(ledger.started or 0, dt.UTC).isoformat(
                timespec="seconds"
            ),
            by_operation=ledger.by_operation,
            faults=list(faults),
            failed_checks=failed_checks,
        )


def link_sequences(ledger: Ledger, api: Api) -> dict[str, int]:
    """Per create operation: created records the run then went on to use (read, update, delete)."""
    creates = {f"{op.method} {op.path}": 0 for op in api.operations if op.response("201")}
    requests = list(ledger.entries("request"))
    for entry in ledger.entries("created"):
        location = entry["location"].rstrip("/")
        used = any(
            r["time"] > entry["time"] and r["url_path"].rstrip("/").startswith(location)
            for r in requests
        )
        if used and entry["operation"] in creates:
            creates[entry["operation"]] += 1
    return creates


def write_reports(report: RunReport, folder: Path, *, secrets: list[str]) -> dict[str, Path]:
    from .pages import run_page  # Jinja2 loads once the run is over, not before it starts

    texts = {
        "report.json": json.dumps(asdict(report), indent=2, ensure_ascii=False) + "\n",
        "summary.md": markdown(report),
        "report.html": run_page(report),
    }
    junit = sorted((folder / "schemathesis").glob("junit-*.xml"))
    if junit:
        texts["junit.xml"] = junit[-1].read_text(encoding="utf-8")
    for name, text in texts.items():
        for secret in secrets:
            if secret and secret in text:
                raise RuntimeError(f"{name} would contain a secret: not written")
    return write_texts(folder, texts)


def markdown(report: RunReport) -> str:
    verdict = "PASSED" if report.passed else "FAILED"
    where = "local stand-in" if report.local else "remote"
    drift = f", environment behaving as `{report.behaves_as}`" if report.behaves_as else ""
    sent, clean = report.requests, report.cleanup
    lines = [
        f"# Contract run {report.run_id}: {verdict}",
        "",
        f"- release: `{report.release}`{drift}",
        f"- target: {report.target} ({where}), rate limit {report.rate_limit}",
        f"- operations tested: {report.operations['tested']} of {report.operations['total']}; "
        f"test cases: {report.cases_generated}",
        f"- requests: {sent['sent']} in {sent['seconds']} s (peak {sent['peak_per_second']:.0f}/s, "
        f"429s: {sent['throttled_429']})",
        "- phases: " + ", ".join(f"{k} {v}" for k, v in report.phases.items()),
        f"- fictitious data only: {report.data['refused_requests']} request(s) refused, "
        f"{report.data['made_fictitious']} generated value set(s) made fictitious",
        f"- own data only: {report.data['created']} record(s) created; clean-up deleted "
        f"{len(clean['deleted'])}, {len(clean['already_gone'])} already gone, "
        f"{len(clean['failed'])} failed; {report.data['redirected_writes']} write(s) re-aimed "
        "away from others' records",
        "",
        "## Link sequences (create → use)",
        "",
        "| create operation | sequences |",
        "|---|---|",
        *(f"| `{op}` | {n} |" for op, n in report.link_sequences.items()),
        "",
        "## Failures",
        "",
    ]
    if not report.failures:
        lines.append("None.")
    for failure in report.failures:
        lines += [f"### {failure.title} ({failure.check}, {failure.code})", ""]
        lines += [f"`{failure.operation}`", ""]
        if failure.message.strip():
            lines += ["```", failure.message.strip(), "```", ""]
        if failure.response is not None:
            answer = failure.response
            lines += [f"Response: **{answer['status']} {answer['message']}**", ""]
            lines += ["```", answer["body"][:2000].strip() or "(empty body)", "```", ""]
        lines += ["```sh", failure.curl or f"# {failure.unrecorded}", "```", ""]
    if report.errors:
        lines += ["## Errors", "", *(f"- {e}" for e in report.errors), ""]
    return "\n".join(lines) + "\n"
