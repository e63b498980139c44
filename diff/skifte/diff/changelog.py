"""`skifte changelog`: every consecutive pair of an API's releases, diffed, as Markdown.

The output has the registry changelog's format (`## <version> (from <base>)`, rows
of level | id | operations | target | description), one table per level, so it
reads like `specs/<api>/CHANGELOG.md` and parses with `read_changelog`. A change
that reaches several operations is one row listing them all.
"""

from __future__ import annotations

from itertools import pairwise

from skifte.api.python_names import package_name
from skifte.registry import Registry, Release

from .change import LEVELS, Change, DiffResult
from .engine import diff_documents
from .report.markdown import cell


def diff_releases(old: Release, new: Release) -> DiffResult:
    return diff_documents(
        old.read(),
        new.read(),
        package=package_name(old.api, old.version),
        base_label=old.ref,
        revision_label=new.ref,
    )


def registry_changelog(registry: Registry, api: str) -> str:
    releases = registry.releases(api)
    lines = [
        f"# Changelog: {api}",
        "",
        "Changes between consecutive releases, as `skifte diff` finds them; `operations` lists "
        "every operationId a change reaches.",
    ]
    for old, new in pairwise(releases):
        lines += ["", f"## {new.version} (from {old.version})"]
        lines += _section(diff_releases(old, new).changes)
    return "\n".join(lines) + "\n"


def _section(changes: tuple[Change, ...]) -> list[str]:
    if not changes:
        return ["", "No changes."]
    lines: list[str] = []
    for level in LEVELS:
        rows = _rows([c for c in changes if c.level == level])
        if not rows:
            continue
        lines += ["", f"### {level.capitalize()}", ""]
        lines += ["| level | id | operations | target | description |", "|---|---|---|---|---|"]
        lines += rows
    return lines


def _rows(changes: list[Change]) -> list[str]:
    """One row per (id, target, message); the operations it reaches, in report order."""
    grouped: dict[tuple[str, str, str], list[str]] = {}
    for change in changes:
        operations = grouped.setdefault((change.id, change.target, change.message), [])
        name = change.operation_id or change.operation
        if name and name not in operations:
            operations.append(name)
    return [
        f"| {changes[0].level} | {rule} | {cell(', '.join(ops))} | {cell(target)} | {cell(text)} |"
        for (rule, target, text), ops in grouped.items()
    ]
