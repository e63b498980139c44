"""`skifte release` on a new doedsbo release with a known break: every step, then again."""

from __future__ import annotations

import gc
import json
import shutil
from pathlib import Path
from typing import Any

import pytest
import yaml
from typer.testing import CliRunner

from skifte.cli import app
from skifte.registry import read_changelog
from tests.conftest import PROJECT_REGISTRY, minimal_spec, snapshot
from tests.release.publisher import running_publisher

runner = CliRunner()
REMOVED = "GET /doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag"
"""1.4.0 drops the claim's documents listing, deprecated since 1.2.0 (use listBilag)."""
HIT = "skifteportal_doedsbo_v1_3_0.client.Client.list_krav_bilag"
STEPS = ("import", "diff", "generate", "contract", "summary")


def _new_release(folder: Path) -> Path:
    """doedsbo 1.4.0: 1.3.0 without listKravBilag, as the programme would publish it."""
    spec: dict[str, Any] = yaml.safe_load(
        (PROJECT_REGISTRY / "doedsbo/1.3.0/openapi.yaml").read_text(encoding="utf-8")
    )
    spec["info"]["version"] = "1.4.0"
    del spec["paths"]["/doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag"]
    path = folder / "doedsbojournal-dist-oas-version-140.txt"
    path.write_text(yaml.safe_dump(spec, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return path


@pytest.fixture
def workspace(tmp_path: Path, certs: Path, monkeypatch: pytest.MonkeyPatch) -> dict[str, Path]:
    for name in ("SKIFTE_CLIENT_ID", "SKIFTE_CLIENT_SECRET", "SKIFTE_PAA_VEGNE_AF"):
        monkeypatch.delenv(name, raising=False)
    registry = tmp_path / "specs"
    shutil.copytree(PROJECT_REGISTRY / "doedsbo", registry / "doedsbo")
    return {
        "registry": registry,
        "packages": tmp_path / "generated",
        "reports": tmp_path / "reports",
        "certs": certs,
        "spec": _new_release(tmp_path),
    }


def _release(
    place: dict[str, Path], *more: str, source: str | None = None, api: str = "doedsbo"
) -> tuple[int, str]:
    args = [
        "release",
        source or str(place["spec"]),
        "--api",
        api,
        "--registry",
        str(place["registry"]),
        "--out",
        str(place["packages"]),
        "--report-dir",
        str(place["reports"]),
        "--certs",
        str(place["certs"]),
        "--quiet",
        *more,
    ]
    result = runner.invoke(app, args)
    return result.exit_code, result.stderr


def _snapshots(place: dict[str, Path]) -> dict[str, dict[str, bytes]]:
    """Every folder of the workspace, as files and content."""
    # The commands ran in this process: the stand-in's database connections from the
    # contract runs close (and fold SQLite's write-ahead log into the database) when
    # they are collected, which must not happen between two snapshots.
    gc.collect()
    return {name: snapshot(folder) for name, folder in place.items() if folder.is_dir()}


def _without_lock(files: dict[str, bytes]) -> dict[str, bytes]:
    """The registry's lock file, empty, is the one file every import may leave."""
    assert files.pop(".lock", b"") == b""
    return files


def _step_lines(err: str) -> dict[str, str]:
    return {
        line.split(":", 1)[0]: line.split(":", 2)[1].strip()
        for line in err.splitlines()
        if line.split(":", 1)[0] in STEPS
    }


def test_a_new_release_end_to_end_then_again(workspace: dict[str, Path]) -> None:
    code, err = _release(workspace)
    assert code == 1, err  # a breaking change, and --fail-on breaking is the default
    assert _step_lines(err) == dict.fromkeys(STEPS, "done")
    assert "doedsbo@1.4.0: 1 breaking change(s) from doedsbo@1.3.0 (--fail-on breaking)" in err

    release = workspace["registry"] / "doedsbo/1.4.0"
    assert json.loads((release / "release.json").read_text(encoding="utf-8"))["version"] == "1.4.0"
    package = workspace["packages"] / "skifteportal-doedsbo-v1_4_0"
    client = (package / "skifteportal_doedsbo_v1_4_0/client.py").read_text(encoding="utf-8")
    assert "def list_bilag(" in client and "def list_krav_bilag(" not in client

    folder = workspace["reports"] / "releases/doedsbo-1.4.0"
    assert sorted(p.name for p in folder.iterdir() if p.is_file()) == [
        "changelog-entry.md",
        "contract.json",
        "diff.json",
        "diff.md",
        "summary.json",
        "summary.md",
    ]
    diff = json.loads((folder / "diff.json").read_text(encoding="utf-8"))
    assert (diff["base"], diff["revision"], diff["breaking"]) == (
        "doedsbo@1.3.0",
        "doedsbo@1.4.0",
        1,
    )

    contract = json.loads((folder / "contract.json").read_text(encoding="utf-8"))
    cell = contract["cell"]
    assert (contract["client"], contract["environment"]) == ("doedsbo@1.3.0", "doedsbo@1.4.0")
    assert (cell["client"], cell["environment"]) == ("1.3.0", "1.4.0")
    # The old clients' calls of the removed listing fail against the new behaviour, as
    # the diff predicted, and nothing else fails unexplained.
    assert cell["predicted"] == [REMOVED]
    assert REMOVED in cell["explained"] and cell["not_observed"] == []
    assert cell["unexplained"] == [] and cell["errors"] == []
    for run_id in cell["run_id"].split(", "):
        assert (folder / "matrix" / run_id / "report.json").is_file()

    summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
    assert summary["release"] == "doedsbo@1.4.0" and summary["previous"] == "doedsbo@1.3.0"
    assert (summary["breaking"], summary["warning"], summary["info"]) == (1, 0, 0)
    (broken,) = summary["breaks"]
    assert broken["id"] == "operation-removed" and broken["operation"] == REMOVED
    assert summary["symbols"] == [
        {"symbol": HIT, "level": "breaking", "changes": ["operation-removed"]}
    ]
    assert summary["contract"]["agrees"] and not summary["contract"]["passed"]
    assert summary["package"] == {
        "import": "skifteportal_doedsbo_v1_4_0",
        "distribution": "skifteportal-doedsbo-v1_4_0",
    }
    markdown = (folder / "summary.md").read_text(encoding="utf-8")
    assert "# Release doedsbo 1.4.0 (from 1.3.0)" in markdown
    assert f"`{REMOVED}`" in markdown and f"`{HIT}`" in markdown
    assert "The deprecated operation GET" in markdown and "was removed" in markdown

    # The draft entry reads as a section of the registry's changelog.
    entry = (folder / "changelog-entry.md").read_text(encoding="utf-8")
    assert entry in markdown
    changelog = workspace["registry"] / "doedsbo/CHANGELOG.md"
    changelog.write_text(changelog.read_text(encoding="utf-8") + "\n" + entry, encoding="utf-8")
    (row,) = [e for e in read_changelog(changelog) if e.version == "1.4.0"]
    assert (row.base, row.level, row.id, row.operations) == (
        "1.3.0",
        "breaking",
        "operation-removed",
        ("listKravBilag",),
    )
    changelog.write_text(
        (PROJECT_REGISTRY / "doedsbo/CHANGELOG.md").read_text(encoding="utf-8"), encoding="utf-8"
    )

    # Again: every step finds its work done, and nothing changes.
    before = _snapshots(workspace)
    code, err = _release(workspace)
    assert code == 1, err
    assert _step_lines(err) == dict.fromkeys(STEPS, "already done")
    assert "nothing to do: every step was already done" in err
    assert _snapshots(workspace) == before

    # Resumed: a step whose output is gone does its work again, and only that step.
    shutil.rmtree(package)
    (folder / "summary.md").unlink()
    code, err = _release(workspace, "--fail-on", "never")
    assert code == 0, err  # the same release, judged with --fail-on never
    assert _step_lines(err) == {
        "import": "already done",
        "diff": "already done",
        "generate": "done",
        "contract": "already done",
        "summary": "done",
    }
    assert _snapshots(workspace) == before


def test_a_changed_file_under_the_new_version_is_refused_and_nothing_is_written(
    workspace: dict[str, Path], tmp_path: Path
) -> None:
    spec = workspace["spec"]
    spec.write_text(spec.read_text(encoding="utf-8").replace("1.4.0", "1.3.0", 1), encoding="utf-8")
    before = snapshot(workspace["registry"])
    code, err = _release(workspace)
    assert code == 1  # refused, as `skifte import` refuses it
    assert "doedsbo@1.3.0 is already in the registry with different content" in err
    assert _without_lock(snapshot(workspace["registry"])) == before
    assert not workspace["reports"].exists() and not workspace["packages"].exists()


def test_an_invalid_spec_is_the_imports_own_error(workspace: dict[str, Path]) -> None:
    workspace["spec"].write_text(
        "swagger: '2.0'\ninfo: {title: x, version: '9'}\n", encoding="utf-8"
    )
    before = snapshot(workspace["registry"])
    code, err = _release(workspace)
    assert code == 2
    assert str(workspace["spec"]) in err and "Swagger 2.0" in err
    assert _without_lock(snapshot(workspace["registry"])) == before
    assert not workspace["reports"].exists() and not workspace["packages"].exists()


def test_a_first_release_from_a_url_has_nothing_to_compare(workspace: dict[str, Path]) -> None:
    # No contract step runs, so no stand-in credentials are asked for (or made).
    workspace["certs"] = workspace["registry"].parent / "certs-never-made"
    body = yaml.safe_dump(minimal_spec(), allow_unicode=True, sort_keys=False).encode("utf-8")
    with running_publisher() as publisher:
        url = publisher.publish("/proeve-oas.txt", body, etag='"1"')
        code, err = _release(workspace, source=url, api="proeve")
        assert code == 0, err
        assert _step_lines(err) == {
            "import": "done",
            "diff": "skipped",
            "generate": "done",
            "contract": "skipped",
            "summary": "done",
        }
        folder = workspace["reports"] / "releases/proeve-1.0.0"
        summary = json.loads((folder / "summary.json").read_text(encoding="utf-8"))
        assert summary["previous"] is None and summary["contract"] is None
        assert (workspace["packages"] / "skifteportal-proeve-v1_0_0").is_dir()
        before = snapshot(workspace["reports"])
        code, err = _release(workspace, source=url, api="proeve")
        assert code == 0, err
        assert publisher.requests[-1]["if-none-match"] == '"1"'
        assert "import: already done: proeve@1.0.0 from" in err and "(not modified)" in err
        assert "nothing to do" in err
        assert snapshot(workspace["reports"]) == before
        assert not workspace["certs"].exists()
