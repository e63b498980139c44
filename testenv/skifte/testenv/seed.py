"""Deterministic fictitious data: the same seed number gives the same environment.

Court-owned collections (estates, dissolution cases; see domain.SEEDED) get
their items, and every third item gets records of each kind clients can
create. Records a view shows documents of (a krav's bilag, domain.VIEWS) get
one uploaded document each, a one-page PDF saying it is fictitious. Values come
from the release's schemas; identity fields are made fictitious here: CPR
numbers that are no calendar date, CVR numbers starting with 9 that pass
modulus 11, numbered invented names.

Who owns what: estates and cases are the court's (public). The records filed under
them go to the registered clients in turn (the k-th record of a kind to client
k mod n), a document to the owner of the record it documents, so every client reads
records of its own and none of the others'. Each case has one appointed liquidator,
the liquidators of the registered clients in turn (liquidators.py).
"""

from __future__ import annotations

import random
import uuid
from collections.abc import Sequence
from typing import Any

from skifte.api import Schema
from skifte.identifiers import fictitious_cpr, fictitious_cvr

from . import domain, liquidators
from .files import Upload, file_fields
from .routes import Route
from .store import Record, Store
from .values import synthesize

SEEDED_AT = "2024-01-02T08:00:00.000Z"


def _one_page_pdf(text: str) -> bytes:
    """A minimal PDF that readers accept: one page, one line, byte offsets in its xref."""
    content = f"BT /F1 14 Tf 72 770 Td ({text}) Tj ET".encode("ascii")
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R"
        b" /Resources << /Font << /F1 5 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n%s\nendstream" % (len(content), content),
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>",
    ]
    pdf = bytearray(b"%PDF-1.4\n")
    offsets = []
    for number, body in enumerate(objects, start=1):
        offsets.append(len(pdf))
        pdf += b"%d 0 obj\n%s\nendobj\n" % (number, body)
    xref = len(pdf)
    pdf += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objects) + 1)
    pdf += b"".join(b"%010d 00000 n \n" % offset for offset in offsets)
    pdf += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (
        len(objects) + 1,
        xref,
    )
    return bytes(pdf)


FICTITIOUS_PDF = _one_page_pdf("Fiktivt bilag - testdata, vedroerer ingen virkelig person")
"""What every seeded document holds: invented, and saying so."""


def seed(store: Store, routes: list[Route], number: int, clients: Sequence[str] = ()) -> int:
    """Fill an empty store for the registered `clients`; returns how many records were made."""
    owners = _Owners(sorted(clients) or [domain.SEED_OWNER])
    made = 0
    for collection, count in domain.SEEDED.items():
        reader = next(
            (r for r in routes if r.action == "read" and r.collection == collection), None
        )
        if reader is None:
            continue
        schema = _json_schema(reader)
        creates = [r for r in routes if r.action == "create" and _is_child(r, collection)]
        for n in range(1, count + 1):
            key = f"seed/{number}/{collection}/{n}"
            rng = _generator(key)
            item_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            data = _personalise(synthesize(schema, key), rng, n)
            if reader.id_field:
                data[reader.id_field] = item_id
            store.insert(
                Record(collection, "", item_id, domain.SEED_OWNER, data, SEEDED_AT, SEEDED_AT)
            )
            made += 1
            if collection in domain.APPOINTS_LIQUIDATOR:
                client = owners.clients[(n - 1) % len(owners.clients)]
                liquidators.appoint(store, item_id, liquidators.liquidator_of(client))
            if n % 3 == 1:
                children = _seed_children(store, creates, item_id, number, n, owners)
                made += len(children) + _seed_documents(store, routes, children, number)
    return made


class _Owners:
    """The registered clients, handed records of each kind in turn."""

    def __init__(self, clients: list[str]) -> None:
        self.clients = clients
        self._handed: dict[str, int] = {}

    def next(self, collection: str) -> str:
        k = self._handed.get(collection, 0)
        self._handed[collection] = k + 1
        return self.clients[k % len(self.clients)]


def _seed_children(
    store: Store, creates: list[Route], parent_id: str, number: int, n: int, owners: _Owners
) -> list[Record]:
    made = []
    for route in creates:
        body = route.operation.request_body
        media = next((m for m in body.content if m.is_json), None) if body else None
        if media is None or media.schema is None:
            continue  # uploads come as the documents of records (_seed_documents)
        for k in range(domain.SEEDED_RECORDS_PER_ITEM):
            key = f"seed/{number}/{route.collection}/{n}/{k}"
            rng = _generator(key)
            record_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))  # first: see above
            data = _personalise(synthesize(media.schema, key), rng, n)
            record = Record(
                route.collection,
                parent_id,
                record_id,
                owners.next(route.collection),
                data,
                SEEDED_AT,
                SEEDED_AT,
            )
            store.insert(record)
            made.append(record)
    return made


def _seed_documents(store: Store, routes: list[Route], records: list[Record], number: int) -> int:
    """One uploaded document for each record a view shows the documents of, linked to it."""
    made = 0
    for view, (collection, link_field) in domain.VIEWS.items():
        owners = view.rsplit("/{}/", 1)[0]  # /doedsbojournaler/{}/krav/{}/bilag: the krav
        upload = next(
            (r for r in routes if r.action == "create" and r.collection == collection), None
        )
        form = _form_schema(upload) if upload is not None else None
        if upload is None or form is None:
            continue
        for owner in (r for r in records if r.collection == owners):
            key = f"seed/{number}/{collection}/{owner.id}"
            fields = synthesize(form, key)
            data = {k: v for k, v in fields.items() if not _is_file(form.properties.get(k))}
            data[link_field] = owner.id
            name = f"fiktivt-bilag-{owner.id[:8]}.pdf"
            document = Upload(name, "application/pdf", FICTITIOUS_PDF)
            data.update(file_fields(document, _json_schema(upload)))
            document_id = str(uuid.UUID(int=_generator(key).getrandbits(128), version=4))
            store.insert(
                Record(
                    collection,
                    owner.scope,
                    document_id,
                    owner.owner,
                    data,
                    SEEDED_AT,
                    SEEDED_AT,
                )
            )
            store.put_blob(
                collection, owner.scope, document_id, document.content_type, document.content
            )
            made += 1
    return made


def _generator(key: str) -> random.Random:
    """Each record's own generator, from its key: its id (drawn first) is the same in every
    release that has the record, as an environment keeps its data when it moves to a new
    release."""
    return random.Random(key)  # noqa: S311 - reproducible on purpose, not a secret


def _personalise(value: Any, rng: random.Random, n: int) -> Any:
    """Make identity fields distinct per item, and fictitious."""
    if isinstance(value, list):
        return [_personalise(v, rng, n) for v in value]
    if not isinstance(value, dict):
        return value
    result = {}
    for key, item in value.items():
        lowered = key.lower()
        if isinstance(item, str) and "cpr" in lowered:
            result[key] = fictitious_cpr(rng)
        elif isinstance(item, str) and "cvr" in lowered:
            result[key] = fictitious_cvr(rng)
        elif isinstance(item, str) and lowered == "navn":
            result[key] = f"{item} {n}"
        else:
            result[key] = _personalise(item, rng, n)
    return result


def _form_schema(route: Route) -> Schema | None:
    body = route.operation.request_body
    media = (
        next((m for m in body.content if m.name.startswith("multipart/")), None) if body else None
    )
    return media.schema if media is not None else None


def _is_file(schema: Schema | None) -> bool:
    return schema is not None and schema.format in ("binary", "base64")


def _is_child(route: Route, collection: str) -> bool:
    return route.collection.startswith(collection + "/{}/") and route.collection.count("{}") == 1


def _json_schema(route: Route) -> Any:
    for response in route.operation.success_responses:
        for media in response.content:
            if media.is_json:
                return media.schema
    return None
