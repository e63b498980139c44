"""A run's id reaches every request and report whole: it never reads as a CPR number.

The reports redact CPR-shaped text that could be a real person's; a run id whose time
ran into its random part (`…T200548-3250a058`: a date, then four digits) was redacted
in the very header that names the run. The wall clock and the random part are fixed
here, so the tests do not depend on when (or how fast) they run.
"""

from __future__ import annotations

import calendar
import time
import types
import uuid
from pathlib import Path
from typing import Any

import pytest

from skifte.contracts import runner
from skifte.contracts.credentials import Credentials
from skifte.identifiers import redact_real_cprs
from skifte.testenv.faults import FAULTS, ActiveFault
from tests.contracts.conftest import options, run

# The random part at its worst: four digits, then a letter.
RANDOM_PART = uuid.UUID("3250a058-0000-4000-8000-000000000000")


def _stopped_clock(moment: time.struct_time) -> Any:
    """The `time` module with its wall clock stopped at `moment` (monotonic time runs on)."""

    def strftime(form: str, when: Any = None) -> str:
        return time.strftime(form, moment if when is None else when)

    def at_moment(seconds: float | None = None) -> time.struct_time:
        return moment if seconds is None else time.gmtime(seconds)

    clock = types.SimpleNamespace(strftime=strftime, gmtime=at_moment, localtime=at_moment)
    for name in ("time", "monotonic", "sleep", "perf_counter"):
        setattr(clock, name, getattr(time, name))
    return clock


def _fix_the_run_id(monkeypatch: pytest.MonkeyPatch, moment: time.struct_time) -> None:
    monkeypatch.setattr(runner, "time", _stopped_clock(moment))
    monkeypatch.setattr(runner, "uuid", types.SimpleNamespace(uuid4=lambda: RANDOM_PART))


def test_no_second_of_the_day_makes_a_run_id_cpr_shaped(monkeypatch: pytest.MonkeyPatch) -> None:
    shaped = []
    midnight = calendar.timegm((2026, 11, 29, 0, 0, 0))
    for second in range(24 * 3600):
        moment = time.gmtime(midnight + second)
        _fix_the_run_id(monkeypatch, moment)
        run_id = runner.new_run_id()
        if redact_real_cprs(f"X-Skifte-Run: {run_id}") != f"X-Skifte-Run: {run_id}":
            shaped.append(run_id)
    assert not shaped, shaped[:5]
    assert run_id.startswith("run-20261129T235959") and run_id.endswith("-3250a058")


def test_a_failing_request_shows_the_run_id_it_was_sent_with(
    certs: Path, tmp_path: Path, credentials: Credentials, monkeypatch: pytest.MonkeyPatch
) -> None:
    # 20:05:48 on 29 November 2026: read as a CPR number, 200548 is 20 May 1948.
    _fix_the_run_id(monkeypatch, time.strptime("2026-11-29 20:05:48", "%Y-%m-%d %H:%M:%S"))
    fault = next(f for f in FAULTS if f.name == "server-error")
    opts = options(
        certs,
        tmp_path,
        "tvangsoploesning",
        faults=(ActiveFault(fault, "getSag"),),
        max_examples=1,
        phases=("examples",),
        operation_ids=("getSag",),
    )
    report = run(opts, credentials).report
    assert report is not None and report.failures
    assert report.run_id.startswith("run-20261129T200548") and "3250a058" in report.run_id
    for failure in report.failures:
        assert f"X-Skifte-Run: {report.run_id}" in failure.curl, failure.curl
        assert failure.request["headers"]["X-Skifte-Run"] == report.run_id
    summary = (tmp_path / "reports" / report.run_id / "summary.md").read_text(encoding="utf-8")
    assert "[CPR redacted]" not in summary
