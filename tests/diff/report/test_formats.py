"""The four formats of one diff: JSON contract, JUnit XML, Markdown and text."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from skifte.diff import FORMATS, DiffResult, diff_documents
from skifte.spec import read_spec
from tests.diff.conftest import CORPUS

CHANGE_KEYS = {
    "id",
    "level",
    "operation",
    "operationId",
    "pointer",
    "message",
    "affects",
    "oasdiff",
}


@pytest.fixture(scope="module")
def mixed() -> DiffResult:
    """A diff with changes of every level: a renamed required property and more."""
    folder = CORPUS / "security-scheme-removed--last-alternative-of-some-callers"
    base = read_spec(folder / "base.yaml", validate=False)
    revision = read_spec(folder / "revision.yaml", validate=False)
    result = diff_documents(base, revision, package="pkg", base_label="a|b", revision_label="c")
    other = CORPUS / "response-enum-value-added"
    extra = diff_documents(
        read_spec(other / "base.yaml", validate=False),
        read_spec(other / "revision.yaml", validate=False),
        package="pkg",
    )
    return DiffResult(result.base, result.revision, result.changes + extra.changes)


def _check_schema(report: dict[str, Any]) -> None:
    assert list(report) == ["base", "revision", "breaking", "warning", "info", "changes"]
    assert all(isinstance(report[k], str) for k in ("base", "revision"))
    assert all(isinstance(report[k], int) for k in ("breaking", "warning", "info"))
    for change in report["changes"]:
        assert set(change) == CHANGE_KEYS
        assert change["level"] in ("breaking", "warning", "info")
        assert isinstance(change["affects"], list)
        assert all(isinstance(i, str) for i in change["oasdiff"])
        assert all(isinstance(change[k], str) for k in ("id", "pointer", "message"))
        assert change["operation"] is None or isinstance(change["operation"], str)
    for level in ("breaking", "warning", "info"):
        assert report[level] == sum(1 for c in report["changes"] if c["level"] == level)


def test_json_follows_the_contract(mixed: DiffResult) -> None:
    report = json.loads(FORMATS["json"](mixed))
    _check_schema(report)
    assert (report["breaking"], report["warning"], report["info"]) == (1, 1, 1)
    assert report["changes"][0]["level"] == "breaking"


def test_json_is_deterministic(mixed: DiffResult) -> None:
    shuffled = DiffResult(mixed.base, mixed.revision, tuple(reversed(mixed.changes)))
    assert FORMATS["json"](mixed) != FORMATS["json"](shuffled)
    folder = CORPUS / "request-property-max-length-decreased--shared-schema-both-directions"
    runs = {
        FORMATS["json"](
            diff_documents(
                read_spec(folder / "base.yaml", validate=False),
                read_spec(folder / "revision.yaml", validate=False),
                package="pkg",
            )
        )
        for _ in range(3)
    }
    assert len(runs) == 1


def test_junit_has_one_failure_per_breaking_change(mixed: DiffResult) -> None:
    root = ET.fromstring(FORMATS["junit"](mixed))
    assert root.tag == "testsuites"
    cases = root.findall("./testsuite/testcase")
    assert len(cases) == len(mixed.changes)
    failures = root.findall("./testsuite/testcase/failure")
    assert len(failures) == mixed.count("breaking") == int(root.get("failures", "-1"))
    assert failures[0].get("type") == "security-scheme-added"


def test_markdown_has_a_table_per_level(mixed: DiffResult) -> None:
    text = FORMATS["markdown"](mixed)
    assert text.startswith("## Release diff: `a|b` → `c`")
    assert (
        text.index("### Breaking (1)") < text.index("### Warning (1)") < text.index("### Info (1)")
    )
    rows = [line for line in text.splitlines() if line.startswith("| `")]
    assert len(rows) == len(mixed.changes)
    assert all(line.count(" | ") == 3 for line in rows)


def test_text_lists_every_change(mixed: DiffResult) -> None:
    text = FORMATS["text"](mixed)
    assert text.splitlines()[0] == "a|b → c: 1 breaking, 1 warning, 1 info"
    for change in mixed.changes:
        assert change.message in text


def test_no_changes_says_so(tmp_path: Path) -> None:
    folder = CORPUS / "no-change-reordered-keys"
    empty = diff_documents(
        read_spec(folder / "base.yaml", validate=False),
        read_spec(folder / "revision.yaml", validate=False),
        package="pkg",
    )
    assert "No changes." in FORMATS["text"](empty)
    assert "No changes." in FORMATS["markdown"](empty)
    assert json.loads(FORMATS["json"](empty))["changes"] == []
    assert ET.fromstring(FORMATS["junit"](empty)).get("tests") == "0"
