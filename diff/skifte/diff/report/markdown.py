"""The Markdown report, e.g. for a pull request comment: one table per level."""

from __future__ import annotations

from ..change import LEVELS, DiffResult


def render(result: DiffResult) -> str:
    counts = ", ".join(f"{result.count(level)} {level}" for level in LEVELS)
    lines = [f"## Release diff: `{result.base}` → `{result.revision}`", "", counts, ""]
    if not result.changes:
        lines += ["No changes.", ""]
    for level in LEVELS:
        changes = [c for c in result.changes if c.level == level]
        if not changes:
            continue
        lines += [f"### {level.capitalize()} ({len(changes)})", ""]
        lines += ["| operation | change | id | affects |", "|---|---|---|---|"]
        for change in changes:
            operation = f"`{change.operation}`" if change.operation else "(document)"
            if change.operation_id:
                operation += f" `{change.operation_id}`"
            affects = "<br>".join(f"`{a}`" for a in change.affects)
            cells = [operation, cell(change.message), f"`{change.id}`", affects]
            lines.append("| " + " | ".join(cells) + " |")
        lines.append("")
    return "\n".join(lines)


def cell(text: str) -> str:
    """Table-safe text: a pipe would end the cell, a line break the row."""
    return text.replace("|", "\\|").replace("\n", " ")
