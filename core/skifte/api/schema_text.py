"""A schema's text as written: what tells two releases' schemas apart without walking them.

The diff compares texts first, since most of a large description does not change between
releases; only the model of the API reads the text itself.
"""

from __future__ import annotations

from typing import Any

COMPONENT_SCHEMAS = "#/components/schemas/"

RefsMemo = dict[int, tuple[Any, frozenset[str] | None]]
"""Node id → (the node, kept so its id stays unique; the components it refers to)."""


class SchemaText:
    __slots__ = ("_memo", "_node")

    def __init__(self, node: Any, memo: RefsMemo) -> None:
        self._node = node
        self._memo = memo

    def same_as(self, other: SchemaText) -> bool:
        """Written alike (or the very same node)."""
        return self._node is other._node or self._node == other._node

    def component_refs(self) -> frozenset[str] | None:
        """Names of the components referred to inside; None if it refers anywhere else."""
        known = self._memo.get(id(self._node))
        if known is not None:
            return known[1]
        names: set[str] | None = set()
        stack = [self._node]
        while stack and names is not None:
            node = stack.pop()
            if isinstance(node, dict):
                ref = node.get("$ref")
                if isinstance(ref, str):
                    name = _plain_component(ref)
                    if name is None:
                        names = None
                        break
                    names.add(name)
                stack.extend(node.values())
            elif isinstance(node, list):
                stack.extend(node)
        found = None if names is None else frozenset(names)
        self._memo[id(self._node)] = (self._node, found)
        return found


def _plain_component(ref: str) -> str | None:
    """The component a ref names, when it names one plainly (no escapes to undo)."""
    if not ref.startswith(COMPONENT_SCHEMAS):
        return None
    name = ref[len(COMPONENT_SCHEMAS) :]
    return None if "/" in name or "~" in name or "%" in name else name
