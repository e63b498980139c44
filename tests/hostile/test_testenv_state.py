"""The stand-in's state and authorisation, attacked: a reset that must reach a running
server, one organisation reading another's records, acting for a liquidator one does
not act for, and a broken or mistyped state folder.

Cross-client tests use two real client certificates over mutual TLS.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import httpx
import pytest
from typer.testing import CliRunner

from skifte.cli import app
from skifte.testenv.environment import create_environment
from skifte.testenv.server import free_port
from skifte.testenv.store import DATABASE_FILE, Store
from tests.conftest import PROJECT_REGISTRY
from tests.testenv import test_security
from tests.testenv.conftest import settings, token
from tests.testenv.test_security import Served, _tls_client

tls = test_security.tls  # the stand-in over mutual TLS, as the security tests serve it

CLAIM = {"kravtype": "LAAN", "beloeb": 100.0, "kreditor": {"navn": "Fiktiv Bank A/S"}}
PDF = b"%PDF-1.4\n% fiktivt bilag\n1 0 obj << /Type /Page >> endobj\ntrailer <<>>\n%%EOF\n"
CASES = "/tvangsoploesningssager"


def _bearer(http: httpx.Client, certs: Path, n: int) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(http, certs, n)}"}


def _skifte(*args: str) -> subprocess.CompletedProcess[str]:
    """The command line in a process of its own, as a user runs it beside a server."""
    return subprocess.run(
        [sys.executable, "-m", "skifte.cli", *args],
        capture_output=True,
        text=True,
        timeout=300,
        env={**os.environ},
        check=False,
    )


def test_a_reset_from_another_process_reaches_the_running_server(
    tls: Served, certs: Path, tmp_path: Path
) -> None:
    server, environment = tls
    data = environment.store.path.parent
    common = ["--certs", str(certs), "--data", str(data), "--registry", str(PROJECT_REGISTRY)]
    with _tls_client(server, certs, 1) as http:
        before = _bearer(http, certs, 1)
        assert http.get(CASES, headers=before).status_code == 200
        announced = _skifte("testenv", "reset", "--notice", "7", *common)
        assert announced.returncode == 0, announced.stderr
        assert "X-Testmiljoe-Nulstilles" in http.get(CASES, headers=before).headers
        wiped = _skifte("testenv", "reset", "--now", *common)
        assert wiped.returncode == 0, wiped.stderr
        refused = http.get(CASES, headers=before)
        assert refused.status_code == 401
        assert "was reset" in refused.headers["WWW-Authenticate"]
        assert "X-Testmiljoe-Nulstilles" not in refused.headers
        after = http.get(CASES, headers=_bearer(http, certs, 1))
    assert after.status_code == 200 and after.headers["X-Total-Count"] == "20"


def test_an_organisation_sees_only_its_own_records(tls: Served, certs: Path) -> None:
    server, _ = tls
    with _tls_client(server, certs, 1) as first, _tls_client(server, certs, 2) as second:
        mine, theirs = _bearer(first, certs, 1), _bearer(second, certs, 2)
        estates = first.post("/doedsbojournaler", json={}, params={"size": 100}, headers=mine)
        estate = estates.json()[0]["doedsbojournalId"]
        claims = f"/doedsbojournaler/{estate}/krav"
        seeded_mine = {c["kravId"] for c in first.get(claims, headers=mine).json()}
        seeded_theirs = {c["kravId"] for c in second.get(claims, headers=theirs).json()}
        assert seeded_mine and seeded_theirs and not seeded_mine & seeded_theirs
        filed = first.post(claims, json=CLAIM, headers={**mine, "Idempotency-Key": "iso-1"})
        assert filed.status_code == 201
        claim = f"{claims}/{filed.json()['kravId']}"
        uploaded = first.post(
            f"/doedsbojournaler/{estate}/bilag",
            data={"relation": filed.json()["kravId"]},
            files={"fil": ("bilag.pdf", PDF, "application/pdf")},
            headers={**mine, "Idempotency-Key": "iso-2"},
        )
        assert uploaded.status_code == 201, uploaded.text
        document = f"/doedsbojournaler/{estate}/bilag/{uploaded.json()['bilagId']}"
        # The filer sees all of it.
        assert first.get(claim, headers=mine).status_code == 200
        assert first.get(f"{document}/indhold", headers=mine).content == PDF
        # Another organisation sees none of it, in lists or at its own address.
        assert filed.json()["kravId"] not in {
            c["kravId"] for c in second.get(claims, headers=theirs).json()
        }
        listed = second.get(f"/doedsbojournaler/{estate}/bilag", headers=theirs).json()
        assert uploaded.json()["bilagId"] not in {b["bilagId"] for b in listed}
        assert second.get(claim, headers=theirs).status_code == 404
        assert second.get(document, headers=theirs).status_code == 404
        assert second.get(f"{document}/indhold", headers=theirs).status_code == 404
        assert second.get(f"{claim}/bilag", headers=theirs).status_code == 404
        # The court's records stay public.
        assert second.get(f"/doedsbojournaler/{estate}", headers=theirs).status_code == 200
        assert second.get(CASES, headers=theirs).headers["X-Total-Count"] == "20"


def test_only_the_cases_own_liquidator_takes_positions(tls: Served, certs: Path) -> None:
    server, _ = tls
    with _tls_client(server, certs, 1) as first, _tls_client(server, certs, 2) as second:
        liquidator, creditor = _bearer(first, certs, 1), _bearer(second, certs, 2)
        cases = first.get(CASES, params={"size": 100}, headers=liquidator).json()
        # The seed appoints the registered clients' liquidators in turn: 01, 02, 03, 01, ...
        case, other_case = cases[0]["sagId"], cases[1]["sagId"]
        filed = second.post(
            f"{CASES}/{case}/krav", json=CLAIM, headers={**creditor, "Idempotency-Key": "pos-1"}
        )
        assert filed.status_code == 201, filed.text
        position = f"{CASES}/{case}/likvidator/anmeldte-krav/{filed.json()['kravId']}/stillingtagen"
        taken = {"stillingtagen": "AFVIST", "begrundelse": "Fiktiv begrundelse."}
        # The creditor may not take a position on its own claim: not for its own
        # liquidator (not appointed in the case), nor for the case's (not its own).
        for named in ("LIK-testklient-02", "LIK-testklient-01"):
            refused = second.put(
                position, json=taken, headers={**creditor, "X-Paa-Vegne-Af": named}
            )
            assert refused.status_code == 403, refused.text
            assert refused.json()["felt"] == "X-Paa-Vegne-Af"
        acting = {**liquidator, "X-Paa-Vegne-Af": "LIK-testklient-01"}
        # The case's liquidator reads every creditor's claims and takes the position.
        listed = first.get(f"{CASES}/{case}/likvidator/anmeldte-krav", headers=acting).json()
        assert filed.json()["kravId"] in {c["kravId"] for c in listed}
        assert first.put(position, json=taken, headers=acting).status_code == 200
        assert first.get(position, headers=acting).json()["stillingtagen"] == "AFVIST"
        peek = second.get(position, headers={**creditor, "X-Paa-Vegne-Af": "LIK-testklient-01"})
        assert peek.status_code == 403
        # In a case where another organisation's liquidator is appointed, it may not act.
        elsewhere = first.get(f"{CASES}/{other_case}/likvidator/opgoerelse", headers=acting)
        assert elsewhere.status_code == 403


def test_a_release_without_the_header_means_the_cases_liquidator(
    certs: Path, tmp_path: Path
) -> None:
    from tests.testenv.conftest import in_process

    environment = create_environment(
        settings(certs, tmp_path / "data", apis=("tvangsoploesning@1.0.0",))
    )
    with in_process(environment) as http:
        first, second = _bearer(http, certs, 1), _bearer(http, certs, 2)
        case = http.get(CASES, headers=first).json()[0]["sagId"]
        claims = f"{CASES}/{case}/likvidator/anmeldte-krav"
        assert http.get(claims, headers=first).status_code == 200
        assert http.get(claims, headers=second).status_code == 403


runner = CliRunner()


def _cli(*args: str) -> tuple[int, str]:
    result = runner.invoke(app, list(args))
    assert not isinstance(result.exception, Exception) or isinstance(
        result.exception, SystemExit
    ), result.exception
    return result.exit_code, result.output + result.stderr


def test_a_broken_or_mistyped_state_folder_is_explained_with_a_way_out(
    certs: Path, tmp_path: Path
) -> None:
    common = ["--certs", str(certs), "--registry", str(PROJECT_REGISTRY)]
    # --data naming a file: said so, for serve and reset alike, and the file is untouched.
    a_file = tmp_path / "testenv.sqlite3"
    a_file.write_bytes(b"mine")
    for command in (["serve", "--port", str(free_port())], ["reset", "--now"]):
        status, said = _cli("testenv", *command, *common, "--data", str(a_file))
        assert status == 2 and "is a file, not a state folder" in said
        assert "Traceback" not in said and a_file.read_bytes() == b"mine"
    # A mistyped folder: reset creates nothing.
    typo = tmp_path / "dta"
    for command in (["reset", "--now"], ["reset", "--notice", "7"]):
        status, said = _cli("testenv", *command, *common, "--data", str(typo))
        assert status == 2 and "no test environment state" in said and not typo.exists()
    # A corrupt database: what is wrong, and how to recover, in one line each time.
    broken = tmp_path / "broken"
    broken.mkdir()
    garbage = b"SQLite format 3\x00" + bytes(range(256)) * 16
    (broken / DATABASE_FILE).write_bytes(garbage)
    # serve binds its port first: a free one, so the database is what it trips over.
    serve = ["serve", "--port", str(free_port())]
    for command in (serve, ["reset", "--now"], ["reset", "--notice", "7"]):
        status, said = _cli("testenv", *command, *common, "--data", str(broken))
        assert status == 2 and "not a usable database" in said, said
        assert "reset --now --force" in said and "Traceback" not in said
    assert (broken / DATABASE_FILE).read_bytes() == garbage
    status, said = _cli("testenv", "reset", "--now", "--force", *common, "--data", str(broken))
    assert status == 0, said
    kept = [p for p in broken.iterdir() if p.name.startswith(DATABASE_FILE + ".broken-")]
    assert len(kept) == 1 and kept[0].read_bytes() == garbage
    store = Store(broken, create=False)
    assert store.count() > 0
    store.close()
    # A notice needs a number of days that makes sense.
    for days in ("0", "-3", "366", "many"):
        status, said = _cli("testenv", "reset", "--notice", days, *common, "--data", str(broken))
        assert status == 2, (days, said)


@pytest.mark.parametrize("flag", ["--notice", "--now"])
def test_force_goes_only_with_now(flag: str, certs: Path, tmp_path: Path) -> None:
    Store(tmp_path / "data").close()
    args = [flag, "3"] if flag == "--notice" else [flag]
    status, said = _cli(
        "testenv",
        "reset",
        *args,
        "--force",
        "--certs",
        str(certs),
        "--data",
        str(tmp_path / "data"),
        "--registry",
        str(PROJECT_REGISTRY),
    )
    assert (
        (status == 2 and "--force goes with --now" in said) if flag == "--notice" else status == 0
    )
