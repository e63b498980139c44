"""SpecDocument → Api."""

from __future__ import annotations

from typing import Any

from skifte.spec import SpecDocument, iter_operations

from .model import Api, Operation


def build_api(document: SpecDocument) -> Api:
    data = document.data
    return Api(
        title=document.title,
        version=document.version,
        openapi=document.openapi,
        servers=tuple(
            str(s.get("url", "")) for s in data.get("servers") or [] if isinstance(s, dict)
        ),
        operations=tuple(
            _operation(path, method, op) for path, method, op in iter_operations(data)
        ),
    )


def _operation(path: str, method: str, raw: dict[str, Any]) -> Operation:
    return Operation(
        method=method.upper(),
        path=path,
        operation_id=raw.get("operationId"),
        tags=tuple(raw.get("tags") or ()),
        summary=str(raw.get("summary") or ""),
        deprecated=bool(raw.get("deprecated", False)),
    )
