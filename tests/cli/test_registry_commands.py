"""The registry commands as a user runs them: messages, exit statuses, JSON."""

from __future__ import annotations

import json
from pathlib import Path

from typer.testing import CliRunner

from skifte.cli import app
from tests.conftest import minimal_spec, snapshot, write_yaml

runner = CliRunner()


def _run(*args: str) -> tuple[int, str, str]:
    result = runner.invoke(app, list(args))
    return result.exit_code, result.stdout, result.stderr


def test_import_then_releases_json(tmp_path: Path, spec_file: Path) -> None:
    registry = str(tmp_path / "reg")
    code, _, err = _run("import", str(spec_file), "--api", "proeve", "--registry", registry)
    assert code == 0, err
    assert "imported proeve@1.0.0" in err
    code, out, _ = _run("releases", "--json", "--registry", registry)
    assert code == 0
    (row,) = json.loads(out)
    assert row["api"] == "proeve" and row["version"] == "1.0.0" and row["operations"] == 1
    assert len(row["sha256"]) == 64


def test_reimport_says_nothing_to_do(tmp_path: Path, spec_file: Path) -> None:
    registry = str(tmp_path / "reg")
    _run("import", str(spec_file), "--api", "proeve", "--registry", registry)
    code, _, err = _run("import", str(spec_file), "--api", "proeve", "--registry", registry)
    assert code == 0
    assert "identical content: nothing to do" in err


def test_conflict_exits_1_and_bad_spec_exits_2(tmp_path: Path, spec_file: Path) -> None:
    registry = tmp_path / "reg"
    _run("import", str(spec_file), "--api", "proeve", "--registry", str(registry))
    before = snapshot(registry)
    changed = write_yaml(tmp_path / "changed.txt", minimal_spec(description="ny"))
    code, _, err = _run("import", str(changed), "--api", "proeve", "--registry", str(registry))
    assert code == 1
    assert "immutable" in err
    broken = tmp_path / "broken.txt"
    broken.write_text("swagger: '2.0'\n", encoding="utf-8")
    code, _, err = _run("import", str(broken), "--api", "proeve", "--registry", str(registry))
    assert code == 2
    assert str(broken) in err and "Swagger 2.0" in err
    assert "Traceback" not in err
    assert snapshot(registry) == before


def test_export_writes_the_stored_bytes(tmp_path: Path, spec_file: Path) -> None:
    registry = str(tmp_path / "reg")
    _run("import", str(spec_file), "--api", "proeve", "--registry", registry)
    target = tmp_path / "export.txt"
    code, _, _ = _run("export", "proeve@1.0.0", "--out", str(target), "--registry", registry)
    assert code == 0
    assert target.read_bytes() == spec_file.read_bytes()


def test_unknown_api_is_unusable_input(tmp_path: Path, spec_file: Path) -> None:
    registry = str(tmp_path / "reg")
    _run("import", str(spec_file), "--api", "proeve", "--registry", registry)
    code, _, err = _run("releases", "--api", "nope", "--registry", registry)
    assert code == 2
    assert "no releases of API 'nope'" in err and "known: proeve" in err


def test_verify_fails_on_a_tampered_release(tmp_path: Path, spec_file: Path) -> None:
    registry = tmp_path / "reg"
    _run("import", str(spec_file), "--api", "proeve", "--registry", str(registry))
    code, out, _ = _run("verify", "--registry", str(registry))
    assert code == 0 and "proeve" in out
    spec = registry / "proeve" / "1.0.0" / "openapi.yaml"
    spec.write_text(
        spec.read_text(encoding="utf-8").replace("getTing", "hentTing"), encoding="utf-8"
    )
    code, _, err = _run("verify", "--registry", str(registry))
    assert code == 1
    assert "was changed after import" in err
