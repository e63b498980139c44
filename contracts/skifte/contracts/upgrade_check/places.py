"""Uses, type errors and the diff's changes, joined into the places an integrator must look at.

A place *breaks* when mypy rejects its line against the new release and a change the
diff found hits a symbol used there (its `affects`). A place *behaves differently*
when it uses a symbol a change hits and still type-checks: a narrowed enum, a new
required property, a value that is now text. A type error on a line no change
explains (or that uses nothing from the package) is listed apart: it may have failed
on the old release too.
"""

from __future__ import annotations

import re
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Literal

from skifte.diff import LEVELS, Change, DiffResult, FailOn, Level

from .recorder import Use
from .typecheck import TypeProblem

Verdict = Literal["breaks", "behaves differently", "unexplained"]
_TWIN = re.compile(r"\.client\.(Async)?Client(WithRawResponse)?\.(iter_|stream_)?(\w+)$")
_NOT_BEHAVIOUR = frozenset({"import", "annotation", "name"})
"""Naming a class is no behaviour: the places that build or read it are."""


@dataclass(frozen=True)
class Explanation:
    """One change of the diff, with every operation it was found at."""

    id: str
    level: Level
    message: str
    target: str
    operations: tuple[str, ...]


@dataclass(frozen=True)
class Place:
    path: str
    line: int
    verdict: Verdict
    level: Level
    symbols: tuple[str, ...]
    errors: tuple[TypeProblem, ...]
    changes: tuple[Explanation, ...]

    @property
    def at(self) -> tuple[str, int]:
        """(file, line): how places are told apart and ordered."""
        return self.path, self.line


@dataclass(frozen=True)
class UpgradeCheck:
    code: str
    base: str
    revision: str
    files: int
    uses: int
    places: tuple[Place, ...]

    def count(self, verdict: Verdict) -> int:
        return sum(1 for p in self.places if p.verdict == verdict)

    def fails(self, threshold: FailOn) -> bool:
        if threshold == "never":
            return False
        limit = LEVELS.index(threshold)
        return any(LEVELS.index(p.level) <= limit for p in self.places)


def names_of(use: Use) -> set[str]:
    """The symbol and its other spellings in `affects`: the sync client's method for an
    async, raw-response, paging or streaming twin."""
    names = {use.symbol}
    if match := _TWIN.search(use.symbol):
        names.add(use.symbol[: match.start()] + f".client.Client.{match.group(4)}")
    return names


def explaining(use: Use, changes: Iterable[Change]) -> list[Change]:
    """The changes that hit a use: through its own name first, else through the base
    class that declares it (a response model's field inherited from the request's)."""
    names = names_of(use)
    if use.value_class and use.kind in {"call", "construct"}:
        names.add(use.value_class)
    changes = list(changes)
    found = [c for c in changes if names.intersection(c.affects)]
    return found or [c for c in changes if set(use.also).intersection(c.affects)]


def join(
    diff: DiffResult, code: str, files: int, uses: list[Use], problems: list[TypeProblem]
) -> UpgradeCheck:
    by_line: dict[tuple[str, int], list[Use]] = defaultdict(list)
    for use in uses:
        by_line[use.path, use.line].append(use)
    errors: dict[tuple[str, int], list[TypeProblem]] = defaultdict(list)
    for problem in problems:
        errors[problem.path, problem.line].append(problem)
    places = [_failed(at, found, _uses_at(at, by_line, uses), diff) for at, found in errors.items()]
    broken = {p.at for p in places}
    for at, here in by_line.items():
        if at in broken or _in_failed_statement(here, errors):
            continue
        # A value read on a line that broke only type-checks later because mypy gave up on it.
        behaving = [
            u for u in here if u.kind not in _NOT_BEHAVIOUR and (u.path, u.via) not in broken
        ]
        matched = {u: explaining(u, diff.changes) for u in behaving}
        hit = [u for u, found in matched.items() if found]
        if hit:
            explained = _explanations(c for u in hit for c in matched[u])
            level = min((e.level for e in explained), key=LEVELS.index)
            places.append(Place(*at, "behaves differently", level, _symbols(hit), (), explained))
    places.sort(key=lambda p: p.at)
    return UpgradeCheck(code, diff.base, diff.revision, files, len(uses), tuple(places))


def _uses_at(
    at: tuple[str, int], by_line: dict[tuple[str, int], list[Use]], uses: list[Use]
) -> list[Use]:
    """The uses on a line, else those of the statement around it (a call over lines)."""
    if at in by_line:
        return by_line[at]
    path, line = at
    return [u for u in uses if u.path == path and u.statement[0] <= line <= u.statement[1]]


def _in_failed_statement(here: list[Use], errors: dict[tuple[str, int], list[TypeProblem]]) -> bool:
    return any(
        (use.path, line) in errors
        for use in here
        for line in range(use.statement[0], use.statement[1] + 1)
    )


def _failed(
    at: tuple[str, int], found: list[TypeProblem], here: list[Use], diff: DiffResult
) -> Place:
    matched = {u: explaining(u, diff.changes) for u in here}
    hit = [u for u, changes in matched.items() if changes]
    explained = _explanations(c for u in hit for c in matched[u])
    if hit:
        return Place(*at, "breaks", "breaking", _symbols(hit), tuple(found), explained)
    return Place(*at, "unexplained", "warning", _symbols(here), tuple(found), ())


def _symbols(uses: Iterable[Use]) -> tuple[str, ...]:
    return tuple(sorted({u.symbol for u in uses}))


def _explanations(changes: Iterable[Change]) -> tuple[Explanation, ...]:
    grouped: dict[tuple[str, Level, str, str], list[str]] = defaultdict(list)
    for change in changes:
        operations = grouped[change.id, change.level, change.message, change.target]
        if change.operation_id and change.operation_id not in operations:
            operations.append(change.operation_id)
    found = [Explanation(i, lv, m, t, tuple(ops)) for (i, lv, m, t), ops in grouped.items()]
    return tuple(sorted(found, key=lambda e: (LEVELS.index(e.level), e.id, e.target)))
