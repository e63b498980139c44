"""`skifte diff` and `skifte changelog` as users run them: output, exit statuses, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import PROJECT_REGISTRY
from tests.diff.conftest import CORPUS, run_command

REGISTRY = ("--registry", str(PROJECT_REGISTRY))
BREAKING = CORPUS / "response-required-property-removed"
WARNING = CORPUS / "response-enum-value-added"
INFO = CORPUS / "response-property-added"
QUIET = CORPUS / "no-change-descriptions"


def _files(folder: Path) -> tuple[str, str]:
    return str(folder / "base.yaml"), str(folder / "revision.yaml")


def test_registry_releases_in_json() -> None:
    result = run_command("diff", "doedsbo@1.2.0", "doedsbo@1.3.0", "--format", "json", *REGISTRY)
    assert result.exit_code == 1, result.stderr
    report = json.loads(result.stdout)
    assert (report["base"], report["revision"]) == ("doedsbo@1.2.0", "doedsbo@1.3.0")
    removed = [c for c in report["changes"] if c["operationId"] == "getBilag"]
    assert removed == [
        {
            "id": "response-required-property-removed",
            "level": "breaking",
            "operation": "GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}",
            "operationId": "getBilag",
            "pointer": "#/paths/~1doedsbojournaler~1{doedsbojournalId}~1bilag~1{bilagId}/get"
            "/responses/200/content/application~1json/schema/properties/antalSider",
            "message": "The required response property bilag.antalSider was removed.",
            "affects": ["skifteportal_doedsbo_v1_2_0.models.Bilag.antal_sider"],
            "oasdiff": ["response-required-property-removed"],
        }
    ]


@pytest.mark.parametrize(
    "folder,fail_on,status",
    [
        (BREAKING, "breaking", 1),
        (WARNING, "breaking", 0),
        (WARNING, "warning", 1),
        (INFO, "warning", 0),
        (BREAKING, "never", 0),
        (QUIET, "warning", 0),
    ],
)
def test_exit_status_follows_fail_on(folder: Path, fail_on: str, status: int) -> None:
    result = run_command("diff", *_files(folder), "--fail-on", fail_on)
    assert result.exit_code == status, result.stdout + result.stderr


def test_default_is_text_failing_on_breaking() -> None:
    result = run_command("diff", *_files(BREAKING))
    assert result.exit_code == 1
    assert "1 breaking, 0 warning, 0 info" in result.stdout
    assert "response-required-property-removed" in result.stdout
    assert "affects korpus_v1_0_0.models.Ting.navn" in result.stdout


def test_files_are_named_from_the_base_title() -> None:
    result = run_command("diff", *_files(BREAKING), "--format", "json")
    (change,) = json.loads(result.stdout)["changes"]
    assert change["affects"] == ["korpus_v1_0_0.models.Ting.navn"]


@pytest.mark.parametrize(
    "args,words",
    [
        (("missing.yaml", str(INFO / "base.yaml")), ["missing.yaml", "no such file"]),
        (("doedsbo@9.9.9", "doedsbo@1.3.0", *REGISTRY), ["no release doedsbo@9.9.9"]),
        (("ukendt@1.0.0", "doedsbo@1.3.0", *REGISTRY), ["ukendt"]),
    ],
)
def test_unusable_input_exits_2_with_a_message(args: tuple[str, ...], words: list[str]) -> None:
    result = run_command("diff", *args)
    assert result.exit_code == 2
    assert all(word in result.stderr for word in words), result.stderr
    assert "Traceback" not in result.stderr and result.stdout == ""


def test_a_file_that_is_no_openapi_document_exits_2(tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text("swagger: '2.0'\ninfo: {title: x, version: '1'}\n", encoding="utf-8")
    result = run_command("diff", str(broken), str(INFO / "base.yaml"))
    assert result.exit_code == 2
    assert "Swagger 2.0" in result.stderr


def test_an_unknown_format_is_a_usage_error() -> None:
    result = run_command("diff", *_files(INFO), "--format", "yaml")
    assert result.exit_code == 2


def test_every_format_renders() -> None:
    for name in ("text", "markdown", "json", "junit", "githubactions"):
        result = run_command("diff", *_files(BREAKING), "--format", name, "--fail-on", "never")
        assert result.exit_code == 0, name
        assert "ting.navn" in result.stdout or "Ting.navn" in result.stdout, name


def test_changelog_command_prints_markdown() -> None:
    result = run_command("changelog", "--api", "tvangsoploesning", *REGISTRY)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# Changelog: tvangsoploesning")
    assert "## 1.1.0 (from 1.0.0)" in result.stdout


def test_changelog_of_an_unknown_api_exits_2() -> None:
    result = run_command("changelog", "--api", "ukendt", *REGISTRY)
    assert result.exit_code == 2
    assert "ukendt" in result.stderr
