"""The rule table as Markdown: `diff/RULES.md` is this, and a test keeps it so."""

from __future__ import annotations

from ..rules import RULES, Rule
from ..rules.differences import NOT_COVERED

_LEVEL = {"breaking": "ERR", "warning": "WARN", "info": "INFO"}

_INTRO = """\
# Release diff rules

Every change `skifte diff` can report. Generated from the rule table
(`diff/skifte/diff/rules/__init__.py`), the reference mapping (`rules/reference.py`) and
the documented differences (`rules/differences.py`); `tests/diff` fails when this file is
stale, and when a corpus change's level departs from the reference without a reason below.

The reference is [oasdiff](https://github.com/oasdiff/oasdiff) (`oasdiff checks`), graded
ERR, WARN or INFO, at the levels of its rule table (`checker/rules.go`) in the releases
that check media-type schemas (`request-body-media-type-schema-*`); later releases grade
a few checks otherwise (a parameter's default INFO, a first `maxLength` ERR). Its ids
are listed with the case each applies to (at a body's root or below it; a limit first
`set` or `changed`; the keyword), and every change in the JSON report carries the ones
that apply (`"oasdiff": [...]`), so an ignore file may name either tool's id.
Reference checks at INFO level with no rule here (discriminators, defaults of bodies,
tags, components no operation reaches) fail no build in either tool; those at ERR level
are listed at the end, with the reason.
"""


def rules_markdown() -> str:
    lines = [
        _INTRO,
        "| family | id | level | direction | oasdiff (level, case) | what it reports |",
        "|---|---|---|---|---|---|",
    ]
    for rule in sorted(RULES.values(), key=lambda r: (r.family, r.id)):
        level = "/".join(rule.allowed_levels)
        cells = [
            rule.family,
            f"`{rule.id}`",
            level,
            rule.direction,
            _reference(rule),
            rule.description,
        ]
        lines.append("| " + " | ".join(cells) + " |")
    lines += ["", "## Deliberate differences from the reference", ""]
    for rule in sorted(RULES.values(), key=lambda r: r.id):
        if rule.difference:
            lines.append(f"- `{rule.id}`: {rule.difference}")
    lines += ["", "## Error-level reference checks without a rule here", ""]
    lines += [f"- `{check}`: {reason}" for check, reason in sorted(NOT_COVERED.items())]
    return "\n".join(lines) + "\n"


def _reference(rule: Rule) -> str:
    if not rule.reference:
        return "—"
    parts = []
    for ref in rule.reference:
        case = f", {' '.join(ref.when)}" if ref.when else ""
        parts.append(f"`{ref.id}` ({_LEVEL[ref.level]}{case})")
    return "<br>".join(parts)
