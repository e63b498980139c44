"""Every failure in a run's report comes with the request that showed it, or says plainly
that schemathesis kept none: never an empty reproduction without a word."""

from __future__ import annotations

from pathlib import Path

from schemathesis.core.failures import ServerError
from schemathesis.engine.recorder import Interaction, Request, ScenarioRecorder

from skifte.contracts.cleanup import Cleanup
from skifte.contracts.ledger import Ledger, summarise
from skifte.contracts.outcomes import UNRECORDED, CheckOutcomes
from skifte.contracts.report import RunReport, write_reports
from skifte.contracts.results import read_results

OPERATION = "GET /tvangsoploesningssager/{sagId}"
RUN_HEADER = "X-Skifte-Run: run-20261129T200548Z-3250a058"


def _failed(recorder: ScenarioRecorder, case_id: str, *, sent: bool) -> None:
    """A 500 judged by not_a_server_error, the way schemathesis records it; `sent=False`:
    the case is then forgotten, as schemathesis forgets a request that never arrived."""
    request = Request(
        method="GET",
        uri=f"https://127.0.0.1:8443/tvangsoploesningssager/{case_id}",
        body=None,
        body_size=None,
        headers={"X-Skifte-Run": [RUN_HEADER.split(": ")[1]]},
    )
    recorder.record_interaction(case_id, Interaction(request=request, response=None))
    recorder.record_check_failure(
        name="not_a_server_error",
        case_id=case_id,
        code_sample="",
        failure=ServerError(operation=OPERATION, status_code=500),
    )
    if not sent:
        recorder.forget_case(case_id=case_id)


def _collected(tmp_path: Path, *recorders: ScenarioRecorder) -> Path:
    outcomes = CheckOutcomes()
    for recorder in recorders:
        outcomes.add(recorder)
    outcomes.write(tmp_path)
    return tmp_path


def test_a_failure_first_met_without_its_request_shows_it_once_it_comes(tmp_path: Path) -> None:
    # examples: the failing case's request is gone; coverage: the same failure, recorded whole
    examples, coverage = ScenarioRecorder(label=OPERATION), ScenarioRecorder(label=OPERATION)
    _failed(examples, "first", sent=False)
    _failed(coverage, "second", sent=True)
    [failure] = read_results(_collected(tmp_path, examples, coverage)).failures
    assert RUN_HEADER in failure.curl and failure.curl.endswith("/tvangsoploesningssager/second")
    assert failure.unrecorded == ""


def test_a_failure_without_any_request_says_so_in_every_report(tmp_path: Path) -> None:
    recorder = ScenarioRecorder(label=OPERATION)
    _failed(recorder, "lost", sent=False)
    results = read_results(_collected(tmp_path, recorder))
    [failure] = results.failures
    assert failure.curl == "" and failure.request == {}
    assert failure.unrecorded == f"{UNRECORDED} (case lost)"
    report = RunReport.build(
        run_id="run-1",
        release="tvangsoploesning@1.0.0",
        behaves_as=None,
        target="https://127.0.0.1:8443",
        local=True,
        duration=1.0,
        rate_limit="1000/s",
        results=results,
        ledger=summarise(Ledger(tmp_path)),
        links={},
        cleanup=Cleanup(),
        schemathesis_exit=1,
        faults=(),
    )
    write_reports(report, tmp_path, secrets=[])
    assert f"# {UNRECORDED} (case lost)" in (tmp_path / "summary.md").read_text(encoding="utf-8")
    assert UNRECORDED in (tmp_path / "report.html").read_text(encoding="utf-8")
