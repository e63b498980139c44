"""Which schema pairs need no walk: the same text, and nothing they refer to changed.

Most of a large description does not change between releases. A component is
unchanged when its text is equal in both documents and every component it refers
to is unchanged; an inline schema likewise. Checking that costs one pass over the
text instead of a shape for every node, which is what keeps large diffs fast.
"""

from __future__ import annotations

import sys

from skifte.api import Schema

from ..nesting import MAX_DEPTH, TooDeep

_NOT_CUT = sys.maxsize


class Unchanged:
    def __init__(self) -> None:
        self._components: dict[str, bool] = {}
        self._open: dict[str, int] = {}

    def pair(self, base: Schema, revision: Schema) -> bool:
        """True when the two views accept exactly the same values, as far as text can tell."""
        text = base.text
        if not text.same_as(revision.text):
            return False
        if base.component is not None and base.component == revision.component:
            return self._component(base.component, base, revision)[0]
        refs = text.component_refs()
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
        old = base.resolver.component_text(name)
        new = revision.resolver.component_text(name)
        if old is None or new is None or not old.same_as(new):
            self._components[name] = False
            return False, _NOT_CUT
        refs = old.component_refs()
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
