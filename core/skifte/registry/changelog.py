"""`specs/<api>/CHANGELOG.md`: the intended changes per release, as data.

Each release has a section `## <version> (from <previous>)` holding a Markdown
table with the columns level, id, operations, target, description. It is the
ground truth the diff tool is checked against, so its format is strict: a row
that cannot be read is an error, never skipped.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

CHANGELOG_FILE = "CHANGELOG.md"
Level = Literal["breaking", "warning", "info"]
LEVELS: tuple[Level, ...] = ("breaking", "warning", "info")
"""Most severe first: the order changelogs and diff reports list changes in."""
_SECTION = re.compile(r"^## (?P<version>\S+) \(from (?P<base>\S+)\)\s*$")
_COLUMNS = ["level", "id", "operations", "target", "description"]


@dataclass(frozen=True)
class ChangelogEntry:
    base: str
    version: str
    level: str
    id: str
    operations: tuple[str, ...]
    target: str
    description: str


class ChangelogError(ValueError):
    pass


def read_changelog(path: Path) -> list[ChangelogEntry]:
    entries: list[ChangelogEntry] = []
    section: tuple[str, str] | None = None
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if match := _SECTION.match(line):
            section = (match["base"], match["version"])
            continue
        if not line.startswith("|"):
            continue
        cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
        if cells == _COLUMNS or set("".join(cells)) <= {"-", ":"}:
            continue
        where = f"{path}:{number}"
        if section is None:
            raise ChangelogError(f"{where}: a table row before any '## <version> (from <base>)'")
        if len(cells) != len(_COLUMNS):
            raise ChangelogError(f"{where}: expected {len(_COLUMNS)} cells, found {len(cells)}")
        level, rule, operations, target, description = cells
        if level not in LEVELS:
            raise ChangelogError(f"{where}: level {level!r} is not one of {', '.join(LEVELS)}")
        if not re.fullmatch(r"[a-z]+(-[a-z]+)*", rule):
            raise ChangelogError(f"{where}: id {rule!r} is not kebab-case")
        entries.append(
            ChangelogEntry(
                base=section[0],
                version=section[1],
                level=level,
                id=rule,
                operations=tuple(op.strip() for op in operations.split(",") if op.strip()),
                target=target,
                description=description,
            )
        )
    return entries
