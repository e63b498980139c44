"""Contract runs as the programme asks for them: thorough, polite, fictitious, own data only."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skifte.contracts.credentials import Credentials
from skifte.registry import CHANGELOG_FILE, Release, read_changelog
from skifte.testenv.environment import create_environment
from skifte.testenv.faults import FAULTS, ActiveFault, Fault
from tests.conftest import PROJECT_REGISTRY
from tests.contracts.conftest import options, run
from tests.testenv.conftest import in_process, settings, token


@pytest.mark.parametrize("api", ["doedsbo", "tvangsoploesning"])
def test_healthy_stand_in_passes_with_link_sequences_for_every_create(
    certs: Path, tmp_path: Path, credentials: Credentials, api: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)  # the user's working folder: the run leaves nothing in it
    outcome = run(options(certs, tmp_path, api), credentials)
    assert not (tmp_path / ".hypothesis").exists()
    report = outcome.report
    assert report is not None
    assert report.passed, (report.failures, report.errors)
    assert report.operations["tested"] == report.operations["total"] > 0
    assert set(report.phases.values()) == {"success"}
    assert report.link_sequences and all(n > 0 for n in report.link_sequences.values())
    folder = tmp_path / "reports" / report.run_id
    assert {"report.json", "summary.md", "report.html", "junit.xml"} <= {
        p.name for p in folder.iterdir()
    }
    assert json.loads((folder / "report.json").read_text(encoding="utf-8"))["passed"] is True


@pytest.mark.parametrize("fault", FAULTS, ids=lambda f: f.name)
def test_every_fault_fails_with_its_check(
    certs: Path, tmp_path: Path, credentials: Credentials, fault: Fault
) -> None:
    target = (
        "searchSager"
        if fault.name in ("missing-total-count", "drop-required-property")
        else "getSag"
    )
    opts = options(
        certs,
        tmp_path,
        "tvangsoploesning",
        faults=(ActiveFault(fault, target),),
        max_examples=2,
        # Each slow answer takes seconds: its examples are enough to show the check fires.
        phases=(
            ("examples",) if fault.name == "slow-response" else ("examples", "coverage", "fuzzing")
        ),
    )
    report = run(opts, credentials).report
    assert report is not None and not report.passed
    assert fault.check in report.failed_checks, report.failed_checks
    assert {f.operation.split(" ", 1)[1] for f in report.failures if f.check == fault.check} <= {
        "/tvangsoploesningssager",
        "/tvangsoploesningssager/{sagId}",
    }
    # Every failure here was answered, so schemathesis kept its request: none goes without.
    unrecorded = [(f.check, f.title, f.unrecorded) for f in report.failures if f.unrecorded]
    assert not unrecorded, unrecorded
    # Every request carries the run's id, the failing ones too, shown whole in the report.
    unmarked = [f for f in report.failures if f"X-Skifte-Run: {report.run_id}" not in f.curl]
    assert not unmarked, [(f.check, f.title, f.curl, f.request) for f in unmarked]


def test_drift_fails_where_the_changelog_predicts(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    opts = options(
        certs,
        tmp_path,
        "doedsbo",
        release=open_release_for("doedsbo", "1.2.0"),
        behave_as="doedsbo@1.3.0",
        max_examples=3,
    )
    report = run(opts, credentials).report
    assert report is not None and not report.passed
    predicted = {
        op
        for entry in read_changelog(PROJECT_REGISTRY / "doedsbo" / CHANGELOG_FILE)
        if entry.version == "1.3.0" and entry.level in ("breaking", "warning")
        for op in entry.operations
    }
    failing = {f.operation for f in report.failures}
    ids = _operation_ids("doedsbo", "1.2.0")
    assert failing, "the drift went unnoticed"
    assert {ids[label] for label in failing} <= predicted, failing
    # The response-side breaks must show: readers of 1.2.0 meet 1.3.0's answers.
    assert {"getBilag", "getTilgodehavende"} <= {ids[label] for label in failing}


def test_no_secret_or_token_in_any_report(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    report = run(options(certs, tmp_path, "tvangsoploesning", max_examples=2), credentials).report
    assert report is not None
    folder = tmp_path / "reports" / report.run_id
    text = "\n".join(
        p.read_text(encoding="utf-8", errors="replace") for p in folder.rglob("*") if p.is_file()
    )
    assert credentials.secret not in text
    assert "Bearer " not in text.replace("Bearer $SKIFTE_TOKEN", "")
    assert credentials.secret not in repr(credentials)


def test_the_run_acts_for_its_own_liquidator(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    # A generated X-Paa-Vegne-Af names nobody's liquidator: the stand-in refuses it (403).
    # The run sends the client's own instead, so where its liquidator is appointed in the
    # case, the liquidator's operations succeed.
    liquidator = ("searchSager", "listAnmeldteKrav", "getOpgoerelse")
    report = run(
        options(certs, tmp_path, "tvangsoploesning", operation_ids=liquidator), credentials
    ).report
    assert report is not None
    assert report.passed, report.failures
    ledger = tmp_path / "reports" / report.run_id / "ledger.ndjson"
    answered = [json.loads(line) for line in ledger.read_text(encoding="utf-8").splitlines()]
    succeeded = {
        e["operation"]
        for e in answered
        if e["kind"] == "request" and 200 <= e["status"] < 300 and "likvidator" in e["path"]
    }
    assert succeeded == {
        "GET /tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav",
        "GET /tvangsoploesningssager/{sagId}/likvidator/opgoerelse",
    }


def test_the_run_deletes_what_it_created_and_nothing_else(
    certs: Path, tmp_path: Path, credentials: Credentials
) -> None:
    data = tmp_path / "shared-data"
    environment = create_environment(settings(certs, data))
    with in_process(environment) as http:
        other = {"Authorization": f"Bearer {token(http, certs, 2)}", "Idempotency-Key": "other-1"}
        case = http.get("/tvangsoploesningssager", headers=other).json()[0]["sagId"]
        body = {"kravtype": "LOEN", "beloeb": 10.0, "kreditor": {"navn": "Anden kreditor"}}
        theirs = http.post(f"/tvangsoploesningssager/{case}/krav", json=body, headers=other).json()
    environment.store.close()
    before = {(r.id, r.owner) for r in environment.store.list("/tvangsoploesningssager/{}/krav")}
    report = run(options(certs, tmp_path, "tvangsoploesning", data=data), credentials).report
    assert report is not None and report.data["created"] > 0
    assert (
        len(report.cleanup["deleted"]) + len(report.cleanup["already_gone"])
        == report.data["created"]
    )
    assert report.cleanup["failed"] == []
    after = create_environment(settings(certs, data)).store
    claims = after.list("/tvangsoploesningssager/{}/krav")
    assert theirs["kravId"] in {r.id for r in claims}
    # What the run created is gone; everything else, the client's seeded claims too, stays.
    assert {(r.id, r.owner) for r in claims} == before
    assert any(owner == credentials.client_id for _, owner in before)


class _EveryFifthThrottled:
    """The stand-in's rate limiter, replaced by one that refuses every fifth request.

    Counted, not timed: whether a 429 comes must not depend on how fast the machine
    sends (the real token bucket is tested in tests/testenv/test_security.py).
    """

    def __init__(self, rate: float, burst: int, clock: object) -> None:
        self.calls = 0

    def take(self, client_id: str) -> float:
        self.calls += 1
        return 0.5 if self.calls % 5 == 0 else 0.0


def test_429_slows_the_run_down_instead_of_failing_it(
    certs: Path, tmp_path: Path, credentials: Credentials, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("skifte.testenv.security.RateLimiter", _EveryFifthThrottled)
    opts = options(
        certs,
        tmp_path,
        "tvangsoploesning",
        max_examples=2,
        phases=("examples",),
        max_requests=20,
    )
    report = run(opts, credentials).report
    assert report is not None
    assert report.requests["throttled_429"] > 0
    assert report.passed, report.failures


def open_release_for(api: str, version: str) -> Release:
    from skifte.contracts.runner import open_release

    return open_release(PROJECT_REGISTRY, api, version)


def _operation_ids(api: str, version: str) -> dict[str, str]:
    from skifte.api import build_api

    model = build_api(open_release_for(api, version).read())
    return {f"{op.method} {op.path}": str(op.operation_id) for op in model.operations}
