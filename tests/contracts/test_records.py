"""Which record a request needs to find: known by URL, forgotten when deleted."""

from __future__ import annotations

from pathlib import Path

import pytest

from skifte.api import build_api
from skifte.contracts.records import KnownRecord, KnownRecords, PathIndex
from skifte.registry import Registry
from tests.conftest import PROJECT_REGISTRY

ESTATE = "/doedsbojournaler/{doedsbojournalId}"
INQUIRIES = ESTATE + "/forespoergsler"
INQUIRY = INQUIRIES + "/{forespoergselId}"
CLAIM = ESTATE + "/krav/{kravId}"
POSITION = "/tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav/{kravId}/stillingtagen"


def index(ref: str) -> PathIndex:
    return PathIndex.from_api(build_api(Registry(PROJECT_REGISTRY).resolve(ref).read()))


@pytest.fixture(scope="module")
def estates() -> PathIndex:
    return index("doedsbo@1.1.0")


def test_the_index_tells_collections_from_singletons(estates: PathIndex) -> None:
    assert estates.items["/doedsbojournaler"] == "doedsbojournalId"
    assert estates.items[INQUIRIES] == "forespoergselId"
    assert {("GET", INQUIRIES), ("POST", INQUIRIES)} <= estates.collections
    assert ESTATE in estates.readers
    dissolution = index("tvangsoploesning@1.1.0")
    # A liquidator's position is written with PUT: until then, a 404 is the right answer.
    assert ("GET", POSITION) not in dissolution.collections
    # A read-only object under a case may not exist yet either.
    opgoerelse = "/tvangsoploesningssager/{sagId}/likvidator/opgoerelse"
    assert ("GET", opgoerelse) not in dissolution.collections
    assert dissolution.items["/tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav"] == "kravId"


def test_the_index_knows_which_answers_declare_a_total_count() -> None:
    api = build_api(Registry(PROJECT_REGISTRY).resolve("tvangsoploesning@1.1.0").read())
    declared = {
        (op.method, op.path, response.status)
        for op in api.operations
        for response in op.responses
        if any(h.name.lower() == "x-total-count" for h in response.headers)
    }
    dissolution = PathIndex.from_api(api)
    assert declared and dissolution.counted == declared
    assert dissolution.counts("get", "/tvangsoploesningssager", 200)
    assert not dissolution.counts("GET", "/tvangsoploesningssager", 400)
    assert not dissolution.counts("GET", "/tvangsoploesningssager/{sagId}", 200)


def test_the_index_survives_the_trip_to_the_hooks(estates: PathIndex, tmp_path: Path) -> None:
    estates.write(tmp_path / "paths.json")
    assert PathIndex.read(tmp_path / "paths.json") == estates


def test_records_the_environment_listed_are_known_where_it_listed_them(
    estates: PathIndex,
) -> None:
    known = KnownRecords(estates)
    known.note_answer(
        "POST", "/doedsbojournaler", "/doedsbojournaler", 200, [{"doedsbojournalId": "a"}]
    )
    assert known.record_behind("POST", INQUIRIES, "/doedsbojournaler/a/forespoergsler") == (
        KnownRecord("/doedsbojournaler/a", ESTATE, created=False, is_target=False)
    )
    assert known.record_behind("GET", ESTATE, "/doedsbojournaler/a") == KnownRecord(
        "/doedsbojournaler/a", ESTATE, created=False, is_target=True
    )
    # An id nobody showed: a 404 is the honest answer.
    assert known.record_behind("GET", INQUIRIES, "/doedsbojournaler/b/forespoergsler") is None
    # A path that does not fit the template names no record.
    assert known.record_behind("GET", INQUIRIES, "/doedsbojournaler/a/krav") is None


def test_ids_known_apart_name_no_record_together(estates: PathIndex) -> None:
    known = KnownRecords(estates)
    known.note_answer(
        "POST", "/doedsbojournaler", "/doedsbojournaler", 200, [{"doedsbojournalId": "a"}]
    )
    known.note_answer("GET", ESTATE + "/krav", "/doedsbojournaler/b/krav", 200, [{"kravId": "k"}])
    assert known.record_behind("GET", CLAIM, "/doedsbojournaler/b/krav/k") is not None
    assert known.record_behind("GET", CLAIM, "/doedsbojournaler/a/krav/k") is None


def test_a_deleted_record_and_everything_under_it_is_forgotten(estates: PathIndex) -> None:
    known = KnownRecords(estates)
    location = "/doedsbojournaler/a/forespoergsler/f"
    known.note_answer("POST", INQUIRIES, "/doedsbojournaler/a/forespoergsler", 201, {}, location)
    record = known.record_behind("PUT", INQUIRY, location)
    assert record is not None and record.created and record.is_target
    known.note_answer("DELETE", INQUIRY, location, 404, None)  # a failed delete removes nothing
    assert known.record_behind("GET", INQUIRY, location) is not None
    known.note_answer("DELETE", INQUIRY, location, 204, None)
    assert known.record_behind("GET", INQUIRY, location) is None
    known.note_answer("GET", ESTATE, "/doedsbojournaler/a", 200, {"doedsbojournalId": "a"})
    known.note_answer("DELETE", ESTATE, "/doedsbojournaler/a", 204, None)
    assert known.record_behind("GET", INQUIRIES, "/doedsbojournaler/a/forespoergsler") is None


def test_errors_teach_nothing_and_singletons_need_nothing() -> None:
    dissolution = index("tvangsoploesning@1.1.0")
    known = KnownRecords(dissolution)
    known.note_answer(
        "GET", "/tvangsoploesningssager", "/tvangsoploesningssager", 404, [{"sagId": "x"}]
    )
    assert (
        known.record_behind("GET", "/tvangsoploesningssager/{sagId}", "/tvangsoploesningssager/x")
        is None
    )
    claims = "/tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav"
    known.note_answer(
        "GET", claims, "/tvangsoploesningssager/s/likvidator/anmeldte-krav", 200, [{"kravId": "k"}]
    )
    position = "/tvangsoploesningssager/s/likvidator/anmeldte-krav/k/stillingtagen"
    assert known.record_behind("GET", POSITION, position) is None


def test_a_base_path_and_escapes_do_not_hide_a_record(estates: PathIndex) -> None:
    known = KnownRecords(estates)
    known.note_answer("GET", ESTATE, "/api/v1/doedsbojournaler/a%20b", 200, {})
    record = known.record_behind("GET", INQUIRIES, "/api/v1/doedsbojournaler/a b/forespoergsler/")
    assert record is not None and record.path == "/api/v1/doedsbojournaler/a b"


def test_an_unknown_item_points_at_its_listing_under_a_known_record(
    estates: PathIndex,
) -> None:
    known = KnownRecords(estates)
    assert known.collection_above(INQUIRY, "/api/doedsbojournaler/e/forespoergsler/f") is None
    known.note_answer("GET", ESTATE, "/api/doedsbojournaler/e", 200, {})
    above = known.collection_above(INQUIRY, "/api/doedsbojournaler/e/forespoergsler/f")
    assert above is not None
    assert above.path == "/api/doedsbojournaler/e/forespoergsler"
    assert above.template == INQUIRIES
    assert above.owner == KnownRecord("/api/doedsbojournaler/e", ESTATE, False, False)
    # The estate itself is no item under a listing of the same release's estates here;
    # a literal ending (a claim's document listing) has no item to be missing.
    assert known.collection_above(ESTATE, "/api/doedsbojournaler/e") is None
    assert known.collection_above(INQUIRIES, "/api/doedsbojournaler/e/forespoergsler") is None


def test_no_listing_no_judgement(estates: PathIndex) -> None:
    # A release that can only file inquiries, not list them: nothing to look at.
    no_listing = PathIndex(
        readers=estates.readers - {INQUIRIES},
        collections=estates.collections - {("GET", INQUIRIES)},
        items=estates.items,
    )
    known = KnownRecords(no_listing)
    known.note_answer("GET", ESTATE, "/doedsbojournaler/e", 200, {})
    assert known.collection_above(INQUIRY, "/doedsbojournaler/e/forespoergsler/f") is None


def test_another_creditors_claim_seen_by_the_liquidator_is_not_known_as_the_runs() -> None:
    # Acting for the case's liquidator, a run is shown every creditor's claims; at the
    # creditor's own address such a claim is someone else's, which the environment
    # rightly hides (404): the run must not demand it there.
    known = KnownRecords(index("tvangsoploesning@1.1.0"))
    listing = "/tvangsoploesningssager/{sagId}/likvidator/anmeldte-krav"
    shown = "/tvangsoploesningssager/s/likvidator/anmeldte-krav"
    known.note_answer("GET", listing, shown, 200, [{"kravId": "k"}])
    claim = "/tvangsoploesningssager/{sagId}/krav/{kravId}"
    assert known.record_behind("GET", claim, "/tvangsoploesningssager/s/krav/k") is None
    assert known.record_behind("PUT", claim, "/tvangsoploesningssager/s/krav/k") is None
