"""The upgrade check's reports: text for people, Markdown for a job summary, JSON, JUnit."""

from __future__ import annotations

import json
import posixpath
import xml.etree.ElementTree as ET
from collections.abc import Callable

from skifte.diff.report import githubactions, junit
from skifte.diff.report.markdown import cell as table_cell

from .places import Explanation, Place, UpgradeCheck

_HEADINGS = {
    "breaks": "Breaks (does not type-check against the new release)",
    "behaves differently": "Behaves differently (type-checks, but a change hits it)",
    "unexplained": "Type errors no change explains (perhaps failing on the old release too)",
}


def summary(check: UpgradeCheck) -> str:
    counts = (
        _counted(check.count("breaks"), "place breaks", "places break"),
        _counted(check.count("behaves differently"), "behaves differently", "behave differently"),
        _counted(check.count("unexplained"), "other type error", "other type errors"),
    )
    used = f"{_counted(check.uses, 'use', 'uses')} in {_counted(check.files, 'file', 'files')}"
    return f"{check.base} → {check.revision} in {check.code}: {', '.join(counts)} ({used})"


def _counted(number: int, one: str, more: str) -> str:
    return f"{number} {one if number == 1 else more}"


def _change_line(change: Explanation) -> str:
    where = f" at {', '.join(change.operations)}" if change.operations else ""
    return f"{change.id} ({change.level}{where}): {change.message}"


def render_text(check: UpgradeCheck) -> str:
    lines = [summary(check)]
    for verdict, heading in _HEADINGS.items():
        chosen = [p for p in check.places if p.verdict == verdict]
        if chosen:
            lines += ["", heading + ":"]
        for place in chosen:
            lines.append(f"  {place.path}:{place.line}  {', '.join(place.symbols) or '-'}")
            lines += [f"      mypy: {e.message}  [{e.code}]" for e in place.errors]
            lines += [f"      {_change_line(c)}" for c in place.changes]
    return "\n".join(lines) + "\n"


def render_markdown(check: UpgradeCheck) -> str:
    lines = [f"## Upgrade check: {check.base} → {check.revision}", "", summary(check)]
    for verdict, heading in _HEADINGS.items():
        chosen = [p for p in check.places if p.verdict == verdict]
        if not chosen:
            continue
        lines += [
            "",
            f"### {heading}",
            "",
            "| place | symbol | mypy | change |",
            "|---|---|---|---|",
        ]
        for place in chosen:
            symbols = "<br>".join(f"`{s}`" for s in place.symbols)
            errors = "<br>".join(table_cell(e.message) for e in place.errors)
            changes = "<br>".join(table_cell(_change_line(c)) for c in place.changes)
            lines.append(f"| `{place.path}:{place.line}` | {symbols} | {errors} | {changes} |")
    return "\n".join(lines) + "\n"


def _place_json(place: Place) -> dict[str, object]:
    return {
        "path": place.path,
        "line": place.line,
        "verdict": place.verdict,
        "level": place.level,
        "symbols": list(place.symbols),
        "errors": [
            {"line": e.line, "column": e.column, "message": e.message, "code": e.code}
            for e in place.errors
        ],
        "changes": [
            {
                "id": c.id,
                "level": c.level,
                "target": c.target,
                "operations": list(c.operations),
                "message": c.message,
            }
            for c in place.changes
        ],
    }


def render_json(check: UpgradeCheck) -> str:
    document = {
        "base": check.base,
        "revision": check.revision,
        "code": check.code,
        "files": check.files,
        "uses": check.uses,
        "breaks": check.count("breaks"),
        "behaves_differently": check.count("behaves differently"),
        "unexplained": check.count("unexplained"),
        "places": [_place_json(p) for p in check.places],
    }
    return json.dumps(document, indent=2, ensure_ascii=False) + "\n"


def render_junit(check: UpgradeCheck) -> str:
    failing = [p for p in check.places if p.level == "breaking"]
    title = f"{check.base} → {check.revision}"
    root, suite = junit.suites("skifte upgrade-check", title, len(check.places), len(failing))
    for place in check.places:
        case = ET.SubElement(
            suite,
            "testcase",
            {
                "classname": place.path,
                "name": f"{place.path}:{place.line} {', '.join(place.symbols)}",
                "file": place.path,
                "line": str(place.line),
            },
        )
        detail = "\n".join(
            [*(f"mypy: {e.message}" for e in place.errors), *map(_change_line, place.changes)]
        )
        if place.level == "breaking":
            message = place.changes[0].message if place.changes else place.verdict
            failure = ET.SubElement(case, "failure", {"type": place.verdict, "message": message})
            failure.text = detail
        else:
            ET.SubElement(case, "system-out").text = f"{place.verdict} ({place.level})\n{detail}"
    return junit.document(root)


def render_githubactions(check: UpgradeCheck) -> str:
    """One workflow command per place: GitHub shows it on the line of the pull request.
    Paths start from the working folder, as `--code` was given: run from the repository's root."""
    lines = []
    for place in check.places:
        detail = [*(f"mypy: {e.message}" for e in place.errors), *map(_change_line, place.changes)]
        lines.append(
            githubactions.annotation(
                place.level,
                "\n".join(detail),
                file=posixpath.normpath(posixpath.join(check.code, place.path)),
                line=place.line,
                title=f"{place.verdict} on {check.revision}",
            )
        )
    return "".join(line + "\n" for line in lines)


FORMATS: dict[str, Callable[[UpgradeCheck], str]] = {
    "text": render_text,
    "markdown": render_markdown,
    "json": render_json,
    "junit": render_junit,
    "githubactions": render_githubactions,
}
