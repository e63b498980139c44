"""The release summary: what changed, what breaks, the code it hits, what the contract
run saw, and a draft changelog entry, as Markdown and JSON from the same data.

Nothing in it depends on when or where it was made (no dates, no absolute paths), so
the same release gives the same summary byte for byte, and a re-run rewrites nothing.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import asdict, dataclass
from typing import Any

from skifte.diff import LEVELS, Change, DiffResult
from skifte.diff.report.markdown import cell as table_cell
from skifte.registry import Release

from .matrix import Cell


@dataclass(frozen=True)
class ReleaseFacts:
    """Everything the summary tells, gathered by the release job."""

    release: Release
    previous: Release | None
    package: str
    """The import name of the release's generated package."""
    distribution: str
    """Its folder (and distribution) name in the packages folder."""
    diff: DiffResult | None
    """None for an API's first release: nothing to compare with."""
    cell: Cell | None
    """The previous release's clients against the stand-in behaving as this release."""


def summary_json(facts: ReleaseFacts) -> dict[str, Any]:
    changes = facts.diff.changes if facts.diff else ()
    return {
        "release": facts.release.ref,
        "api": facts.release.api,
        "version": facts.release.version,
        "title": facts.release.record.title,
        "previous": facts.previous.ref if facts.previous else None,
        "spec_sha256": facts.release.record.sha256,
        "package": {"import": facts.package, "distribution": facts.distribution},
        **{level: sum(1 for c in changes if c.level == level) for level in LEVELS},
        "breaks": [_change_json(c) for c in changes if c.level == "breaking"],
        "symbols": _symbols(changes),
        "contract": _contract_json(facts),
        "changelog_entry": changelog_entry(facts),
    }


def summary_markdown(facts: ReleaseFacts, data: dict[str, Any]) -> str:
    release, previous = facts.release, facts.previous
    since = f" (from {previous.version})" if previous else ""
    lines = [
        f"# Release {release.api} {release.version}{since}",
        "",
        f"{release.record.title}: spec sha256 `{release.record.sha256[:12]}`, "
        f"package `{facts.package}` ({facts.distribution}).",
        "",
    ]
    if previous is None:
        lines += ["The API's first release: there is nothing to compare it with.", ""]
    else:
        counts = ", ".join(f"{data[level]} {level}" for level in LEVELS)
        lines += [f"Changes from {previous.ref}: {counts} (all of them: `diff.md`).", ""]
        lines += _breaks_section(data["breaks"])
        lines += _symbols_section(data["symbols"])
        lines += _contract_section(data["contract"])
    lines += ["## Draft changelog entry", "", "```markdown", data["changelog_entry"], "```", ""]
    return "\n".join(lines)


def summary_text(facts: ReleaseFacts) -> dict[str, str]:
    """The summary's files: name → text."""
    data = summary_json(facts)
    return {
        "summary.md": summary_markdown(facts, data),
        "summary.json": json.dumps(data, indent=2, ensure_ascii=False) + "\n",
        "changelog-entry.md": data["changelog_entry"] + "\n",
    }


def changelog_entry(facts: ReleaseFacts) -> str:
    """A section for `specs/<api>/CHANGELOG.md`: one table row per change and target,
    naming every operationId it reaches (the diff's message stands in for the
    description a person writes)."""
    if facts.previous is None or facts.diff is None:
        return f"## {facts.release.version}\n\nThe API's first release."
    heading = f"## {facts.release.version} (from {facts.previous.version})"
    rows: dict[tuple[str, str, str, str], list[str]] = {}
    for change in facts.diff.changes:
        operations = rows.setdefault((change.level, change.id, change.target, change.message), [])
        name = change.operation_id or change.operation
        if name and name not in operations:
            operations.append(name)
    if not rows:
        return f"{heading}\n\nNo changes."
    table = ["| level | id | operations | target | description |", "|---|---|---|---|---|"]
    table += [
        f"| {level} | {rule} | {table_cell(', '.join(ops))} | {table_cell(target)} "
        f"| {table_cell(text)} |"
        for (level, rule, target, text), ops in rows.items()
    ]
    return "\n".join([heading, "", *table])


def _change_json(change: Change) -> dict[str, Any]:
    return {
        "id": change.id,
        "operation": change.operation,
        "operationId": change.operation_id,
        "target": change.target,
        "message": change.message,
        "affects": list(change.affects),
    }


def _symbols(changes: Iterable[Change]) -> list[dict[str, Any]]:
    """Each generated symbol the changes hit, with its worst level and the changes."""
    hits: dict[str, list[Change]] = {}
    for change in changes:
        for symbol in change.affects:
            hits.setdefault(symbol, []).append(change)
    found = [
        {
            "symbol": symbol,
            "level": min((c.level for c in hit), key=LEVELS.index),
            "changes": sorted({c.id for c in hit}),
        }
        for symbol, hit in hits.items()
    ]
    return sorted(found, key=lambda s: (LEVELS.index(s["level"]), s["symbol"]))


def _contract_json(facts: ReleaseFacts) -> dict[str, Any] | None:
    if facts.cell is None or facts.previous is None:
        return None
    return {
        "client": facts.previous.ref,
        "environment": facts.release.ref,
        "agrees": not (facts.cell.unexplained or facts.cell.errors),
        **asdict(facts.cell),
    }


def _breaks_section(breaks: list[dict[str, Any]]) -> list[str]:
    lines = ["## What breaks", ""]
    if not breaks:
        return [*lines, "Nothing breaks a client of the previous release.", ""]
    lines += ["| operation | change | code hit |", "|---|---|---|"]
    for change in breaks:
        operation = f"`{change['operation']}`" if change["operation"] else "(document)"
        hit = "<br>".join(f"`{symbol}`" for symbol in change["affects"])
        lines.append(f"| {operation} | {table_cell(change['message'])} | {hit} |")
    return [*lines, ""]


def _symbols_section(symbols: list[dict[str, Any]]) -> list[str]:
    lines = ["## Generated code hit", ""]
    if not symbols:
        return [*lines, "No generated symbol of the previous release is hit.", ""]
    lines += [f"- `{s['symbol']}`: {s['level']} ({', '.join(s['changes'])})" for s in symbols]
    return [*lines, ""]


def _contract_section(contract: dict[str, Any] | None) -> list[str]:
    lines = ["## What the contract run saw", ""]
    if contract is None:
        return [*lines, "No contract run.", ""]
    verdict = "passed" if contract["passed"] else "failed"
    lines.append(
        f"{contract['client']}'s clients against the stand-in behaving as "
        f"{contract['environment']}: {verdict} (runs {contract['run_id']})."
    )
    lines.append("")
    for label, key in (
        ("failed checks", "failed_checks"),
        ("failing operations, explained by the diff", "explained"),
        ("failing operations nothing predicted (unexplained drift)", "unexplained"),
        ("predicted to break but not observed", "not_observed"),
        ("could not test", "errors"),
    ):
        if contract[key]:
            lines.append(f"- {label}: " + ", ".join(f"`{item}`" for item in contract[key]))
    if contract["agrees"]:
        lines.append("- the run agrees with the diff: every failure is a predicted change")
    return [*lines, ""]
