"""`skifte changelog --api doedsbo` reproduces the registry's own changelog."""

from __future__ import annotations

from pathlib import Path

from skifte.registry import CHANGELOG_FILE, ChangelogEntry, Registry, read_changelog
from tests.conftest import PROJECT_REGISTRY
from tests.diff.conftest import run_command


def _comparable(entries: list[ChangelogEntry]) -> list[tuple[str, str, str, str, tuple[str, ...]]]:
    return sorted((e.base, e.version, e.level, e.id, tuple(sorted(e.operations))) for e in entries)


def test_changelog_parses_back_to_the_registry_changelog(tmp_path: Path) -> None:
    result = run_command("changelog", "--api", "doedsbo", "--registry", str(PROJECT_REGISTRY))
    assert result.exit_code == 0, result.stderr
    written = tmp_path / CHANGELOG_FILE
    written.write_text(result.stdout, encoding="utf-8")
    ours = read_changelog(written)
    theirs = read_changelog(PROJECT_REGISTRY / "doedsbo" / CHANGELOG_FILE)
    assert _comparable(ours) == _comparable(theirs)
    renamed = next(e for e in ours if e.id == "property-renamed")
    assert renamed.target == "doedsbojournal.kontaktperson -> doedsbojournal.bobestyrer"


def test_sections_are_in_release_order_and_grouped_by_level() -> None:
    result = run_command("changelog", "--api", "doedsbo", "--registry", str(PROJECT_REGISTRY))
    text = result.stdout
    versions = [r.version for r in Registry(PROJECT_REGISTRY).releases("doedsbo")][1:]
    positions = [text.index(f"## {v} (from") for v in versions]
    assert positions == sorted(positions)
    section = text[text.index("## 1.2.0") : text.index("## 1.3.0")]
    assert section.index("### Breaking") < section.index("### Warning") < section.index("### Info")
