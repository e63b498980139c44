"""The CI examples in ci/: valid for their CI system, and every skifte command they run exists.

The schemas are check-jsonschema's own copies (vendored in the package); the tests
point every proxy at a closed port, so a schema that needed the network would fail.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from importlib.resources import files
from pathlib import Path
from typing import Any

import pytest
import typer.main
import yaml

from skifte.cli import app
from tests.ci.invocations import Invocation, invocations
from tests.conftest import PROJECT

CI = PROJECT / "ci"
SCHEMAS = {
    "github-actions.yml": "vendor.github-workflows",
    "gitlab-ci.yml": "vendor.gitlab-ci",
    "gitlab-matrix.yml": "vendor.gitlab-ci",
    "gitlab-setup.yml": "vendor.gitlab-ci",
}
OFFLINE = {
    **os.environ,
    "HTTP_PROXY": "http://127.0.0.1:9",
    "HTTPS_PROXY": "http://127.0.0.1:9",
    "http_proxy": "http://127.0.0.1:9",
    "https_proxy": "http://127.0.0.1:9",
    "NO_PROXY": "",
}


def check_jsonschema(schema: str, path: Path) -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "check_jsonschema", "--builtin-schema", schema, str(path)]
    return subprocess.run(command, capture_output=True, text=True, env=OFFLINE, check=False)


def test_every_ci_file_is_known() -> None:
    assert sorted(p.name for p in CI.glob("*.yml")) == sorted(SCHEMAS)


def test_the_schemas_ship_with_check_jsonschema() -> None:
    vendor = files("check_jsonschema") / "builtin_schemas" / "vendor"
    for name in ("github-workflows.json", "gitlab-ci.json"):
        assert json.loads((vendor / name).read_text(encoding="utf-8"))


@pytest.mark.parametrize("name", sorted(SCHEMAS))
def test_the_ci_file_is_valid(name: str) -> None:
    result = check_jsonschema(SCHEMAS[name], CI / name)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.parametrize(
    ("name", "old", "new"),
    [
        ("github-actions.yml", "runs-on: ubuntu-latest", "runs_on: ubuntu-latest"),
        ("gitlab-ci.yml", "when: always", "when: sometimes"),
    ],
)
def test_a_broken_copy_is_refused(tmp_path: Path, name: str, old: str, new: str) -> None:
    """The validation is no formality: one wrong key or value fails it."""
    broken = tmp_path / name
    broken.write_text((CI / name).read_text(encoding="utf-8").replace(old, new, 1))
    assert check_jsonschema(SCHEMAS[name], broken).returncode == 1


# --- every skifte command the files run -------------------------------------------

COMMANDS = [call for name in sorted(SCHEMAS) for call in invocations(CI / name)]


def test_the_files_run_the_whole_release_flow() -> None:
    run = {" ".join(w for w in c.words if not w.startswith(("$", "-"))) for c in COMMANDS}
    for expected in ("fetch", "release", "generate", "diff", "contract run", "contract matrix"):
        assert any(r.startswith(expected) for r in run), expected
    flags = {(c.file, w) for c in COMMANDS for w in c.words}
    for ci in ("github-actions.yml", "gitlab-matrix.yml"):
        assert {(ci, "--cell"), (ci, "--merge")} <= flags
    assert {("github-actions.yml", "--plan"), ("gitlab-ci.yml", "--plan")} <= flags


def _resolved(words: tuple[str, ...]) -> tuple[list[str], Any, list[str]]:
    """The command's path (`contract matrix`), its click command, and the words after it."""
    command: Any = typer.main.get_command(app)
    path: list[str] = []
    rest = list(words)
    while hasattr(command, "commands"):
        assert (
            rest and rest[0] in command.commands
        ), f"no command skifte {' '.join(path + rest[:1])}"
        path.append(rest.pop(0))
        command = command.commands[path[-1]]
    return path, command, rest


@pytest.mark.parametrize("call", COMMANDS, ids=lambda c: f"{c.file}: skifte {' '.join(c.words)}")
def test_the_command_exists_with_its_flags(call: Invocation) -> None:
    path, command, rest = _resolved(call.words)
    shown = subprocess.run(
        [sys.executable, "-m", "skifte.cli", *path, "--help"],
        capture_output=True,
        text=True,
        env={**os.environ, "COLUMNS": "250", "NO_COLOR": "1", "TERM": "dumb"},
        check=False,
    )
    assert shown.returncode == 0, shown.stderr
    options = {opt: param for param in command.params for opt in param.opts + param.secondary_opts}
    for at, word in enumerate(rest):
        if not word.startswith("--"):
            continue
        flag = word.split("=", 1)[0]
        assert flag in options, f"skifte {' '.join(path)} has no {flag} ({call.line})"
        assert re.search(rf"(?<![\w-]){re.escape(flag)}(?![\w-])", shown.stdout), flag
        choices = getattr(options[flag].type, "choices", None)
        value = word.split("=", 1)[1] if "=" in word else (rest[at + 1 : at + 2] or [""])[0]
        if choices and "$" not in value:
            assert value in choices, f"{flag} {value}: not one of {list(choices)} ({call.line})"


# --- the GitLab matrix's child pipeline --------------------------------------------


def _script_of(job: str) -> str:
    config = yaml.safe_load((CI / "gitlab-ci.yml").read_text(encoding="utf-8"))
    return "\n".join(config[job]["script"])


def test_the_child_pipeline_has_a_valid_job_per_cell(tmp_path: Path) -> None:
    # The plan as `skifte contract matrix --plan --format json` prints it.
    cells = [("1.2.0", "1.2.0"), ("1.2.0", "1.3.0"), ("1.3.0", "1.2.0")]
    plan = {
        "include": [
            {"api": "doedsbo", "cell": f"{c}:{e}", "client": c, "environment": e} for c, e in cells
        ]
    }
    (tmp_path / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    generator = re.search(r"python3 - <<'PY'\n(.*?)\nPY", _script_of("matrix-plan"), re.S)
    assert generator is not None
    subprocess.run([sys.executable, "-c", generator.group(1)], cwd=tmp_path, check=True)
    child = tmp_path / "matrix-cells.yml"
    assert check_jsonschema("vendor.gitlab-ci", child).returncode == 0
    jobs = yaml.safe_load(child.read_text(encoding="utf-8"))
    assert jobs.pop("include") == [{"local": "ci/gitlab-matrix.yml"}]
    assert {j["variables"]["SKIFTE_CELL"] for j in jobs.values()} == {f"{c}:{e}" for c, e in cells}
    template = yaml.safe_load((CI / "gitlab-matrix.yml").read_text(encoding="utf-8"))
    assert {j["extends"] for j in jobs.values()} == {".matrix-cell"} <= set(template)
