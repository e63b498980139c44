"""The document's servers: a base URL integrators configured may be gone."""

from __future__ import annotations

from collections.abc import Iterator
from typing import TYPE_CHECKING

from ..change import Finding

if TYPE_CHECKING:
    from ..context import DiffContext

SERVER_REMOVED = "server-removed"
SERVER_ADDED = "server-added"


def check(ctx: DiffContext) -> Iterator[Finding]:
    before = {_normal(s.url): s.url for s in ctx.base.servers}
    after = {_normal(s.url): s.url for s in ctx.revision.servers}
    for key in sorted(before.keys() - after.keys()):
        yield Finding(SERVER_REMOVED, None, "#/servers", before[key], {"target": before[key]})
    for key in sorted(after.keys() - before.keys()):
        yield Finding(SERVER_ADDED, None, "#/servers", after[key], {"target": after[key]})


def _normal(url: str) -> str:
    return url.rstrip("/") or "/"
