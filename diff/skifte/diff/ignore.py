"""Ignore files: changes a team has accepted, one `ID METHOD /path` per line.

The format is the reference checker's (`--err-ignore`): a line names an operation by
method and path, and the change, in any order and case, among any other text (a date,
a reason), so a Markdown list of accepted changes works as it is. Where the reference
names the change by its description, we take a rule id: ours or the reference's
(`Change.oasdiff`), so an ignore list kept for it keeps working. A line without an
operation ignores document-wide changes (servers). Blank lines and lines starting with
`#` are skipped. A line with no id at all is refused; one whose ids are all unknown
(a typo, or a reference check we have no rule for) is kept aside and reported, so it
never silently ignores nothing.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from pathlib import Path

from .change import Change, DiffResult
from .rules import RULES

_ID = re.compile(r"[a-z][a-z0-9]*(?:-[a-z0-9]+)+")
_OPERATION = re.compile(
    r"(?<![\w/])(get|put|post|delete|options|head|patch|trace)\s+(/\S*)", re.IGNORECASE
)


class IgnoreFileError(ValueError):
    """An ignore file that cannot be read or names no known rule on some line."""


def known_ids() -> frozenset[str]:
    """Ours, and the reference's that some rule of ours stands for."""
    return frozenset(RULES) | {ref.id for rule in RULES.values() for ref in rule.reference}


@dataclass(frozen=True)
class IgnoreLine:
    number: int
    text: str
    ids: frozenset[str]
    """The known ids it names; empty when it names only unknown ones."""
    operations: frozenset[tuple[str, str]]
    """(METHOD, /path); empty for a line about document-wide changes."""

    def matches(self, change: Change) -> bool:
        if not self.ids & {change.id, *change.oasdiff}:
            return False
        if change.operation is None:
            return not self.operations
        method, _, path = change.operation.partition(" ")
        return (method, path) in self.operations


@dataclass(frozen=True)
class IgnoreList:
    source: str
    lines: tuple[IgnoreLine, ...]

    @property
    def unknown(self) -> tuple[IgnoreLine, ...]:
        """Lines naming only ids that no rule of ours reports: they can match nothing."""
        return tuple(line for line in self.lines if not line.ids)

    def apply(self, result: DiffResult) -> tuple[DiffResult, tuple[IgnoreLine, ...]]:
        """The result without the ignored changes, and the lines that matched none."""
        used: set[int] = set()
        kept = []
        for change in result.changes:
            hits = [line.number for line in self.lines if line.matches(change)]
            used.update(hits)
            if not hits:
                kept.append(change)
        unused = tuple(line for line in self.lines if line.ids and line.number not in used)
        return replace(result, changes=tuple(kept)), unused


def read_ignore_file(path: Path) -> IgnoreList:
    """Raises IgnoreFileError naming the file and every line that names no known id."""
    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = exc.strerror if isinstance(exc, OSError) else "not UTF-8 text"
        raise IgnoreFileError(f"{path}: cannot read the ignore file: {reason}") from None
    return parse_ignore(text, str(path))


def parse_ignore(text: str, source: str) -> IgnoreList:
    known = known_ids()
    lines, problems = [], []
    for number, raw in enumerate(text.splitlines(), start=1):
        stripped = raw.strip()
        if not stripped or stripped.startswith("#"):
            continue
        named = frozenset(_ID.findall(stripped.lower()))
        if not named:
            problems.append(f"line {number}: names no rule id of skifte or oasdiff: {stripped}")
            continue
        ids = named & known
        operations = frozenset((m.upper(), p) for m, p in _OPERATION.findall(stripped))
        lines.append(IgnoreLine(number, stripped, ids, operations))
    if problems:
        listed = "\n  ".join(problems)
        raise IgnoreFileError(
            f"{source}: each line is `ID METHOD /path` (ids in diff/RULES.md):\n  {listed}"
        )
    return IgnoreList(source, tuple(lines))
