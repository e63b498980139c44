"""Input the upgrade check cannot use: a clear message and exit 2, nothing checked."""

from __future__ import annotations

import sys
from pathlib import Path
from types import ModuleType

import pytest

from tests.upgrade.conftest import PROJECTS, run_check

SURVIVING = str(PROJECTS / "surviving")


@pytest.mark.parametrize(
    ("arguments", "message"),
    [
        (["--from", "doedsbo@9.9.9", "--to", "doedsbo@1.3.0"], "9.9.9"),
        (["--from", "doedsbo@1.2.0", "--to", "tvangsoploesning@1.1.0"], "other APIs"),
        (["--from", "doedsbo", "--to", "doedsbo@1.3.0"], "api@version"),
    ],
)
def test_releases_that_cannot_be_compared(cache: Path, arguments: list[str], message: str) -> None:
    result = run_check(cache, "--code", SURVIVING, *arguments)
    assert result.exit_code == 2
    assert message in result.output


def _move(cache: Path, code: Path, *extra: str) -> tuple[int, str]:
    result = run_check(
        cache, "--code", str(code), "--from", "doedsbo@1.2.0", "--to", "doedsbo@1.3.0", *extra
    )
    return result.exit_code, " ".join(result.output.split())


def test_a_missing_folder(cache: Path, tmp_path: Path) -> None:
    assert _move(cache, tmp_path / "nowhere") == (
        2,
        f"error: --code {tmp_path}/nowhere: no such folder",
    )


def test_a_folder_without_python(cache: Path, tmp_path: Path) -> None:
    (tmp_path / ".venv").mkdir()
    (tmp_path / ".venv" / "lib.py").write_text("x = 1\n", encoding="utf-8")
    status, output = _move(cache, tmp_path)
    assert (status, "no Python files" in output) == (2, True)


def test_code_that_does_not_parse_names_file_and_line(cache: Path, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text("import skifteportal_doedsbo_v1_2_0\n\ndef (:\n")
    status, output = _move(cache, tmp_path)
    assert status == 2
    assert "app.py:3" in output and "needs code that parses" in output


def test_a_package_neither_generated_nor_installed(
    cache: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Imported by this process (as other tests do) is not installed.
    monkeypatch.setitem(sys.modules, "skifteportal_doedsbo_v1_2_0", ModuleType("imported"))
    status, output = _move(cache, PROJECTS / "surviving", "--generated", str(tmp_path))
    assert status == 2
    assert "skifteportal_doedsbo_v1_2_0 is neither in" in output
    assert "skifte generate" in output
