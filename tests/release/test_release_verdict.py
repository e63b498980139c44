"""What fails a release, and what its summary says, for cells the stand-in rarely shows."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skifte.contracts.jobs import Cell
from skifte.contracts.jobs.release import ReleaseOutcome
from skifte.contracts.release_summary import ReleaseFacts, summary_text
from skifte.diff import diff_releases
from skifte.registry import Registry, read_changelog
from tests.conftest import PROJECT_REGISTRY

REGISTRY = Registry(PROJECT_REGISTRY)
OLD, NEW = REGISTRY.release("doedsbo", "1.2.0"), REGISTRY.release("doedsbo", "1.3.0")
DIFF = diff_releases(OLD, NEW)
GET_BILAG = "GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}"
GET_BO = "GET /doedsbojournaler/{doedsbojournalId}"


def _cell(**changes: object) -> Cell:
    fields: dict[str, object] = {
        "client": "1.2.0",
        "environment": "1.3.0",
        "passed": False,
        "failed_checks": ["response_schema_conformance"],
        "failing_operations": [GET_BILAG],
        "predicted": [GET_BILAG],
        "explained": [GET_BILAG],
        "unexplained": [],
        "not_observed": [],
        "run_id": "run-1",
        "errors": [],
    }
    return Cell(**(fields | changes))  # type: ignore[arg-type]


def _outcome(cell: Cell) -> ReleaseOutcome:
    return ReleaseOutcome(NEW, OLD, Path("unused"), DIFF, cell)


def test_fail_on_decides_for_changes_and_never_for_drift() -> None:
    agreeing = _outcome(_cell())
    breaking = DIFF.count("breaking")
    assert agreeing.failures("breaking") == [
        f"{breaking} breaking change(s) from doedsbo@1.2.0 (--fail-on breaking)"
    ]
    assert agreeing.failures("warning") == [
        f"{breaking} breaking, {DIFF.count('warning')} warning change(s) from doedsbo@1.2.0 "
        "(--fail-on warning)"
    ]
    assert agreeing.failures("never") == []
    drifting = _outcome(_cell(failing_operations=[GET_BILAG, GET_BO], unexplained=[GET_BO]))
    assert drifting.failures("never") == [
        f"unexplained drift: failures no predicted change explains at {GET_BO}"
    ]
    untested = _outcome(_cell(errors=["run-1: no operation was tested"]))
    assert untested.failures("never") == [
        "the contract run could not test: run-1: no operation was tested"
    ]


@pytest.mark.parametrize("drift", [False, True])
def test_the_summary_tells_what_the_run_saw(drift: bool) -> None:
    cell = _cell(
        failing_operations=[GET_BILAG, GET_BO] if drift else [GET_BILAG],
        unexplained=[GET_BO] if drift else [],
        not_observed=["POST /doedsbojournaler/{doedsbojournalId}/forespoergsler"],
    )
    facts = ReleaseFacts(NEW, OLD, "skifteportal_doedsbo_v1_3_0", "dist", DIFF, cell)
    files = summary_text(facts)
    markdown = files["summary.md"]
    assert (
        f"- failing operations nothing predicted (unexplained drift): `{GET_BO}`" in markdown
    ) == drift
    assert ("the run agrees with the diff" in markdown) == (not drift)
    assert "- predicted to break but not observed: `POST /doedsbojournaler/" in markdown
    data = json.loads(files["summary.json"])
    assert data["contract"]["agrees"] == (not drift)
    assert data["breaking"] == DIFF.count("breaking") == len(data["breaks"])
    # Every symbol the diff names is listed once, at the worst level of its changes.
    named = {symbol for change in DIFF.changes for symbol in change.affects}
    assert sorted(s["symbol"] for s in data["symbols"]) == sorted(named)
    assert "skifteportal_doedsbo_v1_2_0.models.Bilag.antal_sider" in markdown


def test_the_draft_entry_has_the_changelogs_rows(tmp_path: Path) -> None:
    # 1.3.0's own changelog section was written by hand; the draft has the same changes.
    facts = ReleaseFacts(NEW, OLD, "skifteportal_doedsbo_v1_3_0", "dist", DIFF, _cell())
    draft = tmp_path / "CHANGELOG.md"
    draft.write_text(summary_text(facts)["changelog-entry.md"], encoding="utf-8")
    drafted = {(e.level, e.id, e.operations) for e in read_changelog(draft)}
    written = {
        (e.level, e.id, e.operations)
        for e in read_changelog(PROJECT_REGISTRY / "doedsbo/CHANGELOG.md")
        if e.version == "1.3.0"
    }
    kinds = {(level, rule) for level, rule, _ in drafted}
    assert kinds == {(level, rule) for level, rule, _ in written}
    for level, rule, operations in written:
        reached = {op for lv, r, ops in drafted if (lv, r) == (level, rule) for op in ops}
        assert set(operations) <= reached, (rule, operations)
