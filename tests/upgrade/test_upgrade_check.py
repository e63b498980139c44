"""`skifte upgrade-check` on sample integrator projects written for doedsbo 1.2.0."""

from __future__ import annotations

import json
import xml.etree.ElementTree as ET
from pathlib import Path
from typing import Any

import pytest

from tests.upgrade.conftest import PROJECTS, marked, run_check

BREAKING = PROJECTS / "breaking"
SURVIVING = PROJECTS / "surviving"
MOVE = ("--from", "doedsbo@1.2.0", "--to", "doedsbo@1.3.0")


def _report(cache: Path, project: Path, *extra: str) -> tuple[int, dict[str, Any]]:
    result = run_check(cache, "--code", str(project), *MOVE, "--format", "json", *extra)
    assert result.exit_code in (0, 1), result.output
    return result.exit_code, json.loads(result.stdout)


def _places(report: dict[str, Any], verdict: str) -> set[tuple[str, int, str]]:
    return {
        (place["path"], place["line"], change["id"])
        for place in report["places"]
        if place["verdict"] == verdict
        for change in place["changes"]
    }


def test_the_breaking_project_lists_exactly_the_places_that_break(cache: Path) -> None:
    status, report = _report(cache, BREAKING)
    expected = marked(BREAKING)
    assert status == 1
    assert _places(report, "breaks") == expected["breaks"]
    assert _places(report, "behaves differently") == expected["behaves"]
    assert report["unexplained"] == 0
    assert report["breaks"] == len({(p, line) for p, line, _ in expected["breaks"]})


def test_each_break_names_the_symbol_and_what_mypy_says(cache: Path) -> None:
    _, report = _report(cache, BREAKING)
    at = {(p["path"], p["line"]): p for p in report["places"]}
    documents = at["estate_sync/documents.py", 9]
    assert documents["symbols"] == ["skifteportal_doedsbo_v1_2_0.models.Bilag.antal_sider"]
    assert '"Bilag" has no attribute "antal_sider"' in documents["errors"][0]["message"]
    assert documents["changes"][0]["target"] == "bilag.antalSider"
    assert "getBilag" in documents["changes"][0]["operations"]
    # A read through a variable is followed to the field it came from.
    total = at["estate_sync/receivables.py", 22]
    assert total["symbols"] == ["skifteportal_doedsbo_v1_2_0.models.Tilgodehavende.beloeb"]
    # A warning-level rename that no longer type-checks is a break for this code.
    contacts = at["estate_sync/contacts.py", 12]
    assert (contacts["verdict"], contacts["level"]) == ("breaks", "breaking")
    assert contacts["changes"][0]["level"] == "warning"


def test_the_surviving_project_exits_0_and_names_what_reaches_it(cache: Path) -> None:
    status, report = _report(cache, SURVIVING)
    assert status == 0
    assert _places(report, "breaks") == set()
    assert _places(report, "behaves differently") == marked(SURVIVING)["behaves"]
    assert [p["level"] for p in report["places"]] == ["info"]


@pytest.mark.parametrize("project", [BREAKING, SURVIVING], ids=["breaking", "surviving"])
def test_the_samples_are_sound_on_their_own_release(cache: Path, project: Path) -> None:
    result = run_check(
        cache, "--code", str(project), "--from", "doedsbo@1.2.0", "--to", "doedsbo@1.2.0"
    )
    assert result.exit_code == 0, result.output
    assert "0 places break, 0 behave differently, 0 other type errors" in result.stdout


def test_fail_on_sets_the_exit_status(cache: Path) -> None:
    never = run_check(cache, "--code", str(BREAKING), *MOVE, "--fail-on", "never")
    assert never.exit_code == 0
    assert "6 places break" in never.stdout
    warning = run_check(cache, "--code", str(SURVIVING), *MOVE, "--fail-on", "warning")
    assert warning.exit_code == 0  # the one place is info


def test_junit_has_a_failure_per_breaking_place(cache: Path) -> None:
    result = run_check(cache, "--code", str(BREAKING), *MOVE, "--format", "junit")
    suites = ET.fromstring(result.stdout)
    cases = suites.findall(".//testcase")
    failed = [c for c in cases if c.find("failure") is not None]
    _, report = _report(cache, BREAKING)
    breaking = [p for p in report["places"] if p["level"] == "breaking"]
    assert len(failed) == len(breaking) == int(suites.get("failures", "-1"))
    assert {(c.get("file"), c.get("line")) for c in failed} == {
        (p["path"], str(p["line"])) for p in breaking
    }


def test_markdown_has_a_row_per_place(cache: Path) -> None:
    result = run_check(cache, "--code", str(BREAKING), *MOVE, "--format", "markdown")
    for path, line, _ in marked(BREAKING)["breaks"] | marked(BREAKING)["behaves"]:
        assert f"| `{path}:{line}` |" in result.stdout
    assert result.stdout.startswith("## Upgrade check: doedsbo@1.2.0 → doedsbo@1.3.0")


def test_a_type_error_no_change_explains_is_listed_apart(cache: Path, tmp_path: Path) -> None:
    (tmp_path / "app.py").write_text(
        "from skifteportal_doedsbo_v1_2_0 import Client\n"
        "\n"
        "count: int = 'many'\n"
        "\n"
        "def court(client: Client) -> int:\n"
        "    return client.get_bo('x').skifteret\n",
        encoding="utf-8",
    )
    status, report = _report(cache, tmp_path)
    assert status == 0
    assert [(p["path"], p["line"], p["verdict"]) for p in report["places"]] == [
        ("app.py", 3, "unexplained"),
        ("app.py", 6, "unexplained"),
    ]
    assert report["places"][1]["symbols"] == [
        "skifteportal_doedsbo_v1_2_0.client.Client.get_bo",
        "skifteportal_doedsbo_v1_2_0.models.Doedsbojournal.skifteret",
    ]
    assert run_check(cache, "--code", str(tmp_path), *MOVE, "--fail-on", "warning").exit_code == 1


def test_github_annotations_point_at_the_lines_from_the_working_folder(cache: Path) -> None:
    result = run_check(cache, "--code", str(BREAKING), *MOVE, "--format", "githubactions")
    commands = result.stdout.splitlines()
    expected = marked(BREAKING)
    assert len(commands) == len({(p, n) for p, n, _ in expected["breaks"] | expected["behaves"]})
    first = commands[0]
    assert first.startswith(f"::error file={BREAKING.as_posix()}/estate_sync/contacts.py,line=12,")
    assert (
        "title=breaks on doedsbo@1.3.0::mypy%3A" not in first
    )  # `:` is escaped only in properties
    assert "::mypy: " in first and "%0Aproperty-renamed (warning" in first


def test_a_narrowed_enum_breaks_its_member_and_reaches_the_reads(
    cache: Path, tmp_path: Path
) -> None:
    """doedsbo 1.2.0 dropped the claim type ANDET: sending it breaks, reading the type
    still type-checks but will never see it again."""
    (tmp_path / "claims.py").write_text(
        "from skifteportal_doedsbo_v1_1_0 import Client\n"
        "from skifteportal_doedsbo_v1_1_0.models import KravDataKravtype\n"
        "\n"
        "def other(client: Client, estate: str) -> list[str]:\n"
        "    kinds = [k.kravtype for k in client.list_krav(estate)]\n"
        "    return [str(k) for k in kinds if isinstance(k, KravDataKravtype)]\n"
        "\n"
        "FALLBACK = KravDataKravtype.ANDET\n",
        encoding="utf-8",
    )
    result = run_check(
        cache,
        "--code",
        str(tmp_path),
        "--from",
        "doedsbo@1.1.0",
        "--to",
        "doedsbo@1.2.0",
        "--format",
        "json",
    )
    report = json.loads(result.stdout)
    found = {(p["line"], p["verdict"], c["id"]) for p in report["places"] for c in p["changes"]}
    assert found == {
        (5, "behaves differently", "response-enum-value-removed"),
        (8, "breaks", "request-enum-value-removed"),
        (8, "breaks", "response-enum-value-removed"),
    }
    assert result.exit_code == 1
