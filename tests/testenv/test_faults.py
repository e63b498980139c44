"""Every named fault commits the violation it names, and only where it is aimed."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from skifte.api import build_api
from skifte.cli import app
from skifte.registry import Registry
from skifte.testenv.environment import create_environment
from skifte.testenv.faults import FAULTS, SLOW_SECONDS, UNDECLARED, ActiveFault
from tests.conftest import PROJECT_REGISTRY
from tests.testenv.conftest import ResponseChecker, in_process, settings, token

SPEC = Registry(PROJECT_REGISTRY).resolve("tvangsoploesning").read()
PATH = "/tvangsoploesningssager"


def _get(certs: Path, tmp_path: Path, fault: str) -> tuple[httpx.Response, httpx.Response]:
    """The case list and the first case, from a stand-in committing `fault`."""
    faults = (ActiveFault.parse(fault),)
    environment = create_environment(settings(certs, tmp_path / "data", faults=faults))
    with in_process(environment) as http:
        bearer = {"Authorization": f"Bearer {token(http, certs)}"}
        cases = http.get(PATH, headers=bearer)
        first = json.loads(cases.content)[0]["sagId"] if cases.status_code == 200 else "x"
        case = http.get(f"{PATH}/{first}", headers=bearer)
    return cases, case


def test_drop_required_property(certs: Path, tmp_path: Path) -> None:
    cases, case = _get(certs, tmp_path, "drop-required-property:getSag")
    assert ResponseChecker(SPEC.data).problems(PATH, cases) == []
    problems = ResponseChecker(SPEC.data).problems(PATH + "/{sagId}", case)
    assert problems and "required" in " ".join(problems)


def test_undeclared_enum_value(certs: Path, tmp_path: Path) -> None:
    _, case = _get(certs, tmp_path, "undeclared-enum-value:getSag")
    assert UNDECLARED in case.text
    assert ResponseChecker(SPEC.data).problems(PATH + "/{sagId}", case)


def test_wrong_content_type(certs: Path, tmp_path: Path) -> None:
    cases, _ = _get(certs, tmp_path, "wrong-content-type")
    assert cases.headers["content-type"].startswith("text/plain")


def test_server_error_only_on_its_target(certs: Path, tmp_path: Path) -> None:
    cases, case = _get(certs, tmp_path, "server-error:getSag")
    assert cases.status_code == 200
    assert case is not None and case.status_code == 500


def test_missing_total_count(certs: Path, tmp_path: Path) -> None:
    cases, _ = _get(certs, tmp_path, "missing-total-count")
    assert cases.status_code == 200 and "x-total-count" not in cases.headers
    declared = build_api(SPEC).operation("searchSager").response("200")
    assert declared is not None and "X-Total-Count" in {h.name for h in declared.headers}


def test_slow_response(certs: Path, tmp_path: Path) -> None:
    import time

    start = time.monotonic()
    cases, _ = _get(certs, tmp_path, "slow-response:searchSager")
    assert cases.status_code == 200 and time.monotonic() - start >= SLOW_SECONDS


def test_every_fault_is_listed_with_its_check() -> None:
    result = CliRunner().invoke(app, ["testenv", "faults", "--json"])
    listed = json.loads(result.stdout)
    assert [f["name"] for f in listed] == [f.name for f in FAULTS]
    assert all(set(f) == {"name", "description", "check"} for f in listed)
    assert len({f.name for f in FAULTS}) == 6


def test_unknown_fault_is_refused() -> None:
    with pytest.raises(ValueError, match="unknown fault 'melt'"):
        ActiveFault.parse("melt")


@pytest.mark.parametrize(
    "command",
    [
        ["contract", "run", "--api", "doedsbo", "--report-dir", "{tmp}/reports"],
        ["testenv", "serve", "--data", "{tmp}/data", "--certs", "{tmp}/certs", "--port", "0"],
    ],
    ids=["contract run", "testenv serve"],
)
def test_an_unknown_fault_ends_the_command_with_the_known_ones(
    command: list[str], tmp_path: Path
) -> None:
    arguments = [part.format(tmp=tmp_path) for part in command]
    arguments += ["--fault", "server-error:getSag", "--fault", "bogus:getSag"]
    arguments += ["--registry", str(PROJECT_REGISTRY)]
    finished = subprocess.run(
        [sys.executable, "-m", "skifte.cli", *arguments],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert finished.returncode == 2, finished.stderr
    assert "Traceback" not in finished.stderr
    assert "unknown fault 'bogus'; known faults:" in finished.stderr
    assert all(fault.name in finished.stderr for fault in FAULTS)
    assert list(tmp_path.iterdir()) == []  # nothing started, nothing written


def test_behave_as_serves_one_release_and_publishes_another(certs: Path, tmp_path: Path) -> None:
    environment = create_environment(
        settings(certs, tmp_path / "data", apis=("doedsbo@1.2.0",), behave_as=("doedsbo@1.3.0",))
    )
    with in_process(environment) as http:
        published = http.get("/openapi/doedsbo.yaml")
        assert "version: 1.2.0" in published.text
        bearer = {"Authorization": f"Bearer {token(http, certs)}"}
        estate = http.post("/doedsbojournaler", json={}, headers=bearer).json()[0]
    assert "bobestyrer" in estate and "kontaktperson" not in estate  # 1.3.0's rename
    old = build_api(Registry(PROJECT_REGISTRY).release("doedsbo", "1.2.0").read())
    assert "kontaktperson" in old.schemas["doedsbojournal"].properties
