"""An environment behaving as a release is as that release: its fields, its documents."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

import httpx

from skifte.registry import Registry
from skifte.testenv.app import TestEnvironment
from skifte.testenv.environment import create_environment, wipe_and_reseed
from skifte.testenv.files import pdf_pages
from skifte.testenv.seed import FICTITIOUS_PDF
from tests.conftest import PROJECT_REGISTRY
from tests.testenv.conftest import ResponseChecker, in_process, settings, token

REGISTRY = Registry(PROJECT_REGISTRY)
INQUIRY = {
    "type": "KONTAKTPERSON",
    "tekst": "Hvem er boets kontaktperson? (fiktiv)",
    "begrundelse": "Fiktiv begrundelse, kun i 1.3.0",  # a field 1.1.0 does not know
}
INQUIRIES = "/doedsbojournaler/{doedsbojournalId}/forespoergsler"
CLAIM_DOCUMENTS = "/doedsbojournaler/{doedsbojournalId}/krav/{kravId}/bilag"


def _behaving_as_1_1_0(certs: Path, data: Path) -> TestEnvironment:
    return create_environment(
        settings(certs, data, apis=("doedsbo@1.3.0",), behave_as=("doedsbo@1.1.0",))
    )


def _headers(http: httpx.Client, certs: Path) -> dict[str, str]:
    return {"Authorization": f"Bearer {token(http, certs)}"}


def _estate(http: httpx.Client, headers: dict[str, str]) -> str:
    return str(
        http.post("/doedsbojournaler", json={}, headers=headers).json()[0]["doedsbojournalId"]
    )


def test_an_older_release_answers_without_the_fields_it_does_not_know(
    certs: Path, tmp_path: Path
) -> None:
    checker = ResponseChecker(REGISTRY.release("doedsbo", "1.1.0").read().data)
    with in_process(_behaving_as_1_1_0(certs, tmp_path / "data")) as http:
        headers = _headers(http, certs)
        estate = _estate(http, headers)
        inquiries = INQUIRIES.format(doedsbojournalId=estate)
        created = http.post(inquiries, json=INQUIRY, headers={**headers, "Idempotency-Key": "f-1"})
        assert created.status_code == 201  # accepted: 1.1.0 does not forbid other fields
        read = http.get(f"{inquiries}/{created.json()['forespoergselId']}", headers=headers)
        listed = http.get(inquiries, headers=headers)
    (mine,) = [i for i in listed.json() if i["forespoergselId"] == read.json()["forespoergselId"]]
    for answer in (created.json(), read.json(), mine):
        assert "begrundelse" not in answer
        assert answer["tekst"] == INQUIRY["tekst"]
    assert checker.problems(INQUIRIES, listed) == []


def test_what_an_older_release_ignored_is_not_remembered_after_an_upgrade(
    certs: Path, tmp_path: Path
) -> None:
    older = _behaving_as_1_1_0(certs, tmp_path / "data")
    with in_process(older) as http:
        headers = _headers(http, certs)
        estate = _estate(http, headers)
        inquiries = INQUIRIES.format(doedsbojournalId=estate)
        created = http.post(inquiries, json=INQUIRY, headers={**headers, "Idempotency-Key": "f-2"})
    older.store.close()
    newer = create_environment(settings(certs, tmp_path / "data", apis=("doedsbo@1.3.0",)))
    with in_process(newer) as http:
        url = f"{inquiries}/{created.json()['forespoergselId']}"
        again = http.get(url, headers=_headers(http, certs)).json()
    assert again["tekst"] == INQUIRY["tekst"]
    assert again["begrundelse"] != INQUIRY["begrundelse"]


def test_the_same_key_with_an_ignored_field_added_is_other_content(
    certs: Path, tmp_path: Path
) -> None:
    # Idempotency compares what was sent, as the spec words it: "samme indhold".
    known = {k: v for k, v in INQUIRY.items() if k != "begrundelse"}
    with in_process(_behaving_as_1_1_0(certs, tmp_path / "data")) as http:
        headers = {**_headers(http, certs), "Idempotency-Key": "f-3"}
        inquiries = INQUIRIES.format(doedsbojournalId=_estate(http, headers))
        first = http.post(inquiries, json=known, headers=headers)
        again = http.post(inquiries, json=INQUIRY, headers=headers)
    assert (first.status_code, again.status_code) == (201, 409)


def test_seeded_claims_have_documents_that_conform(certs: Path, tmp_path: Path) -> None:
    for version in ("1.0.0", "1.3.0"):
        checker = ResponseChecker(REGISTRY.release("doedsbo", version).read().data)
        environment = create_environment(
            settings(certs, tmp_path / version, apis=(f"doedsbo@{version}",))
        )
        with in_process(environment) as http:
            headers = _headers(http, certs)
            estate = _estate(http, headers)
            claims = http.get(f"/doedsbojournaler/{estate}/krav", headers=headers).json()
            assert claims
            for claim in claims:
                path = CLAIM_DOCUMENTS.format(doedsbojournalId=estate, kravId=claim["kravId"])
                documents = http.get(path, headers=headers)
                assert documents.status_code == 200 and documents.json(), version
                assert checker.problems(CLAIM_DOCUMENTS, documents) == [], version
                assert {d["relation"] for d in documents.json()} == {claim["kravId"]}
                content = http.get(
                    f"/doedsbojournaler/{estate}/bilag/{documents.json()[0]['bilagId']}/indhold",
                    headers=headers,
                )
                assert content.headers["content-type"] == "application/pdf"
                _assert_readable_pdf(content.content)
                # 1.0.0 says how many pages a document has (1.3.0 no longer does): the
                # pages of the PDF itself, one.
                pages = {d.get("antalSider") for d in documents.json()}
                assert pages == ({1} if version == "1.0.0" else {None}), version


def test_seeded_documents_are_the_same_after_a_reset_and_differ_by_seed(
    certs: Path, tmp_path: Path
) -> None:
    environment = create_environment(settings(certs, tmp_path / "data", rate=0))
    before = _documents(environment, certs)
    wipe_and_reseed(environment)
    assert _documents(environment, certs) == before
    other = create_environment(settings(certs, tmp_path / "other", seed=2, rate=0))
    assert _documents(other, certs) != before


def _every_estate(http: httpx.Client, headers: dict[str, str]) -> list[str]:
    estates = http.post("/doedsbojournaler", json={}, params={"size": 100}, headers=headers)
    return [str(e["doedsbojournalId"]) for e in estates.json()]


def _documents(environment: TestEnvironment, certs: Path) -> list[Any]:
    """Every seeded claim's documents, with their content, in order."""
    found: list[Any] = []
    with in_process(environment) as http:
        headers = _headers(http, certs)
        for estate in _every_estate(http, headers):
            claims = http.get(f"/doedsbojournaler/{estate}/krav", headers=headers).json()
            for claim in claims:
                path = CLAIM_DOCUMENTS.format(doedsbojournalId=estate, kravId=claim["kravId"])
                for document in http.get(path, headers=headers).json():
                    url = f"/doedsbojournaler/{estate}/bilag/{document['bilagId']}/indhold"
                    found.append((document, http.get(url, headers=headers).content))
    assert found
    return found


def _assert_readable_pdf(content: bytes) -> None:
    """Header, trailer, and an xref whose offsets point at the objects it names."""
    assert content.startswith(b"%PDF-1.") and content.rstrip().endswith(b"%%EOF")
    start = int(re.findall(rb"startxref\s+(\d+)", content)[-1])
    assert content[start:].startswith(b"xref")
    offsets = re.findall(rb"(\d{10}) 00000 n ", content[start:])
    assert offsets
    for number, offset in enumerate(offsets, start=1):
        assert content[int(offset) :].startswith(b"%d 0 obj" % number)
    assert b"Fiktivt" in content


def test_an_environment_keeps_its_records_from_release_to_release(
    certs: Path, tmp_path: Path
) -> None:
    # 1.1.0 seeds inquiries and inventories 1.0.0 has no place for; the estates, claims
    # and receivables both have are the same records, under the same ids.
    def records(behave_as: str, data: Path) -> set[str]:
        environment = create_environment(
            settings(certs, data, apis=("doedsbo@1.3.0",), behave_as=(behave_as,), rate=0)
        )
        found = set()
        with in_process(environment) as http:
            headers = _headers(http, certs)
            for estate in _every_estate(http, headers):
                found.add(estate)
                for kind, key in (("krav", "kravId"), ("tilgodehavender", "tilgodehavendeId")):
                    listed = http.get(f"/doedsbojournaler/{estate}/{kind}", headers=headers)
                    found |= {f"{estate}/{kind}/{item[key]}" for item in listed.json()}
        return found

    older, newer = records("doedsbo@1.0.0", tmp_path / "a"), records(
        "doedsbo@1.1.0", tmp_path / "b"
    )
    assert any("/krav/" in r for r in older) and any("/tilgodehavender/" in r for r in older)
    assert older == newer


def test_a_pdf_s_pages_are_counted_and_nothing_else_is() -> None:
    two_pages = FICTITIOUS_PDF.replace(b"/Kids [3 0 R] /Count 1", b"/Kids [3 0 R 3 0 R]") + (
        b"6 0 obj\n<< /Type /Page /Parent 2 0 R >>\nendobj\n"
    )
    assert pdf_pages(FICTITIOUS_PDF) == 1
    assert pdf_pages(two_pages) == 2
    assert pdf_pages(b"%PDF-1.7\n% pages in a compressed object stream\n%%EOF\n") is None
    assert pdf_pages(b"not a pdf /Type /Page") is None
