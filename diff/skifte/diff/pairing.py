"""Which operation of the revision is which of the base, and which parameter is which.

Operations pair by method and path template with the parameter names left out, so
`/krav/{id}` and `/krav/{kravId}` are the same path: renaming a path parameter
consistently changes nothing on the wire. Path parameters pair by their position
in the template for the same reason; header names pair case-insensitively.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from skifte.api import Api, Operation, Parameter
from skifte.spec import escape_token

_TEMPLATE_PARAMETER = re.compile(r"\{([^{}]*)\}")


@dataclass(frozen=True)
class OperationPair:
    base: Operation
    revision: Operation

    def pointer(self, *steps: str) -> str:
        """Where a finding about this operation points: into the revision, where what
        changed is now (or, for what went, would be)."""
        return "/".join([self.revision.pointer, *(escape_token(step) for step in steps)])


@dataclass(frozen=True)
class Pairing:
    pairs: tuple[OperationPair, ...]
    removed: tuple[Operation, ...]
    added: tuple[Operation, ...]


def path_shape(path: str) -> str:
    """`/krav/{kravId}` → `/krav/{}`."""
    return _TEMPLATE_PARAMETER.sub("{}", path)


def pair_operations(base: Api, revision: Api) -> Pairing:
    unmatched = {(op.method, op.path): op for op in revision.operations}
    by_shape: dict[tuple[str, str], list[Operation]] = {}
    for op in revision.operations:
        by_shape.setdefault((op.method, path_shape(op.path)), []).append(op)
    pairs, removed = [], []
    for op in base.operations:
        match = unmatched.get((op.method, op.path))
        if match is None:
            candidates = by_shape.get((op.method, path_shape(op.path)), [])
            match = next((c for c in candidates if (c.method, c.path) in unmatched), None)
        if match is None:
            removed.append(op)
        else:
            del unmatched[(match.method, match.path)]
            pairs.append(OperationPair(op, match))
    return Pairing(tuple(pairs), tuple(removed), tuple(unmatched.values()))


def parameter_key(parameter: Parameter, operation: Operation) -> tuple[str, str]:
    """How a parameter is known across releases: its place, not its spelling where that is free."""
    if parameter.location == "path":
        names = _TEMPLATE_PARAMETER.findall(operation.path)
        if parameter.name in names:
            return ("path", f"#{names.index(parameter.name)}")
    if parameter.location == "header":
        return ("header", parameter.name.lower())
    return (parameter.location, parameter.name)
