"""The model of an API that every command reads: generator, diff, stand-in, contract tests.

Built once from a validated `SpecDocument`; nothing downstream touches the raw
tree again. It grows with the commands that need it: each part is added
here, not reinvented by a consumer.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Operation:
    method: str
    """Upper case: GET, POST, ..."""
    path: str
    operation_id: str | None
    tags: tuple[str, ...] = ()
    summary: str = ""
    deprecated: bool = False

    @property
    def key(self) -> str:
        """How people name an operation: `POST /doedsbojournaler`."""
        return f"{self.method} {self.path}"


@dataclass(frozen=True)
class Api:
    title: str
    version: str
    openapi: str
    servers: tuple[str, ...]
    operations: tuple[Operation, ...]

    def operation(self, operation_id: str) -> Operation:
        for operation in self.operations:
            if operation.operation_id == operation_id:
                return operation
        raise KeyError(operation_id)
