"""The upgrade check run as `skifte upgrade-check` runs it, with one mypy cache per session."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from typer.testing import CliRunner, Result

from skifte.cli import app

PROJECTS = Path(__file__).parent / "projects"
_MARK = re.compile(r"#\s*(breaks|behaves):\s*([\w-]+)")


@pytest.fixture(scope="session")
def cache(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("upgrade-cache")


def run_check(cache: Path, *args: str) -> Result:
    return CliRunner().invoke(app, ["upgrade-check", "--cache", str(cache), *args])


def marked(project: Path) -> dict[str, set[tuple[str, int, str]]]:
    """The places a sample project's comments promise: `# breaks: ID`, `# behaves: ID`."""
    found: dict[str, set[tuple[str, int, str]]] = {"breaks": set(), "behaves": set()}
    for path in sorted(project.rglob("*.py")):
        lines = path.read_text(encoding="utf-8").splitlines()
        for number, line in enumerate(lines, start=1):
            for kind, change in _MARK.findall(line):
                found[kind].add((path.relative_to(project).as_posix(), number, change))
    return found
