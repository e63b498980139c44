"""diff/RULES.md is the rule table, rendered: it must never drift from the code."""

from __future__ import annotations

from skifte.diff.report.rules_table import rules_markdown
from tests.conftest import PROJECT


def test_rules_md_is_current() -> None:
    written = (PROJECT / "diff" / "RULES.md").read_text(encoding="utf-8")
    assert written == rules_markdown(), "regenerate diff/RULES.md from rules_markdown()"
