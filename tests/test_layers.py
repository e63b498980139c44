"""ARCHITECTURE.md's layering, enforced: lower parts never import higher ones."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import PROJECT

PARTS = {
    "spec": PROJECT / "core/skifte/spec",
    "api": PROJECT / "core/skifte/api",
    "registry": PROJECT / "core/skifte/registry",
    "generator": PROJECT / "generator/skifte/generator",
    "diff": PROJECT / "diff/skifte/diff",
    "testenv": PROJECT / "testenv/skifte/testenv",
    "contracts": PROJECT / "contracts/skifte/contracts",
}
ALLOWED = {
    "spec": set(),
    "api": {"spec"},
    "registry": {"spec", "api"},
    "generator": {"spec", "api"},
    "diff": {"spec", "api", "registry"},
    "testenv": {"spec", "api", "registry"},
    "contracts": {"spec", "api", "registry", "generator", "diff", "testenv"},
}


def _imported_parts(folder: Path) -> set[str]:
    found = set()
    for path in folder.rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            names = []
            if isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
                names = [node.module]
            elif isinstance(node, ast.Import):
                names = [alias.name for alias in node.names]
            for name in names:
                parts = name.split(".")
                if parts[0] == "skifte" and len(parts) > 1 and parts[1] in PARTS:
                    found.add(parts[1])
    return found


@pytest.mark.parametrize("part", PARTS)
def test_no_part_imports_a_higher_one(part: str) -> None:
    imported = _imported_parts(PARTS[part]) - {part}
    assert imported <= ALLOWED[part], f"{part} imports {sorted(imported - ALLOWED[part])}"
    assert "cli" not in {p for p in imported}
