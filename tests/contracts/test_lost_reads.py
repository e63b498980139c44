"""A read the client's own release answered, and another release answers 404."""

from __future__ import annotations

from pathlib import Path

from skifte.contracts.ledger import Ledger
from skifte.contracts.lost_reads import found_reads, lost_reads, missing_reads

ACCOUNTS = "GET /sager/{sagId}/opgoerelse"
CASE = "GET /sager/{sagId}"


def _run(folder: Path, *requests: tuple[str, str, int], created: tuple[str, ...] = ()) -> Path:
    ledger = Ledger(folder)
    for operation, url_path, status in requests:
        method = operation.split(" ", 1)[0]
        ledger.write(
            "request", method=method, operation=operation, url_path=url_path, status=status
        )
    for location in created:
        ledger.write("created", location=location, operation="POST /sager/{sagId}/krav")
    ledger.close()
    return folder


def test_only_a_read_found_before_and_now_404_at_the_same_url_is_lost(tmp_path: Path) -> None:
    own = _run(
        tmp_path / "own",
        (ACCOUNTS, "/sager/1/opgoerelse", 200),
        (ACCOUNTS, "/sager/2/opgoerelse", 404),  # not there in its own release either
        (CASE, "/sager/1", 200),
        ("DELETE /sager/{sagId}", "/sager/3", 204),  # not a read
    )
    found = found_reads([own])
    assert found == {(ACCOUNTS, "/sager/1/opgoerelse"), (CASE, "/sager/1")}
    other = _run(
        tmp_path / "other",
        (ACCOUNTS, "/sager/1/opgoerelse", 404),
        (ACCOUNTS, "/sager/2/opgoerelse", 404),
        (CASE, "/sager/1", 200),
        (CASE, "/sager/9", 404),  # never found: an honest 404
        ("DELETE /sager/{sagId}", "/sager/3", 404),
    )
    assert lost_reads(found, missing_reads([other])) == {ACCOUNTS}
    # A refusal or a throttle is no lost read: only a 404 says "not here".
    throttled = _run(tmp_path / "throttled", (ACCOUNTS, "/sager/1/opgoerelse", 429))
    assert lost_reads(found, missing_reads([throttled])) == set()


def test_what_the_run_wrote_or_created_itself_is_no_evidence(tmp_path: Path) -> None:
    # Another release's run may read before it writes, or not create at all: a 404 there
    # says nothing about the release.
    position = "GET /sager/{sagId}/krav/{kravId}/stillingtagen"
    claim = "GET /sager/{sagId}/krav/{kravId}"
    own = _run(
        tmp_path / "own",
        ("PUT /sager/{sagId}/krav/{kravId}/stillingtagen", "/sager/1/krav/2/stillingtagen", 200),
        (position, "/sager/1/krav/2/stillingtagen", 200),
        (claim, "/sager/1/krav/9", 200),
        (claim, "/sager/1/krav/3", 200),
        created=("/sager/1/krav/9",),
    )
    assert found_reads([own]) == {(claim, "/sager/1/krav/3")}
