"""What a contract run did: one JSON object a line, flushed every half second, at exit,
and at once for what the clean-up needs.

The hooks inside schemathesis append; reports, clean-up and readiness read.
Entries hold methods, paths, statuses and times, never a token or a secret.
"""

from __future__ import annotations

import atexit
import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TextIO

LEDGER_FILE = "ledger.ndjson"
DURABLE = frozenset({"created"})
"""Kinds on disk as soon as written: the clean-up deletes what these name, even after a crash."""
FLUSH_SECONDS = 0.5
AUTH_FAILED = "auth-failed"
"""What a token endpoint answered instead of a token (token_answer.py): schemathesis
reports only that authentication failed."""


class Ledger:
    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self.path = folder / LEDGER_FILE
        self._lock = threading.Lock()
        self._handle: TextIO | None = None
        self._flushed = 0.0
        self._cache: tuple[tuple[int, int], list[dict[str, Any]]] | None = None

    def write(self, kind: str, **fields: Any) -> None:
        line = json.dumps({"kind": kind, "time": time.time(), **fields}, ensure_ascii=False)
        with self._lock:
            if self._handle is None:
                self._handle = self.path.open("a", encoding="utf-8")
                atexit.register(self.close)
            self._handle.write(line + "\n")
            # A flush per entry costs more than the hooks' own work; the rest waits a moment.
            now = time.monotonic()
            if kind in DURABLE or now - self._flushed >= FLUSH_SECONDS:
                self._handle.flush()
                self._flushed = now

    def close(self) -> None:
        with self._lock:
            if self._handle is not None:
                self._handle.close()
                self._handle = None

    def entries(self, kind: str | None = None) -> Iterator[dict[str, Any]]:
        for entry in self._read():
            if kind is None or entry["kind"] == kind:
                yield dict(entry)  # a copy: the parsed file serves every later reader

    def _read(self) -> list[dict[str, Any]]:
        """Every entry, parsed once per state of the file: the readers after a run (the
        clean-up, the summary, the link count) each ask for several kinds."""
        try:
            stat = self.path.stat()
        except FileNotFoundError:
            return []
        state = (stat.st_size, stat.st_mtime_ns)
        if self._cache is None or self._cache[0] != state:
            with self.path.open(encoding="utf-8") as handle:
                self._cache = (state, [json.loads(line) for line in handle])
        return self._cache[1]


@dataclass(frozen=True)
class Summary:
    requests: int
    by_status: dict[int, int]
    refused: list[dict[str, Any]]
    created: list[str]
    throttled: int
    made_fictitious: int
    redirected: int
    over_budget: int
    duration: float
    started: float
    peak_rate: float
    by_operation: dict[str, dict[str, int]]
    """operation → {"requests": n, "succeeded": n (2xx)}."""
    """The most requests sent in any one-second window."""
    token_errors: list[str] = field(default_factory=list)
    """Each distinct reason a token could not be had, in the order met."""


def summarise(ledger: Ledger) -> Summary:
    sent = list(ledger.entries("request"))
    times = sorted(e["time"] for e in sent)
    by_status: dict[int, int] = {}
    by_operation: dict[str, dict[str, int]] = {}
    for entry in sent:
        by_status[entry["status"]] = by_status.get(entry["status"], 0) + 1
        counts = by_operation.setdefault(entry["operation"], {"requests": 0, "succeeded": 0})
        counts["requests"] += 1
        counts["succeeded"] += 1 if 200 <= entry["status"] < 300 else 0
    peak, start = 0, 0
    for end, moment in enumerate(times):
        while moment - times[start] >= 1.0:
            start += 1
        peak = max(peak, end - start + 1)
    return Summary(
        requests=len(sent),
        by_status=dict(sorted(by_status.items())),
        refused=list(ledger.entries("refused")),
        created=[e["location"] for e in ledger.entries("created")],
        throttled=by_status.get(429, 0),
        made_fictitious=sum(1 for _ in ledger.entries("made-fictitious")),
        redirected=sum(1 for _ in ledger.entries("redirected")),
        over_budget=sum(1 for _ in ledger.entries("over-budget")),
        duration=(times[-1] - times[0]) if times else 0.0,
        started=times[0] if times else 0.0,
        peak_rate=float(peak),
        by_operation=dict(sorted(by_operation.items())),
        token_errors=list(dict.fromkeys(e["message"] for e in ledger.entries(AUTH_FAILED))),
    )
