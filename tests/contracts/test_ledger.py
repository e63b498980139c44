"""The ledger: what the clean-up needs is on disk at once; the rest by the end."""

from __future__ import annotations

from pathlib import Path

from skifte.contracts.ledger import Ledger


def _on_disk(folder: Path) -> list[str]:
    return [e["kind"] for e in Ledger(folder).entries()]


def test_created_records_are_on_disk_at_once_and_everything_after_close(tmp_path: Path) -> None:
    ledger = Ledger(tmp_path)
    ledger.write("request", method="GET", status=200)  # the first write opens and flushes
    for _ in range(50):
        ledger.write("request", method="GET", status=200)
    ledger.write("created", location="/tvangsoploesningssager/9/krav/1")
    # Read by another reader while the writer is still open, as after a crash.
    assert "created" in _on_disk(tmp_path)
    ledger.write("request", method="DELETE", status=204)
    ledger.close()
    kinds = _on_disk(tmp_path)
    assert kinds.count("request") == 52 and kinds.count("created") == 1
