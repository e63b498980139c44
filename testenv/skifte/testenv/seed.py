"""Deterministic fictitious data: the same seed number gives the same environment.

Court-owned collections (estates, dissolution cases; see domain.SEEDED) get
their items, and every third item gets records of each kind clients can
create. Values come from the release's schemas; identity fields are made
fictitious here: CPR numbers that are no calendar date, CVR numbers starting
with 9 that pass modulus 11, numbered invented names.
"""

from __future__ import annotations

import random
import uuid
from typing import Any

from skifte.identifiers import fictitious_cpr, fictitious_cvr

from . import domain
from .routes import Route
from .store import Record, Store
from .values import synthesize

SEEDED_AT = "2024-01-02T08:00:00.000Z"


def seed(store: Store, routes: list[Route], number: int) -> int:
    """Fill an empty store; returns how many records were made."""
    rng = random.Random(number)  # noqa: S311 - reproducible on purpose, not a secret
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
            item_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            data = _personalise(synthesize(schema, f"seed/{number}/{collection}/{n}"), rng, n)
            if reader.id_field:
                data[reader.id_field] = item_id
            store.insert(
                Record(collection, "", item_id, domain.SEED_OWNER, data, SEEDED_AT, SEEDED_AT)
            )
            made += 1
            if n % 3 == 1:
                made += _seed_children(store, creates, item_id, rng, number, n)
    return made


def _seed_children(
    store: Store, creates: list[Route], parent_id: str, rng: random.Random, number: int, n: int
) -> int:
    made = 0
    for route in creates:
        body = route.operation.request_body
        media = next((m for m in body.content if m.is_json), None) if body else None
        if media is None or media.schema is None:
            continue  # uploads are not seeded: a PDF is the client's to send
        for k in range(domain.SEEDED_RECORDS_PER_ITEM):
            data = _personalise(
                synthesize(media.schema, f"seed/{number}/{route.collection}/{n}/{k}"), rng, n
            )
            record_id = str(uuid.UUID(int=rng.getrandbits(128), version=4))
            store.insert(
                Record(
                    route.collection,
                    parent_id,
                    record_id,
                    domain.SEED_OWNER,
                    data,
                    SEEDED_AT,
                    SEEDED_AT,
                )
            )
            made += 1
    return made


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


def _is_child(route: Route, collection: str) -> bool:
    return route.collection.startswith(collection + "/{}/") and route.collection.count("{}") == 1


def _json_schema(route: Route) -> Any:
    for response in route.operation.success_responses:
        for media in response.content:
            if media.is_json:
                return media.schema
    return None
