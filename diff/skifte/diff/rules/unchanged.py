"""Which schema pairs need no walk: the same text, and nothing they refer to changed.

Most of a large description does not change between releases. A component is
unchanged when its text is equal in both documents and every component it refers
to is unchanged; an inline schema likewise. Checking that costs one pass over the
text instead of a shape for every node, which is what keeps large diffs fast.
"""

from __future__ import annotations

import sys
from typing import Any

from skifte.api import Schema

from ..nesting import MAX_DEPTH, TooDeep
from ..shape import COMPONENT_REF

_NOT_CUT = sys.maxsize


class Unchanged:
    def __init__(self) -> None:
        self._refs: dict[int, tuple[Any, frozenset[str] | None]] = {}
        self._components: dict[str, bool] = {}
        self._open: dict[str, int] = {}

    def pair(self, base: Schema, revision: Schema) -> bool:
        """True when the two views accept exactly the same values, as far as text can tell."""
        if base.raw is not revision.raw and base.raw != revision.raw:
            return False
        if base.component is not None and base.component == revision.component:
            return self._component(base.component, base, revision)[0]
        refs = self._refs_within(base.raw)
        if refs is None:
            return False
        return all(self._component(name, base, revision)[0] for name in refs)

    def _component(self, name: str, base: Schema, revision: Schema) -> tuple[bool, int]:
        known = self._components.get(name)
        if known is not None:
            return known, _NOT_CUT
        depth = self._open.get(name)
        if depth is not None:  # a cycle: unchanged unless something else on it changed
            return True, depth
        if len(self._open) >= MAX_DEPTH:
            raise TooDeep(name)
        old = _component_raw(base, name)
        new = _component_raw(revision, name)
        if old is None or new is None or (old is not new and old != new):
            self._components[name] = False
            return False, _NOT_CUT
        refs = self._refs_within(old)
        if refs is None:
            self._components[name] = False
            return False, _NOT_CUT
        depth = self._open[name] = len(self._open)
        same, cut = True, _NOT_CUT
        try:
            for ref in sorted(refs):
                same, below = self._component(ref, base, revision)
                cut = min(cut, below)
                if not same:
                    break
        finally:
            del self._open[name]
        if not same or cut >= depth:
            self._components[name] = same
            return same, _NOT_CUT
        return same, cut

    def _refs_within(self, raw: Any) -> frozenset[str] | None:
        """Component names referred to inside `raw`; None if it refers elsewhere."""
        known = self._refs.get(id(raw))
        if known is not None:
            return known[1]
        names: set[str] | None = set()
        stack = [raw]
        while stack and names is not None:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str):
                    name = _component_name(ref)
                    if name is None:
                        names = None
                        break
                    names.add(name)
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        found = None if names is None else frozenset(names)
        self._refs[id(raw)] = (raw, found)  # the node is kept so its id stays unique
        return found


def _component_name(ref: str) -> str | None:
    if not ref.startswith(COMPONENT_REF):
        return None
    name = ref[len(COMPONENT_REF) :]
    return None if "/" in name or "~" in name or "%" in name else name


def _component_raw(view: Schema, name: str) -> Any:
    try:
        return view.resolver.lookup(COMPONENT_REF + name)
    except (KeyError, IndexError, TypeError):
        return None
