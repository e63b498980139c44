"""An optional parameter's default changed: a client that leaves it out gets other behaviour.

The server applies the default to every request without the parameter, so a new,
changed or dropped default changes what such a request means (a page size, a sort
order) though every request stays valid. A required parameter's default never applies.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from skifte.api import Schema

from ..change import Finding
from ..pairing import parameter_key
from ..shape import canonical

if TYPE_CHECKING:
    from ..context import DiffContext

PARAMETER_DEFAULT_CHANGED = "parameter-default-changed"

_ABSENT = object()


def check(ctx: DiffContext) -> Iterator[Finding]:
    for pair in ctx.pairs:
        after = {parameter_key(p, pair.revision): p for p in pair.revision.parameters}
        for old in pair.base.parameters:
            new = after.get(parameter_key(old, pair.base))
            if new is None or old.required or new.required:
                continue
            before, now = _default(old.schema), _default(new.schema)
            if before == now:
                continue
            target = f"{new.location}:{new.name}"
            fields = {"target": target, "old": before, "new": now}
            yield Finding(
                PARAMETER_DEFAULT_CHANGED,
                pair.revision,
                f"{new.pointer}/schema/default",
                target,
                fields,
                ctx.symbols.method(pair.base),
            )


def _default(schema: Schema | None) -> str:
    """The default as canonical JSON, or "none"."""
    value = _ABSENT if schema is None else schema.keyword("default", _ABSENT)
    return "none" if value is _ABSENT else canonical(value)
