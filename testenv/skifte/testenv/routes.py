"""Routes from a release's operations: what each one does to the state, read off its shape.

No path is written by hand. An operation is classified by its method, whether
its path ends in a parameter or a literal, and what it answers:

    POST  /…/krav                → create     (answers 201)
    GET   /…/krav                → list       (answers an array)
    POST  /doedsbojournaler      → search     (answers 200 with an array; body filters)
    GET   /…/krav/{kravId}       → read / PUT → update / DELETE → delete
    PUT   /…/{kravId}/stilling…  → put-singleton, GET → read-singleton
    GET   /…/{bilagId}/indhold   → download   (answers a non-JSON body)
    GET   /…/{sagId}/opgoerelse  → computed   (a literal under an item, nothing stores it)

`domain.py` adds what shapes cannot tell (views onto other collections).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from skifte.api import Api, Operation

from . import domain


def collection_key(path: str) -> str:
    """`/doedsbojournaler/{doedsbojournalId}/krav` → `/doedsbojournaler/{}/krav`."""
    return re.sub(r"\{[^}]+\}", "{}", path)


@dataclass(frozen=True)
class Route:
    api: str
    operation: Operation
    params: tuple[str, ...]
    action: str
    collection: str
    """The store collection the action works on (after domain aliases)."""
    parents: tuple[tuple[str, int], ...]
    """(collection, number of leading path parameters): items that must exist first."""
    filter_field: str | None = None
    """For views: the record field that must equal the last path parameter."""
    id_field: str | None = None
    on_behalf: bool = False
    """The operation acts for a liquidator (it declares domain.ON_BEHALF_HEADER)."""

    @cached_property
    def pattern(self) -> re.Pattern[str]:
        """The operation's path template as a regular expression, a group per parameter."""
        segments = self.operation.path.rstrip("/").split("/")
        return re.compile(
            "".join("/([^/]+)" if s.startswith("{") else "/" + re.escape(s) for s in segments if s)
            or "/"
        )

    def match(self, path: str) -> dict[str, str] | None:
        found = self.pattern.fullmatch(path)
        if found is None:
            return None
        return dict(zip(self.params, found.groups(), strict=True))


def build_routes(api_name: str, api: Api) -> list[Route]:
    item_collections = _item_collections(api)
    singletons = {
        collection_key(op.path)
        for op in api.operations
        if op.method in ("PUT", "PATCH") and not op.path.rstrip("/").endswith("}")
    }
    routes = [_route(api_name, op, item_collections, singletons) for op in api.operations]
    # A collection's items are addressed by the parameter its item routes use (kravId).
    item_ids = {
        r.collection: r.params[-1] for r in routes if r.action in ("read", "update", "delete")
    }
    routes = [
        replace(r, id_field=item_ids.get(r.collection)) if r.id_field is None else r for r in routes
    ]
    # Literal segments before parameters: /doedsbojournaler/aendringer before /{id}.
    return sorted(routes, key=lambda r: (r.operation.path.count("{"), -len(r.operation.path)))


def _item_collections(api: Api) -> set[str]:
    """Collections whose items are addressed by id somewhere in the API."""
    found = set()
    for op in api.operations:
        segments = op.path.rstrip("/").split("/")
        for i, segment in enumerate(segments):
            if segment.startswith("{") and i > 0:
                found.add(collection_key("/".join(segments[:i])))
    return found


def _route(api_name: str, op: Operation, item_collections: set[str], singletons: set[str]) -> Route:
    segments = op.path.rstrip("/").split("/")
    params = tuple(s[1:-1] for s in segments if s.startswith("{"))
    key = collection_key(op.path)
    last_is_param = segments[-1].startswith("{")
    parent_key = collection_key("/".join(segments[:-1]))
    action, collection = _classify(op, key, parent_key, last_is_param, item_collections, singletons)
    view = domain.VIEWS.get(collection)
    filter_field = None
    if view is not None:
        collection, filter_field = view
    collection = domain.ALIASES.get(collection, collection)
    return Route(
        api=api_name,
        operation=op,
        params=params,
        action=action,
        collection=collection,
        parents=_parents(segments[:-1] if last_is_param else segments, item_collections),
        filter_field=filter_field,
        id_field=params[-1] if params and (last_is_param or "singleton" in action) else None,
        on_behalf=any(
            p.location == "header" and p.name.lower() == domain.ON_BEHALF_HEADER.lower()
            for p in op.parameters
        ),
    )


def _classify(
    op: Operation,
    key: str,
    parent_key: str,
    last_is_param: bool,
    items: set[str],
    singletons: set[str],
) -> tuple[str, str]:
    answers_json = any(m.is_json for r in op.success_responses for m in r.content)
    answers_array = any(
        m.schema is not None and "array" in m.schema.types
        for r in op.success_responses
        for m in r.content
        if m.is_json
    )
    answers_other = any(not m.is_json for r in op.success_responses for m in r.content)
    if last_is_param:
        action = {"GET": "read", "PUT": "update", "PATCH": "update", "DELETE": "delete"}
        return action.get(op.method, "read"), parent_key
    if op.method == "POST" and op.response("201") is not None:
        return "create", key
    if op.method == "GET" and answers_array:
        return "list", key
    if op.method == "POST" and answers_array:
        return "search", key if key in items else parent_key
    if op.method == "GET" and answers_other and not answers_json:
        return "download", parent_key.rsplit("/", 1)[0]  # the item's collection
    if op.method in ("PUT", "PATCH"):
        return "put-singleton", key
    if op.method == "GET" and key in singletons:
        return "read-singleton", key
    return "computed", key


def _parents(segments: list[str], items: set[str]) -> tuple[tuple[str, int], ...]:
    found = []
    count = 0
    for i, segment in enumerate(segments):
        if segment.startswith("{"):
            count += 1
            key = collection_key("/".join(segments[:i]))
            key = domain.ALIASES.get(key, key)
            if key in items or key in domain.ALIASES.values():
                found.append((key, count))
    return tuple(found)
