"""The terminal report: a summary line, then each change with its operation and what it hits."""

from __future__ import annotations

from ..change import LEVELS, Change, DiffResult


def summary(result: DiffResult) -> str:
    counts = ", ".join(f"{result.count(level)} {level}" for level in LEVELS)
    return f"{result.base} → {result.revision}: {counts}"


def render(result: DiffResult) -> str:
    lines = [summary(result)]
    if not result.changes:
        lines.append("No changes.")
    for change in result.changes:
        lines += ["", *_change(change)]
    return "\n".join(lines) + "\n"


def _change(change: Change) -> list[str]:
    where = change.operation or "(document)"
    if change.operation_id:
        where += f" ({change.operation_id})"
    lines = [f"{change.level:<9} {change.id}  {where}", f"          {change.message}"]
    if change.affects:
        lines.append(f"          affects {', '.join(change.affects)}")
    return lines
