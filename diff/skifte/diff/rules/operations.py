"""Operations added, removed (with or without a deprecation first), deprecated, renamed."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..change import Finding

if TYPE_CHECKING:
    from ..context import DiffContext

OPERATION_ADDED = "operation-added"
OPERATION_REMOVED = "operation-removed"
OPERATION_REMOVED_WITHOUT_DEPRECATION = "operation-removed-without-deprecation"
OPERATION_DEPRECATED = "operation-deprecated"
OPERATION_REACTIVATED = "operation-reactivated"
OPERATION_ID_CHANGED = "operation-id-changed"


def check(ctx: DiffContext) -> Iterator[Finding]:
    for op in ctx.pairing.added:
        yield Finding(OPERATION_ADDED, op, op.pointer, op.key, {"target": op.key})
    for op in ctx.pairing.removed:
        # Removing what was deprecated is the announced path; removing it outright is worse
        # news for the integrator, though both break whoever still calls it.
        rule = OPERATION_REMOVED if op.deprecated else OPERATION_REMOVED_WITHOUT_DEPRECATION
        yield Finding(rule, op, op.pointer, op.key, {"target": op.key}, ctx.symbols.method(op))
    for pair in ctx.pairs:
        base, revision = pair.base, pair.revision
        fields = {"target": revision.key}
        affects = ctx.symbols.method(base)
        if revision.deprecated != base.deprecated:
            rule = OPERATION_DEPRECATED if revision.deprecated else OPERATION_REACTIVATED
            where = f"{revision.pointer}/deprecated"
            yield Finding(rule, revision, where, revision.key, fields, affects)
        if revision.operation_id != base.operation_id:
            # The generated client names its method after the operationId.
            yield Finding(
                OPERATION_ID_CHANGED,
                revision,
                f"{revision.pointer}/operationId",
                revision.key,
                {
                    **fields,
                    "old": base.operation_id or "none",
                    "new": revision.operation_id or "none",
                },
                affects,
            )
