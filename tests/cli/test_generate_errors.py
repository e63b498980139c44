"""`skifte generate` when something goes wrong: one line naming the file, the step and
the place in the spec, the documented exit status, and nothing half-written."""

from __future__ import annotations

import errno
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.generator import Job, run
from tests.conftest import minimal_spec, snapshot, write_yaml

runner = CliRunner()

POINTER = "#/components/schemas/ting/properties/format"

# Run the real command in its own process, with one generation step sabotaged first, so
# that whatever reaches the terminal is what a user would see (worker processes fork
# from this one and inherit the sabotage).
_SABOTAGED = """
import os, sys
from skifte.generator import build
from skifte.generator.models_module import ModelsError

def models_with_pointer(document, target):
    error = ModelsError("datamodel-code-generator failed: cannot resolve the schema")
    error.pointer = {pointer!r}
    raise error

def models_with_bug(document, target):
    {{}}[{{"format": "email"}}]  # TypeError: unhashable type: 'dict'

def worker_dies(document, target):
    os._exit(9)

build.models_file = {{"pointer": models_with_pointer, "bug": models_with_bug,
                      "dies": worker_dies}}[sys.argv[1]]
from skifte.cli import main
sys.argv = ["skifte", *sys.argv[2:]]
main()
"""


def _generate_with(sabotage: str, *args: str) -> subprocess.CompletedProcess[str]:
    script = _SABOTAGED.format(pointer=POINTER)
    return subprocess.run(
        [sys.executable, "-c", script, sabotage, "generate", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={"COLUMNS": "400", "PATH": "/usr/bin:/bin", "NO_COLOR": "1"},
    )


@pytest.fixture
def spec(tmp_path: Path) -> Path:
    return write_yaml(tmp_path / "proeve.yaml", minimal_spec())


def test_a_failing_models_step_names_file_step_and_pointer_in_one_line(
    spec: Path, tmp_path: Path
) -> None:
    result = _generate_with("pointer", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = [text for text in result.stderr.splitlines() if text.strip()]
    assert line.startswith("failed")
    assert f"proeve.yaml: generating models.py at {POINTER}: " in line
    assert "cannot resolve the schema" in line
    assert "skifte generate" not in result.stderr  # no advice about generated/ for a file
    assert not (tmp_path / "out").exists()


def test_an_unexpected_error_in_a_worker_is_one_line_with_its_type(
    spec: Path, tmp_path: Path
) -> None:
    result = _generate_with("bug", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = [text for text in result.stderr.splitlines() if text.strip()]
    assert "proeve.yaml: generating models.py: TypeError: unhashable type: 'dict'" in line


def test_a_worker_process_that_dies_is_reported_not_raised(spec: Path, tmp_path: Path) -> None:
    result = _generate_with("dies", str(spec), "--out", str(tmp_path / "out"))
    assert result.returncode == 1, result.stderr
    assert "Traceback" not in result.stderr and "BrokenProcessPool" not in result.stderr
    assert "proeve.yaml: generation: a worker process stopped unexpectedly" in result.stderr
    assert not (tmp_path / "out").exists()


def test_the_same_failure_without_worker_processes(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from skifte.generator import build

    def broken(*args: object) -> None:
        raise KeyError("components")

    monkeypatch.setattr(build, "package_files", broken)
    (outcome,) = run([Job(spec=spec, source=spec.name)], tmp_path / "out", workers=1)
    assert outcome.status == "failed" and not outcome.unusable
    assert outcome.detail == ["generating the client files: KeyError: 'components'"]


def test_an_unusable_spec_file_exits_2_naming_the_file_and_place(tmp_path: Path) -> None:
    broken = tmp_path / "swagger.yaml"
    broken.write_text("swagger: '2.0'\ninfo: {title: x, version: '1'}\n", encoding="utf-8")
    result = runner.invoke(app, ["generate", str(broken), "--out", str(tmp_path / "out")])
    assert result.exit_code == 2, result.stderr
    assert "swagger.yaml: reading: Swagger 2.0" in result.stderr
    assert "#/swagger" in result.stderr
    assert "skifte generate" not in result.stderr
    assert not (tmp_path / "out").exists()


def test_stale_spec_file_advice_is_not_about_generated(spec: Path, tmp_path: Path) -> None:
    out = tmp_path / "out"
    assert runner.invoke(app, ["generate", str(spec), "--out", str(out)]).exit_code == 0
    (readme,) = out.glob("*/README.md")
    readme.write_text("edited\n", encoding="utf-8")
    result = runner.invoke(app, ["generate", str(spec), "--out", str(out), "--check"])
    assert result.exit_code == 1
    assert "README.md" in result.stderr
    assert "run the same command without --check" in result.stderr
    assert "generated/" not in result.stderr


def test_stale_registry_release_advises_skifte_generate(spec: Path, tmp_path: Path) -> None:
    registry, out = str(tmp_path / "reg"), tmp_path / "out"
    assert runner.invoke(app, ["import", str(spec), "--api", "proeve", "--registry", registry])
    assert (
        runner.invoke(app, ["generate", "--registry", registry, "--out", str(out)]).exit_code == 0
    )
    (readme,) = out.glob("*/README.md")
    readme.write_text("edited\n", encoding="utf-8")
    args = ["generate", "--registry", registry, "--out", str(out), "--check"]
    result = runner.invoke(app, args)
    assert result.exit_code == 1
    assert f"run `skifte generate --out {out}` to update them" in result.stderr


def test_output_under_a_regular_file_is_one_line_exit_2(spec: Path, tmp_path: Path) -> None:
    # Root ignores permission bits, so a chmod'ed folder would not fail here; the kernel
    # refuses a folder inside a regular file to everyone (ENOTDIR).
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("keep me\n", encoding="utf-8")
    before = snapshot(tmp_path)
    result = _generate_with("bug", str(spec), "--out", str(blocker / "sub"))
    assert result.returncode == 2, result.stderr
    assert "Traceback" not in result.stderr
    (line,) = [text for text in result.stderr.splitlines() if text.strip()]
    assert line == f"error: cannot write to {blocker / 'sub'}: {blocker} is a file, not a folder"
    assert snapshot(tmp_path) == before


def test_an_unwritable_output_folder_fails_before_generating(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # What a read-only file system answers, whoever asks.
    def read_only(*args: object, **kwargs: object) -> str:
        raise OSError(errno.EROFS, "Read-only file system")

    monkeypatch.setattr(tempfile, "mkdtemp", read_only)
    out = tmp_path / "out"
    out.mkdir()
    result = runner.invoke(app, ["generate", str(spec), "--out", str(out)])
    assert result.exit_code == 2
    assert f"cannot write to {out}: Read-only file system ({out})" in result.stderr
    assert list(out.iterdir()) == []


def test_a_write_that_fails_midway_leaves_the_old_package(
    spec: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    out = tmp_path / "out"
    (first,) = run([Job(spec=spec, source=spec.name)], out)
    assert first.status == "written"
    before = snapshot(out)
    real_write = Path.write_text
    calls = []

    def disk_full(self: Path, *args: object, **kwargs: object) -> int:
        calls.append(self)
        if len(calls) > 2:
            raise OSError(errno.ENOSPC, "No space left on device", str(self))
        return real_write(self, *args, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(Path, "write_text", disk_full)
    (again,) = run([Job(spec=spec, source=spec.name)], out, force=True, workers=1)
    assert again.status == "failed"
    assert again.detail[0].startswith("writing: No space left on device: ")
    assert snapshot(out) == before
