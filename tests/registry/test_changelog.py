"""The changelog format is strict: the diff tool is judged against it."""

from __future__ import annotations

from pathlib import Path

import pytest

from skifte.registry import ChangelogError, read_changelog

HEADER = "| level | id | operations | target | description |\n|---|---|---|---|---|\n"


def _write(tmp_path: Path, body: str) -> Path:
    path = tmp_path / "CHANGELOG.md"
    path.write_text(
        f"# Changelog: proeve\n\n## 1.1.0 (from 1.0.0)\n\n{HEADER}{body}", encoding="utf-8"
    )
    return path


def test_rows_become_entries(tmp_path: Path) -> None:
    path = _write(tmp_path, "| breaking | parameter-became-required | a, b | query:x | tekst |\n")
    (entry,) = read_changelog(path)
    assert (entry.base, entry.version, entry.level, entry.id) == (
        "1.0.0",
        "1.1.0",
        "breaking",
        "parameter-became-required",
    )
    assert entry.operations == ("a", "b") and entry.target == "query:x"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        ("| fatal | operation-added | a | x | y |\n", "level 'fatal'"),
        ("| info | Operation_Added | a | x | y |\n", "not kebab-case"),
        ("| info | operation-added | a | x |\n", "expected 5 cells"),
    ],
)
def test_unreadable_rows_are_errors(tmp_path: Path, row: str, message: str) -> None:
    with pytest.raises(ChangelogError, match=message):
        read_changelog(_write(tmp_path, row))


def test_a_row_outside_a_section(tmp_path: Path) -> None:
    path = tmp_path / "CHANGELOG.md"
    path.write_text("| info | operation-added | a | x | y |\n", encoding="utf-8")
    with pytest.raises(ChangelogError, match="before any"):
        read_changelog(path)
