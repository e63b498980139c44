"""The actions of routes.py on the store: create, list, search, read, update, delete, ...

Handlers speak in wire JSON and return a `Result`; app.py turns it into HTTP.
A record belongs to the organisation that filed it: only that organisation sees it (in
lists, reads, downloads, and as the record others hang under; anyone else gets 404)
and may change it (anyone else gets 403). Court-owned records (estates, cases) are
public. An operation on behalf of a liquidator (liquidators.py) sees every claim in
the case, once the caller may act for the case's liquidator.
"""

from __future__ import annotations

import hashlib
import json
import uuid
from dataclasses import dataclass, field, replace
from typing import Any

from skifte.api import Schema

from . import domain, liquidators
from .files import Upload, file_fields, split_upload
from .listing import page_of
from .routes import Route
from .store import Record, Store, now_iso
from .values import conform, synthesize


@dataclass
class Call:
    route: Route
    params: dict[str, str]
    query: dict[str, list[str]]
    body: Any
    """Parsed JSON, or for multipart the form fields (files as `Upload`), with only the
    fields the release declares: what it does not know, it ignores."""
    client: str
    idempotency_key: str | None = None
    sent: Any = None
    """The body as sent, ignored fields included: "the same content" for idempotency."""
    on_behalf_of: str | None = None
    """The liquidator named in domain.ON_BEHALF_HEADER, if sent."""


@dataclass
class Result:
    status: int
    body: Any = None
    headers: dict[str, str] = field(default_factory=dict)
    media_type: str | None = None
    error: tuple[str, str | None] | None = None
    """For errors: (message, offending field)."""


def not_found(what: str) -> Result:
    return Result(404, error=(f"{what} findes ikke", None))


def handle(call: Call, store: Store, schema: Schema | None, success: int) -> Result:
    if call.route.on_behalf:
        # The case first (404), then whether the caller may act in it (403), then the rest.
        missing = _missing_parent(call, store, upto=1)
        if missing is not None:
            return missing
        case_id = call.params[call.route.params[0]]
        refused = liquidators.refusal(store, case_id, call.client, call.on_behalf_of)
        if refused is not None:
            return Result(403, error=(refused, domain.ON_BEHALF_HEADER))
    missing = _missing_parent(call, store)
    if missing is not None:
        return missing
    action = call.route.action
    if action == "create":
        return _create(call, store, schema, success)
    if action in ("list", "search"):
        return _list(call, store, schema)
    if action in ("read", "read-singleton"):
        record = _item(call, store)
        if record is None or not _visible(record.owner, record.collection, call):
            return not_found("Posten")
        return Result(200, present(record, call.route, schema))
    if action == "update":
        return _update(call, store, schema)
    if action == "delete":
        return _delete(call, store)
    if action == "put-singleton":
        return _put_singleton(call, store, schema, success)
    if action == "download":
        return _download(call, store)
    return Result(
        200, synthesize(schema, call.route.operation.path + "/" + "/".join(call.params.values()))
    )


def present(record: Record, route: Route, schema: Schema | None) -> Any:
    """A stored record as the release's response schema shows it."""
    data = dict(record.data)
    props = schema.merged_properties() if schema is not None else {}
    scope_values = record.scope.split("/") if record.scope else []
    for name, value in zip(route.params, [*scope_values, record.id], strict=False):
        if name in props:
            data[name] = value
    if route.id_field and route.id_field in props:
        data[route.id_field] = record.id
    for name in domain.CREATED_FIELDS:
        if name in props:
            data[name] = record.created
    for name in domain.UPDATED_FIELDS:
        if name in props:
            data[name] = record.updated
    return conform(data, schema, key=f"{record.collection}/{record.id}")


def _create(call: Call, store: Store, schema: Schema | None, success: int) -> Result:
    scope = _scope(call, len(call.route.params))
    data, upload = split_upload(call.body)
    fingerprint = _fingerprint(split_upload(call.sent)[0], upload)
    collection_path = _concrete(call.route.operation.path, call.params)
    if call.idempotency_key:
        # The same key with the same content returns the first record; with other content, 409.
        earlier = store.meta(_idempotency(call))
        if earlier is not None:
            record_id, _, content = earlier.partition("|")
            if content != fingerprint:
                message = "Idempotency-Key er allerede brugt til en anden forespørgsel"
                return Result(409, error=(message, "Idempotency-Key"))
            record = store.get(call.route.collection, scope, record_id)
            if record is not None:
                shown = present(record, _item_route(call.route), schema)
                return Result(success, shown, {"Location": f"{collection_path}/{record_id}"})
    record_id = str(uuid.uuid4())
    now = now_iso()
    record = Record(call.route.collection, scope, record_id, call.client, data, now, now)
    if upload is not None:
        data.update(file_fields(upload, schema))
        store.put_blob(record.collection, scope, record_id, upload.content_type, upload.content)
    key = (_idempotency(call), f"{record_id}|{fingerprint}") if call.idempotency_key else None
    store.insert(record, meta=key)
    location = f"{collection_path}/{record_id}"
    return Result(success, present(record, _item_route(call.route), schema), {"Location": location})


def _fingerprint(data: dict[str, Any], upload: Upload | None) -> str:
    digest = hashlib.sha256(json.dumps(data, sort_keys=True, ensure_ascii=False).encode("utf-8"))
    if upload is not None:
        digest.update(upload.content)
    return digest.hexdigest()[:32]


def _list(call: Call, store: Store, schema: Schema | None) -> Result:
    route = call.route
    count = len(route.params) - (1 if route.filter_field else 0)
    records = [
        r
        for r in store.list(route.collection, _scope(call, count))
        if _visible(r.owner, r.collection, call)
    ]
    if route.filter_field:
        wanted = call.params[route.params[-1]]
        records = [r for r in records if r.data.get(route.filter_field) == wanted]
    page, total = page_of(records, route, call.query, call.body)
    item_schema = schema.items if schema is not None else None
    shown = [present(r, _item_route(route), item_schema) for r in page]
    return Result(200, shown, {"X-Total-Count": str(total)})


def _update(call: Call, store: Store, schema: Schema | None) -> Result:
    record = _item(call, store)
    if record is None:
        return not_found("Posten")
    if record.owner != call.client:
        # Known to exist, as the release's 403 says: "no access to the resource".
        return Result(403, error=("Kun den, der har oprettet posten, kan ændre den", None))
    data = dict(call.body) if isinstance(call.body, dict) else {}
    updated = store.update(record.collection, record.scope, record.id, data)
    changed = Record(
        record.collection, record.scope, record.id, record.owner, data, record.created, updated
    )
    return Result(200, present(changed, call.route, schema))


def _delete(call: Call, store: Store) -> Result:
    record = _item(call, store)
    if record is None:
        return not_found("Posten")
    if record.owner != call.client:
        return Result(403, error=("Kun den, der har oprettet posten, kan slette den", None))
    store.delete(record.collection, record.scope, record.id)
    return Result(204)


def _put_singleton(call: Call, store: Store, schema: Schema | None, success: int) -> Result:
    scope = _scope(call, len(call.route.params) - 1)
    record_id = call.params[call.route.params[-1]]
    existing = store.get(call.route.collection, scope, record_id)
    if existing is not None and existing.owner != call.client:
        return Result(403, error=("Kun den, der har registreret posten, kan ændre den", None))
    now = now_iso()
    data = dict(call.body) if isinstance(call.body, dict) else {}
    created = existing.created if existing else now
    record = Record(call.route.collection, scope, record_id, call.client, data, created, now)
    store.upsert(record)
    return Result(success, present(record, call.route, schema))


def _download(call: Call, store: Store) -> Result:
    scope = _scope(call, len(call.route.params) - 1)
    record_id = call.params[call.route.params[-1]]
    owner = store.owner(call.route.collection, scope, record_id)
    if owner is None or not _visible(owner, call.route.collection, call):
        return not_found("Filen")
    blob = store.blob(call.route.collection, scope, record_id)
    if blob is None:
        return not_found("Filen")
    media = next(
        (m.name for r in call.route.operation.success_responses for m in r.content), blob[0]
    )
    return Result(200, blob[1], media_type=media)


def _missing_parent(call: Call, store: Store, upto: int | None = None) -> Result | None:
    """404 for the first record the path hangs under that is not there, or not the
    caller's to see; `upto` checks only that many."""
    for collection, count in call.route.parents[:upto]:
        scope = _scope(call, count - 1)
        owner = store.owner(collection, scope, call.params[call.route.params[count - 1]])
        if owner is None or not _visible(owner, collection, call):
            return not_found(
                f"{call.route.params[count - 1]} {call.params[call.route.params[count - 1]]}"
            )
    return None


def _visible(owner: str, collection: str, call: Call) -> bool:
    """Whether the caller sees a record of `collection` filed by `owner`: its own, the
    court's (public), or, acting for the case's liquidator, anything in the case."""
    return owner == call.client or collection in domain.SEEDED or call.route.on_behalf


def _item(call: Call, store: Store) -> Record | None:
    count = len(call.route.params)
    return store.get(
        call.route.collection, _scope(call, count - 1), call.params[call.route.params[-1]]
    )


def _scope(call: Call, count: int) -> str:
    return "/".join(call.params[name] for name in call.route.params[:count])


def _item_route(route: Route) -> Route:
    """The route a collection's items are shown through: the item id follows the scope."""
    return replace(route, params=(*route.params, route.id_field or "id"))


def _concrete(template: str, params: dict[str, str]) -> str:
    return template.format_map(params)


def _idempotency(call: Call) -> str:
    return f"idempotency/{call.client}/{call.route.collection}/{call.idempotency_key}"
