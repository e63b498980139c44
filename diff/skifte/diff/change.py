"""What the diff reports: levels, the findings rules make, and the changes users see."""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Literal

from skifte.api import Operation
from skifte.registry.changelog import LEVELS as LEVELS  # one table for changelogs and reports
from skifte.registry.changelog import Level as Level

FailOn = Literal["breaking", "warning", "never"]


def at_or_above(level: Level, threshold: FailOn) -> bool:
    """Does a change of `level` reach the `--fail-on` threshold?"""
    if threshold == "never":
        return False
    return LEVELS.index(level) <= LEVELS.index(threshold)


@dataclass(frozen=True)
class Finding:
    """One change as a rule sees it, before the rules table gives it a level and a message."""

    rule: str
    operation: Operation | None
    """The revision's operation (the base's for a removed one); None for document-wide changes."""
    pointer: str
    target: str
    """What changed, named the way the changelogs name it: `kravData.beloeb`, `query:page`."""
    fields: Mapping[str, str] = field(default_factory=dict)
    """Values for the rule's message template."""
    affects: tuple[str, ...] = ()
    level: Level | None = None
    """Only for rules whose level depends on the case (see `Rule.levels`)."""


@dataclass(frozen=True)
class Change:
    id: str
    level: Level
    operation: str | None
    """`GET /doedsbojournaler/{doedsbojournalId}`, or None for a document-wide change."""
    operation_id: str | None
    pointer: str
    message: str
    target: str
    affects: tuple[str, ...] = ()
    oasdiff: tuple[str, ...] = ()
    """The reference checker's ids for this change (see `rules/reference.py`)."""

    @property
    def sort_key(self) -> tuple[int, str, str, str, str, str, str]:
        """Most severe first, then by path and method, so one operation's changes stay together."""
        method, _, path = (self.operation or "").partition(" ")
        return (
            LEVELS.index(self.level),
            path,
            method,
            self.id,
            self.pointer,
            self.target,
            self.message,
        )


@dataclass(frozen=True)
class DiffResult:
    base: str
    revision: str
    changes: tuple[Change, ...]
    revision_file: str | None = None
    """The revision's file, for reports that point into it (GitHub annotations)."""
    line_of: Callable[[str], int | None] | None = field(default=None, compare=False, repr=False)
    """The revision's line of a pointer (its nearest parent's when the place is gone)."""

    def count(self, level: Level) -> int:
        return sum(1 for c in self.changes if c.level == level)

    def fails(self, threshold: FailOn) -> bool:
        return any(at_or_above(c.level, threshold) for c in self.changes)
