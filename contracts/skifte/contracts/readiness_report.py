"""The readiness report's files, from the result `readiness.readiness` makes:
readiness.md, readiness.html and readiness.json."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from .files import write_texts


def write_readiness(result: dict[str, Any], report_dir: Path) -> list[Path]:
    """readiness.md, readiness.html and readiness.json, from the same result."""
    from .pages import readiness_page

    texts = {
        "readiness.md": readiness_markdown(result),
        "readiness.html": readiness_page(result),
        "readiness.json": json.dumps(result, indent=2, ensure_ascii=False) + "\n",
    }
    return list(write_texts(report_dir, texts).values())


def readiness_markdown(result: dict[str, Any]) -> str:
    lines = [
        "# Readiness for production access",
        "",
        f"**{result['verdict_text']}**",
        "",
        "Every API need declared in the access application, the operations it takes, and how "
        "the contract runs exercised them.",
        "",
    ]
    if result["needs_example"]:
        lines += ["> The needs below are the shipped example, not an organisation's own.", ""]
    for row in result["needs"]:
        mark = "✅" if row["passed"] else "❌"
        lines += [
            f"## {mark} {row['need']}",
            "",
            row["description"],
            "",
            f"Release `{row['release']}`, run `{row['run']}` on {row['date']} "
            f"({row['evidence'] or 'no run'}).",
            "",
            "| operation | requests (2xx) | result |",
            "|---|---|---|",
        ]
        for op in row["operations"]:
            result_text = "passed" if op["passed"] else ("failed" if op["exercised"] else "not run")
            counts = f"{op['requests']} ({op['succeeded']})"
            lines.append(f"| `{op['operationId']}` {op['operation']} | {counts} | {result_text} |")
        lines.append("")
    unanswered = [
        op["operationId"]
        for row in result["needs"]
        for op in row["operations"]
        if op["exercised"] and not op["succeeded"]
    ]
    if unanswered:
        lines += [f"Called, but never with a success answer: {', '.join(unanswered)}.", ""]
    if result["unusable_reports"]:
        lines += ["## Run reports that could not be read (counted as no run)", ""]
        lines += [*(f"- `{entry}`" for entry in result["unusable_reports"]), ""]
    lines += ["## Compliance with the test environment's rules", ""]
    for statement in result["statements"]:
        mark = "✅" if statement["holds"] else "❌"
        lines.append(f"- {mark} **{statement['statement']}**: {statement['evidence']}.")
    lines += [
        "",
        "## Runs",
        "",
        "| run | release | target | evidence | requests | seconds | passed |",
        "|---|---|---|---|---|---|---|",
    ]
    for run in result["runs"]:
        cells = [
            f"`{run['run']}`",
            run["release"],
            run["target"],
            run["evidence"],
            run["requests"],
            run["seconds"],
            run["passed"],
        ]
        lines.append("| " + " | ".join(str(c) for c in cells) + " |")
    return "\n".join(lines) + "\n"
