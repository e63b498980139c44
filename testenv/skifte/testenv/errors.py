"""Error bodies in the shape each release declares (its error schema), whatever the cause."""

from __future__ import annotations

import datetime as dt
from typing import Any

from skifte.api import Schema

from .values import conform

_CODES = {
    400: "UGYLDIG_FORESPOERGSEL",
    401: "IKKE_AUTENTIFICERET",
    403: "IKKE_TILLADT",
    404: "IKKE_FUNDET",
    405: "METODE_IKKE_TILLADT",
    409: "KONFLIKT",
    413: "FOR_STORT_INDHOLD",
    415: "MEDIETYPE_UNDERSTOETTES_IKKE",
    429: "FOR_MANGE_KALD",
    500: "SERVERFEJL",
}
_ROLES = {
    "code": ("fejlkode", "code", "error", "errorCode"),
    "message": ("besked", "message", "detail", "description", "title"),
    "field": ("felt", "field", "parameter"),
    "time": ("tidspunkt", "timestamp", "time"),
    "status": ("status", "statusCode"),
}


def error_body(
    schema: Schema | None, status: int, message: str, field: str | None, code: str | None = None
) -> Any:
    values = {
        "code": (code or _CODES.get(status, "FEJL")).upper(),
        "message": message,
        "field": field,
        "time": dt.datetime.now(dt.UTC).isoformat(timespec="seconds").replace("+00:00", "Z"),
        "status": status,
    }
    if schema is None:
        return {"fejlkode": values["code"], "besked": message, **({"felt": field} if field else {})}
    props = schema.merged_properties()
    body = {}
    for role, names in _ROLES.items():
        for name in names:
            if name in props and values[role] is not None:
                body[name] = values[role]
                break
    return conform(body, schema, key=f"error/{status}")
