"""Every corpus pair reports exactly its expected changes: ids, levels, operations, targets.

`corpus/<rule-id>[--variant]/` holds base.yaml, revision.yaml and expected.json;
`corpus/no-change-*/` pairs differ only in ways that change nothing on the wire.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from skifte.diff import diff_documents
from skifte.spec import read_spec
from tests.diff.conftest import CORPUS

FOLDERS = sorted(p for p in CORPUS.iterdir() if p.is_dir())


def _expected(folder: Path) -> list[tuple[str, str, str | None, str]]:
    rows = json.loads((folder / "expected.json").read_text(encoding="utf-8"))["changes"]
    return sorted((r["id"], r["level"], r["operationId"], r["target"]) for r in rows)


@pytest.mark.parametrize("folder", FOLDERS, ids=lambda p: p.name)
def test_pair_reports_exactly_the_expected_changes(folder: Path) -> None:
    base = read_spec(folder / "base.yaml", validate=False)
    revision = read_spec(folder / "revision.yaml", validate=False)
    result = diff_documents(base, revision, package="pkg")
    found = sorted((c.id, c.level, c.operation_id, c.target) for c in result.changes)
    assert found == _expected(folder)
    for change in result.changes:
        assert "  " not in change.message and "()" not in change.message, change.message
        assert change.pointer.startswith("#/")


def test_no_change_pairs_do_differ_in_text() -> None:
    """A no-change pair that were byte-identical would prove nothing."""
    quiet = [f for f in FOLDERS if f.name.startswith("no-change")]
    assert len(quiet) >= 4
    for folder in quiet:
        base = (folder / "base.yaml").read_text(encoding="utf-8")
        revision = (folder / "revision.yaml").read_text(encoding="utf-8")
        assert base.replace("1.0.0", "1.1.0") != revision, folder.name
        assert _expected(folder) == []


def test_the_corpus_is_large_enough() -> None:
    assert len(FOLDERS) >= 80
