"""Class names for inline enums and objects: from where they sit, never numbered.

An enum or object written inside a schema (not a `$ref`) becomes a class named
after its owner's class and the way down to it: `Forespoergsel` → `status` is
`ForespoergselStatus`; array items add `Item`, a map's values `Value`, the n-th
`oneOf`/`anyOf` choice `Option<n>`. `allOf` parts are merged into their owner, so
they add nothing and are not classes of their own.

A name already taken (a component's class, or an earlier inline class) gets the
first free number: `ForespoergselStatus2`, `ForespoergselStatus3`, … Owners are
visited in the caller's order (sorted wire names) and each owner's schema in
document order, so a name changes only when a new schema produces the very same
name, never because an unrelated schema appeared.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from skifte.spec import escape_token


@dataclass(frozen=True)
class InlineClass:
    name: str
    owner: str
    """The class whose schema holds it (a component's or another inline class's)."""
    pointer: str
    """Where it sits inside the owner's raw schema, e.g. `#/properties/status`."""


def inline_classes(
    owners: Iterable[tuple[str, Any]],
    taken: set[str],
    *,
    part: Callable[[str], str],
    finish: Callable[[str], str],
) -> list[InlineClass]:
    """Every inline enum and object below the given (class name, raw schema) owners.

    `part(property)` spells a property name as a part of a class name, `finish(name)`
    makes the joined name a valid class name (the caller's naming rules).
    """
    used = set(taken)
    found: list[InlineClass] = []

    def visit(node: Any, pointer: str, stem: str, owner: str, own_class: bool) -> None:
        if not isinstance(node, Mapping) or "$ref" in node:
            return
        if own_class and defines_class(node):
            base, n = finish(stem), 1
            name = base
            while name in used:
                n += 1
                name = f"{base}{n}"
            used.add(name)
            found.append(InlineClass(name, owner, pointer))
            stem = name
        for child_pointer, child, named, is_class in _named_children(node, pointer, part):
            visit(child, child_pointer, stem + named, owner, is_class)

    for owner, raw in owners:
        visit(raw, "#", owner, owner, own_class=False)
    return found


def defines_class(node: Mapping[str, Any]) -> bool:
    """Whether datamodel-code-generator makes a class of this inline schema."""
    enum = node.get("enum")
    if isinstance(enum, list) and any(v is not None for v in enum):
        return True
    properties = node.get("properties")
    if isinstance(properties, Mapping) and properties:
        return True
    parts = node.get("allOf")
    return isinstance(parts, list) and (
        len(parts) > 1 or any(isinstance(p, Mapping) and "properties" in p for p in parts)
    )


def _named_children(
    node: Mapping[str, Any], pointer: str, part: Callable[[str], str]
) -> Iterator[tuple[str, Any, str, bool]]:
    """(pointer, child, name part, may be a class) for the places inline classes come from."""
    properties = node.get("properties")
    if isinstance(properties, Mapping):
        for name, child in properties.items():
            yield f"{pointer}/properties/{escape_token(str(name))}", child, part(str(name)), True
    items = node.get("items")
    if isinstance(items, Mapping):
        yield f"{pointer}/items", items, "Item", True
    extra = node.get("additionalProperties")
    if isinstance(extra, Mapping):
        yield f"{pointer}/additionalProperties", extra, "Value", True
    for keyword in ("oneOf", "anyOf"):
        choices = node.get(keyword)
        if isinstance(choices, list):
            for i, child in enumerate(choices):
                yield f"{pointer}/{keyword}/{i}", child, f"Option{i + 1}", True
    parts = node.get("allOf")
    if isinstance(parts, list):
        for i, child in enumerate(parts):
            yield f"{pointer}/allOf/{i}", child, "", False
