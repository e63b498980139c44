"""What the checks said, collected inside `st run` and written as one small JSON file.

A schemathesis CLI event handler (registered when the hooks are set up) reads
each finished scenario: it counts every check's successes and failures and keeps
each distinct failure (check, operation, title) with the request that showed it.
schemathesis's own NDJSON stream holds the same, but serialises every request and
response of the run to get there, which costs more than the hooks themselves.

Credentials never reach the file: authenticating headers are masked here, and
results.py prints them as placeholders.
"""

from __future__ import annotations

import json
from collections import Counter
from pathlib import Path
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # the reading side (results.py) runs without schemathesis loaded
    from schemathesis.engine.recorder import ScenarioRecorder

OUTCOMES_FILE = "checks.json"
MASKED = "[Filtered]"
SECRET_HEADERS = frozenset({"authorization", "cookie", "proxy-authorization", "set-cookie"})
UNRECORDED = "no request was recorded: schemathesis kept none for the failing case"
BODY_KEPT = 8192
"""Bytes of a failing response's body kept for the report."""


class CheckOutcomes:
    def __init__(self) -> None:
        self.counts: Counter[tuple[str, bool]] = Counter()
        """(check, failed) → how many cases it judged so."""
        self.failures: list[dict[str, Any]] = []
        self._seen: dict[tuple[str, str, str], dict[str, Any]] = {}

    @property
    def checks(self) -> dict[str, dict[str, int]]:
        """check → {"success": n, "failure": n} over every case."""
        return {
            name: {"success": self.counts[name, False], "failure": self.counts[name, True]}
            for name in sorted({name for name, _ in self.counts})
        }

    def add(self, recorder: ScenarioRecorder) -> None:
        # Called for every scenario, in schemathesis's event loop: kept lean.
        counts = self.counts
        for case_id, checks in recorder.checks.items():
            for check in checks:
                failed = check.status == "failure"  # a StrEnum
                counts[check.name, failed] += 1
                if failed and check.failure_info is not None:
                    self._keep(recorder, case_id, check.name, check.failure_info.failure)

    def _keep(self, recorder: ScenarioRecorder, case_id: str, check: str, failure: Any) -> None:
        """Each distinct failure once, with the request that showed it.

        schemathesis records a failure under the case whose request showed it, and drops
        only the request of a case that never reached the server; so a failure without a
        request is kept saying so, until the same failure comes with its request."""
        operation = failure.operation or recorder.label
        key = (check, operation, failure.title)
        kept = self._seen.get(key)
        interaction = recorder.interactions.get(case_id)
        if kept is not None and (kept["request"] or interaction is None):
            return
        response = interaction.response if interaction else None
        entry = {
            "check": check,
            "code": failure.code,
            "title": failure.title,
            "operation": operation,
            "message": failure.message or "",
            "request": _request(interaction.request) if interaction else {},
            "response": _response(response) if response is not None else None,
            "unrecorded": "" if interaction else f"{UNRECORDED} (case {case_id})",
        }
        if kept is None:
            self._seen[key] = entry
            self.failures.append(entry)
        else:
            kept.update(entry)  # in its place: the report keeps the order failures came in

    def write(self, folder: Path) -> Path:
        """Written whole, then renamed into place: a reader never sees half a file."""
        path = folder / OUTCOMES_FILE
        partial = path.with_suffix(".partial")
        data = {"checks": self.checks, "failures": self.failures}
        partial.write_text(json.dumps(data, ensure_ascii=False), encoding="utf-8")
        partial.replace(path)
        return path


def _request(request: Any) -> dict[str, Any]:
    headers = {
        name: ([MASKED] if name.lower() in SECRET_HEADERS else list(values))
        for name, values in (request.headers or {}).items()
    }
    encoded = request.encoded_body  # the recorder's own base64, cached there
    return {
        "method": request.method,
        "uri": request.uri,
        "headers": headers,
        "body": {"$base64": encoded} if encoded else None,
    }


def _response(response: Any) -> dict[str, Any]:
    """Status, headers and the start of the body: what a person needs to see the failure."""
    content = response.content or b""
    return {
        "status": response.status_code,
        "message": response.message,
        "headers": {
            name: ([MASKED] if name.lower() in SECRET_HEADERS else list(values))
            for name, values in (response.headers or {}).items()
        },
        "body": content[:BODY_KEPT].decode("utf-8", errors="replace"),
        "body_size": response.content_size,
        "elapsed": round(response.elapsed, 3),
    }


def register(folder: Path) -> None:
    """Have `st run` hand every event to a collector that writes to `folder` at the end."""
    from schemathesis.cli import handler
    from schemathesis.cli.commands.run.handlers.base import EventHandler
    from schemathesis.engine import events

    @handler()
    class _Collector(EventHandler[Any]):
        def __init__(self, *args: Any, **params: Any) -> None:
            self.outcomes = CheckOutcomes()

        def handle_event(self, ctx: Any, event: events.EngineEvent) -> None:
            if isinstance(event, events.ScenarioFinished):
                self.outcomes.add(event.recorder)

        def shutdown(self, ctx: Any) -> None:
            self.outcomes.write(folder)
