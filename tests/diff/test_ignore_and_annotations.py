"""`skifte diff --ignore FILE` and `--format githubactions`, run as users run them."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from tests.conftest import PROJECT_REGISTRY, write_yaml
from tests.diff.conftest import CORPUS, run_command

REGISTRY = ("--registry", str(PROJECT_REGISTRY))
RELEASES = ("doedsbo@1.2.0", "doedsbo@1.3.0", *REGISTRY)


def _report(*args: str) -> dict[str, Any]:
    result = run_command("diff", *args, "--format", "json", "--fail-on", "never")
    assert result.exit_code == 0, result.stderr
    report: dict[str, Any] = json.loads(result.stdout)
    return report


def _keys(report: dict[str, Any]) -> set[tuple[str, str]]:
    return {(c["id"], c["operation"]) for c in report["changes"]}


def test_every_change_carries_the_reference_ids() -> None:
    changes = _report(*RELEASES)["changes"]
    assert changes and all(isinstance(c["oasdiff"], list) for c in changes)
    ids = {i for c in changes for i in c["oasdiff"]}
    assert "response-required-property-removed" in ids
    assert "new-required-request-property" in ids


def test_an_ignore_file_with_our_ids_and_the_reference_ids(tmp_path: Path) -> None:
    full = _report(*RELEASES)
    bilag = "GET /doedsbojournaler/{doedsbojournalId}/bilag/{bilagId}"
    forespoergsel = "POST /doedsbojournaler/{doedsbojournalId}/forespoergsler"
    assert ("response-required-property-removed", bilag) in _keys(full)
    assert ("request-required-property-added", forespoergsel) in _keys(full)
    accepted = tmp_path / "accepted.md"
    accepted.write_text(
        "# Accepted in 1.3.0\n"
        "\n"
        f"- 2026-11-29 response-required-property-removed {bilag} (page count dropped)\n"
        f"- post {forespoergsel[5:]} NEW-REQUIRED-REQUEST-PROPERTY: the court needs a reason\n",
        encoding="utf-8",
    )
    result = run_command("diff", *RELEASES, "--format", "json", "--ignore", str(accepted))
    assert result.exit_code == 1, result.stderr
    kept = json.loads(result.stdout)
    assert _keys(full) - _keys(kept) == {
        ("response-required-property-removed", bilag),
        ("request-required-property-added", forespoergsel),
    }
    assert kept["breaking"] == full["breaking"] - 2
    assert "ignored 2 change(s)" in result.stderr


def test_ignoring_every_breaking_change_passes_the_build(tmp_path: Path) -> None:
    """An ignore list written from the report itself: `oasdiff id` and operation per line."""
    full = _report(*RELEASES)
    breaking = [c for c in full["changes"] if c["level"] == "breaking"]
    assert breaking
    accepted = tmp_path / "accepted.txt"
    accepted.write_text(
        "".join(f"{c['oasdiff'][0]} {c['operation']}\n" for c in breaking), encoding="utf-8"
    )
    result = run_command("diff", *RELEASES, "--ignore", str(accepted))
    assert result.exit_code == 0, result.stdout + result.stderr
    assert f"0 breaking, {full['warning']} warning, {full['info']} info" in result.stdout


def test_an_ignore_line_names_its_operation(tmp_path: Path) -> None:
    """The same id for another operation ignores nothing, and says so."""
    folder = CORPUS / "response-required-property-removed"
    accepted = tmp_path / "accepted.txt"
    accepted.write_text("response-required-property-removed GET /andet\n", encoding="utf-8")
    args = (str(folder / "base.yaml"), str(folder / "revision.yaml"))
    result = run_command("diff", *args, "--ignore", str(accepted))
    assert result.exit_code == 1
    assert "1 breaking" in result.stdout
    assert "accepted.txt:1: matches no change" in result.stderr


def test_a_line_without_operation_ignores_document_wide_changes(tmp_path: Path) -> None:
    folder = CORPUS / "server-removed"
    args = (str(folder / "base.yaml"), str(folder / "revision.yaml"), "--fail-on", "warning")
    accepted = tmp_path / "accepted.txt"
    accepted.write_text("server-removed\n", encoding="utf-8")
    assert run_command("diff", *args).exit_code == 1
    assert run_command("diff", *args, "--ignore", str(accepted)).exit_code == 0


def test_a_line_naming_no_id_is_refused(tmp_path: Path) -> None:
    """A description (the reference's other way to name a change) cannot match ours."""
    accepted = tmp_path / "accepted.txt"
    accepted.write_text(
        "response-required-property-removed GET /x\nGET /x removed the success response\n",
        encoding="utf-8",
    )
    result = run_command("diff", *RELEASES, "--ignore", str(accepted))
    assert result.exit_code == 2
    assert "line 2: names no rule id" in result.stderr and "line 1" not in result.stderr
    assert result.stdout == ""


def test_a_line_naming_only_unknown_ids_is_reported(tmp_path: Path) -> None:
    folder = CORPUS / "response-required-property-removed"
    accepted = tmp_path / "accepted.txt"
    accepted.write_text(
        "- 2026-11-29 respons-required-property-removed GET /ting/{tingId}\n", encoding="utf-8"
    )
    args = (str(folder / "base.yaml"), str(folder / "revision.yaml"))
    result = run_command("diff", *args, "--ignore", str(accepted))
    assert result.exit_code == 1
    assert "accepted.txt:1: names no rule skifte reports" in result.stderr


def test_an_unreadable_ignore_file_exits_2(tmp_path: Path) -> None:
    for path in (tmp_path / "missing.txt", tmp_path):
        result = run_command("diff", *RELEASES, "--ignore", str(path))
        assert result.exit_code == 2
        assert "cannot read the ignore file" in result.stderr
        assert "Traceback" not in result.stderr


def test_github_annotations_point_at_the_revision_line() -> None:
    folder = CORPUS / "response-property-added"
    revision = folder / "revision.yaml"
    result = run_command(
        "diff", str(folder / "base.yaml"), str(revision), "--format", "githubactions"
    )
    assert result.exit_code == 0
    (line,) = result.stdout.splitlines()
    head, _, message = line.partition("::")[2].partition("::")
    command, _, properties = head.partition(" ")
    fields = dict(p.split("=", 1) for p in properties.split(","))
    assert command == "notice"
    assert Path(fields["file"]).resolve() == revision.resolve()
    number = int(fields["line"])
    assert revision.read_text(encoding="utf-8").splitlines()[number - 1].strip() == "farve:"
    assert fields["title"] == "response-property-added (info)"
    assert message == "GET /ting/{tingId}: New response property ting.farve."


def test_github_annotations_are_escaped_and_graded(tmp_path: Path) -> None:
    def spec(pattern: str) -> dict[str, Any]:
        parameter = {"name": "q", "in": "query", "schema": {"type": "string", "pattern": pattern}}
        get = {
            "operationId": "find",
            "parameters": [parameter],
            "responses": {"200": {"description": "ok"}},
        }
        return {
            "openapi": "3.0.3",
            "info": {"title": "T", "version": "1"},
            "paths": {"/f": {"get": get}},
        }

    base = write_yaml(tmp_path / "a,b.yaml", spec("^[a-z]+$"))
    revision = write_yaml(tmp_path / "c,d.yaml", spec("^[a-z%]+$"))
    result = run_command("diff", str(base), str(revision), "--format", "githubactions")
    assert result.exit_code == 0  # a changed pattern is a warning
    (line,) = result.stdout.splitlines()
    assert line.startswith("::warning file=")
    assert "c%2Cd.yaml" in line and "title=parameter-pattern-changed (warning)" in line
    assert line.endswith("to ^[a-z%25]+$.")
