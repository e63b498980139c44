"""State: it survives restarts, loses no concurrent write, knows who created what, resets."""

from __future__ import annotations

import json
import threading
from pathlib import Path

import httpx

from skifte.testenv.app import TestEnvironment
from skifte.testenv.environment import announce_wipe, create_environment, wipe_and_reseed
from skifte.testenv.server import running
from tests.testenv.conftest import Session, credentials, in_process, settings, token

KRAV = {"kravtype": "LAAN", "beloeb": 100.0, "kreditor": {"navn": "Fiktiv Bank A/S"}}


def _estate(session: Session) -> str:
    response = session.http.post("/doedsbojournaler", json={}, headers=session.headers)
    return str(response.json()[0]["doedsbojournalId"])


def _create(http: httpx.Client, headers: dict[str, str], estate: str, key: str) -> httpx.Response:
    return http.post(
        f"/doedsbojournaler/{estate}/krav", json=KRAV, headers={**headers, "Idempotency-Key": key}
    )


def test_seed_is_fictitious_and_complete(session: Session) -> None:
    estates = session.http.post(
        "/doedsbojournaler", json={}, params={"size": 100}, headers=session.headers
    )
    assert estates.headers["X-Total-Count"] == "50"
    from skifte.identifiers import is_fictitious_cpr, is_fictitious_cvr

    cprs = [e["afdoede"]["cprNummer"] for e in estates.json()]
    assert len(set(cprs)) == 50 and all(is_fictitious_cpr(c) for c in cprs)
    cases = session.http.get(
        "/tvangsoploesningssager", params={"size": 100}, headers=session.headers
    )
    assert cases.headers["X-Total-Count"] == "20"
    cvrs = [c["virksomhed"]["cvrNummer"] for c in cases.json()]
    assert all(is_fictitious_cvr(c) for c in cvrs)
    claims = session.http.get(
        f"/doedsbojournaler/{estates.json()[0]['doedsbojournalId']}/krav", headers=session.headers
    )
    assert int(claims.headers["X-Total-Count"]) >= 1


def test_restart_keeps_data(certs: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    first = create_environment(settings(certs, data))
    with in_process(first) as http:
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        session = Session(http, headers)
        estate = _estate(session)
        created = _create(http, headers, estate, "restart-1").json()
    first.store.close()
    second = create_environment(settings(certs, data))
    with in_process(second) as http:
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        again = http.get(f"/doedsbojournaler/{estate}/krav/{created['kravId']}", headers=headers)
    assert again.status_code == 200
    assert again.json()["beloeb"] == 100.0


def test_eight_concurrent_writers_lose_nothing(certs: Path, tmp_path: Path) -> None:
    environment = create_environment(settings(certs, tmp_path / "data", rate=0))
    writers, each = 8, 200
    with running(environment) as server, httpx.Client(base_url=server.base_url) as setup:
        clients = [{"Authorization": f"Bearer {token(setup, certs, n)}"} for n in (1, 2, 3)]
        estate = _estate(Session(setup, clients[0]))

        def filed() -> int:
            """The claims every client has filed in the estate: each sees only its own."""
            lists = [setup.get(f"/doedsbojournaler/{estate}/krav", headers=h) for h in clients]
            return sum(int(listed.headers["X-Total-Count"]) for listed in lists)

        before = filed()
        failures: list[int] = []

        def write(n: int) -> None:
            with httpx.Client(base_url=server.base_url, timeout=30) as http:
                mine = {"Authorization": f"Bearer {token(http, certs, 1 + n % 3)}"}
                for i in range(each):
                    response = _create(http, mine, estate, f"w{n}-{i}")
                    if response.status_code != 201:
                        failures.append(response.status_code)

        threads = [threading.Thread(target=write, args=(n,)) for n in range(writers)]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join()
        after = filed()
    assert failures == []
    assert after == before + writers * each


def test_only_the_creator_may_see_or_change_a_record(
    environment: TestEnvironment, certs: Path
) -> None:
    with in_process(environment) as http:
        owner = {"Authorization": f"Bearer {token(http, certs, 1)}"}
        other = {"Authorization": f"Bearer {token(http, certs, 2)}"}
        estate = _estate(Session(http, owner))
        krav = _create(http, owner, estate, "own-1").json()
        url = f"/doedsbojournaler/{estate}/krav/{krav['kravId']}"
        assert http.get(url, headers=other).status_code == 404  # not the other's to see
        changed = {**KRAV, "beloeb": 1.0}
        refused = http.put(url, json=changed, headers=other)
        assert refused.status_code == 403 and refused.json()["fejlkode"] == "IKKE_TILLADT"
        assert http.delete(url, headers=other).status_code == 403
        assert http.get(url, headers=owner).json()["beloeb"] == 100.0
        assert http.put(url, json=changed, headers=owner).status_code == 200
        assert http.delete(url, headers=owner).status_code == 204
        assert http.get(url, headers=owner).status_code == 404


def test_idempotency_key_returns_the_first_record(session: Session) -> None:
    estate = _estate(session)
    first = _create(session.http, session.headers, estate, "same-key")
    second = _create(session.http, session.headers, estate, "same-key")
    assert first.json()["kravId"] == second.json()["kravId"]
    assert second.headers["Location"] == first.headers["Location"]
    other = session.http.post(
        f"/doedsbojournaler/{estate}/krav",
        json={**KRAV, "beloeb": 999.0},
        headers={**session.headers, "Idempotency-Key": "same-key"},
    )
    assert other.status_code == 409 and other.json()["felt"] == "Idempotency-Key"


def test_invalid_requests_get_400_naming_the_field(session: Session) -> None:
    estate = _estate(session)
    bad = {**KRAV, "beloeb": "mange penge"}
    response = _create(session.http, session.headers, estate, "bad-1")
    assert response.status_code == 201
    response = session.http.post(
        f"/doedsbojournaler/{estate}/krav",
        json=bad,
        headers={**session.headers, "Idempotency-Key": "bad-2"},
    )
    assert response.status_code == 400
    assert response.json()["felt"] == "beloeb"
    missing = session.http.post(
        f"/doedsbojournaler/{estate}/krav", json=KRAV, headers=session.headers
    )
    assert missing.status_code == 400 and missing.json()["felt"] == "Idempotency-Key"
    paged = session.http.get(
        f"/doedsbojournaler/{estate}/krav", params={"size": 0}, headers=session.headers
    )
    assert paged.status_code == 400 and paged.json()["felt"] == "size"
    not_pdf = session.http.post(
        f"/doedsbojournaler/{estate}/bilag",
        files={"fil": ("x.txt", b"not a pdf", "text/plain")},
        headers={**session.headers, "Idempotency-Key": "pdf-1"},
    )
    assert not_pdf.status_code == 400 and not_pdf.json()["felt"] == "fil"


def test_a_repeated_query_parameter_counts_by_the_value_validation_checked(
    session: Session,
) -> None:
    estate = _estate(session)
    for n in range(3):
        _create(session.http, session.headers, estate, f"rep-{n}")
    paged = session.http.get(
        f"/doedsbojournaler/{estate}/krav?size=2&size=false", headers=session.headers
    )
    assert paged.status_code == 200 and len(paged.json()) == 2
    refused = session.http.get(
        f"/doedsbojournaler/{estate}/krav?size=false&size=2", headers=session.headers
    )
    assert refused.status_code == 400 and refused.json()["felt"] == "size"
    # A parameter the release does not declare is ignored, as that release would.
    unknown = session.http.get(
        f"/doedsbojournaler/{estate}/krav?size=2&ukendt=x", headers=session.headers
    )
    assert unknown.status_code == 200 and unknown.json() == paged.json()
    # So is a search field it does not declare.
    everything = session.http.post("/doedsbojournaler", json={}, headers=session.headers)
    ignored = session.http.post(
        "/doedsbojournaler", json={"ukendtFelt": "x"}, headers=session.headers
    )
    assert ignored.status_code == 200 and ignored.json() == everything.json() != []


def test_unknown_ids_and_methods(session: Session) -> None:
    missing = session.http.get(
        "/doedsbojournaler/00000000-0000-4000-8000-000000000000", headers=session.headers
    )
    assert missing.status_code == 404
    wrong = session.http.patch(f"/doedsbojournaler/{_estate(session)}", headers=session.headers)
    assert wrong.status_code == 405 and wrong.headers["Allow"] == "GET"


def test_reset_with_notice_announces_and_now_reseeds_identically(
    environment: TestEnvironment, certs: Path
) -> None:
    with in_process(environment) as http:
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        before = http.post(
            "/doedsbojournaler", json={}, params={"size": 100}, headers=headers
        ).json()
        estate = before[0]["doedsbojournalId"]
        _create(http, headers, estate, "reset-1")
        notice = announce_wipe(environment.store, 7)
        status = http.get("/status").json()
        assert status["notice"] == notice
        announced = http.get(f"/doedsbojournaler/{estate}", headers=headers)
        assert announced.headers["X-Testmiljoe-Nulstilles"] == notice["wipe_after"]
        wipe_and_reseed(environment)
        assert http.get(f"/doedsbojournaler/{estate}", headers=headers).status_code == 401
        headers = {"Authorization": f"Bearer {token(http, certs)}"}
        after = http.post(
            "/doedsbojournaler", json={}, params={"size": 100}, headers=headers
        ).json()
        claims = http.get(f"/doedsbojournaler/{estate}/krav", headers=headers)
        assert "X-Testmiljoe-Nulstilles" not in claims.headers
    assert json.dumps(after, sort_keys=True) == json.dumps(before, sort_keys=True)
    assert all(c["kravtype"] != "LAAN" or c["beloeb"] != 100.0 for c in claims.json())


def test_credentials_file_matches_the_server_record(certs: Path) -> None:
    client_id, secret = credentials(certs, 2)
    assert client_id == "testklient-02" and len(secret) >= 40
    assert secret not in (certs / "clients.json").read_text(encoding="utf-8")


def test_malformed_multipart_gets_400_not_500(session: Session) -> None:
    estate = _estate(session)
    broken = session.http.post(
        f"/doedsbojournaler/{estate}/bilag",
        content=b"--x\r\nContent-Disposition: form-data\r\n\r\nno name\r\n--x--\r\n",
        headers={
            **session.headers,
            "Idempotency-Key": "mp-1",
            "Content-Type": "multipart/form-data; boundary=x",
        },
    )
    assert broken.status_code == 400
    token = session.http.post(
        "/oauth2/token",
        content=b"--y\r\n\r\n",
        headers={"Content-Type": "multipart/form-data; boundary=y"},
    )
    assert token.status_code in (400, 401)
