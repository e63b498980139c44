"""What a list or a search answers: the records its filters match, sorted, one page.

Only the release's own query parameters filter (it ignores others); a repeated one
counts by its first value, the one validation checked. A search's body fields filter
as the query's do.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from .routes import Route
from .store import Record

_PAGING = {"page", "size", "sort", "direction"}


def page_of(
    records: list[Record], route: Route, query: dict[str, list[str]], search: Any
) -> tuple[list[Record], int]:
    """The page of `records` the request asks for, and how many match in all."""
    declared = {p.name for p in route.operation.parameters if p.location == "query"}
    filters = {k: v[0] for k, v in query.items() if k in declared and k not in _PAGING}
    if isinstance(search, dict):
        filters.update(search)
    matching = _sorted([r for r in records if _matches(r, filters)], query)
    page = int(query.get("page", ["0"])[0] or 0)
    size = int(query.get("size", [str(_default_size(route))])[0] or 20)
    first = page * size
    return matching[first : first + size], len(matching)


def _matches(record: Record, filters: dict[str, Any]) -> bool:
    for key, wanted in filters.items():
        if isinstance(wanted, list):
            if record.id not in {str(w) for w in wanted}:
                return False
        elif _is_timestamp(wanted):
            if record.updated <= _normalise_time(str(wanted)):
                return False
        elif wanted not in (None, "") and not any(
            _same(found, wanted) for found in _values_named(record.data, key)
        ):
            return False
    return True


def _values_named(data: Any, key: str) -> list[Any]:
    found = []
    if isinstance(data, dict):
        for name, value in data.items():
            if name == key:
                found.append(value)
            found += _values_named(value, key)
    elif isinstance(data, list):
        for item in data:
            found += _values_named(item, key)
    return found


def _same(found: Any, wanted: Any) -> bool:
    def norm(value: Any) -> str:
        return "".join(c for c in str(value).casefold() if c.isalnum())

    a, b = norm(found), norm(wanted)
    return a == b or (len(b) >= 3 and b in a)


def _is_timestamp(value: Any) -> bool:
    if not isinstance(value, str) or len(value) < 20 or value[10:11] != "T":
        return False
    try:
        dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        return False
    return True


def _normalise_time(value: str) -> str:
    moment = dt.datetime.fromisoformat(value.replace("Z", "+00:00")).astimezone(dt.UTC)
    return moment.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def _sorted(records: list[Record], query: dict[str, list[str]]) -> list[Record]:
    field_name = (query.get("sort") or [""])[0]
    if not field_name:
        return records
    reverse = (query.get("direction") or ["ASC"])[0].upper() == "DESC"
    return sorted(records, key=lambda r: str(r.data.get(field_name, "")), reverse=reverse)


def _default_size(route: Route) -> int:
    size = next((p for p in route.operation.parameters if p.name == "size"), None)
    value = size.schema.keyword("default") if size and size.schema else None
    return value if isinstance(value, int) else 20
