"""The registry's changelogs are the ground truth: every consecutive pair of releases
reports exactly the changes its CHANGELOG.md lists, with the intended levels."""

from __future__ import annotations

import re
from collections import Counter
from itertools import pairwise

import pytest

from skifte.diff import Change, diff_releases
from skifte.diff.context import unescape
from skifte.registry import CHANGELOG_FILE, ChangelogEntry, Registry, Release, read_changelog
from tests.conftest import PROJECT_REGISTRY

REGISTRY = Registry(PROJECT_REGISTRY)
PAIRS = [pair for api in REGISTRY.apis() for pair in pairwise(REGISTRY.releases(api))]


def _entries(old: Release, new: Release) -> list[ChangelogEntry]:
    path = PROJECT_REGISTRY / old.api / CHANGELOG_FILE
    return [e for e in read_changelog(path) if (e.base, e.version) == (old.version, new.version)]


def _names(target: str) -> list[str]:
    """`kravData.kravtype=ANDET` → ["kravtype", "ANDET"]; `header:X` → ["X"]; renames: both."""
    names = []
    for side in target.split("->"):
        name, _, value = side.strip().partition("=")
        names.append(re.split(r"[.:]", name)[-1])
        if value:
            names.append(value)
    return names


def _mentions(change: Change, name: str) -> bool:
    return name in change.message or name in unescape(change.pointer)


@pytest.mark.parametrize("old,new", PAIRS, ids=lambda r: r.ref)
def test_diff_reports_exactly_the_changelog(old: Release, new: Release) -> None:
    entries = _entries(old, new)
    assert entries, f"{old.api}/{CHANGELOG_FILE} has no section for {new.version}"
    changes = diff_releases(old, new).changes
    expected: Counter[tuple[str, str, str | None]] = Counter(
        (e.id, e.level, op) for e in entries for op in e.operations
    )
    found: Counter[tuple[str, str, str | None]] = Counter(
        (c.id, c.level, c.operation_id) for c in changes
    )
    assert found - expected == Counter(), "reported, but not in the changelog"
    assert expected - found == Counter(), "in the changelog, but not reported"
    for entry in entries:
        for operation in entry.operations:
            matching = [
                c
                for c in changes
                if (c.id, c.level, c.operation_id) == (entry.id, entry.level, operation)
            ]
            if entry.target.split(" ", 1)[0] in ("GET", "PUT", "POST", "DELETE", "PATCH"):
                assert any(c.operation == entry.target for c in matching), entry
            else:
                assert any(
                    all(_mentions(c, name) for name in _names(entry.target)) for c in matching
                ), (entry, matching)


def test_every_consecutive_pair_is_covered() -> None:
    assert len(PAIRS) == sum(len(REGISTRY.releases(api)) - 1 for api in REGISTRY.apis()) >= 4
