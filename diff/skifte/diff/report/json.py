"""The JSON report: a stable contract for machines (see the README's "Release diff")."""

from __future__ import annotations

import json
from typing import Any

from ..change import LEVELS, DiffResult


def as_data(result: DiffResult) -> dict[str, Any]:
    data: dict[str, Any] = {"base": result.base, "revision": result.revision}
    data.update({level: result.count(level) for level in LEVELS})
    data["changes"] = [
        {
            "id": change.id,
            "level": change.level,
            "operation": change.operation,
            "operationId": change.operation_id,
            "pointer": change.pointer,
            "message": change.message,
            "affects": list(change.affects),
            "oasdiff": list(change.oasdiff),
        }
        for change in result.changes
    ]
    return data


def render(result: DiffResult) -> str:
    return json.dumps(as_data(result), indent=2, ensure_ascii=False) + "\n"
