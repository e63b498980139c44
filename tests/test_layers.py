"""ARCHITECTURE.md's layering, enforced: lower parts never import higher ones, and the
command line reaches the contract runs only through the application layer."""

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
    "jobs": PROJECT / "contracts/skifte/contracts/jobs",
    "cli": PROJECT / "core/skifte/cli",
}
"""`jobs` is the application layer: the contract jobs the commands and the pipeline share."""
ALLOWED = {
    "spec": set(),
    "api": {"spec"},
    "registry": {"spec", "api"},
    "generator": {"spec", "api"},
    "diff": {"spec", "api", "registry"},
    "testenv": {"spec", "api", "registry"},
    "contracts": {"spec", "api", "registry", "diff", "testenv"},
    "jobs": {"spec", "api", "registry", "generator", "diff", "testenv", "contracts"},
    "cli": {"spec", "api", "registry", "generator", "diff", "testenv", "jobs"},
}


def _module(path: Path) -> str:
    """`…/contracts/skifte/contracts/jobs/run.py` → `skifte.contracts.jobs.run`."""
    parts = path.with_suffix("").parts
    name = parts[len(parts) - 1 - parts[::-1].index("skifte") :]
    return ".".join(name[:-1] if name[-1] == "__init__" else name)


def _part(module: str) -> str | None:
    """The part a module belongs to: the deepest folder of PARTS holding it."""
    names = module.split(".")
    if names[0] != "skifte" or len(names) < 2:
        return None
    if names[1:3] == ["contracts", "jobs"]:
        return "jobs"
    return names[1] if names[1] in PARTS else None


def _imported(path: Path) -> set[str]:
    """Every module `path` imports, relative imports resolved."""
    module = _module(path)
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    found = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = package.split(".")[: len(package.split(".")) - node.level + 1]
            prefix = ".".join(base) if node.level else ""
            name = ".".join(p for p in (prefix, node.module or "") if p)
            found |= {name} | {f"{name}.{alias.name}" for alias in node.names}
    return found


def _imported_parts(part: str) -> set[str]:
    own = PARTS[part]
    return {
        other
        for path in own.rglob("*.py")
        if _part(_module(path)) == part
        for name in _imported(path)
        if (other := _part(name)) is not None and other != part
    }


@pytest.mark.parametrize("part", PARTS)
def test_no_part_imports_a_higher_one(part: str) -> None:
    imported = _imported_parts(part)
    assert imported <= ALLOWED[part], f"{part} imports {sorted(imported - ALLOWED[part])}"


def test_the_rule_sees_relative_imports_and_the_application_layer() -> None:
    jobs = PARTS["jobs"] / "run.py"
    assert _module(jobs) == "skifte.contracts.jobs.run"
    assert "skifte.contracts.runner" in _imported(jobs)
    assert _part("skifte.contracts.jobs.matrix") == "jobs"
    assert _part("skifte.contracts.matrix") == "contracts"
    assert "contracts" in _imported_parts("jobs") and "jobs" in _imported_parts("cli")


def _raw_reads(source: str) -> list[int]:
    """Lines that read an attribute named `raw` or `_raw` (a schema's node as written)."""
    return sorted(
        node.lineno
        for node in ast.walk(ast.parse(source))
        if isinstance(node, ast.Attribute) and node.attr in ("raw", "_raw")
    )


def test_only_the_model_of_the_api_reads_a_schema_as_written() -> None:
    others = ("spec", "registry", "generator", "diff", "testenv", "contracts", "cli")
    folders = [PARTS[part] for part in others] + [PROJECT / "bench"]
    readers = [
        f"{path.relative_to(PROJECT)}:{line}"
        for folder in folders
        for path in sorted(folder.rglob("*.py"))
        for line in _raw_reads(path.read_text(encoding="utf-8"))
    ]
    assert not readers, f"only {PARTS['api'].relative_to(PROJECT)} reads `raw`: {readers}"


def test_the_raw_rule_sees_a_read() -> None:
    assert _raw_reads("x = 1\nkey = id(schema.raw)\n") == [2]
    assert _raw_reads("shape = schema._raw.get('type')\n") == [1]
    assert _raw_reads("raw = schema.keyword('type')\n") == []
