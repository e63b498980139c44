"""A fault aimed at an operation the stand-in does not serve is refused at the command line:
it would never fire, and the run would seem to test a failure it never met."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from skifte.api import build_api
from skifte.registry import Registry
from tests.conftest import PROJECT_REGISTRY

CONTRACT_RUN = ["contract", "run", "--api", "doedsbo", "--report-dir", "{tmp}/reports", "--dry-run"]
SERVE = ["testenv", "serve", "--data", "{tmp}/data", "--certs", "{tmp}/certs", "--port", "0"]


def _skifte(tmp_path: Path, *arguments: str) -> subprocess.CompletedProcess[str]:
    """The command as a user runs it; the folder it is pointed at must stay empty."""
    command = [part.format(tmp=tmp_path) for part in arguments]
    finished = subprocess.run(
        [sys.executable, "-m", "skifte.cli", *command, "--registry", str(PROJECT_REGISTRY)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert "Traceback" not in finished.stderr
    return finished


def _refused(tmp_path: Path, *arguments: str) -> str:
    finished = _skifte(tmp_path, *arguments)
    assert finished.returncode == 2, finished.stderr
    assert list(tmp_path.iterdir()) == []  # nothing started, nothing written
    return " ".join(finished.stderr.split())  # rich wraps long lines


@pytest.mark.parametrize(
    ("command", "served"),
    [(CONTRACT_RUN, "doedsbo@1.3.0"), (SERVE, "doedsbo@1.3.0 or tvangsoploesning@1.1.0")],
    ids=["contract run", "testenv serve"],
)
def test_a_mistyped_operation_id_is_refused_with_the_closest_ones(
    command: list[str], served: str, tmp_path: Path
) -> None:
    message = _refused(tmp_path, *command, "--fault", "server-error:getKrv")
    assert (
        f"error: --fault server-error:getKrv: no operation 'getKrv' in {served}, so the fault "
        "would never fire; did you mean getKrav or " in message
    )


def test_an_id_that_differs_in_case_is_offered_first(tmp_path: Path) -> None:
    message = _refused(tmp_path, *SERVE, "--fault", "slow-response:getsag")
    assert "no operation 'getsag' in doedsbo@1.3.0 or tvangsoploesning@1.1.0" in message
    assert "did you mean getSag" in message


def test_an_id_like_none_lists_every_operation_served(tmp_path: Path) -> None:
    message = _refused(tmp_path, *SERVE, "--api", "doedsbo@1.0.0", "--fault", "server-error:zzz")
    served = [
        op.operation_id
        for ref in ("doedsbo@1.0.0", "tvangsoploesning@1.1.0")
        for op in build_api(Registry(PROJECT_REGISTRY).resolve(ref).read()).operations
    ]
    assert "no operation 'zzz' in doedsbo@1.0.0 or tvangsoploesning@1.1.0" in message
    assert "known operationIds: " + ", ".join(sorted(set(map(str, served)))) in message


def test_a_contract_run_counts_only_the_tested_api(tmp_path: Path) -> None:
    """getSag is the dissolution API's: a run of the estate API never calls it."""
    message = _refused(tmp_path, *CONTRACT_RUN, "--fault", "server-error:getSag")
    assert "no operation 'getSag' in doedsbo@1.3.0, so the fault would never fire" in message


def test_the_behaviour_served_decides_not_the_spec_published(tmp_path: Path) -> None:
    """Behaving as 1.0.0, the stand-in has no inquiries, whatever 1.3.0 publishes."""
    message = _refused(
        tmp_path,
        *CONTRACT_RUN,
        "--behave-as",
        "doedsbo@1.0.0",
        "--fault",
        "server-error:listForespoergsler",
    )
    assert "no operation 'listForespoergsler' in doedsbo@1.0.0" in message


def test_an_operation_served_is_taken(tmp_path: Path) -> None:
    finished = _skifte(tmp_path, *CONTRACT_RUN, "--fault", "server-error:getKrav")
    assert finished.returncode == 0, finished.stderr
    assert "operations: 29 of doedsbo@1.3.0; nothing was sent" in finished.stderr
