"""`known_record_available`: a known record's 404 fails a run; an honest 404 does not."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from skifte.contracts.credentials import Credentials
from skifte.contracts.runner import RunOptions, open_release
from tests.conftest import PROJECT_REGISTRY
from tests.contracts.conftest import options, run

ADDED_IN_1_1_0 = {
    "GET /doedsbojournaler/{doedsbojournalId}/forespoergsler",
    "POST /doedsbojournaler/{doedsbojournalId}/forespoergsler",
    "GET /doedsbojournaler/{doedsbojournalId}/effektfortegnelser",
    "POST /doedsbojournaler/{doedsbojournalId}/effektfortegnelser",
}


def _client_of_1_1_0(
    certs: Path, tmp_path: Path, operation_ids: tuple[str, ...], **changes: object
) -> RunOptions:
    release = open_release(PROJECT_REGISTRY, "doedsbo", "1.1.0")
    return options(
        certs, tmp_path, "doedsbo", release=release, operation_ids=operation_ids, **changes
    )


def _ledger(tmp_path: Path, run_id: str) -> list[dict[str, Any]]:
    ledger = tmp_path / "reports" / run_id / "ledger.ndjson"
    return [json.loads(line) for line in ledger.read_text().splitlines()]


def test_an_older_environment_fails_where_the_newer_release_added_operations(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    # The estate search shows real estates; under them, 1.0.0 has no inquiries and no
    # inventories, and answers 404 as it would for an id nobody has.
    opts = _client_of_1_1_0(
        certs,
        tmp_path,
        (
            "searchBo",
            "listForespoergsler",
            "createForespoergsel",
            "listEffektfortegnelser",
            "createEffektfortegnelse",
        ),
        behave_as="doedsbo@1.0.0",
        phases=("examples", "stateful"),
        max_examples=2,
    )
    report = run(opts, credentials).report
    assert report is not None and not report.passed
    missing = [f for f in report.failures if f.check == "known_record_available"]
    assert {f.operation for f in missing} == ADDED_IN_1_1_0
    assert all("the operation is missing" in f.message for f in missing)
    # The check looked at each estate before judging: those looks are in the ledger.
    entries = _ledger(tmp_path, report.run_id)
    looks = [e for e in entries if e["kind"] == "probe"]
    assert looks and {e["status"] for e in looks} == {200}
    # A look is not the run exercising an operation: readiness and link counts skip it.
    assert report.requests["sent"] == sum(1 for e in entries if e["kind"] == "request")


def test_a_healthy_run_with_deletes_and_reads_after_them_passes(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    # Coverage makes the records (and the reads of unknown ids) that the stateful phase
    # then follows through update, delete and reads after the delete.
    opts = options(
        certs,
        tmp_path,
        "tvangsoploesning",
        phases=("examples", "coverage", "stateful"),
        max_examples=3,
    )
    report = run(opts, credentials).report
    assert report is not None
    assert report.passed, report.failures
    assert report.checks["known_record_available"]["success"] > 0
    # The run used records after deleting them (which request comes after a delete
    # varies with timing: a read, a change, or the delete again) and got 404: no failure.
    requests = [e for e in _ledger(tmp_path, report.run_id) if e["kind"] == "request"]
    deletes = [i for i, e in enumerate(requests) if e["method"] == "DELETE" and e["status"] == 204]
    assert any(
        e["url_path"] == requests[i]["url_path"] and e["status"] == 404
        for i in deletes
        for e in requests[i + 1 :]
    )


BY_ID_IN_1_1_0 = {
    "GET /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}",
    "PUT /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}",
    "DELETE /doedsbojournaler/{doedsbojournalId}/forespoergsler/{forespoergselId}",
}


def test_an_item_under_a_missing_collection_is_a_missing_operation(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    # 1.0.0 never hands out an inquiry id, so every inquiry id is unknown and its 404
    # honest, except that the inquiries' own listing answers 404 under an estate that
    # is there: no inquiry can be found in that environment.
    opts = _client_of_1_1_0(
        certs,
        tmp_path,
        ("searchBo", "getForespoergsel", "updateForespoergsel", "deleteForespoergsel"),
        behave_as="doedsbo@1.0.0",
        phases=("examples", "fuzzing", "stateful"),
        max_examples=5,
    )
    report = run(opts, credentials).report
    assert report is not None and not report.passed
    missing = [f for f in report.failures if f.check == "known_record_available"]
    assert {f.operation for f in missing} == BY_ID_IN_1_1_0
    assert all("/forespoergsler, so the operation is missing" in f.message for f in missing)


def test_an_unknown_item_under_a_collection_that_is_there_is_no_failure(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    # The same requests against the release's own environment: the listing answers 200,
    # so a 404 for an inquiry id nobody has is the honest answer.
    opts = _client_of_1_1_0(
        certs,
        tmp_path,
        ("searchBo", "getForespoergsel", "deleteForespoergsel"),
        phases=("examples", "fuzzing"),
        max_examples=5,
    )
    report = run(opts, credentials).report
    assert report is not None
    assert report.passed, report.failures
    looks = [
        e
        for e in _ledger(tmp_path, report.run_id)
        if e["kind"] == "probe" and e["path"].endswith("/forespoergsler")
    ]
    assert looks and {e["status"] for e in looks} == {200}
