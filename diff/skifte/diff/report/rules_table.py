"""The rule table as Markdown: `diff/RULES.md` is this, and a test keeps it so."""

from __future__ import annotations

from ..rules import RULES


def rules_markdown() -> str:
    lines = [
        "# Release diff rules",
        "",
        "Every change `skifte diff` can report. Generated from the rule table",
        "(`diff/skifte/diff/rules/__init__.py`); `tests/diff` fails when this file is stale.",
        "",
        "| family | id | level | direction | what it reports |",
        "|---|---|---|---|---|",
    ]
    for rule in sorted(RULES.values(), key=lambda r: (r.family, r.id)):
        level = "/".join(rule.allowed_levels)
        lines.append(
            f"| {rule.family} | `{rule.id}` | {level} | {rule.direction} | {rule.description} |"
        )
    return "\n".join(lines) + "\n"
